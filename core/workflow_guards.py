"""What a step needs before it is taken: the case as the workflow sees it, the officer's input, and the guards.

:func:`core.workflow.decide` asks the guard of an action (``GUARDS``) once the table and :func:`core.workflow.permit`
allow it; a guard returns the locale keys of what is missing or wrong (``GuardFailed``), so a dialog can ask for
exactly that again. Pure: the service layer loads the :class:`CaseSnapshot` (``core.services.case_snapshot``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from core import review
from core.actor import Actor
from core.closure import ClosureReport, accuses_reporter, closure_problems
from core.model import Action as A
from core.model import (
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
from core.reports import StagedEvidence


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
    joined: bool = False  # named reporters' duplicates joined to it are owed its result (R-14, D4; issue 15 item 8)

    @property
    def owes_result(self) -> bool:
        """A reporter is owed the result as feedback (D4): its own, named, or a named one of a duplicate joined."""
        return self.named or self.joined


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


def awaiting(c: CaseSnapshot, actor: Actor) -> bool:
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
        ["guard.closure_report_required"] if i.closure is None else closure_problems(i.closure, named=c.owes_result)
    ),
    A.GIVE_FEEDBACK: lambda c, i, a: (
        _need(c.owes_result, "guard.feedback_named_only")
        + _need(bool(i.feedback_text.strip()), "guard.text_required")
        + _need(not accuses_reporter(i.feedback_text), "guard.feedback_accuses")  # §4.2, core.closure
    ),
    A.DECIDE_APPEAL: _answered(AppealOutcome),
    A.ANSWER_SUGGESTION: _answered(SuggestionOutcome),
    A.OBJECT: review.objection_guard,
    A.RATE_DISSATISFIED: review.challenge_guard,
    A.SEND_BACK: review.send_back_guard,
    A.CONFIRM_RESULT: review.confirm_guard,
    # A named reporter (its own or a duplicate's) is owed feedback before the file closes (D4); a transferred or
    # 交办 case its 报结 (§10.3).
    A.ARCHIVE: lambda c, i, a: (
        _need(not (c.state is S.CONCLUDED and c.owes_result), "guard.feedback_due_first")
        + _need(not c.report_due, "guard.report_back_first")
    ),
    A.CHASE: lambda c, i, a: (
        _need(awaiting(c, a), "guard.no_report_due") + _need(bool(i.note.strip()), "guard.text_required")
    ),
    # the sender records the receiver's result; a 交办 case's holder reports its own (§10.3)
    A.REPORT_RESULT: lambda c, i, a: (
        _need(awaiting(c, a) or (c.report_due and not a.following), "guard.no_report_due")
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
