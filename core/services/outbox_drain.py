"""One run of the outbox: while rows are due, claim the next ones for chats that are ready, send them concurrently
within the messenger's limits, record what happened — never waiting on one chat while another could be served.

Two coroutines share the work. The feeder picks (core.services.outbox_pick) the first due row of each chat that
has nothing queued or on its way and whose gap since its last message ends within a second — officers with a
backlog first, then in the order they fell due — and queues them claimed: about a second of sending, far less
than a claim's lease. The pump takes the
first row in the queue whose chat is ready, takes a slot for it from the pacer (the overall rate), and starts its
send as a task of its own, so a slow answer holds up nobody. The feeder records outcomes in batches and refills
the queue; when only chats that are not ready are left it waits for the soonest, and when nothing is due it ends.
When the pacer is paused (the adapter does that on Telegram's "retry after N"), the pump gives the queue back
unsent — nothing claimed waits out a pause — and the feeder picks again after the pause.

No database connection is held while a message is on its way: picking, recording and giving back are each one
short transaction of :class:`OutboxService`, and the rows travel as plain values (:class:`Claimed`).
"""

from __future__ import annotations

import asyncio
import logging
import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from core.pacing import Pacer
from core.ports import Delivery, DeliveryResult, OutgoingMessage

if TYPE_CHECKING:
    from core.services.outbox import OutboxService

log = logging.getLogger(__name__)

QUEUE_SECONDS = 1.0  # rows claimed ahead of their slots: about this much sending
MAX_QUEUE = 100  # ... and never more (a pacer without an overall rate: the terminal, tests)
MAX_WAIT = 5.0  # seconds a run waits for a chat or a pause when nothing else is on its way; longer: the next run
MAX_RUN = 120.0  # seconds after which a run takes nothing more; the next run (seconds later) goes on
POLL = 1.0  # the feeder looks again after this at the latest, whatever it waits for
BACKLOGS_EVERY = 5.0  # seconds between two looks for the officers with the most notices due


@dataclass(frozen=True)
class Claimed:
    """A row taken for sending, as plain values: nothing touches the database while it is on its way."""

    id: int
    message: OutgoingMessage
    attempts: int  # counting this one
    due: datetime  # its due time before the claim, put back if it is given back unsent
    lease: datetime  # its due time while claimed: another sender takes it only after this


@dataclass(frozen=True)
class Outcome:
    claimed: Claimed
    result: DeliveryResult
    at: datetime


@dataclass
class Picked:
    """What one pass of the feeder found: rows claimed for chats ready now, and why it did not take more."""

    claimed: list[Claimed] = field(default_factory=list)
    settled: int = 0  # rows finished without a send (no chat for the recipient, or no longer actionable)
    more: bool = False  # due rows were left: their chats busy or not ready, or no room
    ready_in: float | None = None  # seconds until the soonest chat skipped as not ready may have a slot
    waiting: set[int] = field(default_factory=set)  # busy chats with more due


class Drain:
    def __init__(self, service: OutboxService, limit: int | None) -> None:
        self.service, self.limit = service, limit
        self.notifier = service.notifier
        self.pacer = service.notifier.pacer
        ahead = math.ceil(QUEUE_SECONDS / self.pacer.interval) if self.pacer.interval else MAX_QUEUE
        self.room = max(1, min(MAX_QUEUE, ahead))
        self.queue: list[Claimed] = []  # short: a second of sending
        self.busy: set[int] = set()  # chats with a row queued or on its way
        self.waiting: set[int] = set()  # busy chats the feeder has more due for
        self.sending: set[asyncio.Task[None]] = set()
        self.on_the_way = 0
        self.outcomes: list[Outcome] = []
        self.claimed = self.delivered = 0
        self.winding_down = self.fed_all = False
        self._wake = asyncio.Event()  # the feeder: room in the queue, a chat it waits for is free, all sent
        self._fed = asyncio.Event()  # the pump: something queued, or nothing more will be
        self._pump_task: asyncio.Task[None] | None = None
        self.backlogs: dict[int, int] = {}  # officers with several notices due → their chats: picked first
        self._backlogs_at = -math.inf

    def wind_down(self) -> None:
        self.winding_down = True
        self._wake.set()
        self._fed.set()

    async def run(self) -> int:
        await self.service.summarise()
        pump = self._pump_task = asyncio.create_task(self._pump(), name="outbox pump")
        try:
            await self._feed()
        except asyncio.CancelledError:  # the bot's stop gave up waiting: claimed rows are retried after the lease
            pump.cancel()
            for task in list(self.sending):
                task.cancel()
            raise
        except Exception:
            self.wind_down()  # give back what was not sent; record what was
            await self._finish(pump)
            raise
        await self._finish(pump)
        return self.delivered

    async def _finish(self, pump: asyncio.Task[None]) -> None:
        self.fed_all = True
        self._fed.set()
        try:
            await pump
        finally:
            await asyncio.gather(*list(self.sending), return_exceptions=True)
            await self.service.record(self._take_outcomes())

    # -- the feeder -------------------------------------------------------------------------------------------
    async def _feed(self) -> None:
        started = self.pacer.clock()
        while not self.winding_down and not (self._pump_task and self._pump_task.done()):  # a failed pump: raised
            if outcomes := self._take_outcomes():
                await self.service.record(outcomes)
                await asyncio.sleep(0)  # whoever waits for the connection (SQLite has one) gets it before the pick
            room = self.room - len(self.queue)
            if self.limit is not None:
                if self.claimed >= self.limit:
                    return
                room = min(room, self.limit - self.claimed)
            if (pause := self.pacer.paused_for()) > 0:  # the pump gives back what is queued; nothing is picked
                if not self.busy and pause > MAX_WAIT:
                    return  # the next run takes it up
                await self._wait(min(pause, POLL))
                continue
            soonest: float | None = None
            if room > 0:
                if self.pacer.clock() - self._backlogs_at >= BACKLOGS_EVERY:
                    self.backlogs, self._backlogs_at = await self.service.backlogs(), self.pacer.clock()
                found = await self.service.pick(room, self.busy, self.pacer, QUEUE_SECONDS, self.backlogs)
                self._queue(found.claimed)
                if found.settled:
                    continue  # their recipients' next rows may be due now
                more, soonest, self.waiting = found.more, found.ready_in, found.waiting
            else:
                more = True  # the queue is full: the pump wakes us when it has room
            if not more and not self.busy:
                return  # nothing due, nothing on its way
            if self.pacer.clock() - started >= MAX_RUN:
                return
            if not self.busy and soonest is not None and soonest > MAX_WAIT:
                return  # the next run takes it up
            await self._wait(min(soonest, POLL) if soonest is not None else POLL)

    def _queue(self, claimed: list[Claimed]) -> None:
        for c in claimed:
            self.queue.append(c)
            self.busy.add(c.message.chat_id)
        self.claimed += len(claimed)
        if claimed:
            self._fed.set()

    async def _wait(self, seconds: float) -> None:
        """Until something the feeder waits for happens, or ``seconds`` on the pacer's clock."""
        if not self._wake.is_set():
            await _until(self._wake, self.pacer, seconds)
        self._wake.clear()

    def _take_outcomes(self) -> list[Outcome]:
        taken, self.outcomes = self.outcomes, []
        return taken

    # -- the pump ---------------------------------------------------------------------------------------------
    async def _pump(self) -> None:
        while True:
            if self.queue and (self.winding_down or self.pacer.paused_for() > 0):
                back = list(self.queue)
                self.queue.clear()
                self.busy.difference_update(c.message.chat_id for c in back)
                self.claimed -= len(back)
                await self.service.give_back(back)
                self._wake.set()
                continue
            if not self.queue:
                if self.fed_all:  # (not on winding down alone: the feeder may still be claiming)
                    return
                await self._pump_wait(None)
                continue
            row, wait = self._first_ready()
            if row is None:  # no chat in the queue is ready yet
                await self._pump_wait(wait)
                continue
            if (wait := self.pacer.take(row.message.chat_id)) > 0:  # the overall rate
                await self.pacer.sleep(wait)
                continue
            self.queue.remove(row)
            task = asyncio.create_task(self._send(row), name="outbox send")
            self.sending.add(task)
            task.add_done_callback(self.sending.discard)
            if len(self.queue) <= self.room // 2:
                self._wake.set()

    def _first_ready(self) -> tuple[Claimed | None, float]:
        """The first queued row whose chat is ready (one row per chat is queued: their order is kept), or the
        seconds until one is."""
        soonest = math.inf
        for row in self.queue:
            if (wait := self.pacer.ready_in(row.message.chat_id)) <= 0:
                return row, 0.0
            soonest = min(soonest, wait)
        return None, soonest

    async def _pump_wait(self, seconds: float | None) -> None:
        """Until the feeder queues more (or ends), or ``seconds`` on the pacer's clock."""
        self._fed.clear()
        await _until(self._fed, self.pacer, seconds)

    async def _send(self, row: Claimed) -> None:
        self.on_the_way += 1
        try:
            result = await self.notifier.deliver(row.message)
        except Exception as exc:  # an adapter's bug: the row is retried like after a network error, not lost
            log.error("delivering a notification failed: %s", type(exc).__name__)
            result = DeliveryResult(Delivery.RETRY, error=type(exc).__name__)
        finally:
            self.on_the_way -= 1
            self.pacer.answered(row.message.chat_id)  # the limits count from answers (core.pacing)
        if result.outcome is Delivery.SENT:
            self.delivered += 1
        self.outcomes.append(Outcome(row, result, self.service.ctx.now()))
        chat = row.message.chat_id
        self.busy.discard(chat)
        if chat in self.waiting or not (self.queue or self.on_the_way):
            self._wake.set()


async def _until(event: asyncio.Event, pacer: Pacer, seconds: float | None) -> None:
    """Until ``event`` is set or ``seconds`` have passed on the pacer's clock (None: no limit)."""
    if seconds is None:
        await event.wait()
        return
    waits = {asyncio.ensure_future(event.wait()), asyncio.ensure_future(pacer.sleep(seconds))}
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waits:
            w.cancel()
