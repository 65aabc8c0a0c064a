"""A small step machine for conversations.

A :class:`Flow` is a set of steps. Each step renders a prompt (a :class:`Reply`: a locale key, parameters and
buttons) and answers events with an :class:`Outcome`: go to a step, stay with a message, or finish. The
conversation (position, answers, history for /back) is plain data, saved by the runner after every event.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from bot.callbacks import Tap


class EventKind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"  # a button was tapped
    MEDIA = "media"
    BACK = "back"
    CANCEL = "cancel"


@dataclass(frozen=True)
class Media:
    """A file the user sent; ``ref`` is the adapter's handle (Telegram file_id, a path in the console)."""

    kind: str  # photo | document | voice | audio | video
    ref: str
    name: str
    mime_type: str
    size: int | None


@dataclass(frozen=True)
class Event:
    kind: EventKind
    text: str = ""
    value: str = ""
    step: str = ""  # the step whose button was tapped (stale buttons are recognised)
    media: Media | None = None


@dataclass(frozen=True)
class Label:
    """A parameter rendered through the catalogue too (e.g. an enum label inside a review)."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Lines:
    """A parameter made of several rendered pieces, one per line."""

    items: tuple[Label | Lines | str, ...]


@dataclass(frozen=True)
class Button:
    label: str  # a locale key, or literal text when ``literal``
    value: str | Tap  # a step's own value (sent back with the step's id), or a button that works anywhere
    literal: bool = False
    params: Mapping[str, Any] = field(default_factory=dict)  # for a label key with placeholders


Buttons = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Reply:
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    buttons: Buttons = ()
    step: str = ""  # buttons carry it back
    delete_input: bool = False  # ask the adapter to delete the user's message (passwords)
    attachment: tuple[str, bytes] | None = None  # a file to send with the text as its caption (name, bytes)


@dataclass
class Conversation:
    """Where a chat is. Stored encrypted between updates (answers may identify the reporter)."""

    locale: str
    flow: str = ""
    step: str = ""
    answers: dict[str, Any] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)  # outlives a flow: last receipt, sent message ids

    def to_dict(self) -> dict[str, Any]:
        return {"locale": self.locale, "flow": self.flow, "step": self.step, "answers": self.answers,
                "history": self.history, "memo": self.memo}  # fmt: skip

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Conversation:
        return cls(data["locale"], data.get("flow", ""), data.get("step", ""), dict(data.get("answers", {})),
                   list(data.get("history", [])), dict(data.get("memo", {})))  # fmt: skip

    def reset(self) -> None:
        self.flow, self.step, self.answers, self.history = "", "", {}, []


@dataclass(frozen=True)
class Outcome:
    """``goto``: next step; ``None`` with ``done`` ends the flow; neither: stay and show the step again."""

    goto: str | None = None
    replies: tuple[Reply, ...] = ()
    done: bool = False
    reprompt: bool = True


def stay(key: str, **params: Any) -> Outcome:
    return Outcome(replies=(Reply(key, params),))


def go(step: str, *replies: Reply) -> Outcome:
    return Outcome(goto=step, replies=replies)


class Step(Protocol):
    id: str

    def prompt(self, c: Conversation) -> Reply: ...

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome: ...


@dataclass
class Flow:
    name: str
    first: str
    steps: dict[str, Step]
    on_cancel: Callable[[Conversation, Any], Awaitable[None]] | None = None
    on_back: Callable[[Conversation, str], None] | None = None  # (conversation, step left): after /back
    cancel_key: str = "dialog.cancelled"  # what /cancel says: what was cancelled, and what was not (issue 12)

    @classmethod
    def of(cls, name: str, steps: Sequence[Step], on_cancel: Any = None, on_back: Any = None,
           cancel_key: str = "dialog.cancelled") -> Flow:  # fmt: skip
        return cls(name, steps[0].id, {s.id: s for s in steps}, on_cancel, on_back, cancel_key)


class Engine:
    """Runs flows: start, feed events, go back, cancel. Knows nothing about chats or frameworks."""

    def __init__(self, flows: Sequence[Flow]) -> None:
        self.flows = {f.name: f for f in flows}

    def start(self, c: Conversation, flow: str, answers: dict[str, Any] | None = None) -> list[Reply]:
        c.reset()
        c.flow, c.step, c.answers = flow, self.flows[flow].first, dict(answers or {})
        return [self.current(c)]

    def current(self, c: Conversation) -> Reply:
        return self.flows[c.flow].steps[c.step].prompt(c)

    async def handle(self, c: Conversation, e: Event, env: Any) -> list[Reply]:
        flow = self.flows[c.flow]
        if e.kind is EventKind.CANCEL:
            if flow.on_cancel:
                await flow.on_cancel(c, env)
            params = {"number": c.answers.get("number", "")}
            c.reset()
            return [Reply(flow.cancel_key, params)]
        if e.kind is EventKind.BACK:
            if not c.history:
                return [Reply("dialog.cannot_go_back"), self.current(c)]
            left, c.step = c.step, c.history.pop()
            if flow.on_back:
                flow.on_back(c, left)
            return [self.current(c)]
        if e.kind is EventKind.CHOICE and e.step != c.step:
            return [Reply("dialog.earlier_button"), self.current(c)]
        outcome = await flow.steps[c.step].answer(c, e, env)
        replies = list(outcome.replies)
        if outcome.done:
            c.reset()
            return replies
        if outcome.goto is not None:
            if outcome.goto != c.step:
                c.history.append(c.step)
            c.step = outcome.goto
            return [*replies, self.current(c)]
        return [*replies, self.current(c)] if outcome.reprompt else replies
