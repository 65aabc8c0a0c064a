"""Each service that asks core.permissions (or core.workflow.permit) refuses through one real call, and leaves
nothing behind: the role questions are answered in one place, and the services follow the answer."""

from __future__ import annotations

import pytest

from core.actor import Actor
from core.errors import AlreadyDecided, ApprovalRequested, GuardFailed, IllegalTransition, InvalidInput, NotPermitted
from core.model import CaseState, DisposalMethod, ReferTo, Role
from core.services.desk import Desk
from qingfeng.app import App
from tests.factories import accepted_named_case, seed_office
from tests.integration.helpers import case_row, db_snapshot


async def test_case_service_refuses_what_the_permit_refuses(app: App) -> None:
    office = await seed_office(app)
    number = await accepted_named_case(app, office)
    before = await db_snapshot(app)
    with pytest.raises(NotPermitted):  # 不予受理 is intake's (R ch.2); a handler is refused before any guard
        await app.cases.refer(number, office.handler, ReferTo.JUDICIAL, "民事纠纷")
    with pytest.raises(IllegalTransition):  # an accepted case is not archived: wrong state, even for a leader
        await app.cases.archive(number, office.supervisor)
    assert await db_snapshot(app) == before


async def test_a_handlers_step_waits_for_a_leader_of_the_unit_a_leaders_is_taken(app: App) -> None:
    """R-17 ¶2, rules.md §10.2: the permit says the step waits; it becomes a request only a leader of the case's
    unit decides (issue 15); nobody else can approve it, and one request waits per case at a time."""
    office = await seed_office(app)
    number = await accepted_named_case(app, office)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    with pytest.raises(ApprovalRequested) as asked:
        await app.cases.dispose(number, office.handler, DisposalMethod.CLOSE)
    assert (await case_row(app, number)).state == CaseState.ASSIGNED.value  # nothing happened but the request
    with pytest.raises(GuardFailed) as again:
        await app.cases.dispose(number, office.handler, DisposalMethod.PRELIMINARY_CHECK)
    assert again.value.problems == ["guard.approval_pending"]
    for outsider in (office.intake, office.handler, office.city_intake):  # not leaders, or not of the unit
        assert await app.approvals.pending(outsider) == []
        with pytest.raises(NotPermitted):
            await app.approvals.approve(asked.value.request_id, outsider)
    assert (await case_row(app, number)).state == CaseState.ASSIGNED.value
    assert await app.approvals.approve(asked.value.request_id, office.supervisor) is CaseState.DISPOSAL
    with pytest.raises(AlreadyDecided) as decided:  # decided once: by whom and how
        await app.approvals.decline(asked.value.request_id, office.supervisor, "迟了")
    assert (decided.value.key, decided.value.params["leader"]) == ("approval.already_approved", "陈主任")
    other = await accepted_named_case(app, office)
    await app.cases.assign(other, office.intake, office.handler.officer_id or 0)
    assert await app.cases.dispose(other, office.supervisor, DisposalMethod.CLOSE) is CaseState.DISPOSAL


async def test_a_case_goes_only_to_an_officer_who_takes_cases(app: App) -> None:
    office = await seed_office(app)
    number = await accepted_named_case(app, office)
    before = await db_snapshot(app)
    with pytest.raises(GuardFailed) as err:  # the intake officer handles no cases
        await app.cases.assign(number, office.intake, office.intake.officer_id or 0)
    assert err.value.problems == ["guard.handler_invalid"]
    assert await db_snapshot(app) == before
    assert await app.cases.assign(number, office.intake, office.supervisor.officer_id or 0) is CaseState.ASSIGNED


async def test_staff_changes_are_refused_to_officers_who_do_not_manage_staff(app: App) -> None:
    office = await seed_office(app)
    number = await accepted_named_case(app, office)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    handler = office.handler.officer_id or 0
    with pytest.raises(NotPermitted):
        await app.officers.deactivate(handler, office.handler2.officer_id, office.supervisor)
    with pytest.raises(InvalidInput):  # the successor must take cases
        await app.officers.deactivate(handler, office.intake.officer_id, Actor.system("cli"))
    admin = await app.officers.actor_for_officer((await app.officers.add_officer("管理员", "LA", [Role.ADMIN])).id)
    assert await app.officers.deactivate(handler, office.handler2.officer_id, admin) == 1


async def test_inboxes_and_urgent_messages_follow_the_predicates(app: App) -> None:
    office = await seed_office(app)
    number = await accepted_named_case(app, office)
    admin = await app.officers.actor_for_officer((await app.officers.add_officer("管理员", "LA", [Role.ADMIN])).id)
    desk = Desk(app.ctx, app.queries)
    assert (await desk.inbox(admin)).total == 0  # no case role, no inbox
    assert (await desk.inbox(office.handler)).total == 0  # nothing assigned yet
    assert [c.number for c in (await desk.inbox(office.intake)).items] == [number]
    assert [c.number for c in (await desk.inbox(office.supervisor)).items] == [number]
    assert not await app.urgent.visible(office.handler)  # not on duty, not intake, not a leader
    assert await app.urgent.visible(office.intake)
    await app.urgent.set_on_duty(office.handler.officer_id or 0, True)
    assert await app.urgent.visible(office.handler)
