"""Transfers, duplicates, refused transitions and failing guards; whatever fails writes nothing (rules.md §1, §2)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from core.clock import ManualClock
from core.errors import GuardFailed, IllegalTransition, NotPermitted
from core.model import Action, CaseState, DisposalMethod
from core.persistence import repository
from core.persistence.orm import CaseEventRow, CaseRow, CounterRow, EvidenceRow
from core.services.cases import CaseService
from core.workflow import ActionInput
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import accepted_named_case, closure, named_report, photo, seed_office
from tests.integration.helpers import Trail, case_row, count, db_snapshot, deadlines, outbox

S = CaseState


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
        lambda: app.cases.transfer(number, office.intake, "HZ", "被反映人属市管干部", approved_by=office.supervisor),
        office.intake,
        "transfer_up",
        S.REGISTERED,
        S.TRANSFERRED_UP,
        "R-15",
        approver=office.supervisor,
    )
    case = await case_row(app, number)
    assert (case.unit_id, case.transfer_to_id) == (units["LA"], units["HZ"])
    dls = await deadlines(app, number)
    assert [(d.kind, d.state, d.closed_at) for d in dls] == [
        ("register_and_route", "met", transferred_at),
        ("acceptance_notice", "open", None),  # moves with the case: whoever holds it owes it (issue 15 point 1)
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
        ("acceptance_notice", date(2026, 9, 28), date(2026, 10, 23)),  # D3 from the first receipt stands
        ("transfer_received", date(2026, 9, 30), date(2026, 10, 13)),  # D2: 5 wd across National Day, 10-10 worked
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
    # routing and the acceptance notice met; what is open is the city's to handle it (issue 20)
    assert [d.kind for d in await deadlines(app, number) if d.state == "open"] == ["disposal_proposal"]
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
        await app.cases.conclude(number, office.supervisor, closure())  # (a handler: not theirs yet)
    with pytest.raises(IllegalTransition):
        await app.cases.archive(number, office.intake, approved_by=office.supervisor)
    assert await db_snapshot(app) == before


async def test_failing_guard_leaves_no_partial_writes(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    number = await accepted_named_case(app, office)
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
    with pytest.raises(GuardFailed) as err:  # a guard fails before any request for approval is made
        await app.cases.perform(number, Action.DISPOSE, office.handler, ActionInput(method=DisposalMethod.PARK))
    assert err.value.problems == ["guard.method_required"]
    assert await db_snapshot(app) == before

    await app.cases.dispose(number, office.handler, DisposalMethod.TALK_OR_LETTER, approved_by=office.supervisor)
    before = await db_snapshot(app)
    incomplete = closure().__class__(**{**asdict(closure()), "findings": (), "collective_discussion": False})
    with pytest.raises(GuardFailed) as err:
        await app.cases.conclude(number, office.handler, incomplete, approved_by=office.supervisor)
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
