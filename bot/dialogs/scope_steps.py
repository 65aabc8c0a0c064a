"""The scope check at the start of filing (rules.md §3; the decision itself is core.scope's).

The citizen says in a sentence what it is about. Accepted: on to the form. Another body's business: where to
go and how, and they may still file. Unclear: who is it about, and is it about how they used their office?
Urgent: at once a safety message and a push to on-duty officers, then the form goes on if they want.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.dialogs.engine import Button, Conversation, Event, EventKind, Label, Outcome, Reply, go, stay
from bot.dialogs.steps import Choice
from core.scope import Verdict, ready_classifier
from core.specificity import meaningful_length

UNSURE = "__unsure"


def safety_reply() -> Reply:
    return Reply("safety.message")


@dataclass
class ScopeStep:
    id: str

    def prompt(self, c: Conversation) -> Reply:
        return Reply("filing.scope_ask", {}, ((Button("button.scope_questions", UNSURE),),), self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        if e.kind is EventKind.CHOICE and e.value == UNSURE:
            return go("scope_who")
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
                return go("type", safety_reply(), Reply("scope.urgent_continue"))
            case Verdict.ACCEPT:
                return go("type", Reply("scope.accepted", {"reason": Label(decision.reason)}))
            case Verdict.REFER:
                c.answers["refer_to"] = decision.refer_to.value if decision.refer_to else ""
                c.answers["refer_reason"] = decision.reason
                return go("scope_refer")
        faq = [Reply(f"faq.{decision.faq}")] if decision.faq else []
        return go("scope_who", *faq)


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
        return "scope_refer"
    return "scope_how" if value == "official" else "type"


def _after_how(c: Conversation, value: str) -> str:
    if value == "dispute":
        c.answers.setdefault("refer_to", "mediation")
        c.answers.setdefault("refer_reason", "scope.reason.refer.mediation")
        return "scope_refer"
    return "type"


def scope_steps() -> list[Any]:
    return [
        ScopeStep("scope"),
        Choice("scope_who", "filing.scope_who", [("official", "button.scope_official"),
                                                 ("private", "button.scope_private"),
                                                 ("unsure", "button.scope_unsure")], "scope_who", _after_who),
        Choice("scope_how", "filing.scope_how", [("office", "button.scope_office"),
                                                 ("dispute", "button.scope_dispute")], "scope_how", _after_how),
        Choice("scope_refer", "filing.scope_refer", [("file", "button.file_anyway"), ("end", "button.end")], None,
               lambda c, val: "type" if val == "file" else "ended", params=_refer_params),
    ]  # fmt: skip
