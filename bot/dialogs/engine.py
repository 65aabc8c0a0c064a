"""A small step machine for conversations.

A :class:`Flow` is a set of steps. Each step renders a prompt (a :class:`Reply`: a locale key, parameters and
buttons) and answers events with an :class:`Outcome`: go to a step, stay with a message, or finish. The
conversation (position, answers, history for /back) is plain data, saved by the runner after every event.

Each step declares where it may go (:meth:`Step.exits`); a :class:`Flow` refuses to be built with a target that
is not one of its steps or a step no path reaches, and the engine refuses a step that goes anywhere it did not
declare — so a renamed or forgotten step fails at import, not in a citizen's chat. Steps are generic in what
they may call (``EnvT``: bot.dialogs.env's protocols), so mypy checks it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any, Generic, Literal, Protocol, TypeVar

from bot.callbacks import Tap

EnvT = TypeVar("EnvT")
EnvT_contra = TypeVar("EnvT_contra", contravariant=True)


class _End(Enum):
    END = "end"


#: The target that completes a flow: its answers become the turn's :class:`Finished` result (not a step id).
END: Literal[_End.END] = _End.END
Target = str | Literal[_End.END]


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
    locale: str | None = None  # rendered in this language, not the chat's (an English answer in a Chinese chat)


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
    photo: tuple[str, bytes] | None = None  # a picture (a chart) shown in the chat, the text as its caption


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


def go(step: Target, *replies: Reply) -> Outcome:
    """On to ``step``, or with :data:`END` the flow is complete."""
    return Outcome(replies=replies, done=True) if step is END else Outcome(goto=step, replies=replies)


@dataclass(frozen=True)
class Finished:
    """A flow completed (a step went to :data:`END` or finished itself): its name and answers, for the caller to
    act on (an officer's input flow performs its action with them)."""

    flow: str
    answers: dict[str, Any]


@dataclass(frozen=True)
class Turn:
    replies: list[Reply]
    finished: Finished | None = None


class Step(Protocol[EnvT_contra]):
    @property
    def id(self) -> str: ...

    def exits(self) -> frozenset[Target]:
        """Every step this one may go to (:data:`END` when it may complete the flow)."""
        ...

    def prompt(self, c: Conversation) -> Reply: ...

    async def answer(self, c: Conversation, e: Event, env: EnvT_contra) -> Outcome: ...


class FlowError(Exception):
    """A flow built with a target that is no step of it, a step nothing reaches, or a step id used twice."""


def check_flow(name: str, steps: Sequence[Step[Any]]) -> None:
    ids = [s.id for s in steps]
    if not ids or len(set(ids)) != len(ids):
        raise FlowError(f"{name}: no steps, or a step id used twice: {ids}")
    known = set(ids)
    exits = {s.id: {t for t in s.exits() if t is not END} for s in steps}
    for sid, targets in exits.items():
        if dangling := sorted(str(t) for t in targets - known):
            raise FlowError(f"{name}: step {sid!r} goes to {dangling}, not steps of this flow")
    seen, todo = {ids[0]}, [ids[0]]
    while todo:
        for t in exits[todo.pop()] - seen:
            seen.add(t)
            todo.append(t)
    if unreachable := [i for i in ids if i not in seen]:
        raise FlowError(f"{name}: no path from {ids[0]!r} reaches {unreachable}")


@dataclass
class Flow(Generic[EnvT]):
    name: str
    first: str
    steps: dict[str, Step[EnvT]]
    on_cancel: Callable[[Conversation, EnvT], Awaitable[None]] | None = None
    on_back: Callable[[Conversation, str], None] | None = None  # (conversation, step left): after /back
    cancel_key: str = "dialog.cancelled"  # what /cancel says: what was cancelled, and what was not (issue 12)

    def __post_init__(self) -> None:
        check_flow(self.name, [self.steps[self.first], *(s for k, s in self.steps.items() if k != self.first)])

    @classmethod
    def of(
        cls,
        name: str,
        steps: Sequence[Step[EnvT]],
        *,
        on_cancel: Callable[[Conversation, EnvT], Awaitable[None]] | None = None,
        on_back: Callable[[Conversation, str], None] | None = None,
        cancel_key: str = "dialog.cancelled",
    ) -> Flow[EnvT]:
        """The first step is where the flow starts; raises :class:`FlowError` for a broken graph."""
        if len({s.id for s in steps}) != len(steps):
            raise FlowError(f"{name}: a step id used twice: {[s.id for s in steps]}")
        return cls(name, steps[0].id, {s.id: s for s in steps}, on_cancel, on_back, cancel_key)


class Engine(Generic[EnvT]):
    """Runs flows: start, feed events, go back, cancel. Knows nothing about chats or frameworks."""

    def __init__(self, flows: Iterable[Flow[EnvT]]) -> None:
        self.flows = {f.name: f for f in flows}

    def start(self, c: Conversation, flow: str, answers: dict[str, Any] | None = None) -> list[Reply]:
        c.reset()
        c.flow, c.step, c.answers = flow, self.flows[flow].first, dict(answers or {})
        return [self.current(c)]

    def current(self, c: Conversation) -> Reply:
        return self.flows[c.flow].steps[c.step].prompt(c)

    async def handle(self, c: Conversation, e: Event, env: EnvT) -> list[Reply]:
        return (await self.turn(c, e, env)).replies

    async def turn(self, c: Conversation, e: Event, env: EnvT) -> Turn:
        """One event: the replies, and the flow's answers when it completed (:class:`Finished`)."""
        flow = self.flows[c.flow]
        if e.kind is EventKind.CANCEL:
            if flow.on_cancel:
                await flow.on_cancel(c, env)
            params = {"number": c.answers.get("number", "")}
            c.reset()
            return Turn([Reply(flow.cancel_key, params)])
        if e.kind is EventKind.BACK:
            if not c.history:
                return Turn([Reply("dialog.cannot_go_back"), self.current(c)])
            left, c.step = c.step, c.history.pop()
            if flow.on_back:
                flow.on_back(c, left)
            return Turn([self.current(c)])
        if e.kind is EventKind.CHOICE and e.step != c.step:
            return Turn([Reply("dialog.earlier_button"), self.current(c)])
        step = flow.steps[c.step]
        outcome = await step.answer(c, e, env)
        replies = list(outcome.replies)
        if outcome.done:
            if END not in step.exits():
                raise FlowError(f"{c.flow}: step {c.step!r} completed the flow, which it does not declare")
            finished = Finished(c.flow, dict(c.answers))
            c.reset()
            return Turn(replies, finished)
        if outcome.goto is not None:
            if outcome.goto != c.step and outcome.goto not in step.exits():
                raise FlowError(f"{c.flow}: step {c.step!r} went to {outcome.goto!r}, which it does not declare")
            if outcome.goto != c.step:
                c.history.append(c.step)
            c.step = outcome.goto
            return Turn([*replies, self.current(c)])
        return Turn([*replies, self.current(c)] if outcome.reprompt else replies)
