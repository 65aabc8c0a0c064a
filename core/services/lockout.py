"""The lock-out of anonymous status queries (rules.md §6): failures per query code and per chat, counted atomically.

Every attempt is counted *before* its password is checked, by one atomic upsert per key (one row per key:
``INSERT … ON CONFLICT DO UPDATE … WHERE not locked RETURNING``, on SQLite ≥ 3.35 and PostgreSQL alike). The
upsert that reaches ``LOCK_AFTER`` sets the lock in the same statement, so any number of guesses at the same
moment get at most ``LOCK_AFTER`` password checks; the others find the row locked and change nothing. A right
password clears the counts. Counts are forgotten ``MEMORY`` after the last attempt (by the daily job and
``qingfeng purge``): long after any lock has ended, and random guesses do not pile up rows for ever.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, delete, literal, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import DomainError
from core.persistence.orm import QueryAttemptRow, UtcDateTime
from core.services.context import CoreContext

LOCK_AFTER = 5  # rules.md §6: lock-out after 5 tries [U]
# then 15, 30, 60 … minutes per further failure (issue 12: a one-minute pause let guessing go on all day)
LOCK_BASE = timedelta(minutes=15)
LOCK_MAX = timedelta(hours=24)
MEMORY = timedelta(days=7)  # counts kept after the last attempt: well past the longest lock (LOCK_MAX)


class LockedOut(DomainError):
    key = "status.locked"

    def __init__(self, until: datetime, now: datetime) -> None:
        super().__init__(f"locked until {until.isoformat()}")
        self.until = until
        self.minutes = max(1, int((until - now).total_seconds() + 59) // 60)


def lock_for(attempts: int) -> timedelta:
    """How long the ``attempts``-th attempt locks the key (only from ``LOCK_AFTER`` on)."""
    return min(LOCK_BASE * 2 ** max(attempts - LOCK_AFTER, 0), LOCK_MAX)


class Lockout:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def count_attempt(self, keys: Sequence[str]) -> None:
        """Count one attempt on every key, or raise :class:`LockedOut` and count none (one transaction)."""
        now = self.ctx.now()
        async with self.ctx.uow() as uow:
            s = uow.session
            for key in sorted(keys):  # one order for everyone: two keys never deadlock
                if await _bump(s, key, now) is None:
                    row = await s.get(QueryAttemptRow, key)
                    until = row.locked_until if row is not None and row.locked_until else now + LOCK_BASE
                    raise LockedOut(until, now)  # leaving the block rolls back what was counted
            await uow.commit()

    async def locked(self, keys: Sequence[str]) -> LockedOut | None:
        """The longest lock in force on any of the keys, without counting an attempt."""
        if not keys:
            return None
        now = self.ctx.now()
        async with self.ctx.uow() as uow:
            rows = await uow.session.execute(select(QueryAttemptRow.locked_until).where(
                QueryAttemptRow.key.in_(list(keys)), QueryAttemptRow.locked_until > now))  # fmt: skip
            until = max((u for u in rows.scalars() if u is not None), default=None)
        return LockedOut(until, now) if until is not None else None

    async def clear(self, keys: Sequence[str]) -> None:
        """A right password: the counts of its code and chat start again."""
        async with self.ctx.uow() as uow:
            await uow.session.execute(delete(QueryAttemptRow).where(QueryAttemptRow.key.in_(list(keys))))
            await uow.commit()

    async def forget_old(self) -> int:
        """Delete counts whose last attempt is older than ``MEMORY``; returns how many."""
        cutoff = self.ctx.now() - MEMORY
        async with self.ctx.uow() as uow:
            result = await uow.session.execute(delete(QueryAttemptRow).where(QueryAttemptRow.updated_at < cutoff))
            await uow.commit()
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def _bump(s: AsyncSession, key: str, now: datetime) -> int | None:
    """Add one attempt to the key's row (made if missing) unless it is locked; the new count, or None if locked."""
    table: Any = QueryAttemptRow.__table__
    insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    attempts = table.c.failures + 1
    steps = range(LOCK_AFTER, LOCK_AFTER + 1 + (LOCK_MAX // LOCK_BASE).bit_length())
    lock = case(
        (attempts < LOCK_AFTER, table.c.locked_until),
        *[(attempts == n, literal(now + lock_for(n), UtcDateTime())) for n in steps],
        else_=literal(now + LOCK_MAX, UtcDateTime()),
    )
    stmt = (
        insert(table)
        .values(key=key, failures=1, updated_at=now, locked_until=None)  # LOCK_AFTER > 1
        .on_conflict_do_update(
            index_elements=[table.c.key],
            set_={"failures": attempts, "updated_at": now, "locked_until": lock},
            where=or_(table.c.locked_until.is_(None), table.c.locked_until <= now),
        )
        .returning(table.c.failures)
    )
    return (await s.execute(stmt)).scalar_one_or_none()
