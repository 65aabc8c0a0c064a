"""``qingfeng stats`` (issue 17): tables in the office's language, JSON, CSV with a BOM, an XLSX workbook with one
sheet per table, and bad arguments refused in one line with exit status 2. The numbers are those worked out by hand
in test_stats_figures.py."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.clock import ManualClock
from qingfeng.app import App
from tests.integration.cli_run import run_cli
from tests.integration.stats_office import build_stats_office

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TABLES = 17  # core.stats.service: the tables of compute_figures


async def test_tables_json_csv_and_xlsx(app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:  # fmt: skip
    await build_stats_office(app, clock)
    monkeypatch.setattr("qingfeng.app.SystemClock", lambda: clock)  # the figures as of 2026-11-10 12:00
    code, out, err = await run_cli(app, monkeypatch, capsys, "stats", "--period", "2026Q4", "--unit", "LA")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("信访举报统计 2026-10-01 至 2026-12-31 · 临安区纪委监委（含下级单位）")
    assert "== 按期率" in lines
    # 按期受理告知率 of LA's Q4: 3 due, 1 on time, 2 late, 33.3 % (test_stats_figures.py)
    assert any(line.split() == ["按期受理告知率", "3", "1", "2", "33.3"] for line in lines), out
    assert any(line.split() == ["合计", "4", "22.5", "24.4"] for line in lines), out  # working days to conclude
    assert "enum." not in out and "stats." not in out  # labels, never keys

    code, out, _ = await run_cli(app, monkeypatch, capsys, "stats", "--period", "2026Q4", "--unit", "LA", "--json",
                                 "--lang", "en")  # fmt: skip
    data = json.loads(out)
    assert (code, data["from"], data["to"], data["unit"], data["with_subordinates"]) == (
        0, "2026-10-01", "2026-12-31", "LA", True)  # fmt: skip
    tables = {t["key"]: t for t in data["tables"]}
    assert len(tables) == TABLES
    assert tables["on_time"]["columns"] == ["item", "due", "on time", "late", "rate (%)"]
    assert tables["on_time"]["rows"][0] == ["acceptance notice on time", 3, 1, 2, 33.3]
    assert tables["on_time"]["definition"].startswith("On-time rates")
    assert ["over 90 working days", 0] in tables["open_by_age"]["rows"]

    folder, book = tmp_path / "out" / "csv", tmp_path / "out" / "stats.xlsx"
    code, out, _ = await run_cli(app, monkeypatch, capsys, "stats", "--from", "2026-10-01", "--to", "2026-12-31",
                                 "--unit", "HZ", "--csv", str(folder), "--xlsx", str(book))  # fmt: skip
    assert code == 0 and f"已写入 {book}" in out
    files = sorted(folder.glob("*.csv"))
    assert len(files) == TABLES
    raw = (folder / "awaiting_report_back.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM
    with (folder / "awaiting_report_back.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["项目", "件数", "其中超期"], ["西湖区纪委监委", "2", "1"], ["合计", "2", "1"]]

    workbook = load_workbook(book, read_only=True)
    assert len(workbook.sheetnames) == TABLES and "按期率" in workbook.sheetnames
    sheet = workbook["转出待报结"]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[1:] == [["项目", "件数", "其中超期"], ["西湖区纪委监委", 2, 1], ["合计", 2, 1]]
    assert str(values[0][0]).startswith("信访举报统计 2026-10-01 至 2026-12-31 · 杭州市纪委监委（含下级单位）")
    workbook.close()


async def test_charts_are_drawn_as_png_files(app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:  # fmt: skip
    from PIL import Image

    await build_stats_office(app, clock)
    monkeypatch.setattr("qingfeng.app.SystemClock", lambda: clock)
    folder = tmp_path / "charts"
    code, out, err = await run_cli(app, monkeypatch, capsys, "stats", "--month", "2026-10", "--unit", "LA",
                                   "--charts", str(folder))  # fmt: skip
    assert (code, err) == (0, "")
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["on_time.png", "open_by_age.png", "referrals.png", "reports_by_month.png", "satisfaction.png"]
    for name in names:
        assert f"已写入 {folder / name}" in out
        with Image.open(folder / name) as image:
            assert (image.format, image.size) == ("PNG", (1280, 960))
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    code, _, err = await run_cli(app, monkeypatch, capsys, "stats", "--charts", str(blocked))
    assert code == 2 and err.count("\n") == 1 and "cannot write" in err


# fmt: off
BAD = {
    "quarter 5": (["--period", "2026Q5"], "is not a quarter"),
    "month 13": (["--month", "2026-13"], "is not a month"),
    "not a date": (["--from", "2026-02-30"], "is not a date"),
    "period and month": (["--period", "2026Q3", "--month", "2026-10"], "choose one of"),
    "from and period": (["--from", "2026-10-01", "--period", "2026Q3"], "choose one of"),
    "to without from": (["--to", "2026-10-31"], "--to needs --from"),
    "backwards": (["--from", "2026-10-31", "--to", "2026-10-01"], "is before"),
    "alone without unit": (["--alone"], "--alone needs --unit"),
    "xlsx name": (["--xlsx", "stats.csv"], "must end in .xlsx"),
    "unknown unit": (["--unit", "NOPE"], "no unit with code 'NOPE'"),
}
# fmt: on


async def test_unwritable_output(app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                 tmp_path: Path) -> None:  # fmt: skip
    taken = tmp_path / "a-file"
    taken.write_text("not a directory")
    code, out, err = await run_cli(app, monkeypatch, capsys, "stats", "--csv", str(taken / "csv"))
    assert code == 2 and out == "" and err.startswith("qingfeng stats: error: cannot write")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("case", list(BAD))
async def test_bad_arguments(case: str, app: App, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    argv, says = BAD[case]
    code, out, err = await run_cli(app, monkeypatch, capsys, "stats", *argv)
    assert code == 2 and out == ""
    assert says in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
