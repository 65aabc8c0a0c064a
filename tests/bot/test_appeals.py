"""申诉 and 批评建议 on their own paths (rules.md §10.1, issue 15 item 2), through the real runtimes: the citizen
files the decision appealed (or the subject), never a person reported or a discipline category; the handler answers
with the type's own outcome and reasons, never a disposal method; the named reporter gets the outcome as the result
feedback through the outbox; the database holds the fields encrypted, the outcome and the deadlines."""

from __future__ import annotations

from sqlalchemy import select

from core.calendar.deadlines import DeadlineKind
from core.model import Action, AppealedDecision, AppealOutcome, ReportType
from core.persistence import office as office_setting
from core.persistence.orm import CaseRow, DeadlineRow, ReportedPersonRow
from core.reports import AppealedDecisionDetails, NewReport
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import Office

from .conftest import BotHarness

INTAKE, HANDLER, SUPERVISOR = 1001, 1002, 1004  # Telegram ids in tests/factories.py
APPELLANT, SUGGESTER = 700201, 700202
GROUNDS = "处分认定我未及时上报防汛隐患，但我在2026年6月12日已书面报告分管领导，有签收记录，认定的事实不成立。"
REASONS = "经复查，您已于6月12日书面报告隐患，原处分认定的失职情节不成立，改为批评教育。"
CONTENT = "建议村务公开不要只贴在村委会门口，同时发在村民微信群并保留一个月，方便在外打工的村民监督低保和工程款。"
REPLY = "您的建议已采纳：自下月起村务公开同时在村民微信群发布并保留一个月。感谢您的监督。"


async def home_is_la(app: App) -> None:
    """An appeal or a suggestion names nobody to route by: it goes to the office's home unit (the county here)."""
    async with app.ctx.uow() as uow:
        await office_setting.store_home(uow.session, "LA")
        await uow.commit()


async def deliver(app: App, h: BotHarness) -> int:
    return await OutboxService(app.ctx, h.notifier()).send_due()


async def start_named(h: BotHarness, chat: int, sentence: str, kind: str) -> list[str]:
    seen = await h.say(chat, "/start")
    seen += await h.tap(chat, "我已阅读")
    seen += await h.say(chat, sentence)
    seen += await h.tap(chat, kind)
    seen += await h.tap(chat, "实名举报")
    seen += await h.say(chat, "刘申诉")
    seen += await h.say(chat, "138 0013 8001")
    return seen + await h.tap(chat, "跳过")  # ID number


async def file_and_read_number(h: BotHarness, chat: int) -> tuple[list[str], str]:
    seen = await h.tap(chat, "内容无误")
    seen += await h.tap(chat, "确认提交")
    receipt = next(t for t in seen if "已提交" in t)
    return seen, receipt.split("编号：")[1].split("\n")[0]


async def route_to_handler(h: BotHarness, number: str) -> None:
    await h.say(INTAKE, f"/case {number}")
    await h.tap(INTAKE, "登记")
    await h.tap(INTAKE, "受理")
    await h.tap(INTAKE, "分配承办")
    await h.tap(INTAKE, "李承办")


async def test_an_appeal_from_filing_to_changed_with_the_outcome_fed_back(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    await home_is_la(app)
    seen = await start_named(h, APPELLANT, "我对镇党委给我的党内警告处分不服，申请复查", "申诉")
    assert "哪个机关作出的决定" in seen[-1]  # not "被反映人"
    await h.say(APPELLANT, "临安区某镇党委")
    await h.say(APPELLANT, "2026年7月15日")
    await h.tap(APPELLANT, "党纪处分")
    await h.say(APPELLANT, "给予党内警告处分")
    await h.say(APPELLANT, "临纪发〔2026〕12号")
    await h.say(APPELLANT, GROUNDS)
    await h.tap(APPELLANT, "跳过")  # other bodies
    review = await h.tap(APPELLANT, "完成")  # no evidence
    assert "申诉的决定：临安区某镇党委，2026年7月15日，党纪处分，文号：临纪发〔2026〕12号" in review[-1]
    assert "被反映人" not in review[-1] and "问题类别" not in review[-1]
    seen, number = await file_and_read_number(h, APPELLANT)
    assert "您的申诉编号" in seen[-2] and "复查后会告知您结论和理由" in seen[-2]

    # stored: the decision encrypted like the facts, no person reported, no category, its own answer deadline
    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        assert case.report_type == ReportType.APPEAL and case.category is None and case.named
        assert case.particulars_enc is not None and "临纪发".encode() not in case.particulars_enc
        assert app.ctx.vault.dec_json(case.particulars_enc) == {
            "body": "临安区某镇党委", "decided_on": "2026年7月15日", "kind": "party_sanction",
            "decision": "给予党内警告处分", "doc_number": "临纪发〔2026〕12号"}  # fmt: skip
        assert GROUNDS.encode() not in case.facts_enc
        persons = await uow.session.execute(select(ReportedPersonRow).where(ReportedPersonRow.case_id == case.id))
        assert persons.scalars().all() == []
        answer = (
            await uow.session.execute(
                select(DeadlineRow).where(
                    DeadlineRow.case_id == case.id, DeadlineRow.kind == DeadlineKind.REVIEW_ANSWER.value
                )
            )
        ).scalar_one()
        assert answer.state == "open" and (answer.due_date - answer.trigger_date).days >= 30  # D12: 30 days

    await route_to_handler(h, number)
    card = await h.say(HANDLER, f"/case {number}")
    assert "申诉的决定：临安区某镇党委于2026年7月15日作出的党纪处分" in card[-1] and "被反映人" not in card[-1]
    labels = [t for row in h.tg.last_keyboard(HANDLER) for t, _d in row]
    assert "作出申诉复查决定" in labels and "选择处置方式" not in labels and "暂存待查" not in labels
    await h.tap(HANDLER, "作出申诉复查决定")
    await h.tap(HANDLER, "变更")
    asked = await h.say(HANDLER, REASONS)
    assert "须经领导批准" in asked[-1]  # a handler's decision needs the leader (rules.md §10.2)
    await deliver(app, h)
    push = h.tg.texts(SUPERVISOR)[-1]
    assert "李承办 请您审批" in push and "变更" in push and "申诉" in push  # what the leader approves
    assert "已批准" in (await h.tap(SUPERVISOR, "批准"))[-1]
    done = await h.say(HANDLER, f"/case {number}")
    assert "已办结" in done[-1] and "复查结论：变更" in done[-1] and "陈主任" in done[-1]
    offered = await h.tap(HANDLER, "反馈结果")
    assert REASONS in offered[-1]  # the reasons are the result prepared for the appellant
    fed = await h.tap(HANDLER, "按此发送")
    assert "已反馈" in fed[-1]

    await deliver(app, h)
    result = [t for t in h.tg.texts(APPELLANT) if t.startswith("【申诉复查结果】")]
    assert result and "结论：变更" in result[0] and REASONS in result[0]
    rating = [t for row in h.tg.last_keyboard(APPELLANT) for t, _d in row]
    assert "满意" in rating  # rated and objected to like any result (D4)
    status = await h.say(APPELLANT, "/status")
    assert any("变更。" + REASONS in t for t in status)

    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        assert (case.state, case.outcome) == ("feedback_given", "changed")
        assert case.result_enc is not None and REASONS.encode() not in case.result_enc
        kinds = dict((await uow.session.execute(
            select(DeadlineRow.kind, DeadlineRow.state).where(DeadlineRow.case_id == case.id))).all())  # fmt: skip
        assert kinds[DeadlineKind.REVIEW_ANSWER.value] == "met" and kinds[DeadlineKind.RESULT_FEEDBACK.value] == "met"
        assert "letter_reply" not in kinds  # no 谈话函询 on an appeal
    shown = await app.queries.case_detail(number)
    assert shown.outcome == "enum.AppealOutcome.changed" and shown.disposal_method is None


async def test_a_suggestion_from_filing_to_adopted_with_the_reply_delivered(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    await home_is_la(app)
    seen = await start_named(h, SUGGESTER, "我想对村务公开工作提个建议", "批评建议")
    assert "主题" in seen[-1]
    await h.say(SUGGESTER, "村务公开的方式")
    await h.say(SUGGESTER, CONTENT)
    review = await h.tap(SUGGESTER, "完成")  # no attachment; no "other bodies" question for a suggestion
    assert "主题：村务公开的方式" in review[-1] and "被反映人" not in review[-1]
    seen, number = await file_and_read_number(h, SUGGESTER)
    assert "您的意见建议编号" in seen[-2]

    await route_to_handler(h, number)
    await h.say(SUPERVISOR, f"/case {number}")
    labels = [t for row in h.tg.last_keyboard(SUPERVISOR) for t, _d in row]
    assert "答复意见建议" in labels and "选择处置方式" not in labels and "办结" not in labels
    await h.tap(SUPERVISOR, "答复意见建议")
    await h.tap(SUPERVISOR, "采纳")  # the first of 采纳 / 部分采纳 / 不予采纳
    done = await h.say(SUPERVISOR, REPLY)  # a leader's own answer is its approval: no approver asked
    assert "已办结" in done[-1] and "答复结论：采纳" in done[-1]
    await h.tap(SUPERVISOR, "反馈结果")
    await h.tap(SUPERVISOR, "按此发送")
    await deliver(app, h)
    reply = [t for t in h.tg.texts(SUGGESTER) if t.startswith("【意见建议答复】")]
    assert reply and "处理结果：采纳" in reply[0] and REPLY in reply[0]

    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        assert (case.report_type, case.state, case.outcome) == ("suggestion", "feedback_given", "adopted")
        assert case.category is None and case.particulars_enc is not None
        assert "村务公开".encode() not in case.particulars_enc and CONTENT.encode() not in case.facts_enc
        assert app.ctx.vault.dec_json(case.particulars_enc) == {"subject": "村务公开的方式"}


async def test_an_anonymous_appellant_sees_the_outcome_and_reasons_in_status(
    harness: BotHarness, app: App, office: Office
) -> None:
    """No feedback duty to an anonymous appellant (D4 is for named reporters): /status with the code and the
    password shows the outcome with its reasons (rules.md §4, §10.1)."""
    h = harness
    await home_is_la(app)
    appeal = AppealedDecisionDetails("临安区某镇党委", "2026年7月", AppealedDecision.PARTY_SANCTION, "党内警告")
    report = NewReport(report_type=ReportType.APPEAL, category=None, facts=GROUNDS, persons=(), appeal=appeal,
                       query_password="lao-li-2026!", chat_id=APPELLANT)  # fmt: skip
    receipt = await app.filing.file_report(report)
    assert receipt.query_code and receipt.unit_code == "LA"
    for step in ("register", "accept"):
        await app.cases.perform(receipt.number, Action(step), office.intake)
    await app.cases.assign(receipt.number, office.intake, office.handler.officer_id or 0)
    await app.cases.decide_appeal(receipt.number, office.supervisor, AppealOutcome.REVOKED, REASONS)
    await h.say(APPELLANT, "/status")
    await h.say(APPELLANT, receipt.query_code)
    shown = await h.say(APPELLANT, "lao-li-2026!")
    assert any("撤销。" + REASONS in t for t in shown)
    assert (await app.queries.case_detail(receipt.number)).summary.state == "concluded"
