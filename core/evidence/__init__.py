"""Evidence files: what they may be (``filetypes``, rules.md §6) and how they are kept, encrypted (``store``)."""

from core.evidence.store import EvidenceStore

__all__ = ["EvidenceStore"]
