"""Reusable step types: a choice among buttons, a text answer with validation, an optional skip.

Built with keywords (``Choice(id=…, key=…, options=…, next=…)``). A ``next`` that is a step id (or :data:`END`)
is its own declaration; a function of the answer must list in ``targets`` every step it may return.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.dialogs.engine import (
    Button,
    Buttons,
    Conversation,
    Event,
    EventKind,
    FlowError,
    Outcome,
    Reply,
    Target,
    go,
    stay,
)

SKIP = "__skip"
Next = Target | Callable[[Conversation], Target]


class Invalid(Exception):
    """Raised by validators: ``key`` is the locale message that tells the user what to fix."""

    def __init__(self, key: str, goto: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.goto = goto  # where to continue instead of asking again (e.g. set the password afresh)
        self.params = params


def resolve(nxt: Next, c: Conversation) -> Target:
    return nxt(c) if callable(nxt) else nxt


def declared(nxt: object, targets: Iterable[Target], where: str) -> frozenset[Target]:
    """The exits of a step whose next is ``nxt``: itself when a target, else ``targets`` (which must be given)."""
    if not callable(nxt):
        return frozenset({nxt, *targets})  # type: ignore[arg-type]
    if not targets:
        raise FlowError(f"step {where!r}: a computed next step needs its possible targets listed")
    return frozenset(targets)


def grid(buttons: Sequence[Button], columns: int) -> Buttons:
    return tuple(tuple(buttons[i : i + columns]) for i in range(0, len(buttons), columns))


@dataclass(kw_only=True)
class Choice:
    """Buttons; the chosen value is stored under ``store`` (when given) and ``next`` decides where to go."""

    id: str
    key: str
    options: Sequence[tuple[str, str]] | Callable[[Conversation], Sequence[tuple[str, str]]]
    next: Target | Callable[[Conversation, str], Target]  # a step id, or a function of the chosen value
    targets: frozenset[Target] = field(default_factory=frozenset)  # where a function ``next`` may go
    store: str | None = None
    columns: int = 1
    literal: bool = False  # labels are shown as they are (region names), not looked up in the catalogue…
    keyed: frozenset[str] = frozenset()  # …except the labels of these values (an "other" button)
    params: Callable[[Conversation], dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        self._exits = declared(self.next, self.targets, self.id)

    def exits(self) -> frozenset[Target]:
        return self._exits

    def _options(self, c: Conversation) -> Sequence[tuple[str, str]]:
        return self.options(c) if callable(self.options) else self.options

    def prompt(self, c: Conversation) -> Reply:
        buttons = [Button(label, value, self.literal and value not in self.keyed) for value, label in self._options(c)]
        return Reply(self.key, self.params(c) if self.params else {}, grid(buttons, self.columns), self.id)

    async def answer(self, c: Conversation, e: Event, env: object) -> Outcome:
        values = {v for v, _ in self._options(c)}
        if e.kind is not EventKind.CHOICE:
            return stay("dialog.use_buttons")
        if e.value not in values:  # a button this question does not show (now): from an older message
            return stay("dialog.earlier_button")
        if self.store:
            c.answers[self.store] = e.value
        return go(self.next(c, e.value) if callable(self.next) else self.next)


@dataclass(kw_only=True)
class Text:
    """A free-text answer, checked by ``validate`` (which may normalise it), optionally skippable."""

    id: str
    key: str
    store: str
    validate: Callable[[str, Conversation], Any]
    next: Next
    targets: frozenset[Target] = field(default_factory=frozenset)  # where a function next or Invalid.goto goes
    skippable: bool = False
    secret: bool = False  # the user's message is deleted and never echoed (passwords)
    params: Callable[[Conversation], dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        self._exits = declared(self.next, self.targets, self.id)

    def exits(self) -> frozenset[Target]:
        return self._exits

    def prompt(self, c: Conversation) -> Reply:
        buttons: Buttons = ((Button("button.skip", SKIP),),) if self.skippable else ()
        return Reply(self.key, self.params(c) if self.params else {}, buttons, self.id)

    async def answer(self, c: Conversation, e: Event, env: object) -> Outcome:
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
        return go(resolve(self.next, c), *ack)
