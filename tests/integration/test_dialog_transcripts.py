"""Golden transcripts: the dialogs driven without any chat framework, as goflow tests its flows.

Each file in tests/data/transcripts holds user inputs (``>``) and the reply keys expected (``<``):

    > /start            a command
    > [agree]           a button, by value: the data of the button shown last with it (``[cmd:start]``: one that
                        works anywhere), or else of the step that showed the last buttons
    > @photo            a file (photo, pdf, exe)
    > any other text    typed text

``QINGFENG_GOLDEN=update pytest …`` rewrites the expected lines from what the dialogs say now; review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.callbacks import OfficerTap, StepChoice, parse
from bot.dialogs.engine import Event, EventKind, Media, Reply
from bot.dialogs.runner import Command, DialogRunner
from bot.front import callback_data
from qingfeng.app import App, dialog_services
from tests.factories import seed_office

HERE = Path(__file__).resolve().parents[1] / "data" / "transcripts"
FILES = {
    "photo": Media("photo", "photo-1", "photo.jpg", "image/jpeg", 1200),
    "pdf": Media("document", "pdf-1", "会议记录.pdf", "application/pdf", 900),
    "exe": Media("document", "exe-1", "tool.exe", "application/x-msdownload", 300),
}
BYTES = {"photo-1": b"\xff\xd8\xff\xe0" + b"j" * 1200, "pdf-1": b"%PDF-1.7\n" + b"p" * 900, "exe-1": b"MZ" + b"x" * 300}
CHAT = 424242
#: What each transcript leaves in the database: cases filed, and the region of the first person reported.
FILED = {
    "named_filing": (1, "浙江省/杭州市/临安区"),
    "anonymous_vague": (1, "浙江省/杭州市/临安区"),
    "out_of_scope": (0, None),
    "status_query": (0, None),
}


async def download(media: Media) -> bytes:
    return BYTES[media.ref]


def _describe(reply: Reply) -> str:
    return reply.key


async def play(app: App, script: list[str]) -> list[str]:
    runner = DialogRunner(dialog_services(app))
    steps = {s for flow in runner.engine.flows.values() for s in flow.steps}
    out: list[str] = []
    step = ""
    shown: dict[str, str] = {}  # a button's value as scripts name it → the data it carried
    for line in script:
        if not line.startswith("> "):
            continue
        out.append(line)
        raw = line[2:]
        if raw.startswith("/"):
            answer = await runner.command(CHAT, Command(raw[1:]))
        elif raw.startswith("[") and raw.endswith("]"):  # the data the button carries, read as the front reads it
            tap = parse(shown.get(raw[1:-1]) or callback_data(step, raw[1:-1]), steps)
            if isinstance(tap, StepChoice):
                answer = await runner.event(CHAT, Event(EventKind.CHOICE, value=tap.value, step=tap.step))
            else:
                assert not isinstance(tap, OfficerTap), raw
                answer = await runner.tap(CHAT, tap)
        elif raw.startswith("@"):
            answer = await runner.event(CHAT, Event(EventKind.MEDIA, media=FILES[raw[1:]]), download=download)
        else:
            answer = await runner.event(CHAT, Event(EventKind.TEXT, text=raw))
        for reply in answer.replies:
            out.append(f"< {_describe(reply)}")
            if reply.buttons:
                step = reply.step
            for button in (b for row in reply.buttons for b in row):
                data = callback_data(reply.step, button.value)
                shown[button.value if isinstance(button.value, str) else data.split(":", 2)[2]] = data
    return out


@pytest.mark.parametrize("name", sorted(p.stem for p in HERE.glob("*.txt")))
async def test_transcript(app: App, name: str) -> None:
    await seed_office(app)
    path = HERE / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    got = await play(app, lines)
    expected = [line for line in lines if line.startswith(("> ", "< "))]
    if os.environ.get("QINGFENG_GOLDEN") == "update":
        path.write_text("\n".join([*header, *got]) + "\n", encoding="utf-8")
        return
    assert got == expected
    cases = await app.queries.list_cases()
    count, region = FILED[name]
    assert len(cases) == count
    if cases:
        detail = await app.queries.case_detail(cases[0].number)
        assert detail.persons[0].region == region
        assert len(detail.evidence) == (2 if name == "named_filing" else 0)
