"""Key rotation: every encrypted column of every table and every evidence file re-encrypted under the newest key.

Safe to interrupt and to re-run: the caller writes the new key to the key file *before* anything is
re-encrypted (core.crypto.begin_rotation) and keeps the old keys until :meth:`KeyService.check` has read every
value with the newest key alone, so at any moment every value is readable with the key file as it is.
Values already under the newest key are skipped, so a re-run resumes where a killed run stopped.

The database is walked in batches, one transaction (unit of work) per batch, and a value is replaced only if it
is still the token that was read (compare-and-swap), so a concurrent write is never overwritten with an older
value. The bot loads its keys at start: stop it while rotating, start it afterwards.

Limit: the blind index key (HMAC) is not rotated: indexes are keyed hashes of plaintext the database does not
keep (chat ids, query codes, names), so they could not be recomputed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Table, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from core.crypto import KeyMaterialError, Vault
from core.persistence import repository as repo
from core.persistence.orm import Base, ReporterContactRow
from core.persistence.uow import UnitOfWork
from core.services.context import CoreContext

BATCH = 200


def encrypted_columns() -> Iterator[tuple[Table, Column[Any], list[Column[bytes]]]]:
    """(table, primary key, ``*_enc`` columns) for every table holding ciphertext, found in the ORM metadata."""
    for table in Base.metadata.sorted_tables:
        cols = [c for c in table.columns if c.name.endswith("_enc")]
        if not cols:
            continue
        (pk,) = table.primary_key.columns  # every table with ciphertext has a single-column key
        yield table, pk, cols


@dataclass(frozen=True)
class StoredSample:
    """Enough of the database to tell, at start, whether the configured keys belong to it (issue 11, item 5)."""

    token: bytes | None  # one ciphertext, if any is stored
    keyed: bool  # anything stored under the keys at all: ciphertext or a blind index
    chat: tuple[bytes, str] | None  # a named reporter's chat, encrypted, with its blind index


async def sample_stored(conn: AsyncConnection) -> StoredSample:
    """A few ``LIMIT 1`` reads, stopping at the first ciphertext found (on a fresh database every table is
    empty, so reading them all is quick too)."""
    token: bytes | None = None
    for _table, _pk, cols in encrypted_columns():
        for col in cols:
            token = (await conn.execute(select(col).where(col.is_not(None)).limit(1))).scalar()
            if token is not None:
                break
        if token is not None:
            break
    keyed = token is not None
    if not keyed:
        indexes = [c for t in Base.metadata.sorted_tables for c in t.columns if c.name.endswith("_index")]
        for col in indexes:
            if (await conn.execute(select(col).where(col.is_not(None)).limit(1))).first() is not None:
                keyed = True
                break
    contact = ReporterContactRow.__table__.c
    row = (
        await conn.execute(select(contact.chat_enc, contact.chat_index).where(contact.chat_index.is_not(None)).limit(1))
    ).first()
    return StoredSample(token, keyed, (row[0], row[1]) if row else None)


def keys_fit(vault: Vault, sample: StoredSample) -> bool:
    """The encryption keys read the sampled ciphertext and the index key reproduces a stored blind index."""
    if sample.token is not None and not vault.can_read(sample.token):
        return False
    if sample.chat is not None:
        token, index = sample.chat
        return vault.can_read(token) and vault.index("chat", vault.decrypt(token).decode()) == index
    return True


@dataclass
class KeyReport:
    """Counts per ``table.column`` (never values): how many tokens were seen, rewritten, or found unreadable."""

    values: dict[str, int] = field(default_factory=dict)
    rewritten: int = 0
    unreadable: list[str] = field(default_factory=list)  # "table.column#id" or "evidence:<storage key>"
    files: int = 0
    files_rewritten: int = 0
    conflicts: int = 0  # changed by someone else between read and write; a re-run picks them up

    def seen(self, column: str) -> None:
        self.values[column] = self.values.get(column, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.values.values())

    @property
    def ok(self) -> bool:
        return not self.unreadable and not self.conflicts


class KeyService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    def _uow(self, vault: Vault) -> UnitOfWork:
        return UnitOfWork(self.ctx.uow_factory.sessions, vault)

    async def reencrypt(self, vault: Vault, batch_size: int = BATCH) -> KeyReport:
        """Rewrite every token not readable by ``vault``'s newest key alone under that key (database, then files)."""
        report = KeyReport()
        newest = vault.newest_only()
        for table, pk, cols in encrypted_columns():
            last: object = None
            while True:
                async with self._uow(vault) as uow:
                    stmt = select(pk, *cols).order_by(pk).limit(batch_size)
                    if last is not None:
                        stmt = stmt.where(pk > last)
                    rows = (await uow.session.execute(stmt)).all()
                    for row in rows:
                        ident, tokens = row[0], dict(zip(cols, row[1:], strict=True))
                        changes: dict[str, bytes] = {}
                        for col, token in tokens.items():
                            if token is None:
                                continue
                            report.seen(f"{table.name}.{col.name}")
                            if newest.can_read(token):
                                continue
                            try:
                                changes[col.name] = vault.rotate(token)
                            except KeyMaterialError:
                                report.unreadable.append(f"{table.name}.{col.name}#{ident}")
                        if not changes:
                            continue
                        same = [c == tokens[c] for c in cols if c.name in changes]
                        result = await uow.session.execute(update(table).where(pk == ident, *same).values(**changes))
                        if result.rowcount == 1:  # type: ignore[attr-defined]
                            report.rewritten += len(changes)
                        else:
                            report.conflicts += 1
                    await uow.commit()
                if len(rows) < batch_size:
                    break
                last = rows[-1][0]
        await self._reencrypt_files(vault, newest, report)
        async with self._uow(vault) as uow:
            await repo.checkpoint(uow.session)
        return report

    async def _reencrypt_files(self, vault: Vault, newest: Vault, report: KeyReport) -> None:
        store = self.ctx.evidence
        for key in store.stored_keys():
            report.files += 1
            token = await store.read_token(key)
            if newest.can_read(token):
                continue
            try:
                fresh = vault.rotate(token)
            except KeyMaterialError:
                report.unreadable.append(f"evidence:{key}")
                continue
            await store.replace_token(key, fresh)
            report.files_rewritten += 1

    async def check(self, vault: Vault) -> KeyReport:
        """Try to decrypt every stored value and evidence file with ``vault``; count them, list the failures."""
        report = KeyReport()
        for table, pk, cols in encrypted_columns():
            async with self._uow(vault) as uow:
                rows = await uow.session.stream(select(pk, *cols).order_by(pk))
                async for row in rows:
                    for col, token in zip(cols, row[1:], strict=True):
                        if token is None:
                            continue
                        name = f"{table.name}.{col.name}"
                        report.seen(name)
                        if not vault.can_read(token):
                            report.unreadable.append(f"{name}#{row[0]}")
        store = self.ctx.evidence
        for key in store.stored_keys():
            report.files += 1
            if not vault.can_read(await store.read_token(key)):
                report.unreadable.append(f"evidence:{key}")
        return report
