"""Evidence files, encrypted at rest in a directory; the database keeps only metadata and a storage key."""

from __future__ import annotations

import asyncio
import os
import secrets
from pathlib import Path

from core.crypto import Vault


class EvidenceStore:
    def __init__(self, directory: Path, vault: Vault) -> None:
        self.directory = directory
        self._vault = vault

    def _path(self, key: str) -> Path:
        if not key.isalnum():
            raise ValueError("bad storage key")
        return self.directory / f"{key}.bin"

    async def put(self, data: bytes) -> str:
        key = secrets.token_hex(16)
        token = self._vault.encrypt(data)

        def write() -> None:
            # only the service account may even list or read the (encrypted) files
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            tmp = self._path(key).with_suffix(".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(token)
                fh.flush()
                os.fsync(fh.fileno())  # the case row is committed after this: the file must be on disk first
            tmp.replace(self._path(key))

        await asyncio.to_thread(write)
        return key

    async def get(self, key: str) -> bytes:
        token = await asyncio.to_thread(self._path(key).read_bytes)
        return self._vault.decrypt(token)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, True)

    # -- for key rotation and retention: the stored tokens, whatever key they are under -------------------------
    def stored_keys(self) -> list[str]:
        """Every file in the store, filed or still staged by a dialog in progress."""
        if not self.directory.exists():
            return []
        return sorted(p.stem for p in self.directory.glob("*.bin") if p.stem.isalnum())

    async def read_token(self, key: str) -> bytes:
        return await asyncio.to_thread(self._path(key).read_bytes)

    async def replace_token(self, key: str, token: bytes) -> None:
        """Rewrite one file atomically (temporary file synced, then renamed): a crash leaves the old or the new."""
        path = self._path(key)

        def write() -> None:
            tmp = path.with_name(f"{key}.{secrets.token_hex(4)}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(token)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, path)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise

        await asyncio.to_thread(write)

    def exists(self, key: str) -> bool:
        return self._path(key).exists()
