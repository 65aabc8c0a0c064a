"""The scope check in the bot: accept, refer, unclear then clarified, urgent — and questions outside a dialog."""

from __future__ import annotations

from sqlalchemy import select

from core.persistence.orm import OutboxRow, UrgentNoteRow
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import Office

from .conftest import BotHarness
from .test_filing import case_count

CHAT = 910001


async def begin(h: BotHarness) -> None:
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")


async def test_accept_goes_on_to_the_form(harness: BotHarness) -> None:
    await begin(harness)
    seen = await harness.say(CHAT, "派出所民警说不给两千块钱就不给立案")
    assert "属于受理范围" in seen[0] and "请选择类型" in seen[-1]


async def test_refer_names_the_body_and_how_and_allows_filing_anyway(harness: BotHarness, app: App) -> None:
    h = harness
    await begin(h)
    seen = await h.say(CHAT, "我家条件差，为什么没评上低保？")
    assert "有关政府部门" in seen[0] and "12345" in seen[0] and "仍然可以向我们举报" in seen[0]
    assert [label for row in h.tg.last_keyboard(CHAT) for label, _ in row] == ["我仍然要提交", "结束"]
    insisted = await h.tap(CHAT, "我仍然要提交")
    assert "请选择类型" in insisted[-1]  # the citizen may still file
    await h.say(CHAT, "/cancel")
    assert await case_count(app) == 0


async def test_unclear_then_clarified_with_two_questions(harness: BotHarness) -> None:
    h = harness
    await begin(h)
    first = await h.say(CHAT, "他们欺负人")
    assert "涉及的是谁" in first[-1]
    second = await h.tap(CHAT, "党员、干部或公职人员")
    assert "行使职权" in second[-1]
    decided = await h.tap(CHAT, "怎样行使职权")
    assert "请选择类型" in decided[-1]
    # the other answer: a private dispute with an official is referred (mediation)
    await h.say(CHAT, "/cancel")
    await begin(h)
    await h.tap(CHAT, "不知道怎么说")
    await h.tap(CHAT, "党员、干部或公职人员")
    referred = await h.tap(CHAT, "私人之间的纠纷")
    assert "人民调解" in referred[0]


async def test_urgent_gets_safety_message_and_officers_are_pushed_at_once(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    await begin(h)
    seen = await h.say(CHAT, "村书记贪了我们的补偿款，再不解决我就去镇政府门口浇汽油")
    assert "110" in seen[0] and "120" in seen[0] and "12356" in seen[0]
    assert "继续填写" in seen[1] and "请选择类型" in seen[-1]
    async with app.ctx.uow() as uow:
        notes = (await uow.session.execute(select(UrgentNoteRow))).scalars().all()
        pushes = (await uow.session.execute(select(OutboxRow))).scalars().all()
        assert len(notes) == 1
        assert [p.recipient_id for p in pushes] == [office.supervisor.officer_id]  # nobody on duty: supervisors
    # The outbox sender delivers it through the real Bot API client to the supervisor's Telegram account.
    sent = await OutboxService(app.ctx, h.notifier()).send_due()
    assert sent == 1
    pushed = h.tg.texts(1004)  # 陈主任's Telegram id in tests/factories.py
    assert pushed and pushed[0].startswith("【紧急】") and "浇汽油" in pushed[0]
    # and the report filed afterwards is flagged urgent
    await h.tap(CHAT, "检举控告")
    await h.tap(CHAT, "匿名举报")
    for text in ("张某", "某镇某村村委会"):
        await h.say(CHAT, text)
    await h.tap(CHAT, "跳过")
    for label in ("村（社区）干部", "浙江省/杭州市/临安区", "中共党员", "没有了", "群众纪律"):
        await h.tap(CHAT, label)
    facts = await h.tap(CHAT, "就用刚才写的")
    assert facts  # the scope sentence became the start of the account
    while "其他机关" not in h.tg.texts(CHAT)[-1]:
        await h.tap(CHAT, "不清楚")
    await h.tap(CHAT, "跳过")
    await h.tap(CHAT, "完成")
    await h.say(CHAT, "urgent-pass-1")
    await h.say(CHAT, "urgent-pass-1")
    await h.tap(CHAT, "不需要")
    await h.tap(CHAT, "内容无误")
    await h.tap(CHAT, "确认提交")
    cases = await app.queries.list_cases()
    assert len(cases) == 1 and cases[0].urgent


async def test_questions_outside_a_dialog_are_answered(harness: BotHarness) -> None:
    h = harness
    referral = await h.say(CHAT, "纪委管不管物业乱收费？")
    assert "市场监督管理部门" in referral[0] and "12315" in referral[0]
    answer = await h.say(CHAT, "匿名举报会有结果吗？")
    assert "会。匿名举报" in answer[0] and "依据" in answer[0]
    menu = await h.say(CHAT, "/faq")
    assert "常见问题" in menu[0]
    how_long = await h.tap(CHAT, "多久有答复")
    assert "15 个工作日" in how_long[0] and "依据" in how_long[0]
    danger = await h.say(CHAT, "活着没意思，不想活了")
    assert "12356" in danger[0]


async def test_who_is_it_about_is_answered_by_who_not_by_yes_or_no(harness: BotHarness) -> None:
    """Issue 12 item 6: the buttons under "这件事涉及的是谁？" name people, they do not say yes or no."""
    h = harness
    await begin(h)
    await h.tap(CHAT, "不知道怎么说")
    labels = [label for row in h.tg.last_keyboard(CHAT) for label, _ in row]
    assert "涉及的是谁" in h.tg.texts(CHAT)[-1] and len(labels) == 3
    assert not any(label.startswith(("是", "不是", "否")) for label in labels), labels
    assert any("党员、干部或公职人员" in label for label in labels)
    assert any("私人" in label or "普通群众" in label for label in labels)
    await h.say(CHAT, "/lang")
    await h.tap(CHAT, "English")
    english = [label for row in h.tg.last_keyboard(CHAT) for label, _ in row]
    assert not any(label.lower().startswith(("yes", "no,", "no ")) for label in english), english
