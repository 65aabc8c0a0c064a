"""Sending what the outbox holds through the notification port, with retries and backoff.

Nothing is lost when Telegram or the network is down: a row stays pending until it is sent, found
undeliverable (kept and visible to officers), or has failed too often.

A run (:meth:`OutboxService.send_due`, core.services.outbox_drain) drains the outbox while rows are due, sending
to many chats at once within the messenger's limits, and never holds a database connection while a message is on
its way: the steps here are each one short transaction — pick and claim the next rows, record the outcomes of
several sends at once, give back rows claimed but not sent. Every other request (a citizen's update on SQLite's
one connection) waits for one of these at most, never for Telegram.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import update

from core.model import OutboxStatus
from core.pacing import Pacer
from core.persistence.orm import OutboxRow
from core.ports import Delivery, Notifier
from core.services.context import CoreContext
from core.services.notices import summarise_backlog
from core.services.outbox_drain import Claimed, Drain, Outcome, Picked
from core.services.outbox_pick import CLAIM_LEASE, Pass, backlogs

__all__ = ["BASE_BACKOFF", "CLAIM_LEASE", "MAX_ATTEMPTS", "MAX_BACKOFF", "OutboxService"]

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BASE_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(hours=1)


class OutboxService:
    def __init__(self, ctx: CoreContext, notifier: Notifier, reach: Callable[[int], bool] | None = None) -> None:
        """``reach``: the chats ``notifier`` can reach (None: all); rows for others are left for their sender."""
        self.ctx = ctx
        self.notifier = notifier
        self.reach = reach
        self._runs: set[Drain] = set()  # runs under way, told when the bot stops

    async def send_due(self, limit: int | None = None) -> int:
        """Send what is due, and what falls due meanwhile, until nothing is due or only chats not ready for a while
        are left (or ``limit`` rows were taken); return how many were delivered."""
        drain = Drain(self, limit)
        self._runs.add(drain)
        try:
            return await drain.run()
        finally:
            self._runs.discard(drain)

    def wind_down(self) -> None:
        """The bot is stopping: runs under way take nothing more, give back what they have not started sending,
        and end once the sends on their way are recorded."""
        for run in self._runs:
            run.wind_down()

    # -- the steps of a run, each one short transaction ---------------------------------------------------------
    async def summarise(self) -> None:
        async with self.ctx.uow() as uow:
            if await summarise_backlog(uow.session, self.ctx.vault, self.ctx.now()):  # one summary (issue 12, 16)
                await uow.commit()

    async def backlogs(self) -> dict[int, int]:
        """Officers with several notices due, the most first: officer id → chat (core.services.outbox_pick)."""
        async with self.ctx.uow() as uow:
            return await backlogs(uow.session, self.ctx.now())

    async def pick(self, room: int, busy: Collection[int], pacer: Pacer, within: float = 0.0,
                   first: Mapping[int, int] | None = None) -> Picked:  # fmt: skip
        """Claim up to ``room`` due rows, each the first due of its chat, for chats that are not ``busy`` (a send
        queued or on its way) and whose gap (``pacer``) ends ``within`` seconds: the officers ``first`` (those with
        a backlog) first, then in the order they fell due. Rows that cannot be sent (no chat, no longer actionable)
        are settled on the way."""
        async with self.ctx.uow() as uow:
            found = await Pass(uow.session, self.ctx.vault, self.ctx.now(), self.ctx.today(), room, busy, pacer,
                               within, self.reach).run(first or {})  # fmt: skip
            await uow.commit()
        return found

    async def record(self, outcomes: Sequence[Outcome]) -> None:
        """The outcomes of several sends in one transaction (a crash loses at most these few: sent again)."""
        if not outcomes:
            return
        values = [self._recorded(o) for o in outcomes]
        async with self.ctx.uow() as uow:
            await uow.session.execute(update(OutboxRow), values)  # by primary key, one executemany
            await uow.commit()

    async def give_back(self, rows: Sequence[Claimed]) -> None:
        """Rows claimed but not sent (Telegram asked to pause, the bot stops): due again as before, the attempt
        not counted. Compare-and-set on the lease: a row another sender has taken since is left alone."""
        if not rows:
            return
        async with self.ctx.uow() as uow:
            for c in rows:
                await uow.session.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id == c.id, OutboxRow.status == OutboxStatus.PENDING.value,
                           OutboxRow.next_try_at == c.lease)
                    .values(next_try_at=c.due, attempts=OutboxRow.attempts - 1)
                    .execution_options(synchronize_session=False)
                )  # fmt: skip
            await uow.commit()

    def _recorded(self, o: Outcome) -> dict[str, Any]:
        c, result = o.claimed, o.result
        values: dict[str, Any] = {"id": c.id, "status": OutboxStatus.PENDING.value, "next_try_at": c.lease,
                                  "sent_at": None, "last_error": result.error[:200]}  # fmt: skip
        if result.outcome is Delivery.SENT:
            values.update(status=OutboxStatus.SENT.value, sent_at=o.at, last_error=None)
        elif result.outcome is Delivery.UNDELIVERABLE:
            values.update(status=OutboxStatus.UNDELIVERABLE.value)
        elif c.attempts >= MAX_ATTEMPTS:
            values.update(status=OutboxStatus.FAILED.value)
        else:
            backoff = min(BASE_BACKOFF * 2 ** (c.attempts - 1), MAX_BACKOFF)
            if result.retry_after:  # Telegram said when: wait exactly that (a 429 is waited out)
                backoff = timedelta(seconds=result.retry_after)
            values.update(next_try_at=o.at + backoff)
        return values
