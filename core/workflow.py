"""The case lifecycle as an explicit state machine (rules.md §1).

Read the table first: each row says from which states an action is allowed, the state it leads to
(``None``: the state does not change), who may do it, and the rule behind it. The steps a leader decides
follow it (rules.md §10.2), then :func:`permit`, the one answer to "may this actor do this action to this case
now, and does a leader have to approve" that services and dialogs ask (the roles behind it: ``core.permissions``).
Guards (fields, checklist) and effects (deadlines, notifications) follow below. Everything here is pure: the
service layer (``core.services.cases``) loads the case, asks :func:`decide`, and applies the returned
:class:`Decision` in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from core import review
from core.actor import Actor
from core.calendar.deadlines import REPORT_BACK
from core.calendar.deadlines import DeadlineKind as D
from core.closure import ClosureReport, accuses_reporter, closure_problems, suspected_false
from core.errors import GuardFailed, IllegalTransition, NotPermitted
from core.model import Action as A
from core.model import (
    ActorKind,
    AppealedDecision,
    AppealOutcome,
    Channel,
    DisposalMethod,
    FollowUp,
    ReferTo,
    ReportType,
    SuggestionOutcome,
)
from core.model import CaseState as S
from core.permissions import (
    CITIZEN,
    FOLLOWER,
    HANDLING,
    INTAKE,
    LEADER,
    OFFICERS,
    SYSTEM,
    Approval,
    Permit,
    Verdict,
    is_leader,
)
from core.reports import StagedEvidence

# Who may act (``who``): the grant tokens of core.permissions — officer roles, or "citizen" and "system".

_OPEN = tuple(s for s in S if s is not S.ARCHIVED)
_HANDLING = (S.ASSIGNED, S.DISPOSAL, S.REOPENED)  # parked resumes only through dispose (§1)


#: Report types a row applies to (rules.md §10.1: three types, three paths). The handling steps of an accusation
#: (the disposal methods, the closure checklist) are not offered for an appeal or a suggestion, which have their own.
ALL_TYPES = frozenset(ReportType)
_ACC = frozenset({ReportType.ACCUSATION})
_APPEAL = frozenset({ReportType.APPEAL})
_SUGG = frozenset({ReportType.SUGGESTION})


@dataclass(frozen=True)
class Transition:
    sources: tuple[S, ...]
    action: A
    target: S | None
    who: frozenset[str]
    rule: str
    types: frozenset[ReportType] = ALL_TYPES


_TRANSFERRED = (S.TRANSFERRED_UP, S.TRANSFERRED_DOWN)
_RESUMABLE = (S.ASSIGNED, S.PARKED, S.REOPENED)
_DECIDED = (S.DISPOSAL, S.INVESTIGATION)
# A case still transferred up stays open until the receiver takes it in (R-15, 件件有着落); one transferred down
# or out closes here only after its 报结 (guard below, §10.3).
_CLOSABLE = (S.CONCLUDED, S.FEEDBACK_GIVEN, S.NOT_ACCEPTED, S.DUPLICATE, S.TRANSFERRED_DOWN)
_REPORTABLE = (S.CONCLUDED, S.FEEDBACK_GIVEN)  # a 交办 case, or one taken in by transfer, reports its result
_EXTENDABLE = (S.REGISTERED, S.ACCEPTED, S.ASSIGNED, S.DISPOSAL, S.PARKED, S.INVESTIGATION, S.REOPENED)
_ANSWERABLE = (S.ASSIGNED, S.REOPENED)  # an appeal or a suggestion is answered by its handler (§10.1)
# The sender's follow-up (§10.3) runs beside the case's own state, the receiver's once it took the case in: in any
_FOLLOWED = tuple(S)  # state, even archived there (the sender's 报结 may come after)
_FOLLOWED_NOT_REPORTABLE = tuple(s for s in S if s not in _REPORTABLE)
_IN_HAND = (S.RECEIVED, S.REGISTERED, S.ACCEPTED, S.ASSIGNED, S.DISPOSAL, S.PARKED, S.INVESTIGATION, S.REOPENED,
            *_TRANSFERRED)  # fmt: skip  # no result yet: a reporter's addition still counts

_REPORTERS = HANDLING | INTAKE | FOLLOWER  # a 交办 case's holder reports its result; a sender records its receiver's

T = Transition
TRANSITIONS: tuple[Transition, ...] = (
    # from                 action                   to                   who                rule  [report types]
    T((S.RECEIVED,),       A.REGISTER,              S.REGISTERED,        INTAKE | SYSTEM,   "R-14 一信一码"),
    T((S.REGISTERED,),     A.ACCEPT,                S.ACCEPTED,          INTAKE,            "R-14"),
    T((S.REGISTERED,),     A.NOT_ACCEPT,            S.NOT_ACCEPTED,      INTAKE,            "R ch.2 三个不受理"),
    T((S.REGISTERED,),     A.MARK_DUPLICATE,        S.DUPLICATE,         INTAKE,            "R-14"),
    T((S.REGISTERED,),     A.TRANSFER_UP,           S.TRANSFERRED_UP,    INTAKE,            "R-15"),
    T((S.REGISTERED,),     A.TRANSFER_DOWN,         S.TRANSFERRED_DOWN,  INTAKE,            "R-16"),
    T(_TRANSFERRED,        A.RECEIVE_TRANSFER,      S.REGISTERED,        INTAKE,            "R-16"),
    T((S.ACCEPTED,),       A.ASSIGN,                S.ASSIGNED,          INTAKE,            "R-14"),
    T((S.ASSIGNED,),       A.ASSIGN,                S.ASSIGNED,          INTAKE,            "R-14"),
    T((S.ASSIGNED,),       A.RETURN_TO_INTAKE,      S.REGISTERED,        HANDLING,          "R-17 ¶1"),
    T(_RESUMABLE,          A.DISPOSE,               S.DISPOSAL,          HANDLING,          "R-17 ¶2", _ACC),
    T(_HANDLING,           A.PARK,                  S.PARKED,            HANDLING,          "R-17 ¶2 暂存待查", _ACC),
    T((S.PARKED,),         A.REVIEW_PARKED,         None,                HANDLING,          "§7 暂存待查 [U]", _ACC),
    T(_HANDLING,           A.SEND_TO_INVESTIGATION, S.INVESTIGATION,     HANDLING,          "R-17 ¶2, JC-42", _ACC),
    T(_DECIDED,            A.CONCLUDE,              S.CONCLUDED,         HANDLING,          "R-18, §7.1", _ACC),
    T(_ANSWERABLE,         A.DECIDE_APPEAL,         S.CONCLUDED,         HANDLING,          "§10.1 申诉", _APPEAL),
    T(_ANSWERABLE,         A.ANSWER_SUGGESTION,     S.CONCLUDED,         HANDLING,          "§10.1 批评建议", _SUGG),
    T((S.CONCLUDED,),      A.GIVE_FEEDBACK,         S.FEEDBACK_GIVEN,    HANDLING | INTAKE, "R-28? D4"),
    # §10.4: a reporter's challenge waits for a leader, who sends the case back or confirms it (core.review)
    T((S.FEEDBACK_GIVEN, S.LEADER_REVIEW), A.OBJECT, S.LEADER_REVIEW,   CITIZEN,           "R-28? 异议, §10.4"),
    T((S.FEEDBACK_GIVEN,), A.RATE_DISSATISFIED,     S.LEADER_REVIEW,     CITIZEN,           "§10.4 群众不满意"),
    T((S.LEADER_REVIEW,),  A.SEND_BACK,             S.REOPENED,          LEADER,            "§10.4 退回进一步查处"),
    T((S.LEADER_REVIEW,),  A.CONFIRM_RESULT,        S.FEEDBACK_GIVEN,    LEADER,            "§10.4, 004(十一)"),
    T(_CLOSABLE,           A.ARCHIVE,               S.ARCHIVED,          INTAKE | SYSTEM,   "§1 归档"),
    T(_OPEN,               A.ADD_NOTE,              None,                OFFICERS,          "§1 audit"),
    T(_OPEN,               A.FLAG_URGENT,           None,                OFFICERS | SYSTEM, "§8, XF-25"),
    # the sending unit follows a case it sent down (FOLLOWER: by relation, core.access), whatever its state there
    T(_FOLLOWED,           A.CHASE,                 None,                FOLLOWER,          "§10.3 督促催办"),
    T(_FOLLOWED_NOT_REPORTABLE, A.REPORT_RESULT,    None,                FOLLOWER,          "§10.3 报结"),
    T(_REPORTABLE,         A.REPORT_RESULT,         None,                _REPORTERS,        "§10.3 报结, D15"),
    T(_FOLLOWED,           A.CLOSE_FOLLOW_UP,       None,                FOLLOWER,          "§10.3 跟踪督办至结案"),
    T(_EXTENDABLE,         A.EXTEND,                None,                HANDLING | INTAKE, "§10.3 申请延长, D15"),
    T(_IN_HAND,            A.ADD_BY_REPORTER,       None,                CITIZEN,           "R-14 一信一码 [U]"),
)  # fmt: skip
del T

_INDEX: dict[tuple[S, A], Transition] = {(s, t.action): t for t in TRANSITIONS for s in t.sources}


#: Steps the rules give to a leader: taken by another officer, they need the leader's approval (rules.md §10.2:
#: "由分管领导阅批", "经分管领导审核后统一归档"); a leader's own step is its approval (§10.2 [U]). REQUESTED: the
#: officer's step becomes a request pushed to the unit's leaders and is taken only on approval (issue 15,
#: core.services.approvals). NOT_RECORDED steps go ahead: acceptance. Reopening after a reporter's challenge is the
#: leader's own row (``send_back``, §10.4), so it is not listed here. The system (the command line on the server,
#: the scheduler) is no officer and asks nobody.
LEADER_DECIDES: dict[A, tuple[Approval, str]] = {
    A.RETURN_TO_INTAKE: (Approval.REQUESTED, "R-17 ¶1"),
    A.DISPOSE: (Approval.REQUESTED, "R-17 ¶2"),
    A.PARK: (Approval.REQUESTED, "R-17 ¶2"),
    A.SEND_TO_INVESTIGATION: (Approval.REQUESTED, "R-17 ¶2, JC-42"),
    A.DECIDE_APPEAL: (Approval.REQUESTED, "§10.2 处置 by a non-leader"),
    A.ANSWER_SUGGESTION: (Approval.REQUESTED, "§10.2 处置 by a non-leader"),
    A.ACCEPT: (Approval.NOT_RECORDED, "§10.2 受理"),
    A.NOT_ACCEPT: (Approval.REQUESTED, "§10.2 不予受理"),
    A.TRANSFER_UP: (Approval.REQUESTED, "R-15, §10.2 转出"),
    A.TRANSFER_DOWN: (Approval.REQUESTED, "§10.2 转出"),
    A.ARCHIVE: (Approval.REQUESTED, "§10.2 归档"),
    A.EXTEND: (Approval.REQUESTED, "§10.2 extensions, §10.3 申请延长"),
}

#: Steps that depend on how the case reached the office (rules.md §10.3): the refusal's reason (a locale key,
#: shown to the officer) and its rule. 交办 with results requested: "县一级要自办", never passed further down.
CHANNEL_REFUSES: dict[tuple[Channel, A], tuple[str, str]] = {
    (Channel.ASSIGNED_BY_HIGHER, A.TRANSFER_DOWN): ("guard.assigned_handled_here", "§10.3 交办 自办"),
}
#: Steps only some channels have: an extension is asked of the body that set the 交办函's period (§10.3).
CHANNEL_ONLY: dict[A, tuple[Channel, str]] = {
    A.EXTEND: (Channel.ASSIGNED_BY_HIGHER, "guard.extension_assigned_only"),
}


#: The sender's follow-up of a case it sent down (rules.md §10.3), a small machine beside the case's state: which
#: steps the follower is offered in each of its states, and where they lead. Closing before the 报结 is offered,
#: and refused with its reason (guard below).
FOLLOW_UP_STEPS: dict[FollowUp, frozenset[A]] = {
    FollowUp.AWAITING: frozenset({A.CHASE, A.REPORT_RESULT, A.CLOSE_FOLLOW_UP}),
    FollowUp.REPORTED: frozenset({A.CLOSE_FOLLOW_UP}),
}
FOLLOW_UP_NEXT: dict[A, FollowUp] = {A.REPORT_RESULT: FollowUp.REPORTED, A.CLOSE_FOLLOW_UP: FollowUp.CLOSED}
_FOLLOW_UP_ROWS = frozenset(t.action for t in TRANSITIONS if FOLLOWER & t.who)


def transition_for(state: S, action: A) -> Transition | None:
    return _INDEX.get((state, action))


def permit(
    state: S,
    action: A,
    actor: Actor,
    *,
    channel: Channel | None = None,
    report_type: ReportType | None = None,
) -> Permit:
    """May ``actor`` do ``action`` to a case in ``state`` now, and does a leader have to approve it?

    The state comes first: in the wrong state, or for a report type the row is not for (rules.md §10.1), even a
    leader is refused (``error.illegal_transition``). Given the case's ``channel``, the channel's own rules too
    (``CHANNEL_REFUSES``, ``CHANNEL_ONLY``: a ``guard.`` reason). ``report_type`` and ``channel`` None ask of the
    state and the role alone; :func:`decide` and :func:`allowed_actions` always pass the case's. The rows of
    ``FOLLOWER`` are for an actor ``following`` the case (its sender, §10.3: ``core.access`` says who).
    """
    row = transition_for(state, action)
    if row is None or (report_type is not None and report_type not in row.types):
        return Permit(Verdict.REFUSED, IllegalTransition.key)
    if not row.who & actor.grants():
        return Permit(Verdict.REFUSED, NotPermitted.key, row.rule)
    if channel is not None and (refusal := _channel_refusal(channel, action)) is not None:
        return Permit(Verdict.REFUSED, *refusal)
    if action in LEADER_DECIDES and actor.kind is not ActorKind.SYSTEM and not is_leader(actor.roles):
        approval, rule = LEADER_DECIDES[action]
        return Permit(Verdict.NEEDS_LEADER, rule=rule, approval=approval)
    return Permit(Verdict.ALLOWED, rule=row.rule)


def _channel_refusal(channel: Channel, action: A) -> tuple[str, str] | None:
    if (channel, action) in CHANNEL_REFUSES:
        return CHANNEL_REFUSES[channel, action]
    only = CHANNEL_ONLY.get(action)
    if only is not None and channel is not only[0]:
        return only[1], "§10.3"
    return None


def require(
    state: S,
    action: A,
    actor: Actor,
    *,
    channel: Channel | None = None,
    report_type: ReportType | None = None,
) -> Permit:
    """:func:`permit`, raising its refusal: :class:`IllegalTransition`, :class:`NotPermitted`, or
    :class:`GuardFailed` with the channel's reason."""
    answer = permit(state, action, actor, channel=channel, report_type=report_type)
    if answer.reason == IllegalTransition.key:
        raise IllegalTransition(state.value, action.value)
    if answer.reason.startswith("guard."):
        raise GuardFailed(action.value, [answer.reason])
    if not answer.allowed:
        raise NotPermitted(action.value, actor.label())
    return answer


def allowed_actions(
    state: S,
    actor: Actor,
    *,
    channel: Channel | None = None,
    report_type: ReportType | None = None,
    follow_up: FollowUp | None = None,
) -> list[A]:
    """Actions this actor may try in this state (on a case of this channel and type), in table order (buttons);
    given the case's ``follow_up``, its follower is offered the steps that state has (``FOLLOW_UP_STEPS``)."""

    def may(action: A) -> bool:
        step = actor.following and follow_up is not None and action in _FOLLOW_UP_ROWS
        if step and action not in FOLLOW_UP_STEPS.get(follow_up or FollowUp.CLOSED, ()):
            return False
        return permit(state, action, actor, channel=channel, report_type=report_type).allowed

    return [t.action for t in TRANSITIONS if state in t.sources and may(t.action)]


def offered_actions(c: CaseSnapshot, actor: Actor) -> list[A]:
    """The steps a case card offers: :func:`allowed_actions`, less those this case fails whatever is typed —
    feedback to an anonymous reporter (D4 is owed to named ones) and a 报结 nobody is owed (§10.3). Archive stays
    offered: its refusal says what is owed first."""
    owed = _awaiting(c, actor) or (c.report_due and not actor.following)  # as the 报结's guard asks
    futile = {A.GIVE_FEEDBACK: not c.named, A.REPORT_RESULT: not owed}
    actions = allowed_actions(c.state, actor, channel=c.channel, report_type=c.report_type, follow_up=c.follow_up)
    return [a for a in actions if not futile.get(a, False)]


# ---------------------------------------------------------------------------------------------------------
# Inputs, guards


@dataclass(frozen=True)
class CaseSnapshot:
    """What the workflow needs to know about a case; loaded by the service layer."""

    state: S
    named: bool
    report_type: ReportType
    channel: Channel = Channel.TELEGRAM
    report_due: bool = False  # a 报结 is owed (an open deadline of REPORT_BACK, rules.md §10.3)
    appealed: AppealedDecision | None = None  # an appeal's kind of decision, for its answer deadline (filing,
    # and a case sent back for further handling)
    challenge: A | None = None  # the reporter's step a leader reviews or reviewed (core.review, §10.4)
    confirmed: bool = False  # the result was confirmed by a leader: not reopened by a challenge (004 (十一))
    follow_up: FollowUp | None = None  # the sending unit's follow-up of the case (§10.3), whoever acts


@dataclass(frozen=True)
class ActionInput:
    note: str = ""
    target_unit_id: int | None = None
    handler_id: int | None = None
    method: DisposalMethod | None = None
    refer_to: ReferTo | None = None
    duplicate_of: str | None = None
    closure: ClosureReport | None = None
    feedback_text: str = ""
    trigger_date: date | None = None  # e.g. the day a 函询 letter was received (D6); default: today
    new_evidence: tuple[StagedEvidence, ...] = ()  # e.g. with an objection (异议, R-28?)
    lacks_facts: bool = False  # not accepted for want of facts (rules.md §3.2 item 3): ask for them, refer nowhere
    due_on: date | None = None  # an extension's new due date (§10.3 申请延长)
    outcome: AppealOutcome | SuggestionOutcome | None = None  # an appeal's or a suggestion's answer (§10.1)


#: Methods reached through ``dispose``; 暂存待查 and 移送审查调查 have their own actions (rules.md §7).
DISPOSE_METHODS = frozenset({DisposalMethod.TALK_OR_LETTER, DisposalMethod.PRELIMINARY_CHECK, DisposalMethod.CLOSE})

Guard = Callable[[CaseSnapshot, ActionInput, Actor], list[str]]


def _need(ok: bool, key: str) -> list[str]:
    return [] if ok else [key]


def _awaiting(c: CaseSnapshot, actor: Actor) -> bool:
    """The actor's unit follows the case and the receiver's result is still owed (§10.3)."""
    return actor.following and c.follow_up is FollowUp.AWAITING


def _answered(outcomes: type[AppealOutcome] | type[SuggestionOutcome]) -> Guard:
    """An appeal's decision or a suggestion's answer: one of its own outcomes, with reasons or a reply (§10.1)."""
    return lambda c, i, a: (
        _need(isinstance(i.outcome, outcomes), "guard.outcome_required")
        + _need(bool(i.note.strip()), "guard.reasons_required")
    )


GUARDS: dict[A, Guard] = {
    A.NOT_ACCEPT: lambda c, i, a: _need(bool(i.note.strip()), "guard.reason_required"),
    A.MARK_DUPLICATE: lambda c, i, a: _need(bool(i.duplicate_of), "guard.duplicate_of_required"),
    A.TRANSFER_UP: lambda c, i, a: _need(i.target_unit_id is not None, "guard.target_unit_required"),
    A.TRANSFER_DOWN: lambda c, i, a: _need(i.target_unit_id is not None, "guard.target_unit_required"),
    A.ASSIGN: lambda c, i, a: _need(i.handler_id is not None, "guard.handler_required"),
    A.RETURN_TO_INTAKE: lambda c, i, a: _need(bool(i.note.strip()), "guard.reason_required"),
    A.DISPOSE: lambda c, i, a: _need(i.method in DISPOSE_METHODS, "guard.method_required"),
    A.CONCLUDE: lambda c, i, a: (
        ["guard.closure_report_required"] if i.closure is None else closure_problems(i.closure, named=c.named)
    ),
    A.GIVE_FEEDBACK: lambda c, i, a: (
        _need(c.named, "guard.feedback_named_only")
        + _need(bool(i.feedback_text.strip()), "guard.text_required")
        + _need(not accuses_reporter(i.feedback_text), "guard.feedback_accuses")  # §4.2, core.closure
    ),
    A.DECIDE_APPEAL: _answered(AppealOutcome),
    A.ANSWER_SUGGESTION: _answered(SuggestionOutcome),
    A.OBJECT: review.objection_guard,
    A.RATE_DISSATISFIED: review.challenge_guard,
    A.SEND_BACK: review.send_back_guard,
    A.CONFIRM_RESULT: review.confirm_guard,
    # A named reporter is owed feedback before the file closes (D4); a transferred or 交办 case its 报结 (§10.3).
    A.ARCHIVE: lambda c, i, a: (
        _need(not (c.state is S.CONCLUDED and c.named), "guard.feedback_due_first")
        + _need(not c.report_due, "guard.report_back_first")
    ),
    A.CHASE: lambda c, i, a: (
        _need(_awaiting(c, a), "guard.no_report_due") + _need(bool(i.note.strip()), "guard.text_required")
    ),
    # the sender records the receiver's result; a 交办 case's holder reports its own (§10.3)
    A.REPORT_RESULT: lambda c, i, a: (
        _need(_awaiting(c, a) or (c.report_due and not a.following), "guard.no_report_due")
        + _need(bool(i.note.strip()), "guard.text_required")
    ),
    A.CLOSE_FOLLOW_UP: lambda c, i, a: _need(c.follow_up is FollowUp.REPORTED, "guard.report_back_first"),
    A.EXTEND: lambda c, i, a: (
        _need(bool(i.note.strip()), "guard.reason_required") + _need(i.due_on is not None, "guard.new_date_required")
    ),
    A.ADD_NOTE: lambda c, i, a: _need(bool(i.note.strip()), "guard.text_required"),
    A.REVIEW_PARKED: lambda c, i, a: _need(bool(i.note.strip()), "guard.text_required"),
    A.ADD_BY_REPORTER: lambda c, i, a: _need(bool(i.note.strip() or i.new_evidence), "guard.text_required"),
}


# ---------------------------------------------------------------------------------------------------------
# Effects


class PublicStatus(StrEnum):
    """What a reporter may see of the state: coarse on purpose, so that e.g. an investigation is not revealed."""

    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    NOT_ACCEPTED = "not_accepted"
    DUPLICATE = "duplicate"
    TRANSFERRED = "transferred"
    CONCLUDED = "concluded"
    FEEDBACK_GIVEN = "feedback_given"
    UNDER_REVIEW = "under_review"  # the reporter's 不满意 or 异议 is with a leader (§10.4)
    ARCHIVED = "archived"


PUBLIC_STATUS: dict[S, PublicStatus] = {
    S.RECEIVED: PublicStatus.RECEIVED,
    S.REGISTERED: PublicStatus.RECEIVED,
    S.NOT_ACCEPTED: PublicStatus.NOT_ACCEPTED,
    S.DUPLICATE: PublicStatus.DUPLICATE,
    S.TRANSFERRED_UP: PublicStatus.TRANSFERRED,
    S.TRANSFERRED_DOWN: PublicStatus.TRANSFERRED,
    S.ACCEPTED: PublicStatus.IN_PROGRESS,
    S.ASSIGNED: PublicStatus.IN_PROGRESS,
    S.DISPOSAL: PublicStatus.IN_PROGRESS,
    S.PARKED: PublicStatus.IN_PROGRESS,
    S.INVESTIGATION: PublicStatus.IN_PROGRESS,
    S.REOPENED: PublicStatus.IN_PROGRESS,
    S.LEADER_REVIEW: PublicStatus.UNDER_REVIEW,
    S.CONCLUDED: PublicStatus.CONCLUDED,
    S.FEEDBACK_GIVEN: PublicStatus.FEEDBACK_GIVEN,
    S.ARCHIVED: PublicStatus.ARCHIVED,
}


class OfficerTarget(StrEnum):
    """Officers a notice goes to; the service layer resolves them to people."""

    ASSIGNEE = "assignee"
    UNIT_INTAKE = "unit_intake"
    TARGET_UNIT_INTAKE = "target_unit_intake"
    HANDLER_OR_INTAKE = "handler_or_intake"  # the assignee; the unit's intake while nobody is assigned
    UNIT_LEADERS = "unit_leaders"  # the case's unit's leaders (分管领导: a reporter's challenge, §10.4)
    FOLLOWER_INTAKE = "follower_intake"  # the intake of the unit following the case to its 报结 (§10.3)


@dataclass(frozen=True)
class Decision:
    """Everything one transition changes; applied by the service layer in one transaction."""

    action: A
    source: S
    target: S
    rule: str
    open_deadlines: tuple[D, ...] = ()
    meet_deadlines: tuple[D, ...] = ()
    cancel_deadlines: tuple[D, ...] = ()
    cancel_all_deadlines: bool = False
    move_deadlines: tuple[D, ...] = ()  # open deadlines given the input's new due date (an extension)
    reporter_notice: str | None = None  # template key for the reporter (named: content; anonymous: none)
    officer_notices: tuple[tuple[OfficerTarget, str], ...] = field(default_factory=tuple)
    follow_up: FollowUp | None = None  # the sender's follow-up after the step (§10.3); None: unchanged

    @property
    def public_status_changed(self) -> bool:
        return PUBLIC_STATUS[self.source] is not PUBLIC_STATUS[self.target]


#: An appeal's own answer deadline, from receipt (rules.md §10.1 "D12–D14 as they apply"): against a 监察 measure
#: the 申诉 is decided within one month (D14, JC-69 [C]); any other decision is reviewed like a 复查 request,
#: answered within 30 days (D12, XF-35 [C]; applying it to party and government sanctions is the office's reading
#: [U], as rules.md §9 finds no national deadline for 党员申诉).
def appeal_deadline(appealed: AppealedDecision | None) -> D:
    return D.SUPERVISION_APPEAL if appealed is AppealedDecision.SUPERVISION_MEASURE else D.REVIEW_ANSWER


_ANSWER_DEADLINES = (D.REVIEW_ANSWER, D.SUPERVISION_APPEAL)

#: The result feedback a reporter gets, per report type: an appeal's outcome with its reasons, a suggestion's
#: answer with the reply (§10.1), an accusation's result.
FEEDBACK_NOTICE: dict[ReportType, str] = {
    ReportType.ACCUSATION: "notify.reporter.feedback",
    ReportType.APPEAL: "notify.reporter.appeal_result",
    ReportType.SUGGESTION: "notify.reporter.suggestion_result",
}


def filing_deadlines(snapshot: CaseSnapshot) -> tuple[D, ...]:
    """Deadlines that start on receipt of a new report."""
    kinds: list[D] = [D.TRANSFER_RECEIVED if snapshot.channel is Channel.TRANSFER else D.REGISTER_AND_ROUTE]
    if snapshot.named:
        kinds.append(D.ACCEPTANCE_NOTICE)  # D3: from receipt, not from the decision
    if snapshot.channel is Channel.ASSIGNED_BY_HIGHER:
        kinds.append(D.ASSIGNED_BY_HIGHER)  # D15
    if snapshot.report_type is ReportType.APPEAL:
        kinds.append(appeal_deadline(snapshot.appealed))  # D12 or D14
    return tuple(kinds)


_ROUTING = (D.REGISTER_AND_ROUTE, D.TRANSFER_RECEIVED, D.TRANSFER_UP)
_REFERRED = ((OfficerTarget.UNIT_INTAKE, "notify.officer.false_report_referred"),)


def reopened_deadlines(c: CaseSnapshot) -> tuple[D, ...]:
    """What a case sent back owes again (§10.4): a named reporter the new result within D4 of the reopening (R-28?
    [S]; concluding again keeps it, one open deadline per duty); an appeal its answer deadline (D12/D14), a 交办
    case its report back (D15, §10.3), counted again from the reopening [U]."""
    kinds = [D.RESULT_FEEDBACK] if c.named else []
    if c.report_type is ReportType.APPEAL:
        kinds.append(appeal_deadline(c.appealed))
    if c.channel is Channel.ASSIGNED_BY_HIGHER:
        kinds.append(D.ASSIGNED_BY_HIGHER)
    return tuple(kinds)


def _effects(c: CaseSnapshot, action: A, inp: ActionInput, actor: Actor) -> dict[str, object]:
    """Deadlines and notices per action (rules.md §2 and §4); plain data so tests can read it."""
    named = c.named
    match action:
        case A.ACCEPT:
            return {
                "meet_deadlines": (*_ROUTING, D.ACCEPTANCE_NOTICE),
                "reporter_notice": "notify.reporter.accepted" if named else None,
            }
        case A.NOT_ACCEPT:
            # Telling a named reporter it is not accepted, and where to go — or, when facts were lacking (§3.2
            # item 3), which facts would let it be accepted — is the 受理情况 of D3.
            notice = "notify.reporter.not_accepted_facts" if inp.lacks_facts else "notify.reporter.not_accepted"
            return {"meet_deadlines": (*_ROUTING, D.ACCEPTANCE_NOTICE), "reporter_notice": notice if named else None}
        case A.MARK_DUPLICATE:
            # R-26?: no acceptance notice for a repeat; a named reporter is told which case theirs joined (its
            # result reaches them too: core.services.cases), an anonymous one the coarse status change.
            joined = "notify.reporter.duplicate" if named else None
            return {"meet_deadlines": _ROUTING, "cancel_deadlines": (D.ACCEPTANCE_NOTICE,), "reporter_notice": joined}
        case A.TRANSFER_UP | A.TRANSFER_DOWN:
            # The acceptance notice (D3) moves with the case: it stays open until the receiving commission takes
            # the case in and owes it. A case sent down or out is followed to its result (§10.3 督办).
            down = action is A.TRANSFER_DOWN
            return {
                "meet_deadlines": _ROUTING,
                "open_deadlines": (D.TRANSFER_RESULT,) if down else (),
                "officer_notices": ((OfficerTarget.TARGET_UNIT_INTAKE, "notify.officer.transferred_in"),),
                "follow_up": FollowUp.AWAITING if down else None,  # the sender follows it, also once taken in
            }
        case A.RECEIVE_TRANSFER:
            # The receiver owes D3 now: still open from the first receipt (the earlier date stands, one open
            # deadline per duty), else opened here. A 报结 owed (§10.3) goes with the case too.
            return {"open_deadlines": (D.TRANSFER_RECEIVED, *((D.ACCEPTANCE_NOTICE,) if named else ()))}
        case A.CHASE:  # the receiver's intake: where the case waits, or the unit that took it in
            return {"officer_notices": ((OfficerTarget.TARGET_UNIT_INTAKE, "notify.officer.chased"),)}
        case A.REPORT_RESULT:
            return {"meet_deadlines": REPORT_BACK, "follow_up": FOLLOW_UP_NEXT[action] if _awaiting(c, actor) else None}
        case A.CLOSE_FOLLOW_UP:
            return {"follow_up": FOLLOW_UP_NEXT[action]}
        case A.EXTEND:
            return {"move_deadlines": (D.ASSIGNED_BY_HIGHER,)}
        case A.ASSIGN:
            return {"officer_notices": ((OfficerTarget.ASSIGNEE, "notify.officer.assigned"),)}
        case A.RETURN_TO_INTAKE:
            return {"officer_notices": ((OfficerTarget.UNIT_INTAKE, "notify.officer.returned"),)}
        case A.DISPOSE:  # from parked too: the review is done by resuming (§7)
            letter = (D.LETTER_REPLY,) if inp.method is DisposalMethod.TALK_OR_LETTER else ()
            return {"meet_deadlines": (D.PARK_REVIEW,), "open_deadlines": letter}
        case A.PARK | A.REVIEW_PARKED:
            # §7 "review periodically" [U]: the handler is reminded at the review date (PARK_REVIEW_MONTHS); the
            # named reporter, who gets no result for now, is told it is kept pending (issue 15, item 9).
            return {"meet_deadlines": (D.PARK_REVIEW,), "open_deadlines": (D.PARK_REVIEW,),
                    "reporter_notice": "notify.reporter.parked" if named else None}  # fmt: skip
        case A.CONCLUDE:
            return {
                "meet_deadlines": (D.LETTER_REPLY,),  # D15 ends with the 报结 (REPORT_RESULT, §10.3)
                "open_deadlines": (D.RESULT_FEEDBACK,) if named else (),
                # a suspected 诬告 is referred for handling by the office, never told to the reporter (§10.4)
                "officer_notices": (_REFERRED if suspected_false(inp.closure) else ()) + _tell_follower(c),
            }
        case A.DECIDE_APPEAL | A.ANSWER_SUGGESTION:
            # answered: the appeal's own deadline is met; a named reporter is owed the outcome as feedback (D4)
            return {
                "meet_deadlines": (*_ANSWER_DEADLINES, D.ASSIGNED_BY_HIGHER),
                "open_deadlines": (D.RESULT_FEEDBACK,) if named else (),
                "officer_notices": _tell_follower(c),
            }
        case A.GIVE_FEEDBACK:
            return {"meet_deadlines": (D.RESULT_FEEDBACK,), "reporter_notice": FEEDBACK_NOTICE[c.report_type]}
        case A.OBJECT | A.RATE_DISSATISFIED:
            # Pushed to the unit's leaders, who decide (§10.4). The reporter is answered within D4: an objection
            # is "recorded and explained" (rules.md §4 table, R-28? [S]); a 不满意 the same [U].
            return {"open_deadlines": (D.RESULT_FEEDBACK,) if named else (),
                    "officer_notices": ((OfficerTarget.UNIT_LEADERS, review.CHALLENGES[action]),)}  # fmt: skip
        case A.SEND_BACK:
            # The leader's decision answers the challenge (its D4 met); the reopened case owes its deadlines again.
            return {"meet_deadlines": (D.RESULT_FEEDBACK,), "open_deadlines": reopened_deadlines(c),
                    "reporter_notice": review.SENT_BACK_NOTICE if named else None,
                    "officer_notices": ((OfficerTarget.HANDLER_OR_INTAKE, review.HANDLER_NOTICE),)}  # fmt: skip
        case A.CONFIRM_RESULT:  # the leader's reply is the answer (004 (十一): the result now stands)
            notice = review.CONFIRMED_NOTICE[c.challenge or A.OBJECT]
            return {"meet_deadlines": (D.RESULT_FEEDBACK,), "reporter_notice": notice if named else None}
        case A.ARCHIVE:  # the sender archiving a case never taken in closes its follow-up with it (§10.3)
            reported = actor.following and c.follow_up is FollowUp.REPORTED
            return {"cancel_all_deadlines": True, "follow_up": FollowUp.CLOSED if reported else None}
        case A.ADD_BY_REPORTER:  # issue 15 item 12: whoever holds the case reads the addition
            return {"officer_notices": ((OfficerTarget.HANDLER_OR_INTAKE, "notify.officer.reporter_added"),)}
    return {}


def _tell_follower(c: CaseSnapshot) -> tuple[tuple[OfficerTarget, str], ...]:
    """The receiver concluded a case its sender follows: the sender's intake is told, to record the 报结 (§10.3)."""
    awaited = c.follow_up is FollowUp.AWAITING
    return ((OfficerTarget.FOLLOWER_INTAKE, "notify.officer.transfer_concluded"),) if awaited else ()


def decide(case: CaseSnapshot, action: A, actor: Actor, inp: ActionInput | None = None) -> Decision:
    """Check that ``actor`` may do ``action`` to ``case`` now, and say what follows.

    Raises :class:`IllegalTransition` (wrong state), :class:`NotPermitted` (wrong role) or
    :class:`GuardFailed` (missing fields, closure checklist).
    """
    inp = inp or ActionInput()
    require(case.state, action, actor, channel=case.channel, report_type=case.report_type)
    row = transition_for(case.state, action)
    assert row is not None  # require() refused otherwise
    guard = GUARDS.get(action)
    problems = guard(case, inp, actor) if guard else []
    if problems:
        raise GuardFailed(action.value, problems)
    target = row.target or case.state
    effects = _effects(case, action, inp, actor)
    decision = Decision(action=action, source=case.state, target=target, rule=row.rule, **effects)  # type: ignore[arg-type]
    if decision.reporter_notice is None and decision.public_status_changed:
        return _with_notice(decision, "notify.reporter.status")
    return decision


def _with_notice(decision: Decision, key: str) -> Decision:
    return replace(decision, reporter_notice=key)
