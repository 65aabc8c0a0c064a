"""``qingfeng audit --case N``: every step of a case, above all who saw the reporter's identity or evidence (R-47),
without printing identity or facts."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from core.clock import ManualClock
from core.reports import ReporterIdentity
from core.services.desk import Desk
from qingfeng.app import App
from tests.factories import FACTS, named_report, photo, seed_office
from tests.integration.cli_run import run_cli

NAME, PHONE = "欧阳举报人", "13912345678"
PHOTO = b"\xff\xd8\xff\xe0" + b"QF-AUDIT-PHOTO"


async def test_audit_shows_identity_views_and_evidence_downloads(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    office = await seed_office(app)
    report = named_report(reporter=ReporterIdentity(name=NAME, phone=PHONE), evidence=(photo(PHOTO),))
    number = (await app.filing.file_report(report)).number  # 09:00 Beijing
    clock.advance(timedelta(hours=1))
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake, note=f"举报人{NAME}电话{PHONE}")  # a note quoting the reporter
    desk = Desk(app.ctx, app.queries)
    clock.advance(timedelta(hours=1, minutes=5))
    card = await desk.card(office.intake, number, with_identity=True)  # 11:05
    assert card.detail.reporter is not None and card.detail.reporter["name"] == NAME
    clock.advance(timedelta(minutes=30))
    [item] = card.detail.evidence
    _, _, data = await desk.evidence_file(office.supervisor, number, item.id)  # 11:35
    assert data == PHOTO

    code, out, _ = await run_cli(app, monkeypatch, capsys, "case", "show", number)  # the operator (real clock)
    assert code == 0 and FACTS[:20] in out

    code, out, err = await run_cli(app, monkeypatch, capsys, "audit", "--case", number)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"{number} (accepted): 7 recorded steps, times in Asia/Shanghai (UTC+8)"
    assert lines[1].split() == ["time", "actor", "officer", "roles", "unit", "action", "state", "rule", "detail"]
    assert lines[2].split() == ["2026-09-28", "09:00", "citizen", "-", "-", "-", "file", "received", "R-14", "-"]
    assert lines[3].split()[:8] == ["2026-09-28", "10:00", "officer:1", "王信访", "intake", "LA", "register",
                                    "received"]  # fmt: skip
    view = lines[5].split()  # the card with the facts, shown to the intake officer
    assert view == ["2026-09-28", "11:05", "officer:1", "王信访", "intake", "LA", "view_case", "-", "R-47", "-"]
    identity = lines[6].split()
    assert identity == ["2026-09-28", "11:05", "officer:1", "王信访", "intake", "LA", "view_identity", "-", "R-47", "-"]
    evidence = lines[7].split()
    assert evidence == ["2026-09-28", "11:35", "officer:4", "陈主任", "supervisor", "LA", "view_evidence", "-", "R-47",
                        "evidence", str(item.id)]  # fmt: skip
    assert lines[8].split()[2:] == ["system", "-", "-", "-", "view_case", "-", "R-47", "-"]
    assert lines[-1] == "identity views: 1; evidence downloads: 1; case views: 2"
    for secret in (NAME, PHONE, FACTS[:20], "现场.jpg"):
        assert secret not in out + err

    code, out, err = await run_cli(app, monkeypatch, capsys, "audit", "--case", number, "--json")
    assert code == 0, err
    trail = json.loads(out)
    assert (trail["number"], trail["identity_views"], trail["evidence_views"], trail["case_views"]) == (number, 1, 1, 2)
    assert [e["action"] for e in trail["entries"]] == ["file", "register", "accept", "view_case", "view_identity",
                                                       "view_evidence", "view_case"]  # fmt: skip
    view = trail["entries"][4]
    assert view["at"] == "2026-09-28T11:05:00+08:00"
    assert (view["officer_id"], view["officer_name"], view["roles"], view["unit"]) == (1, "王信访", ["intake"], "LA")
    assert NAME not in out and PHONE not in out

    code, _, err = await run_cli(app, monkeypatch, capsys, "audit", "--case", "XF-2026-999999")
    assert code == 1 and "not found" in err
