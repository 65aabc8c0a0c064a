"""Telegram flood limits and a database that is briefly gone: the citizen is told, and nothing is lost."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg

from qingfeng.app import App

from .conftest import BotHarness

CHAT = 800001


async def test_a_429_on_the_reply_is_waited_out(harness: BotHarness) -> None:
    h = harness
    h.tg.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    seen = await h.say(CHAT, "/start")
    assert seen[0].startswith("您好") and "【举报须知】" in seen[1]
    refused = [c for c in h.tg.calls_to("sendMessage", CHAT) if not c.ok]
    assert len(refused) == 1 and refused[0].response["parameters"]["retry_after"] == 1


@contextlib.asynccontextmanager
async def database_outage(app: App) -> AsyncIterator[None]:
    """Make the database unreachable, then bring it back as it was."""
    url = app.engine.url
    await app.engine.dispose()
    if url.get_backend_name() == "sqlite":
        db = Path(url.database or "")
        backup = db.with_suffix(".backup")
        await asyncio.to_thread(shutil.copy, db, backup)
        await asyncio.to_thread(db.write_bytes, b"this is not a database" * 100)  # new connections now fail
        try:
            yield
        finally:
            await app.engine.dispose()
            await asyncio.to_thread(shutil.copy, backup, db)
        return
    admin = await asyncpg.connect(os.environ["TEST_DATABASE_URL"].replace("+asyncpg", ""), database="postgres")
    try:
        await admin.execute(f'ALTER DATABASE "{url.database}" ALLOW_CONNECTIONS false')
        await admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", url.database)
        yield
    finally:
        await admin.execute(f'ALTER DATABASE "{url.database}" ALLOW_CONNECTIONS true')
        await admin.close()
        await app.engine.dispose()


async def test_a_database_outage_mid_dialog_is_explained_and_loses_no_answers(harness: BotHarness, app: App) -> None:
    h = harness
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")
    await h.say(CHAT, "村支书把低保名额给了自己的亲戚")
    await h.tap(CHAT, "检举控告")
    await h.tap(CHAT, "实名举报")
    await h.say(CHAT, "刘举报")
    async with database_outage(app):
        h.errors_expected = True
        seen = await h.say(CHAT, "13800138000")
        assert seen == ["抱歉，处理时出现问题，您的信息没有丢失。请稍后再试。"]
    assert [type(e).__name__ for e in h.errors] == [
        "DatabaseError" if app.engine.url.get_backend_name() == "sqlite" else h.errors[0].__class__.__name__
    ]
    h.errors.clear()
    h.errors_expected = False
    seen = await h.say(CHAT, "13800138000")  # sent again once the database is back
    assert "身份证号" in seen[-1]
    review_path = ["跳过"]
    for label in review_path:
        await h.tap(CHAT, label)
    state = await h.say(CHAT, "/start")
    assert "尚未提交" in state[0] and "被反映人 1" in state[-1]
