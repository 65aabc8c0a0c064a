"""The reminder sweep at scale (issue 13): set-based — no statement whose parameters grow with the data (asyncpg
refuses more than 32,767), a number of statements that does not grow with the reminders, commits in chunks
that let other work have SQLite's one connection in between, steady sweeps that find only what fell due since,
and exactly once even when a concurrent sweep got to a reminder first. Same rule as before: the slots of
core.calendar.reminders.slots_due, the recipients of rules.md §1–2 (escalation to supervisors, handler duties to the
assignee, the rest to intake). Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

import asyncio
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.calendar.deadlines import DeadlineKind
from core.calendar.reminders import ReminderPolicy, Slot, SlotWindow, slots_due
from core.clock import ManualClock
from core.model import DeadlineState
from core.persistence.db import make_engine, make_session_factory
from core.persistence.orm import CaseRow, DeadlineRow, OutboxRow, ReminderSentRow
from core.persistence.uow import UnitOfWorkFactory
from core.services.reminders import CHUNK, HANDLER_DUTIES, ReminderService
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import Office, seed_office

FRIDAY = (2026, 10, 9, 9, 0)  # a working day; Saturday 10-10 is a make-up working day, Sunday 10-11 is not
PER_CASE = 100  # deadlines per bulk-made case (by default): 40,000 deadlines need only 400 cases


@dataclass(frozen=True)
class Made:
    id: int
    kind: str
    due: date
    assignee_id: int | None
    number: str


async def make_deadlines(
    app: App, office: Office, specs: Sequence[tuple[date, DeadlineKind]], per_case: int = PER_CASE
) -> list[Made]:
    """Open deadlines in bulk (a few statements, not one per row), on cases of the intake officer's unit; every
    other case is assigned to a handler. Returns them with their ids, in insertion order."""
    vault, now, unit = app.ctx.vault, app.ctx.now(), office.intake.unit_id
    facts = vault.enc_text("批量测试")
    async with app.ctx.uow() as uow:
        s = uow.session
        first = await _count(s, CaseRow) + 1
        cases = [{"number": f"XF-2099-{first + i:06d}", "unit_id": unit, "state": "accepted",
                  "report_type": "accusation", "named": True, "channel": "telegram", "category": "masses",
                  "facts_enc": facts,
                  "assignee_id": office.handler.officer_id if (first + i) % 2 else None,
                  "received_at": now, "updated_at": now}
                 for i in range(math.ceil(len(specs) / per_case))]  # fmt: skip
        await s.execute(insert(CaseRow), cases)
        numbers = [c["number"] for c in cases]
        case_rows = (await s.execute(select(CaseRow.id, CaseRow.assignee_id).where(CaseRow.number.in_(numbers))
                                     .order_by(CaseRow.id))).all()  # fmt: skip
        known = await _count(s, DeadlineRow)
        rows = [{"case_id": case_rows[i // per_case][0], "kind": kind.value, "trigger_date": due - timedelta(days=20),
                 "due_date": due, "state": DeadlineState.OPEN.value, "provisional": False, "calendar_fp": "test",
                 "created_at": now}
                for i, (due, kind) in enumerate(specs)]  # fmt: skip
        for start in range(0, len(rows), 2000):  # 2,000 rows × 8 columns a statement: within any driver's limit
            await s.execute(insert(DeadlineRow), rows[start : start + 2000])
        d = DeadlineRow
        made = (await s.execute(select(d.id, d.kind, d.due_date, CaseRow.assignee_id, CaseRow.number)
                                .join(CaseRow, CaseRow.id == d.case_id)
                                .order_by(DeadlineRow.id).offset(known))).all()  # fmt: skip
        await uow.commit()
    assert len(made) == len(specs)
    return [Made(*row) for row in made]


async def _count(s: AsyncSession, table: Any) -> int:
    return len((await s.execute(select(table.id))).all())


def expected(
    made: Sequence[Made], office: Office, today: date, app: App, policy: ReminderPolicy | None = None
) -> dict[tuple[int, str], list[int]]:
    """(deadline, slot) → recipients, by the rule (slots_due per deadline), independently of the sweep's SQL."""
    cal, policy = app.ctx.calendar, policy or ReminderPolicy()
    out: dict[tuple[int, str], list[int]] = {}
    for m in made:
        for slot in slots_due(m.due, today, cal, policy):
            if slot == Slot.ESCALATED:
                who = office.supervisor.officer_id
            elif DeadlineKind(m.kind) in HANDLER_DUTIES and m.assignee_id:
                who = m.assignee_id
            else:
                who = office.intake.officer_id
            assert who is not None
            out[(m.id, slot)] = [who]
    return out


async def sent(app: App) -> set[tuple[int, str]]:
    async with app.ctx.uow() as uow:
        rows = await uow.session.execute(select(ReminderSentRow.deadline_id, ReminderSentRow.slot))
        return {(deadline_id, slot) for deadline_id, slot in rows}


async def outbox(app: App) -> Counter[tuple[int, str]]:
    async with app.ctx.uow() as uow:
        rows = await uow.session.execute(select(OutboxRow.recipient_id, OutboxRow.template))
        return Counter((who, t) for who, t in rows if t.startswith("notify.officer.reminder."))


def notices(want: dict[tuple[int, str], list[int]]) -> Counter[tuple[int, str]]:
    return Counter(
        (who, "notify.officer.reminder." + slot.split(":")[0]) for (_, slot), ws in want.items() for who in ws
    )


async def to_read(app: App) -> int:
    """Open deadlines the next sweep reads: those it has not seen yet, or whose next reminder day has come."""
    d = DeadlineRow
    due = or_(d.next_reminder_on.is_(None), d.next_reminder_on <= app.ctx.today())
    async with app.ctx.uow() as uow:
        return len((await uow.session.execute(select(d.id).where(d.state == "open", due))).all())


class Statements:
    """The SQL statements an engine runs inside ``with``: text and number of bound parameters."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine.sync_engine
        self.seen: list[tuple[str, int]] = []

    def _record(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        params = parameters[0] if many and parameters else parameters
        self.seen.append((statement.lstrip(), len(params or ())))

    @contextmanager
    def watch(self) -> Iterator[Statements]:
        event.listen(self.engine, "before_cursor_execute", self._record)
        try:
            yield self
        finally:
            event.remove(self.engine, "before_cursor_execute", self._record)

    def __len__(self) -> int:
        return len(self.seen)

    def writes(self) -> list[str]:
        return [s for s, _ in self.seen if not s.upper().startswith("SELECT")]


async def test_a_sweep_over_more_deadlines_than_a_statement_may_bind(app: App, clock: ManualClock) -> None:
    """40,000 open deadlines in the window: the old sweep bound every one of their ids in one ``IN (...)``, which
    PostgreSQL (asyncpg) refuses past 32,767 parameters. Every reminder by the rule goes out, once."""
    office = await seed_office(app)
    clock.set(beijing(*FRIDAY))
    today = app.ctx.today()
    kinds = (DeadlineKind.REGISTER_AND_ROUTE, DeadlineKind.RESULT_FEEDBACK, DeadlineKind.ACCEPTANCE_NOTICE)
    made = await make_deadlines(
        app, office, [(today + timedelta(days=i % 23 - 2), kinds[i % 3]) for i in range(40_000)]
    )
    want = expected(made, office, today, app)
    assert len(made) > 32_767 and len(want) > 10_000  # overdue (twice), due today, due soon; most later
    with Statements(app.engine).watch() as statements:
        queued = await ReminderService(app.ctx, app.urgent).sweep()
    assert queued == sum(len(w) for w in want.values())
    assert await sent(app) == set(want)
    assert await outbox(app) == notices(want)
    # no statement binds more than a chunk's worth of values, however many deadlines there are
    assert max(n for _, n in statements.seen) <= 10 * CHUNK < 32_767


async def test_statements_per_sweep_do_not_grow_with_the_reminders(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    clock.set(beijing(*FRIDAY))
    today, sweep = app.ctx.today(), ReminderService(app.ctx, app.urgent).sweep
    await make_deadlines(app, office, [(today, DeadlineKind.REGISTER_AND_ROUTE)] * 10)
    with Statements(app.engine).watch() as few:
        assert await sweep() == 10
    await make_deadlines(app, office, [(today, DeadlineKind.REGISTER_AND_ROUTE)] * 500)
    with Statements(app.engine).watch() as many:
        assert await sweep() == 500
    # per chunk of deadlines first seen: their read and their first reminder day written; per chunk of
    # reminders: the page read, the reminders recorded, their outbox rows, their next day — never per reminder
    assert len(many) <= len(few) + (2 + 4) * math.ceil(500 / CHUNK), many.seen
    assert len(many) < 50


async def test_steady_sweeps_queue_nothing_and_a_new_day_only_what_fell_due(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    clock.set(beijing(*FRIDAY))
    start = app.ctx.today()
    made = await make_deadlines(app, office, [(start + timedelta(days=d % 12 - 3), kind) for d in range(240)
                                              for kind in (DeadlineKind.REGISTER_AND_ROUTE,
                                                           DeadlineKind.LETTER_REPLY)])  # fmt: skip
    sweep, so_far = ReminderService(app.ctx, app.urgent).sweep, set[tuple[int, str]]()
    # Friday, make-up Saturday (overdue alerts again), Sunday (none: a rest day), Monday
    for day in (9, 10, 11, 12):
        clock.set(beijing(2026, 10, day, 9, 0))
        want = {k: v for k, v in expected(made, office, app.ctx.today(), app).items() if k not in so_far}
        before = await outbox(app)
        assert await sweep() == sum(len(w) for w in want.values()), day
        assert await sent(app) == so_far | set(want)
        assert await outbox(app) - before == notices(want)
        so_far |= set(want)
        assert await to_read(app) == 0  # every open deadline waits, out of the sweep's sight, for its next reminder
        with Statements(app.engine).watch() as steady:
            assert await sweep() == 0  # five minutes later: nothing new
        assert steady.writes() == []  # and nothing written: the already reminded were filtered in SQL
    assert any(slot == f"{Slot.OVERDUE}:2026-10-10" for _, slot in so_far)
    assert not any(slot == f"{Slot.OVERDUE}:2026-10-11" for _, slot in so_far)


async def test_more_days_for_the_soon_reminder_reach_the_deadlines_already_waiting(
    app: App, clock: ManualClock
) -> None:
    """The operator sets more working days before a due day: deadlines the sweep had put aside until their old
    ``soon`` day are read again, and those now within the new days get their reminder at once."""
    office = await seed_office(app)
    clock.set(beijing(*FRIDAY))
    today = app.ctx.today()
    made = await make_deadlines(app, office, [(today + timedelta(days=d), DeadlineKind.REGISTER_AND_ROUTE)
                                              for d in range(-2, 20) for _ in range(3)])  # fmt: skip
    assert await ReminderService(app.ctx, app.urgent).sweep() == len(expected(made, office, today, app))
    assert await to_read(app) == 0
    wider = ReminderPolicy(days_before=6)
    want = expected(made, office, today, app, wider)
    new = set(want) - await sent(app)
    assert {slot for _, slot in new} == {Slot.SOON.value} and len(new) >= 3 * 3  # three more working days
    assert await ReminderService(app.ctx, app.urgent, wider).sweep() == len(new)
    assert await sent(app) == set(want)
    assert await to_read(app) == 0
    assert await ReminderService(app.ctx, app.urgent, wider).sweep() == 0


async def test_the_sweep_commits_in_chunks_and_a_waiting_query_gets_in_between(
    app: App, clock: ManualClock, db_url: str
) -> None:
    """With one connection (SQLite's way; PostgreSQL made to share it here) a query that needs it while the sweep
    works gets it after the chunk being written, not after the whole sweep."""
    office = await seed_office(app)
    clock.set(beijing(*FRIDAY))
    await make_deadlines(app, office, [(app.ctx.today(), DeadlineKind.REGISTER_AND_ROUTE)] * 300)
    engine = make_engine(db_url, pool_size=1, max_overflow=0)
    real, app.ctx.uow_factory = app.ctx.uow_factory, UnitOfWorkFactory(make_session_factory(engine), app.ctx.vault)
    held: list[int] = []  # per checkout of the one connection: reminders recorded while it was held
    writing = asyncio.Event()

    def checkout(*_: Any) -> None:
        held.append(0)

    def recorded(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if statement.lstrip().startswith("INSERT INTO reminders_sent"):
            held[-1] += len(parameters) if many else len(parameters) // 3
            writing.set()

    event.listen(engine.sync_engine, "checkout", checkout)
    event.listen(engine.sync_engine, "before_cursor_execute", recorded)
    try:
        sweep = asyncio.create_task(ReminderService(app.ctx, app.urgent, chunk=50).sweep())
        await writing.wait()  # the first chunk is being written
        async with app.ctx.uow() as uow:  # waits for the one connection
            await uow.session.execute(select(CaseRow.id).limit(1))
            committed_when_probed = sum(held[:-1])  # holding the connection: the sweep is between two chunks
        assert await sweep == 300
    finally:
        app.ctx.uow_factory = real
        await engine.dispose()
    assert committed_when_probed < 300 and committed_when_probed % 50 == 0
    assert [n for n in held if n] == [50] * 6  # six transactions of fifty, each committed before the next


async def test_a_chunk_a_concurrent_sweep_got_to_first_is_read_again(
    app: App, clock: ManualClock, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another sweep records a reminder of the second chunk between this sweep's reading and writing it: the
    unique key refuses the chunk, which is read again without that reminder; the first chunk stays sent."""
    office = await seed_office(app)
    clock.set(beijing(*FRIDAY))
    made = await make_deadlines(app, office, [(app.ctx.today(), DeadlineKind.REGISTER_AND_ROUTE)] * 120)
    other = make_engine(db_url)  # the other sweep's own connection
    pages: list[int] = []  # the sizes of the pages of deadlines due today, as read
    real_page = ReminderService._due_page

    async def page_then_race(self: ReminderService, s: AsyncSession, window: SlotWindow, after: Any) -> Any:
        page = await real_page(self, s, window, after)
        if window.slot == Slot.DUE:
            pages.append(len(page))
            if len(pages) == 2:  # the second chunk: the other sweep commits its first deadline's reminder now
                row = {"deadline_id": page[0].deadline_id, "slot": Slot.DUE.value, "sent_at": app.ctx.now()}
                async with other.begin() as conn:
                    await conn.execute(insert(ReminderSentRow).values(**row))
        return page

    monkeypatch.setattr(ReminderService, "_due_page", page_then_race)
    try:
        queued = await ReminderService(app.ctx, app.urgent, chunk=50).sweep()
    finally:
        await other.dispose()
    assert queued == 119  # the one the other sweep recorded is its to send
    assert await sent(app) == {(m.id, Slot.DUE.value) for m in made}
    assert await outbox(app) == Counter({(office.intake.officer_id, "notify.officer.reminder.due"): 119})
    assert pages == [50, 50, 50, 19]  # the second refused and read again, without the other sweep's


async def test_two_sweeps_at_once_send_each_reminder_once(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    clock.set(beijing(*FRIDAY))
    today = app.ctx.today()
    made = await make_deadlines(app, office, [(today + timedelta(days=d % 8 - 3), DeadlineKind.REGISTER_AND_ROUTE)
                                              for d in range(400)])  # fmt: skip
    want = expected(made, office, today, app)
    first, second = await asyncio.gather(ReminderService(app.ctx, app.urgent, chunk=40).sweep(),
                                         ReminderService(app.ctx, app.urgent, chunk=40).sweep())  # fmt: skip
    assert first + second == sum(len(w) for w in want.values())
    assert await sent(app) == set(want)
    assert await outbox(app) == notices(want)


async def test_upcoming_lists_what_the_coming_sweeps_will_send(app: App, clock: ManualClock) -> None:
    """``qingfeng scheduler status``: the reminders of the next seven days by the rule, without those sent."""
    office = await seed_office(app)
    clock.set(beijing(*FRIDAY))
    today, cal, policy = app.ctx.today(), app.ctx.calendar, ReminderPolicy()
    kinds = (DeadlineKind.REGISTER_AND_ROUTE, DeadlineKind.LETTER_REPLY)
    made = await make_deadlines(app, office, [(today + timedelta(days=d - 4), kinds[d % 2]) for d in range(40)],
                                per_case=2)  # fmt: skip
    service = ReminderService(app.ctx, app.urgent)
    for sweeps in (0, 1):
        done = await sent(app)
        want: list[tuple[date, str, str, str]] = []  # the rule, one deadline and day at a time
        for day in (today + timedelta(days=i) for i in range(8)):
            for m in sorted(made, key=lambda m: (m.due, m.id)):
                for slot in slots_due(m.due, day, cal, policy):
                    if (m.id, slot) not in done and all(w[1:] != (m.number, m.kind, slot) for w in want):
                        want.append((day, m.number, m.kind, slot))
        assert await service.upcoming(7) == want, sweeps
        assert len(want) > 40
        await service.sweep()
