"""Guards of core/workflow.py (missing fields → GuardFailed with exact keys) and the §7.1 closure checklist."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from core.actor import Actor
from core.closure import AllegationFinding, closure_problems
from core.errors import GuardFailed, IllegalTransition, NotPermitted
from core.model import (
    Action,
    AppealOutcome,
    CaseState,
    Channel,
    Clearing,
    DisposalMethod,
    Finding,
    FollowUp,
    ReportAssessment,
    SuggestionOutcome,
)
from core.workflow import DISPOSE_METHODS, GUARDS, ActionInput, CaseSnapshot, allowed_actions, decide, permit
from tests.unit.helpers import (
    CITIZEN,
    FOLLOWER,
    HANDLER,
    INTAKE,
    SUPERVISOR,
    SYSTEM,
    good_closure,
    snapshot,
    type_of,
)

S, A = CaseState, Action


def refused(state: CaseState, action: Action, actor: Actor, inp: ActionInput, *, named: bool = True) -> list[str]:
    """The guard problems decide() reports; fails the test if the action goes through."""
    with pytest.raises(GuardFailed) as exc:
        decide(snapshot(state, named=named, report_type=type_of(action)), action, actor, inp)
    assert exc.value.params == {"action": action.value, "problems": exc.value.problems}
    assert action.value in str(exc.value)
    return exc.value.problems


def passes(state: CaseState, action: Action, actor: Actor, inp: ActionInput, *, named: bool = True) -> CaseState:
    return decide(snapshot(state, named=named, report_type=type_of(action)), action, actor, inp).target


# (id, state, action, actor, input, named, expected problems): one missing thing at a time, then combinations.
REFUSALS = [
    ("not_accept-no_reason", S.REGISTERED, A.NOT_ACCEPT, INTAKE, ActionInput(), True, ["guard.reason_required"]),
    ("not_accept-blank", S.REGISTERED, A.NOT_ACCEPT, INTAKE, ActionInput(note="  \n"), True, ["guard.reason_required"]),
    ("duplicate-none", S.REGISTERED, A.MARK_DUPLICATE, INTAKE, ActionInput(), True, ["guard.duplicate_of_required"]),
    (
        "duplicate-empty",
        S.REGISTERED,
        A.MARK_DUPLICATE,
        INTAKE,
        ActionInput(duplicate_of=""),
        True,
        ["guard.duplicate_of_required"],
    ),
    ("transfer_up", S.REGISTERED, A.TRANSFER_UP, INTAKE, ActionInput(note="x"), True, ["guard.target_unit_required"]),
    ("transfer_down", S.REGISTERED, A.TRANSFER_DOWN, INTAKE, ActionInput(), True, ["guard.target_unit_required"]),
    ("assign", S.ACCEPTED, A.ASSIGN, INTAKE, ActionInput(), True, ["guard.handler_required"]),
    ("reassign", S.ASSIGNED, A.ASSIGN, SUPERVISOR, ActionInput(), True, ["guard.handler_required"]),
    (
        "return-no_reason",
        S.ASSIGNED,
        A.RETURN_TO_INTAKE,
        HANDLER,
        ActionInput(),
        True,
        ["guard.reason_required"],
    ),
    (
        "return-both",
        S.ASSIGNED,
        A.RETURN_TO_INTAKE,
        HANDLER,
        ActionInput(),
        True,
        ["guard.reason_required"],
    ),
    (
        "dispose-no_method",
        S.ASSIGNED,
        A.DISPOSE,
        HANDLER,
        ActionInput(),
        True,
        ["guard.method_required"],
    ),
    (
        "dispose-park_method",  # 暂存待查 has its own action
        S.ASSIGNED,
        A.DISPOSE,
        HANDLER,
        ActionInput(method=DisposalMethod.PARK),
        True,
        ["guard.method_required"],
    ),
    (
        "dispose-investigate_method",  # 移送审查调查 has its own action
        S.REOPENED,
        A.DISPOSE,
        SUPERVISOR,
        ActionInput(method=DisposalMethod.INVESTIGATE),
        True,
        ["guard.method_required"],
    ),
    (
        "dispose-both",
        S.ASSIGNED,
        A.DISPOSE,
        HANDLER,
        ActionInput(),
        True,
        ["guard.method_required"],
    ),
    ("conclude-no_report", S.DISPOSAL, A.CONCLUDE, HANDLER, ActionInput(), True, ["guard.closure_report_required"]),
    (
        "conclude-named_no_feedback_text",
        S.INVESTIGATION,
        A.CONCLUDE,
        HANDLER,
        ActionInput(closure=good_closure(feedback_text="")),
        True,
        ["closure.feedback_ready"],
    ),
    (
        "feedback-anonymous",
        S.CONCLUDED,
        A.GIVE_FEEDBACK,
        HANDLER,
        ActionInput(feedback_text="结果"),
        False,
        ["guard.feedback_named_only"],
    ),
    ("feedback-no_text", S.CONCLUDED, A.GIVE_FEEDBACK, INTAKE, ActionInput(), True, ["guard.text_required"]),
    (
        "feedback-anonymous_no_text",
        S.CONCLUDED,
        A.GIVE_FEEDBACK,
        HANDLER,
        ActionInput(feedback_text=" "),
        False,
        ["guard.feedback_named_only", "guard.text_required"],
    ),
    ("object-no_text", S.FEEDBACK_GIVEN, A.OBJECT, CITIZEN, ActionInput(), True, ["guard.text_required"]),
    (
        "archive-named_concluded",
        S.CONCLUDED,
        A.ARCHIVE,
        SYSTEM,
        ActionInput(note="到期归档"),
        True,
        ["guard.feedback_due_first"],
    ),
    ("note-empty", S.INVESTIGATION, A.ADD_NOTE, HANDLER, ActionInput(note=" "), True, ["guard.text_required"]),
    (
        "chase-nothing_awaited",  # the snapshot has no follow-up: no result is awaited (§10.3)
        S.TRANSFERRED_DOWN,
        A.CHASE,
        FOLLOWER,
        ActionInput(),
        True,
        ["guard.no_report_due", "guard.text_required"],
    ),
    (
        "close_follow_up-not_reported",
        S.ASSIGNED,
        A.CLOSE_FOLLOW_UP,
        FOLLOWER,
        ActionInput(),
        True,
        ["guard.report_back_first"],
    ),
    (
        "report-nothing_due",
        S.CONCLUDED,
        A.REPORT_RESULT,
        HANDLER,
        ActionInput(),
        True,
        ["guard.no_report_due", "guard.text_required"],
    ),
    (
        "extend-not_assigned",
        S.ASSIGNED,
        A.EXTEND,
        SUPERVISOR,
        ActionInput(note="材料多", due_on=date(2026, 12, 31)),
        True,
        ["guard.extension_assigned_only"],
    ),
    # an appeal's decision and a suggestion's answer: one of the type's own outcomes, with reasons (§10.1)
    (
        "appeal-nothing",
        S.ASSIGNED,
        A.DECIDE_APPEAL,
        HANDLER,
        ActionInput(),
        True,
        ["guard.outcome_required", "guard.reasons_required"],
    ),
    (
        "appeal-a_suggestion_outcome",
        S.ASSIGNED,
        A.DECIDE_APPEAL,
        SUPERVISOR,
        ActionInput(note="理由", outcome=SuggestionOutcome.ADOPTED),
        True,
        ["guard.outcome_required"],
    ),
    (
        "appeal-no_reasons",
        S.REOPENED,
        A.DECIDE_APPEAL,
        HANDLER,
        ActionInput(note=" ", outcome=AppealOutcome.UPHELD),
        False,
        ["guard.reasons_required"],
    ),
    (
        "suggestion-an_appeal_outcome",
        S.ASSIGNED,
        A.ANSWER_SUGGESTION,
        HANDLER,
        ActionInput(note="答复", outcome=AppealOutcome.CHANGED),
        True,
        ["guard.outcome_required"],
    ),
    ("review-no_note", S.PARKED, A.REVIEW_PARKED, HANDLER, ActionInput(), True, ["guard.text_required"]),
    ("add-nothing", S.ASSIGNED, A.ADD_BY_REPORTER, CITIZEN, ActionInput(note=" "), False, ["guard.text_required"]),
    # a leader's decision on a reporter's challenge says why (rules.md §10.4): instructions, or the reply
    (
        "send_back-no_note",
        S.LEADER_REVIEW,
        A.SEND_BACK,
        SUPERVISOR,
        ActionInput(note=" "),
        True,
        ["guard.reason_required"],
    ),
    ("confirm-no_reply", S.LEADER_REVIEW, A.CONFIRM_RESULT, SUPERVISOR, ActionInput(), True, ["guard.reply_required"]),
]

#: A result a leader confirmed is not reopened by the same challenge (004 (十一), core.review): the reporter's
#: 不满意 and objection are refused with ``guard.result_confirmed``; an objection without text also with its own.
CONFIRMED_REFUSALS = [
    ("dissatisfied", A.RATE_DISSATISFIED, ActionInput(), ["guard.result_confirmed"]),
    ("object", A.OBJECT, ActionInput(note="还是不同意"), ["guard.result_confirmed"]),
    ("object-no_text", A.OBJECT, ActionInput(), ["guard.result_confirmed", "guard.text_required"]),
]


@pytest.mark.parametrize(
    ("state", "action", "actor", "inp", "named", "expected"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS]
)
def test_guard_refuses_with_the_exact_problem_keys(
    state: CaseState, action: Action, actor: Actor, inp: ActionInput, named: bool, expected: list[str]
) -> None:
    assert refused(state, action, actor, inp, named=named) == expected


def test_every_guard_has_a_refusal_case() -> None:
    assert set(GUARDS) == {r[2] for r in REFUSALS} | {r[1] for r in CONFIRMED_REFUSALS}


@pytest.mark.parametrize(("action", "inp", "expected"), [r[1:] for r in CONFIRMED_REFUSALS],
                         ids=[r[0] for r in CONFIRMED_REFUSALS])  # fmt: skip
def test_a_confirmed_result_is_not_challenged_again(action: Action, inp: ActionInput, expected: list[str]) -> None:
    confirmed = snapshot(S.FEEDBACK_GIVEN, confirmed=True, challenge=A.OBJECT)
    with pytest.raises(GuardFailed) as exc:
        decide(confirmed, action, CITIZEN, inp)
    assert exc.value.problems == expected
    # not yet confirmed (e.g. sent back and answered again): the same challenge goes to the leader
    assert decide(replace(confirmed, confirmed=False), action, CITIZEN, ActionInput(note="异议")).target is (
        S.LEADER_REVIEW)  # fmt: skip


def test_after_a_confirmed_dissatisfied_rating_one_objection_still_goes_to_the_leader() -> None:
    """004 (十一) keeps the same challenge from reopening a confirmed matter: an objection after a confirmed 不满意 is
    another one and goes to the leader; a second 不满意 does not."""
    rated = snapshot(S.FEEDBACK_GIVEN, confirmed=True, challenge=A.RATE_DISSATISFIED)
    assert decide(rated, A.OBJECT, CITIZEN, ActionInput(note="有新的证据")).target is S.LEADER_REVIEW
    with pytest.raises(GuardFailed) as exc:
        decide(rated, A.OBJECT, CITIZEN, ActionInput())
    assert exc.value.problems == ["guard.text_required"]
    with pytest.raises(GuardFailed) as exc:
        decide(rated, A.RATE_DISSATISFIED, CITIZEN, ActionInput())
    assert exc.value.problems == ["guard.result_confirmed"]


def test_actions_without_a_guard_need_no_input() -> None:
    unguarded = {
        (S.RECEIVED, A.REGISTER, SYSTEM, S.REGISTERED),
        (S.REGISTERED, A.ACCEPT, INTAKE, S.ACCEPTED),
        (S.TRANSFERRED_DOWN, A.RECEIVE_TRANSFER, INTAKE, S.REGISTERED),
        (S.DISPOSAL, A.FLAG_URGENT, SYSTEM, S.DISPOSAL),
    }
    assert {a for _s, a, _who, _t in unguarded}.isdisjoint(GUARDS)
    for state, action, actor, target in unguarded:
        assert passes(state, action, actor, ActionInput(), named=True) is target
        assert passes(state, action, actor, ActionInput(), named=False) is target


# --- approvals: the workflow decides a handler's step like a leader's; whether it waits for a leader is the
# permit's to say (core.services.approvals turns it into a request: tests/unit/test_permissions.py) ------------


@pytest.mark.parametrize(
    ("state", "action", "inp"),
    [
        (S.ASSIGNED, A.RETURN_TO_INTAKE, ActionInput(note="无实质内容")),
        (S.ASSIGNED, A.DISPOSE, ActionInput(method=DisposalMethod.CLOSE)),
        (S.REOPENED, A.PARK, ActionInput()),
        (S.REOPENED, A.SEND_TO_INVESTIGATION, ActionInput()),
    ],
    ids=lambda v: v.value if isinstance(v, Action) else None,
)
def test_no_guard_asks_for_an_approver_name(state: CaseState, action: Action, inp: ActionInput) -> None:
    assert passes(state, action, HANDLER, inp) is not state
    assert passes(state, action, SUPERVISOR, inp) is not state


@pytest.mark.parametrize("method", sorted(DISPOSE_METHODS), ids=str)
def test_dispose_accepts_the_three_methods_without_an_own_action(method: DisposalMethod) -> None:
    assert passes(S.ASSIGNED, A.DISPOSE, SUPERVISOR, ActionInput(method=method)) is S.DISPOSAL


def test_dispose_methods_are_the_five_minus_those_with_their_own_action() -> None:
    assert frozenset(DisposalMethod) - DISPOSE_METHODS == {DisposalMethod.PARK, DisposalMethod.INVESTIGATE}


# --- feedback and archiving of named and anonymous cases (D4) -----------------------------------------------


def test_feedback_is_for_named_reports_only() -> None:
    inp = ActionInput(feedback_text="经核查，部分属实。")
    assert passes(S.CONCLUDED, A.GIVE_FEEDBACK, HANDLER, inp, named=True) is S.FEEDBACK_GIVEN
    assert refused(S.CONCLUDED, A.GIVE_FEEDBACK, HANDLER, inp, named=False) == ["guard.feedback_named_only"]


def test_a_concluded_named_case_waits_for_feedback_but_an_anonymous_one_archives() -> None:
    assert refused(S.CONCLUDED, A.ARCHIVE, INTAKE, ActionInput(), named=True) == ["guard.feedback_due_first"]
    assert passes(S.CONCLUDED, A.ARCHIVE, INTAKE, ActionInput(), named=False) is S.ARCHIVED
    # Once the feedback is given, the named case archives too.
    assert passes(S.FEEDBACK_GIVEN, A.ARCHIVE, SYSTEM, ActionInput(), named=True) is S.ARCHIVED


@pytest.mark.parametrize("state", [S.NOT_ACCEPTED, S.DUPLICATE, S.TRANSFERRED_DOWN], ids=str)
def test_named_cases_closed_without_a_conclusion_archive_freely(state: CaseState) -> None:
    assert passes(state, A.ARCHIVE, SYSTEM, ActionInput(), named=True) is S.ARCHIVED


# --- transfers and 交办 (rules.md §10.3, issue 15 points 1, 4, 5) --------------------------------------------


@pytest.mark.parametrize("state", [S.TRANSFERRED_DOWN, S.CONCLUDED, S.FEEDBACK_GIVEN], ids=str)
def test_a_case_owing_its_report_back_is_not_archived(state: CaseState) -> None:
    with pytest.raises(GuardFailed) as exc:
        decide(snapshot(state, named=False, report_due=True), A.ARCHIVE, INTAKE, ActionInput())
    assert exc.value.problems == ["guard.report_back_first"]


def test_a_case_transferred_up_is_never_archived_by_the_sender() -> None:
    with pytest.raises(IllegalTransition):
        decide(snapshot(S.TRANSFERRED_UP, named=False), A.ARCHIVE, SUPERVISOR, ActionInput())


def test_an_assigned_case_is_not_transferred_down_and_permit_says_why() -> None:
    answer = permit(S.REGISTERED, A.TRANSFER_DOWN, INTAKE, channel=Channel.ASSIGNED_BY_HIGHER)
    assert not answer.allowed and answer.reason == "guard.assigned_handled_here" and "自办" in answer.rule
    assert permit(S.REGISTERED, A.TRANSFER_UP, INTAKE, channel=Channel.ASSIGNED_BY_HIGHER).allowed
    assert permit(S.REGISTERED, A.TRANSFER_DOWN, INTAKE, channel=Channel.LETTER).allowed
    with pytest.raises(GuardFailed) as exc:
        decide(snapshot(S.REGISTERED, channel=Channel.ASSIGNED_BY_HIGHER), A.TRANSFER_DOWN, INTAKE,
               ActionInput(target_unit_id=7))  # fmt: skip
    assert exc.value.problems == ["guard.assigned_handled_here"]
    assert A.TRANSFER_DOWN not in allowed_actions(S.REGISTERED, INTAKE, channel=Channel.ASSIGNED_BY_HIGHER)


def test_extension_is_offered_on_assigned_cases_only_and_needs_a_leader() -> None:
    assert A.EXTEND in allowed_actions(S.ASSIGNED, HANDLER, channel=Channel.ASSIGNED_BY_HIGHER)
    assert A.EXTEND not in allowed_actions(S.ASSIGNED, HANDLER, channel=Channel.TELEGRAM)
    assert permit(S.ASSIGNED, A.EXTEND, HANDLER, channel=Channel.ASSIGNED_BY_HIGHER).waits_for_leader
    assert not permit(S.ASSIGNED, A.EXTEND, SUPERVISOR, channel=Channel.ASSIGNED_BY_HIGHER).waits_for_leader


# --- closure checklist (rules.md §7.1) --------------------------------------------------------------------


@pytest.mark.parametrize("named", [True, False], ids=["named", "anonymous"])
def test_a_complete_report_passes_the_checklist(named: bool) -> None:
    assert closure_problems(good_closure(), named=named) == []
    assert passes(S.DISPOSAL, A.CONCLUDE, HANDLER, ActionInput(closure=good_closure()), named=named) is S.CONCLUDED


#: Facts not confirmed: the clearing and the assessment a conclusion then needs (rules.md §10.4, core.closure).
UNCONFIRMED = {"clearing": Clearing.CLEARED, "assessment": ReportAssessment.GOOD_FAITH}

CHECKLIST_FAILURES = [
    ("no_findings", {"findings": ()}, "closure.facts_clear"),  # 1 事实清楚
    (
        "blank_allegation",
        {"findings": (AllegationFinding("  ", Finding.UNTRUE, ("调查报告",)),), **UNCONFIRMED},
        "closure.facts_clear",
    ),
    (
        "true_without_evidence",
        {"findings": (AllegationFinding("收受礼金", Finding.TRUE),)},
        "closure.evidence_sufficient",
    ),
    (
        "partly_true_without_evidence",
        {"findings": (AllegationFinding("收受礼金", Finding.PARTLY_TRUE),)},
        "closure.evidence_sufficient",
    ),
    (
        "untrue_without_evidence",  # clearing someone needs evidence too
        {
            "findings": (AllegationFinding("x", Finding.UNTRUE, ("询问笔录",)), AllegationFinding("y", Finding.UNTRUE)),
            **UNCONFIRMED,
        },
        "closure.evidence_sufficient",
    ),
    ("no_violation_named", {"violation": ""}, "closure.characterisation"),  # 3 定性准确
    ("blank_violation", {"violation": " \t"}, "closure.characterisation"),
    ("no_action", {"action_taken": ""}, "closure.action_appropriate"),  # 4 处理恰当
    ("no_collective_discussion", {"collective_discussion": False}, "closure.procedure_complete"),  # 5 手续完备
]


@pytest.mark.parametrize(
    ("changes", "key"), [c[1:] for c in CHECKLIST_FAILURES], ids=[c[0] for c in CHECKLIST_FAILURES]
)
@pytest.mark.parametrize("named", [True, False], ids=["named", "anonymous"])
def test_each_checklist_item_failing_alone_yields_its_key(changes: dict[str, object], key: str, named: bool) -> None:
    report = good_closure(**changes)
    assert closure_problems(report, named=named) == [key]
    assert refused(S.DISPOSAL, A.CONCLUDE, HANDLER, ActionInput(closure=report), named=named) == [key]


def test_feedback_text_is_required_for_named_reports_only() -> None:
    report = good_closure(feedback_text="")
    assert closure_problems(report, named=True) == ["closure.feedback_ready"]
    assert closure_problems(report, named=False) == []


def test_unverifiable_findings_need_no_evidence() -> None:
    report = good_closure(findings=(AllegationFinding("公车私用", Finding.UNVERIFIABLE),), violation="无法查证",
                          **UNCONFIRMED)  # fmt: skip
    assert closure_problems(report, named=True) == []


def test_an_empty_report_fails_every_item_in_checklist_order() -> None:
    report = good_closure(
        findings=(AllegationFinding("收受礼金", Finding.TRUE), AllegationFinding("", Finding.UNTRUE)),
        violation="",
        action_taken="",
        collective_discussion=False,
        leader_signoff="",
        feedback_text="",
    )
    assert closure_problems(report, named=True) == [
        "closure.facts_clear",
        "closure.evidence_sufficient",
        "closure.characterisation",
        "closure.action_appropriate",
        "closure.procedure_complete",
        "closure.feedback_ready",
    ]


# --- the sender's follow-up of a case it sent down (rules.md §10.3) ------------------------------------------------
def followed(state: CaseState, follow_up: FollowUp) -> CaseSnapshot:
    return snapshot(state, follow_up=follow_up)


def test_the_sender_chases_and_records_the_result_while_it_is_awaited() -> None:
    note = ActionInput(note="请报结")
    for state in (S.TRANSFERRED_DOWN, S.REGISTERED, S.DISPOSAL, S.CONCLUDED):  # before and after it was taken in
        assert decide(followed(state, FollowUp.AWAITING), A.CHASE, FOLLOWER, note).target is state
        d = decide(followed(state, FollowUp.AWAITING), A.REPORT_RESULT, FOLLOWER, note)
        assert d.follow_up is FollowUp.REPORTED
    with pytest.raises(GuardFailed) as exc:  # recorded once: no second 报结, no more 催办
        decide(followed(S.CONCLUDED, FollowUp.REPORTED), A.REPORT_RESULT, FOLLOWER, note)
    assert exc.value.problems == ["guard.no_report_due"]
    with pytest.raises(GuardFailed):
        decide(followed(S.CONCLUDED, FollowUp.REPORTED), A.CHASE, FOLLOWER, note)


def test_the_sender_closes_its_record_only_after_the_result_is_recorded() -> None:
    with pytest.raises(GuardFailed) as exc:
        decide(followed(S.CONCLUDED, FollowUp.AWAITING), A.CLOSE_FOLLOW_UP, FOLLOWER, ActionInput())
    assert exc.value.problems == ["guard.report_back_first"]
    d = decide(followed(S.ARCHIVED, FollowUp.REPORTED), A.CLOSE_FOLLOW_UP, FOLLOWER, ActionInput())
    assert (d.target, d.follow_up) == (S.ARCHIVED, FollowUp.CLOSED)


def test_the_receiver_neither_chases_nor_records_the_senders_report() -> None:
    note = ActionInput(note="已办结")
    for actor in (INTAKE, SUPERVISOR, HANDLER):  # the receiving unit's officers hold the case, they do not follow it
        for action in (A.CHASE, A.CLOSE_FOLLOW_UP):
            with pytest.raises(NotPermitted):
                decide(followed(S.REGISTERED, FollowUp.AWAITING), action, actor, note)
    with pytest.raises(GuardFailed) as exc:  # a concluded case's holder reports only a 报结 it owes itself (交办)
        decide(followed(S.CONCLUDED, FollowUp.AWAITING), A.REPORT_RESULT, INTAKE, note)
    assert exc.value.problems == ["guard.no_report_due"]


def test_the_follower_is_offered_the_steps_of_its_follow_up_state() -> None:
    offered = allowed_actions(S.ASSIGNED, FOLLOWER, follow_up=FollowUp.AWAITING)
    assert offered == [A.CHASE, A.REPORT_RESULT, A.CLOSE_FOLLOW_UP]  # closing is offered, and refused with why
    assert allowed_actions(S.ARCHIVED, FOLLOWER, follow_up=FollowUp.REPORTED) == [A.CLOSE_FOLLOW_UP]
    assert allowed_actions(S.ASSIGNED, FOLLOWER, follow_up=FollowUp.CLOSED) == []
