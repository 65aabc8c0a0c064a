"""What a step writes besides its state: the case row's fields (the handler, the method, the result with its
leader's sign-off, a challenge, the follow-up) and the history note, kept apart from the service that runs the step
(``core.services.cases``)."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core.actor import Actor
from core.closure import ClosureReport
from core.crypto import Vault
from core.model import (
    Action,
    FollowUp,
    ReportAssessment,
    Satisfaction,
)
from core.persistence.orm import CaseRow
from core.services import history
from core.workflow import ActionInput, Decision


def apply_fields(case: CaseRow, d: Decision, inp: ActionInput, enc_json: Any, signoff: str) -> None:
    case.state = d.target.value
    if d.follow_up is not None:
        if d.action is Action.TRANSFER_DOWN and case.follow_up == FollowUp.AWAITING.value:
            pass  # sent on further down: the first sender keeps following it, its 报结 still owed (§10.3)
        else:
            if d.action is Action.TRANSFER_DOWN:
                case.followed_by_id = case.unit_id
            case.follow_up = d.follow_up.value
    match d.action:
        case Action.OBJECT | Action.RATE_DISSATISFIED:  # what the leader reviews (core.review)
            case.challenge = d.action.value
            case.confirmed_at = None  # under review again (an objection after a confirmed 不满意)
            if d.action is Action.RATE_DISSATISFIED:
                case.satisfaction = Satisfaction.DISSATISFIED.value
        case Action.SEND_BACK:  # a new result will come
            case.confirmed_at = None
        case Action.CONFIRM_RESULT:  # 审核认定办结 (004 (十一))
            case.confirmed_at = case.updated_at
        case Action.ASSIGN:
            case.assignee_id = inp.handler_id
        case Action.RETURN_TO_INTAKE:
            case.assignee_id = None
        case Action.DISPOSE | Action.PARK | Action.SEND_TO_INVESTIGATION:
            case.disposal_method = inp.method.value if inp.method else None
        case Action.NOT_ACCEPT:
            case.refer_to = inp.refer_to.value if inp.refer_to else None
        case Action.TRANSFER_UP | Action.TRANSFER_DOWN:
            case.transfer_to_id = inp.target_unit_id
        case Action.RECEIVE_TRANSFER:
            assert case.transfer_to_id is not None
            case.unit_id, case.transfer_to_id, case.assignee_id = case.transfer_to_id, None, None
        case Action.DECIDE_APPEAL | Action.ANSWER_SUGGESTION:
            assert inp.outcome is not None
            # the reasons or the reply are the result text prepared for the reporter (Desk.prepared_feedback)
            case.outcome = inp.outcome.value
            case.result_enc = enc_json({"outcome": inp.outcome.value, "feedback_text": inp.note,
                                        "leader_signoff": signoff})  # fmt: skip
            case.concluded_at = case.updated_at
        case Action.CONCLUDE:
            assert inp.closure is not None
            case.result_enc = enc_json(dataclasses.asdict(dataclasses.replace(inp.closure, leader_signoff=signoff)))
            case.concluded_at = case.updated_at
            # plain, for statistics (rules.md §10.4): cleared persons, 错告 and 诬告 suspicions are counted
            case.clearing = inp.closure.clearing.value if inp.closure.clearing else None
            case.report_assessment = inp.closure.assessment.value if inp.closure.assessment else None
        case Action.FLAG_URGENT:
            case.urgent = True


def record_assessment(s: AsyncSession, vault: Vault, case: CaseRow, actor: Actor, r: ClosureReport,
                       now: datetime) -> None:  # fmt: skip
    """The closure's 澄清 and 错告/诬告 as a step of its own (rules.md §10.4), never public: the note is
    ``<clearing> <assessment>``, then a suspected 诬告's referral (bot.dialogs.card reads it back)."""
    assert r.assessment is not None
    note = f"{r.clearing.value if r.clearing else '-'} {r.assessment.value}"
    if r.assessment is ReportAssessment.SUSPECTED_FALSE:
        note += f" {r.referred_to.strip()}"
    history.record(s, vault, case, actor, Action.ASSESS_REPORT, now, rule="§10.4 澄清, 000 item 7", note=note)


def history_note(action: Action, inp: ActionInput) -> str:
    if action is Action.EXTEND and inp.due_on is not None:  # the new date stays in the history (§10.3)
        return f"{inp.due_on.isoformat()} · {inp.note}"
    if action is Action.DISPOSE and inp.method is not None:  # "<method> <note>": the card names the method
        return f"{inp.method.value} {inp.note}".strip()
    return inp.note or inp.feedback_text
