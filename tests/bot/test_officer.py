"""Officers work a case in the bot, through the real runtime; the reporter hears what the rules require."""

from __future__ import annotations

from sqlalchemy import select

from core.clock import ManualClock
from core.model import Action
from core.persistence.orm import CaseEventRow, CaseRow
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import FACTS, Office, accepted_named_case, named_report

from .conftest import BotHarness

INTAKE, HANDLER, SUPERVISOR, OTHER_UNIT = 1001, 1002, 1004, 3001  # Telegram ids in tests/factories.py
REPORTER = 555001


async def deliver(h: BotHarness, app: App) -> int:
    return await OutboxService(app.ctx, h.notifier()).send_due()


async def approved(h: BotHarness, app: App) -> list[str]:
    """The unit's leader approves the step just requested, from the push (issue 15, rules.md §10.2)."""
    await deliver(h, app)
    return await h.tap(SUPERVISOR, "批准")


async def conclude(h: BotHarness, officer: int, feedback: str) -> list[str]:
    """The closure checklist (rules.md §7.1) filled in from the card's Conclude button; the last replies."""
    await h.tap(officer, "办结")
    await h.say(officer, "村支书低保优亲厚友")
    await h.tap(officer, "部分属实")
    await h.say(officer, "低保评议记录；走访笔录")
    await h.say(officer, "《中国共产党纪律处分条例》群众纪律")
    await h.say(officer, "谈话提醒，责令退还违规低保金")
    await h.tap(officer, "是")  # collective discussion; the leader signs off by approving (§7.1 item 5)
    return await h.say(officer, feedback)


async def test_unknown_users_never_see_officer_commands(harness: BotHarness, app: App, office: Office) -> None:
    await app.filing.file_report(named_report())
    seen = await harness.say(424242, "/inbox")
    assert not any("待办" in t or "XF-2026" in t for t in seen)


async def test_an_officer_works_a_named_case_from_inbox_to_feedback(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    number = (await app.filing.file_report(named_report())).number
    assert await deliver(h, app) == 1  # while it still asks for something (issue 12, item 16)
    assert any("新收到一件信访举报" in t for t in h.tg.texts(INTAKE))  # the intake officer is told
    box = await h.say(INTAKE, "/inbox")
    assert "待办 1 件" in box[0] and number in h.tg.last_keyboard(INTAKE)[0][0][0]
    card = await h.tap(INTAKE, number)
    assert "已接收" in card[0] and "刘举报" not in card[0] and "身份信息按权限查看" in card[0]
    assert "告知受理情况：2026-10-23 到期" in card[0]  # D3: 15 working days, National Day skipped
    await h.tap(INTAKE, "登记")
    accepted = await h.tap(INTAKE, "受理")
    assert "已受理" in accepted[-1]
    assert await deliver(h, app) >= 1
    assert any(t.startswith("【受理告知】") and number in t for t in h.tg.texts(REPORTER))
    # identity: shown to intake on request, and the view is recorded
    await h.say(INTAKE, f"/case {number}")
    shown = await h.tap(INTAKE, "查看举报人身份")
    assert "刘举报" in shown[-1] and "13800138000" in shown[-1]
    async with app.ctx.uow() as uow:
        views = (
            (await uow.session.execute(select(CaseEventRow).where(CaseEventRow.action == "view_identity")))
            .scalars()
            .all()
        )
        assert [v.officer_id for v in views] == [office.intake.officer_id]

    await h.tap(INTAKE, "分配承办")
    await h.tap(INTAKE, "李承办")
    assert number in (await h.say(HANDLER, "/inbox"))[0] or h.tg.last_keyboard(HANDLER)
    card = await h.tap(HANDLER, number)
    assert "查看举报人身份" not in str(h.tg.last_keyboard(HANDLER))  # handlers are not entitled
    await h.tap(HANDLER, "选择处置方式")
    asked = await h.tap(HANDLER, "初步核实")
    assert "须经领导批准" in asked[-1]  # a request to the unit's leader, not a typed name (issue 15)
    await deliver(h, app)
    assert "已批准" in (await h.tap(SUPERVISOR, "批准"))[-1]
    disposed = await h.say(HANDLER, f"/case {number}")
    assert "处置中" in disposed[-1]

    asked = await conclude(h, HANDLER, "经核查，您反映的问题部分属实，已责令整改。")
    assert "须经领导批准" in asked[-1]  # the leader's sign-off is an approval, not a typed name (§7.1 item 5)
    assert "已批准" in (await approved(h, app))[-1]
    await deliver(h, app)
    concluded = await h.say(HANDLER, f"/case {number}")
    assert "已办结" in concluded[-1]
    offered = await h.tap(HANDLER, "反馈结果")  # the text prepared at closure, to send or edit (issue 12, item 15)
    assert "经核查，您反映的问题部分属实，已责令整改。" in offered[-1]
    await h.tap(HANDLER, "修改")
    done = await h.say(HANDLER, "经核查，您反映的问题部分属实，已对相关人员谈话提醒并责令退还。")
    assert "已反馈" in done[-1]
    await deliver(h, app)
    result = [t for t in h.tg.texts(REPORTER) if t.startswith("【办理结果反馈】")]
    assert result and "谈话提醒" in result[0]
    detail = await app.queries.case_detail(number)
    assert detail.summary.state == "feedback_given" and detail.result and detail.result["leader_signoff"] == "陈主任"
    print("\n".join(h.transcript))  # shown with -s: what officers and the reporter saw


async def test_a_conclusion_missing_checklist_items_is_refused_with_reasons(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    number = (await app.filing.file_report(named_report())).number
    for step in ("register", "accept"):
        await app.cases.perform(number, Action(step), office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await h.say(SUPERVISOR, f"/case {number}")
    await h.tap(SUPERVISOR, "选择处置方式")
    assert "处置中" in (await h.tap(SUPERVISOR, "予以了结"))[-1]  # a supervisor's own decision needs no approver
    await h.tap(SUPERVISOR, "办结")
    await h.say(SUPERVISOR, "反映的问题")
    await h.tap(SUPERVISOR, "属实")
    await h.tap(SUPERVISOR, "跳过")  # no evidence for a "true" finding
    await h.say(SUPERVISOR, "无")
    await h.say(SUPERVISOR, "无")
    await h.tap(SUPERVISOR, "否")  # no collective discussion
    refused = await h.say(SUPERVISOR, "反馈内容")
    assert "证据充分" in refused[0] and "集体研究" in refused[0]
    assert (await app.queries.case_detail(number)).summary.state == "disposal"


async def test_forged_buttons_and_other_units_cases_are_refused(harness: BotHarness, app: App, office: Office) -> None:
    h = harness
    number = (await app.filing.file_report(named_report())).number
    assert "收件箱是空的" in (await h.say(OTHER_UNIT, "/inbox"))[0]  # another unit's case is not in their inbox
    before = len(h.tg.texts(OTHER_UNIT))
    h.tg.user_taps(OTHER_UNIT, f"s::o:act:{number}:register", check=False)
    h.tg.user_taps(OTHER_UNIT, f"s::o:act:{number}:no_such_action", check=False)
    await h.settle()
    replies = h.tg.texts(OTHER_UNIT)[before:]
    assert sorted("权限" in r for r in replies) == [False, True] and any("过期" in r for r in replies)
    assert (await app.queries.case_detail(number)).summary.state == "received"


async def test_evidence_is_sent_to_entitled_officers_only_and_each_access_recorded(
    harness: BotHarness, app: App, office: Office
) -> None:
    from tests.factories import photo

    h = harness
    upload = photo(b"\xff\xd8\xff\xe0" + b"ledger-page" * 300)
    number = (await app.filing.file_report(named_report(evidence=(upload,)))).number
    await h.say(INTAKE, f"/case {number}")
    sent = await h.tap(INTAKE, "📎 现场.jpg")
    assert "证据材料：现场.jpg" in sent[0]
    document = h.tg.calls_to("sendDocument", INTAKE)[-1]
    assert document.file("document").data == upload.data  # decrypted in memory and sent as it was uploaded
    detail = await app.queries.case_detail(number)
    evidence_id = detail.evidence[0].id
    # a handler who is not assigned to the case cannot fetch it, even with a forged button
    before = len(h.tg.calls_to("sendDocument"))
    await h.say(HANDLER, f"/case {number}")
    h.tg.user_taps(HANDLER, f"s::o:file:{number}:{evidence_id}", check=False)
    await h.settle()
    assert len(h.tg.calls_to("sendDocument")) == before and "权限" in h.tg.texts(HANDLER)[-1]
    async with app.ctx.uow() as uow:
        views = (
            (await uow.session.execute(select(CaseEventRow.officer_id).where(CaseEventRow.action == "view_evidence")))
            .scalars()
            .all()
        )
    assert views == [office.intake.officer_id]


async def test_feedback_offers_a_rating_and_an_objection_with_new_evidence(
    harness: BotHarness, app: App, office: Office
) -> None:
    from core.model import DisposalMethod
    from tests.factories import closure

    h = harness
    number = await accepted_named_case(app, office)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(number, office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    await app.cases.conclude(number, office.handler, closure(), approved_by=office.supervisor)
    await app.cases.give_feedback(number, office.handler, "经核查，部分属实，已责令整改。")
    await deliver(h, app)
    feedback = next(m for m in h.tg.sent(REPORTER) if (m.get("text") or "").startswith("【办理结果反馈】"))
    labels = [t for row in h.tg.last_keyboard(REPORTER) for t, _ in row]
    assert labels == ["满意", "基本满意", "不满意", "提出异议"]

    # someone else's chat cannot rate it, even with a forged button
    await h.say(777, "/help")
    h.tg.user_taps(777, f"s::fb:{number}:rate:satisfied", check=False)
    await h.settle()
    assert (await app.queries.case_detail(number)).summary.satisfaction is None

    thanks = await h.tap(REPORTER, "基本满意")
    assert "谢谢您的评价：基本满意" in thanks[0]
    await h.say(INTAKE, f"/case {number}")
    assert "举报人评价：基本满意" in h.tg.texts(INTAKE)[-1]

    # the objection button is on the feedback message, no longer the last one in the chat
    h.tg.user_taps(REPORTER, f"s::fb:{number}:object", message_id=feedback["message_id"])
    await h.settle()
    assert "有哪些异议" in h.tg.texts(REPORTER)[-1]
    await h.say(REPORTER, "整改没有落实，违规领取的低保金至今没有退回，有新的发放名单为证。")
    new_list = b"\xff\xd8\xff\xe0" + b"new-payment-list" * 100
    await h.photo(REPORTER, new_list)
    await h.tap(REPORTER, "完成")
    filed = await h.tap(REPORTER, "确认提交")
    assert "异议已记录" in filed[0]
    detail = await app.queries.case_detail(number)
    assert detail.summary.state == "leader_review" and len(detail.evidence) == 1  # a leader decides (§10.4)
    assert detail.events[-1].action == "object" and "新的发放名单" in detail.events[-1].note
    await deliver(h, app)
    assert any("提出异议" in t and "新的发放名单" in t for t in h.tg.texts(SUPERVISOR))  # the leader is told


async def test_an_officer_asks_an_anonymous_reporter_without_learning_the_chat(
    harness: BotHarness, app: App, office: Office
) -> None:
    from tests.factories import anonymous_report

    h = harness
    anon_chat = 555002
    receipt = await app.filing.file_report(anonymous_report())
    number = receipt.number
    await h.say(INTAKE, f"/case {number}")
    asked = await h.tap(INTAKE, "向举报人提问")
    assert "账号不会显示给您" in asked[-1]
    sent = await h.say(INTAKE, "请问发放名单上的两户具体是哪两户？")
    assert "问题已发出" in sent[0]
    await deliver(h, app)
    [ping] = h.tg.texts(anon_chat)  # the reporter chose reminders: one without number or content (issue 12)
    assert number not in ping and "哪两户" not in ping
    await h.say(anon_chat, "/status")
    await h.say(anon_chat, receipt.query_code or "")
    question = (await h.say(anon_chat, "correct horse"))[-1]  # after code and password: the question itself
    assert "哪两户" in question
    qid_button = h.tg.last_keyboard(anon_chat)[0][0]
    # another chat replying with a forged button is refused and nothing is attached
    await h.say(888, "/help")
    h.tg.user_taps(888, qid_button[1] or "", check=False)
    await h.settle()
    refused = await h.say(888, "我来冒充回答")
    assert "无法回复" in refused[0]
    # the real reporter answers
    await h.tap(anon_chat, "回复")
    done = await h.say(anon_chat, "是张某的弟弟张二和弟媳李某两户。")
    assert "回复已送达" in done[0]
    detail = await app.queries.case_detail(number)
    assert [e.action for e in detail.events][-2:] == ["ask_reporter", "reporter_reply"]
    assert "张二" in detail.events[-1].note
    await deliver(h, app)
    assert any("举报人回复了" in t for t in h.tg.texts(INTAKE))
    officer_texts = " ".join(h.tg.texts(INTAKE) + h.tg.texts(HANDLER) + h.tg.texts(SUPERVISOR))
    assert str(anon_chat) not in officer_texts  # the chat never reaches an officer


async def test_refer_out_duplicate_transfer_and_return_from_the_card(harness: BotHarness, app: App,
                                                                      office: Office) -> None:  # fmt: skip
    h = harness
    first, second, third, fourth = [
        (await app.filing.file_report(named_report(chat_id=REPORTER + i))).number for i in range(4)
    ]
    for n in (first, second, third, fourth):
        await app.cases.register(n, office.intake)

    await h.say(INTAKE, f"/case {first}")
    await h.tap(INTAKE, "不予受理")
    await h.tap(INTAKE, "市场监督管理部门")
    assert "须经领导批准" in (await h.say(INTAKE, "属于物业收费纠纷"))[-1]
    assert "不予受理" in (await approved(h, app))[-1]
    await deliver(h, app)
    notice = [t for t in h.tg.texts(REPORTER) if "不属于纪检监察机关受理范围" in t]
    assert notice and "市场监督管理部门（12315）" in notice[0]

    await h.say(INTAKE, f"/case {second}")
    await h.tap(INTAKE, "标记重复件")
    assert "格式不对" in (await h.say(INTAKE, "第一件"))[0]
    assert "重复件" in (await h.say(INTAKE, first))[-1]

    await h.say(INTAKE, f"/case {third}")
    await h.tap(INTAKE, "转交其他层级")
    await h.tap(INTAKE, "杭州市纪委监委")
    assert "须经领导批准" in (await h.tap(INTAKE, "跳过"))[-1]
    await approved(h, app)
    moved = await h.say(INTAKE, f"/case {third}")
    assert "已转上级" in moved[-1]
    city = 2001  # the city's intake officer receives it
    assert third in (await h.say(city, "/inbox"))[0] or any(
        third in t for row in h.tg.last_keyboard(city) for t, _ in row
    )
    await h.tap(city, third)
    assert "已登记" in (await h.tap(city, "接收转办"))[-1]

    await app.cases.accept(fourth, office.intake)
    await app.cases.assign(fourth, office.intake, office.handler.officer_id or 0)
    await h.say(HANDLER, f"/case {fourth}")
    await h.tap(HANDLER, "退回信访室")
    assert "须经领导批准" in (await h.say(HANDLER, "反映的是市管干部，不属本级管辖"))[-1]
    await approved(h, app)
    returned = await h.say(HANDLER, f"/case {fourth}")
    assert FACTS[:12] not in " ".join(returned)  # no longer theirs: no card (core.access)
    assert (await app.queries.case_detail(fourth)).summary.state == "registered"


async def test_an_invited_officer_joins_with_a_one_time_code(harness: BotHarness, app: App, office: Office) -> None:
    from core.model import Role

    h = harness
    _, code = await app.officers.invite("新同事", "LA", [Role.HANDLER])
    assert "邀请码无效" in (await h.say(4242, "/join WRONG-CODE"))[0]
    joined = await h.say(4242, f"/join {code.lower()}")
    assert "欢迎，新同事" in joined[0]
    assert h.tg.deleted(4242), "the message with the code was deleted"
    assert "邀请码无效" in (await h.say(4343, f"/join {code}"))[0]  # once only
    assert "收件箱是空的" in (await h.say(4242, "/inbox"))[0]


async def test_a_handler_cannot_open_or_work_a_case_not_assigned_to_them(
    harness: BotHarness, app: App, office: Office
) -> None:
    """SECURITY.md, "a curious officer": a handler sees only the cases assigned to them (core.access)."""
    h = harness
    number = await accepted_named_case(app, office)  # in the handler's unit, assigned to nobody yet
    refused = await h.say(HANDLER, f"/case {number}")
    assert len(refused) == 1 and "不在您的权限范围内" in refused[0]
    assert await h.say(HANDLER, "/case XF-2026-999999") == refused  # a missing number gets the same words
    forged = [f"o:case:{number}", f"o:identity:{number}", f"o:file:{number}:1", f"o:act:{number}:add_note",
              f"o:act:{number}:ask_reporter", f"o:act:{number}:dispose", f"o:act:{number}:park",
              f"o:method:{number}:close", f"o:act:{number}:return_to_intake"]  # fmt: skip
    for data in forged:
        assert await h.tap_data(HANDLER, f"s::{data}") == refused
    await h.say(HANDLER, "这是一条备注，也可能是给举报人的问题")  # no note or question flow was started
    seen = " ".join(h.tg.texts(HANDLER))
    for secret in (FACTS[:20], "张某某", "刘举报", "13800138000"):
        assert secret not in seen
    assert not h.tg.calls_to("sendDocument", HANDLER)
    async with app.ctx.uow() as uow:
        by_handler = (await uow.session.execute(
            select(CaseEventRow.action).where(CaseEventRow.officer_id == office.handler.officer_id)
        )).scalars().all()  # fmt: skip
    assert by_handler == []  # no note, no question, no view
    assert (await app.queries.case_detail(number)).summary.state == "accepted"

    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)  # now it is theirs
    card = await h.say(HANDLER, f"/case {number}")
    assert FACTS[:20] in card[0] and "刘举报" not in card[0]
    async with app.ctx.uow() as uow:
        views = (await uow.session.execute(
            select(CaseEventRow.officer_id).where(CaseEventRow.action == "view_case")
        )).scalars().all()  # fmt: skip
    assert views == [office.handler.officer_id]  # the view of the facts is in the audit trail


async def test_a_deactivated_officer_loses_the_desk_at_once(harness: BotHarness, app: App, office: Office) -> None:
    from core.actor import Actor

    h = harness
    number = await accepted_named_case(app, office)
    assert FACTS[:20] in (await h.say(INTAKE, f"/case {number}"))[0]  # the desk knows them (and remembers)
    await app.officers.deactivate(office.intake.officer_id or 0, None, Actor.system("cli"))  # as the CLI does
    after = await h.say(INTAKE, f"/case {number}")
    # not even a refusal from the desk: the account is a citizen's again, with the very next update
    assert not any(FACTS[:20] in t or "待办" in t or "权限" in t for t in after)
    tapped = await h.tap_data(INTAKE, f"s::o:act:{number}:add_note")  # a button still on their screen
    assert not any(FACTS[:20] in t or "备注" in t for t in tapped)
    assert not any("待办" in t for t in await h.say(INTAKE, "/inbox"))
    detail = await app.queries.case_detail(number)
    assert [e.action for e in detail.events] == ["file", "register", "accept"]


async def test_a_refusal_for_lack_of_facts_asks_for_facts_and_no_double_full_stop(
    harness: BotHarness, app: App, office: Office
) -> None:
    """Issue 12 item 11: a reason typed with its own full stop does not give "。。"; a report refused because it
    names an offence without facts (rules.md §3.2 item 3) asks the reporter for the facts instead of sending
    them to another body, and offers to report again."""
    h = harness
    remit, vague = [(await app.filing.file_report(named_report(chat_id=REPORTER + i))).number for i in range(2)]
    for n in (remit, vague):
        await app.cases.register(n, office.intake)

    await h.say(INTAKE, f"/case {remit}")
    await h.tap(INTAKE, "不予受理")
    await h.tap(INTAKE, "市场监督管理部门")
    await h.say(INTAKE, "属于物业收费纠纷。")
    await approved(h, app)
    await deliver(h, app)
    notice = next(t for t in h.tg.texts(REPORTER) if "受理告知" in t)
    assert "属于物业收费纠纷。建议您" in notice and "。。" not in notice

    await h.say(INTAKE, f"/case {vague}")
    await h.tap(INTAKE, "不予受理")
    await h.tap(INTAKE, "内容不具体")
    await h.say(INTAKE, "只说了他贪污，没有任何具体事实。")
    assert "不予受理" in (await approved(h, app))[-1]
    await deliver(h, app)
    asked = next(t for t in h.tg.texts(REPORTER + 1) if "受理告知" in t)
    assert "不属于" not in asked and "建议您向" not in asked and "。。" not in asked
    assert all(word in asked for word in ("时间", "地点", "怎么知道")), asked
    again = await h.tap(REPORTER + 1, "补充")
    assert "举报须知" in again[-1] or "举报须知" in again[0]
    async with app.ctx.uow() as uow:
        states = dict((await uow.session.execute(select(CaseRow.number, CaseRow.refer_to))).all())
    assert states[vague] is None and states[remit] == "market"


async def test_a_reopened_case_has_a_deadline_and_its_handler_is_reminded(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    """Issue 12, item 17: after an objection the case had no open deadline, so nobody was ever reminded. Sent back
    by the leader (rules.md §10.4), the reopened case owes its result under D4 (rules.md §4, R-28? [S]): 15
    working days from the reopening."""
    from core.model import DisposalMethod
    from core.services.reminders import ReminderService
    from tests.factories import closure

    h = harness
    number = await accepted_named_case(app, office)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(number, office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    await app.cases.conclude(number, office.handler, closure(), approved_by=office.supervisor)
    await app.cases.give_feedback(number, office.handler, "经核查，部分属实，已责令整改。")
    await deliver(h, app)
    await h.tap(REPORTER, "提出异议")
    await h.say(REPORTER, "整改没有落实，违规领取的低保金至今没有退回。")
    await h.tap(REPORTER, "完成")
    assert "异议已记录" in (await h.tap(REPORTER, "确认提交"))[0]
    await deliver(h, app)
    await h.tap(SUPERVISOR, "退回重新办理")
    assert "已完成" in (await h.say(SUPERVISOR, "请核实低保金是否已退回"))[0]
    card = await h.say(HANDLER, f"/case {number}")
    assert "异议重办" in card[0]
    assert "· 反馈办理结果：2026-10-23 到期" in card[0]  # 15 working days from the reopening, National Day skipped
    clock.set(beijing(2026, 10, 20, 9, 0))  # three working days before
    assert await ReminderService(app.ctx, app.urgent).sweep() == 1
    await deliver(h, app)
    assert any(t.startswith("【期限提醒】") and number in t for t in h.tg.texts(HANDLER))
