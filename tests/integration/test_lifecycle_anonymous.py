"""Anonymous reports' lifecycles through the services on a real database: nudges, query codes (rules.md §1, §4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.calendar.deadlines import DeadlineKind
from core.clock import ManualClock
from core.errors import GuardFailed
from core.model import CaseState, DisposalMethod
from core.secrets_ import new_query_code
from qingfeng.app import App
from tests.factories import anonymous_report, closure, seed_office
from tests.integration.helpers import Trail, by_kind, case_row, contact_row, db_snapshot, deadlines, events, outbox

S = CaseState


async def test_anonymous_lifecycle_opted_in(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    intake, handler = office.intake, office.handler
    receipt = await app.filing.file_report(anonymous_report(chat_id=555002, notify_opt_in=True))
    number, code = receipt.number, receipt.query_code
    assert code is not None
    case = await case_row(app, number)
    assert case.named is False and case.reporter_enc is None
    assert case.password_hash is not None and "correct horse" not in case.password_hash
    contact = await contact_row(app, case.id)
    assert contact is not None and contact.chat_index is None  # cannot be looked up from the chat id
    assert app.vault.decrypt(contact.chat_enc) == b"555002"
    # No acceptance notice is owed to an anonymous reporter (§4): only D7 runs.
    assert [(d.kind, d.due_date) for d in await deadlines(app, number)] == [("register_and_route", date(2026, 10, 13))]

    trail = Trail(app, clock, number)
    cases = app.cases
    clock.advance(timedelta(hours=2))
    await trail.step(
        lambda: cases.register(number, intake), intake, "register", S.RECEIVED, S.REGISTERED, "R-14 一信一码"
    )
    await trail.step(lambda: cases.accept(number, intake), intake, "accept", S.REGISTERED, S.ACCEPTED, "R-14")
    await trail.step(
        lambda: cases.assign(number, intake, handler.officer_id or 0), intake, "assign", S.ACCEPTED, S.ASSIGNED, "R-14"
    )
    clock.advance(timedelta(days=3))
    await trail.step(
        lambda: cases.dispose(number, handler, DisposalMethod.CLOSE, approved_by=office.supervisor),
        handler,
        "dispose",
        S.ASSIGNED,
        S.DISPOSAL,
        "R-17 ¶2",
        approver=office.supervisor,
    )
    await trail.step(
        lambda: cases.conclude(number, handler, closure(named=False), approved_by=office.supervisor),
        handler,
        "conclude",
        S.DISPOSAL,
        S.CONCLUDED,
        "R-18, §7.1",
        approver=office.supervisor,
    )
    assert not by_kind(await deadlines(app, number), DeadlineKind.RESULT_FEEDBACK)  # no D4 for anonymous reports

    before = await db_snapshot(app)
    with pytest.raises(GuardFailed) as err:
        await cases.give_feedback(number, handler, "结果")
    assert "guard.feedback_named_only" in err.value.problems
    assert await db_snapshot(app) == before

    clock.advance(timedelta(hours=2))  # a nudge an hour at most (core.services.cases.NUDGE_GAP)
    await trail.step(
        lambda: cases.archive(number, intake, approved_by=office.supervisor),
        intake,
        "archive",
        S.CONCLUDED,
        S.ARCHIVED,
        "§1 归档",
        approver=office.supervisor,
    )

    reporter_msgs = [m for m in await outbox(app) if m.recipient_kind == "reporter"]
    # Contentless nudges on each change of public status: accepted (in progress), concluded, archived.
    assert [m.template for m in reporter_msgs] == ["notify.reporter.update"] * 3
    assert [m.params for m in reporter_msgs] == [
        {"number": number, "status": "in_progress"},
        {"number": number, "status": "concluded"},
        {"number": number, "status": "archived"},
    ]
    assert all(m.recipient_id == case.id for m in reporter_msgs)

    view = await app.queries.status_by_code(code, "correct horse")
    assert view is not None
    assert (view.number, view.status, view.received_on, view.feedback) == (number, "archived", date(2026, 9, 28), None)
    assert [h.status for h in view.history] == ["received", "in_progress", "concluded", "archived"]
    # The code is accepted however it is typed (case, dashes).
    assert await app.queries.status_by_code(code.replace("-", "").lower(), "correct horse") == view
    assert await app.queries.status_by_code(code, "wrong horse") is None
    assert await app.queries.status_by_code(new_query_code(), "correct horse") is None
    assert await app.queries.status_for_chat(555002) == []


async def test_anonymous_not_opted_in_gets_no_pushes(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    receipt = await app.filing.file_report(anonymous_report(chat_id=555003, notify_opt_in=False))
    number = receipt.number
    assert (await case_row(app, number)).notify_opt_in is False
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(number, office.handler, DisposalMethod.CLOSE, approved_by=office.supervisor)
    await app.cases.conclude(number, office.handler, closure(named=False), approved_by=office.supervisor)
    assert await app.cases.archive(number, office.intake, approved_by=office.supervisor) is S.ARCHIVED
    msgs = await outbox(app)
    assert [m.recipient_kind for m in msgs] == ["officer", "officer"]  # new case, assigned: nothing to the reporter
    assert len(await events(app, number)) == 10  # seven steps, three of them approved by the leader
    assert await app.queries.status_for_chat(555003) == []
    view = await app.queries.status_by_code(receipt.query_code or "", "correct horse")
    assert view is not None and view.status == "archived"


async def test_steps_in_a_row_nudge_an_anonymous_reporter_once(app: App, clock: ManualClock) -> None:
    """Sent up and taken in within minutes: one contentless push, not one per step (a walk through the bot found
    five in three minutes); the next change an hour or more later is pushed again. /status has them all."""
    office = await seed_office(app)
    receipt = await app.filing.file_report(anonymous_report(chat_id=555003, notify_opt_in=True))
    number = receipt.number
    await app.cases.register(number, office.intake)
    clock.advance(timedelta(minutes=1))
    await app.cases.transfer(number, office.intake, "HZ", approved_by=office.supervisor)
    clock.advance(timedelta(minutes=1))
    await app.cases.receive_transfer(number, office.city_intake)
    nudges = [m.params["status"] for m in await outbox(app) if m.recipient_kind == "reporter"]
    assert nudges == ["transferred"]  # taken in a minute later: no second push
    clock.advance(timedelta(hours=1, minutes=1))
    await app.cases.accept(number, office.city_intake)
    nudges = [m.params["status"] for m in await outbox(app) if m.recipient_kind == "reporter"]
    assert nudges == ["transferred", "in_progress"]
    view = await app.queries.status_by_code(receipt.query_code or "", "correct horse")
    assert view is not None
    assert [h.status for h in view.history] == ["received", "transferred", "received", "in_progress"]
