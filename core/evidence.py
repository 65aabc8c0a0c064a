"""Evidence files, encrypted at rest in a directory; the database keeps only metadata and a storage key."""

from __future__ import annotations

import asyncio
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
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp = self._path(key).with_suffix(".tmp")
            tmp.write_bytes(token)
            tmp.replace(self._path(key))

        await asyncio.to_thread(write)
        return key

    async def get(self, key: str) -> bytes:
        token = await asyncio.to_thread(self._path(key).read_bytes)
        return self._vault.decrypt(token)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, True)
