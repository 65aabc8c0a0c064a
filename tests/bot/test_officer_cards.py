"""What an officer reads on a case card, and how they open one (issue 12, items 13, 14, 18, 20), through the real
runtimes."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from core.clock import ManualClock
from core.model import AppealedDecision, AppealOutcome, ReportType, SuggestionOutcome
from core.persistence import office as office_setting
from core.reports import AppealedDecisionDetails, NewReport, ReporterIdentity
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import Office, named_report, person

from .conftest import BotHarness

INTAKE, HANDLER, SUPERVISOR = 1001, 1002, 1004  # Telegram ids in tests/factories.py
XH = "浙江省/杭州市/西湖区"


async def file_in(app: App, clock: ManualClock, year: int, region: str | None = None) -> str:
    clock.set(beijing(year, 11, 2, 9, 0))
    report = named_report(persons=(person(region=region),)) if region else named_report()
    return (await app.filing.file_report(report)).number


async def test_a_case_opens_by_its_short_number(harness: BotHarness, app: App, clock: ManualClock,
                                                office: Office) -> None:  # fmt: skip
    """``/case 33`` is this year's case 33, or the only one with that number the officer may see; several: a
    choice among those the officer may see, never a word about the others (core.access)."""
    h = harness
    filed = [await file_in(app, clock, 2024, r) for r in (None, XH, None)]  # 2024: 1 LA, 2 XH, 3 LA
    filed += [await file_in(app, clock, 2025) for _ in range(3)]  # 2025: 1, 2, 3 LA
    filed.append(await file_in(app, clock, 2026))  # 2026: 1 LA
    assert filed[-1] == "XF-2026-000001" and filed[1] == "XF-2024-000002"

    for ref, number in (("1", "XF-2026-000001"), ("2", "XF-2025-000002"), ("2024-3", "XF-2024-000003"),
                        ("xf-2025-3", "XF-2025-000003"), ("XF-2025-000001", "XF-2025-000001")):  # fmt: skip
        card = await h.say(INTAKE, f"/case {ref}")
        assert card[0].startswith(number) or card[0].startswith(f"⚠️ {number}"), (ref, card)
        assert number in str(h.tg.last_keyboard(INTAKE)) or "返回收件箱" in str(h.tg.last_keyboard(INTAKE))

    # 2 exists in 2024 too, but in another unit: it is not offered, not even named
    assert "XF-2024-000002" not in " ".join(h.tg.texts(INTAKE))

    choice = await h.say(INTAKE, "/case 3")
    assert "XF-2024-000003" in choice[0] and "XF-2025-000003" in choice[0]
    labels = [t for row in h.tg.last_keyboard(INTAKE) for t, _ in row]
    assert labels == ["XF-2024-000003", "XF-2025-000003"]
    opened = await h.tap(INTAKE, "XF-2025-000003")
    assert opened[0].startswith("XF-2025-000003")

    for ref in ("9", "2023-1", "abc"):
        assert "编号不存在" in (await h.say(INTAKE, f"/case {ref}"))[0]


RAW = ("telegram", "channel=", "officer:", "[S]", "[U]", "[C]", "R-2", "R-1", "XF-22", "JD ", "view_", "evidence ",
       "give_feedback", "dispose", "None")  # fmt: skip


def assert_labels_only(text: str) -> None:
    """Officers read labels: no enum value, action id, rule id or confidence tag (issue 12, item 13)."""
    leaked = [raw for raw in RAW if raw in text]
    assert not leaked, f"internal text {leaked} on the card:\n{text}"


async def test_the_card_shows_labels_and_everything_stored_to_those_entitled(
    harness: BotHarness, app: App, clock: ManualClock, office: Office
) -> None:
    """Items 13 and 14: channel, actors, actions and deadlines as labels; assignee, the answer about other bodies,
    the scope warning the reporter overrode, disposal method, findings, sign-off and rating on the card; the ID
    number only on the identity view of an entitled officer. Item 20: times in the office's zone, shown."""
    from core.model import DisposalMethod, Satisfaction
    from core.reports import ReporterIdentity
    from core.services.reporter import ReporterService
    from tests.factories import closure, photo

    h = harness
    report = named_report(
        reporter=ReporterIdentity("刘举报", "13800138000", "11010519491231002X", "临安区锦城街道某小区"),
        other_bodies="2026年5月向镇政府反映过，没有答复",
        scope_refer_to="judicial",
        scope_reason="scope.reason.refer.judicial",
        evidence=(photo(),),
    )
    number = (await app.filing.file_report(report)).number  # 09:00 Beijing
    card = (await h.say(INTAKE, f"/case {number}"))[0]
    assert_labels_only(card)
    assert "来源：Telegram" in card and "收到：2026-09-28 09:00（UTC+8）" in card
    assert "· 告知受理情况：2026-10-23 到期" in card  # D3, R-26? [S]: the label, not the rule
    assert "承办人：未分配" in card
    assert "向其他机关反映过：2026年5月向镇政府反映过，没有答复" in card
    assert "提交前曾提示" in card and "人民法院" in card and "举报人仍选择提交" in card
    assert "最近记录（UTC+8）：\n09-28 09:00 举报人 提交举报（Telegram）" in card
    assert "11010519491231002X" not in card and "刘举报" not in card  # identity only on request
    await h.tap(INTAKE, "📎 现场.jpg")

    shown = (await h.say(INTAKE, f"/case {number}")) and await h.tap(INTAKE, "查看举报人身份")
    assert "刘举报" in shown[-1] and "11010519491231002X" in shown[-1] and "临安区锦城街道某小区" in shown[-1]
    assert "王信访 查看证据材料：现场.jpg" in shown[-1]
    assert_labels_only(shown[-1])

    clock.advance(timedelta(hours=1))
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(
        number, office.handler, DisposalMethod.TALK_OR_LETTER, "经集体研究", approved_by=office.supervisor
    )
    card = (await h.say(HANDLER, f"/case {number}"))[0]
    assert_labels_only(card)
    assert "承办人：李承办" in card and "处置方式：谈话函询" in card
    assert "· 函询回复：" in card  # D6 (JD [S], number [U]): the label only
    assert "王信访 分配承办" in card and "李承办 处置：谈话函询 — 经集体研究" in card  # the method named
    assert "查看举报人身份" not in str(h.tg.last_keyboard(HANDLER)) and "11010519491231002X" not in card

    await app.cases.conclude(number, office.handler, closure(), approved_by=office.supervisor)
    await app.cases.give_feedback(number, office.handler, "经核查，反映的问题部分属实，已责令整改。")
    await ReporterService(app.ctx, app.cases).rate(number, 555001, Satisfaction.FAIRLY)
    for officer in (HANDLER, SUPERVISOR):
        card = (await h.say(officer, f"/case {number}"))[0]
        assert_labels_only(card)
        assert "处置方式：谈话函询" in card
        assert "· 低保优亲厚友：部分属实（依据：村委会低保评议记录；走访笔录）" in card
        assert "· 违纪违法情形：《中国共产党纪律处分条例》群众纪律" in card
        assert "· 处理：谈话提醒，责令退还违规低保金" in card
        assert "· 集体研究：是；领导签批：陈主任" in card
        assert "· 反馈内容：经核查，反映的问题部分属实，已责令整改。" in card
        assert "举报人评价：基本满意" in card
        assert "举报人 评价：基本满意" in card  # the history line too

    status = await h.say(555001, "/status")  # the reporter sees the rating they gave too
    assert any("您的评价：基本满意" in t for t in status), status

    # the office's time zone is a setting: every time on the card follows it, and says which
    app.ctx.tz = ZoneInfo("Asia/Kolkata")
    card = (await h.say(SUPERVISOR, f"/case {number}"))[0]
    assert "收到：2026-09-28 06:30（UTC+5:30）" in card and "最近记录（UTC+5:30）" in card


async def test_an_anonymous_and_a_referred_case_read_in_labels(harness: BotHarness, app: App, office: Office) -> None:
    from core.model import ReferTo
    from tests.factories import anonymous_report

    h = harness
    anonymous = (await app.filing.file_report(anonymous_report())).number
    card = (await h.say(INTAKE, f"/case {anonymous}"))[0]
    assert_labels_only(card)
    assert "举报人：匿名" in card and "向其他机关反映过：未填写" in card
    assert "· 登记分办：" in card  # D7, XF-22 [C]

    referred = (await app.filing.file_report(named_report())).number
    await app.cases.register(referred, office.intake)
    await app.cases.refer(referred, office.intake, ReferTo.MARKET, "属于物业收费纠纷", approved_by=office.supervisor)
    card = (await h.say(SUPERVISOR, f"/case {referred}"))[0]
    assert_labels_only(card)
    assert "不予受理，告知去向：市场监督管理部门（12315）" in card
    assert "王信访 不予受理 — 属于物业收费纠纷" in card


def test_the_scope_warning_a_citizen_filed_past_goes_with_the_report() -> None:
    """Item 14: the referral shown at the scope check, and filed past with "我仍然要提交", is part of the report
    (shown on the card above); a report the scope check accepted carries none."""
    from bot.dialogs.engine import Conversation
    from bot.dialogs.review import build_report

    answers = {"report_type": "accusation", "category": "masses", "facts": "事实" * 20, "identity": "anonymous",
               "password": "lao-li-2026!", "persons": [{"unit": "某村", "region": "浙江省/杭州市/临安区", "name": "",
               "post": "", "level": "village", "party": "unknown"}]}  # fmt: skip
    referred = Conversation("zh-CN", answers={**answers, "refer_to": "government",
                                              "refer_reason": "scope.reason.refer.government"})  # fmt: skip
    report = build_report(referred, 42).validated()
    assert (report.scope_refer_to, report.scope_reason) == ("government", "scope.reason.refer.government")
    general = build_report(Conversation("zh-CN", answers={**answers, "refer_to": ""}), 42).validated()
    assert (general.scope_refer_to, general.scope_reason) == ("none", "")
    accepted = build_report(Conversation("zh-CN", answers=answers), 42).validated()
    assert (accepted.scope_refer_to, accepted.scope_reason) == ("", "")


async def test_a_refused_closure_keeps_the_answers_and_asks_only_what_is_missing(
    harness: BotHarness, app: App, office: Office
) -> None:
    """Item 15: "未能完成，还缺少：…" keeps the seven answers given and asks only the missing items; the result text
    written at closure is offered at 反馈结果 to send as it is (or to edit), not asked again."""
    from core.model import Action
    from core.services.outbox import OutboxService

    h = harness
    number = (await app.filing.file_report(named_report())).number
    for step in ("register", "accept"):
        await app.cases.perform(number, Action(step), office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await h.say(SUPERVISOR, f"/case {number}")
    await h.tap(SUPERVISOR, "选择处置方式")
    await h.tap(SUPERVISOR, "予以了结")
    await h.tap(SUPERVISOR, "办结")
    await h.say(SUPERVISOR, "低保优亲厚友")
    await h.tap(SUPERVISOR, "属实")
    await h.tap(SUPERVISOR, "跳过")  # no evidence for a "true" finding
    await h.say(SUPERVISOR, "《中国共产党纪律处分条例》群众纪律")
    await h.say(SUPERVISOR, "谈话提醒，责令退还")
    await h.tap(SUPERVISOR, "否")  # no collective discussion
    refused = await h.say(SUPERVISOR, "经核查，反映的问题属实，已责令退还。")
    assert "证据充分" in refused[0] and "集体研究" in refused[0] and "已填写的内容都保留" in refused[0]
    assert "事实清楚" not in refused[0] and "定性准确" not in refused[0]
    assert "证据材料" in refused[-1]  # asked at once: the first missing item, nothing else
    asked = await h.say(SUPERVISOR, "低保评议记录；走访笔录")
    assert "集体研究" in asked[-1]
    done = await h.tap(SUPERVISOR, "是")  # the violation, the feedback… are not asked again
    assert "已完成" in done[0] and "已办结" in done[-1]
    result = (await app.queries.case_detail(number)).result
    assert result is not None
    assert result["findings"][0]["allegation"] == "低保优亲厚友" and result["findings"][0]["finding"] == "true"
    assert result["findings"][0]["evidence"] == ["低保评议记录", "走访笔录"]
    assert (result["violation"], result["action_taken"], result["leader_signoff"], result["collective_discussion"]) == (
        "《中国共产党纪律处分条例》群众纪律", "谈话提醒，责令退还", "陈主任", True)  # fmt: skip

    offered = await h.tap(SUPERVISOR, "反馈结果")
    assert "经核查，反映的问题属实，已责令退还。" in offered[-1]
    assert [t for row in h.tg.last_keyboard(SUPERVISOR) for t, _ in row] == ["按此发送", "修改"]
    sent = await h.tap(SUPERVISOR, "按此发送")
    assert "已反馈" in sent[-1]
    await OutboxService(app.ctx, h.notifier()).send_due()
    told = [t for t in h.tg.texts(555001) if t.startswith("【办理结果反馈】")]
    assert told and "经核查，反映的问题属实，已责令退还。" in told[0]


async def test_the_card_shows_the_reported_persons_party_membership(harness: BotHarness, app: App,
                                                                     office: Office) -> None:  # fmt: skip
    """Tester's walk, item 2: the citizen's answer about 中共党员 decides 党纪 or 政务 handling; the card dropped it."""
    from dataclasses import replace

    from core.model import PartyMembership

    member, unknown = replace(person(name="张伟"), party=PartyMembership.MEMBER), person(name="李某")
    number = (await app.filing.file_report(named_report(persons=(member, unknown)))).number
    card = (await harness.say(INTAKE, f"/case {number}"))[0]
    assert_labels_only(card)
    [zhang] = [line for line in card.splitlines() if "张伟" in line]
    [li] = [line for line in card.splitlines() if "李某" in line and "临安区某镇某村村委会" in line]
    assert "政治面貌：中共党员" in zhang and "政治面貌：不清楚" in li
    assert "member" not in card


async def test_an_appeal_and_a_suggestion_card_show_their_own_fields_outcome_and_filer(
    harness: BotHarness, app: App, office: Office
) -> None:
    """Issue 15 (rules.md §10.1): an appeal's card names the decision appealed and its outcome with reasons, a
    suggestion's its subject and answer, without a "raised with other bodies" line it never asked; the filer is
    an appellant (申诉人) or a suggester (建议人) in the history, never 举报人; labels only."""
    h = harness
    async with app.ctx.uow() as uow:
        await office_setting.store_home(uow.session, "LA")  # they name nobody to route by: the home unit
        await uow.commit()
    appeal = AppealedDecisionDetails("临安区某镇党委", "2026年7月", AppealedDecision.PARTY_SANCTION, "党内警告")
    filed = [
        NewReport(report_type=ReportType.APPEAL, category=None, persons=(), appeal=appeal, chat_id=555020,
                  facts="我认为给我的党内警告处分认定事实不清：所谓违规收受的礼品是亲戚之间的正常往来，有聊天记录为证。",
                  reporter=ReporterIdentity("刘申诉", "13800138001")),
        NewReport(report_type=ReportType.SUGGESTION, category=None, persons=(), subject="村务公开的方式",
                  facts="建议村务公开栏每月更新一次，并把低保名单和补助金额一并公示，方便群众监督，也请镇纪委定期抽查。",
                  reporter=ReporterIdentity("刘建议", "13800138002"), chat_id=555021),
    ]  # fmt: skip
    appeal_no, suggestion_no = [(await app.filing.file_report(r)).number for r in filed]
    for number in (appeal_no, suggestion_no):
        for step in (app.cases.register, app.cases.accept):
            await step(number, office.intake)
        await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.decide_appeal(appeal_no, office.supervisor, AppealOutcome.UPHELD, "事实清楚，处分适当")
    await app.cases.answer_suggestion(suggestion_no, office.supervisor, SuggestionOutcome.PARTLY_ADOPTED, "部分采纳")

    card = (await h.say(INTAKE, f"/case {appeal_no}"))[-1]
    for shown in ("类型：申诉", "申诉的决定：临安区某镇党委于2026年7月作出的党纪处分", "复查结论：维持",
                  "理由：事实清楚，处分适当", "申诉人 提交申诉"):  # fmt: skip
        assert shown in card, (shown, card)
    card = (await h.say(INTAKE, f"/case {suggestion_no}"))[-1]
    for shown in ("类型：批评建议", "主题：村务公开的方式", "答复结论：部分采纳", "答复：部分采纳", "建议人 提出建议"):
        assert shown in card, (shown, card)
    assert "向其他机关反映过" not in card
    for text in h.tg.texts(INTAKE):
        assert not [raw for raw in ("举报人 提交", "upheld", "partly_adopted", "party_sanction", "§") if raw in text]
