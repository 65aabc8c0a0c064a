"""Identifying metadata taken out of a photo before it is kept (issue 19, the web chat).

Telegram re-encodes a photo and drops its metadata; a browser uploads the file as it is, and a phone's JPEG carries
EXIF — where it was taken (GPS), the camera's make, model and serial number, the owner's name. An anonymous
reporter's photo would tell officers where they live. So JPEG and PNG lose their metadata segments and chunks
here, without re-encoding (the picture itself is kept bit for bit): JPEG keeps its JFIF header (APP0) and the
image data; APP1–APP15 (EXIF, XMP, ICC, maker notes) and comments go. PNG drops its text, time and EXIF chunks.
A file that does not parse is returned as it is (the evidence checks refuse what is not a picture).
"""

from __future__ import annotations

import struct

_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # markers without a length
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_DROPPED = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def without_metadata(data: bytes) -> bytes:
    """``data`` without identifying metadata if it is a JPEG or a PNG; anything else unchanged."""
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    if data.startswith(_PNG_SIGNATURE):
        return _png(data)
    return data


def _jpeg(data: bytes) -> bytes:
    out, i = bytearray(b"\xff\xd8"), 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return data  # not a marker where one must be: leave the file alone
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in _JPEG_STANDALONE:
            out += data[i : i + 2]
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        end = i + 2 + length
        if length < 2 or end > len(data):
            return data
        if marker == 0xDA:  # start of scan: the image data, and whatever follows, kept as they are
            return bytes(out + data[i:])
        if not (0xE1 <= marker <= 0xEF or marker == 0xFE):  # APP1–APP15 and comments are dropped
            out += data[i:end]
        i = end
    return data


def _png(data: bytes) -> bytes:
    out, i = bytearray(_PNG_SIGNATURE), len(_PNG_SIGNATURE)
    while i + 12 <= len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind, end = data[i + 4 : i + 8], i + 12 + length
        if end > len(data):
            return data
        if kind not in _PNG_DROPPED:
            out += data[i:end]
        i = end
        if kind == b"IEND":
            return bytes(out)
    return data
