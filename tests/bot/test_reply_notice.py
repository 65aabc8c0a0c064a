"""An officer who asked the reporter a question is told when the answer comes (tester's walk, item 3)."""

from __future__ import annotations

from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import Office, named_report

from .conftest import BotHarness

INTAKE = 1001  # Telegram id of the intake officer in tests/factories.py
REPORTER = 555001


async def test_the_officer_who_asked_is_pushed_the_reporters_answer(harness: BotHarness, app: App,
                                                                     office: Office) -> None:  # fmt: skip
    h = harness
    number = (await app.filing.file_report(named_report(chat_id=REPORTER))).number
    await h.say(INTAKE, f"/case {number}")
    await h.tap(INTAKE, "向举报人提问")
    sent = await h.say(INTAKE, "请问发放名单上的两户具体是哪两户？")
    assert "问题已发出" in sent[0]
    await OutboxService(app.ctx, h.notifier()).send_due()
    assert any("哪两户" in t for t in h.tg.texts(REPORTER))
    await h.tap(REPORTER, "回复")
    done = await h.say(REPORTER, "是张某的弟弟张二和弟媳李某两户。")
    assert "回复已送达" in done[0]
    before = len(h.tg.texts(INTAKE))
    await OutboxService(app.ctx, h.notifier()).send_due()
    assert any("举报人回复了" in t and number in t for t in h.tg.texts(INTAKE)[before:])


async def test_a_terminal_officers_notice_is_left_for_the_terminal_by_the_bots_outbox(
    harness: BotHarness, app: App, office: Office
) -> None:
    """An officer without Telegram works in ``qingfeng chat --as officer`` while the bot runs: the reporter answers
    in Telegram; the bot's outbox took the officer's notice, found no Telegram chat and marked it undeliverable,
    so the officer's terminal never showed it. The bot leaves it for the terminal."""
    from core.model import Role
    from core.pacing import Pacer
    from core.ports import Delivery, DeliveryResult, OutgoingMessage
    from core.services.chat_outbox import ChatOutbox
    from core.services.messaging import MessagingService

    h = harness
    terminal = await app.officers.add_officer("终端信访", "LA", [Role.INTAKE])  # no Telegram id
    number = (await app.filing.file_report(named_report(chat_id=REPORTER))).number
    actor = await app.officers.actor_for_officer(terminal.id)
    await MessagingService(app.ctx).ask(number, actor, "请问发放名单上的两户具体是哪两户？")
    await OutboxService(app.ctx, h.notifier()).send_due()
    await h.tap(REPORTER, "回复")
    assert "回复已送达" in (await h.say(REPORTER, "是张某的弟弟张二和弟媳李某两户。"))[0]
    await OutboxService(app.ctx, h.notifier()).send_due()  # the bot's outbox runs first

    shown: list[OutgoingMessage] = []

    class Terminal:
        pacer = Pacer()

        async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
            shown.append(message)
            return DeliveryResult(Delivery.SENT)

    await ChatOutbox(app.ctx, Terminal(), 2**53 + terminal.id, terminal.id).send_due()
    assert ("notify.officer.reporter_reply", number) in [(m.template, m.params.get("number")) for m in shown]
