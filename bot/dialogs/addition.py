"""补充反映: a reporter adds text and files to a case that has no result yet (issue 15, item 12), instead of filing
a new report. Named reporters start it from their own chat's /status; anonymous ones after code and password,
whose grant the status dialog keeps for this. The core checks either, and the workflow the case's state."""

from __future__ import annotations

from dataclasses import dataclass

from bot.dialogs import validators as v
from bot.dialogs.engine import END, Button, Conversation, Event, EventKind, Flow, Outcome, Reply, Step, Target, go, stay
from bot.dialogs.env import CitizenEnv
from bot.dialogs.filing_steps import EvidenceStep, discard_evidence
from bot.dialogs.ids import Addition, FlowName
from bot.dialogs.steps import Text
from core.errors import DomainError
from core.model import EvidenceKind
from core.reports import StagedEvidence

GRANTS = "add_grants"  # memo: case number → grant, for cases whose code and password were given in this chat
addition_text = v.text_between(2, 4000)


@dataclass(kw_only=True)
class AdditionConfirm:
    id: str = Addition.CONFIRM

    def exits(self) -> frozenset[Target]:
        return frozenset({END})

    def prompt(self, c: Conversation) -> Reply:
        files = len(c.answers.get("evidence", []))
        buttons = ((Button("button.confirm_submit", "confirm"),), (Button("button.cancel", "cancel"),))
        return Reply("addition.confirm", {"number": c.answers.get("number", ""), "files": files}, buttons, self.id)

    async def answer(self, c: Conversation, e: Event, env: CitizenEnv) -> Outcome:
        number = c.answers.get("number", "")
        if e.kind is not EventKind.CHOICE or e.value not in ("confirm", "cancel"):
            return stay("dialog.use_buttons")
        if e.value == "cancel":
            await discard_evidence(c, env)
            return go(END, Reply("cancel.addition", {"number": number}))
        files = [StagedEvidence(**{**f, "kind": EvidenceKind(f["kind"])}) for f in c.answers.get("evidence", [])]
        if not files and not c.answers.get("addition"):
            return go(END, Reply("addition.nothing", {"number": number}))
        try:
            await env.add_to_case(number, c.answers.get("addition", ""), files, c.answers.get("grant", ""))
        except DomainError:
            await discard_evidence(c, env)
            return go(END, Reply("addition.not_possible", {"number": number}))
        return go(END, Reply("addition.filed", {"number": number}))


def build_addition_flow() -> Flow[CitizenEnv]:
    steps: list[Step[CitizenEnv]] = [
        Text(id=Addition.TEXT, key="addition.ask_text", store="addition", validate=addition_text,
             next=Addition.EVIDENCE, skippable=True, params=lambda c: {"number": c.answers.get("number", "")}),
        EvidenceStep(id=Addition.EVIDENCE, next_step=Addition.CONFIRM),
        AdditionConfirm(),
    ]  # fmt: skip
    return Flow.of(FlowName.ADDITION, steps, on_cancel=discard_evidence, cancel_key="cancel.addition")
