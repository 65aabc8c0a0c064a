"""The case lifecycle as an explicit state machine (rules.md §1).

Read the table first: each row says from which states an action is allowed, the state it leads to
(``None``: the state does not change), who may do it, and the rule behind it. The steps a leader decides
follow it (rules.md §10.2), then :func:`permit`, the one answer to "may this actor do this action to this case
now, and does a leader have to approve" that services and dialogs ask (the roles behind it: ``core.permissions``).
Guards (fields, checklist: ``core.workflow_guards``) and effects (deadlines, notifications:
``core.workflow_effects``) are beside it, imported from here. Everything here is pure: the
service layer (``core.services.cases``) loads the case, asks :func:`decide`, and applies the returned
:class:`Decision` in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from core.actor import Actor
from core.errors import GuardFailed, IllegalTransition, NotPermitted
from core.model import Action as A
from core.model import ActorKind, Channel, FollowUp, ReportType
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

# The guards and the effects live beside the table (core.workflow_guards, core.workflow_effects); they are part
# of this module's interface, so callers import the workflow from one place.
from core.workflow_effects import FEEDBACK_NOTICE as FEEDBACK_NOTICE
from core.workflow_effects import FOLLOW_UP_NEXT as FOLLOW_UP_NEXT
from core.workflow_effects import PUBLIC_STATUS as PUBLIC_STATUS
from core.workflow_effects import Decision as Decision
from core.workflow_effects import OfficerTarget as OfficerTarget
from core.workflow_effects import PublicStatus as PublicStatus
from core.workflow_effects import appeal_deadline as appeal_deadline
from core.workflow_effects import effects
from core.workflow_effects import filing_deadlines as filing_deadlines
from core.workflow_effects import reopened_deadlines as reopened_deadlines
from core.workflow_guards import DISPOSE_METHODS as DISPOSE_METHODS
from core.workflow_guards import GUARDS as GUARDS
from core.workflow_guards import ActionInput as ActionInput
from core.workflow_guards import CaseSnapshot as CaseSnapshot
from core.workflow_guards import awaiting

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
    A.CONCLUDE: (Approval.REQUESTED, "§7.1 item 5 领导签批"),  # the conclusion's sign-off is the approval
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
    feedback nobody is owed (D4 is owed to named reporters, the case's or its duplicates') and a 报结 nobody is
    owed (§10.3). Archive stays offered: its refusal says what is owed first."""
    owed = awaiting(c, actor) or (c.report_due and not actor.following)  # as the 报结's guard asks
    futile = {A.GIVE_FEEDBACK: not c.owes_result, A.REPORT_RESULT: not owed}
    actions = allowed_actions(c.state, actor, channel=c.channel, report_type=c.report_type, follow_up=c.follow_up)
    return [a for a in actions if not futile.get(a, False)]


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
    found = effects(case, action, inp, actor)
    decision = Decision(action=action, source=case.state, target=target, rule=row.rule, **found)  # type: ignore[arg-type]
    if decision.reporter_notice is None and decision.public_status_changed:
        return _with_notice(decision, "notify.reporter.status")
    return decision


def _with_notice(decision: Decision, key: str) -> Decision:
    return replace(decision, reporter_notice=key)
