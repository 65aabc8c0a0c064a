"""The one permission answer (core.workflow.permit) and the role predicates of core.permissions, table-driven:
state × action × actor, the leader's approval (rules.md §10.2), and the predicates the services ask."""

from __future__ import annotations

import itertools

import pytest

from core.actor import Actor
from core.errors import IllegalTransition, NotPermitted
from core.model import Action, ActorKind, CaseState, Role
from core.permissions import (
    Approval,
    Inbox,
    Permit,
    Verdict,
    counts_own_cases,
    handles_assigned,
    hears_urgent,
    inbox_parts,
    is_intake,
    is_leader,
    manages_staff,
    sees_whole_unit,
    takes_cases,
    told_of_new_case,
)
from core.workflow import LEADER_DECIDES, decide, permit, require
from tests.unit.helpers import ROSTER, officer, passing_snapshot, valid_input
from tests.unit.test_workflow_table import EXPECTED

S, A = CaseState, Action

# Written out from rules.md §10.2 and R-17 (and issue 15 point 3), independently of core/workflow.py: the steps a
# leader decides, and how the approval is taken: a recorded request (REQUESTED) or not recorded (LATER).
REQUESTED, LATER = Approval.REQUESTED, Approval.NOT_RECORDED
EXPECTED_APPROVAL: dict[Action, Approval] = {
    A.RETURN_TO_INTAKE: REQUESTED,  # R-17 ¶1
    A.DISPOSE: REQUESTED,  # R-17 ¶2: disposal by a handler who is not a leader
    A.PARK: REQUESTED,
    A.SEND_TO_INVESTIGATION: REQUESTED,
    A.CONCLUDE: REQUESTED,  # §7.1 item 5: the conclusion's leader sign-off, recorded as an approval
    A.DECIDE_APPEAL: REQUESTED,  # the handling decision of an appeal or a suggestion (§10.2 处置 by a non-leader)
    A.ANSWER_SUGGESTION: REQUESTED,
    A.ACCEPT: LATER,  # distribution: 受理 goes ahead; 不予受理 / 转出 need the leader
    A.NOT_ACCEPT: REQUESTED,
    A.TRANSFER_UP: REQUESTED,
    A.TRANSFER_DOWN: REQUESTED,
    A.ARCHIVE: REQUESTED,  # "经分管领导审核后统一归档"
    A.EXTEND: REQUESTED,  # a 交办 case's extension (§10.2 extensions, §10.3 申请延长)
}


def expected_permit(state: CaseState, action: Action, who: str) -> tuple[Verdict, str, Approval | None]:
    if (state, action) not in EXPECTED:
        return Verdict.REFUSED, "error.illegal_transition", None
    if who not in EXPECTED[(state, action)][1]:
        return Verdict.REFUSED, "error.not_permitted", None
    # a leader's own step is its approval; the system (CLI on the server, scheduler) asks nobody
    if action in EXPECTED_APPROVAL and who not in ("supervisor", "system"):
        return Verdict.NEEDS_LEADER, "", EXPECTED_APPROVAL[action]
    return Verdict.ALLOWED, "", None


@pytest.mark.parametrize("state", list(CaseState), ids=str)
def test_permit_answers_state_action_actor(state: CaseState) -> None:
    for action, who in itertools.product(Action, ROSTER):
        got = permit(state, action, ROSTER[who])
        assert (got.verdict, got.reason, got.approval) == expected_permit(state, action, who), (action, who)
        assert got.allowed is (got.verdict is not Verdict.REFUSED)
        assert got.waits_for_leader is (got.verdict is Verdict.NEEDS_LEADER and got.approval is REQUESTED)
        if got.verdict is not Verdict.REFUSED or got.reason == "error.not_permitted":
            assert got.rule.strip(), (action, who)  # a rule id for every answer about a real row


def test_the_approval_table_is_the_documented_one() -> None:
    assert {a: approval for a, (approval, _rule) in LEADER_DECIDES.items()} == EXPECTED_APPROVAL
    assert all(rule.strip() for _approval, rule in LEADER_DECIDES.values())


@pytest.mark.parametrize("state", list(CaseState), ids=str)
def test_decide_refuses_exactly_what_permit_refuses(state: CaseState) -> None:
    for action, actor in itertools.product(Action, ROSTER.values()):
        answer = permit(state, action, actor)
        snap, inp = passing_snapshot(state, action), valid_input(action)  # approver named: only the permit refuses
        if answer.allowed:
            assert decide(snap, action, actor, inp).source is state
            assert require(state, action, actor) == answer
            continue
        error = IllegalTransition if answer.reason == IllegalTransition.key else NotPermitted
        with pytest.raises(error) as exc:
            decide(snap, action, actor, inp)
        assert exc.value.key == answer.reason
        with pytest.raises(error):
            require(state, action, actor)


@pytest.mark.parametrize("action", sorted(a for a, v in EXPECTED_APPROVAL.items() if v is REQUESTED), ids=str)
def test_a_requested_step_waits_for_any_officer_but_a_leader(action: Action) -> None:
    """The workflow itself decides the step for anyone allowed; whether it waits is the permit's to say (the
    service turns it into a request: core.services.approvals)."""
    (state, _a), (_target, who) = next(((s, a), v) for (s, a), v in EXPECTED.items() if a is action)
    supervisor = ROSTER["supervisor"]
    for token in sorted(who - {"supervisor", "system"}):
        assert permit(state, action, ROSTER[token]).waits_for_leader, token
        assert decide(passing_snapshot(state, action), action, ROSTER[token], valid_input(action)).source is state
    assert not permit(state, action, supervisor).waits_for_leader
    assert permit(state, action, supervisor) == Permit(Verdict.ALLOWED, rule=permit(state, action, supervisor).rule)
    if "system" in who:
        assert permit(state, action, ROSTER["system"]).verdict is Verdict.ALLOWED


@pytest.mark.parametrize("action", sorted(a for a, v in EXPECTED_APPROVAL.items() if v is LATER), ids=str)
def test_steps_whose_approval_is_not_recorded_go_ahead(action: Action) -> None:
    (state, _a), (_target, who) = next(((s, a), v) for (s, a), v in EXPECTED.items() if a is action)
    token = sorted(who - {"supervisor"})[0]
    actor = ROSTER[token]
    answer = permit(state, action, actor)
    assert answer.verdict is Verdict.NEEDS_LEADER and not answer.waits_for_leader
    assert decide(passing_snapshot(state, action), action, actor, valid_input(action)).source is state


def test_a_multi_role_officer_with_the_leader_role_needs_no_approval() -> None:
    both = officer(Role.HANDLER, Role.SUPERVISOR)
    assert permit(S.ASSIGNED, A.DISPOSE, both).verdict is Verdict.ALLOWED
    assert permit(S.ASSIGNED, A.DISPOSE, officer(Role.HANDLER, Role.INTAKE)).waits_for_leader


# --- the predicates the services and dialogs ask instead of looking at roles -------------------------------

I_, H_, SUP, ADM = Role.INTAKE, Role.HANDLER, Role.SUPERVISOR, Role.ADMIN
ROLE_SETS: list[tuple[Role, ...]] = [(), (I_,), (H_,), (SUP,), (ADM,), (I_, H_), (H_, SUP), (I_, SUP)]

# roles → (is_leader, is_intake, sees_whole_unit, handles_assigned, takes_cases, counts_own_cases, inbox parts)
PREDICATES: dict[tuple[Role, ...], tuple[bool, bool, bool, bool, bool, bool, set[Inbox]]] = {
    (): (False, False, False, False, False, False, set()),
    (I_,): (False, True, True, False, False, False, {Inbox.ROUTING}),
    (H_,): (False, False, False, True, True, True, {Inbox.ASSIGNED}),
    (SUP,): (True, False, True, False, True, False, {Inbox.UNIT}),
    (ADM,): (False, False, False, False, False, False, set()),
    (I_, H_): (False, True, True, True, True, True, {Inbox.ROUTING, Inbox.ASSIGNED}),
    (H_, SUP): (True, False, True, True, True, False, {Inbox.UNIT, Inbox.ASSIGNED}),
    (I_, SUP): (True, True, True, False, True, False, {Inbox.UNIT, Inbox.ROUTING}),
}


@pytest.mark.parametrize("roles", ROLE_SETS, ids=lambda r: "+".join(r) or "none")
@pytest.mark.parametrize("stored", [False, True], ids=["enum", "stored"])
def test_role_predicates(roles: tuple[Role, ...], stored: bool) -> None:
    held: list[str] = [r.value for r in roles] if stored else list(roles)  # an officer row stores the values
    got = (is_leader(held), is_intake(held), sees_whole_unit(held), handles_assigned(held), takes_cases(held),
           counts_own_cases(held), set(inbox_parts(held)))  # fmt: skip
    assert got == PREDICATES[roles]
    assert hears_urgent(held, on_duty=True)
    assert hears_urgent(held, on_duty=False) is sees_whole_unit(held)


def test_staff_is_managed_by_admins_and_the_system_only() -> None:
    assert manages_staff(Actor.system("cli"))
    assert manages_staff(officer(ADM))
    assert not any(manages_staff(officer(*r)) for r in ROLE_SETS if ADM not in r)
    assert not manages_staff(Actor.citizen())
    assert not manages_staff(Actor(ActorKind.OFFICER, officer_id=1, unit_id=1))


def test_who_is_told_of_a_new_case() -> None:
    assert told_of_new_case(urgent=False) == (Role.INTAKE,)
    assert told_of_new_case(urgent=True) == (Role.INTAKE, Role.SUPERVISOR)  # XF-25: leaders hear of urgent ones
