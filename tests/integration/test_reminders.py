"""Deadline reminders and digests with a clock the test moves: each sent exactly once, holidays respected."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from core.actor import Actor
from core.calendar.deadlines import DeadlineKind
from core.calendar.reminders import ReminderPolicy, working_days_before
from core.clock import ManualClock
from core.model import Action, DisposalMethod, Role
from core.persistence.orm import DeadlineRow, OutboxRow
from core.services.reminders import ReminderService
from qingfeng.app import App, build_app
from tests.conftest import beijing, make_settings
from tests.factories import Office, closure, named_report, person, seed_office


async def outbox(app: App) -> list[tuple[str, int]]:
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(select(OutboxRow).order_by(OutboxRow.id))).scalars().all()
        return [(r.template, r.recipient_id) for r in rows if r.template.startswith("notify.officer.reminder")
                or r.template == "notify.officer.digest"]  # fmt: skip


async def filed(app: App) -> tuple[Office, str]:
    office = await seed_office(app)
    return office, (await app.filing.file_report(named_report())).number  # 2026-09-28: D7 due 10-13, D3 10-23


def test_working_days_before_counts_the_make_up_saturday(app: App) -> None:
    # 3 working days before 2026-10-13: 10-12, Saturday 10-10 (a make-up workday), 10-09.
    assert working_days_before(date(2026, 10, 13), 3, app.ctx.calendar) == date(2026, 10, 9)


async def test_due_soon_reminder_once_then_overdue_alert_and_one_escalation(app: App, clock: ManualClock) -> None:
    office, _ = await filed(app)
    sweep = ReminderService(app.ctx, app.urgent, ReminderPolicy(days_before=3)).sweep
    clock.set(beijing(2026, 10, 8, 9, 0))
    assert await sweep() == 0  # the National Day week pushed D7 to 10-13: not yet
    clock.set(beijing(2026, 10, 9, 9, 0))
    assert await sweep() == 1 and await sweep() == 0
    assert await outbox(app) == [("notify.officer.reminder.soon", office.intake.officer_id)]
    clock.set(beijing(2026, 10, 13, 9, 0))
    await sweep()
    clock.set(beijing(2026, 10, 14, 9, 0))
    await sweep()
    clock.set(beijing(2026, 10, 15, 9, 0))
    await sweep()
    await sweep()
    assert await outbox(app) == [
        ("notify.officer.reminder.soon", office.intake.officer_id),
        ("notify.officer.reminder.due", office.intake.officer_id),
        ("notify.officer.reminder.overdue", office.intake.officer_id),
        ("notify.officer.reminder.escalated", office.supervisor.officer_id),
        ("notify.officer.reminder.overdue", office.intake.officer_id),  # daily while overdue, escalated once
    ]


async def test_reminders_due_while_the_bot_was_down_are_sent_once(app: App, clock: ManualClock, tmp_path) -> None:
    office, number = await filed(app)
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)  # meets D7 and D3: no reminders for them any more
    clock.set(beijing(2026, 10, 9, 9, 0))
    assert await ReminderService(app.ctx, app.urgent).sweep() == 0
    second = await app.filing.file_report(named_report(chat_id=555009))  # filed 10-09: D7 due 10-24 (Sat→10-26)
    clock.set(beijing(2026, 10, 28, 10, 0))  # the bot was down from 10-09 to 10-28
    restarted = await build_app(make_settings(tmp_path / "again", str(app.engine.url.render_as_string(False))),
                                clock=clock, upgrade=False)  # fmt: skip
    try:
        first = await ReminderService(restarted.ctx, restarted.urgent).sweep()
        again = await ReminderService(app.ctx, app.urgent).sweep()  # e.g. a second process sweeping at the same moment
    finally:
        await restarted.close()
    sent = await outbox(app)
    assert again == 0 and first == len(sent) == 4
    # D7 of the second case (due 10-26): one overdue alert and one escalation, not one per missed day;
    # its D3 (due 10-30) is three working days away: due soon. The first case's met deadlines: nothing; its
    # disposal, owed a month after its acceptance (10-28, issue 20), is due today: one reminder, not four.
    assert sent == [("notify.officer.reminder.overdue", office.intake.officer_id),
                    ("notify.officer.reminder.escalated", office.supervisor.officer_id),
                    ("notify.officer.reminder.due", office.intake.officer_id),
                    ("notify.officer.reminder.soon", office.intake.officer_id)]  # fmt: skip
    assert second.number != number


async def test_digests_on_working_days_after_half_past_eight_once(app: App, clock: ManualClock) -> None:
    await filed(app)
    digests = ReminderService(app.ctx, app.urgent).digests
    clock.set(beijing(2026, 10, 9, 8, 0))
    assert await digests() == 0  # too early
    clock.set(beijing(2026, 10, 9, 9, 0))
    assert await digests() == 6 and await digests() == 0  # every officer with a Telegram account, once
    clock.set(beijing(2026, 10, 10, 9, 0))
    assert await digests() == 6  # Saturday 10-10 is a make-up working day
    clock.set(beijing(2026, 10, 11, 9, 0))
    assert await digests() == 0  # Sunday
    clock.set(beijing(2026, 10, 5, 9, 0))
    assert await digests() == 0  # National Day holiday
    clock.advance(timedelta(days=7))  # 10-12, Monday, and the bot only started at noon: caught up once
    clock.set(beijing(2026, 10, 12, 12, 0))
    assert await digests() == 6 and await digests() == 0


async def test_an_officer_named_in_a_report_is_never_reminded_of_it(app: App, clock: ManualClock) -> None:
    """回避 (core.recusal): a report about the city's own intake officer stays in the city (no unit above it);
    its routing reminders go to the other intake officer only."""
    await seed_office(app)
    other = await app.officers.add_officer("钱市信访", "HZ", [Role.INTAKE], telegram_id=2002)
    named = (await app.officers.list_officers())[4]  # 周市信访, the city's intake (tests/factories.py)
    assert named.name == "周市信访"
    report = named_report(persons=(person(name="周市信访", region="浙江省/杭州市"),))
    await app.filing.file_report(report)  # 2026-09-28: D7 due 10-13
    sweep = ReminderService(app.ctx, app.urgent, ReminderPolicy(days_before=3)).sweep
    for day in (9, 13, 14):
        clock.set(beijing(2026, 10, day, 9, 0))
        await sweep()
    reminded = {who for template, who in await outbox(app) if template.startswith("notify.officer.reminder")}
    assert reminded == {other.id}  # soon, due, overdue: never the officer named (HZ has no supervisor here)


async def test_a_challenge_waiting_for_the_leader_reminds_the_leader_not_the_handler(
    app: App, clock: ManualClock
) -> None:
    """§10.4: a reporter's 不满意 waits in leader_review for a leader's decision; the answer owed the reporter (D4)
    is the leaders' to give, so its reminders go to them and not to the handler who can do nothing with it."""
    office, number = await filed(app)
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(number, office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    await app.cases.conclude(number, office.handler, closure(), approved_by=office.supervisor)
    await app.cases.give_feedback(number, office.handler, "经核查，部分属实，已责令整改。")
    await app.cases.perform(number, Action.RATE_DISSATISFIED, Actor.citizen())
    async with app.ctx.uow() as uow:
        query = select(DeadlineRow.due_date).where(DeadlineRow.kind == DeadlineKind.RESULT_FEEDBACK.value,
                                                   DeadlineRow.state == "open")  # fmt: skip
        [due] = (await uow.session.execute(query)).scalars().all()
    clock.set(beijing(due.year, due.month, due.day, 9, 0))
    await ReminderService(app.ctx, app.urgent, ReminderPolicy(days_before=3)).sweep()
    reminded = {who for template, who in await outbox(app) if template == "notify.officer.reminder.due"}
    assert reminded == {office.supervisor.officer_id}
