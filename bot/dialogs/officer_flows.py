"""Officer input flows on the same engine as the citizen's: a note, feedback, an approval, a conclusion.

Each flow collects what a workflow transition needs and ends by calling the core service as the officer;
the guards (role, state, closure checklist) are the core's, and a refusal is shown with its reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.dialogs import validators as v
from bot.dialogs.engine import Conversation, Event, Flow, Label, Lines, Outcome, Reply, Step, stay
from bot.dialogs.steps import Choice, Invalid, Text
from core.closure import AllegationFinding, ClosureReport
from core.errors import DomainError, GuardFailed
from core.model import Action, DisposalMethod, Finding, ReferTo

note_text = v.text_between(1, 2000)
NO_FACTS = "no_facts"  # not accepted for want of facts (rules.md §3.2 item 3): the reporter is asked for them


def case_number(raw: str, c: Conversation) -> str:
    value = raw.strip().upper()
    if not re.fullmatch(r"XF-\d{4}-\d{6}", value):
        raise Invalid("invalid.case_number")
    return value


@dataclass
class Perform:
    """The end of every officer flow: the runner sees this step reached and performs the action."""

    id: str

    def prompt(self, c: Conversation) -> Reply:
        return Reply("officer.working", {}, (), self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        return stay("officer.working")


async def finish(c: Conversation, env: Any) -> list[Reply]:
    """Called by the runner when a flow's answers are complete: perform, and report the result."""
    a = c.answers
    number, action = a["number"], Action(a["action"])
    try:
        match action:
            case Action.ADD_NOTE:
                await env.cases.add_note(number, env.actor, a["text"])
            case Action.GIVE_FEEDBACK:
                await env.cases.give_feedback(number, env.actor, a["text"])
            case Action.DISPOSE | Action.PARK | Action.SEND_TO_INVESTIGATION:
                await env.cases.dispose(number, env.actor, DisposalMethod(a["method"]), a.get("text", ""),
                                        approved_by=a.get("approved_by", ""))  # fmt: skip
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
            case Action.RETURN_TO_INTAKE:
                await env.cases.return_to_intake(number, env.actor, a["text"], a.get("approved_by", ""))
            case Action.ASK_REPORTER:
                await env.messaging.ask(number, env.actor, a["text"])
                return [Reply("officer.asked", {"number": number})]
            case _:
                return [Reply("officer.unsupported")]
    except DomainError as exc:
        return [env.refusal(exc)]
    return [Reply("officer.done", {"number": number})]


def closure_from(a: dict[str, Any]) -> ClosureReport:
    return ClosureReport(
        findings=(AllegationFinding(a["allegation"], Finding(a["finding"]),
                                    tuple(x.strip() for x in a.get("evidence_refs", "").split("；") if x.strip())),),
        violation=a["violation"], action_taken=a["action_taken"],
        collective_discussion=a.get("collective") == "yes", leader_signoff=a.get("leader", ""),
        feedback_text=a.get("feedback", ""), summary=a.get("summary", a["action_taken"]),
    )  # fmt: skip


#: Answers key: the closure steps still to ask after the checklist refused a conclusion (the rest are kept).
REDO = "_redo"
_CLOSURE_STEPS = {"closure.facts_clear": ("allegation",), "closure.evidence_sufficient": ("evidence_refs",),
                  "closure.characterisation": ("violation",), "closure.action_appropriate": ("action_taken",),
                  "closure.feedback_ready": ("feedback",)}  # fmt: skip
_ORDER = ("allegation", "finding", "evidence_refs", "violation", "action_taken", "collective", "leader", "feedback")


def missing_steps(problems: list[str], a: dict[str, Any]) -> list[str]:
    """The questions whose answers the checklist (core.closure, rules.md §7.1) found missing, in the flow's order."""
    steps = {s for p in problems for s in _CLOSURE_STEPS.get(p, ())}
    if "closure.procedure_complete" in problems:  # collective discussion and the leader's sign-off
        steps |= {s for s, ok in (("collective", a.get("collective") == "yes"), ("leader", a.get("leader"))) if not ok}
    return [s for s in _ORDER if s in steps]


def _next(default: Any) -> Any:
    """A closure step's next step: the flow's own, or while re-asking after a refusal the next missing one."""

    def nxt(c: Conversation, *value: str) -> str:
        redo = c.answers.get(REDO)
        if redo is None:
            return default(c, *value) if callable(default) else str(default)
        c.answers[REDO] = rest = [s for s in redo if s != c.step]
        return rest[0] if rest else "done"

    return nxt


def _after_leader(c: Conversation) -> str:
    return "feedback" if c.answers.get("named") else "done"


def _prepared(c: Conversation) -> dict[str, Any]:
    return {"number": c.answers.get("number", ""), "text": c.answers.get("text", "")}


def _findings() -> list[tuple[str, str]]:
    return [(f.value, f"enum.Finding.{f.value}") for f in Finding]


def _chosen_unit(c: Conversation, index: str) -> str:
    c.answers["unit"] = c.answers["_units"][int(index)]
    return "text"


def officer_flows() -> list[Flow]:
    done = Perform("done")
    note: list[Step] = [Text("text", "officer.ask_note", "text", note_text, "done"), done]
    feedback: list[Step] = [Text("text", "officer.ask_feedback", "text", note_text, "done"), done]
    approval: list[Step] = [Text("approved_by", "officer.ask_approval", "approved_by", v.reporter_name, "done"),
                            done]  # fmt: skip
    conclude: list[Step] = [
        Text("allegation", "officer.ask_allegation", "allegation", note_text, _next("finding")),
        Choice("finding", "officer.ask_finding", _findings(), "finding", _next("evidence_refs"), columns=2),
        Text("evidence_refs", "officer.ask_evidence_refs", "evidence_refs", note_text, _next("violation"),
             skippable=True),
        Text("violation", "officer.ask_violation", "violation", note_text, _next("action_taken")),
        Text("action_taken", "officer.ask_action_taken", "action_taken", note_text, _next("collective")),
        Choice("collective", "officer.ask_collective", [("yes", "button.yes"), ("no", "button.no")], "collective",
               _next("leader")),
        Text("leader", "officer.ask_leader", "leader", v.reporter_name, _next(_after_leader)),
        Text("feedback", "officer.ask_feedback_text", "feedback", note_text, _next("done")),
        done,
    ]  # fmt: skip
    # the result text written at closure is offered as it is, or to edit, not asked again (item 15)
    prepared: list[Step] = [
        Choice("prepared", "officer.feedback_prepared", [("send", "button.send_as_is"), ("edit", "button.edit")],
               None, lambda c, value: "done" if value == "send" else "text", params=_prepared),
        Text("text", "officer.ask_feedback", "text", note_text, "done"),
        done,
    ]  # fmt: skip
    ask: list[Step] = [Text("text", "officer.ask_question", "text", note_text, "done"), done]
    refer: list[Step] = [
        Choice(
            "refer_to",
            "officer.ask_refer_to",
            [
                (NO_FACTS, "officer.ground.no_facts"),
                *((r.value, f"enum.ReferTo.{r.value}") for r in ReferTo),
                ("none", "enum.ReferTo.none"),
            ],
            "refer_to",
            "text",
        ),
        Text("text", "officer.ask_refer_reason", "text", note_text, "done"),
        done,
    ]
    duplicate: list[Step] = [
        Text("duplicate_of", "officer.ask_duplicate_of", "duplicate_of", case_number, "done"),
        done,
    ]
    transfer: list[Step] = [
        Choice(  # values are indexes: a unit code may be any text, and button data are ids (bot/callbacks.py)
            "unit",
            "officer.ask_unit",
            lambda c: [(str(i), u) for i, u in enumerate(c.answers.get("_units", []))],
            None,
            _chosen_unit,
            literal=True,
        ),
        Text("text", "officer.ask_transfer_note", "text", note_text, "done", skippable=True),
        done,
    ]
    back: list[Step] = [
        Text(
            "text",
            "officer.ask_return_reason",
            "text",
            note_text,
            lambda c: "done" if c.answers.get("leader") else "approved_by",
        ),
        Text("approved_by", "officer.ask_approval", "approved_by", v.reporter_name, "done"),
        done,
    ]
    return [Flow.of("o_note", note), Flow.of("o_feedback", feedback), Flow.of("o_feedback_prepared", prepared),
            Flow.of("o_approval", approval),
            Flow.of("o_conclude", conclude), Flow.of("o_ask", ask), Flow.of("o_refer", refer),
            Flow.of("o_duplicate", duplicate), Flow.of("o_transfer", transfer), Flow.of("o_return", back)]  # fmt: skip


#: Which flow collects the input an action needs; actions not listed need none.
FLOW_FOR = {Action.ADD_NOTE: "o_note", Action.GIVE_FEEDBACK: "o_feedback", Action.CONCLUDE: "o_conclude",
            Action.ASK_REPORTER: "o_ask", Action.NOT_ACCEPT: "o_refer", Action.MARK_DUPLICATE: "o_duplicate",
            Action.TRANSFER_UP: "o_transfer", Action.TRANSFER_DOWN: "o_transfer",
            Action.RETURN_TO_INTAKE: "o_return"}  # fmt: skip
