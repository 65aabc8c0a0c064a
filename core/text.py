"""Text as people mean it: what arrives from a chat, a terminal or a file is cleaned once, here.

Telegram delivers whatever a client sends: NUL and other control characters (PostgreSQL refuses NUL in text;
a terminal obeys escape sequences), zero-width characters (an invisible ``U+200B`` inside "临安区" makes it
another place, and the case goes to the wrong commission), bidirectional controls (``U+202E`` after a name
makes the phone number that follows read backwards on an officer's card) and lone surrogates (which cannot be
encoded at all). The bot's front cleans every update with :func:`clean_text`; the core cleans again what it
stores and routes by, for the other ways in (CLI, imports); rendering neutralises with :func:`displayable`
whatever is already stored.
"""

from __future__ import annotations

import re
import unicodedata

import opencc

MIME_MAX = 100  # EvidenceRow.mime_type is String(100)
FILE_NAME_MAX = 255  # what file systems allow; the name is stored encrypted, so no column limits it
FALLBACK_MIME = "application/octet-stream"
_T2S = opencc.OpenCC("t2s")  # OpenCC's C++ converter, built once in a few milliseconds

_ZERO_WIDTH = "\u200b\u200c\u2060\ufeff"
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_EMOJI = "\u2600-\u27bf\ufe0f\U0001f000-\U0001faff"  # pictographs, variation selector 16, skin tones
# C0 and C1 controls except tab and newline, DEL, zero-width and bidi controls, lone surrogates; the zero-width
# joiner too, except between two emoji ("👨\u200d👩\u200d👧" is one family: a password may be made of it)
_INVISIBLE = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_ZERO_WIDTH}{_BIDI}\ud800-\udfff]|(?<![{_EMOJI}])\u200d|\u200d(?![{_EMOJI}])"
)
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85]")
_MIME = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")


def displayable(text: str) -> str:
    """Without control, zero-width and bidi characters; newlines and tabs stay. For what is shown."""
    return _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text))


def clean_text(text: str, *, multiline: bool = True) -> str:
    """:func:`displayable`, in Unicode NFC (one spelling for what looks the same); single-line text has its
    newlines and tabs turned into spaces."""
    text = displayable(text)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def clean_mime(raw: str) -> str:
    """``type/subtype`` in lower case without parameters, or ``application/octet-stream`` when it is not one
    (too long for its column, malformed). It is metadata only: files are checked by their content."""
    mime = clean_text(raw, multiline=False).split(";", 1)[0].strip().lower()
    return mime if len(mime) <= MIME_MAX and _MIME.fullmatch(mime) else FALLBACK_MIME


def clean_file_name(raw: str) -> str:
    """One line, at most :data:`FILE_NAME_MAX` characters, the extension kept when it has to be shortened."""
    name = " ".join(clean_text(raw, multiline=False).split())
    if len(name) <= FILE_NAME_MAX:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > 16:
        return name[:FILE_NAME_MAX]
    return f"{stem[: FILE_NAME_MAX - len(ext) - 1]}.{ext}"


def simplified(text: str) -> str:
    """Traditional characters as simplified ("匿名舉報會被查到嗎" → "匿名举报会被查到吗"), for what the bot *reads*
    (the scope and urgent checks, the knowledge base, "is this a question?"); what is stored and shown stays as
    typed. OpenCC's t2s tables convert by phrase (乾隆 stays, 乾燥 becomes 干燥); simplified text is unchanged."""
    return _T2S.convert(text)
