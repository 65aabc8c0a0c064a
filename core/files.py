"""Writing a private file so that a crash leaves the old content or the new, never half of it."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def private_dir(path: Path) -> None:
    """Create ``path`` (mode 0700) or take group and others' access away from it: what it holds (database,
    keys, evidence) is for the service account only."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        os.chmod(path, 0o700)


def private_files(*paths: Path) -> None:
    """Create the first path empty (mode 0600) if missing; take group and others' access away from them all."""
    if paths and not paths[0].exists():
        os.close(os.open(paths[0], os.O_WRONLY | os.O_CREAT, 0o600))
    for path in paths:
        try:
            if path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)
        except FileNotFoundError:
            continue


def write_private(path: Path, data: bytes, *, sync_dir: bool = False) -> None:
    """A temporary file (mode 0600, readable by the service account only) is written and synced, then renamed
    over ``path``. With ``sync_dir`` the rename itself is synced too (the key file: it must survive a power cut)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if sync_dir:
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
