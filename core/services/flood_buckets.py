"""The per-chat flood limit counted in the database, so that several instances of the bot (issue 18) give a chat
one allowance between them, not one each (bot/floodgate.py is the one-process gate; the arithmetic is
core/flood.py). One short transaction per update: the front asks before it waits for the chat's lock, so a
flooding chat is turned away without queueing for it. The bucket's row is read for update, so a burst of the
chat's updates — on one instance or several — spends its tokens one after the other (the row is locked for a
moment, never while an update is handled). Buckets untouched for longer than it takes them to refill are
deleted hourly.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from core.flood import Verdict, take
from core.persistence.orm import FloodBucketRow
from core.services.context import CoreContext

log = logging.getLogger(__name__)

PRUNE_EVERY = 3600.0  # seconds


class SharedFloodgate:
    def __init__(self, ctx: CoreContext, burst: float, refill_per_second: float,
                 clock: Callable[[], float] = time.time) -> None:  # fmt: skip
        self.ctx, self.burst, self.refill, self.clock = ctx, burst, refill_per_second, clock
        self.forget_after = burst / refill_per_second if refill_per_second > 0 else 0.0
        self._pruned = -float("inf")

    def _key(self, chat_id: int) -> str:
        return self.ctx.vault.index("flood", str(chat_id))

    async def check(self, chat_id: int) -> Verdict:
        try:
            return await self._check(chat_id)
        except IntegrityError:  # another instance made the chat's bucket at the same moment: spend from that one
            return await self._check(chat_id)

    async def _check(self, chat_id: int) -> Verdict:
        now, key = self.clock(), self._key(chat_id)
        async with self.ctx.uow() as uow:
            row = await uow.session.get(FloodBucketRow, key, with_for_update=True)  # one of the chat's at a time
            known = (self.burst, now, False) if row is None else (row.tokens, row.at, row.warned)
            tokens, warned, verdict = take(*known, now, self.burst, self.refill)
            if row is None:
                uow.session.add(FloodBucketRow(chat_index=key, tokens=tokens, at=now, warned=warned))
            else:
                row.tokens, row.at, row.warned = tokens, now, warned
            await uow.commit()
        if now - self._pruned >= PRUNE_EVERY and self.forget_after > 0:
            self._pruned = now
            await self._prune(now - self.forget_after)
        return verdict

    async def _prune(self, before: float) -> None:
        """In a transaction of its own, skipping the buckets another update holds (two instances pruning at once
        would otherwise wait for each other's rows); a failure is logged, never the update's."""
        try:
            async with self.ctx.uow() as uow:
                old = select(FloodBucketRow.chat_index).where(FloodBucketRow.at < before)
                if uow.session.get_bind().dialect.name == "postgresql":
                    old = old.with_for_update(skip_locked=True)
                await uow.session.execute(delete(FloodBucketRow).where(FloodBucketRow.chat_index.in_(old)))
                await uow.commit()
        except Exception as exc:
            log.warning("old flood buckets not pruned (%s)", type(exc).__name__)

    async def reset(self) -> None:
        """Every chat forgiven (tests that change the clock)."""
        async with self.ctx.uow() as uow:
            await uow.session.execute(delete(FloodBucketRow))
            await uow.commit()

    async def remembered(self) -> int:
        async with self.ctx.uow() as uow:
            return len((await uow.session.execute(select(FloodBucketRow.chat_index))).all())
