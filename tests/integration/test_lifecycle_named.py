"""A named report's whole lifecycle through the services on a real database, with an objection a leader sends back
(rules.md §1, §2, §10.4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.actor import Actor
from core.calendar.deadlines import DeadlineKind, due_date
from core.clock import ManualClock
from core.errors import IllegalTransition
from core.model import CaseState, DisposalMethod
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import accepted_named_case, closure, named_report, seed_office
from tests.integration.helpers import Trail, by_kind, case_row, db_snapshot, deadlines, events, outbox

S = CaseState


async def test_named_lifecycle_with_objection(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    intake, handler, citizen = office.intake, office.handler, Actor.citizen()
    filed_at = clock.now()
    receipt = await app.filing.file_report(named_report())
    number = receipt.number
    assert (number, receipt.unit_code, receipt.query_code) == ("XF-2026-000001", "LA", None)
    case = await case_row(app, number)
    assert case.state == "received" and case.named and case.reporter_enc is not None
    assert case.received_at == filed_at
    assert app.vault.dec_json(case.reporter_enc)["name"] == "刘举报"

    [filed] = await events(app, number)
    assert (filed.actor, filed.officer_id, filed.action, filed.from_state, filed.to_state, filed.at) == (
        "citizen",
        None,
        "file",
        None,
        "received",
        filed_at,
    )

    # Deadlines started by receipt on 2026-09-28: D7 in 15 calendar days, D3 in 15 working days (National Day
    # holiday 10-01..10-07 and the make-up Saturday 10-10 are respected).
    dls = await deadlines(app, number)
    assert {(d.kind, d.trigger_date, d.due_date, d.state, d.provisional) for d in dls} == {
        ("register_and_route", date(2026, 9, 28), date(2026, 10, 13), "open", False),
        ("acceptance_notice", date(2026, 9, 28), date(2026, 10, 23), "open", False),
    }
    [new_case] = await outbox(app)
    assert (new_case.recipient_kind, new_case.recipient_id, new_case.template, new_case.params) == (
        "officer",
        intake.officer_id,
        "notify.officer.new_case",
        {"number": number},
    )

    trail = Trail(app, clock, number)
    cases = app.cases

    clock.advance(timedelta(hours=1))
    await trail.step(
        lambda: cases.register(number, intake), intake, "register", S.RECEIVED, S.REGISTERED, "R-14 一信一码"
    )
    assert len(await outbox(app)) == 1  # registering changes nothing the reporter sees

    clock.set(beijing(2026, 9, 29, 10, 0))
    accepted_at = clock.now()
    await trail.step(
        lambda: cases.accept(number, intake, "符合受理条件"),
        intake,
        "accept",
        S.REGISTERED,
        S.ACCEPTED,
        "R-14",
        "符合受理条件",
    )
    dls = await deadlines(app, number)
    assert [(d.kind, d.state, d.closed_at) for d in dls] == [
        ("register_and_route", "met", accepted_at),
        ("acceptance_notice", "met", accepted_at),
        ("disposal_proposal", "open", None),  # accepted, it is owed its handling (issue 20)
    ]
    msg = (await outbox(app))[-1]
    assert (msg.recipient_kind, msg.recipient_id, msg.template, msg.status) == (
        "reporter",
        case.id,
        "notify.reporter.accepted",
        "pending",
    )
    assert msg.params == {"number": number, "status": "in_progress"}

    clock.advance(timedelta(hours=1))
    await trail.step(
        lambda: cases.assign(number, intake, handler.officer_id or 0), intake, "assign", S.ACCEPTED, S.ASSIGNED, "R-14"
    )
    assert (await case_row(app, number)).assignee_id == handler.officer_id
    msg = (await outbox(app))[-1]
    assert (msg.recipient_kind, msg.recipient_id, msg.template, msg.params) == (
        "officer",
        handler.officer_id,
        "notify.officer.assigned",
        {"number": number},
    )

    clock.set(beijing(2026, 10, 9, 15, 0))
    await trail.step(
        lambda: cases.dispose(
            number, handler, DisposalMethod.PRELIMINARY_CHECK, "初步核实", approved_by=office.supervisor
        ),
        handler,
        "dispose",
        S.ASSIGNED,
        S.DISPOSAL,
        "R-17 ¶2",
        approver=office.supervisor,
    )
    assert (await case_row(app, number)).disposal_method == "preliminary_check"
    [proposal] = by_kind(await deadlines(app, number), DeadlineKind.DISPOSAL_PROPOSAL)
    assert (proposal.state, proposal.due_date) == ("met", date(2026, 10, 29))  # a month after 09-29

    clock.set(beijing(2026, 11, 2, 10, 0))
    report = closure()
    await trail.step(
        lambda: cases.conclude(number, handler, report, approved_by=office.supervisor),
        handler,
        "conclude",
        S.DISPOSAL,
        S.CONCLUDED,
        "R-18, §7.1",
        approver=office.supervisor,  # the leader's sign-off is the recorded approval (§7.1 item 5)
    )
    case = await case_row(app, number)
    stored = app.vault.dec_json(case.result_enc)
    assert stored["violation"] == report.violation and stored["feedback_text"] == report.feedback_text
    [d4] = by_kind(await deadlines(app, number), DeadlineKind.RESULT_FEEDBACK)
    assert (d4.trigger_date, d4.due_date, d4.state) == (date(2026, 11, 2), date(2026, 11, 23), "open")
    assert d4.due_date == due_date(DeadlineKind.RESULT_FEEDBACK, date(2026, 11, 2), app.ctx.calendar)
    msg = (await outbox(app))[-1]
    assert (msg.template, msg.params) == ("notify.reporter.status", {"number": number, "status": "concluded"})

    clock.set(beijing(2026, 11, 10, 10, 0))
    feedback_at = clock.now()
    text = "经核查，反映的问题部分属实，已责令整改。"
    await trail.step(
        lambda: cases.give_feedback(number, handler, text),
        handler,
        "give_feedback",
        S.CONCLUDED,
        S.FEEDBACK_GIVEN,
        "R-28? D4",
        text,
    )
    [d4] = by_kind(await deadlines(app, number), DeadlineKind.RESULT_FEEDBACK)
    assert (d4.state, d4.closed_at) == ("met", feedback_at)
    msg = (await outbox(app))[-1]
    assert (msg.recipient_kind, msg.recipient_id, msg.template) == ("reporter", case.id, "notify.reporter.feedback")
    assert msg.params == {"number": number, "status": "feedback_given", "feedback": text}

    # The reporter objects (异议): the unit's leaders are asked to decide (rules.md §10.4), and the reporter is owed
    # an answer under D4 (rules.md §4, R-28? [S]): 15 working days from the objection.
    clock.set(beijing(2026, 11, 12, 20, 0))
    objection = "我不同意处理结果，另有新证据。"
    await trail.step(
        lambda: cases.object(number, citizen, objection),
        citizen,
        "object",
        S.FEEDBACK_GIVEN,
        S.LEADER_REVIEW,
        "R-28? 异议, §10.4",
        objection,
    )
    pushed = [m for m in await outbox(app) if m.template == "notify.officer.review_objection"]
    assert [(m.recipient_kind, m.recipient_id) for m in pushed] == [("officer", office.supervisor.officer_id)]
    assert pushed[0].params == {"number": number, "report_type": "accusation", "text": objection}
    _, challenge_d4 = by_kind(await deadlines(app, number), DeadlineKind.RESULT_FEEDBACK)
    assert (challenge_d4.trigger_date, challenge_d4.due_date, challenge_d4.state) == (
        date(2026, 11, 12),
        date(2026, 12, 3),
        "open",
    )
    assert (await case_row(app, number)).challenge == "object"

    # The leader sends it back: the objection is answered, and the reopened case owes its result again (D4 from
    # the reopening); the handler is told.
    clock.set(beijing(2026, 11, 13, 9, 0))
    supervisor = office.supervisor
    await trail.step(
        lambda: cases.send_back(number, supervisor, "请核实新证据"),
        supervisor,
        "send_back",
        S.LEADER_REVIEW,
        S.REOPENED,
        "§10.4 退回进一步查处",
        "请核实新证据",
    )
    _, answered, reopened_d4 = by_kind(await deadlines(app, number), DeadlineKind.RESULT_FEEDBACK)
    assert answered.state == "met"
    assert (reopened_d4.trigger_date, reopened_d4.due_date, reopened_d4.state) == (
        date(2026, 11, 13),
        date(2026, 12, 4),
        "open",
    )
    told = [m for m in await outbox(app) if m.template == "notify.officer.sent_back"]
    assert [m.recipient_id for m in told] == [handler.officer_id]

    clock.set(beijing(2026, 11, 13, 9, 30))
    await trail.step(
        lambda: cases.dispose(number, handler, DisposalMethod.TALK_OR_LETTER, approved_by=office.supervisor),
        handler,
        "dispose",
        S.REOPENED,
        S.DISPOSAL,
        "R-17 ¶2",
        approver=office.supervisor,
    )
    [d6] = by_kind(await deadlines(app, number), DeadlineKind.LETTER_REPLY)
    assert (d6.trigger_date, d6.state) == (date(2026, 11, 13), "open")

    clock.set(beijing(2026, 12, 1, 9, 30))
    await trail.step(
        lambda: cases.conclude(number, handler, closure(), approved_by=office.supervisor),
        handler,
        "conclude",
        S.DISPOSAL,
        S.CONCLUDED,
        "R-18, §7.1",
        approver=office.supervisor,
    )
    [d6] = by_kind(await deadlines(app, number), DeadlineKind.LETTER_REPLY)
    assert d6.state == "met"
    first_d4, _, reopened_d4 = by_kind(await deadlines(app, number), DeadlineKind.RESULT_FEEDBACK)
    assert first_d4.state == "met"
    # concluding again does not open another D4 nor push the reopened case's back (due 12-04, not 12-22)
    assert (reopened_d4.trigger_date, reopened_d4.due_date, reopened_d4.state) == (
        date(2026, 11, 13),
        date(2026, 12, 4),
        "open",
    )

    clock.set(beijing(2026, 12, 3, 9, 30))
    await trail.step(
        lambda: cases.give_feedback(number, handler, "复查后维持原结论。"),
        handler,
        "give_feedback",
        S.CONCLUDED,
        S.FEEDBACK_GIVEN,
        "R-28? D4",
    )
    assert all(d.state == "met" for d in await deadlines(app, number))

    clock.set(beijing(2026, 12, 4, 9, 30))
    await trail.step(
        lambda: cases.archive(number, intake, approved_by=office.supervisor),
        intake,
        "archive",
        S.FEEDBACK_GIVEN,
        S.ARCHIVED,
        "§1 归档",
        approver=office.supervisor,
    )

    trail_rows = await events(app, number)
    assert [e.action for e in trail_rows] == [
        "file",
        "register",
        "accept",
        "assign",
        "approve",  # the leader's approval, then the handler's step (issue 15)
        "dispose",
        "approve",
        "conclude",
        "give_feedback",
        "object",
        "send_back",
        "approve",
        "dispose",
        "approve",
        "conclude",
        "give_feedback",
        "approve",
        "archive",
    ]
    assert [e.at for e in trail_rows] == sorted(e.at for e in trail_rows)
    assert [e.id for e in trail_rows] == sorted(e.id for e in trail_rows)

    msgs = await outbox(app)
    assert [(m.recipient_kind, m.template) for m in msgs] == [
        ("officer", "notify.officer.new_case"),
        ("reporter", "notify.reporter.accepted"),
        ("officer", "notify.officer.assigned"),
        ("reporter", "notify.reporter.status"),
        ("reporter", "notify.reporter.feedback"),
        ("reporter", "notify.reporter.status"),
        ("officer", "notify.officer.review_objection"),
        ("reporter", "notify.reporter.sent_back"),
        ("officer", "notify.officer.sent_back"),
        ("reporter", "notify.reporter.status"),
        ("reporter", "notify.reporter.feedback"),
        ("reporter", "notify.reporter.status"),
    ]
    assert all(m.recipient_id == case.id for m in msgs if m.recipient_kind == "reporter")
    assert all(m.status == "pending" and m.attempts == 0 for m in msgs)

    # An archived case is read-only; nothing is written by the refused attempt.
    before = await db_snapshot(app)
    with pytest.raises(IllegalTransition):
        await cases.add_note(number, intake, "补充说明")
    assert await db_snapshot(app) == before

    # The named reporter finds the case from the chat they filed from.
    [status] = await app.queries.status_for_chat(555001)
    assert (status.number, status.status, status.received_on) == (number, "archived", date(2026, 9, 28))
    assert status.feedback == "复查后维持原结论。"


async def test_concluded_at_is_the_moment_of_conclusion(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    number = await accepted_named_case(app, office)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    clock.set(beijing(2026, 10, 9, 15, 0))
    await app.cases.dispose(number, office.handler, DisposalMethod.CLOSE, approved_by=office.supervisor)
    clock.set(beijing(2026, 11, 2, 10, 0))
    await app.cases.conclude(number, office.handler, closure(), approved_by=office.supervisor)
    case = await case_row(app, number)
    [concluded] = [e for e in await events(app, number) if e.action == "conclude"]
    assert case.updated_at == clock.now() == concluded.at
    assert case.concluded_at == clock.now(), "concluded_at must be the time of the conclude action"
