"""Files attached by path: ``/file ~/photo.jpg``, or a pasted/dragged path on a line of its own.

The kind is what Telegram would have reported for the same file (from the extension), the size comes from
the file system, and the "download" reads the file: the dialogs check type, size and content exactly as for
a file sent in Telegram, so the console cannot slip in anything the bot would refuse.
"""

from __future__ import annotations

import asyncio
import mimetypes
import shlex
from pathlib import Path

from bot.dialogs.engine import Media

FILE_COMMAND = "/file"
_KINDS = {
    "jpg": "photo", "jpeg": "photo", "png": "photo", "mp4": "video",
    "ogg": "voice", "oga": "voice", "mp3": "audio", "m4a": "audio",
}  # fmt: skip
_MIME = {"ogg": "audio/ogg", "oga": "audio/ogg", "m4a": "audio/mp4", "mp3": "audio/mpeg"}


def _unquote(raw: str) -> str:
    """Terminals paste dragged files quoted ('/a b.jpg') or with escaped spaces (/a\\ b.jpg)."""
    try:
        parts = shlex.split(raw)
    except ValueError:
        return raw.strip()
    return " ".join(parts) if parts else ""


def attachment_path(line: str) -> Path | None:
    """``/file PATH`` → PATH (existing or not: the caller says when it is missing); a line that is the path
    of an existing file → that path; anything else (an answer that merely looks like a path) → None."""
    stripped = line.strip()
    if stripped == FILE_COMMAND or stripped.startswith(FILE_COMMAND + " "):
        return Path(_unquote(stripped[len(FILE_COMMAND) :])).expanduser()
    if not stripped or not (stripped[0] in "/~.'\"" or stripped.startswith("file://")):
        return None
    candidate = Path(_unquote(stripped.removeprefix("file://"))).expanduser()
    try:
        return candidate if candidate.is_file() else None
    except OSError:  # a name too long, a forbidden directory: not a path after all
        return None


def media_for(path: Path) -> Media:
    """What the dialogs see for a file; ``ref`` is the resolved path the downloader reads."""
    ext = path.suffix.lower().lstrip(".")
    mime = _MIME.get(ext) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return Media(_KINDS.get(ext, "document"), str(path.resolve()), path.name, mime, path.stat().st_size)


async def read_file(media: Media) -> bytes:
    """The downloader: only called once the dialog has accepted the declared name and size."""
    return await asyncio.to_thread(Path(media.ref).read_bytes)


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    kb = size / 1024
    return f"{kb:.1f} KB" if kb < 1024 else f"{kb / 1024:.1f} MB"
