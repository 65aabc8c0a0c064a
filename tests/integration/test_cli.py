"""The operator's CLI on a fresh data directory: what a newcomer runs after `make install`."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qingfeng.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def qingfeng(tmp_path: Path, *args: str, db_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """``qingfeng ARGS`` on a fresh data directory in ``tmp_path``, with only that in the environment — run in this
    process (an interpreter start and the imports cost seconds each time; ``test_the_command_runs_as_a_process``
    runs the real entry point)."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QINGFENG_DATA_DIR": str(tmp_path / "data")}
    if db_url:
        env["QINGFENG_DATABASE_URL"] = db_url
    saved, cwd = dict(os.environ), os.getcwd()
    out, err = io.StringIO(), io.StringIO()
    try:
        os.environ.clear()
        os.environ.update(env)
        os.chdir(tmp_path)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: a bad argument
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(["qingfeng", *args], code, out.getvalue(), err.getvalue())


def process(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m qingfeng.cli ARGS`` as a process, as the operator runs it."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QINGFENG_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-m", "qingfeng.cli", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_the_command_runs_as_a_process(tmp_path: Path) -> None:
    listed = process(tmp_path, "units", "list")
    assert listed.returncode == 0, listed.stderr
    bad = process(tmp_path, "deadline", "--working-days", "x")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_demo_data_then_cases_list(tmp_path: Path) -> None:
    loaded = qingfeng(tmp_path, "demo-data")
    assert loaded.returncode == 0, loaded.stderr
    assert "35 cases" in loaded.stdout
    listed = qingfeng(tmp_path, "cases", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    cases = json.loads(listed.stdout)
    assert len(cases) == 35
    states = {c["state"] for c in cases}
    assert {
        "received",
        "accepted",
        "assigned",
        "disposal",
        "concluded",
        "feedback_given",
        "archived",
        "not_accepted",
        "duplicate",
        "transferred_up",
        "parked",
        "investigation",
        "reopened",
        "leader_review",  # a 不满意 waiting for the leader's decision (rules.md §10.4)
    } <= states
    # the ratings and reporters' challenges counted per unit (an objection sent back, a 不满意 waiting)
    counted = qingfeng(tmp_path, "cases", "satisfaction", "--json")
    assert counted.returncode == 0, counted.stderr
    totals = {
        k: sum(u[k] for u in json.loads(counted.stdout))
        for k in ("dissatisfied", "objections", "awaiting_leader", "sent_back")
    }
    assert totals == {"dissatisfied": 1, "objections": 1, "awaiting_leader": 1, "sent_back": 1}
    table = qingfeng(tmp_path, "cases", "satisfaction")
    assert "awaiting leader" in table.stdout and "sent back" in table.stdout
    # issue 15's paths: a 交办 case extended, a case sent down and followed by the city, facts not confirmed
    [assigned] = [c for c in cases if c["channel"] == "assigned_by_higher"]
    # its handler still owes the disposal, due a month after acceptance: before the 交办函's extended date
    assert (assigned["state"], assigned["next_due_kind"]) == ("assigned", "disposal_proposal")
    details = [json.loads(qingfeng(tmp_path, "case", "show", c["number"], "--json").stdout) for c in cases[-3:]]
    assert details[0]["result"]["clearing"] == "cleared" and details[0]["result"]["assessment"] == "good_faith"
    assert details[1]["follow_up"]["state"] == "awaiting" and details[1]["follow_up"]["sender"] == "杭州市纪委监委"
    assert [a["action"] for a in details[2]["approvals"]] == ["extend"]
    shown = qingfeng(tmp_path, "case", "show", cases[0]["number"], "--json")
    detail = json.loads(shown.stdout)
    assert detail["summary"]["number"] == cases[0]["number"]
    assert detail["events"][0]["action"] == "file"
    again = qingfeng(tmp_path, "demo-data")
    assert again.returncode == 0 and "already loaded" in again.stdout
    # The key file was created private to the owner.
    key_file = tmp_path / "data" / "keys" / "qingfeng.keys"
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_units_officers_and_errors(tmp_path: Path) -> None:
    assert (
        qingfeng(
            tmp_path,
            "units",
            "add",
            "--code",
            "HZ",
            "--name",
            "杭州市纪委监委",
            "--level",
            "city",
            "--region",
            "浙江省/杭州市",
        ).returncode
        == 0
    )
    added = qingfeng(
        tmp_path,
        "officers",
        "add",
        "--telegram-id",
        "42",
        "--name",
        "王芳",
        "--unit",
        "HZ",
        "--role",
        "intake",
        "--role",
        "supervisor",
    )
    assert added.returncode == 0, added.stderr
    officers = json.loads(qingfeng(tmp_path, "officers", "list", "--json").stdout)
    assert officers == [
        {"id": 1, "telegram_id": 42, "name": "王芳", "unit": "HZ", "roles": ["intake", "supervisor"], "active": True,
         "invited": False}
    ]  # fmt: skip
    missing = qingfeng(tmp_path, "officers", "add", "--name", "X", "--unit", "NOPE", "--role", "handler")
    assert missing.returncode == 1 and "unit 'NOPE' not found" in missing.stderr
    unknown = qingfeng(tmp_path, "case", "show", "XF-2026-999999")
    assert unknown.returncode == 1 and "not found" in unknown.stderr


def test_deadline_and_calendar(tmp_path: Path) -> None:
    out = qingfeng(tmp_path, "deadline", "--from", "2026-09-28", "--working-days", "15")
    assert out.stdout.strip() == "2026-10-23"
    fallback = qingfeng(tmp_path, "deadline", "--from", "2026-12-28", "--working-days", "5")
    assert fallback.stdout.strip() == "2027-01-04"  # Mon–Fri: Dec 29, 30, 31, Jan 1, Jan 4
    assert "no holiday data" in fallback.stderr
    (tmp_path / "data" / "calendar").mkdir(parents=True)
    (tmp_path / "data" / "calendar" / "2027.json").write_text(
        json.dumps({"year": 2027, "holidays": ["2027-01-01"], "workdays": []}), encoding="utf-8"
    )
    known = qingfeng(tmp_path, "deadline", "--from", "2026-12-28", "--working-days", "5")
    assert known.stdout.strip() == "2027-01-05" and "no holiday data" not in known.stderr
    shown = qingfeng(tmp_path, "calendar", "show", "2026")
    assert "library" in shown.stdout and "2026-10-10" in shown.stdout  # a make-up Saturday


def test_run_without_token_says_what_is_missing(tmp_path: Path) -> None:
    out = qingfeng(tmp_path, "run")
    assert out.returncode == 2
    assert "QINGFENG_BOT_TOKEN" in out.stderr and "BotFather" in out.stderr
    assert "qingfeng chat" in out.stderr  # the way to try it without Telegram
    assert "Traceback" not in out.stderr


def test_scope_jsonl_keeps_order_and_adds_the_decision(tmp_path: Path) -> None:
    lines = [
        {"id": 1, "text": "村支书把低保名额给了自己的亲戚"},
        {"id": 2, "text": "纪委管不管物业乱收费？"},
        "not json",
        {"id": 3, "text": "我不想活了"},
        {"id": 4, "no_text": True},
        {"id": 5, "text": "工地那栋楼墙上裂了一道大缝 一直往下掉渣 工人还在里头干活"},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QINGFENG_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-m", "qingfeng.cli", "scope", "--jsonl"], input=stdin, cwd=tmp_path,
                         env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr
    got = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(got) == 6
    assert got[0] == {"id": 1, "text": "村支书把低保名额给了自己的亲戚", "verdict": "accept", "kind": "检举控告",
                      "refer_to": None, "reason": got[0]["reason"]}  # fmt: skip
    assert got[0]["reason"] and "[" in got[0]["reason"]  # the reason cites its rule
    assert (got[1]["verdict"], got[1]["kind"], got[1]["refer_to"]) == ("refer", None, "market")
    assert "error" in got[2] and "error" in got[4]
    assert got[3]["verdict"] == "urgent"
    assert got[5]["possibly_urgent"] is True and got[5]["verdict"] != "urgent"  # the bot asks (learned backstop)
    assert "possibly_urgent" not in got[0]
    assert not (tmp_path / "data" / "qingfeng.db").exists()  # classifying opens no database


def test_ask_prints_what_the_bot_would_answer(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QINGFENG_DATA_DIR": str(tmp_path / "data")}
    run = lambda *a: subprocess.run([sys.executable, "-m", "qingfeng.cli", "ask", *a], cwd=tmp_path, env=env,  # noqa: E731
                                    capture_output=True, text=True, timeout=120)  # fmt: skip
    out = run("匿名举报会被查到吗")
    assert out.returncode == 0 and out.stdout.startswith("anonymous_traceable") and "Telegram" in out.stdout
    assert run("怎么做红烧肉").stdout.strip() == "no answer"
    bare = run()
    assert bare.returncode == 2 and "question" in bare.stderr and "Traceback" not in bare.stderr
    assert not (tmp_path / "data" / "qingfeng.db").exists()


def test_scheduler_status_lists_jobs_and_upcoming_reminders(tmp_path: Path) -> None:
    assert qingfeng(tmp_path, "demo-data").returncode == 0
    out = qingfeng(tmp_path, "scheduler", "status")
    assert out.returncode == 1, out.stderr  # the bot never ran here: nothing sends the reminders
    jobs, reminders = out.stdout.split("reminders due")
    assert jobs.startswith("scheduler: never started")
    assert all(name in jobs for name in ("outbox", "deadlines", "digests", "calendar", "dialogs"))
    assert "daily at 01:05" in jobs
    assert "in the next 7 days:" in reminders and "XF-2026-" in reminders


def test_scheduler_status_bad_arguments_one_line_and_exit_2(tmp_path: Path) -> None:
    for args in (("scheduler", "status", "--late"), ("scheduler",), ("scheduler", "restart")):
        out = qingfeng(tmp_path, *args)
        assert out.returncode == 2 and out.stdout == "", args
        assert len(out.stderr.splitlines()) == 1 and "error:" in out.stderr and "Traceback" not in out.stderr, args
    assert not (tmp_path / "data").exists()  # refused before opening anything


def test_cases_add_registers_a_phone_report_with_its_channel(tmp_path: Path) -> None:
    assert qingfeng(tmp_path, "units", "add", "--code", "LA", "--name", "临安区纪委监委", "--level", "county",
                    "--region", "浙江省/杭州市/临安区").returncode == 0  # fmt: skip
    report = {
        "channel": "phone", "report_type": "accusation", "category": "masses",
        "facts": "来电反映：2026年5月，某村会计周某把村集体鱼塘承包费3万元转入个人账户，村民代表都知道。",
        "persons": [{"name": "周某", "unit": "临安区某镇某村", "post": "村会计", "level": "village",
                     "region": "浙江省/杭州市/临安区"}],
        "reporter": {"name": "王来电", "phone": "13900001111"},
    }  # fmt: skip
    (tmp_path / "call.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    out = qingfeng(tmp_path, "cases", "add", "--file", str(tmp_path / "call.json"))
    assert out.returncode == 0, out.stderr
    assert "XF-2026-000001 registered (phone), routed to LA" in out.stdout
    shown = json.loads(qingfeng(tmp_path, "case", "show", "XF-2026-000001", "--json").stdout)
    assert shown["summary"]["channel"] == "phone" and shown["summary"]["named"]
    (tmp_path / "bad.json").write_text('{"channel": "telegram", "facts": "x", "persons": []}', encoding="utf-8")
    bad = qingfeng(tmp_path, "cases", "add", "--file", str(tmp_path / "bad.json"))
    assert bad.returncode == 2 and "filed in the bot" in bad.stderr  # a bad input file is a bad argument


def test_officers_invite_prints_a_one_time_join_command(tmp_path: Path) -> None:
    qingfeng(tmp_path, "units", "add", "--code", "LA", "--name", "临安区纪委监委", "--level", "county",
             "--region", "浙江省/杭州市/临安区")  # fmt: skip
    out = qingfeng(tmp_path, "officers", "invite", "--name", "新同事", "--unit", "LA", "--role", "handler")
    assert out.returncode == 0 and "/join " in out.stdout
    officers = json.loads(qingfeng(tmp_path, "officers", "list", "--json").stdout)
    assert officers[0]["active"] is False and officers[0]["telegram_id"] is None  # until the code is redeemed
