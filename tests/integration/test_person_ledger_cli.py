"""``qingfeng person-ledger`` (issue 17, item 5): the ledger (台账) of a person reported, by case number or by
name, every case listed recorded as viewed (by the system, as ``case show`` is); bad arguments refused in one line
with status 2."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from core.model import Action
from core.persistence.orm import CaseEventRow, CaseRow
from qingfeng.app import App
from tests.factories import named_report, person, seed_office
from tests.integration.cli_run import run_cli

XIHU = "浙江省/杭州市/西湖区"


async def ledger_views(app: App) -> dict[str, list[str]]:
    async with app.ctx.uow() as uow:
        rows = await uow.session.execute(
            select(CaseRow.number, CaseEventRow.actor)
            .join(CaseRow, CaseRow.id == CaseEventRow.case_id)
            .where(CaseEventRow.action == Action.VIEW_LEDGER.value)
        )
        out: dict[str, list[str]] = {}
        for number, actor in rows:
            out.setdefault(number, []).append(actor)
        return out


async def test_the_ledger_by_case_and_by_name_is_printed_and_audited(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    office = await seed_office(app)
    la = [(await app.filing.file_report(named_report(chat_id=555100 + i))).number for i in range(2)]
    namesake = replace(person(region=XIHU), unit="西湖区某局")  # another 张某某: other unit, other region
    xh = (await app.filing.file_report(named_report(persons=(namesake,)))).number
    await app.cases.register(la[0], office.intake)

    code, out, err = await run_cli(app, monkeypatch, capsys, "person-ledger", la[1].removeprefix("XF-"))
    assert (code, err) == (0, "")
    assert "被反映人台账：张某某（临安区某镇某村村委会，浙江省/杭州市/临安区）" in out
    assert "共 2 件反映，已办结 0 件" in out
    assert la[0] in out and la[1] in out and xh not in out
    assert "已登记" in out or "登记" in out
    assert "刘举报" not in out and "13800138000" not in out  # nothing of the reporters
    assert await ledger_views(app) == {la[0]: ["system"], la[1]: ["system"]}

    code, out, _ = await run_cli(app, monkeypatch, capsys, "person-ledger", "--name", " 张某某 ", "--json")
    assert code == 0
    (ledger,) = json.loads(out)
    assert [e["number"] for e in ledger["entries"]] == [*la, xh]
    assert {e["person_unit"] for e in ledger["entries"]} == {"临安区某镇某村村委会", "西湖区某局"}
    assert "reporter" not in out and "facts" not in out

    code, out, _ = await run_cli(app, monkeypatch, capsys, "person-ledger", "--name", "张某某", "--region", XIHU)
    assert code == 0 and xh in out and la[0] not in out


@pytest.mark.parametrize(
    "argv",
    [
        ("person-ledger",),
        ("person-ledger", "XF-2026-000001", "--name", "张某某"),
        ("person-ledger", "--name", "  "),
        ("person-ledger", "XF-2026-000001", "--region", XIHU),
    ],
)
async def test_bad_arguments_are_refused_in_one_line(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = await run_cli(app, monkeypatch, capsys, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "error:" in err


async def test_an_unknown_name_or_case_is_an_error_not_a_traceback(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await seed_office(app)
    code, _, err = await run_cli(app, monkeypatch, capsys, "person-ledger", "--name", "无此人")
    assert code == 1 and err.startswith("error:") and err.count("\n") == 1
    code, _, err = await run_cli(app, monkeypatch, capsys, "person-ledger", "XF-2026-000099")
    assert code == 1 and err.startswith("error:")
