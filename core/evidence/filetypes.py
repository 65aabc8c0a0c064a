"""What evidence files may be (rules.md §6 附件): the extension must be allowed and the bytes must match it.

A renamed executable (``.exe`` called ``.pdf``) is refused by its content, whatever its name says. Office files
are looked into a little further, because officers open them in office software: a ``.xlsx``/``.docx`` must be
an OOXML package of that kind, a ``.xls``/``.doc`` a compound file holding a workbook/document stream, and
none may carry macros. A ``.csv`` (低保 lists and accounts are usually spreadsheets) must be text — UTF-8 or
GBK/GB18030, as Chinese Excel saves it — and no cell may start like a formula, which a spreadsheet would run
when an officer opens the file ("CSV injection").
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from core.errors import InvalidInput
from core.model import EvidenceKind
from core.reports import EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES

_FAMILY = {
    "jpg": "jpeg", "jpeg": "jpeg", "png": "png", "pdf": "pdf", "doc": "ole", "docx": "zip", "xls": "ole",
    "xlsx": "zip", "csv": "text", "mp3": "mp3", "m4a": "mp4", "mp4": "mp4", "ogg": "ogg", "oga": "ogg",
}  # fmt: skip
_KIND = {
    "jpeg": EvidenceKind.PHOTO, "png": EvidenceKind.PHOTO, "pdf": EvidenceKind.DOCUMENT,
    "ole": EvidenceKind.DOCUMENT, "zip": EvidenceKind.DOCUMENT, "text": EvidenceKind.DOCUMENT,
    "mp3": EvidenceKind.AUDIO, "ogg": EvidenceKind.VOICE, "mp4": EvidenceKind.VIDEO,
}  # fmt: skip
# The main part of each OOXML kind, and the stream names (UTF-16LE in the compound file's directory) of the
# binary formats: Excel 97–2003 writes "Workbook", Excel 5/95 "Book"; Word writes "WordDocument".
_OOXML_MAIN = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_OLE_STREAMS = {"doc": ("WordDocument",), "xls": ("Workbook", "Book")}
_OLE_MACROS = "_VBA_PROJECT"
_CONTENT_TYPES_MAX = 256 * 1024  # [Content_Types].xml is a few KB: never inflate more (a zip bomb gets nowhere)
_FORMULA = re.compile(r"^\s*(?:[=@]|[+\-]\s*[A-Za-z(=@])")
_TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def sniff(data: bytes) -> str | None:
    """The file family the leading bytes show, or None when they match no accepted binary type."""
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


def _refuse(problem: str) -> InvalidInput:
    return InvalidInput("evidence", problem)


def _check_ooxml(ext: str, data: bytes) -> None:
    """The package must be the kind its name says (a .docx renamed .xlsx is refused) and hold no macros."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "[Content_Types].xml" not in names or _OOXML_MAIN[ext] not in names:
                raise _refuse("content")
            with zf.open("[Content_Types].xml") as fh:
                types = fh.read(_CONTENT_TYPES_MAX)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise _refuse("content") from exc
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in types:
        raise _refuse("macro")


def _check_ole(ext: str, data: bytes) -> None:
    """A compound file (the .doc/.xls/.msi/.ppt container) with the stream its name calls for, and no macros."""
    streams = [(name + "\0").encode("utf-16-le") for name in _OLE_STREAMS[ext]]
    if not any(s in data for s in streams):
        raise _refuse("content")
    if _OLE_MACROS.encode("utf-16-le") in data:
        raise _refuse("macro")


def _decode_text(data: bytes) -> str:
    if b"\x00" in data:  # UTF-16 or binary: neither is what a CSV export gives a Chinese Excel user
        raise _refuse("content")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse("content")


def _check_csv(data: bytes) -> None:
    text = _decode_text(data)
    if not text.strip() or _TEXT_CONTROLS.search(text):
        raise _refuse("content")
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            if any(_FORMULA.match(cell) for cell in row):
                raise _refuse("formula")
    except csv.Error as exc:
        raise _refuse("content") from exc


def check_file(name: str, data: bytes) -> EvidenceKind:
    """Raise :class:`InvalidInput` (``problem`` = ``type``, ``size``, ``content``, ``macro`` or ``formula``) or
    return the kind."""
    ext = extension(name)
    if ext not in EVIDENCE_EXTENSIONS:
        raise _refuse("type")
    if len(data) > EVIDENCE_MAX_BYTES:
        raise _refuse("size")
    expected = _FAMILY[ext]
    if expected == "text":
        _check_csv(data)
        return _KIND["text"]
    family = sniff(data)
    if family is None or family != expected:
        raise _refuse("content")
    if family == "zip":
        _check_ooxml(ext, data)
    elif family == "ole":
        _check_ole(ext, data)
    return _KIND[family]
