"""What evidence files may be (rules.md §6 附件): the extension must be allowed and the bytes must match it.

A renamed executable (``.exe`` called ``.pdf``) is refused by its content, whatever its name says.
"""

from __future__ import annotations

from core.errors import InvalidInput
from core.model import EvidenceKind
from core.reports import EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES

_FAMILY = {
    "jpg": "jpeg", "jpeg": "jpeg", "png": "png", "pdf": "pdf", "doc": "ole", "docx": "zip",
    "mp3": "mp3", "m4a": "mp4", "mp4": "mp4", "ogg": "ogg", "oga": "ogg",
}  # fmt: skip
_KIND = {
    "jpeg": EvidenceKind.PHOTO, "png": EvidenceKind.PHOTO, "pdf": EvidenceKind.DOCUMENT,
    "ole": EvidenceKind.DOCUMENT, "zip": EvidenceKind.DOCUMENT, "mp3": EvidenceKind.AUDIO,
    "ogg": EvidenceKind.VOICE, "mp4": EvidenceKind.VIDEO,
}  # fmt: skip


def sniff(data: bytes) -> str | None:
    """The file family the leading bytes show, or None when they match no accepted type."""
    head = data[:16]
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"OggS"):
        return "ogg"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    return None


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_file(name: str, data: bytes) -> EvidenceKind:
    """Raise :class:`InvalidInput` (``problem`` = ``type``, ``size`` or ``content``) or return the kind."""
    ext = extension(name)
    if ext not in EVIDENCE_EXTENSIONS:
        raise InvalidInput("evidence", "type")
    if len(data) > EVIDENCE_MAX_BYTES:
        raise InvalidInput("evidence", "size")
    family = sniff(data)
    if family is None or family != _FAMILY[ext]:
        raise InvalidInput("evidence", "content")
    return _KIND[family]
