"""``qingfeng urgent``: urgent messages listed, shown, noted and closed from the command line (issue 12, item 12);
bad arguments are one line and exit status 2. The sender's chat is never printed."""

from __future__ import annotations

import json

import pytest

from qingfeng.app import App
from tests.factories import seed_office
from tests.integration.cli_run import run_cli

SENDER = 666001


async def test_list_show_note_close_and_duty(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    office = await seed_office(app)
    note = await app.urgent.raise_alert("他说今晚要带着汽油去镇政府", chat_id=SENDER)

    async def cli(*argv: str) -> tuple[int, str, str]:
        return await run_cli(app, monkeypatch, capsys, "urgent", *argv)

    code, out, _ = await cli("list")
    assert code == 0 and str(note) in out and "OPEN" in out and "汽油" in out
    code, out, _ = await cli("note", str(note), "--note", "已通知镇派出所")
    assert code == 0
    code, out, _ = await cli("close", str(note), "--note", "民警已到场")
    assert code == 0 and "closed" in out
    code, out, _ = await cli("list")
    assert code == 0 and "汽油" not in out  # open ones only
    code, out, _ = await cli("list", "--all", "--json")
    [row] = json.loads(out)
    assert row["id"] == note and row["closed_at"] and row["handled"]
    code, out, _ = await cli("show", str(note))
    assert code == 0 and "已通知镇派出所" in out and "民警已到场" in out and str(SENDER) not in out
    code, _, err = await cli("close", str(note), "--note", "again")
    assert code == 1 and err.count("\n") == 1  # already closed: one line

    code, out, _ = await cli("duty", "--officer", str(office.intake.officer_id), "--on")
    assert code == 0 and "王信访 is on duty" in out
    second = await app.urgent.raise_alert("有人持刀在村委会门口")
    async with app.ctx.uow() as uow:
        from sqlalchemy import select

        from core.persistence.orm import OutboxRow

        pushed = (await uow.session.execute(
            select(OutboxRow.recipient_id).where(OutboxRow.dedupe_key.like(f"urgent:{second}:%"))
        )).scalars().all()  # fmt: skip
    assert pushed == [office.intake.officer_id]  # the officer on duty first, not the supervisors


@pytest.mark.parametrize(
    "argv",
    [("close", "1"), ("close", "x", "--note", "n"), ("duty", "--officer", "1"), ("show", "0"), ("list", "--bogus")],
)
async def test_bad_arguments_are_one_line_and_status_2(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = await run_cli(app, monkeypatch, capsys, "urgent", *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err
