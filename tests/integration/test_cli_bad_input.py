"""Bad arguments and bad input files: one line on stderr and exit status 2, never a traceback, never a hang
(issue 11, item 13)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from core.calendar.deadlines import DeadlineKind, due_date
from qingfeng.app import App
from tests.factories import seed_office
from tests.integration.cli_run import run_cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

GOOD = {
    "channel": "phone", "report_type": "accusation", "category": "masses",
    "facts": "来电反映：2026年5月，某村会计周某把村集体鱼塘承包费3万元转入个人账户。",
    "persons": [{"name": "周某", "unit": "某村村委会", "post": "村会计", "level": "village",
                 "region": "浙江省/杭州市/临安区"}],
    "reporter": {"name": "王来电", "phone": "13900001111"},
}  # fmt: skip

# fmt: off
ARGS = {
    "month 13": ["deadline", "--from", "2026-13-45", "--working-days", "5"],
    "not a date": ["deadline", "--from", "abc", "--working-days", "5"],
    "empty date": ["deadline", "--from", "", "--working-days", "5"],
    "30 February": ["deadline", "--from", "2026-02-30", "--working-days", "5"],
    "year 9999": ["deadline", "--from", "9999-12-31", "--working-days", "5"],
    "negative working days": ["deadline", "--from", "2026-09-28", "--working-days", "-1"],
    "purge overflow": ["purge", "--older-than", "99999999999"],
    "purge negative": ["purge", "--older-than", "-1"],
    "calendar year 99999": ["calendar", "show", "99999"],
    "calendar year 0": ["calendar", "show", "0"],
    "unknown role": ["officers", "add", "--name", "某某", "--unit", "LA", "--role", "god"],
    "unknown role in a list": ["officers", "invite", "--name", "某某", "--unit", "LA", "--role", "intake,god"],
    "invite for ever": ["officers", "invite", "--name", "某某", "--unit", "LA", "--role", "intake", "--hours",
                        "99999999999"],
    "unknown state": ["cases", "list", "--state", "received,bogus"],
    "unknown cadre level": ["units", "add", "--code", "X", "--name", "某", "--level", "county", "--region", "某",
                            "--handles", "emperor"],
    "officer id overflow": ["officers", "deactivate", "--id", "99999999999999999999"],
    "batch size 0": ["keys", "rotate", "--batch-size", "0"],
    "webhook not a URL": ["run", "--webhook", "bot.example.org/tg"],
    "webhook by ftp": ["run", "--webhook", "ftp://bot.example.org/tg"],
    "listen without a port": ["run", "--webhook", "https://bot.example.org/tg", "--listen", "127.0.0.1"],
    "listen port 0": ["run", "--webhook", "https://bot.example.org/tg", "--listen", "127.0.0.1:0"],
    "listen port too high": ["run", "--listen", "127.0.0.1:99999"],
}
# fmt: on

FILES: dict[str, str | bytes] = {
    "an array": "[]",
    "null": "null",
    "a string": '"来电反映"',
    "numeric facts": json.dumps({**GOOD, "facts": 12345}),
    "facts as an object": json.dumps({**GOOD, "facts": {"a": 1}}),
    "persons not a list": json.dumps({**GOOD, "persons": "周某"}),
    "a person not an object": json.dumps({**GOOD, "persons": [1]}),
    "a numeric person name": json.dumps({**GOOD, "persons": [{**GOOD["persons"][0], "name": 7}]}),  # type: ignore[index]
    "reporter a string": json.dumps({**GOOD, "reporter": "王来电"}),
    "unknown channel": json.dumps({**GOOD, "channel": "fax"}),
    "telegram channel": json.dumps({**GOOD, "channel": "telegram"}),
    "an unknown field": json.dumps({**GOOD, "extra": {"deep": [[[1]]]}}),
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "deep nesting in an object": '{"facts": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "not JSON": "channel: phone",
    "not UTF-8": b"\xff\xfe{\x00",
    "too short facts": json.dumps({**GOOD, "facts": " "}),
    "no persons": json.dumps({**GOOD, "persons": []}),
    "bad phone": json.dumps({**GOOD, "reporter": {"name": "王来电", "phone": "12"}}),
    "a due date on a phone call": json.dumps({**GOOD, "due": "2026-12-31"}),  # only a 交办函 sets one (§10.3)
    "a due date that is not a date": json.dumps({**GOOD, "channel": "assigned_by_higher", "due": "年底"}),
    "a numeric due date": json.dumps({**GOOD, "channel": "assigned_by_higher", "due": 20261231}),
}


def one_line_refusal(code: int, err: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.strip(), "a reason is given"


@pytest.mark.parametrize("argv", ARGS.values(), ids=ARGS.keys())
async def test_bad_arguments_get_one_line_and_exit_2(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    await seed_office(app)
    code, _, err = await run_cli(app, monkeypatch, capsys, *argv)
    one_line_refusal(code, err)


@pytest.mark.parametrize("content", FILES.values(), ids=FILES.keys())
async def test_bad_report_files_get_one_line_and_exit_2_and_file_nothing(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], content: str | bytes, tmp_path: Path
) -> None:
    await seed_office(app)
    path = tmp_path / "call.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    code, _, err = await run_cli(app, monkeypatch, capsys, "cases", "add", "--file", str(path))
    one_line_refusal(code, err)
    assert str(path) in err
    assert await app.queries.list_cases() == []


async def test_a_missing_report_file_is_one_line_too(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = await run_cli(app, monkeypatch, capsys, "cases", "add", "--file", str(tmp_path / "nope.json"))
    one_line_refusal(code, err)


async def test_a_good_report_file_still_registers(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    await seed_office(app)
    path = tmp_path / "call.json"
    path.write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    code, out, err = await run_cli(app, monkeypatch, capsys, "cases", "add", "--file", str(path))
    assert code == 0, err
    assert "registered (phone)" in out


async def test_an_assigned_case_registers_with_the_period_of_its_letter(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """交办 (rules.md §10.3): the 交办函's period is entered when registering; D15 (six months) when none is."""
    await seed_office(app)
    for name, extra, due in (("letter", {"due": "2026-11-30"}, "2026-11-30"), ("none", {}, "")):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps({**GOOD, "channel": "assigned_by_higher", **extra}, ensure_ascii=False))
        code, out, err = await run_cli(app, monkeypatch, capsys, "cases", "add", "--file", str(path))
        assert code == 0 and "registered (assigned_by_higher)" in out, err
        number = out.split()[0]
        detail = await app.queries.case_detail(number)
        (d15,) = [d for d in detail.deadlines if d.kind == "assigned_by_higher"]
        assert d15.due_date == (
            date.fromisoformat(due)
            if due
            else due_date(DeadlineKind.ASSIGNED_BY_HIGHER, d15.trigger_date, app.ctx.calendar)
        )


@pytest.mark.parametrize(
    "argv",
    [["deadline", "--from", "2026-09-28", "--working-days", "1000000000"], ["cases", "add", "--file", "/dev/zero"]],
    ids=["a billion working days", "an endless file"],
)
def test_no_input_makes_the_command_hang(tmp_path: Path, argv: list[str]) -> None:
    """The timeout only guards against a hang; the commands are expected to refuse at once."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QINGFENG_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-m", "qingfeng.cli", *argv], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=300)  # fmt: skip
    one_line_refusal(out.returncode, out.stderr)


APPEAL_FILE = {
    "channel": "letter",
    "report_type": "appeal",
    "facts": "来信申诉：所谓违规收受的礼品是亲戚之间的正常往来，处分认定事实不清，请求复查。",
    "reporter": {"name": "刘申诉", "phone": "13900002222"},
    "appeal": {"body": "临安区某镇党委", "decided_on": "2026年7月", "kind": "party_sanction",
               "decision": "党内警告", "doc_number": "临纪发〔2026〕12号"},
}  # fmt: skip
SUGGESTION_FILE = {
    "channel": "visit",
    "report_type": "suggestion",
    "subject": "村务公开的方式",
    "facts": "来访建议：村务公开栏每月更新一次，把低保名单和补助金额一并公示，方便群众监督。",
    "reporter": None,
}


@pytest.mark.parametrize("content", [APPEAL_FILE, SUGGESTION_FILE], ids=["appeal", "suggestion"])
async def test_an_appeal_and_a_suggestion_file_register_with_their_own_fields(
    app: App,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: dict[str, object],
) -> None:
    """Issue 15 (rules.md §10.1): an appeal names the decision it contests, a suggestion its subject; neither a
    person reported nor a category."""
    await seed_office(app)
    path = tmp_path / "letter.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    code, out, err = await run_cli(app, monkeypatch, capsys, "cases", "add", "--file", str(path))
    assert code == 0, err
    number = out.split()[0]
    detail = await app.queries.case_detail(number)
    assert (detail.summary.report_type, detail.summary.category, detail.persons) == (content["report_type"], None, [])
    expected = {**APPEAL_FILE["appeal"]} if content is APPEAL_FILE else {"subject": "村务公开的方式"}  # type: ignore[dict-item]
    assert detail.particulars == expected


WRONG_TYPE_FILES = {
    "an appeal naming a person": {**APPEAL_FILE, "persons": [{"unit": "某镇", "region": "浙江省/杭州市/临安区"}]},
    "an appeal with a category": {**APPEAL_FILE, "category": "masses"},
    "an appeal without its decision": {k: v for k, v in APPEAL_FILE.items() if k != "appeal"},
    "an appeal decision without its body": {**APPEAL_FILE, "appeal": {"decided_on": "2026年7月", "decision": "警告"}},
    "an appeal of an unknown kind": {**APPEAL_FILE, "appeal": {**APPEAL_FILE["appeal"], "kind": "fine"}},  # type: ignore[dict-item]
    "a suggestion without a subject": {k: v for k, v in SUGGESTION_FILE.items() if k != "subject"},
    "an accusation with an appeal": {**GOOD, "appeal": APPEAL_FILE["appeal"]},
}


@pytest.mark.parametrize("content", WRONG_TYPE_FILES.values(), ids=WRONG_TYPE_FILES.keys())
async def test_a_file_with_another_types_fields_is_refused_in_one_line(
    app: App,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: dict[str, object],
) -> None:
    await seed_office(app)
    path = tmp_path / "letter.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    code, _, err = await run_cli(app, monkeypatch, capsys, "cases", "add", "--file", str(path))
    one_line_refusal(code, err)
    assert await app.queries.list_cases() == []
