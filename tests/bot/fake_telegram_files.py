"""Files known to the fake Bot API (user and bot uploads), and how they appear in messages."""

from __future__ import annotations

import itertools
import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_KINDS = {  # kind: (folder of file_path, default extension, default MIME type)
    "photo": ("photos", ".jpg", "image/jpeg"),
    "document": ("documents", ".bin", "application/octet-stream"),
    "voice": ("voice", ".oga", "audio/ogg"),
    "audio": ("music", ".mp3", "audio/mpeg"),
    "video": ("videos", ".mp4", "video/mp4"),
    "animation": ("animations", ".mp4", "video/mp4"),
}


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    kind: str
    data: bytes
    size: int
    file_path: str
    file_name: str | None
    mime_type: str


class FileStore:
    """Files known to the server (user uploads and bot uploads), by file_id and by file_path."""

    def __init__(self) -> None:
        self.by_id: dict[str, StoredFile] = {}
        self.by_path: dict[str, StoredFile] = {}
        self._seq = itertools.count(1)

    def add(
        self,
        data: bytes,
        kind: str,
        file_name: str | None = None,
        mime_type: str | None = None,
        size: int | None = None,
    ) -> StoredFile:
        n = next(self._seq)
        folder, ext, default_mime = _KINDS.get(kind, _KINDS["document"])
        if kind == "photo":  # Telegram re-encodes photos as JPEG
            file_name, mime_type = None, default_mime
        elif file_name and "." in file_name:
            ext = "." + file_name.rsplit(".", 1)[1]
        if not mime_type or mime_type == "application/octet-stream":
            mime_type = (mimetypes.guess_type(file_name or "")[0] if file_name else None) or default_mime
        stored = StoredFile(
            file_id=f"FAKE{kind[:2].upper()}{n:06d}AAQgAAAkZmFrZQ",
            file_unique_id=f"AQAD{n:06d}",
            kind=kind,
            data=data,
            size=len(data) if size is None else size,
            file_path=f"{folder}/file_{n}{ext}",
            file_name=file_name,
            mime_type=mime_type,
        )
        self.by_id[stored.file_id] = self.by_path[stored.file_path] = stored
        return stored


def describe(stored: StoredFile, params: Mapping[str, Any] | None = None) -> Any:
    """The Message field for a file: a list of PhotoSize for photos, else a Document/Voice/Audio/Video object."""
    params = params or {}
    base = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "file_size": stored.size}
    if stored.kind == "photo":
        return [{**base, "width": 1280, "height": 960}]
    obj: dict[str, Any] = {**base, "mime_type": stored.mime_type}
    if stored.kind in ("voice", "audio", "video", "animation"):
        obj["duration"] = int(params.get("duration") or 3)
    if stored.kind in ("video", "animation"):
        obj.update(width=int(params.get("width") or 1280), height=int(params.get("height") or 720))
    if stored.kind != "voice" and stored.file_name:
        obj["file_name"] = stored.file_name
    return obj


@dataclass
class UploadedFile:
    data: bytes
    filename: str | None
    content_type: str | None
