"""``qingfeng case show`` is the card officers read in the bot, in the office's language and time zone, with
everything stored about the case except the reporter's identity; ``qingfeng audit`` uses the same zone (issue 12,
items 13, 14, 20)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from core.clock import ManualClock
from core.model import (
    AppealedDecision,
    AppealOutcome,
    DisposalMethod,
    ReportType,
    Role,
    Satisfaction,
    SuggestionOutcome,
)
from core.persistence import office as office_setting
from core.reports import AppealedDecisionDetails, NewReport, ReporterIdentity
from core.services.reporter import ReporterService
from qingfeng.app import App
from tests.factories import Office, closure, named_report, seed_office
from tests.integration.cli_run import run_cli

RAW = ("telegram", "channel=", "officer:", "[S]", "[U]", "[C]", "R-1", "R-2", "view_", "give_feedback", "None")
ID_NUMBER = "11010519491231002X"


async def concluded_case(app: App, clock: ManualClock) -> str:
    office = await seed_office(app)
    report = named_report(reporter=ReporterIdentity("刘举报", "13800138000", ID_NUMBER),
                          other_bodies="向镇政府反映过，没有答复", scope_refer_to="government",
                          scope_reason="scope.reason.refer.government")  # fmt: skip
    number = (await app.filing.file_report(report)).number  # 2026-09-28 09:00 Beijing
    clock.advance(timedelta(hours=1))
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(number, office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    await app.cases.conclude(number, office.handler, closure(), approved_by=office.supervisor)
    await app.cases.give_feedback(number, office.handler, "经核查，反映的问题部分属实，已责令整改。")
    await ReporterService(app.ctx, app.cases).rate(number, 555001, Satisfaction.SATISFIED)
    return number


async def test_case_show_prints_the_card_in_labels_with_all_that_is_stored(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    number = await concluded_case(app, clock)
    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", number)
    assert code == 0, err
    leaked = [raw for raw in RAW if raw in out]
    assert not leaked, f"internal text {leaked}:\n{out}"
    for shown in ("来源：Telegram", "承办人：李承办", "向其他机关反映过：向镇政府反映过，没有答复", "有关政府部门",
                  "举报人仍选择提交", "处置方式：初步核实", "· 低保优亲厚友：部分属实", "领导签批：陈主任",
                  "· 反馈内容：经核查", "举报人评价：满意", "王信访 登记",
                  "李承办 办结 — 部分属实，谈话提醒"):  # fmt: skip
        assert shown in out, shown
    for identity in ("刘举报", "13800138000", ID_NUMBER):  # the CLI never shows the reporter
        assert identity not in out

    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", number, "--lang", "en")
    assert code == 0 and "Handler: 李承办" in out and "Source: Telegram" in out, out


async def test_case_show_and_audit_give_times_in_the_office_zone_and_say_which(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    number = await concluded_case(app, clock)
    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", number)
    assert code == 0, err
    assert "收到：2026-09-28 09:00（UTC+8）" in out and "（UTC+8）：\n2026-09-28 09:00 举报人 提交举报" in out
    code, out, err = await run_cli(app, monkeypatch, capsys, "audit", "--case", number)
    assert code == 0, err
    assert "times in Asia/Shanghai (UTC+8)" in out.splitlines()[0]
    assert out.splitlines()[2].split()[:2] == ["2026-09-28", "09:00"]

    monkeypatch.setenv("QINGFENG_TIMEZONE", "Asia/Kolkata")  # the office's zone is a setting: all times follow
    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", number)
    assert code == 0, err
    assert "收到：2026-09-28 06:30（UTC+5:30）" in out and "（UTC+5:30）：\n2026-09-28 06:30 举报人 提交举报" in out
    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", number, "--json")
    shown = json.loads(out)
    assert shown["summary"]["received_at"] == "2026-09-28T06:30:00+05:30"
    assert shown["events"][0]["at"] == "2026-09-28T06:30:00+05:30"
    code, out, err = await run_cli(app, monkeypatch, capsys, "audit", "--case", number)
    assert code == 0, err
    assert "times in Asia/Kolkata (UTC+5:30)" in out.splitlines()[0]
    assert out.splitlines()[2].split()[:2] == ["2026-09-28", "06:30"]

    monkeypatch.setenv("QINGFENG_TIMEZONE", "Mars/Olympus")
    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", number)
    assert code == 2 and not out and len(err.strip().splitlines()) == 1 and "QINGFENG_TIMEZONE" in err, err


async def test_case_show_links_a_duplicate_both_ways(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15 item 8: the original lists the duplicates joined to it, the duplicate names the original."""
    office = await seed_office(app)
    original, later = [(await app.filing.file_report(named_report(chat_id=555001 + i))).number for i in range(2)]
    for n in (original, later):
        await app.cases.register(n, office.intake)
    await app.cases.mark_duplicate(later, office.intake, original)
    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", original)
    assert code == 0, err
    assert f"并入本件的重复件：{later}" in out
    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", later)
    assert code == 0 and f"重复件，已并入：{original}" in out


async def seed_home_la(app: App) -> Office:
    """An appeal or a suggestion names nobody to route by: it goes to the office's home unit (the county here)."""
    office = await seed_office(app)
    async with app.ctx.uow() as uow:
        await office_setting.store_home(uow.session, "LA")
        await uow.commit()
    return office


GROUNDS = "我认为给我的党内警告处分认定事实不清：所谓违规收受的礼品是亲戚之间的正常往来，有聊天记录为证。"


async def test_case_show_gives_an_appeal_its_own_fields_and_outcome(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 15 item 2 (rules.md §10.1): the decision appealed, the grounds, and the outcome with its reasons; the
    filer is an appellant (申诉人), not a reporter; no persons reported, no category."""
    office = await seed_home_la(app)
    appeal = AppealedDecisionDetails("临安区某镇党委", "2026年7月", AppealedDecision.PARTY_SANCTION, "党内警告",
                                     "临纪发〔2026〕12号")  # fmt: skip
    report = NewReport(report_type=ReportType.APPEAL, category=None, facts=GROUNDS, persons=(), appeal=appeal,
                       reporter=ReporterIdentity("刘申诉", "13800138001"), chat_id=555010)  # fmt: skip
    number = (await app.filing.file_report(report)).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.decide_appeal(number, office.supervisor, AppealOutcome.CHANGED, "礼品系亲属往来，改为批评教育")
    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", number)
    assert code == 0, err
    decision = "申诉的决定：临安区某镇党委于2026年7月作出的党纪处分（文号：临纪发〔2026〕12号）：党内警告"
    for shown in ("类型：申诉", decision, "申诉理由：\n" + GROUNDS, "复查结论：变更",
                  "理由：礼品系亲属往来，改为批评教育", "申诉人 提交申诉"):  # fmt: skip
        assert shown in out, (shown, out)
    assert not [raw for raw in (*RAW, "changed", "party_sanction", "举报人", "被反映人") if raw in out], out
    assert "刘申诉" not in out and "13800138001" not in out


async def test_case_show_gives_a_suggestion_its_subject_and_answer(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A suggestion names nobody and is not asked whether other bodies had it (rules.md §10.1, issue 15 item 3b)."""
    office = await seed_home_la(app)
    content = "建议村务公开栏每月更新一次，并把低保名单和补助金额一并公示，方便群众监督，也请镇纪委定期抽查落实情况。"
    report = NewReport(report_type=ReportType.SUGGESTION, category=None, facts=content, persons=(),
                       subject="村务公开的方式", reporter=ReporterIdentity("刘建议", "13800138002"),
                       chat_id=555011)  # fmt: skip
    number = (await app.filing.file_report(report)).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.answer_suggestion(number, office.supervisor, SuggestionOutcome.ADOPTED, "已要求各村每月公示")
    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", number)
    assert code == 0, err
    for shown in ("类型：批评建议", "主题：村务公开的方式", "意见建议：\n" + content, "答复结论：采纳",
                  "答复：已要求各村每月公示", "建议人 提出建议"):  # fmt: skip
        assert shown in out, (shown, out)
    assert "向其他机关反映过" not in out and "未填写" not in out
    assert not [raw for raw in (*RAW, "adopted", "举报人", "被反映人") if raw in out], out


async def test_case_show_follows_a_transfer_to_its_report(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Sent down and taken in below: from which unit to which, the 报结 due date, and whether it was recorded."""
    office = await seed_office(app)
    number = (await app.filing.file_report(named_report())).number
    await app.cases.register(number, office.intake)
    await app.cases.transfer(number, office.intake, "HZ", approved_by=office.supervisor)
    await app.cases.receive_transfer(number, office.city_intake)
    city_leader = await app.officers.add_officer("孙市领导", "HZ", [Role.SUPERVISOR])  # approves the 转出 (§10.2)
    await app.cases.transfer(number, office.city_intake, "LA",
                             approved_by=await app.officers.actor_for_officer(city_leader.id))  # fmt: skip
    await app.cases.receive_transfer(number, office.intake)
    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", number)
    assert code == 0 and "转办跟踪：杭州市纪委监委 → 临安区纪委监委；报结期限 2027-03-29；待报结" in out, (out, err)
    await app.cases.report_result(number, office.city_intake, "临安区纪委监委报结：查无实据")
    code, out, _ = await run_cli(app, monkeypatch, capsys, "case", "show", number)
    assert code == 0 and "报结期限 2027-03-29；已于 2026-09-28 报结" in out, out
    assert "周市信访 报结 — 临安区纪委监委报结：查无实据" in out
