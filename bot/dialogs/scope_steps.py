"""The scope check at the start of filing (rules.md §3; the decision itself is core.scope's).

The citizen says in a sentence what it is about. Accepted: on to the form. Another body's business: where to
go and how, and they may still file. Unclear: who is it about, and is it about how they used their office?
Urgent: at once a safety message and a push to on-duty officers, then the form goes on if they want.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.callbacks import FaqTopic
from bot.dialogs.engine import Button, Conversation, Event, EventKind, Label, Outcome, Reply, Step, Target, go, stay
from bot.dialogs.env import CitizenEnv
from bot.dialogs.ids import Filing
from bot.dialogs.steps import Choice
from core.scope import Verdict, ready_classifier
from core.specificity import meaningful_length

UNSURE = "__unsure"


def safety_reply() -> Reply:
    return Reply("safety.message")


@dataclass(kw_only=True)
class ScopeStep:
    id: str = Filing.SCOPE

    def exits(self) -> frozenset[Target]:
        return frozenset({Filing.SCOPE_WHO, Filing.TYPE, Filing.SCOPE_REFER})

    def prompt(self, c: Conversation) -> Reply:
        return Reply("filing.scope_ask", {}, ((Button("button.scope_questions", UNSURE),),), self.id)

    async def answer(self, c: Conversation, e: Event, env: CitizenEnv) -> Outcome:
        if e.kind is EventKind.CHOICE and e.value == UNSURE:
            return go(Filing.SCOPE_WHO)
        if e.kind is not EventKind.TEXT or meaningful_length(e.text) == 0:
            return stay("dialog.text_expected")
        text = e.text.strip()[:4000]
        decision = (await ready_classifier()).classify(text)
        c.answers["scope_text"] = text
        c.answers.pop("refer_to", None), c.answers.pop("refer_reason", None)  # a new sentence, a new verdict
        match decision.verdict:
            case Verdict.URGENT:
                await env.alert_urgent(text)
                c.answers["urgent"] = True
                return go(Filing.TYPE, safety_reply(), Reply("scope.urgent_continue"))
            case Verdict.ACCEPT:
                return go(Filing.TYPE, Reply("scope.accepted", {"reason": Label(decision.reason)}))
            case Verdict.REFER:
                c.answers["refer_to"] = decision.refer_to.value if decision.refer_to else ""
                c.answers["refer_reason"] = decision.reason
                return go(Filing.SCOPE_REFER)
        # an objection to a past answer (decision.faq == "objection") has no FAQ text; its flow is the bot's own
        faq = [Reply(f"faq.{decision.faq}")] if decision.faq in tuple(FaqTopic) else []
        return go(Filing.SCOPE_WHO, *faq)


def referral_details(refer_to: str, reason: str) -> Label:
    """Where to go, why, and how; the general list when no single body fits."""
    if not refer_to:
        return Label("scope.refer_list")
    params = {"reason": Label(reason), "body": Label(f"enum.ReferTo.{refer_to}"), "how": Label(f"scope.how.{refer_to}")}
    return Label("scope.refer_one", params)


def _refer_params(c: Conversation) -> dict[str, Any]:
    return {"details": referral_details(c.answers.get("refer_to") or "", c.answers.get("refer_reason", ""))}


def _after_who(c: Conversation, value: str) -> str:
    if value == "private":
        c.answers.setdefault("refer_to", "")
        return Filing.SCOPE_REFER
    return Filing.SCOPE_HOW if value == "official" else Filing.TYPE


def _after_how(c: Conversation, value: str) -> str:
    if value == "dispute":
        c.answers.setdefault("refer_to", "mediation")
        c.answers.setdefault("refer_reason", "scope.reason.refer.mediation")
        return Filing.SCOPE_REFER
    return Filing.TYPE


def scope_steps() -> list[Step[CitizenEnv]]:
    return [
        ScopeStep(),
        Choice(id=Filing.SCOPE_WHO, key="filing.scope_who",
               options=[("official", "button.scope_official"), ("private", "button.scope_private"),
                        ("unsure", "button.scope_unsure")],
               store="scope_who", next=_after_who,
               targets=frozenset({Filing.SCOPE_REFER, Filing.SCOPE_HOW, Filing.TYPE})),
        Choice(id=Filing.SCOPE_HOW, key="filing.scope_how",
               options=[("office", "button.scope_office"), ("dispute", "button.scope_dispute")],
               store="scope_how", next=_after_how, targets=frozenset({Filing.SCOPE_REFER, Filing.TYPE})),
        Choice(id=Filing.SCOPE_REFER, key="filing.scope_refer",
               options=[("file", "button.file_anyway"), ("end", "button.end")],
               next=lambda c, val: Filing.TYPE if val == "file" else Filing.ENDED,
               targets=frozenset({Filing.TYPE, Filing.ENDED}), params=_refer_params),
    ]  # fmt: skip
