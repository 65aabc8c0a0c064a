"""Reusable step types: a choice among buttons, a text answer with validation, an optional skip."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.dialogs.engine import Button, Buttons, Conversation, Event, EventKind, Outcome, Reply, go, stay

SKIP = "__skip"
Next = str | Callable[[Conversation], str]


class Invalid(Exception):
    """Raised by validators: ``key`` is the locale message that tells the user what to fix."""

    def __init__(self, key: str, goto: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.goto = goto  # where to continue instead of asking again (e.g. set the password afresh)
        self.params = params


def resolve(nxt: Next, c: Conversation) -> str:
    return nxt(c) if callable(nxt) else nxt


def grid(buttons: Sequence[Button], columns: int) -> Buttons:
    return tuple(tuple(buttons[i : i + columns]) for i in range(0, len(buttons), columns))


@dataclass
class Choice:
    """Buttons; the chosen value is stored under ``store`` (when given) and ``next`` decides where to go."""

    id: str
    key: str
    options: Sequence[tuple[str, str]] | Callable[[Conversation], Sequence[tuple[str, str]]]
    store: str | None
    next: str | Callable[[Conversation, str], str]  # a step id, or a function of the chosen value
    columns: int = 1
    literal: bool = False  # labels are shown as they are (region names), not looked up in the catalogue…
    keyed: frozenset[str] = frozenset()  # …except the labels of these values (an "other" button)
    params: Callable[[Conversation], dict[str, Any]] | None = None

    def _options(self, c: Conversation) -> Sequence[tuple[str, str]]:
        return self.options(c) if callable(self.options) else self.options

    def prompt(self, c: Conversation) -> Reply:
        buttons = [Button(label, value, self.literal and value not in self.keyed) for value, label in self._options(c)]
        return Reply(self.key, self.params(c) if self.params else {}, grid(buttons, self.columns), self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        values = {v for v, _ in self._options(c)}
        if e.kind is not EventKind.CHOICE:
            return stay("dialog.use_buttons")
        if e.value not in values:  # a button this question does not show (now): from an older message
            return stay("dialog.earlier_button")
        if self.store:
            c.answers[self.store] = e.value
        return go(self.next(c, e.value) if callable(self.next) else self.next)


@dataclass
class Text:
    """A free-text answer, checked by ``validate`` (which may normalise it), optionally skippable."""

    id: str
    key: str
    store: str
    validate: Callable[[str, Conversation], Any]
    next: Next
    skippable: bool = False
    secret: bool = False  # the user's message is deleted and never echoed (passwords)
    params: Callable[[Conversation], dict[str, Any]] | None = None

    def prompt(self, c: Conversation) -> Reply:
        buttons: Buttons = ((Button("button.skip", SKIP),),) if self.skippable else ()
        return Reply(self.key, self.params(c) if self.params else {}, buttons, self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        if e.kind is EventKind.CHOICE and e.value == SKIP and self.skippable:
            c.answers.pop(self.store, None)
            return go(resolve(self.next, c))
        if e.kind is not EventKind.TEXT:
            return stay("dialog.text_expected")
        try:
            value = self.validate(e.text, c)
        except Invalid as exc:
            reply = Reply(exc.key, exc.params, delete_input=self.secret)
            return Outcome(goto=exc.goto, replies=(reply,))
        c.answers[self.store] = value
        ack: tuple[Reply, ...] = (Reply("dialog.noted_secret", delete_input=True),) if self.secret else ()
        return Outcome(goto=resolve(self.next, c), replies=ack)
