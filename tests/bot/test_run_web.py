"""``qingfeng run --web`` (issue 19): the bot and the web chat in one process, on each runtime. A Telegram user and
a web visitor are both answered; a named report filed in the page is accepted by the office, and the bot's outbox
— the one that sends to Telegram — writes the acceptance to the page, which the page reads."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from core.model import Role
from core.settings import Settings
from qingfeng.app import build_app
from tests.web.browser import free_port
from tests.web.visitor import Visitor

from .conftest import RUNTIMES
from .fake_telegram import PATIENCE, FakeTelegram
from .test_run import answers_start, running, settings_for


async def accept(settings: Settings, number: str) -> None:
    app = await build_app(settings)
    try:
        intake = await app.officers.add_officer("王信访", "LA", [Role.INTAKE], telegram_id=1001)
        actor = await app.officers.actor_for_officer(intake.id)
        await app.cases.register(number, actor)
        await app.cases.accept(number, actor)
    finally:
        await app.close()


@pytest.mark.parametrize("runtime", RUNTIMES)
async def test_run_with_web_serves_the_page_and_sends_web_chats_notifications_there(
    tmp_path: Path, tg: FakeTelegram, runtime: str
) -> None:
    settings = await settings_for(tmp_path, tg)
    settings.runtime = runtime  # type: ignore[assignment]
    settings.web_listen, settings.web_secure_cookie = f"127.0.0.1:{free_port()}", False
    async with running(settings, web=True):
        await answers_start(tg)  # Telegram is answered
        v = Visitor(f"http://{settings.web_listen}")
        try:
            number = await v.file_named()
            assert any("举报须知" in m["text"] for m in v.seen.values())
            await accept(settings, number)
            news: list[dict[str, object]] = []
            deadline = asyncio.get_running_loop().time() + 60 * PATIENCE
            while not news:  # a long poll ends empty after 25 s; the bot's outbox runs every 5 s
                assert asyncio.get_running_loop().time() < deadline, "the acceptance never reached the page"
                async with v.http.get(v.url(f"/api/updates?after={v.last}")) as r:
                    news = (await r.json())["messages"]
            assert number in str(news[0]["text"]) and "受理" in str(news[0]["text"])
            assert not any(number in str(c.params) for c in tg.calls_to("sendMessage"))  # not sent to Telegram
        finally:
            await v.close()
