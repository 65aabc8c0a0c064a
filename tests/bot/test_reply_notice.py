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
