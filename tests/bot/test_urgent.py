"""Urgent messages as items officers act on (issue 12, item 12), through the real runtimes: first in /inbox,
answered through the bot without the chat being shown, noted, closed; pushed again and escalated when nobody
acts; the CLI lists and closes them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.actor import Actor
from core.clock import ManualClock
from core.persistence.orm import OutboxRow, UrgentEventRow, UrgentNoteRow
from core.services.outbox import OutboxService
from core.services.reminders import ReminderService
from qingfeng.app import App
from tests.factories import Office

from .conftest import BotHarness

INTAKE, HANDLER, SUPERVISOR = 1001, 1002, 1004  # Telegram ids in tests/factories.py
SENDER = 666001
DANGER = "我现在站在楼顶上，真的不想活了"


async def deliver(h: BotHarness, app: App) -> int:
    return await OutboxService(app.ctx, h.notifier()).send_due()


def officers_saw(h: BotHarness) -> str:
    return " ".join(t for chat in (INTAKE, HANDLER, SUPERVISOR) for t in h.tg.texts(chat))


async def test_an_urgent_message_is_answered_noted_and_closed_by_an_officer(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    seen = await h.say(SENDER, DANGER)
    assert "110" in seen[0]  # the safety message first, as before
    await deliver(h, app)
    pushed = [t for t in h.tg.texts(SUPERVISOR) if t.startswith("【紧急】")]
    assert pushed and "不想活了" in pushed[0]
    opened = await h.tap(SUPERVISOR, "处理此消息")  # the button under the push
    assert "不想活了" in opened[0] and "待处理" in opened[0]

    box = await h.say(INTAKE, "/inbox")  # intake handles urgent messages too; listed first
    assert "紧急消息 1 条待处理" in box[0]
    await h.tap(INTAKE, "紧急 1")
    asked = await h.tap(INTAKE, "回复发送人")
    assert "账号不会显示给您" in asked[-1]
    sent = await h.say(INTAKE, "我们已联系当地派出所，民警马上就到，请先离开楼顶边缘。")
    assert "回复已发出" in sent[0] and "回复发送人" in sent[1]
    await deliver(h, app)
    answer = [t for t in h.tg.texts(SENDER) if t.startswith("【工作人员回复】")]
    assert answer and "民警马上就到" in answer[0] and "110" in answer[0]

    await h.tap(INTAKE, "记录处置情况")
    noted = await h.say(INTAKE, "已拨打110，辖区派出所已出警")
    assert "已记录" in noted[0] and "已拨打110" in noted[1]
    await h.tap(INTAKE, "处理完毕，关闭")
    closed = await h.say(INTAKE, "民警到场，当事人已安全")
    assert "已关闭" in closed[0] and "已处理并关闭（王信访）" in closed[1]
    assert "处理完毕" not in str(h.tg.last_keyboard(INTAKE))  # nothing more to do on it
    assert not any("紧急消息" in t for t in await h.say(SUPERVISOR, "/inbox"))

    assert str(SENDER) not in officers_saw(h)  # the chat never reaches an officer
    async with app.ctx.uow() as uow:
        note = (await uow.session.execute(select(UrgentNoteRow))).scalar_one()
        events = (await uow.session.execute(select(UrgentEventRow).order_by(UrgentEventRow.id))).scalars().all()
    assert note.closed_at is not None and note.closed_by_id == office.intake.officer_id
    assert [(e.action, e.officer_id) for e in events] == [
        ("view", office.supervisor.officer_id), ("view", office.intake.officer_id),
        ("reply", office.intake.officer_id), ("view", office.intake.officer_id),
        ("note", office.intake.officer_id), ("view", office.intake.officer_id),
        ("close", office.intake.officer_id), ("view", office.intake.officer_id),
    ]  # fmt: skip
    assert all(b"\xe6\xb0\x91\xe8\xad\xa6" not in (e.text_enc or b"") for e in events)  # stored encrypted


async def test_a_handler_not_on_duty_cannot_open_an_urgent_message(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    await h.say(SENDER, DANGER)
    assert "紧急消息" not in " ".join(await h.say(HANDLER, "/inbox"))
    assert "权限" in (await h.tap_data(HANDLER, "s::o:urgent:1"))[0]
    assert "权限" in (await h.tap_data(HANDLER, "s::o:ureply:1"))[0]
    await h.say(HANDLER, "冒充回复")  # no reply flow was started
    await deliver(h, app)
    assert not any(t.startswith("【工作人员回复】") for t in h.tg.texts(SENDER))


async def test_an_unhandled_urgent_message_is_pushed_again_and_escalated_once(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    await app.urgent.set_on_duty(office.intake.officer_id or 0, True)  # 王信访 on duty: first to hear
    await h.say(SENDER, DANGER)
    await deliver(h, app)
    assert [t for t in h.tg.texts(INTAKE) if "不想活了" in t] and not h.tg.texts(SUPERVISOR)
    sweep = ReminderService(app.ctx, app.urgent).sweep
    clock.advance(timedelta(minutes=10))
    assert await sweep() == 0  # not yet: 15 minutes
    clock.advance(timedelta(minutes=6))
    assert await sweep() == 2 and await sweep() == 0  # again to the officer on duty, once to the supervisor
    await deliver(h, app)
    assert any(t.startswith("【紧急·仍未处理】") and "16 分钟" in t for t in h.tg.texts(INTAKE))
    assert [t for t in h.tg.texts(SUPERVISOR) if t.startswith("【紧急·报告领导】")]
    clock.advance(timedelta(minutes=16))
    assert await sweep() == 1  # pushed again, not escalated again
    await deliver(h, app)
    # someone acts: a push queued meanwhile is dropped rather than sent, and no more come
    clock.advance(timedelta(minutes=16))
    assert await sweep() == 1
    await h.tap(SUPERVISOR, "处理此消息")
    await h.tap(SUPERVISOR, "记录处置情况")
    await h.say(SUPERVISOR, "已联系属地派出所")
    before = len(h.tg.texts(INTAKE))
    await deliver(h, app)
    assert len(h.tg.texts(INTAKE)) == before
    clock.advance(timedelta(hours=2))
    assert await sweep() == 0
    async with app.ctx.uow() as uow:
        pushes = (await uow.session.execute(select(OutboxRow.status, OutboxRow.template))).all()
    assert sorted(s for s, t in pushes if t == "notify.officer.urgent_repush") == ["dropped", "sent", "sent"]


async def test_an_urgent_message_closed_from_the_cli_shows_so_in_the_bot(
    harness: BotHarness, app: App, office: Office
) -> None:
    from qingfeng.cli_urgent import CLI

    h = harness
    await h.say(SENDER, DANGER)
    [item] = await app.urgent.open_items(CLI)
    assert "不想活了" in item.text and not item.handled
    await app.urgent.close(CLI, item.id, "已转公安机关处置")
    assert await app.urgent.open_items(CLI) == []
    await deliver(h, app)
    assert not h.tg.texts(SUPERVISOR)  # closed before the push went out: dropped
    assert "收件箱是空的" in (await h.say(SUPERVISOR, "/inbox"))[0]
    await h.tap_data(SUPERVISOR, f"s::o:urgent:{item.id}")
    assert "已处理并关闭（系统）" in h.tg.texts(SUPERVISOR)[-1] and "已转公安机关处置" in h.tg.texts(SUPERVISOR)[-1]


async def test_the_senders_follow_up_reaches_the_officers_and_the_card(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    seen = await h.say(SENDER, "我现在就想跳楼")
    assert "110" in seen[0] and "需要做什么" not in seen[-1]  # no cheerful menu after a danger message
    await deliver(h, app)
    await h.tap(SUPERVISOR, "处理此消息")
    await h.tap(SUPERVISOR, "回复发送人")
    await h.say(SUPERVISOR, "您现在在哪里？身边有人吗？")
    await deliver(h, app)
    assert any(t.startswith("【工作人员回复】") for t in h.tg.texts(SENDER))
    asked = await h.tap(SENDER, "回复")  # the button under the officer's answer
    assert "工作人员" in asked[-1] and "需要做什么" not in asked[-1]
    told = await h.say(SENDER, "我在青山镇大桥上，一个人")
    assert "工作人员" in told[0] and "需要做什么" not in " ".join(told)
    before = len(h.tg.texts(SUPERVISOR))
    await deliver(h, app)
    pushed = h.tg.texts(SUPERVISOR)[before:]
    assert len(pushed) == 1 and "青山镇大桥上" in pushed[0] and "又发来" in pushed[0]
    opened = await h.tap(SUPERVISOR, "处理此消息")  # the open button under that push
    assert "青山镇大桥上" in opened[0] and "发送人" in opened[0]
    again = await h.say(SENDER, "桥上风很大")  # without the button too, while the message is open
    assert "工作人员" in again[0]
    await h.tap(SUPERVISOR, "处理完毕，关闭")
    await h.say(SUPERVISOR, "民警已将当事人带离")
    after = await h.say(SENDER, "谢谢你们")  # closed: back to the ordinary menu
    assert "需要做什么" in after[-1]

    assert str(SENDER) not in officers_saw(h)
    async with app.ctx.uow() as uow:
        events = (await uow.session.execute(
            select(UrgentEventRow).where(UrgentEventRow.action == "follow_up").order_by(UrgentEventRow.id)
        )).scalars().all()  # fmt: skip
    assert [app.ctx.vault.dec_text(e.text_enc) for e in events] == ["我在青山镇大桥上，一个人", "桥上风很大"]
    assert all("青山镇".encode() not in (e.text_enc or b"") for e in events)  # stored encrypted
    assert all(e.officer_id is None for e in events)


async def test_with_nobody_on_duty_and_no_supervisor_the_intake_officer_is_pushed(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    await app.officers.deactivate(office.supervisor.officer_id or 0, None, Actor.system())
    seen = await h.say(SENDER, DANGER)
    assert "110" in seen[0] and "需要做什么" not in seen[-1]
    await deliver(h, app)
    assert [t for t in h.tg.texts(INTAKE) if t.startswith("【紧急】") and "不想活了" in t]
    opened = await h.tap(INTAKE, "处理此消息")
    assert "不想活了" in opened[0]
