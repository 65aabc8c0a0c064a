"""Officer input flows on the same engine as the citizen's: a note, feedback, an approval, a conclusion.

Each flow collects what a workflow transition needs and ends by calling the core service as the officer;
the guards (role, state, closure checklist) are the core's, and a refusal is shown with its reasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.dialogs import validators as v
from bot.dialogs.engine import Conversation, Event, Flow, Outcome, Reply, Step, stay
from bot.dialogs.steps import Choice, Text
from core.closure import AllegationFinding, ClosureReport
from core.errors import DomainError
from core.model import Action, DisposalMethod, Finding

note_text = v.text_between(1, 2000)


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
                await env.cases.conclude(number, env.actor, closure_from(a))
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


def _after_collective(c: Conversation, value: str) -> str:
    return "leader"


def _after_leader(c: Conversation) -> str:
    return "feedback" if c.answers.get("named") else "done"


def _findings() -> list[tuple[str, str]]:
    return [(f.value, f"enum.Finding.{f.value}") for f in Finding]


def officer_flows() -> list[Flow]:
    done = Perform("done")
    note: list[Step] = [Text("text", "officer.ask_note", "text", note_text, "done"), done]
    feedback: list[Step] = [Text("text", "officer.ask_feedback", "text", note_text, "done"), done]
    approval: list[Step] = [Text("approved_by", "officer.ask_approval", "approved_by", v.reporter_name, "done"),
                            done]  # fmt: skip
    conclude: list[Step] = [
        Text("allegation", "officer.ask_allegation", "allegation", note_text, "finding"),
        Choice("finding", "officer.ask_finding", _findings(), "finding", "evidence_refs", columns=2),
        Text("evidence_refs", "officer.ask_evidence_refs", "evidence_refs", note_text, "violation", skippable=True),
        Text("violation", "officer.ask_violation", "violation", note_text, "action_taken"),
        Text("action_taken", "officer.ask_action_taken", "action_taken", note_text, "collective"),
        Choice("collective", "officer.ask_collective", [("yes", "button.yes"), ("no", "button.no")], "collective",
               _after_collective),
        Text("leader", "officer.ask_leader", "leader", v.reporter_name, _after_leader),
        Text("feedback", "officer.ask_feedback_text", "feedback", note_text, "done"),
        done,
    ]  # fmt: skip
    ask: list[Step] = [Text("text", "officer.ask_question", "text", note_text, "done"), done]
    return [Flow.of("o_note", note), Flow.of("o_feedback", feedback), Flow.of("o_approval", approval),
            Flow.of("o_conclude", conclude), Flow.of("o_ask", ask)]  # fmt: skip


#: Which flow collects the input an action needs; actions not listed need none.
FLOW_FOR = {Action.ADD_NOTE: "o_note", Action.GIVE_FEEDBACK: "o_feedback", Action.CONCLUDE: "o_conclude",
            Action.ASK_REPORTER: "o_ask"}  # fmt: skip
