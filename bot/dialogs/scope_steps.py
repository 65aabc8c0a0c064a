"""The scope check at the start of filing (rules.md §3; the decision itself is core.scope's).

The citizen says in a sentence what it is about. Accepted: on to the form. Another body's business: where to
go and how, and they may still file. Unclear: who is it about, and is it about how they used their office?
Urgent: at once a safety message and a push to on-duty officers, then the form goes on if they want.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.dialogs import questions as kbq
from bot.dialogs.engine import Button, Conversation, Event, EventKind, Label, Outcome, Reply, Step, Target, go, stay
from bot.dialogs.env import CitizenEnv
from bot.dialogs.ids import Filing
from bot.dialogs.steps import Choice
from core.knowledge.intent import Asks, asks
from core.knowledge.ready import ready_knowledge
from core.scope import Verdict, ready_classifier
from core.specificity import meaningful_length

UNSURE = "__unsure"


def safety_reply() -> Reply:
    return Reply("safety.message")


@dataclass(kw_only=True)
class ScopeStep:
    id: str = Filing.SCOPE

    def exits(self) -> frozenset[Target]:
        return frozenset({Filing.SCOPE_WHO, Filing.TYPE, Filing.SCOPE_REFER, Filing.SCOPE_DANGER})

    def prompt(self, c: Conversation) -> Reply:
        return Reply("filing.scope_ask", {}, ((Button("button.scope_questions", UNSURE),),), self.id)

    async def answer(self, c: Conversation, e: Event, env: CitizenEnv) -> Outcome:
        if e.kind is EventKind.CHOICE and e.value == UNSURE:
            return go(Filing.SCOPE_WHO)
        if e.kind is not EventKind.TEXT or meaningful_length(e.text) == 0:
            return stay("dialog.text_expected")
        return await _decide(c, e.text.strip()[:4000], env)


async def _decide(c: Conversation, text: str, env: CitizenEnv, *, ask: bool = True) -> Outcome:
    """The verdict on the scope sentence; with ``ask``, a possibly urgent one (the learned backstop's) first asks
    whether anyone is in danger (:class:`DangerStep`)."""
    decision = (await ready_classifier()).classify(text)
    c.answers["scope_text"] = text
    c.answers.pop("refer_to", None), c.answers.pop("refer_reason", None)  # a new sentence, a new verdict
    if ask and decision.possibly_urgent:
        return go(Filing.SCOPE_DANGER)
    match decision.verdict:
        case Verdict.URGENT:
            return await _alert(c, text, env, safety_reply())
        case Verdict.ACCEPT:
            return go(Filing.TYPE, Reply("scope.accepted", {"reason": Label(decision.reason)}))
        case Verdict.REFER:
            c.answers["refer_to"] = decision.refer_to.value if decision.refer_to else ""
            c.answers["refer_reason"] = decision.reason
            return go(Filing.SCOPE_REFER)
    shape = asks(text)
    if shape is Asks.CLEARLY:  # only a question ("How long until I hear back?"): answered, and the sentence asked
        kb = await ready_knowledge()  # for again — a question is no description of what happened
        found = kb.ask(text)
        said = kbq.in_sentence(kb, text, decision.faq or "", found)
        if said or found.candidates:
            c.answers.pop("scope_text", None)
            return Outcome(replies=tuple(said or kbq.answer_text(kb, text, found)))
    # a question about the process said in passing ("纪委管村干部吗，他…"): its answer, then the next question
    asked = decision.faq or shape is not Asks.NO
    faq = kbq.in_sentence(await ready_knowledge(), text, decision.faq or "") if asked else []
    return go(Filing.SCOPE_WHO, *faq)


async def _alert(c: Conversation, text: str, env: CitizenEnv, told: Reply) -> Outcome:
    await env.alert_urgent(text)
    c.answers["urgent"] = True
    return go(Filing.TYPE, told, Reply("scope.urgent_continue"))


DANGER_YES, DANGER_NO = "yes", "no"


def danger_buttons(yes: Any, no: Any) -> tuple[tuple[Button, ...], ...]:
    return ((Button("button.danger_yes", yes),), (Button("button.danger_no", no),))


@dataclass(kw_only=True)
class DangerStep:
    """Danger the rules did not name but the learned backstop reads (rules.md §8, XF-25; issue 16): the emergency
    numbers at once, and a question — "yes" alerts the officers on duty as an urgent message does, "no" gives the
    verdict the sentence has without it, and more words are read as a new scope sentence."""

    id: str = Filing.SCOPE_DANGER

    def exits(self) -> frozenset[Target]:
        return frozenset({Filing.SCOPE_WHO, Filing.TYPE, Filing.SCOPE_REFER})

    def prompt(self, c: Conversation) -> Reply:
        return Reply("safety.ask", {}, danger_buttons(DANGER_YES, DANGER_NO), self.id)

    async def answer(self, c: Conversation, e: Event, env: CitizenEnv) -> Outcome:
        text = str(c.answers.get("scope_text", ""))
        if e.kind is EventKind.CHOICE and e.value == DANGER_YES:
            return await _alert(c, text, env, Reply("safety.told"))
        if e.kind is EventKind.CHOICE and e.value == DANGER_NO:
            return await _decide(c, text, env, ask=False)
        if e.kind is EventKind.TEXT and meaningful_length(e.text) > 0:
            said = e.text.strip()
            if says_yes(said):
                return await _alert(c, f"{text}\n{said}"[:4000], env, Reply("safety.told"))
            if says_no(said):
                return await _decide(c, text, env, ask=False)
            return await _decide(c, said[:4000], env)
        return stay("dialog.use_buttons")


#: A typed answer to "is anyone in danger?", alone or followed by more words ("是的 在城东那个工地", "yes, at the
#: bridge"): a phone user often types rather than taps, and says where in the same breath.
_AFTER = r"(?=$|[\s,，。.!！:：;；、])"
_PARTICLES = r"[啊呀啦了吧哦呢]*"
_YES = re.compile(
    r"^\s*(是的?|对的?|有的?|有人|有危险|危险|救命|快来?|帮帮我|yes|yeah|yep|y|help)" + _PARTICLES + _AFTER,
    re.IGNORECASE,
)
_NO = re.compile(r"^\s*(不是的?|不用|不紧急|没有人|没人|没有|没|否|不|no|nope|n)" + _PARTICLES + _AFTER, re.IGNORECASE)


def says_yes(text: str) -> bool:
    """A typed yes to "is anyone in danger?"."""
    return bool(_YES.match(text))


def says_no(text: str) -> bool:
    return bool(_NO.match(text)) and not says_yes(text)


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
        DangerStep(),
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
