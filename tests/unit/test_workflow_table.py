"""The transition table of core/workflow.py against rules.md §1, pair by pair: state × action × actor."""

from __future__ import annotations

import itertools

import pytest

from core.errors import GuardFailed, IllegalTransition, NotPermitted
from core.model import FINAL_STATES, Action, CaseState, Channel, ReportType, Role
from core.workflow import TRANSITIONS, allowed_actions, decide, transition_for
from tests.unit.helpers import BY_TOKEN, ROSTER, officer, passing_snapshot, snapshot, valid_input

S, A = CaseState, Action

# Permission tokens (roles, or the pseudo-roles "citizen" and "system").
I = frozenset({"intake", "supervisor"})  # noqa: E741  intake (信访室), or a leader acting for it
H = frozenset({"handler", "supervisor"})  # handling department, or a leader
O = frozenset({"intake", "handler", "supervisor"})  # noqa: E741  any officer
L = frozenset({"supervisor"})  # a leader (分管领导, rules.md §10.2)
CIT = frozenset({"citizen"})
FOL = frozenset({"follower"})  # the unit that sent the case down, following it (§10.3): by relation, not role
SYS = frozenset({"system"})

NO_ADDITION = (S.NOT_ACCEPTED, S.DUPLICATE, S.CONCLUDED, S.FEEDBACK_GIVEN, S.LEADER_REVIEW,
               S.ARCHIVED)  # a result or none owed  # fmt: skip

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
    # an appeal and a suggestion are answered on their own path (rules.md §10.1): see OWN_PATH below
    **{(s, A.DECIDE_APPEAL): (S.CONCLUDED, H) for s in (S.ASSIGNED, S.REOPENED)},
    **{(s, A.ANSWER_SUGGESTION): (S.CONCLUDED, H) for s in (S.ASSIGNED, S.REOPENED)},
    (S.CONCLUDED, A.GIVE_FEEDBACK): (S.FEEDBACK_GIVEN, H | I),
    # §10.4: a reporter's 不满意 or 异议 goes to a leader, who sends the case back or confirms the result
    (S.FEEDBACK_GIVEN, A.OBJECT): (S.LEADER_REVIEW, CIT),
    (S.LEADER_REVIEW, A.OBJECT): (S.LEADER_REVIEW, CIT),  # an objection after a 不满意, while the leader decides
    (S.FEEDBACK_GIVEN, A.RATE_DISSATISFIED): (S.LEADER_REVIEW, CIT),
    (S.LEADER_REVIEW, A.SEND_BACK): (S.REOPENED, L),
    (S.LEADER_REVIEW, A.CONFIRM_RESULT): (S.FEEDBACK_GIVEN, L),
    **{
        (s, A.ARCHIVE): (S.ARCHIVED, I | SYS)
        # not while transferred up: the higher commission takes it in (R-15, §10.3 件件有着落)
        for s in (S.CONCLUDED, S.FEEDBACK_GIVEN, S.NOT_ACCEPTED, S.DUPLICATE, S.TRANSFERRED_DOWN)
    },
    # §10.3: the sender follows a case sent down whatever its state at the receiver (taken in there, even
    # archived): chases it, records its result, closes its record; a 交办 case reports back and may be extended (D15)
    **{(s, A.CHASE): (s, FOL) for s in S},
    **{(s, A.REPORT_RESULT): (s, FOL) for s in S if s not in (S.CONCLUDED, S.FEEDBACK_GIVEN)},
    **{(s, A.REPORT_RESULT): (s, H | I | FOL) for s in (S.CONCLUDED, S.FEEDBACK_GIVEN)},
    **{(s, A.CLOSE_FOLLOW_UP): (s, FOL) for s in S},
    **{
        (s, A.EXTEND): (s, H | I)
        for s in (S.REGISTERED, S.ACCEPTED, S.ASSIGNED, S.DISPOSAL, S.PARKED, S.INVESTIGATION, S.REOPENED)
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
    # read-only: the only steps on an archived case are its sender's follow-up (§10.3), which change no state
    assert edges[S.ARCHIVED] <= {S.ARCHIVED}
    assert {a for (s, a) in EXPECTED if s is S.ARCHIVED} == {A.CHASE, A.REPORT_RESULT, A.CLOSE_FOLLOW_UP}


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
    assert set(allowed_actions(S.ASSIGNED, both, report_type=ReportType.ACCUSATION)) == {
        A.ASSIGN,
        A.RETURN_TO_INTAKE,
        A.DISPOSE,
        A.PARK,
        A.SEND_TO_INVESTIGATION,
        A.ADD_NOTE,
        A.FLAG_URGENT,
        A.EXTEND,  # offered on a 交办 case only, once the channel is known (permit's CHANNEL_ONLY)
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
    """Nothing but the sender's follow-up of a case it sent down, which runs beside the case's state (§10.3)."""
    for state in FINAL_STATES:
        assert all(allowed_actions(state, actor) == [] for who, actor in ROSTER.items() if who != "follower")
        assert set(allowed_actions(state, ROSTER["follower"])) == {A.CHASE, A.REPORT_RESULT, A.CLOSE_FOLLOW_UP}


# --- three report types, three paths (rules.md §10.1) ---------------------------------------------------------
#: The actions that are one type's own path; every other row is open to every type.
OWN_PATH: dict[Action, frozenset[ReportType]] = {
    A.DISPOSE: frozenset({ReportType.ACCUSATION}),  # the accusation disposal methods (谈话函询 …)
    A.PARK: frozenset({ReportType.ACCUSATION}),
    A.REVIEW_PARKED: frozenset({ReportType.ACCUSATION}),  # only an accusation is parked (暂存待查)
    A.SEND_TO_INVESTIGATION: frozenset({ReportType.ACCUSATION}),
    A.CONCLUDE: frozenset({ReportType.ACCUSATION}),  # the five-point closure checklist of findings
    A.DECIDE_APPEAL: frozenset({ReportType.APPEAL}),  # 维持 / 变更 / 撤销
    A.ANSWER_SUGGESTION: frozenset({ReportType.SUGGESTION}),  # 采纳 / 部分采纳 / 不予采纳
}


@pytest.mark.parametrize("report_type", list(ReportType), ids=str)
@pytest.mark.parametrize("pair", LEGAL_PAIRS, ids=pair_id)
def test_each_type_is_offered_its_own_path_only(pair: tuple[CaseState, Action], report_type: ReportType) -> None:
    state, action = pair
    own = report_type in OWN_PATH.get(action, frozenset(ReportType))
    for who, actor in ROSTER.items():
        offered = action in allowed_actions(state, actor, report_type=report_type)
        assert offered is (own and who in EXPECTED[pair][1]), (who, action, report_type)
    if not own:  # refused as a step this case cannot take, whoever asks and whatever is filled in
        with pytest.raises(IllegalTransition):
            decide(snapshot(state, report_type=report_type), action, ROSTER["supervisor"], valid_input(action))


def test_an_appeal_in_handling_offers_its_decision_and_no_disposal_method() -> None:
    handler = ROSTER["handler"]
    appeal = allowed_actions(S.ASSIGNED, handler, channel=Channel.TELEGRAM, report_type=ReportType.APPEAL)
    suggestion = allowed_actions(S.ASSIGNED, handler, channel=Channel.TELEGRAM, report_type=ReportType.SUGGESTION)
    assert appeal == [A.RETURN_TO_INTAKE, A.DECIDE_APPEAL, A.ADD_NOTE, A.FLAG_URGENT]
    assert suggestion == [A.RETURN_TO_INTAKE, A.ANSWER_SUGGESTION, A.ADD_NOTE, A.FLAG_URGENT]
