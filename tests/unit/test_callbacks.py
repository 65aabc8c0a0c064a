"""Button data (bot/callbacks.py): every button the citizen dialogs can show, found by walking the flows' steps and
the runner's menus (not listed by hand), packs within Telegram's 64 bytes and parses back to the value that built
it; forged, truncated, over-long and stale data are refused; and no other module reads callback data itself."""

from __future__ import annotations

import ast
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, cast, get_type_hints

import pytest

from bot import callbacks
from bot.callbacks import KINDS, LANGUAGES, MAX_BYTES, Refused, Shortcut, StepChoice, Tap, parse
from bot.dialogs import questions as kbq
from bot.dialogs.engine import Button, Conversation, Event, EventKind, Reply
from bot.dialogs.idle import danger_question, idle_buttons
from bot.dialogs.officer_flows import officer_flows
from bot.dialogs.officer_urgent import urgent_flows
from bot.dialogs.review import receipt_replies
from bot.dialogs.runner import Command, DialogRunner
from bot.dialogs.status import status_replies
from bot.front import callback_data
from bot.i18n import LOCALES
from core.knowledge.ready import knowledge
from core.knowledge.topics import Topic
from core.services.filing import Receipt
from core.services.views import PublicQuestion, PublicStatusView
from core.specificity import Element

ROOT = Path(__file__).resolve().parents[2]
RUNNER = DialogRunner(cast(Any, None))  # the flows and menus only: no service is called below
FLOWS = [*RUNNER.engine.flows.values(), *officer_flows(), *urgent_flows()]
STEPS = frozenset(step for flow in FLOWS for step in flow.steps)
LONGEST_NUMBER = "XF-2026-999999999"  # a case number past a million cases in a year
MAX_ID = 10**12 - 1


def _file(i: int) -> dict[str, Any]:
    """An evidence file as a filing dialog keeps it, with a storage key as the store makes them."""
    return {"storage_key": secrets.token_hex(16), "original_name": "会议记录" * 20 + f"{i}.pdf", "size": 20 << 20,
            "kind": "document", "mime_type": "application/pdf", "sha256": "0" * 64}  # fmt: skip


def _conversations(flow: str, step: str) -> Iterator[Conversation]:
    """The step as it starts, and with the most its buttons can carry: twelve long regions, many long unit codes,
    ten files, a named reporter, a long draft, each follow-up question."""
    yield Conversation("zh-CN", flow, step)
    rich = {"_regions": ["新疆维吾尔自治区/巴音郭楞蒙古自治州/和静县"] * 12, "_units": ["U" * 32] * 40,
            "evidence": [_file(i) for i in range(10)], "identity": "named", "scope_text": "村支书" * 20,
            "number": LONGEST_NUMBER, "text": "结果"}  # fmt: skip
    for element in Element:
        yield Conversation("zh-CN", flow, step, {**rich, "_followups": [element.value]})


def _buttons(replies: Iterable[Reply]) -> Iterator[tuple[str, Button]]:
    for reply in replies:
        for row in reply.buttons:
            for button in row:
                yield reply.step, button


async def _step_buttons() -> list[tuple[str, Button]]:
    """Every button a step shows: in its prompt, and in answer to a tap on one of those (the list of files to
    remove). A tap whose answer needs the services (filing, discarding files) is not followed."""
    found: list[tuple[str, Button]] = []
    for flow in FLOWS:
        for step_id, step in flow.steps.items():
            for c in _conversations(flow.name, step_id):
                shown = list(_buttons([step.prompt(c)]))
                found += shown
                for _, button in shown:
                    if not isinstance(button.value, str):
                        continue
                    tapped = Conversation(c.locale, c.flow, c.step, dict(c.answers))
                    try:
                        outcome = await step.answer(tapped, Event(EventKind.CHOICE, value=button.value, step=step_id),
                                                    object())  # fmt: skip
                    except AttributeError:  # the tap would call a service
                        continue
                    found += _buttons(outcome.replies)
    return found


async def _menu_buttons() -> list[tuple[str, Button]]:
    """The runner's buttons that work anywhere: the idle menu, FAQ (with and without a dialog), languages, the
    receipt's, the status card's reply button."""
    replies = [Reply("dialog.idle", {}, idle_buttons(), ""), danger_question()]
    for command in (Command.FAQ, Command.LANG):
        for c in (Conversation("zh-CN"), Conversation("zh-CN", "filing", "notice")):
            replies += await RUNNER._command(c, cast(Any, None), command)
    kb = knowledge()  # every answer (with its related questions and the keep button), every subject's list
    replies += [r for e in kb.entries for r in kbq.entry_replies(kb, e.id, "zh-CN", keep=True) or []]
    replies += [kbq.subject_reply(kb, topic, "en") for topic in Topic]
    replies += receipt_replies(Receipt(LONGEST_NUMBER, "U" * 32, "QF7X-2K9M-4TPA-8WQE"))
    question = PublicQuestion(MAX_ID, date(2026, 12, 1), "问题")
    replies += status_replies(PublicStatusView(LONGEST_NUMBER, "received", date(2026, 12, 1), questions=[question],
                                               can_add=True))  # fmt: skip
    return list(_buttons(replies))


def _check_round_trip(step: str, button: Button) -> str:
    data = callback_data(step, button.value)
    assert len(data.encode("utf-8")) <= MAX_BYTES, data
    expected = button.value if isinstance(button.value, Tap) else StepChoice(step, button.value)
    assert parse(data, STEPS) == expected
    return data


async def test_every_button_of_every_step_and_menu_parses_back_to_its_value() -> None:
    found = await _step_buttons() + await _menu_buttons()
    data = {_check_round_trip(step, button) for step, button in found}
    assert any(d.startswith("s:evidence:del:") for d in data)  # the walk reached the buttons shown on a tap
    assert any(d.startswith("s:unit:") for d in data) and any(d.startswith("s:p_region:1") for d in data)
    kinds = {type(parse(d, STEPS)) for d in data}
    citizen = {k for k in KINDS if not k.FORMAT.startswith("o:")}
    assert citizen - {callbacks.AnswerQuestion, callbacks.Rate, callbacks.Objection, callbacks.UrgentAnswer,
                      callbacks.RunCommand, callbacks.FaqAnswer} <= kinds  # fmt: skip  # (pushes; FaqAnswer: old chats)


def _names(kind: type[Tap]) -> list[str]:
    return [f.name for f in fields(kind)]


def _longest(kind: Any, name: str) -> Any:
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return max(kind, key=lambda m: len(m.value))
    if kind is int:
        return MAX_ID
    return max(LANGUAGES, key=len) if name == "code" else LONGEST_NUMBER


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_every_kind_fits_64_bytes_with_its_longest_values_and_parses_back(kind: type[Tap]) -> None:
    hints = get_type_hints(kind)
    value = kind(**{name: _longest(hints[name], name) for name in _names(kind)})
    data = value.pack()
    assert len(data.encode("utf-8")) <= MAX_BYTES and parse(data, STEPS) == value


def test_text_never_goes_into_button_data() -> None:
    with pytest.raises(ValueError):
        StepChoice("unit", "临安区纪委监委")  # a name: the step must offer an index instead
    with pytest.raises(ValueError):
        callbacks.Act("XF:2026", callbacks.Action.REGISTER)  # the separator inside a field
    with pytest.raises(ValueError):
        StepChoice("evidence", "del:" + "a" * 60).pack()  # over 64 bytes, said when the button is made
    with pytest.raises(ValueError):
        callbacks.Inbox(-1)


FORGED = [
    "", "garbage", "s", "s:", "s::", ":::", "S::wipe", "s::wipe:", "s::wipe ", " s::wipe",
    "s::cmd:xyz", "s::cmd:", "s::cmd:START", "s::cmd:cancel",  # a command no button runs
    "s::lang:xx", "s::lang:", "s::faq:nope", "s::u:question",
    "s::q:XF-2026-000001:abc", "s::q:XF-2026-000001:-1", "s::q:XF-2026-000001:007", "s::q:XF-2026-000001",
    "s::q:XF 2026:1", "s::q:举报:1", "s::fb:XF-2026-000001:rate:bad", "s::fb:XF-2026-000001:rate",
    "s::fb:XF-2026-000001:object:x", "s::o:act:XF-2026-000001:no_such_action", "s::o:method:XF-2026-000001:close2",
    "s::o:inbox:", "s::o:inbox:1.5", "s::o:ufoo:1", "s::o:urgent:x", "s::o:file:XF-2026-000001:",
    "s:notice:" + "x" * 60, "s:notice:", "s:notice:有", "s:notice:a b",
    "s:no_such_step:agree",  # a step that no longer exists
    "o:act:XF-2026-000001:register", "q:XF-2026-000001:1", "cmd:start", "wipe",  # older formats, or no prefix
    "s::o:act:XF-2026-000001:register" + "\x00", "s::wipe\n",
]  # fmt: skip


@pytest.mark.parametrize("data", FORGED)
def test_forged_stale_and_over_long_data_are_refused(data: str) -> None:
    with pytest.raises(Refused):
        parse(data, STEPS)


async def test_cut_or_altered_data_never_reads_as_another_button() -> None:
    """Whatever arrives either is refused or is exactly the data of the value it parses to: nothing is read
    loosely (a cut number, a case, padding), so a tap cannot mean something its data do not say."""
    real = {callback_data(step, b.value) for step, b in await _step_buttons() + await _menu_buttons()}
    real |= {kind(**{n: _longest(get_type_hints(kind)[n], n) for n in _names(kind)}).pack()
             for kind in KINDS}  # fmt: skip
    variants = {v for d in real for v in (*(d[:i] for i in range(len(d))), d + "0", d + ":", d.upper(), d + " ")}
    for data in variants:
        try:
            value = parse(data, STEPS)
        except Refused:
            continue
        assert value.pack() == data


def test_the_callback_module_agrees_with_the_catalogues_and_commands() -> None:
    assert set(LANGUAGES) == set(LOCALES)
    assert {s.value for s in Shortcut} <= {c.value for c in Command}


# -- nobody else reads callback data ------------------------------------------------------------------------------
_TAGS = ("s:", "o:", "cmd:", "lang:", "faq:", "q:", "fb:", "u:")  # the wire's kinds, bot/callbacks.py alone
_STRING_READERS = {"split", "rsplit", "partition", "rpartition", "startswith", "endswith", "removeprefix",
                   "removesuffix", "find", "index", "lstrip", "strip"}  # fmt: skip
_DATA = {"callback", "callback_data", "data"}  # names that hold a tap's data
_HOLDERS = {"e", "event", "incoming", "button", "b", "tap"}  # … and objects whose .value or .callback does


def _sources() -> Iterator[tuple[Path, ast.AST]]:
    for package in ("bot", "qingfeng"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if path != ROOT / "bot" / "callbacks.py":
                yield path, ast.parse(path.read_text(encoding="utf-8"))


def _holds_data(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in _DATA
    return (isinstance(node, ast.Attribute) and node.attr in {"value", "callback", "data"}
            and isinstance(node.value, ast.Name) and node.value.id in _HOLDERS)  # fmt: skip


def _prefix_fstring(node: ast.JoinedStr) -> bool:
    """``f"{PREFIX}:…"``: a prefix constant spelt into data by hand."""
    first, rest = node.values[0], node.values[1:]
    if not isinstance(first, ast.FormattedValue) or not rest or not isinstance(rest[0], ast.Constant):
        return False
    name = first.value.id if isinstance(first.value, ast.Name) else getattr(first.value, "attr", "")
    return "PREFIX" in name and str(rest[0].value).startswith(":")


def test_no_module_but_the_callback_module_reads_or_writes_button_data() -> None:
    """Button data are made by ``pack()`` and read by ``parse()``: no wire prefix spelt out elsewhere, and no
    string method on a tap's data or a button's value (a step compares its values whole)."""
    found = []
    for path, tree in _sources():
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(_TAGS):
                found.append(f"{where}:{node.lineno}: {node.value[:20]!r}")
            if isinstance(node, ast.JoinedStr) and _prefix_fstring(node):
                found.append(f"{where}:{node.lineno}: f-string with a prefix")
            reader = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            if reader and node.func.attr in _STRING_READERS and _holds_data(node.func.value):  # type: ignore[attr-defined]
                found.append(f"{where}:{node.lineno}: .{node.func.attr}() on button data")  # type: ignore[attr-defined]
    assert found == []
