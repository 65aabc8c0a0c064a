"""Each Telegram update handled once, though Telegram may deliver it again (issue 18).

Telegram posts an update again when the answer to it was late (it waits about a minute) or failed. A second
handling would file a report twice or answer a step twice. One process remembers the update ids it handles
(:class:`LocalClaims`). Several instances behind one webhook URL share the record in the database
(:class:`SharedClaims`): the first to insert an update's row handles it; another that receives it again meanwhile
answers "not now" (Telegram tries again later) and, once the row says done, "done". A claim whose holder died
before finishing is taken over after :data:`STALE`; a failed handling gives the claim back, so the next delivery
handles it. Rows are kept a day.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from sqlalchemy import Delete, Update, delete, select, update
from sqlalchemy.exc import IntegrityError

from core.persistence.orm import UpdateClaimRow
from core.services.context import CoreContext
from core.services.leases import holder_name

log = logging.getLogger(__name__)

RECENT_UPDATES = 10_000  # update ids one process remembers (a few minutes of a busy office's)
# a claim not finished by then: its holder died, another may handle the update. Longer than any handling: the
# chat's lock waited for (30 s), the work, and the replies' 429s waited out (bot/client.py: up to 3 × 60 s)
STALE = timedelta(minutes=5)
KEEP = timedelta(days=1)  # Telegram keeps an undelivered update 24 hours
PRUNE_EVERY = timedelta(hours=1)


class Claim(StrEnum):
    MINE = "mine"  # handle it, then say how it went (:meth:`finished`)
    DONE = "done"  # handled already: answer 200
    ELSEWHERE = "elsewhere"  # being handled by another instance: ask Telegram to deliver it again later


class UpdateClaims(Protocol):
    async def claim(self, update_id: int) -> Claim: ...

    async def finished(self, update_id: int, ok: bool) -> None: ...


class LocalClaims:
    """This process's memory of the updates it handles or handled lately."""

    def __init__(self, size: int = RECENT_UPDATES) -> None:
        self.size = size
        self._recent: OrderedDict[int, bool] = OrderedDict()  # update id → done

    async def claim(self, update_id: int) -> Claim:
        if update_id in self._recent:
            return Claim.DONE if self._recent[update_id] else Claim.ELSEWHERE
        self._recent[update_id] = False
        while len(self._recent) > self.size:
            self._recent.popitem(last=False)
        return Claim.MINE

    async def finished(self, update_id: int, ok: bool) -> None:
        if ok:
            self._recent[update_id] = True
        else:
            self._recent.pop(update_id, None)


class SharedClaims:
    """The claims in the database, shared by every instance: one short transaction to claim, one to finish."""

    def __init__(self, ctx: CoreContext, holder: str | None = None,
                 now: Callable[[], datetime] | None = None) -> None:  # fmt: skip
        self.ctx = ctx
        self.holder = holder or holder_name()
        self.now = now or (lambda: datetime.now(UTC))  # the instances' wall clocks, like the jobs' lease
        self._pruned = datetime.min.replace(tzinfo=UTC)

    async def claim(self, update_id: int) -> Claim:
        now = self.now()
        async with self.ctx.uow() as uow:
            uow.session.add(UpdateClaimRow(update_id=update_id, holder=self.holder, taken_at=now, done=False))
            try:
                await uow.commit()
            except IntegrityError:
                pass
            else:
                await self._prune(now)
                return Claim.MINE
        async with self.ctx.uow() as uow:
            row = await uow.session.get(UpdateClaimRow, update_id)
            if row is None:  # pruned or given back meanwhile: try again from the start
                return await self.claim(update_id)
            if row.done:
                return Claim.DONE
            if row.taken_at > now - STALE:
                return Claim.ELSEWHERE
            taken = await uow.session.execute(  # compare-and-set: one of two instances taking over wins
                update(UpdateClaimRow)
                .where(UpdateClaimRow.update_id == update_id, UpdateClaimRow.taken_at == row.taken_at,
                       UpdateClaimRow.done.is_(False))
                .values(holder=self.holder, taken_at=now)
                .execution_options(synchronize_session=False)
            )  # fmt: skip
            await uow.commit()
            return Claim.MINE if taken.rowcount == 1 else Claim.ELSEWHERE  # type: ignore[attr-defined]

    async def finished(self, update_id: int, ok: bool) -> None:
        async with self.ctx.uow() as uow:
            mine = (UpdateClaimRow.update_id == update_id) & (UpdateClaimRow.holder == self.holder)
            statement: Update | Delete = (
                update(UpdateClaimRow).where(mine).values(done=True) if ok
                else delete(UpdateClaimRow).where(mine)  # the next delivery handles it
            )  # fmt: skip
            await uow.session.execute(statement.execution_options(synchronize_session=False))
            await uow.commit()

    async def held(self, update_id: int) -> tuple[str, bool] | None:
        """(holder, done) of an update's claim; None when there is none."""
        async with self.ctx.uow() as uow:
            row = await uow.session.execute(select(UpdateClaimRow).where(UpdateClaimRow.update_id == update_id))
            found = row.scalar_one_or_none()
            return None if found is None else (found.holder, found.done)

    async def _prune(self, now: datetime) -> None:
        """At most hourly, in the claim's wake (the claim is committed): the rows older than a day go. A failure
        is logged, never the claim's: the update is handled all the same."""
        if now - self._pruned < PRUNE_EVERY:
            return
        self._pruned = now
        try:
            async with self.ctx.uow() as uow:
                await uow.session.execute(delete(UpdateClaimRow).where(UpdateClaimRow.taken_at < now - KEEP))
                await uow.commit()
        except Exception as exc:
            log.warning("old update claims not pruned (%s)", type(exc).__name__)
