"""Evidence files, encrypted at rest in a directory; the database keeps only metadata and a storage key."""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path

from core.crypto import Vault
from core.files import write_private


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
            # only the service account may even list or read the (encrypted) files; synced before the case
            # row that points to it is committed
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_private(self._path(key), token)

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
        await asyncio.to_thread(write_private, self._path(key), token)

    def exists(self, key: str) -> bool:
        return self._path(key).exists()
