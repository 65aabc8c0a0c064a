"""Encryption at rest (Fernet: AES-CBC + HMAC, authenticated) and keyed blind indexes for lookups.

Keys come from settings or from a key file created on first run with mode 0600. Several encryption keys may
be configured (newest first): everything is written with the first and read with any, which is how
``MultiFernet`` supports rotation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from core.errors import DomainError


class KeyMaterialError(DomainError):
    key = "error.keys"


class Vault:
    """Encrypts and decrypts values; computes blind indexes. Holds no state besides the keys."""

    def __init__(self, encryption_keys: list[bytes], index_key: bytes) -> None:
        if not encryption_keys:
            raise KeyMaterialError("no encryption key configured")
        self._fernet = MultiFernet([Fernet(k) for k in encryption_keys])
        self._index_key = index_key

    def encrypt(self, data: bytes) -> bytes:
        return self._fernet.encrypt(data)

    def decrypt(self, token: bytes) -> bytes:
        try:
            return self._fernet.decrypt(token)
        except InvalidToken as exc:
            raise KeyMaterialError("a value could not be decrypted with the configured keys") from exc

    def rotate(self, token: bytes) -> bytes:
        """Re-encrypt a token under the newest key."""
        return self._fernet.rotate(token)

    def enc_text(self, text: str | None) -> bytes | None:
        return None if text is None else self.encrypt(text.encode("utf-8"))

    def dec_text(self, token: bytes | None) -> str | None:
        return None if token is None else self.decrypt(token).decode("utf-8")

    def enc_json(self, value: Any) -> bytes:
        return self.encrypt(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"))

    def dec_json(self, token: bytes) -> Any:
        return json.loads(self.decrypt(token))

    def index(self, purpose: str, value: str) -> str:
        """A keyed HMAC of a normalised value: equal inputs match, the database alone cannot reverse it."""
        normalised = " ".join(value.split()).casefold()
        return hmac.new(self._index_key, f"{purpose}\x00{normalised}".encode(), hashlib.sha256).hexdigest()


def _create_key_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    content = json.dumps(
        {
            "encryption_keys": [Fernet.generate_key().decode()],
            "index_key": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        },
        indent=2,
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(content + "\n")


def load_vault(key_file: Path, encryption_keys: str | None = None, index_key: str | None = None) -> Vault:
    """Build the vault from explicit keys, else from ``key_file`` (created, mode 0600, if missing)."""
    if encryption_keys and index_key:
        keys = [k.strip().encode() for k in encryption_keys.split(",") if k.strip()]
        return Vault(keys, base64.urlsafe_b64decode(index_key))
    if not key_file.exists():
        _create_key_file(key_file)
    try:
        raw = json.loads(key_file.read_text(encoding="utf-8"))
        keys = [k.encode() for k in raw["encryption_keys"]]
        idx = base64.urlsafe_b64decode(raw["index_key"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyMaterialError(f"key file {key_file} is unreadable: {exc}") from exc
    if encryption_keys:
        keys = [k.strip().encode() for k in encryption_keys.split(",") if k.strip()] + keys
    return Vault(keys, idx)
