"""A reporter's 不满意 or objection decided by a leader (rules.md §10.4, issue 15 item 7), through the real runtimes:
the leader is pushed the challenge with two buttons, sees it in the inbox and on the card until deciding, and either
confirms the result with a reply the reporter receives (after which the same objection is refused: "对已审核认定
办结的信访事项不再受理", 004 (十一)) or sends the case back to its handler, who owes its deadlines again. Each
scenario checks the database: state, the challenge and the confirmation, the history, the deadlines, the counts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from core.calendar.deadlines import DeadlineKind, due_date
from core.clock import ManualClock
from core.model import Action, AppealedDecision, AppealOutcome, DisposalMethod, ReportType, Role
from core.persistence import office as office_setting
from core.persistence.orm import CaseEventRow, CaseRow, DeadlineRow
from core.reports import AppealedDecisionDetails, ReporterIdentity
from core.services.outbox import OutboxService
from core.services.review_counts import review_counts
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import Office, closure, named_report

from .conftest import BotHarness
from .fake_telegram_payloads import inline_rows

INTAKE, HANDLER, SUPERVISOR = 1001, 1002, 1004  # Telegram ids in tests/factories.py
REPORTER = 555001  # the factories' named reporter
FEEDBACK = "经核查，部分属实，已责令整改。"
OBJECTION = "整改没有落实，违规领取的低保金至今没有退回，有新的发放名单为证。"
REPLY = "经复核，低保金已于10月全部退回，有退款凭证在卷，原办理结果认定事实清楚，予以维持。"
PUSH = "【待您审核】"


async def deliver(h: BotHarness, app: App) -> int:
    return await OutboxService(app.ctx, h.notifier()).send_due()


async def fed_back(h: BotHarness, app: App, office: Office) -> str:
    """A named accusation concluded and its result fed back to the reporter's chat (rating and objection buttons)."""
    number = (await app.filing.file_report(named_report(chat_id=REPORTER))).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(number, office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    await app.cases.conclude(number, office.handler, closure(), approved_by=office.supervisor)
    await app.cases.give_feedback(number, office.handler, FEEDBACK)
    await deliver(h, app)
    return number


async def tap_under(h: BotHarness, chat: int, label: str, text_part: str) -> list[str]:
    """Tap ``label`` under the latest message of the chat that contains ``text_part`` (a push, the feedback)."""
    m = next(m for m in reversed(h.tg.sent(chat)) if text_part in m.get("text", "") and m.get("reply_markup"))
    data = next(d for row in inline_rows(m["reply_markup"]) for t, d in row if label in t and d)
    before = len(h.tg.sent(chat))
    h.tg.user_taps(chat, data, message_id=m["message_id"])
    await h.settle()
    return h.tg.texts(chat)[before:]


async def object_in_chat(h: BotHarness, text: str = OBJECTION, under: str = "【办理结果反馈】") -> list[str]:
    asked = await tap_under(h, REPORTER, "提出异议", under)
    if "有哪些异议" not in asked[-1]:
        return asked
    await h.say(REPORTER, text)
    await h.tap(REPORTER, "完成")
    return await h.tap(REPORTER, "确认提交")


async def row(app: App, number: str) -> CaseRow:
    async with app.ctx.uow() as uow:
        return (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()


async def trail(app: App, number: str) -> list[CaseEventRow]:
    async with app.ctx.uow() as uow:
        rows = await uow.session.execute(
            select(CaseEventRow).join(CaseRow, CaseRow.id == CaseEventRow.case_id)
            .where(CaseRow.number == number, CaseEventRow.action != "view_case").order_by(CaseEventRow.id)
        )  # fmt: skip
        return list(rows.scalars())


async def deadlines(app: App, number: str, kind: DeadlineKind) -> list[DeadlineRow]:
    async with app.ctx.uow() as uow:
        rows = await uow.session.execute(
            select(DeadlineRow).join(CaseRow, CaseRow.id == DeadlineRow.case_id)
            .where(CaseRow.number == number, DeadlineRow.kind == kind.value).order_by(DeadlineRow.id)
        )  # fmt: skip
        return list(rows.scalars())


# -- (a) 不满意: the leader confirms with a reply, or sends the case back ---------------------------------------------
async def test_a_dissatisfied_rating_reaches_the_leader_who_confirms_it_with_a_reply(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    number = await fed_back(h, app, office)
    told = await tap_under(h, REPORTER, "不满意", "【办理结果反馈】")
    assert "谢谢您的评价：不满意" in told[0] and "转领导审核" in told[0]
    await deliver(h, app)

    push = [t for t in h.tg.texts(SUPERVISOR) if t.startswith(PUSH)]
    assert len(push) == 1 and number in push[0] and "不满意" in push[0] and "检举控告" in push[0]
    assert not any(t.startswith(PUSH) for t in h.tg.texts(HANDLER) + h.tg.texts(INTAKE))  # leaders only
    assert [[t for t, _ in r] for r in h.tg.last_keyboard(SUPERVISOR)] == [["退回重新办理", "维持结果并答复"],
                                                                           ["查看案件"]]  # fmt: skip
    # until decided: first in the leader's inbox, and pending on the card with the rating
    await h.say(SUPERVISOR, "/inbox")
    first = h.tg.last_keyboard(SUPERVISOR)[0][0][0]
    assert number in first and "待领导审核" in first
    card = (await h.say(SUPERVISOR, f"/case {number}"))[0]
    assert "举报人评价：不满意" in card and "⏳ 待领导审核：举报人评价“不满意”" in card

    # who decides is the table's (a leader): the handler's forged tap is refused by the core
    await h.say(HANDLER, "/help")
    await h.tap_data(HANDLER, f"s::o:act:{number}:confirm_result")
    refused = await h.say(HANDLER, "我来维持原结果")
    assert "权限" in refused[0] and (await row(app, number)).confirmed_at is None

    asked = await tap_under(h, SUPERVISOR, "维持结果并答复", PUSH)
    assert "给举报人的答复" in asked[-1]
    assert "已完成" in (await h.say(SUPERVISOR, REPLY))[0]
    await deliver(h, app)
    reply = [t for t in h.tg.texts(REPORTER) if t.startswith("【领导审核答复】")]
    assert len(reply) == 1 and REPLY in reply[0] and number in reply[0]

    case = await row(app, number)
    assert (case.state, case.satisfaction, case.challenge) == ("feedback_given", "dissatisfied", "rate_dissatisfied")
    assert case.confirmed_at is not None
    events = await trail(app, number)
    assert [e.action for e in events][-3:] == ["give_feedback", "rate_dissatisfied", "confirm_result"]
    assert (events[-1].officer_id, events[-1].from_state, events[-1].to_state) == (
        office.supervisor.officer_id, "leader_review", "feedback_given")  # fmt: skip
    assert REPLY.encode() not in (events[-1].note_enc or b"")  # the reply is kept encrypted
    assert [d.state for d in await deadlines(app, number, DeadlineKind.RESULT_FEEDBACK)] == ["met", "met"]
    [la] = [u for u in await review_counts(app.ctx) if u.unit == "LA"]
    assert (la.dissatisfied, la.awaiting_leader, la.confirmed, la.sent_back) == (1, 0, 1, 0)
    assert "✔ 办理结果已经领导审核认定" in (await h.say(SUPERVISOR, f"/case {number}"))[0]

    # reviewed and confirmed: a second 不满意 does not reopen it (004 (十一)); the reply says an objection still may
    assert "可在办理结果反馈消息下提出异议" in reply[0]
    rated = await tap_under(h, REPORTER, "不满意", "【办理结果反馈】")
    assert "转领导审核" not in rated[0] and (await row(app, number)).state == "feedback_given"


async def test_after_a_confirmed_dissatisfied_rating_one_objection_goes_to_the_leader_and_then_nothing_more(
    harness: BotHarness, app: App, office: Office
) -> None:
    """004 (十一) forbids the same challenge reopening a confirmed matter: after a confirmed 不满意, an objection with
    new evidence still goes to the leaders (the prompt says so); after a confirmed objection, nothing reopens it."""
    h = harness
    number = await fed_back(h, app, office)
    await tap_under(h, REPORTER, "不满意", "【办理结果反馈】")
    await deliver(h, app)
    await tap_under(h, SUPERVISOR, "维持结果并答复", PUSH)
    await h.say(SUPERVISOR, REPLY)
    await deliver(h, app)
    assert (await row(app, number)).confirmed_at is not None

    assert "有哪些异议" in (await tap_under(h, REPORTER, "提出异议", "【办理结果反馈】"))[-1]
    await h.say(REPORTER, OBJECTION)
    asked = await h.tap(REPORTER, "完成")
    assert "转单位领导审核" in asked[-1] and "重新交承办人" not in asked[-1]
    filed = await h.tap(REPORTER, "确认提交")
    assert "异议已记录" in filed[0]
    case = await row(app, number)
    assert (case.state, case.challenge, case.confirmed_at) == ("leader_review", "object", None)
    await deliver(h, app)
    pushes = [t for t in h.tg.texts(SUPERVISOR) if t.startswith(PUSH)]
    assert len(pushes) == 2 and "提出异议" in pushes[-1] and "新的发放名单" in pushes[-1]

    await tap_under(h, SUPERVISOR, "维持结果并答复", "提出异议")
    await h.say(SUPERVISOR, REPLY)
    await deliver(h, app)
    assert any(t.startswith("【异议审核答复】") for t in h.tg.texts(REPORTER))
    case = await row(app, number)
    assert (case.state, case.challenge) == ("feedback_given", "object") and case.confirmed_at is not None

    again = await object_in_chat(h, "我还是不同意")
    assert len(again) == 1 and "对已审核认定办结的信访事项不再受理" in again[0]
    rated = await tap_under(h, REPORTER, "不满意", "【办理结果反馈】")
    assert "转领导审核" not in rated[0] and (await row(app, number)).state == "feedback_given"
    steps = [e.action for e in await trail(app, number) if e.action != "rate"]  # later ratings: recorded, counted
    assert steps[-4:] == ["rate_dissatisfied", "confirm_result", "object", "confirm_result"]


async def test_a_dissatisfied_rating_sent_back_reopens_the_case_with_its_deadlines(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    number = await fed_back(h, app, office)
    await tap_under(h, REPORTER, "不满意", "【办理结果反馈】")
    await deliver(h, app)
    clock.set(beijing(2026, 11, 2, 10, 0))
    asked = await tap_under(h, SUPERVISOR, "退回重新办理", PUSH)
    assert "退回意见" in asked[-1]
    assert "已完成" in (await h.say(SUPERVISOR, "请核实低保金是否已经退回，重新提出处理意见"))[0]
    await deliver(h, app)
    [sent_back] = [t for t in h.tg.texts(HANDLER) if number in t and "退回您重新办理" in t]
    assert "退回意见：\n请核实低保金是否已经退回，重新提出处理意见" in sent_back  # the leader's instructions
    assert any(number in t and "已退回重新办理" in t for t in h.tg.texts(REPORTER))

    case = await row(app, number)
    assert (case.state, case.assignee_id, case.confirmed_at) == ("reopened", office.handler.officer_id, None)
    *_, challenge, reopened = await deadlines(app, number, DeadlineKind.RESULT_FEEDBACK)
    assert challenge.state == "met"  # the leader's decision answered the rating
    due = due_date(DeadlineKind.RESULT_FEEDBACK, date(2026, 11, 2), app.ctx.calendar)
    assert (reopened.trigger_date, reopened.due_date, reopened.state) == (date(2026, 11, 2), due, "open")
    card = (await h.say(HANDLER, f"/case {number}"))[0]
    assert "异议重办" in card and f"· 反馈办理结果：{due.isoformat()} 到期" in card
    assert "请核实低保金是否已经退回" in card  # the leader's instructions, in the history
    [la] = [u for u in await review_counts(app.ctx) if u.unit == "LA"]
    assert (la.dissatisfied, la.awaiting_leader, la.sent_back, la.confirmed) == (1, 0, 1, 0)


# -- (b) an objection: refused with a reason, or reopened ------------------------------------------------------------
async def test_an_objection_refused_by_the_leader_tells_the_reason_and_a_second_one_is_refused(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    number = await fed_back(h, app, office)
    filed = await object_in_chat(h)
    assert "异议已记录" in filed[0] and "领导" in filed[0]
    case = await row(app, number)
    assert (case.state, case.challenge) == ("leader_review", "object")
    await deliver(h, app)
    push = next(t for t in h.tg.texts(SUPERVISOR) if t.startswith(PUSH))
    assert "提出异议" in push and "新的发放名单" in push
    assert not any(t.startswith(PUSH) for t in h.tg.texts(HANDLER))

    await tap_under(h, SUPERVISOR, "维持结果并答复", PUSH)
    await h.say(SUPERVISOR, REPLY)
    await deliver(h, app)
    answer = [t for t in h.tg.texts(REPORTER) if t.startswith("【异议审核答复】")]
    assert len(answer) == 1 and REPLY in answer[0] and "对已审核认定办结的信访事项不再受理" in answer[0]
    case = await row(app, number)
    assert case.state == "feedback_given" and case.confirmed_at is not None
    assert [e.action for e in await trail(app, number)][-2:] == ["object", "confirm_result"]

    second = await object_in_chat(h, "我还是不同意")
    assert len(second) == 1 and "不再受理" in second[0] and number in second[0]
    assert (await row(app, number)).state == "feedback_given"
    assert [e.action for e in await trail(app, number)][-1] == "confirm_result"  # nothing recorded
    rated = await tap_under(h, REPORTER, "不满意", "【办理结果反馈】")  # recorded and counted, not sent again
    assert "转领导审核" not in rated[0] and (await row(app, number)).state == "feedback_given"
    [la] = [u for u in await review_counts(app.ctx) if u.unit == "LA"]
    assert (la.objections, la.dissatisfied, la.awaiting_leader, la.confirmed) == (1, 1, 0, 1)


async def test_an_objection_to_an_appeals_outcome_reopened_by_the_leader_gets_its_deadlines_again(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    async with app.ctx.uow() as uow:  # an appeal names nobody to route by: the office's home unit takes it
        await office_setting.store_home(uow.session, "LA")
        await uow.commit()
    appeal = AppealedDecisionDetails("临安区某镇党委", "2026年7月15日", AppealedDecision.PARTY_SANCTION, "党内警告")
    report = named_report(report_type=ReportType.APPEAL, category=None, persons=(), appeal=appeal,
                          reporter=ReporterIdentity(name="刘申诉", phone="13800138001"), chat_id=REPORTER)  # fmt: skip
    number = (await app.filing.file_report(report)).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.decide_appeal(
        number, office.handler, AppealOutcome.UPHELD, "经复查，原处分适当。", approved_by=office.supervisor
    )
    await app.cases.give_feedback(number, office.handler, "经复查，原处分适当，予以维持。")
    [first_answer] = await deadlines(app, number, DeadlineKind.REVIEW_ANSWER)
    assert first_answer.state == "met"
    await deliver(h, app)

    assert "异议已记录" in (await object_in_chat(h, under="予以维持"))[0]
    await deliver(h, app)
    clock.set(beijing(2026, 11, 2, 10, 0))
    await tap_under(h, SUPERVISOR, "退回重新办理", PUSH)
    await h.say(SUPERVISOR, "新的发放名单需要核实，请重新复查")
    await deliver(h, app)
    assert any("已退回重新办理" in t for t in h.tg.texts(REPORTER))

    case = await row(app, number)
    assert (case.state, case.challenge, case.confirmed_at) == ("reopened", "object", None)
    # D4 and the appeal's own answer deadline (D12, 30 days) again, from the reopening
    *_, reopened_d4 = await deadlines(app, number, DeadlineKind.RESULT_FEEDBACK)
    _, answer_again = await deadlines(app, number, DeadlineKind.REVIEW_ANSWER)
    for d in (reopened_d4, answer_again):
        assert (d.trigger_date, d.state) == (date(2026, 11, 2), "open")
    assert answer_again.due_date == due_date(DeadlineKind.REVIEW_ANSWER, date(2026, 11, 2), app.ctx.calendar)
    card = (await h.say(HANDLER, f"/case {number}"))[0]
    assert card.count("到期") >= 2
    assert Action.DECIDE_APPEAL.value not in card  # labels only on the card
    events = await trail(app, number)
    assert [e.action for e in events][-2:] == ["object", "send_back"]
    assert events[-1].officer_id == office.supervisor.officer_id


async def test_a_review_button_another_leader_already_answered_says_so_before_asking_anything(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    second = 1098  # a second leader of the unit, only here
    await app.officers.add_officer("张伟", "LA", [Role.SUPERVISOR], telegram_id=second)
    number = await fed_back(h, app, office)
    await tap_under(h, REPORTER, "不满意", "【办理结果反馈】")
    await deliver(h, app)
    await tap_under(h, second, "维持结果并答复", PUSH)
    assert "已完成" in (await h.say(second, REPLY))[0]

    for label in ("退回重新办理", "维持结果并答复"):
        late = await tap_under(h, SUPERVISOR, label, PUSH)
        assert late == [f"{number} 的审核已有决定：张伟 已维持办理结果并答复举报人，无需再处理。"]
    assert "已完成" not in (await h.say(SUPERVISOR, "请重新核实"))[0]  # no flow was started: text is not taken
    case = await row(app, number)
    assert (case.state, case.confirmed_at is not None) == ("feedback_given", True)
    assert [e.action for e in await trail(app, number)][-1] == "confirm_result"
