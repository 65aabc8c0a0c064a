"""What a button does, in one place: every kind of callback data is a small typed value.

Telegram gives back whatever string a button carried (at most 64 bytes), and anyone can send any string. So a
button is built from a frozen dataclass whose ``pack()`` gives the string — checked against the limit when the
button is made, not when Telegram refuses the message — and every tap is read by the one :func:`parse`, which
returns the value or raises :class:`Refused` (forged, truncated, over-long, or from a version long gone). Readers
dispatch on the type (``match``), never on the text. Data are ids, indexes and enum values, never user text
(a Chinese character takes three of the 64 bytes). Framework-free: all runtimes and the dialogs share it.

The wire format is the one buttons always had, so buttons on messages already in chats keep working:
``s:<step>:<value>`` answers the step that showed it (:class:`StepChoice`); ``s::<kind>:…`` (no step) works
whatever the dialog is doing (every other class, its ``FORMAT`` after ``s::``).
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, ClassVar, cast, get_type_hints

from core.knowledge.topics import Topic
from core.model import Action, DisposalMethod, Satisfaction

MAX_BYTES = 64  # Telegram's limit on callback data
PREFIX = "s"
LANGUAGES = ("zh-CN", "en")  # the catalogues we have (bot.i18n.LOCALES; a test keeps the two equal)
_WORD = re.compile(r"[A-Za-z0-9_.-]{1,32}")  # a case number, a code: no separator, no text
_STEP = re.compile(r"[a-z][a-z0-9_]{0,31}")
_VALUE = re.compile(r"[!-~]{1,56}")  # a step's own value: visible ASCII (it may hold ":", e.g. "edit:facts")
_INT = re.compile(r"0|[1-9][0-9]{0,11}")  # one spelling per number: parse(d).pack() == d


class Refused(ValueError):
    """Callback data no button of ours carries (now): forged, cut short, too long, or from an old version."""


class Shortcut(StrEnum):
    """The commands a button may run (a subset of the citizens' commands: bot.dialogs.runner.Command)."""

    START = "start"
    STATUS = "status"
    FAQ = "faq"


class FaqTopic(StrEnum):
    """The six topics of the first FAQ: buttons already in chats still answer (bot.dialogs.questions.LEGACY)."""

    WHAT_SCOPE = "what_scope"
    ANONYMOUS = "anonymous"
    HOW_LONG = "how_long"
    SAFETY = "safety"
    HOW_TO = "how_to"
    PHONE = "phone"


class UrgentInput(StrEnum):
    """The text an officer gives on an urgent message (bot.dialogs.officer_urgent)."""

    REPLY = "ureply"
    NOTE = "unote"
    CLOSE = "uclose"


@dataclass(frozen=True)
class StepChoice:
    """A button of a dialog step: the step that showed it and the value it offered (the step checks the value
    against what it offers now; a step that no longer exists is refused here)."""

    step: str
    value: str

    def __post_init__(self) -> None:
        if not _STEP.fullmatch(self.step) or not _VALUE.fullmatch(self.value):
            raise Refused(f"not a step's button: {self.step[:16]!r} {self.value[:16]!r}")

    def pack(self) -> str:
        return _fits(f"{PREFIX}:{self.step}:{self.value}")


@dataclass(frozen=True)
class Tap:
    """A button that works whatever the dialog is doing; ``FORMAT`` names the fields in ``{}``, and each field is
    an int (≥ 0), a StrEnum, or a short code (``_WORD``): never free text."""

    FORMAT: ClassVar[str]

    def __post_init__(self) -> None:
        for name, kind in _fields(type(self)):
            _check(getattr(self, name), kind)

    def pack(self) -> str:
        parts = [str(getattr(self, p[1:-1])) if p.startswith("{") else p for p in self.FORMAT.split(":")]
        return _fits(f"{PREFIX}::{':'.join(parts)}")


# -- citizens ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RunCommand(Tap):
    FORMAT = "cmd:{command}"
    command: Shortcut


@dataclass(frozen=True)
class ChooseLanguage(Tap):
    FORMAT = "lang:{code}"
    code: str

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.code not in LANGUAGES:
            raise Refused(f"no such language: {self.code[:16]!r}")


@dataclass(frozen=True)
class FaqAnswer(Tap):
    FORMAT = "faq:{topic}"
    topic: FaqTopic


@dataclass(frozen=True)
class FaqSubject(Tap):
    """/faq's menu: the questions of one subject of the knowledge base (core.knowledge.topics)."""

    FORMAT = "faq:t:{topic}"
    topic: Topic


@dataclass(frozen=True)
class FaqEntry(Tap):
    """One question of the knowledge base: its answer (a subject's list, a related question, "您是想问…")."""

    FORMAT = "faq:e:{entry}"
    entry: str  # the entry's id (core/knowledge/entries.toml)


@dataclass(frozen=True)
class KeepAsAnswer(Tap):
    """Under an answer given in the middle of a dialog: what was typed was the step's answer, not a question."""

    FORMAT = "faq:keep"


@dataclass(frozen=True)
class FaqBack(Tap):
    """Under the FAQ menu during a dialog: the current question again."""

    FORMAT = "faq:back"


class Danger(StrEnum):
    YES = "y"
    NO = "n"


@dataclass(frozen=True)
class DangerAnswer(Tap):
    """Under "is anyone in danger now?", asked outside a dialog when only the learned backstop read danger."""

    FORMAT = "u:danger:{answer}"
    answer: Danger


@dataclass(frozen=True)
class UrgentAnswer(Tap):
    """Under an officer's answer to an urgent message: the sender writes back."""

    FORMAT = "u:answer"


@dataclass(frozen=True)
class AnswerQuestion(Tap):
    """Under an officer's question to the reporter."""

    FORMAT = "q:{number}:{question_id}"
    number: str
    question_id: int


@dataclass(frozen=True)
class Rate(Tap):
    FORMAT = "fb:{number}:rate:{rating}"
    number: str
    rating: Satisfaction


@dataclass(frozen=True)
class Objection(Tap):
    FORMAT = "fb:{number}:object"
    number: str


@dataclass(frozen=True)
class AddToCase(Tap):
    """Under a case on the reporter's status view: add text and files to it (补充反映)."""

    FORMAT = "add:{number}"
    number: str


@dataclass(frozen=True)
class Wipe(Tap):
    """Under the receipt: delete the report's messages from the chat."""

    FORMAT = "wipe"


# -- officers ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Inbox(Tap):
    FORMAT = "o:inbox:{page}"
    page: int


@dataclass(frozen=True)
class OpenCase(Tap):
    FORMAT = "o:case:{ref}"
    ref: str  # a case number, or what ``/case`` was given (``2026-33``)


@dataclass(frozen=True)
class ShowIdentity(Tap):
    FORMAT = "o:identity:{number}"
    number: str


@dataclass(frozen=True)
class Act(Tap):
    FORMAT = "o:act:{number}:{action}"
    number: str
    action: Action


@dataclass(frozen=True)
class EvidenceFile(Tap):
    FORMAT = "o:file:{number}:{evidence_id}"
    number: str
    evidence_id: int


@dataclass(frozen=True)
class Assign(Tap):
    FORMAT = "o:assign:{number}:{officer_id}"
    number: str
    officer_id: int


@dataclass(frozen=True)
class ChooseMethod(Tap):
    FORMAT = "o:method:{number}:{method}"
    number: str
    method: DisposalMethod


@dataclass(frozen=True)
class UrgentCard(Tap):
    FORMAT = "o:urgent:{note_id}"
    note_id: int


@dataclass(frozen=True)
class UrgentText(Tap):
    """Starts the officer's text on an urgent message: a reply to the sender, a note, or closing it."""

    FORMAT = "o:{kind}:{note_id}"
    kind: UrgentInput
    note_id: int


@dataclass(frozen=True)
class Approve(Tap):
    """A leader approves a request (core.services.approvals): the step is taken."""

    FORMAT = "o:approve:{request_id}"
    request_id: int


@dataclass(frozen=True)
class Decline(Tap):
    """A leader declines a request: the reason is asked, then told to the requester."""

    FORMAT = "o:decline:{request_id}"
    request_id: int


@dataclass(frozen=True)
class StatsPeriod(Tap):
    """A leader's figures for a period (issue 17): ``2026-11`` (a month) or ``2026Q4`` (a quarter)."""

    FORMAT = "o:stats:{period}"
    period: str


@dataclass(frozen=True)
class LinkCase(Tap):
    """Under a possible repeat on the card (issue 17): link the two cases as the same matter (rules.md §10.4)."""

    FORMAT = "o:link:{number}:{other}"
    number: str
    other: str


@dataclass(frozen=True)
class UnlinkCase(Tap):
    """Under a linked case on the card: undo the link."""

    FORMAT = "o:unlink:{number}:{other}"
    number: str
    other: str


@dataclass(frozen=True)
class PersonLedger(Tap):
    """The ledger (台账) of the persons a case names: intake's and the leaders' (issue 17)."""

    FORMAT = "o:ledger:{number}"
    number: str


CitizenTap = (RunCommand | ChooseLanguage | FaqAnswer | FaqSubject | FaqEntry | KeepAsAnswer | FaqBack | UrgentAnswer
              | DangerAnswer | AnswerQuestion | Rate | Objection | AddToCase | Wipe)  # fmt: skip
OfficerTap = (
    Inbox
    | OpenCase
    | ShowIdentity
    | Act
    | EvidenceFile
    | Assign
    | ChooseMethod
    | UrgentCard
    | UrgentText
    | Approve
    | Decline
    | StatsPeriod
    | LinkCase
    | UnlinkCase
    | PersonLedger
)
Callback = StepChoice | CitizenTap | OfficerTap
KINDS: tuple[type[Tap], ...] = (RunCommand, ChooseLanguage, FaqAnswer, FaqSubject, FaqEntry, KeepAsAnswer, FaqBack,
                                UrgentAnswer, DangerAnswer, AnswerQuestion, Rate, Objection, AddToCase, Wipe, Inbox,
                                OpenCase, ShowIdentity, Act, EvidenceFile, Assign, ChooseMethod, UrgentCard, UrgentText,
                                Approve, Decline, StatsPeriod, LinkCase, UnlinkCase, PersonLedger)  # fmt: skip


def option(tag: str, arg: str) -> str:
    """A step's value that names one of several things (``del:<storage key>``, ``edit:<section>``)."""
    return f"{tag}:{arg}"


def option_arg(value: str, tag: str) -> str | None:
    """What a value made by :func:`option` with ``tag`` names; None when it is not one (the step says so)."""
    head, sep, arg = value.partition(":")
    return arg if sep and head == tag and arg else None


def parse(data: str, steps: Container[str]) -> Callback:
    """The value a button's data stand for; :class:`Refused` for anything no button of ours carries now.

    ``steps``: the ids of the dialog steps that exist (a button of a step removed since is refused)."""
    if len(data.encode("utf-8")) > MAX_BYTES:
        raise Refused("over 64 bytes")
    head, sep, rest = data.partition(":")
    step, sep2, body = rest.partition(":")
    if head != PREFIX or not sep or not sep2:
        raise Refused("not our format")
    if step:
        if step not in steps:
            raise Refused(f"no such step: {step[:16]!r}")
        return StepChoice(step, body)
    parts = body.split(":")
    for kind in KINDS:
        value = _unpack(kind, parts)
        if value is not None:
            return cast("Callback", value)  # KINDS holds exactly the classes of the unions
    raise Refused(f"no such button: {body[:16]!r}")


def _unpack(kind: type[Tap], parts: list[str]) -> Tap | None:
    template = kind.FORMAT.split(":")
    if len(template) != len(parts):
        return None
    types, values = dict(_fields(kind)), {}
    for want, got in zip(template, parts, strict=True):
        if not want.startswith("{"):
            if want != got:
                return None
            continue
        name = want[1:-1]
        try:
            values[name] = _load(got, types[name])
        except ValueError:
            return None
    try:
        return kind(**values)
    except ValueError:
        return None


def _load(text: str, kind: Any) -> Any:
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return kind(text)
    if kind is int:
        if not _INT.fullmatch(text):
            raise ValueError(text)
        return int(text)
    return text


def _check(value: Any, kind: Any) -> None:
    """A field as packing needs it: what :func:`_load` would give back from its text."""
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        ok = isinstance(value, kind)
    elif kind is int:
        ok = type(value) is int and 0 <= value < 10**12
    else:
        ok = isinstance(value, str) and bool(_WORD.fullmatch(value))
    if not ok:
        raise Refused(f"not a button's {kind}: {str(value)[:16]!r}")


_FIELDS: dict[type[Tap], tuple[tuple[str, Any], ...]] = {}


def _fields(kind: type[Tap]) -> tuple[tuple[str, Any], ...]:
    """(name, type) of each field; looked up once per class (``get_type_hints`` reads the module's names)."""
    if kind not in _FIELDS:
        hints = get_type_hints(kind)
        _FIELDS[kind] = tuple((f.name, hints[f.name]) for f in fields(kind))
    return _FIELDS[kind]


def _fits(data: str) -> str:
    """Checked where the button is made: Telegram would refuse the whole message, not just the button."""
    if len(data.encode("utf-8")) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data[:20]!r}…")
    return data
