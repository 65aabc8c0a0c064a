"""Following up a report: named reporters see their cases at once; anonymous ones give code and password.

Both are credentials: every message typed in this dialog is deleted from the chat. A wrong code and a wrong
password look the same, and the password is asked for again (the code may be typed again with a button) until
the lock-out of core.services.lockout stops it; a lock in force is told as soon as it applies — at /status for
the chat, right after the code for the code — not after both were typed again (issue 12).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bot.callbacks import AddToCase, AnswerQuestion
from bot.dialogs import validators as v
from bot.dialogs.addition import GRANTS
from bot.dialogs.engine import (
    END,
    Button,
    Conversation,
    Event,
    EventKind,
    Flow,
    Label,
    Lines,
    Outcome,
    Reply,
    Target,
    go,
    stay,
)
from bot.dialogs.env import CitizenEnv
from bot.dialogs.ids import FlowName, Status
from bot.dialogs.scope_steps import referral_details
from bot.dialogs.steps import Invalid
from core.services.queries import LockedOut
from core.services.views import PublicStatusView

RECODE = "recode"
STATUS_GRACE = "secret_grace"  # memo: a lock-out was just told; what looks like a code or password next is deleted
CANCEL_KEY = "cancel.status"


def status_replies(view: PublicStatusView) -> list[Reply]:
    """The card, then each question of an officer still unanswered, with its Reply button (the reporter is known
    here: their own chat for a named report, code and password for an anonymous one)."""
    history = tuple(Label("status.history_item", {"day": h.day.isoformat(), "status": Label(f"public.{h.status}")})
                    for h in view.history)  # fmt: skip
    params: dict[str, Any] = {
        "number": view.number, "status": Label(f"public.{view.status}"),
        "received": view.received_on.isoformat(), "history": Lines(history),
    }  # fmt: skip
    # an appeal's or a suggestion's result is its outcome with the reasons or the reply (rules.md §10.1)
    feedback: str | Label | None = view.feedback
    if view.feedback and view.outcome:
        feedback = Label("status.outcome_feedback", {"outcome": Label(view.outcome), "text": view.feedback})
    if feedback and view.satisfaction:  # the reporter sees the rating they gave
        rating = Label(f"enum.Satisfaction.{view.satisfaction}")
        card = Reply("status.card_feedback_rated", {**params, "feedback": feedback, "rating": rating})
    elif feedback:
        card = Reply("status.card_feedback", {**params, "feedback": feedback})
    else:
        card = Reply("status.card", params)
    if view.can_add:  # 补充反映 (issue 15, item 12)
        card = replace(card, buttons=((Button("button.add_to_case", AddToCase(view.number)),),))
    questions = [Reply("status.question", {"number": view.number, "day": q.day.isoformat(), "question": q.text},
                       ((Button("button.reply", AnswerQuestion(view.number, q.id)),),))
                 for q in view.questions]  # fmt: skip
    return [card, *_referral(view), *questions]


def _referral(view: PublicStatusView) -> list[Reply]:
    """Not accepted: the body to approach and how, as the named reporter's notice says (rules.md §3.3); anonymous
    reporters learn it only here (issue 15, item 6)."""
    if view.referral is None:
        return []
    if not view.referral:  # no single body named: another body's matter, or facts were lacking (§3.2 item 3)
        return [Reply("status.referral_general", {"number": view.number, "list": Label("scope.refer_list")})]
    reason = f"scope.reason.refer.{view.referral}"
    return [Reply("status.referral", {"number": view.number, "details": referral_details(view.referral, reason)})]


def locked_reply(minutes: int) -> Reply:
    return Reply("status.locked", {"minutes": minutes}, delete_input=True)


def locked(c: Conversation, minutes: int) -> Outcome:
    """The dialog ends; the citizen may well type the password once more out of habit: that is deleted too."""
    c.memo[STATUS_GRACE] = True
    return go(END, locked_reply(minutes))


@dataclass(kw_only=True)
class CodeStep:
    """The query code: checked for its shape, then for a lock on it before the password is asked for."""

    id: str = Status.CODE

    def exits(self) -> frozenset[Target]:
        return frozenset({Status.PASSWORD, END})

    def prompt(self, c: Conversation) -> Reply:
        return Reply("status.ask_code", {}, (), self.id)

    async def answer(self, c: Conversation, e: Event, env: CitizenEnv) -> Outcome:
        if e.kind is not EventKind.TEXT:
            return stay("dialog.text_expected")
        try:
            code = v.query_code(e.text, c)
        except Invalid as exc:
            return Outcome(replies=(Reply(exc.key, exc.params, delete_input=True),))
        minutes = await env.lock_minutes(code)
        if minutes is not None:
            return locked(c, minutes)
        c.answers["code"] = code
        return go(Status.PASSWORD, Reply("dialog.noted_secret", delete_input=True))


@dataclass(kw_only=True)
class PasswordStep:
    """The password is deleted from the chat at once; a wrong one is asked for again."""

    id: str = Status.PASSWORD

    def exits(self) -> frozenset[Target]:
        return frozenset({Status.CODE, END})

    def prompt(self, c: Conversation) -> Reply:
        return Reply("status.ask_password", {}, ((Button("button.recode", RECODE),),), self.id)

    async def answer(self, c: Conversation, e: Event, env: CitizenEnv) -> Outcome:
        if e.kind is EventKind.CHOICE and e.value == RECODE:
            return go(Status.CODE)
        if e.kind is not EventKind.TEXT:
            return stay("dialog.text_expected")
        try:
            views = await env.status_by_code(c.answers.get("code", ""), e.text)
        except LockedOut as exc:
            return locked(c, exc.minutes)
        if views is None:
            minutes = await env.lock_minutes(c.answers.get("code", ""))
            if minutes is not None:  # that was the last try: said now, not after another password
                return locked(c, minutes)
            return Outcome(replies=(Reply("status.not_found", delete_input=True),))
        if views.grant:  # the proof of code and password for 补充反映, kept in this chat's (encrypted) dialog only
            c.memo.setdefault(GRANTS, {})[views.number] = views.grant
        return go(END, Reply("dialog.noted_secret", delete_input=True), *status_replies(views))


def build_status_flow() -> Flow[CitizenEnv]:
    return Flow.of(FlowName.STATUS, [CodeStep(), PasswordStep()], cancel_key=CANCEL_KEY)
