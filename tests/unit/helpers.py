"""Builders shared by the unit tests: actors, snapshots, a closure report that passes §7.1, valid inputs."""

from __future__ import annotations

from datetime import date

from core.actor import Actor
from core.closure import AllegationFinding, ClosureReport
from core.model import (
    Action,
    ActorKind,
    AppealOutcome,
    CaseState,
    Channel,
    DisposalMethod,
    Finding,
    FollowUp,
    ReferTo,
    ReportType,
    Role,
    SuggestionOutcome,
)
from core.workflow import ActionInput, CaseSnapshot


def officer(*roles: Role, officer_id: int = 1) -> Actor:
    return Actor(ActorKind.OFFICER, officer_id=officer_id, roles=frozenset(roles), unit_id=1, name="officer")


INTAKE = officer(Role.INTAKE, officer_id=11)
HANDLER = officer(Role.HANDLER, officer_id=12)
SUPERVISOR = officer(Role.SUPERVISOR, officer_id=13)
ADMIN = officer(Role.ADMIN, officer_id=14)
NO_ROLE = officer(officer_id=15)
#: The unit that sent a case down follows it (rules.md §10.3): a relation to the case, no role of its own here.
FOLLOWER = Actor(ActorKind.OFFICER, officer_id=16, unit_id=2, name="sender", following=True)
CITIZEN = Actor.citizen()
SYSTEM = Actor.system()

#: One actor per permission token of the transition table, plus two that match no row at all.
ROSTER: dict[str, Actor] = {
    "intake": INTAKE,
    "handler": HANDLER,
    "supervisor": SUPERVISOR,
    "admin": ADMIN,
    "no_role": NO_ROLE,
    "follower": FOLLOWER,
    "citizen": CITIZEN,
    "system": SYSTEM,
}

#: The actor that holds exactly one permission token.
BY_TOKEN: dict[str, Actor] = {
    k: v for k, v in ROSTER.items() if k in {"intake", "handler", "supervisor", "citizen", "system", "follower"}
}


def snapshot(
    state: CaseState, *, named: bool = True, report_type: ReportType = ReportType.ACCUSATION, **kw: object
) -> CaseSnapshot:
    return CaseSnapshot(state=state, named=named, report_type=report_type, **kw)  # type: ignore[arg-type]


#: The report type whose own path an action is (rules.md §10.1); every other action is tried on an accusation.
OWN_TYPE = {Action.DECIDE_APPEAL: ReportType.APPEAL, Action.ANSWER_SUGGESTION: ReportType.SUGGESTION}


def type_of(action: Action) -> ReportType:
    return OWN_TYPE.get(action, ReportType.ACCUSATION)


def good_closure(**changes: object) -> ClosureReport:
    """A conclusion report that satisfies all five items of rules.md §7.1 (named or anonymous)."""
    fields: dict[str, object] = {
        "findings": (
            AllegationFinding("收受礼金", Finding.PARTLY_TRUE, ("谈话笔录 2026-03-02", "银行流水")),
            AllegationFinding("公车私用", Finding.UNVERIFIABLE),
        ),
        "violation": "《中国共产党纪律处分条例》廉洁纪律",
        "action_taken": "谈话提醒",
        "collective_discussion": True,
        "leader_signoff": "王分管",
        "feedback_text": "经核查，部分属实，已作谈话提醒处理。",
        "summary": "部分属实",
    }
    fields.update(changes)
    return ClosureReport(**fields)  # type: ignore[arg-type]


def valid_input(action: Action) -> ActionInput:
    """The smallest input that passes the guard of ``action`` (for any permitted actor, handler included)."""
    match action:
        case Action.NOT_ACCEPT:
            return ActionInput(note="属于法院管辖的民事纠纷", refer_to=ReferTo.JUDICIAL)
        case Action.MARK_DUPLICATE:
            return ActionInput(duplicate_of="QF-2026-000001")
        case Action.TRANSFER_UP | Action.TRANSFER_DOWN:
            return ActionInput(target_unit_id=7)
        case Action.ASSIGN:
            return ActionInput(handler_id=12)
        case Action.RETURN_TO_INTAKE:
            return ActionInput(note="无实质内容")
        case Action.DISPOSE:
            return ActionInput(method=DisposalMethod.PRELIMINARY_CHECK)
        case Action.PARK:
            return ActionInput(method=DisposalMethod.PARK)
        case Action.SEND_TO_INVESTIGATION:
            return ActionInput(method=DisposalMethod.INVESTIGATE)
        case Action.CONCLUDE:
            return ActionInput(closure=good_closure())
        case Action.GIVE_FEEDBACK:
            return ActionInput(feedback_text="经核查，反映问题部分属实。")
        case Action.DECIDE_APPEAL:
            return ActionInput(note="原处分认定事实有误，予以变更", outcome=AppealOutcome.CHANGED)
        case Action.ANSWER_SUGGESTION:
            return ActionInput(note="建议已采纳", outcome=SuggestionOutcome.ADOPTED)
        case Action.OBJECT | Action.ADD_NOTE | Action.ADD_BY_REPORTER | Action.REVIEW_PARKED:
            return ActionInput(note="我对结果有异议，补充新证据")
        case Action.CHASE:
            return ActionInput(note="请于月底前报结")
        case Action.SEND_BACK:
            return ActionInput(note="请核实补助款是否仍在发放")
        case Action.CONFIRM_RESULT:
            return ActionInput(note="经审核，原办理结果认定事实清楚，予以维持")
        case Action.REPORT_RESULT:
            return ActionInput(note="经核实，反映问题部分属实，已谈话提醒")
        case Action.CLOSE_FOLLOW_UP:
            return ActionInput(note="已报结，归档")
        case Action.EXTEND:
            return ActionInput(note="涉及多个部门，需调取材料", due_on=date(2026, 12, 31))
    return ActionInput()


def passing_context(action: Action) -> dict[str, object]:
    """What else a case must be for ``action`` to pass: a 报结 owed (to the holder of a 交办 case, or awaited by
    the sender following it), a follow-up reported before it is closed, a 交办 case to extend (rules.md §10.3)."""
    if action in (Action.REPORT_RESULT, Action.CHASE):
        return {"report_due": True, "follow_up": FollowUp.AWAITING}
    if action is Action.CLOSE_FOLLOW_UP:
        return {"follow_up": FollowUp.REPORTED}
    if action is Action.EXTEND:
        return {"channel": Channel.ASSIGNED_BY_HIGHER}
    return {}


def passing_snapshot(state: CaseState, action: Action) -> CaseSnapshot:
    """A case on which ``action`` passes its guard: feedback needs a named case, archiving a concluded case an
    anonymous one (a named reporter is owed feedback first)."""
    named = not (action is Action.ARCHIVE and state is CaseState.CONCLUDED)
    return snapshot(state, named=named, report_type=type_of(action), **passing_context(action))
