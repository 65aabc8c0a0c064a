"""Case numbers ("一信一码", R-14): ``XF-<year>-<6 digits>``, counted afresh each year in the office's time zone.

People say "case 33" or "2026-33": :func:`parse_case_ref` reads those too, and :func:`choose` picks the case
they mean among the stored numbers that fit (the caller passes only those the person may see, so that a
choice never names a case they may not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.errors import AmbiguousCase, NotFound

PREFIX = "XF"
SEQ_DIGITS = 6
FIRST_YEAR = 2000  # a short number is looked for in the years from this one to the current one
_REF = re.compile(rf"(?:(?:{PREFIX}-)?(\d{{4}})-)?0*(\d{{1,{SEQ_DIGITS}}})")


def case_number(year: int, seq: int) -> str:
    return f"{PREFIX}-{year}-{seq:0{SEQ_DIGITS}d}"


@dataclass(frozen=True)
class CaseRef:
    """What someone typed: a year and a sequence number, or a sequence number alone."""

    seq: int
    year: int | None = None

    def numbers(self, this_year: int) -> list[str]:
        """Every case number this may mean, oldest year first."""
        if self.year is not None:
            return [case_number(self.year, self.seq)]
        return [case_number(y, self.seq) for y in range(FIRST_YEAR, this_year + 1)]


def parse_case_ref(raw: str) -> CaseRef | None:
    """``XF-2026-000033``, ``xf-2026-33``, ``2026-33`` or ``33``; None for anything else."""
    m = _REF.fullmatch(raw.strip().upper())
    if m is None or int(m.group(2)) == 0:
        return None
    return CaseRef(int(m.group(2)), int(m.group(1)) if m.group(1) else None)


def choose(raw: str, ref: CaseRef, found: list[str], this_year: int) -> str:
    """The one case meant, among ``found`` (the stored numbers that fit): this year's, else the only one.

    Raises :class:`NotFound` for none and :class:`AmbiguousCase` (listing them) for several.
    """
    if not found:
        raise NotFound("case", raw.strip())
    current = case_number(this_year, ref.seq)
    if ref.year is None and current in found:
        return current
    if len(found) == 1:
        return found[0]
    raise AmbiguousCase(raw.strip(), sorted(found))
