"""Tables of repeat reports (issue 17, item 5; rules.md §10.4 "对重信重访案件，要逐一建立台账"): the keyed sketch of a
report's facts and its LSH band keys (core.similarity), the earlier reports found at filing, and the links
officers made. No text is stored here: ids, keyed hashes, reasons and scores.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from core.persistence.orm import Base, UtcDateTime


class CaseSketchRow(Base):
    """A case's keyed MinHash signature (core.similarity): reveals no word without the index key."""

    __tablename__ = "case_sketches"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class CaseBucketRow(Base):
    """One LSH band key of a case's sketch. Keyed by (bucket, case): the look-up at filing reads the key's
    entries from the primary key's index alone."""

    __tablename__ = "case_buckets"
    bucket: Mapped[str] = mapped_column(String(16), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True, index=True)


class CaseMatchRow(Base):
    """An earlier report found when ``case_id`` was filed: about the same person (``person``: same name and
    unit; ``person_region``: same name and region) or with similar facts (``facts``, the estimated Jaccard
    index). Shown on both cards as "可能相关" to officers entitled to see both (core.services.repeats)."""

    __tablename__ = "case_matches"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True, index=True)
    reason: Mapped[str] = mapped_column(String(16), primary_key=True)
    score: Mapped[float] = mapped_column(Float)


class CaseLinkRow(Base):
    """Two cases an officer linked as the same matter (rules.md §10.4), stored once: ``case_id`` < ``other_id``."""

    __tablename__ = "case_links"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True, index=True)
    linked_by: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime())
