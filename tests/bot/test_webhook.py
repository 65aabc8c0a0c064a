"""Webhook mode (issue 18 item 1): ``qingfeng run --webhook URL --listen HOST:PORT`` on each runtime. The fake Bot
API posts every update to the bot's URL with the secret header (again after a failed answer, as Telegram does);
posts without the secret are refused and nothing is handled; /healthz and /readyz answer on the same address."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.client import FloodWait
from bot.webhook import MAX_BODY, derived_secret
from core.settings import Settings
from qingfeng.runner import run_bot

from .conftest import RUNTIMES, TOKEN
from .fake_telegram import FakeTelegram
from .instances import free_port
from .test_run import answers_start, running, settings_for

SECRET = "X-Telegram-Bot-Api-Secret-Token"


async def webhook_settings(tmp_path: Path, tg: FakeTelegram, runtime: str) -> Settings:
    settings = await settings_for(tmp_path, tg)
    settings.runtime = runtime  # type: ignore[assignment]
    port = free_port()
    settings.webhook_url = f"http://127.0.0.1:{port}/tg/updates"
    settings.listen = f"127.0.0.1:{port}"
    return settings


async def listening(tg: FakeTelegram, settings: Settings) -> str:
    """The bot's address once it answers /healthz (setWebhook comes first: the fake's first posts may fail)."""
    base = settings.webhook_url.rsplit("/tg/", 1)[0] if settings.webhook_url else ""

    async def up(_: FakeTelegram) -> bool:
        try:
            async with aiohttp.ClientSession() as http, http.get(f"{base}/healthz") as answer:
                return answer.status == 200
        except aiohttp.ClientError:
            return False

    for _ in range(400):
        if tg.webhook is not None and await up(tg):
            return base
        await asyncio.sleep(0.05)
    raise AssertionError("the bot never listened")


async def scrape(base: str) -> dict[str, float]:
    """``/metrics`` as {"name{labels}": value}, comments left out."""
    async with aiohttp.ClientSession() as http, http.get(f"{base}/metrics") as answer:
        assert answer.status == 200 and answer.content_type == "text/plain"
        text = await answer.text()
    pairs = (line.rsplit(" ", 1) for line in text.splitlines() if line and not line.startswith("#"))
    return {name: float(value) for name, value in pairs}


async def post(url: str, body: Any, headers: dict[str, str] | None = None, raw: bytes | None = None) -> int:
    async with aiohttp.ClientSession() as http:
        if raw is not None:
            request = http.post(url, data=raw, headers=headers or {})
        else:
            request = http.post(url, json=body, headers=headers or {})
        async with request as answer:
            return answer.status


@pytest.mark.parametrize("runtime", RUNTIMES)
async def test_webhook_mode_answers_and_refuses_posts_without_the_secret(
    tmp_path: Path, tg: FakeTelegram, runtime: str
) -> None:
    settings = await webhook_settings(tmp_path, tg, runtime)
    async with running(settings):
        base = await listening(tg, settings)
        assert tg.webhook is not None and tg.webhook["url"] == settings.webhook_url
        assert tg.webhook["secret_token"] == derived_secret(TOKEN)  # every instance of the bot derives the same
        assert {"message", "callback_query"} <= set(tg.webhook["allowed_updates"])
        assert not tg.calls_to("getUpdates")  # no polling at all
        await answers_start(tg)  # /start from two chats, posted by the fake Telegram
        assert tg.calls_to("setMyCommands")  # the menus, as in polling
        tg.user_taps(5001, tg.last_keyboard(5001)[0][0][1] or "")  # a tap comes by webhook too
        await tg.wait_for(lambda t: t.calls_to("answerCallbackQuery"), what="the tap answered")

        # a forged post: no secret, a wrong one — refused, nothing handled, nothing sent
        await tg.wait_idle()
        before = len(tg.sent())
        forged = {"update_id": 999_001, "message": {"message_id": 1, "date": 0, "chat": {"id": 5009, "type": "private"},
                                                    "from": {"id": 5009, "is_bot": False, "first_name": "x"},
                                                    "text": "/start"}}  # fmt: skip
        hook = settings.webhook_url or ""
        assert await post(hook, forged) == 403
        assert await post(hook, forged, {SECRET: "guessed"}) == 403
        good = {SECRET: derived_secret(TOKEN)}
        assert await post(hook, None, good, raw=b"not json") == 400
        assert await post(hook, None, good, raw=b"x" * (MAX_BODY + 1)) == 413
        await tg.wait_idle()
        assert len(tg.sent()) == before and not tg.sent(5009)

        async with aiohttp.ClientSession() as http:
            async with http.get(f"{base}/healthz") as answer:
                assert answer.status == 200
            async with http.get(f"{base}/readyz") as answer:
                assert answer.status == 200
                assert await answer.json() == {"ready": True, "checks": {"database": True, "migrations": True,
                                                                         "bot_api": True}}  # fmt: skip
            tg.fail_next("getMe", 502, "Bad Gateway")  # the Bot API does not answer: not ready
            async with http.get(f"{base}/readyz") as answer:
                assert answer.status == 503 and (await answer.json())["checks"]["bot_api"] is False

        # the same update posted twice (Telegram's retry of an answer it found late): handled once
        update = tg.user_sends(5006, "/start")
        await tg.wait_sent(5006, 2, timeout=30)
        assert await post(hook, update, {SECRET: derived_secret(TOKEN)}) == 200
        await tg.wait_idle()
        assert len(tg.sent(5006)) == 2

        # a 429 on a reply is waited out, and counted
        waits = FloodWait.received
        tg.fail_next("sendMessage", 429, retry_after=1, chat_id=5005)
        tg.user_sends(5005, "/start")
        await tg.wait_sent(5005, 2, timeout=30)
        metrics = await scrape(base)
        assert metrics['qingfeng_updates_total{kind="message",outcome="handled"}'] >= 3
        assert metrics['qingfeng_updates_total{kind="callback_query",outcome="handled"}'] >= 1
        assert metrics['qingfeng_update_handling_seconds_count{kind="message"}'] >= 3
        assert metrics["qingfeng_telegram_flood_waits_total"] == waits + 1 == FloodWait.received
        assert metrics["qingfeng_updates_repeated_total"] == 1 and metrics["qingfeng_office_read_ok"] == 1
        assert metrics["qingfeng_outbox_backlog"] == 0  # no officer was told anything: nothing is waiting
        assert metrics["qingfeng_deadlines_overdue"] == 0
        assert metrics["qingfeng_reminders_sent_total"] == 0 and metrics["qingfeng_scheduler_leader"] == 1
        assert not any(str(chat) in name for name in metrics for chat in (5001, 5002, 5005))  # no chat in a label


@pytest.mark.parametrize("runtime", RUNTIMES)
async def test_polling_again_after_a_webhook_run(tmp_path: Path, tg: FakeTelegram, runtime: str) -> None:
    settings = await webhook_settings(tmp_path, tg, runtime)
    async with running(settings):
        await listening(tg, settings)
    assert tg.webhook is not None  # left set on stop
    settings.webhook_url = None
    async with running(settings):
        await answers_start(tg)  # polled: the webhook was removed first (getUpdates is refused while one is set)
    assert tg.webhook is None and tg.calls_to("getUpdates")


@pytest.mark.parametrize("runtime", RUNTIMES)
async def test_a_webhook_telegram_refuses_or_a_port_taken_is_one_line_and_status_2(
    tmp_path: Path, tg: FakeTelegram, runtime: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tg.https_only = True  # as the real Telegram: https only
    settings = await webhook_settings(tmp_path, tg, runtime)
    assert await asyncio.wait_for(run_bot(settings), 60) == 2
    err = capsys.readouterr().err
    assert "Telegram 拒绝了 webhook 地址：" in err and "https url must be provided" in err.lower()
    assert "Traceback" not in err
    tg.https_only = False
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings.listen = f"127.0.0.1:{port}"
        assert await asyncio.wait_for(run_bot(settings), 60) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"无法在 127.0.0.1:{port} 上监听") and "Traceback" not in err


async def test_the_run_command_in_webhook_mode_stops_on_sigterm_and_loses_nothing_while_down(
    tmp_path: Path, tg: FakeTelegram
) -> None:
    """``qingfeng run --webhook … --listen …`` as a process: answers, stops cleanly on SIGTERM (the webhook stays
    set, as another instance may still serve it); what a citizen sends meanwhile is delivered again until a
    restarted process answers it."""
    settings = await webhook_settings(tmp_path, tg, "aiogram")
    env = {**os.environ, "QINGFENG_BOT_TOKEN": TOKEN, "QINGFENG_TELEGRAM_API": tg.api_root,
           "QINGFENG_DATA_DIR": str(tmp_path / "data"), "QINGFENG_DATABASE_URL": settings.db_url}  # fmt: skip
    for name in ("encryption_keys", "index_key"):
        env[f"QINGFENG_{name.upper()}"] = getattr(settings, name).get_secret_value()
    command = (sys.executable, "-m", "qingfeng.cli", "run", "--webhook", settings.webhook_url or "",
               "--listen", settings.listen)  # fmt: skip

    async def start() -> asyncio.subprocess.Process:
        return await asyncio.create_subprocess_exec(*command, env=env, cwd=tmp_path, stderr=asyncio.subprocess.PIPE)

    async def stop(process: asyncio.subprocess.Process) -> str:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 90)
        assert process.returncode == 0, stderr.decode()[-3000:]
        return stderr.decode()

    process = await start()
    try:
        await answers_start(tg)
    finally:
        err = await stop(process)
    assert "Traceback" not in err and TOKEN not in err and derived_secret(TOKEN) not in err
    assert tg.webhook is not None and not tg.calls_to("deleteWebhook")
    tg.user_sends(5004, "/start")  # while no process listens
    await tg.wait_for(lambda t: len([p for p in t.posts if p.status == 0]) >= 2, what="posts failing meanwhile")
    process = await start()
    try:
        sent = await tg.wait_sent(5004, 2, timeout=60)
        assert "【举报须知】" in sent[1]["text"]
    finally:
        await stop(process)
    assert not tg.pending_updates
