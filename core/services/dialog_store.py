"""Dialogs stored encrypted per chat, with optimistic concurrency.

The payload is opaque bytes: what a dialog saves is the dialogs' business (bot/dialogs/codec.py), not the core's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from core.crypto import KeyMaterialError
from core.errors import DomainError
from core.persistence.orm import CaseRow, DialogRow, EvidenceRow
from core.services.context import CoreContext


class StaleDialog(DomainError):
    """Another update saved this chat's dialog first; reload and try again."""

    key = "error.generic"


@dataclass(frozen=True)
class StoredDialog:
    payload: bytes
    version: int


class DialogStore:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    def _key(self, chat_id: int, space: str) -> str:
        return self.ctx.vault.index(f"dialog{space}", str(chat_id))

    async def load(self, chat_id: int, space: str = "") -> StoredDialog | None:
        """``space`` keeps separate dialogs of one chat apart (an officer's desk and a citizen's report)."""
        async with self.ctx.uow() as uow:
            row = await uow.session.get(DialogRow, self._key(chat_id, space))
            if row is None:
                return None
            return StoredDialog(self.ctx.vault.decrypt(row.state_enc), row.version)

    async def save(self, chat_id: int, payload: bytes, version: int, space: str = "") -> int:
        """Write if nobody else wrote since ``version`` was read (0: new); return the new version."""
        vault, now, key = self.ctx.vault, self.ctx.now(), self._key(chat_id, space)
        async with self.ctx.uow() as uow:
            s = uow.session
            if version == 0:
                s.add(DialogRow(chat_index=key, state_enc=vault.encrypt(payload), version=1, updated_at=now))
                try:
                    await uow.commit()
                except IntegrityError as exc:
                    raise StaleDialog("dialog created concurrently") from exc
                return 1
            result = await s.execute(
                update(DialogRow)
                .where(DialogRow.chat_index == key, DialogRow.version == version)
                .values(state_enc=vault.encrypt(payload), version=version + 1, updated_at=now)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                raise StaleDialog("dialog changed concurrently")
            await uow.commit()
            return version + 1

    async def delete(self, chat_id: int, space: str = "") -> None:
        async with self.ctx.uow() as uow:
            await uow.session.execute(delete(DialogRow).where(DialogRow.chat_index == self._key(chat_id, space)))
            await uow.commit()

    async def forget_stale(
        self, older_than_days: int, staged_files: Callable[[bytes], Iterable[str]]
    ) -> tuple[int, int]:
        """Delete dialogs untouched for that long, with the files they staged (``staged_files`` reads their
        storage keys from a payload): an abandoned report's answers (a name, a phone, facts) are not kept for
        ever. Query codes kept for a receipt that never reached the chat (core.services.filing) go too: the
        dialog that would show them again is gone. Returns (dialogs, files) deleted."""
        cutoff = self.ctx.now() - timedelta(days=older_than_days)
        async with self.ctx.uow() as uow:
            s = uow.session
            rows = (await s.execute(select(DialogRow).where(DialogRow.updated_at < cutoff))).scalars().all()
            staged: set[str] = set()
            for row in rows:
                with contextlib.suppress(KeyMaterialError):  # unreadable: deleted all the same
                    staged.update(staged_files(self.ctx.vault.decrypt(row.state_enc)))
                await s.execute(
                    delete(DialogRow).where(DialogRow.chat_index == row.chat_index, DialogRow.version == row.version)
                )
            filed = set(
                (await s.execute(select(EvidenceRow.storage_key).where(EvidenceRow.storage_key.in_(staged))))
                .scalars()
                .all()
            ) if staged else set()  # fmt: skip
            await s.execute(
                update(CaseRow)
                .where(CaseRow.receipt_code_enc.is_not(None), CaseRow.received_at < cutoff)
                .values(receipt_code_enc=None)
            )
            await uow.commit()
        for key in staged - filed:  # files of reports never submitted
            await self.ctx.evidence.delete(key)
        return len(rows), len(staged - filed)
