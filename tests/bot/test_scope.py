"""The scope check in the bot, end to end: urgent messages are pushed to officers at once. The other verdicts and
questions outside a dialog run in the fast tier (tests/fast/test_scope.py)."""

from __future__ import annotations

from sqlalchemy import select

from core.persistence.orm import OutboxRow, UrgentNoteRow
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import Office

from .conftest import BotHarness

CHAT = 910001


async def begin(h: BotHarness) -> None:
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")


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
