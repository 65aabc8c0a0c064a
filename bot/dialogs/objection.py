"""After filing, the reporter answers the office: an objection to the result (异议, R-28?) with new evidence, which
a leader decides on (rules.md §10.4), or a reply to an officer's question (anonymous reporters too; the chat is
checked in the core)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.dialogs import validators as v
from bot.dialogs.engine import END, Button, Conversation, Event, EventKind, Flow, Outcome, Reply, Step, Target, go, stay
from bot.dialogs.env import CitizenEnv
from bot.dialogs.filing_steps import EvidenceStep, discard_evidence
from bot.dialogs.ids import Answering, FlowName, Objection
from bot.dialogs.steps import Invalid, Text
from core.errors import DomainError, GuardFailed
from core.model import EvidenceKind
from core.reports import StagedEvidence
from core.review import CONFIRMED

reason = v.text_between(5, 2000)


@dataclass(kw_only=True)
class ObjectionConfirm:
    id: str = Objection.CONFIRM

    def exits(self) -> frozenset[Target]:
        return frozenset({END})

    def prompt(self, c: Conversation) -> Reply:
        buttons = ((Button("button.confirm_submit", "confirm"),), (Button("button.cancel", "cancel"),))
        return Reply("objection.confirm", {"number": c.answers.get("number", "")}, buttons, self.id)

    async def answer(self, c: Conversation, e: Event, env: CitizenEnv) -> Outcome:
        if e.kind is not EventKind.CHOICE or e.value not in ("confirm", "cancel"):
            return stay("dialog.use_buttons")
        if e.value == "cancel":
            await discard_evidence(c, env)
            return go(END, Reply("cancel.objection", {"number": c.answers.get("number", "")}))
        files = [StagedEvidence(**{**f, "kind": EvidenceKind(f["kind"])}) for f in c.answers.get("evidence", [])]
        try:
            await env.object(c.answers["number"], c.answers["objection"], files)
        except GuardFailed as exc:  # a leader confirmed the result meanwhile (004 (十一), core.review)
            key = "objection.final" if CONFIRMED in exc.problems else "objection.not_possible"
            return go(END, Reply(key, {"number": c.answers["number"]}))
        except DomainError:
            return go(END, Reply("objection.not_possible"))
        return go(END, Reply("objection.filed", {"number": c.answers["number"]}))


def build_objection_flow() -> Flow[CitizenEnv]:
    steps: list[Step[CitizenEnv]] = [
        Text(id=Objection.REASON, key="objection.ask_reason", store="objection", validate=reason,
             next=Objection.EVIDENCE),
        EvidenceStep(id=Objection.EVIDENCE, next_step=Objection.CONFIRM),
        ObjectionConfirm(),
    ]  # fmt: skip
    return Flow.of(FlowName.OBJECTION, steps, on_cancel=discard_evidence, cancel_key="cancel.objection")


answer_text = v.text_between(1, 2000)


@dataclass(kw_only=True)
class ReplyStep:
    id: str = Answering.TEXT

    def exits(self) -> frozenset[Target]:
        return frozenset({END})

    def prompt(self, c: Conversation) -> Reply:
        return Reply("reply.ask", {"number": c.answers.get("number", "")}, (), self.id)

    async def answer(self, c: Conversation, e: Event, env: CitizenEnv) -> Outcome:
        if e.kind is not EventKind.TEXT:
            return stay("dialog.text_expected")
        try:
            text = answer_text(e.text, c)
        except Invalid as exc:
            return stay(exc.key, **exc.params)
        try:
            await env.answer_question(c.answers["number"], int(c.answers["qid"]), text)
        except DomainError:
            return go(END, Reply("reply.not_possible"))
        return go(END, Reply("reply.sent", {"number": c.answers["number"]}))


def build_reply_flow() -> Flow[CitizenEnv]:
    return Flow.of(FlowName.REPLY, [ReplyStep()], cancel_key="cancel.reply")
