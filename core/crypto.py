"""Encryption at rest (Fernet: AES-CBC + HMAC, authenticated) and keyed blind indexes for lookups.

Keys come from settings or from a key file, created with mode 0600 only for a database that holds nothing
encrypted yet (``qingfeng.app.open_vault``). Several encryption keys may be configured (newest first):
everything is written with the first and read with any, which is how ``MultiFernet`` supports rotation
(``qingfeng keys rotate``, core.services.keys). The index key is never rotated: blind indexes are HMACs of
plaintext that is not kept anywhere else, so they could not be recomputed.
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
from core.files import write_private


class KeyMaterialError(DomainError):
    key = "error.keys"


class KeysUnavailable(KeyMaterialError):
    """The configured keys cannot serve the stored data (key file missing, or keys that do not fit): the
    program must not start, and must not make a new key that would file new reports unreadably to the old one."""


class KeyFileMissing(KeysUnavailable):
    """No key file where one was expected; the caller decides whether a new one may be created."""


class Vault:
    """Encrypts and decrypts values; computes blind indexes. Holds no state besides the keys."""

    def __init__(self, encryption_keys: list[bytes], index_key: bytes) -> None:
        if not encryption_keys:
            raise KeyMaterialError("no encryption key configured")
        self._keys = list(encryption_keys)
        self._fernet = MultiFernet([Fernet(k) for k in encryption_keys])
        self._index_key = index_key

    @property
    def key_count(self) -> int:
        return len(self._keys)

    def newest_only(self) -> Vault:
        """The same vault without the older keys: what reads a value once a rotation has dropped them."""
        return Vault(self._keys[:1], self._index_key)

    def can_read(self, token: bytes) -> bool:
        try:
            self._fernet.decrypt(token)
        except InvalidToken:
            return False
        return True

    def encrypt(self, data: bytes) -> bytes:
        return self._fernet.encrypt(data)

    def decrypt(self, token: bytes) -> bytes:
        try:
            return self._fernet.decrypt(token)
        except InvalidToken as exc:
            raise KeyMaterialError("a value could not be decrypted with the configured keys") from exc

    def rotate(self, token: bytes) -> bytes:
        """Re-encrypt a token under the newest key."""
        try:
            return self._fernet.rotate(token)
        except InvalidToken as exc:
            raise KeyMaterialError("a value could not be decrypted with the configured keys") from exc

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


def create_key_file(path: Path) -> None:
    """A new key file (mode 0600, directory 0700); only for a database holding nothing encrypted yet."""
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
    """Build the vault from explicit keys, else from ``key_file``; :class:`KeyFileMissing` when there is none
    (never created here: see ``qingfeng.app.open_vault``)."""
    try:
        if encryption_keys and index_key:
            keys = [k.strip().encode() for k in encryption_keys.split(",") if k.strip()]
            return Vault(keys, base64.urlsafe_b64decode(index_key))
        if not key_file.exists():
            raise KeyFileMissing(f"key file {key_file} is missing")
        try:
            raw = json.loads(key_file.read_text(encoding="utf-8"))
            keys = [k.encode() for k in raw["encryption_keys"]]
            idx = base64.urlsafe_b64decode(raw["index_key"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise KeysUnavailable(f"key file {key_file} is unreadable: {exc}") from exc
        if encryption_keys:
            keys = [k.strip().encode() for k in encryption_keys.split(",") if k.strip()] + keys
        return Vault(keys, idx)
    except ValueError as exc:  # a key that is not a Fernet key (Fernet's own message names no key)
        raise KeysUnavailable(f"a configured encryption key is malformed: {exc}") from exc


# -- the key file, rewritten by a rotation ------------------------------------------------------------------------
#: Set in the key file while a rotation has written its new key but not yet re-encrypted everything under it:
#: a re-run then resumes with that key instead of adding another.
ROTATION_PENDING = "rotation_pending"


def read_key_file(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or not raw.get("encryption_keys") or not raw.get("index_key"):
            raise ValueError("encryption_keys or index_key missing")
        return raw
    except (OSError, ValueError) as exc:
        raise KeyMaterialError(f"key file {path} is unreadable: {exc}") from exc


def write_key_file(path: Path, content: dict[str, Any]) -> None:
    """Replace the key file atomically: a temporary file (0600) is written and synced, then renamed over it.

    A crash leaves either the old file or the new one, never a truncated one, so no key can be lost midway.
    """
    write_private(path, (json.dumps(content, indent=2) + "\n").encode("utf-8"), sync_dir=True)


def vault_from_key_file(content: dict[str, Any]) -> Vault:
    return Vault([k.encode() for k in content["encryption_keys"]], base64.urlsafe_b64decode(content["index_key"]))


def begin_rotation(path: Path) -> tuple[Vault, bool]:
    """Put a new key first in the key file (older keys kept), or resume an unfinished rotation's key.

    Returns the vault of all keys and whether an earlier rotation is being resumed. The file is written before
    any value is re-encrypted, so every stored value stays readable with the file as it is at any moment.
    """
    content = read_key_file(path)
    if content.get(ROTATION_PENDING):
        return vault_from_key_file(content), True
    content["encryption_keys"] = [Fernet.generate_key().decode(), *content["encryption_keys"]]
    content[ROTATION_PENDING] = True
    write_key_file(path, content)
    return vault_from_key_file(content), False


def finish_rotation(path: Path, *, drop_old: bool) -> int:
    """Clear the pending mark; with ``drop_old`` keep only the newest key. Returns the number of keys removed.

    Call only after every stored value has been verified readable with the newest key alone.
    """
    content = read_key_file(path)
    keys = content["encryption_keys"]
    content.pop(ROTATION_PENDING, None)
    content["encryption_keys"] = keys[:1] if drop_old else keys
    write_key_file(path, content)
    return len(keys) - len(content["encryption_keys"])
