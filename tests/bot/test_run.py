"""``qingfeng run``'s own code path — settings, composition root, scheduler, polling — against the fake API."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from pydantic import SecretStr

from qingfeng.runner import run_bot
from tests.conftest import make_settings

from .conftest import TOKEN
from .fake_telegram import FakeTelegram


async def test_run_polls_the_configured_api_root_and_answers_start(tmp_path: Path, tg: FakeTelegram) -> None:
    settings = make_settings(tmp_path / "data", f"sqlite+aiosqlite:///{tmp_path / 'run.db'}")
    settings.bot_token = SecretStr(TOKEN)
    settings.telegram_api = tg.api_root
    task = asyncio.create_task(run_bot(settings))
    try:
        tg.user_sends(5001, "/start")
        sent = await tg.wait_sent(5001, 2, timeout=20)
        assert sent[0]["text"].startswith("您好，这里是「清风」")
        assert "【举报须知】" in sent[1]["text"] and tg.last_keyboard(5001)[0][0][0] == "我已阅读，开始填写"
        tg.user_sends(5002, "/start", language_code="en")
        english = await tg.wait_sent(5002, 2, timeout=10)
        assert english[0]["text"].startswith("Hello, this is Qingfeng")
        assert (tmp_path / "run.db").exists()  # the schema was migrated on start
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
