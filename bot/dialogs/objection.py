"""After filing, the reporter answers the office: an objection to the result (异议, R-28?) with new evidence,
or a reply to an officer's question (anonymous reporters too; the chat is checked in the core)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.dialogs import validators as v
from bot.dialogs.engine import Button, Conversation, Event, EventKind, Flow, Outcome, Reply, stay
from bot.dialogs.filing_steps import EvidenceStep, discard_evidence
from bot.dialogs.steps import Invalid, Text
from core.errors import DomainError
from core.model import EvidenceKind
from core.reports import StagedEvidence

reason = v.text_between(5, 2000)


@dataclass
class ObjectionConfirm:
    id: str

    def prompt(self, c: Conversation) -> Reply:
        buttons = ((Button("button.confirm_submit", "confirm"),), (Button("button.cancel", "cancel"),))
        return Reply("objection.confirm", {"number": c.answers.get("number", "")}, buttons, self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        if e.kind is not EventKind.CHOICE or e.value not in ("confirm", "cancel"):
            return stay("dialog.use_buttons")
        if e.value == "cancel":
            await discard_evidence(c, env)
            return Outcome(replies=(Reply("cancel.objection", {"number": c.answers.get("number", "")}),), done=True)
        files = [StagedEvidence(**{**f, "kind": EvidenceKind(f["kind"])}) for f in c.answers.get("evidence", [])]
        try:
            await env.object(c.answers["number"], c.answers["objection"], files)
        except DomainError:
            return Outcome(replies=(Reply("objection.not_possible"),), done=True)
        return Outcome(replies=(Reply("objection.filed", {"number": c.answers["number"]}),), done=True)


def build_objection_flow() -> Flow:
    return Flow.of("objection", [
        Text("reason", "objection.ask_reason", "objection", reason, "evidence"),
        EvidenceStep("evidence", next_step="confirm"),
        ObjectionConfirm("confirm"),
    ], on_cancel=discard_evidence, cancel_key="cancel.objection")  # fmt: skip


answer_text = v.text_between(1, 2000)


@dataclass
class ReplyStep:
    id: str

    def prompt(self, c: Conversation) -> Reply:
        return Reply("reply.ask", {"number": c.answers.get("number", "")}, (), self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        if e.kind is not EventKind.TEXT:
            return stay("dialog.text_expected")
        try:
            text = answer_text(e.text, c)
        except Invalid as exc:
            return stay(exc.key, **exc.params)
        try:
            await env.answer_question(c.answers["number"], int(c.answers["qid"]), text)
        except DomainError:
            return Outcome(replies=(Reply("reply.not_possible"),), done=True)
        return Outcome(replies=(Reply("reply.sent", {"number": c.answers["number"]}),), done=True)


def build_reply_flow() -> Flow:
    return Flow.of("reply", [ReplyStep("text")], cancel_key="cancel.reply")
