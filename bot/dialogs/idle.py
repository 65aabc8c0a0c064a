"""A message outside any dialog (rules.md §3, §8; issue 16): more words from someone whose urgent message is open
(they go to the officers), danger, a report (the scope verdict), a question (the knowledge base's answer), or
both; "对你们的处理结果有异议" gets how to object and the chat's cases with a result to object to."""

from __future__ import annotations

from typing import Any, Protocol

from bot import callbacks as cb
from bot.dialogs import questions as kbq
from bot.dialogs.engine import Button, Buttons, Event, EventKind, Label, Reply
from bot.dialogs.scope_steps import danger_buttons, referral_details, safety_reply
from core.knowledge.ready import ready_knowledge
from core.knowledge.search import KnowledgeSearch
from core.model import ReportType
from core.scope import Verdict, ready_classifier
from core.services.views import PublicStatusView
from core.specificity import meaningful_length

_ACCEPT_KEYS: dict[ReportType | None, str] = {
    ReportType.APPEAL: "scope.idle_accept_appeal",
    ReportType.SUGGESTION: "scope.idle_accept_suggestion",
}
DANGER = "danger"  # memo: the message "is anyone in danger now?" was asked about, until it is answered
OBJECTION_INTENT = "objection"  # the scope check's ``faq`` for "对处理结果有异议" (core.scope.classify)


class IdleEnv(Protocol):
    @property
    def chat_id(self) -> int: ...

    @property
    def locale(self) -> str: ...

    async def alert_urgent(self, text: str) -> None: ...

    async def urgent_follow_up(self, text: str) -> int | None: ...

    async def own_cases(self) -> list[PublicStatusView]: ...


def idle_buttons() -> Buttons:
    shortcuts = (("button.start_report", cb.Shortcut.START), ("button.check_status", cb.Shortcut.STATUS),
                 ("button.faq", cb.Shortcut.FAQ))  # fmt: skip
    return tuple((Button(label, cb.RunCommand(command)),) for label, command in shortcuts)


def danger_question() -> Reply:
    """The emergency numbers and "is anyone in danger right now?" with its two buttons, which work anywhere (the
    filing flow's own question is its ``scope_danger`` step)."""
    return Reply("safety.ask", {}, danger_buttons(cb.DangerAnswer(cb.Danger.YES), cb.DangerAnswer(cb.Danger.NO)), "")


async def free_text(event: Event, env: IdleEnv, memo: dict[str, Any], *, ask: bool = True) -> list[Reply]:
    """``memo`` is the conversation's: a possibly urgent message is kept there until "is anyone in danger?" is
    answered (bot.dialogs.runner); with ``ask`` False that question was answered no."""
    buttons = idle_buttons()
    if event.kind is not EventKind.TEXT or meaningful_length(event.text) == 0:
        return [Reply("dialog.idle", {}, buttons, "")]
    if await env.urgent_follow_up(event.text) is not None:
        return [Reply("urgent.follow_up_received")]  # calm: no menu to someone who may be in danger
    decision = (await ready_classifier()).classify(event.text)
    if decision.verdict is Verdict.URGENT:
        await env.alert_urgent(event.text.strip()[:4000])
        return [safety_reply(), Reply("urgent.write_more")]
    if ask and decision.possibly_urgent:  # danger the rules did not name: the numbers at once, then the question
        memo[DANGER] = event.text.strip()[:4000]
        return [danger_question()]
    kb = await ready_knowledge()
    if decision.faq == OBJECTION_INTENT:
        return await _objection(kb, env)
    scope: list[Reply] = []
    if decision.verdict is Verdict.ACCEPT:
        key = _ACCEPT_KEYS.get(decision.kind, "scope.idle_accept")  # an appeal is not a report (rules.md §3.1)
        scope = [Reply(key, {"reason": Label(decision.reason)}, buttons, "")]
    elif decision.verdict is Verdict.REFER:
        details = referral_details(decision.refer_to.value if decision.refer_to else "", decision.reason)
        scope = [Reply("scope.idle_refer", {"details": details}, buttons, "")]
    return kbq.free_text(kb, event.text[:2000], decision, scope, buttons, env.locale)


async def danger_typed(text: str, env: IdleEnv, memo: dict[str, Any]) -> list[Reply]:
    """Text typed where a button is expected, in a dialog: a cry for help is heard there too (rules.md §8) — the
    officers on duty alerted, or the question asked; anything else gets nothing here (the step says "use the
    buttons")."""
    decision = (await ready_classifier()).classify(text)
    if decision.verdict is Verdict.URGENT:
        await env.alert_urgent(text.strip()[:4000])
        return [safety_reply()]
    if decision.possibly_urgent:
        memo[DANGER] = text.strip()[:4000]
        return [danger_question()]
    return []


async def _objection(kb: KnowledgeSearch, env: IdleEnv) -> list[Reply]:
    """The chat's own cases whose result was given, each with its 提出异议 button (the tap checks again whether an
    objection is still possible, rules.md §10.4)."""
    how = kbq.entry_replies(kb, "objection_how", env.locale) or []
    views = [v for v in await env.own_cases() if v.feedback]
    if not views:
        return [*how, Reply("kb.objection_no_case")]
    rows = tuple((Button("button.object_case", cb.Objection(v.number), params={"number": v.number}),) for v in views)
    return [*how, Reply("kb.objection_cases", {}, rows, "")]
