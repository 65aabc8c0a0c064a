"""Simulated time: every event of the period in order, the clock moved to each, and the scheduler's own jobs.

The jobs are :class:`qingfeng.scheduler.JobScheduler`'s, run through its :meth:`~JobScheduler.run_job` at times
APScheduler would run them (not a second implementation): the deadline sweep, the morning digests and the leaders'
reports at each tick of :data:`TICKS` every day, the outbox every :data:`OUTBOX_EVERY`, and the sweep and outbox
every 15 minutes while an urgent message is open (its re-push). Production runs the sweep every five minutes and
the outbox every five seconds; a duty's reminder slots are per day, so more sweeps would send the same reminders
a few hours earlier, not other ones, and a notice sent within half an hour is still news (an officer's notices
older than an hour are summarised: core.services.notices). The outbox delivers through :class:`Deliveries`, which
keeps every notification with its simulated time and hands officers' and reporters' to the staff, who act on them.
"""

from __future__ import annotations

import heapq
import itertools
import time as wall
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from core.clock import ManualClock
from core.pacing import Pacer
from core.persistence.orm import UrgentNoteRow
from core.ports import Delivery, DeliveryResult, OutgoingMessage
from core.services.outbox import OutboxService
from qingfeng.app import App
from qingfeng.scheduler import JobScheduler
from qingfeng.simulation.office import Office
from qingfeng.simulation.staff import Staff

#: When the sweep, digests and reports run each day (office time): after midnight (the day's new reminder slots),
#: after the digest time (08:30), at noon and at the end of the working day; the outbox runs after each.
TICKS = (time(0, 10), time(8, 40), time(12, 10), time(17, 50))
JOBS = ("deadlines", "digests", "reports", "outbox")
OUTBOX_EVERY = timedelta(minutes=30)
URGENT_EVERY = timedelta(minutes=15)
RESULTS = ("notify.reporter.feedback", "notify.reporter.appeal_result", "notify.reporter.suggestion_result")


@dataclass(frozen=True)
class Sent:
    at: datetime
    chat: int
    template: str
    params: dict[str, object]
    run: int  # the outbox run that sent it


class Deliveries:
    """The notifier the outbox sends through: every notification kept, none refused, no pacing (the simulated
    time does not pass while the outbox runs; :mod:`.duties` compares each run's count with Telegram's limit)."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.sent: list[Sent] = []
        self.pacer = Pacer()
        self.run = 0
        self.listeners: list[Callable[[Sent], None]] = []

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        sent = Sent(self.clock.now(), message.chat_id, message.template, dict(message.params), self.run)
        self.sent.append(sent)
        for listen in self.listeners:
            listen(sent)
        return DeliveryResult(Delivery.SENT)


@dataclass
class Clockwork:
    app: App
    clock: ManualClock
    office: Office
    deliveries: Deliveries
    scheduler: JobScheduler = field(init=False)
    job_seconds: dict[str, float] = field(default_factory=dict)  # wall time per job
    job_runs: Counter[str] = field(default_factory=Counter)
    job_failures: Counter[str] = field(default_factory=Counter)
    slowest: dict[str, float] = field(default_factory=dict)
    events: int = 0
    _dirty: bool = True  # something may have been queued since the outbox last ran
    _urgent_watch: bool = False
    _queue: list[tuple[datetime, int, Callable[[], Awaitable[None]]]] = field(default_factory=list)
    _seq: itertools.count[int] = field(default_factory=itertools.count)

    def __post_init__(self) -> None:
        outbox = OutboxService(self.app.ctx, self.deliveries)  # web chats' notices too (``qingfeng run --web``)
        self.scheduler = JobScheduler(self.app, outbox, name="simulation", record=False)

    def schedule(self, when: datetime, work: Callable[[], Awaitable[None]]) -> None:
        heapq.heappush(self._queue, (when, next(self._seq), work))

    def attach(self, staff: Staff) -> None:
        """Officers and reporters read what reaches their chats."""

        def listen(sent: Sent) -> None:
            officer = self.office.by_chat.get(sent.chat)
            if officer is not None:
                staff.told(officer, sent.template, sent.params)
            elif sent.template in RESULTS and (case := staff.by_chat.get(sent.chat)) is not None:
                staff.told_result(case, sent.at)

        self.deliveries.listeners.append(listen)

    async def run(self, first: date, until: date) -> None:
        """Every event from ``first`` to the end of ``until`` (office days), the jobs at their times."""
        tz = self.office.tz
        day = first
        while day <= until:
            for t in TICKS:
                self.schedule(datetime.combine(day, t, tz), self.tick)
            moment = datetime.combine(day, time(0), tz)
            while moment.date() == day:
                if moment.time() not in TICKS:
                    self.schedule(moment, self._outbox)
                moment += OUTBOX_EVERY
            day += timedelta(days=1)
        end = datetime.combine(until + timedelta(days=1), time(0), tz)
        while self._queue and self._queue[0][0] < end:
            when, _, work = heapq.heappop(self._queue)
            if when > self.clock.now():
                self.clock.set(when)
            self.events += 1
            self._dirty = self._dirty or work != self._outbox
            await work()
        self.clock.set(end)

    async def tick(self) -> None:
        for job in JOBS:
            await self.job(job)

    async def _outbox(self) -> None:
        """Skipped when nothing happened since the last run: it would find nothing due (the notifier refuses
        nothing, so no row waits for a retry)."""
        if self._dirty:
            await self.job("outbox")

    def urgent_raised(self) -> None:
        """An urgent message: the sweep every 15 minutes while one is open, as production's re-push needs."""
        if not self._urgent_watch:
            self._urgent_watch = True
            self.schedule(self.clock.now() + URGENT_EVERY, self._urgent_tick)

    async def _urgent_tick(self) -> None:
        await self.job("deadlines")
        await self.job("outbox")
        if await self._urgent_open():
            self.schedule(self.clock.now() + URGENT_EVERY, self._urgent_tick)
        else:
            self._urgent_watch = False

    async def _urgent_open(self) -> bool:
        async with self.app.ctx.uow() as uow:
            q = select(func.count()).select_from(UrgentNoteRow).where(UrgentNoteRow.handled_at.is_(None))
            return bool((await uow.session.execute(q)).scalar_one())

    async def job(self, job_id: str) -> None:
        if job_id == "outbox":
            self.deliveries.run += 1
            self._dirty = False
        started = wall.perf_counter()
        if not await self.scheduler.run_job(job_id):
            self.job_failures[job_id] += 1
        took = wall.perf_counter() - started
        self.job_seconds[job_id] = self.job_seconds.get(job_id, 0.0) + took
        self.job_runs[job_id] += 1
        self.slowest[job_id] = max(self.slowest.get(job_id, 0.0), took)
