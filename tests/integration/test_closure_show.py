"""``qingfeng case show`` of a conclusion that did not confirm the facts (rules.md §10.4, issue 15 item 10): the
clearing, the assessment of the report and the history step in labels of the office's language, never as ids."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.clock import ManualClock
from core.closure import AllegationFinding
from core.model import Clearing, DisposalMethod, Finding, ReportAssessment
from qingfeng.app import App
from tests.factories import closure, named_report, seed_office
from tests.integration.cli_run import run_cli

RAW = ("cleared", "not_needed", "good_faith", "mistaken", "suspected_false", "assess_report", "enum.")


async def test_case_show_names_the_clearing_and_the_assessment(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    office = await seed_office(app)
    number = (await app.filing.file_report(named_report())).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(number, office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    report = replace(closure(), findings=(AllegationFinding("低保优亲厚友", Finding.UNTRUE, ("走访笔录",)),),
                     clearing=Clearing.CLEARED, assessment=ReportAssessment.MISTAKEN,
                     feedback_text="经核查，您反映的问题未查实。")  # fmt: skip
    await app.cases.conclude(number, office.handler, report, approved_by=office.supervisor)

    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", number)
    assert code == 0, err
    assert "· 未查实：予以澄清正名；错告（不了解情况，反映失实）" in out
    assert "李承办 未查实：予以澄清正名；错告（不了解情况，反映失实）" in out and "已移交" not in out
    # the leader's approval given at the desk is recorded as the handler's request, approved by the leader
    assert "领导批准：选择处置方式：初步核实（李承办 2026-09-28 09:00 申请，陈主任 2026-09-28 09:00 批准）" in out
    assert not [raw for raw in RAW if raw in out], out

    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", number, "--lang", "en")
    assert code == 0, err
    assert "· Not confirmed: cleared (澄清正名); mistaken report (错告, honest error)" in out
    assert "not confirmed: cleared (澄清正名); mistaken report (错告, honest error)" in out
