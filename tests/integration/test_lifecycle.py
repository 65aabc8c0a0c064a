"""Whole case lifecycles through the services on a real database (rules.md §1, §2, §4)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from core.actor import Actor
from core.clock import ManualClock
from core.deadlines import DeadlineKind, due_date
from core.errors import GuardFailed, IllegalTransition, NotPermitted
from core.model import CaseState, DisposalMethod
from core.persistence import repository
from core.persistence.orm import CaseEventRow, CaseRow, CounterRow, EvidenceRow
from core.secrets_ import new_query_code
from core.services.cases import CaseService
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import anonymous_report, closure, named_report, photo, seed_office
from tests.integration.helpers import Event, case_row, contact_row, count, db_snapshot, deadlines, events, outbox

S = CaseState


class Trail:
    """Runs one action and checks that exactly one audit event was appended, with the right content."""

    def __init__(self, app: App, clock: ManualClock, number: str) -> None:
        self.app, self.clock, self.number = app, clock, number

    async def step(
        self,
        call: Callable[[], Awaitable[CaseState]],
        actor: Actor,
        action: str,
        source: CaseState,
        target: CaseState,
        rule: str,
        note: str = "",
    ) -> Event:
        before = await events(self.app, self.number)
        result = await call()
        assert result is target
        after = await events(self.app, self.number)
        assert len(after) == len(before) + 1, "one event per action"
        assert after[: len(before)] == before, "earlier events are never changed"
        ev = after[-1]
        assert ev.actor == actor.label()
        assert ev.actor == ("citizen" if actor.officer_id is None else f"officer:{actor.officer_id}")
        assert ev.officer_id == actor.officer_id
        assert (ev.action, ev.from_state, ev.to_state, ev.rule) == (action, source.value, target.value, rule)
        assert ev.at == self.clock.now()
        if note:
            assert ev.note == note
        assert (await case_row(self.app, self.number)).state == target.value
        return ev


def by_kind(rows: list, kind: DeadlineKind) -> list:
    return [r for r in rows if r.kind == kind.value]


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
        lambda: cases.dispose(number, handler, DisposalMethod.PRELIMINARY_CHECK, "初步核实", approved_by="陈主任"),
        handler,
        "dispose",
        S.ASSIGNED,
        S.DISPOSAL,
        "R-17 ¶2",
    )
    assert (await case_row(app, number)).disposal_method == "preliminary_check"

    clock.set(beijing(2026, 11, 2, 10, 0))
    report = closure()
    await trail.step(
        lambda: cases.conclude(number, handler, report), handler, "conclude", S.DISPOSAL, S.CONCLUDED, "R-18, §7.1"
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

    # The reporter objects (异议): the case reopens and the handler is told.
    clock.set(beijing(2026, 11, 12, 20, 0))
    objection = "我不同意处理结果，另有新证据。"
    await trail.step(
        lambda: cases.object(number, citizen, objection),
        citizen,
        "object",
        S.FEEDBACK_GIVEN,
        S.REOPENED,
        "R-28? 异议",
        objection,
    )
    officer_msgs = [m for m in await outbox(app) if m.template == "notify.officer.objection"]
    assert [(m.recipient_kind, m.recipient_id) for m in officer_msgs] == [("officer", handler.officer_id)]

    clock.set(beijing(2026, 11, 13, 9, 30))
    await trail.step(
        lambda: cases.dispose(number, handler, DisposalMethod.TALK_OR_LETTER, approved_by="陈主任"),
        handler,
        "dispose",
        S.REOPENED,
        S.DISPOSAL,
        "R-17 ¶2",
    )
    [d6] = by_kind(await deadlines(app, number), DeadlineKind.LETTER_REPLY)
    assert (d6.trigger_date, d6.state) == (date(2026, 11, 13), "open")

    clock.set(beijing(2026, 12, 1, 9, 30))
    await trail.step(
        lambda: cases.conclude(number, handler, closure()), handler, "conclude", S.DISPOSAL, S.CONCLUDED, "R-18, §7.1"
    )
    [d6] = by_kind(await deadlines(app, number), DeadlineKind.LETTER_REPLY)
    assert d6.state == "met"
    first_d4, second_d4 = by_kind(await deadlines(app, number), DeadlineKind.RESULT_FEEDBACK)
    assert first_d4.state == "met"
    assert (second_d4.trigger_date, second_d4.due_date, second_d4.state) == (
        date(2026, 12, 1),
        date(2026, 12, 22),
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
    await trail.step(lambda: cases.archive(number, intake), intake, "archive", S.FEEDBACK_GIVEN, S.ARCHIVED, "§1 归档")

    trail_rows = await events(app, number)
    assert [e.action for e in trail_rows] == [
        "file",
        "register",
        "accept",
        "assign",
        "dispose",
        "conclude",
        "give_feedback",
        "object",
        "dispose",
        "conclude",
        "give_feedback",
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
        ("officer", "notify.officer.objection"),
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
    number = (await app.filing.file_report(named_report())).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    clock.set(beijing(2026, 10, 9, 15, 0))
    await app.cases.dispose(number, office.handler, DisposalMethod.CLOSE, approved_by="陈主任")
    clock.set(beijing(2026, 11, 2, 10, 0))
    await app.cases.conclude(number, office.handler, closure())
    case = await case_row(app, number)
    [concluded] = [e for e in await events(app, number) if e.action == "conclude"]
    assert case.updated_at == clock.now() == concluded.at
    assert case.concluded_at == clock.now(), "concluded_at must be the time of the conclude action"


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
        lambda: cases.dispose(number, handler, DisposalMethod.CLOSE, approved_by="陈主任"),
        handler,
        "dispose",
        S.ASSIGNED,
        S.DISPOSAL,
        "R-17 ¶2",
    )
    await trail.step(
        lambda: cases.conclude(number, handler, closure(named=False)),
        handler,
        "conclude",
        S.DISPOSAL,
        S.CONCLUDED,
        "R-18, §7.1",
    )
    assert not by_kind(await deadlines(app, number), DeadlineKind.RESULT_FEEDBACK)  # no D4 for anonymous reports

    before = await db_snapshot(app)
    with pytest.raises(GuardFailed) as err:
        await cases.give_feedback(number, handler, "结果")
    assert "guard.feedback_named_only" in err.value.problems
    assert await db_snapshot(app) == before

    await trail.step(lambda: cases.archive(number, intake), intake, "archive", S.CONCLUDED, S.ARCHIVED, "§1 归档")

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
    await app.cases.dispose(number, office.handler, DisposalMethod.CLOSE, approved_by="陈主任")
    await app.cases.conclude(number, office.handler, closure(named=False))
    assert await app.cases.archive(number, office.intake) is S.ARCHIVED
    msgs = await outbox(app)
    assert [m.recipient_kind for m in msgs] == ["officer", "officer"]  # new case, assigned: nothing to the reporter
    assert len(await events(app, number)) == 7
    assert await app.queries.status_for_chat(555003) == []
    view = await app.queries.status_by_code(receipt.query_code or "", "correct horse")
    assert view is not None and view.status == "archived"


async def test_transfer_up_and_receive_at_city(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    units = {u.code: u.id for u in await app.officers.list_units()}
    number = (await app.filing.file_report(named_report())).number
    await app.cases.register(number, office.intake)
    trail = Trail(app, clock, number)

    # Officers of another unit may not move this unit's case, whatever their role.
    before = await db_snapshot(app)
    for outsider in (office.city_intake, office.other_county_handler):
        with pytest.raises(NotPermitted):
            await app.cases.transfer(number, outsider, "HZ")
    assert await db_snapshot(app) == before

    clock.advance(timedelta(days=1))
    transferred_at = clock.now()
    await trail.step(
        lambda: app.cases.transfer(number, office.intake, "HZ", "被反映人属市管干部"),
        office.intake,
        "transfer_up",
        S.REGISTERED,
        S.TRANSFERRED_UP,
        "R-15",
    )
    case = await case_row(app, number)
    assert (case.unit_id, case.transfer_to_id) == (units["LA"], units["HZ"])
    dls = await deadlines(app, number)
    assert [(d.kind, d.state, d.closed_at) for d in dls] == [
        ("register_and_route", "met", transferred_at),
        ("acceptance_notice", "cancelled", transferred_at),  # the receiving commission owes it now
    ]
    transferred_in = [m for m in await outbox(app) if m.template == "notify.officer.transferred_in"]
    assert [(m.recipient_kind, m.recipient_id) for m in transferred_in] == [("officer", office.city_intake.officer_id)]

    # Only the target unit receives it.
    before = await db_snapshot(app)
    with pytest.raises(NotPermitted):
        await app.cases.receive_transfer(number, office.intake)
    assert await db_snapshot(app) == before

    clock.set(beijing(2026, 9, 30, 9, 0))
    await trail.step(
        lambda: app.cases.receive_transfer(number, office.city_intake),
        office.city_intake,
        "receive_transfer",
        S.TRANSFERRED_UP,
        S.REGISTERED,
        "R-16",
    )
    case = await case_row(app, number)
    assert (case.unit_id, case.transfer_to_id, case.assignee_id) == (units["HZ"], None, None)
    opened = [(d.kind, d.trigger_date, d.due_date) for d in await deadlines(app, number) if d.state == "open"]
    assert opened == [
        ("transfer_received", date(2026, 9, 30), date(2026, 10, 13)),  # D2: 5 wd across National Day, 10-10 worked
        ("acceptance_notice", date(2026, 9, 30), date(2026, 10, 27)),
    ]
    # The old unit lost the case; the city accepts it.
    with pytest.raises(NotPermitted):
        await app.cases.accept(number, office.intake)
    await trail.step(
        lambda: app.cases.accept(number, office.city_intake),
        office.city_intake,
        "accept",
        S.REGISTERED,
        S.ACCEPTED,
        "R-14",
    )
    assert all(d.state != "open" for d in await deadlines(app, number))
    assert [c.number for c in await app.queries.list_cases(unit_code="HZ")] == [number]
    assert await app.queries.list_cases(unit_code="LA") == []


async def test_duplicate_marking(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    first = (await app.filing.file_report(named_report())).number
    second = (await app.filing.file_report(named_report(chat_id=555009))).number
    await app.cases.register(second, office.intake)

    before = await db_snapshot(app)
    with pytest.raises(GuardFailed) as err:
        await app.cases.mark_duplicate(second, office.intake, second)
    assert err.value.problems == ["guard.duplicate_of_self"]
    assert await db_snapshot(app) == before

    assert await app.cases.mark_duplicate(second, office.intake, first, "同一事项") is S.DUPLICATE
    first_row, second_row = await case_row(app, first), await case_row(app, second)
    assert second_row.duplicate_of_id == first_row.id and first_row.duplicate_of_id is None
    assert {d.kind: d.state for d in await deadlines(app, second)} == {
        "register_and_route": "met",
        "acceptance_notice": "cancelled",  # R-26?: no new acceptance notice for a repeat
    }
    assert not [m for m in await outbox(app) if m.template == "notify.reporter.accepted"]


async def test_illegal_transition_changes_nothing(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    number = (await app.filing.file_report(named_report())).number
    before = await db_snapshot(app)
    clock.advance(timedelta(minutes=5))
    with pytest.raises(IllegalTransition) as err:
        await app.cases.accept(number, office.intake)
    assert (err.value.state, err.value.action) == ("received", "accept")
    with pytest.raises(IllegalTransition):
        await app.cases.conclude(number, office.handler, closure())
    with pytest.raises(IllegalTransition):
        await app.cases.archive(number, office.intake)
    assert await db_snapshot(app) == before


async def test_failing_guard_leaves_no_partial_writes(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    number = (await app.filing.file_report(named_report())).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    before = await db_snapshot(app)

    # A handler of another unit, a missing leader approval, an incomplete closure report: all refused.
    with pytest.raises(GuardFailed) as err:
        await app.cases.assign(number, office.intake, office.other_county_handler.officer_id or 0)
    assert err.value.problems == ["guard.handler_invalid"]
    with pytest.raises(GuardFailed):
        await app.cases.assign(number, office.intake, office.city_intake.officer_id or 0)
    assert await db_snapshot(app) == before

    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    before = await db_snapshot(app)
    with pytest.raises(GuardFailed) as err:
        await app.cases.dispose(number, office.handler, DisposalMethod.TALK_OR_LETTER)
    assert err.value.problems == ["guard.approval_required"]
    assert await db_snapshot(app) == before

    await app.cases.dispose(number, office.handler, DisposalMethod.TALK_OR_LETTER, approved_by="陈主任")
    before = await db_snapshot(app)
    incomplete = closure().__class__(**{**asdict(closure()), "findings": (), "leader_signoff": ""})
    with pytest.raises(GuardFailed) as err:
        await app.cases.conclude(number, office.handler, incomplete)
    assert {"closure.facts_clear", "closure.procedure_complete"} <= set(err.value.problems)
    assert await db_snapshot(app) == before


async def test_failure_after_writes_rolls_back_the_whole_action(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = await seed_office(app)
    number = (await app.filing.file_report(named_report())).number
    await app.cases.register(number, office.intake)
    before = await db_snapshot(app)
    seen: list[tuple[str, int]] = []

    async def exploding_notify(self: CaseService, s, case, d, inp) -> None:  # type: ignore[no-untyped-def]
        await s.flush()  # the state change, the event and the met deadlines reach the database ...
        n = (await s.execute(select(func.count()).select_from(CaseEventRow))).scalar_one()
        seen.append((case.state, n))
        raise RuntimeError("boom")  # ... and then something fails before the commit

    monkeypatch.setattr(CaseService, "_notify", exploding_notify)
    clock.advance(timedelta(hours=1))
    with pytest.raises(RuntimeError, match="boom"):
        await app.cases.accept(number, office.intake)
    assert seen == [("accepted", len(before["events"]) + 1)]
    assert await db_snapshot(app) == before
    monkeypatch.undo()
    assert await app.cases.accept(number, office.intake) is S.ACCEPTED


async def test_failed_filing_leaves_nothing(app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    await seed_office(app)

    def broken_enqueue(*args: object, **kwargs: object) -> None:
        raise RuntimeError("outbox down")

    monkeypatch.setattr(repository, "enqueue", broken_enqueue)
    with pytest.raises(RuntimeError, match="outbox down"):
        await app.filing.file_report(named_report(evidence=(photo(),)))
    for model in (CaseRow, CaseEventRow, EvidenceRow, CounterRow):
        assert await count(app, model) == 0, model.__tablename__
    assert await deadlines(app) == [] and await outbox(app) == []
    evidence_dir = app.settings.evidence_dir
    assert not evidence_dir.exists() or not any(evidence_dir.iterdir())  # the stored file was removed again
    monkeypatch.undo()
    assert (await app.filing.file_report(named_report())).number == "XF-2026-000001"
