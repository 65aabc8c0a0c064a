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

from core.actor import Actor
from core.calendar.deadlines import DeadlineKind as D
from core.closure import ClosureReport, closure_problems
from core.errors import GuardFailed, IllegalTransition, NotPermitted
from core.model import Action as A
from core.model import ActorKind, Channel, DisposalMethod, ReferTo, ReportType
from core.model import CaseState as S
from core.permissions import CITIZEN, HANDLING, INTAKE, OFFICERS, SYSTEM, Approval, Permit, Verdict, is_leader
from core.reports import StagedEvidence

# Who may act (``who``): the grant tokens of core.permissions — officer roles, or "citizen" and "system".

_OPEN = tuple(s for s in S if s is not S.ARCHIVED)
_HANDLING = (S.ASSIGNED, S.DISPOSAL, S.REOPENED)  # parked resumes only through dispose (§1)


@dataclass(frozen=True)
class Transition:
    sources: tuple[S, ...]
    action: A
    target: S | None
    who: frozenset[str]
    rule: str


_TRANSFERRED = (S.TRANSFERRED_UP, S.TRANSFERRED_DOWN)
_RESUMABLE = (S.ASSIGNED, S.PARKED, S.REOPENED)
_DECIDED = (S.DISPOSAL, S.INVESTIGATION)
_CLOSABLE = (S.CONCLUDED, S.FEEDBACK_GIVEN, S.NOT_ACCEPTED, S.DUPLICATE, *_TRANSFERRED)

T = Transition
TRANSITIONS: tuple[Transition, ...] = (
    # from                 action                   to                   who                rule
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
    T(_RESUMABLE,          A.DISPOSE,               S.DISPOSAL,          HANDLING,          "R-17 ¶2"),
    T(_HANDLING,           A.PARK,                  S.PARKED,            HANDLING,          "R-17 ¶2 暂存待查"),
    T(_HANDLING,           A.SEND_TO_INVESTIGATION, S.INVESTIGATION,     HANDLING,          "R-17 ¶2, JC-42"),
    T(_DECIDED,            A.CONCLUDE,              S.CONCLUDED,         HANDLING,          "R-18, §7.1"),
    T((S.CONCLUDED,),      A.GIVE_FEEDBACK,         S.FEEDBACK_GIVEN,    HANDLING | INTAKE, "R-28? D4"),
    T((S.FEEDBACK_GIVEN,), A.OBJECT,                S.REOPENED,          CITIZEN,           "R-28? 异议"),
    T(_CLOSABLE,           A.ARCHIVE,               S.ARCHIVED,          INTAKE | SYSTEM,   "§1 归档"),
    T(_OPEN,               A.ADD_NOTE,              None,                OFFICERS,          "§1 audit"),
    T(_OPEN,               A.FLAG_URGENT,           None,                OFFICERS | SYSTEM, "§8, XF-25"),
)  # fmt: skip
del T

_INDEX: dict[tuple[S, A], Transition] = {(s, t.action): t for t in TRANSITIONS for s in t.sources}


#: Steps the rules give to a leader: taken by another officer, they need the leader's approval (rules.md §10.2:
#: "由分管领导阅批", "经分管领导审核后统一归档"); a leader's own step is its approval (§10.2 [U]). REQUESTED: the
#: officer's step becomes a request pushed to the unit's leaders and is taken only on approval (issue 15,
#: core.services.approvals). NOT_RECORDED steps go ahead: acceptance, and the reporter's objection (a citizen's
#: step; who decides on reopening is issue 15 point 7). Extensions (D11, §10.3) have no step yet. The system (the
#: command line on the server, the scheduler) is no officer and asks nobody.
LEADER_DECIDES: dict[A, tuple[Approval, str]] = {
    A.RETURN_TO_INTAKE: (Approval.REQUESTED, "R-17 ¶1"),
    A.DISPOSE: (Approval.REQUESTED, "R-17 ¶2"),
    A.PARK: (Approval.REQUESTED, "R-17 ¶2"),
    A.SEND_TO_INVESTIGATION: (Approval.REQUESTED, "R-17 ¶2, JC-42"),
    A.ACCEPT: (Approval.NOT_RECORDED, "§10.2 受理"),
    A.NOT_ACCEPT: (Approval.REQUESTED, "§10.2 不予受理"),
    A.TRANSFER_UP: (Approval.REQUESTED, "R-15, §10.2 转出"),
    A.TRANSFER_DOWN: (Approval.REQUESTED, "§10.2 转出"),
    A.OBJECT: (Approval.NOT_RECORDED, "§10.2, §10.4 reopening"),
    A.ARCHIVE: (Approval.REQUESTED, "§10.2 归档"),
}


def transition_for(state: S, action: A) -> Transition | None:
    return _INDEX.get((state, action))


def permit(state: S, action: A, actor: Actor) -> Permit:
    """May ``actor`` do ``action`` to a case in ``state`` now, and does a leader have to approve it?

    The state comes first: in the wrong state even a leader is refused (``error.illegal_transition``).
    """
    row = transition_for(state, action)
    if row is None:
        return Permit(Verdict.REFUSED, IllegalTransition.key)
    if not row.who & actor.grants():
        return Permit(Verdict.REFUSED, NotPermitted.key, row.rule)
    if action in LEADER_DECIDES and actor.kind is not ActorKind.SYSTEM and not is_leader(actor.roles):
        approval, rule = LEADER_DECIDES[action]
        return Permit(Verdict.NEEDS_LEADER, rule=rule, approval=approval)
    return Permit(Verdict.ALLOWED, rule=row.rule)


def require(state: S, action: A, actor: Actor) -> Permit:
    """:func:`permit`, raising its refusal: :class:`IllegalTransition` or :class:`NotPermitted`."""
    answer = permit(state, action, actor)
    if answer.reason == IllegalTransition.key:
        raise IllegalTransition(state.value, action.value)
    if not answer.allowed:
        raise NotPermitted(action.value, actor.label())
    return answer


def allowed_actions(state: S, actor: Actor) -> list[A]:
    """Actions this actor may try in this state, in table order (for buttons on a case card)."""
    return [t.action for t in TRANSITIONS if state in t.sources and permit(state, t.action, actor).allowed]


# ---------------------------------------------------------------------------------------------------------
# Inputs, guards


@dataclass(frozen=True)
class CaseSnapshot:
    """What the workflow needs to know about a case; loaded by the service layer."""

    state: S
    named: bool
    report_type: ReportType
    channel: Channel = Channel.TELEGRAM


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


#: Methods reached through ``dispose``; 暂存待查 and 移送审查调查 have their own actions (rules.md §7).
DISPOSE_METHODS = frozenset({DisposalMethod.TALK_OR_LETTER, DisposalMethod.PRELIMINARY_CHECK, DisposalMethod.CLOSE})

Guard = Callable[[CaseSnapshot, ActionInput, Actor], list[str]]


def _need(ok: bool, key: str) -> list[str]:
    return [] if ok else [key]


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
        _need(c.named, "guard.feedback_named_only") + _need(bool(i.feedback_text.strip()), "guard.text_required")
    ),
    A.OBJECT: lambda c, i, a: _need(bool(i.note.strip()), "guard.text_required"),
    # A named reporter is owed feedback before the file closes (D4).
    A.ARCHIVE: lambda c, i, a: _need(not (c.state is S.CONCLUDED and c.named), "guard.feedback_due_first"),
    A.ADD_NOTE: lambda c, i, a: _need(bool(i.note.strip()), "guard.text_required"),
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
    S.CONCLUDED: PublicStatus.CONCLUDED,
    S.FEEDBACK_GIVEN: PublicStatus.FEEDBACK_GIVEN,
    S.ARCHIVED: PublicStatus.ARCHIVED,
}


class OfficerTarget(StrEnum):
    """Officers a notice goes to; the service layer resolves them to people."""

    ASSIGNEE = "assignee"
    UNIT_INTAKE = "unit_intake"
    TARGET_UNIT_INTAKE = "target_unit_intake"


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
    reporter_notice: str | None = None  # template key for the reporter (named: content; anonymous: none)
    officer_notices: tuple[tuple[OfficerTarget, str], ...] = field(default_factory=tuple)

    @property
    def public_status_changed(self) -> bool:
        return PUBLIC_STATUS[self.source] is not PUBLIC_STATUS[self.target]


def filing_deadlines(snapshot: CaseSnapshot) -> tuple[D, ...]:
    """Deadlines that start on receipt of a new report."""
    kinds: list[D] = [D.TRANSFER_RECEIVED if snapshot.channel is Channel.TRANSFER else D.REGISTER_AND_ROUTE]
    if snapshot.named:
        kinds.append(D.ACCEPTANCE_NOTICE)  # D3: from receipt, not from the decision
    if snapshot.channel is Channel.ASSIGNED_BY_HIGHER:
        kinds.append(D.ASSIGNED_BY_HIGHER)  # D15
    return tuple(kinds)


_ROUTING = (D.REGISTER_AND_ROUTE, D.TRANSFER_RECEIVED, D.TRANSFER_UP)


def _effects(c: CaseSnapshot, action: A, inp: ActionInput) -> dict[str, object]:
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
            # R-26?: no acceptance notice for a repeat; the coarse status change still reaches the reporter.
            return {"meet_deadlines": _ROUTING, "cancel_deadlines": (D.ACCEPTANCE_NOTICE,)}
        case A.TRANSFER_UP | A.TRANSFER_DOWN:
            # The receiving commission owes the acceptance notice.
            return {
                "meet_deadlines": _ROUTING,
                "cancel_deadlines": (D.ACCEPTANCE_NOTICE,),
                "officer_notices": ((OfficerTarget.TARGET_UNIT_INTAKE, "notify.officer.transferred_in"),),
            }
        case A.RECEIVE_TRANSFER:
            return {"open_deadlines": (D.TRANSFER_RECEIVED, *((D.ACCEPTANCE_NOTICE,) if named else ()))}
        case A.ASSIGN:
            return {"officer_notices": ((OfficerTarget.ASSIGNEE, "notify.officer.assigned"),)}
        case A.RETURN_TO_INTAKE:
            return {"officer_notices": ((OfficerTarget.UNIT_INTAKE, "notify.officer.returned"),)}
        case A.DISPOSE if inp.method is DisposalMethod.TALK_OR_LETTER:
            return {"open_deadlines": (D.LETTER_REPLY,)}
        case A.CONCLUDE:
            return {
                "meet_deadlines": (D.LETTER_REPLY, D.ASSIGNED_BY_HIGHER),
                "open_deadlines": (D.RESULT_FEEDBACK,) if named else (),
            }
        case A.GIVE_FEEDBACK:
            return {"meet_deadlines": (D.RESULT_FEEDBACK,), "reporter_notice": "notify.reporter.feedback"}
        case A.OBJECT:
            # The objection is "recorded and explained" within D4 (rules.md §4 table, R-28? [S]): a new result
            # feedback duty from the objection. Concluding again keeps it (one open deadline per duty, the
            # earlier due date stands: core.services.cases).
            return {
                "open_deadlines": (D.RESULT_FEEDBACK,),
                "officer_notices": ((OfficerTarget.ASSIGNEE, "notify.officer.objection"),),
            }
        case A.ARCHIVE:
            return {"cancel_all_deadlines": True}
    return {}


def decide(case: CaseSnapshot, action: A, actor: Actor, inp: ActionInput | None = None) -> Decision:
    """Check that ``actor`` may do ``action`` to ``case`` now, and say what follows.

    Raises :class:`IllegalTransition` (wrong state), :class:`NotPermitted` (wrong role) or
    :class:`GuardFailed` (missing fields, closure checklist).
    """
    inp = inp or ActionInput()
    require(case.state, action, actor)
    row = transition_for(case.state, action)
    assert row is not None  # require() refused otherwise
    guard = GUARDS.get(action)
    problems = guard(case, inp, actor) if guard else []
    if problems:
        raise GuardFailed(action.value, problems)
    target = row.target or case.state
    effects = _effects(case, action, inp)
    decision = Decision(action=action, source=case.state, target=target, rule=row.rule, **effects)  # type: ignore[arg-type]
    if decision.reporter_notice is None and decision.public_status_changed:
        return _with_notice(decision, "notify.reporter.status")
    return decision


def _with_notice(decision: Decision, key: str) -> Decision:
    return replace(decision, reporter_notice=key)
