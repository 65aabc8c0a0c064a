"""Deadlines that run into a year without holiday data are provisional and move when operators add the data (§2)."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from core.calendar.deadlines import DeadlineKind, due_date
from core.calendar.reminders import ReminderPolicy, first_reminder_day
from core.calendar.workdays import WorkCalendar, YearSource
from core.clock import ManualClock
from core.persistence.orm import SettingRow
from core.persistence.setting_rows import put_setting
from core.services.reminders import ReminderService
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import named_report, seed_office
from tests.integration.helpers import Deadline, deadlines

TRIGGER = date(2026, 12, 15)
# 15 working days from Tuesday 2026-12-15, counting Monday–Friday in 2027 for lack of data:
# 12-16..18 (3), 12-21..25 (8), 12-28..31 (12), 2027-01-01 (13), 01-04 (14), 01-05 (15).
PROVISIONAL_DUE = date(2027, 1, 5)
# With 01-01 and 01-04..05 as holidays the 13th–15th working days are 01-06, 01-07, 01-08.
FINAL_DUE = date(2027, 1, 8)


def write_2027(app: App) -> None:
    app.settings.calendar_dir.mkdir(parents=True, exist_ok=True)
    (app.settings.calendar_dir / "2027.json").write_text(
        json.dumps(
            {"year": 2027, "source": "测试用假日安排", "holidays": ["2027-01-01", "2027-01-04..2027-01-05"]},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )


def d3(rows: list[Deadline]) -> Deadline:
    [row] = [r for r in rows if r.kind == DeadlineKind.ACCEPTANCE_NOTICE.value]
    return row


async def test_provisional_deadline_moves_when_operator_data_arrives(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    assert app.ctx.calendar.origin(2027) is YearSource.FALLBACK
    clock.set(beijing(2026, 12, 15, 10, 0))
    open_case = (await app.filing.file_report(named_report())).number
    accepted = (await app.filing.file_report(named_report())).number  # its deadlines will be met
    repeat = (await app.filing.file_report(named_report())).number  # its D3 will be cancelled
    for number in (accepted, repeat):
        await app.cases.register(number, office.intake)
    await app.cases.accept(accepted, office.intake)
    await app.cases.mark_duplicate(repeat, office.intake, open_case)

    old_fp = app.ctx.calendar.fingerprint()
    pending = d3(await deadlines(app, open_case))
    assert (pending.trigger_date, pending.due_date, pending.state) == (TRIGGER, PROVISIONAL_DUE, "open")
    assert pending.provisional is True and pending.calendar_fp == old_fp
    assert pending.next_reminder_on is None  # until a sweep works out when its first reminder is due
    await ReminderService(app.ctx, app.urgent).sweep()
    pending = d3(await deadlines(app, open_case))
    assert pending.next_reminder_on == first_reminder_day(PROVISIONAL_DUE, app.ctx.calendar, ReminderPolicy())
    [d7] = [r for r in await deadlines(app, open_case) if r.kind == DeadlineKind.REGISTER_AND_ROUTE.value]
    assert (d7.due_date, d7.provisional) == (date(2026, 12, 30), False)  # stays inside 2026
    closed_before = {r.id: r for r in await deadlines(app) if r.state != "open"}
    assert {r.state for r in closed_before.values()} == {"met", "cancelled"}
    assert d3(await deadlines(app, accepted)).state == "met"
    assert d3(await deadlines(app, repeat)).state == "cancelled"

    # Same calendar data: nothing to recompute.
    assert await app.calendar.recompute_open_deadlines() == 0
    assert d3(await deadlines(app, open_case)) == pending

    # The operator publishes 2027; the calendar is rebuilt from the data directory.
    write_2027(app)
    app.ctx.calendar = WorkCalendar.from_directory(app.settings.calendar_dir)
    assert app.ctx.calendar.origin(2027) is YearSource.OPERATOR
    new_fp = app.ctx.calendar.fingerprint()
    assert new_fp != old_fp

    assert await app.calendar.recompute_open_deadlines() == 1  # only the D3 of the open case moves
    moved = d3(await deadlines(app, open_case))
    assert moved.due_date == FINAL_DUE
    assert moved.next_reminder_on is None  # for the next sweep to work out again
    assert (moved.due_date - pending.due_date).days == 3
    assert moved.due_date == due_date(DeadlineKind.ACCEPTANCE_NOTICE, TRIGGER, app.ctx.calendar)
    assert (moved.provisional, moved.calendar_fp, moved.trigger_date, moved.state) == (False, new_fp, TRIGGER, "open")
    [d7_after] = [r for r in await deadlines(app, open_case) if r.kind == DeadlineKind.REGISTER_AND_ROUTE.value]
    assert (d7_after.due_date, d7_after.calendar_fp) == (d7.due_date, new_fp)  # re-checked, unchanged
    assert d7_after.next_reminder_on is None  # its soon day may have moved with the holidays: again too
    await ReminderService(app.ctx, app.urgent).sweep()
    for row, due in ((moved, FINAL_DUE), (d7_after, d7.due_date)):
        [now] = [r for r in await deadlines(app) if r.id == row.id]
        assert now.next_reminder_on == first_reminder_day(due, app.ctx.calendar, ReminderPolicy())
    moved = d3(await deadlines(app, open_case))

    # Met and cancelled deadlines are history: untouched.
    assert {r.id: r for r in await deadlines(app) if r.state != "open"} == closed_before
    assert all(
        r.calendar_fp == old_fp and r.due_date == PROVISIONAL_DUE
        for r in closed_before.values()
        if r.kind == "acceptance_notice"
    )

    async with app.ctx.uow() as uow:
        stored = await uow.session.get(SettingRow, "calendar_fingerprint")
        assert stored is not None and stored.value == new_fp

    # Nothing left to do.
    assert await app.calendar.recompute_open_deadlines() == 0
    assert d3(await deadlines(app, open_case)) == moved


async def test_new_deadlines_use_operator_data_and_are_not_provisional(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    write_2027(app)
    app.ctx.calendar = WorkCalendar.from_directory(app.settings.calendar_dir)
    clock.set(beijing(2026, 12, 15, 10, 0))
    number = (await app.filing.file_report(named_report())).number
    row = d3(await deadlines(app, number))
    assert (row.due_date, row.provisional) == (FINAL_DUE, False)
    assert await app.calendar.recompute_open_deadlines() == 0
    # A forced recompute re-checks everything but finds nothing to move either.
    assert await app.calendar.recompute_open_deadlines(force=True) == 0
    async with app.ctx.uow() as uow:
        assert (await uow.session.execute(select(SettingRow.value))).scalar_one() == app.ctx.calendar.fingerprint()


async def test_a_setting_two_instances_write_at_once_is_stored_once(app: App) -> None:
    """Two instances starting on one database may both find a setting missing and both write it: the second write
    of a key already stored wins, with no unique violation (the two-instance test once failed so on PostgreSQL)."""
    for value in ("a", "b"):  # each as an instance that found the key missing before the other committed
        async with app.ctx.uow() as uow:
            await put_setting(uow.session, "race_key", value)
            await uow.commit()
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(select(SettingRow.value).where(SettingRow.key == "race_key"))).all()
        assert [r.value for r in rows] == ["b"]
