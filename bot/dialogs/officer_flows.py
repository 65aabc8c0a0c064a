"""Officer input flows on the same engine as the citizen's: a note, feedback, a reason, a conclusion.

Each flow collects what a workflow transition needs and completes (a step goes to ``END``); the desk then calls
:func:`finish` with the answers, which calls the core service as the officer. The guards (role, state, closure
checklist) are the core's, and a refusal is shown with its reasons. A step that needs a leader's approval is
not asked for an approver: the core turns it into a request to the unit's leaders (core.services.approvals), and
the officer is told so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from bot.dialogs import validators as v
from bot.dialogs.engine import END, Conversation, Flow, Label, Lines, Reply, Step, Target
from bot.dialogs.env import OfficerEnv
from bot.dialogs.ids import FlowName
from bot.dialogs.ids import Officer as S
from bot.dialogs.steps import Choice, Invalid, Next, Text
from core.closure import CONFIRMING, AllegationFinding, ClosureReport
from core.errors import DomainError, GuardFailed
from core.model import (
    Action,
    AppealOutcome,
    Clearing,
    DisposalMethod,
    Finding,
    ReferTo,
    ReportAssessment,
    SuggestionOutcome,
)

note_text = v.text_between(1, 2000)
NO_FACTS = "no_facts"  # not accepted for want of facts (rules.md §3.2 item 3): the reporter is asked for them


def case_number(raw: str, c: Conversation) -> str:
    value = raw.strip().upper()
    if not re.fullmatch(r"XF-\d{4}-\d{6}", value):
        raise Invalid("invalid.case_number")
    return value


async def finish(a: dict[str, Any], env: OfficerEnv) -> list[Reply]:
    """Called by the desk when a flow completed, with its answers: perform, and report the result. A conclusion
    the checklist refuses leaves under ``REDO`` the steps to ask again (the desk resumes the flow there)."""
    number, action = a["number"], Action(a["action"])
    try:
        match action:
            case Action.ADD_NOTE:
                await env.cases.add_note(number, env.actor, a["text"])
            case Action.GIVE_FEEDBACK:
                await env.cases.give_feedback(number, env.actor, a["text"])
            case Action.DISPOSE | Action.PARK | Action.SEND_TO_INVESTIGATION:
                await env.cases.dispose(number, env.actor, DisposalMethod(a["method"]), a.get("text", ""))
            case Action.CONCLUDE:
                try:
                    await env.cases.conclude(number, env.actor, closure_from(a))
                except GuardFailed as exc:  # the answers stay; only the missing items are asked (issue 12, item 15)
                    a[REDO] = missing_steps(exc.problems, a)
                    if not a[REDO]:
                        raise
                    problems = Lines(tuple(Label(p) for p in exc.problems))
                    return [Reply("officer.closure_missing", {"problems": problems})]
            case Action.NOT_ACCEPT:
                refer = ReferTo(a["refer_to"]) if a.get("refer_to") in ReferTo.__members__.values() else None
                await env.cases.refer(number, env.actor, refer, a["text"], lacks_facts=a.get("refer_to") == NO_FACTS)
            case Action.MARK_DUPLICATE:
                await env.cases.mark_duplicate(number, env.actor, a["duplicate_of"], a.get("text", ""))
            case Action.TRANSFER_UP | Action.TRANSFER_DOWN:
                await env.cases.transfer(number, env.actor, a["unit"], a.get("text", ""))
            case Action.DECIDE_APPEAL:
                await env.cases.decide_appeal(number, env.actor, AppealOutcome(a[S.OUTCOME]), a["text"])
            case Action.ANSWER_SUGGESTION:
                await env.cases.answer_suggestion(number, env.actor, SuggestionOutcome(a[S.OUTCOME]), a["text"])
            case Action.RETURN_TO_INTAKE:
                await env.cases.return_to_intake(number, env.actor, a["text"])
            case Action.CHASE:
                await env.cases.chase(number, env.actor, a["text"])
            case Action.REPORT_RESULT:
                await env.cases.report_result(number, env.actor, a["text"])
            case Action.EXTEND:
                await env.cases.extend(number, env.actor, a["text"], date.fromisoformat(a[S.NEW_DATE]))
            case Action.REVIEW_PARKED:
                await env.cases.review_parked(number, env.actor, a["text"])
            case Action.SEND_BACK:
                await env.cases.send_back(number, env.actor, a["text"])
            case Action.CONFIRM_RESULT:
                await env.cases.confirm_result(number, env.actor, a["text"])
            case Action.ASK_REPORTER:
                await env.messaging.ask(number, env.actor, a["text"])
                return [Reply("officer.asked", {"number": number})]
            case _:
                return [Reply("officer.unsupported")]
    except DomainError as exc:
        return [env.refusal(exc)]
    return [Reply("officer.done", {"number": number})]


def new_date(raw: str, c: Conversation) -> str:
    """A date as YYYY-MM-DD (or with / or .), stored as ISO text: the extension's new due date (§10.3)."""
    try:
        return date.fromisoformat(re.sub(r"[/.]", "-", raw.strip())).isoformat()
    except ValueError:
        raise Invalid("invalid.date") from None


def closure_from(a: dict[str, Any]) -> ClosureReport:
    # 澄清 and 错告/诬告 only when the facts were not confirmed (rules.md §10.4): an earlier answer is dropped
    unconfirmed = not _confirmed(a)
    suspected = unconfirmed and a.get(S.ASSESSMENT) == ReportAssessment.SUSPECTED_FALSE
    return ClosureReport(
        findings=(AllegationFinding(a["allegation"], Finding(a["finding"]),
                                    tuple(x.strip() for x in a.get("evidence_refs", "").split("；") if x.strip())),),
        violation=a["violation"], action_taken=a["action_taken"],
        collective_discussion=a.get("collective") == "yes",  # the leader signs off by approving (§7.1 item 5)
        feedback_text=a.get("feedback", ""), summary=a.get("summary", a["action_taken"]),
        clearing=Clearing(a[S.CLEARING]) if unconfirmed and a.get(S.CLEARING) else None,
        assessment=ReportAssessment(a[S.ASSESSMENT]) if unconfirmed and a.get(S.ASSESSMENT) else None,
        referred_to=a.get(S.REFERRAL, "") if suspected else "",
    )  # fmt: skip


def _confirmed(a: dict[str, Any]) -> bool:
    return a.get(S.FINDING) in CONFIRMING


#: Answers key: the closure steps still to ask after the checklist refused a conclusion (the rest are kept).
REDO = "_redo"
_CLOSURE_STEPS = {"closure.facts_clear": (S.ALLEGATION,), "closure.evidence_sufficient": (S.EVIDENCE_REFS,),
                  "closure.characterisation": (S.VIOLATION,), "closure.action_appropriate": (S.ACTION_TAKEN,),
                  "closure.feedback_ready": (S.FEEDBACK,), "closure.feedback_accuses": (S.FEEDBACK,),
                  "closure.clearing_required": (S.CLEARING,), "closure.assessment_required": (S.ASSESSMENT,),
                  "closure.suspicion_needs_untrue": (S.ASSESSMENT,),
                  "closure.referral_required": (S.REFERRAL,)}  # fmt: skip
_ORDER = (S.ALLEGATION, S.FINDING, S.EVIDENCE_REFS, S.VIOLATION, S.ACTION_TAKEN, S.CLEARING, S.ASSESSMENT,
          S.REFERRAL, S.COLLECTIVE, S.FEEDBACK)  # fmt: skip


def missing_steps(problems: list[str], a: dict[str, Any]) -> list[str]:
    """The questions whose answers the checklist (core.closure, rules.md §7.1) found missing, in the flow's order."""
    steps = {s for p in problems for s in _CLOSURE_STEPS.get(p, ())}
    if "closure.procedure_complete" in problems:  # collective discussion (the sign-off is the leader's approval)
        steps.add(S.COLLECTIVE)
    return [s for s in _ORDER if s in steps]


def _next(default: Target | Callable[[Conversation], Target]) -> Callable[..., Target]:
    """A closure step's next step: the flow's own, or while re-asking after a refusal the next missing one."""

    def nxt(c: Conversation, *value: str) -> Target:
        redo = c.answers.get(REDO)
        if redo is None:
            return default(c) if callable(default) else default
        c.answers[REDO] = rest = [s for s in redo if s != c.step]
        return rest[0] if rest else END

    return nxt


def _redo(*defaults: Target) -> frozenset[Target]:
    """Where a closure step may go: its own next, or any question the checklist may ask again, or the end."""
    return frozenset({*defaults, *_ORDER, END})


def _after_action(c: Conversation) -> Target:
    """Facts not confirmed: whether the person is cleared and what the report was are asked (rules.md §10.4)."""
    return S.COLLECTIVE if _confirmed(c.answers) else S.CLEARING


def _after_assessment(c: Conversation) -> Target:
    return S.REFERRAL if c.answers.get(S.ASSESSMENT) == ReportAssessment.SUSPECTED_FALSE else S.COLLECTIVE


def _assessments(c: Conversation) -> list[tuple[str, str]]:
    """诬告 is fabrication (R-39): suspected only of an allegation found untrue, not of one that was not checkable."""
    offered = [a for a in ReportAssessment
               if a is not ReportAssessment.SUSPECTED_FALSE or c.answers.get(S.FINDING) == Finding.UNTRUE]  # fmt: skip
    return [(a.value, f"enum.ReportAssessment.{a.value}") for a in offered]


def _after_collective(c: Conversation) -> Target:
    return S.FEEDBACK if c.answers.get("named") else END


def _prepared(c: Conversation) -> dict[str, Any]:
    return {"number": c.answers.get("number", ""), "text": c.answers.get("text", "")}


def _findings() -> list[tuple[str, str]]:
    return [(f.value, f"enum.Finding.{f.value}") for f in Finding]


def _chosen_unit(c: Conversation, index: str) -> Target:
    c.answers[S.UNIT] = c.answers["_units"][int(index)]
    return S.TEXT


def _text(key: str, nxt: Next = END, store: str = S.TEXT, **kw: Any) -> Text:
    """A line of text for an officer's flow, stored under ``text`` unless said otherwise."""
    return Text(id=store, key=key, store=store, validate=kw.pop("validate", note_text), next=nxt, **kw)


def officer_flows() -> list[Flow[OfficerEnv]]:
    conclude: list[Step[OfficerEnv]] = [
        _text("officer.ask_allegation", _next(S.FINDING), S.ALLEGATION, targets=_redo(S.FINDING)),
        Choice(id=S.FINDING, key="officer.ask_finding", options=_findings(), store=S.FINDING,
               next=_next(S.EVIDENCE_REFS), targets=_redo(S.EVIDENCE_REFS), columns=2),
        _text("officer.ask_evidence_refs", _next(S.VIOLATION), S.EVIDENCE_REFS, targets=_redo(S.VIOLATION),
              skippable=True),
        _text("officer.ask_violation", _next(S.ACTION_TAKEN), S.VIOLATION, targets=_redo(S.ACTION_TAKEN)),
        _text("officer.ask_action_taken", _next(_after_action), S.ACTION_TAKEN, targets=_redo()),
        Choice(id=S.CLEARING, key="officer.ask_clearing", store=S.CLEARING, next=_next(S.ASSESSMENT),
               options=[(x.value, f"enum.Clearing.{x.value}") for x in Clearing], targets=_redo()),
        Choice(id=S.ASSESSMENT, key="officer.ask_assessment", options=_assessments, store=S.ASSESSMENT,
               next=_next(_after_assessment), targets=_redo()),
        _text("officer.ask_referral", _next(S.COLLECTIVE), S.REFERRAL, targets=_redo()),
        Choice(id=S.COLLECTIVE, key="officer.ask_collective", options=[("yes", "button.yes"), ("no", "button.no")],
               store=S.COLLECTIVE, next=_next(_after_collective), targets=_redo(S.FEEDBACK)),
        _text("officer.ask_feedback_text", _next(END), S.FEEDBACK, targets=_redo()),
    ]  # fmt: skip
    # the result text written at closure is offered as it is, or to edit, not asked again (item 15)
    prepared: list[Step[OfficerEnv]] = [
        Choice(id=S.PREPARED, key="officer.feedback_prepared",
               options=[("send", "button.send_as_is"), ("edit", "button.edit")],
               next=lambda c, value: END if value == "send" else S.TEXT, targets=frozenset({END, S.TEXT}),
               params=_prepared),
        _text("officer.ask_feedback"),
    ]  # fmt: skip
    refer: list[Step[OfficerEnv]] = [
        Choice(id=S.REFER_TO, key="officer.ask_refer_to",
               options=[(NO_FACTS, "officer.ground.no_facts"), *((r.value, f"enum.ReferTo.{r.value}") for r in ReferTo),
                        ("none", "enum.ReferTo.none")],
               store=S.REFER_TO, next=S.TEXT),
        _text("officer.ask_refer_reason"),
    ]  # fmt: skip
    transfer: list[Step[OfficerEnv]] = [
        Choice(  # values are indexes: a unit code may be any text, and button data are ids (bot/callbacks.py)
            id=S.UNIT, key="officer.ask_unit",
            options=lambda c: [(str(i), u) for i, u in  # by name (a conversation saved before: by code)
                               enumerate(c.answers.get("_unit_names") or c.answers.get("_units", []))],
            next=_chosen_unit, targets=frozenset({S.TEXT}), literal=True),
        _text("officer.ask_transfer_note", skippable=True),
    ]  # fmt: skip
    extend: list[Step[OfficerEnv]] = [  # 申请延长 (rules.md §10.3): reason, new date (a leader approves it)
        _text("officer.ask_extension_reason", S.NEW_DATE),
        _text("officer.ask_new_date", END, S.NEW_DATE, validate=new_date),
    ]  # fmt: skip

    def answer(outcomes: type[AppealOutcome] | type[SuggestionOutcome], ask: str) -> list[Step[OfficerEnv]]:
        """An appeal's decision or a suggestion's answer: the outcome, then the reasons or reply (what the reporter
        is told); a leader approves it unless the officer is one (rules.md §10.1, §10.2)."""
        return [
            Choice(id=S.OUTCOME, key=f"officer.ask_{ask}_outcome", store=S.OUTCOME, next=S.TEXT,
                   options=[(o.value, f"enum.{outcomes.__name__}.{o.value}") for o in outcomes]),
            _text(f"officer.ask_{ask}_reasons"),
        ]  # fmt: skip

    return [Flow.of(FlowName.APPEAL_DECISION, answer(AppealOutcome, "appeal")),
            Flow.of(FlowName.SUGGESTION_ANSWER, answer(SuggestionOutcome, "suggestion")),
            Flow.of(FlowName.NOTE, [_text("officer.ask_note")]),
            Flow.of(FlowName.CHASE, [_text("officer.ask_chase")]),
            Flow.of(FlowName.REPORT, [_text("officer.ask_report_result")]), Flow.of(FlowName.EXTEND, extend),
            Flow.of(FlowName.FEEDBACK, [_text("officer.ask_feedback")]),
            Flow.of(FlowName.FEEDBACK_PREPARED, prepared),
            Flow.of(FlowName.CONCLUDE, conclude), Flow.of(FlowName.ASK, [_text("officer.ask_question")]),
            Flow.of(FlowName.REFER, refer),
            Flow.of(FlowName.DUPLICATE, [_text("officer.ask_duplicate_of", store=S.DUPLICATE_OF,
                                               validate=case_number)]),
            Flow.of(FlowName.TRANSFER, transfer),
            Flow.of(FlowName.RETURN, [_text("officer.ask_return_reason")]),
            Flow.of(FlowName.PARK_REVIEW, [_text("officer.ask_park_review")]),
            # a leader's decision on a reporter's 不满意 or 异议 (rules.md §10.4)
            Flow.of(FlowName.SEND_BACK, [_text("officer.ask_send_back")]),
            Flow.of(FlowName.CONFIRM_RESULT, [_text("officer.ask_confirm_reply")])]  # fmt: skip


#: Which flow collects the input an action needs; actions not listed need none.
FLOW_FOR = {Action.ADD_NOTE: FlowName.NOTE, Action.GIVE_FEEDBACK: FlowName.FEEDBACK,
            Action.CONCLUDE: FlowName.CONCLUDE, Action.ASK_REPORTER: FlowName.ASK, Action.NOT_ACCEPT: FlowName.REFER,
            Action.MARK_DUPLICATE: FlowName.DUPLICATE, Action.TRANSFER_UP: FlowName.TRANSFER,
            Action.TRANSFER_DOWN: FlowName.TRANSFER, Action.RETURN_TO_INTAKE: FlowName.RETURN,
            Action.CHASE: FlowName.CHASE, Action.REPORT_RESULT: FlowName.REPORT,
            Action.EXTEND: FlowName.EXTEND,
            Action.DECIDE_APPEAL: FlowName.APPEAL_DECISION,
            Action.ANSWER_SUGGESTION: FlowName.SUGGESTION_ANSWER,
            Action.REVIEW_PARKED: FlowName.PARK_REVIEW,
            Action.SEND_BACK: FlowName.SEND_BACK, Action.CONFIRM_RESULT: FlowName.CONFIRM_RESULT}  # fmt: skip
