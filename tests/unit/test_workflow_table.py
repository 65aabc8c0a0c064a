"""The transition table of core/workflow.py against rules.md §1, pair by pair: state × action × actor."""

from __future__ import annotations

import itertools

import pytest

from core.errors import GuardFailed, IllegalTransition, NotPermitted
from core.model import FINAL_STATES, Action, CaseState, Role
from core.workflow import TRANSITIONS, allowed_actions, decide, transition_for
from tests.unit.helpers import BY_TOKEN, ROSTER, officer, passing_snapshot, valid_input

S, A = CaseState, Action

# Permission tokens (roles, or the pseudo-roles "citizen" and "system").
I = frozenset({"intake", "supervisor"})  # noqa: E741  intake (信访室), or a leader acting for it
H = frozenset({"handler", "supervisor"})  # handling department, or a leader
O = frozenset({"intake", "handler", "supervisor"})  # noqa: E741  any officer
CIT = frozenset({"citizen"})
SYS = frozenset({"system"})

NO_ADDITION = (S.NOT_ACCEPTED, S.DUPLICATE, S.CONCLUDED, S.FEEDBACK_GIVEN, S.ARCHIVED)  # a result or none owed

# The expected table, written out from rules.md §1 independently of core/workflow.py:
# (state, action) -> (target state, who may act). Self-loops (note, urgent flag) keep the state.
EXPECTED: dict[tuple[CaseState, Action], tuple[CaseState, frozenset[str]]] = {
    (S.RECEIVED, A.REGISTER): (S.REGISTERED, I | SYS),
    (S.REGISTERED, A.ACCEPT): (S.ACCEPTED, I),
    (S.REGISTERED, A.NOT_ACCEPT): (S.NOT_ACCEPTED, I),
    (S.REGISTERED, A.MARK_DUPLICATE): (S.DUPLICATE, I),
    (S.REGISTERED, A.TRANSFER_UP): (S.TRANSFERRED_UP, I),
    (S.REGISTERED, A.TRANSFER_DOWN): (S.TRANSFERRED_DOWN, I),
    (S.TRANSFERRED_UP, A.RECEIVE_TRANSFER): (S.REGISTERED, I),
    (S.TRANSFERRED_DOWN, A.RECEIVE_TRANSFER): (S.REGISTERED, I),
    (S.ACCEPTED, A.ASSIGN): (S.ASSIGNED, I),
    (S.ASSIGNED, A.ASSIGN): (S.ASSIGNED, I),  # re-assignment
    (S.ASSIGNED, A.RETURN_TO_INTAKE): (S.REGISTERED, H),  # R-17 ¶1
    **{(s, A.DISPOSE): (S.DISPOSAL, H) for s in (S.ASSIGNED, S.PARKED, S.REOPENED)},
    **{(s, A.PARK): (S.PARKED, H) for s in (S.ASSIGNED, S.DISPOSAL, S.REOPENED)},
    **{(s, A.SEND_TO_INVESTIGATION): (S.INVESTIGATION, H) for s in (S.ASSIGNED, S.DISPOSAL, S.REOPENED)},
    (S.DISPOSAL, A.CONCLUDE): (S.CONCLUDED, H),
    (S.INVESTIGATION, A.CONCLUDE): (S.CONCLUDED, H),
    (S.CONCLUDED, A.GIVE_FEEDBACK): (S.FEEDBACK_GIVEN, H | I),
    (S.FEEDBACK_GIVEN, A.OBJECT): (S.REOPENED, CIT),
    **{
        (s, A.ARCHIVE): (S.ARCHIVED, I | SYS)
        for s in (S.CONCLUDED, S.FEEDBACK_GIVEN, S.NOT_ACCEPTED, S.DUPLICATE, S.TRANSFERRED_UP, S.TRANSFERRED_DOWN)
    },
    **{(s, A.ADD_NOTE): (s, O) for s in S if s is not S.ARCHIVED},
    **{(s, A.FLAG_URGENT): (s, O | SYS) for s in S if s is not S.ARCHIVED},
    # issue 15 item 12: the reporter adds to a case that has no result yet
    **{(s, A.ADD_BY_REPORTER): (s, CIT) for s in S if s not in NO_ADDITION},
    (S.PARKED, A.REVIEW_PARKED): (S.PARKED, H),  # issue 15 item 9: reviewed, kept parked
}

ALL_PAIRS = list(itertools.product(CaseState, Action))
LEGAL_PAIRS = [p for p in ALL_PAIRS if p in EXPECTED]


def pair_id(pair: tuple[CaseState, Action]) -> str:
    return f"{pair[0].value}-{pair[1].value}"


def test_table_is_the_documented_lifecycle() -> None:
    actual = {
        (s, t.action): (t.target or s, t.who) for t in TRANSITIONS for s in t.sources
    }  # built from the rows, not via transition_for, so a duplicated row cannot hide
    assert actual == EXPECTED


def test_no_state_action_pair_is_in_two_rows() -> None:
    pairs = [(s, t.action) for t in TRANSITIONS for s in t.sources]
    assert len(pairs) == len(set(pairs))


def test_every_row_cites_a_rule() -> None:
    assert all(t.rule.strip() for t in TRANSITIONS)


def test_file_is_not_in_the_table() -> None:
    assert all(t.action is not A.FILE for t in TRANSITIONS)


def test_every_state_is_reachable_from_received_and_leads_to_archived() -> None:
    edges: dict[CaseState, set[CaseState]] = {s: set() for s in S}
    for (s, _a), (target, _who) in EXPECTED.items():
        edges[s].add(target)

    def reach(start: CaseState) -> set[CaseState]:
        seen, todo = {start}, [start]
        while todo:
            for nxt in edges[todo.pop()] - seen:
                seen.add(nxt)
                todo.append(nxt)
        return seen

    assert reach(S.RECEIVED) == set(S)
    assert all(S.ARCHIVED in reach(s) for s in S)
    assert edges[S.ARCHIVED] == set()  # read-only


@pytest.mark.parametrize("pair", ALL_PAIRS, ids=pair_id)
def test_decide_follows_the_table(pair: tuple[CaseState, Action]) -> None:
    state, action = pair
    if pair in EXPECTED:
        target, who = EXPECTED[pair]
        actor = BY_TOKEN[sorted(who)[0]]
        decision = decide(passing_snapshot(state, action), action, actor, valid_input(action))
        assert (decision.source, decision.action, decision.target) == (state, action, target)
        row = transition_for(state, action)
        assert row is not None
        assert decision.rule == row.rule
    else:
        # Wrong state beats everything else: even a leader with a complete input is refused.
        for actor in (BY_TOKEN["supervisor"], BY_TOKEN["citizen"], BY_TOKEN["system"]):
            with pytest.raises(IllegalTransition) as exc:
                decide(passing_snapshot(state, action), action, actor, valid_input(action))
            assert f"'{state.value}'" in str(exc.value)
            assert f"'{action.value}'" in str(exc.value)
            assert (exc.value.state, exc.value.action) == (state.value, action.value)
            assert exc.value.params == {"state": state.value, "action": action.value}


@pytest.mark.parametrize("state", list(CaseState), ids=str)
def test_file_is_illegal_in_every_state(state: CaseState) -> None:
    with pytest.raises(IllegalTransition, match=f"'file' is not allowed in state '{state.value}'"):
        decide(passing_snapshot(state, A.FILE), A.FILE, BY_TOKEN["system"])


@pytest.mark.parametrize("pair", LEGAL_PAIRS, ids=pair_id)
@pytest.mark.parametrize("who", list(ROSTER), ids=str)
def test_only_the_listed_roles_may_act(pair: tuple[CaseState, Action], who: str) -> None:
    state, action = pair
    _target, allowed = EXPECTED[pair]
    actor = ROSTER[who]
    snap, inp = passing_snapshot(state, action), valid_input(action)
    if who in allowed:
        assert decide(snap, action, actor, inp).target == EXPECTED[pair][0]
    else:
        with pytest.raises(NotPermitted) as exc:
            decide(snap, action, actor, inp)
        assert exc.value.params == {"action": action.value, "who": actor.label()}


def test_admin_may_do_nothing() -> None:
    admin = ROSTER["admin"]
    for state, action in LEGAL_PAIRS:
        with pytest.raises(NotPermitted):
            decide(passing_snapshot(state, action), action, admin, valid_input(action))
    assert all(allowed_actions(s, admin) == [] for s in S)


def test_permission_is_checked_before_the_guard() -> None:
    # A handler may not refuse a report at all, so the missing reason is not even looked at.
    with pytest.raises(NotPermitted):
        decide(passing_snapshot(S.REGISTERED, A.NOT_ACCEPT), A.NOT_ACCEPT, ROSTER["handler"])
    # An intake officer may, and then the guard speaks.
    with pytest.raises(GuardFailed):
        decide(passing_snapshot(S.REGISTERED, A.NOT_ACCEPT), A.NOT_ACCEPT, ROSTER["intake"])


def test_a_multi_role_officer_gets_the_union_of_grants() -> None:
    both = officer(Role.INTAKE, Role.HANDLER)
    assert set(allowed_actions(S.ASSIGNED, both)) == {
        A.ASSIGN,
        A.RETURN_TO_INTAKE,
        A.DISPOSE,
        A.PARK,
        A.SEND_TO_INVESTIGATION,
        A.ADD_NOTE,
        A.FLAG_URGENT,
    }


@pytest.mark.parametrize("state", list(CaseState), ids=str)
@pytest.mark.parametrize("who", list(ROSTER), ids=str)
def test_allowed_actions_lists_the_rows_the_actor_may_use(state: CaseState, who: str) -> None:
    actor = ROSTER[who]
    got = allowed_actions(state, actor)
    expected = {a for (s, a), (_t, allowed) in EXPECTED.items() if s is state and who in allowed}
    assert set(got) == expected
    assert len(got) == len(set(got))
    table_order = [t.action for t in TRANSITIONS if state in t.sources]
    assert got == [a for a in table_order if a in expected]
    for action in got:  # every offered button works with a complete input
        assert decide(passing_snapshot(state, action), action, actor, valid_input(action)).source is state


def test_final_states_offer_nothing_to_anyone() -> None:
    for state in FINAL_STATES:
        assert all(allowed_actions(state, actor) == [] for actor in ROSTER.values())
