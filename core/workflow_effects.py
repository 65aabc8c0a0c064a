"""What a step changes besides the state: deadlines opened, met, moved or cancelled, and who is told.

:func:`core.workflow.decide` returns a :class:`Decision` built from :func:`effects` (rules.md §2 deadlines, §4
feedback duties, §10 the paths of each report type); the service layer applies it in one transaction. Plain data,
so tests read it without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from core import review
from core.actor import Actor
from core.calendar.deadlines import REPORT_BACK
from core.calendar.deadlines import DeadlineKind as D
from core.closure import suspected_false
from core.model import Action as A
from core.model import AppealedDecision, Channel, DisposalMethod, FollowUp, ReportType
from core.model import CaseState as S
from core.workflow_guards import ActionInput, CaseSnapshot, awaiting

#: Where the sender's follow-up goes after its steps (rules.md §10.3; offered: ``core.workflow.FOLLOW_UP_STEPS``).
FOLLOW_UP_NEXT: dict[A, FollowUp] = {A.REPORT_RESULT: FollowUp.REPORTED, A.CLOSE_FOLLOW_UP: FollowUp.CLOSED}


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
    RECEIVER_HANDLER = "receiver_handler"  # the handler the receiving unit assigned a case sent to it (§10.3)


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
#: A case accepted, returned to intake (R-17 ¶1) and then not accepted, joined to another or sent away is not
#: handled here: its disposal is owed by nobody here (issue 20).
_NOT_HANDLED_HERE = (D.DISPOSAL_PROPOSAL,)
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


def effects(c: CaseSnapshot, action: A, inp: ActionInput, actor: Actor) -> dict[str, object]:
    """Deadlines and notices per action (rules.md §2 and §4); plain data so tests can read it."""
    named = c.named
    match action:
        case A.ACCEPT:
            # accepted, it must be handled: intake assigns it, the handler proposes its disposal [U] (issue 20)
            return {
                "meet_deadlines": (*_ROUTING, D.ACCEPTANCE_NOTICE),
                "open_deadlines": (D.DISPOSAL_PROPOSAL,),
                "reporter_notice": "notify.reporter.accepted" if named else None,
            }
        case A.NOT_ACCEPT:
            # Telling a named reporter it is not accepted, and where to go — or, when facts were lacking (§3.2
            # item 3), which facts would let it be accepted — is the 受理情况 of D3.
            notice = "notify.reporter.not_accepted_facts" if inp.lacks_facts else "notify.reporter.not_accepted"
            return {"meet_deadlines": (*_ROUTING, D.ACCEPTANCE_NOTICE), "cancel_deadlines": _NOT_HANDLED_HERE,
                    "reporter_notice": notice if named else None}  # fmt: skip
        case A.MARK_DUPLICATE:
            # R-26?: no acceptance notice for a repeat; a named reporter is told which case theirs joined (its
            # result reaches them too: core.services.cases), an anonymous one the coarse status change.
            joined = "notify.reporter.duplicate" if named else None
            return {"meet_deadlines": _ROUTING, "cancel_deadlines": (D.ACCEPTANCE_NOTICE, *_NOT_HANDLED_HERE),
                    "reporter_notice": joined}  # fmt: skip
        case A.TRANSFER_UP | A.TRANSFER_DOWN:
            # The acceptance notice (D3) moves with the case: it stays open until the receiving commission takes
            # the case in and owes it. A case sent down or out is followed to its result (§10.3 督办).
            down = action is A.TRANSFER_DOWN
            return {
                "meet_deadlines": _ROUTING,
                "cancel_deadlines": _NOT_HANDLED_HERE,  # the receiver owes it when it accepts the case
                "open_deadlines": (D.TRANSFER_RESULT,) if down else (),
                "officer_notices": ((OfficerTarget.TARGET_UNIT_INTAKE, "notify.officer.transferred_in"),),
                "follow_up": FollowUp.AWAITING if down else None,  # the sender follows it, also once taken in
            }
        case A.RECEIVE_TRANSFER:
            # The receiver owes D3 now: still open from the first receipt (the earlier date stands, one open
            # deadline per duty), else opened here. A 报结 owed (§10.3) goes with the case too.
            return {"open_deadlines": (D.TRANSFER_RECEIVED, *((D.ACCEPTANCE_NOTICE,) if named else ()))}
        case A.CHASE:  # the receiver's intake: where the case waits, or the unit that took it in
            return {
                "officer_notices": (
                    (OfficerTarget.TARGET_UNIT_INTAKE, "notify.officer.chased"),
                    (OfficerTarget.RECEIVER_HANDLER, "notify.officer.chased"),
                )
            }  # and its handler
        case A.REPORT_RESULT:
            return {"meet_deadlines": REPORT_BACK, "follow_up": FOLLOW_UP_NEXT[action] if awaiting(c, actor) else None}
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
            return {"meet_deadlines": (D.PARK_REVIEW, D.DISPOSAL_PROPOSAL), "open_deadlines": letter}
        case A.PARK | A.REVIEW_PARKED:
            # §7 "review periodically" [U]: the handler is reminded at the review date (PARK_REVIEW_MONTHS); the
            # named reporter, who gets no result for now, is told it is kept pending (issue 15, item 9).
            return {"meet_deadlines": (D.PARK_REVIEW, D.DISPOSAL_PROPOSAL), "open_deadlines": (D.PARK_REVIEW,),
                    "reporter_notice": "notify.reporter.parked" if named else None}  # fmt: skip
        case A.SEND_TO_INVESTIGATION:
            return {"meet_deadlines": (D.DISPOSAL_PROPOSAL,)}
        case A.CONCLUDE:
            return {
                "meet_deadlines": (D.LETTER_REPLY,),  # D15 ends with the 报结 (REPORT_RESULT, §10.3)
                "open_deadlines": (D.RESULT_FEEDBACK,) if c.owes_result else (),
                # a suspected 诬告 is referred for handling by the office, never told to the reporter (§10.4)
                "officer_notices": (_REFERRED if suspected_false(inp.closure) else ()) + _tell_follower(c),
            }
        case A.DECIDE_APPEAL | A.ANSWER_SUGGESTION:
            # answered: the appeal's own deadline is met; a named reporter is owed the outcome as feedback (D4)
            return {
                "meet_deadlines": (*_ANSWER_DEADLINES, D.ASSIGNED_BY_HIGHER, D.DISPOSAL_PROPOSAL),
                "open_deadlines": (D.RESULT_FEEDBACK,) if c.owes_result else (),
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
