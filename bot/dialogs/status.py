"""Following up a report: named reporters see their cases at once; anonymous ones give code and password."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.dialogs import validators as v
from bot.dialogs.engine import Conversation, Event, EventKind, Flow, Label, Lines, Outcome, Reply, stay
from bot.dialogs.steps import Text
from core.services.queries import LockedOut
from core.services.views import PublicStatusView


def status_reply(view: PublicStatusView) -> Reply:
    history = tuple(Label("status.history_item", {"day": h.day.isoformat(), "status": Label(f"public.{h.status}")})
                    for h in view.history)  # fmt: skip
    params: dict[str, Any] = {
        "number": view.number, "status": Label(f"public.{view.status}"),
        "received": view.received_on.isoformat(), "history": Lines(history),
    }  # fmt: skip
    if view.feedback and view.satisfaction:  # the reporter sees the rating they gave
        rating = Label(f"enum.Satisfaction.{view.satisfaction}")
        return Reply("status.card_feedback_rated", {**params, "feedback": view.feedback, "rating": rating})
    if view.feedback:
        return Reply("status.card_feedback", {**params, "feedback": view.feedback})
    return Reply("status.card", params)


@dataclass
class PasswordStep:
    """The password is deleted from the chat at once; a wrong code and a wrong password look the same."""

    id: str

    def prompt(self, c: Conversation) -> Reply:
        return Reply("status.ask_password", {}, (), self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        if e.kind is not EventKind.TEXT:
            return stay("dialog.text_expected")
        try:
            view = await env.status_by_code(c.answers.get("code", ""), e.text)
        except LockedOut as exc:
            return Outcome(replies=(Reply("status.locked", {"minutes": exc.minutes}, delete_input=True),), done=True)
        if view is None:
            return Outcome(replies=(Reply("status.not_found", delete_input=True),), done=True)
        return Outcome(replies=(Reply("dialog.noted_secret", delete_input=True), status_reply(view)), done=True)


def build_status_flow() -> Flow:
    return Flow.of("status", [
        Text("code", "status.ask_code", "code", v.query_code, "password", secret=True),  # a credential too
        PasswordStep("password"),
    ])  # fmt: skip
