"""``qingfeng run``'s own code path — settings, composition root, scheduler, polling — against the fake API, on
each runtime; and the command itself, ``qingfeng run --runtime ptb``, as a process stopped by SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from core.model import UnitLevel
from core.settings import Settings
from qingfeng.app import build_app
from qingfeng.runner import run_bot
from tests.conftest import make_settings

from .conftest import RUNTIMES, TOKEN
from .fake_telegram import FakeTelegram

BAD_TOKEN = "机器人令牌格式不正确"


async def settings_for(tmp_path: Path, tg: FakeTelegram, token: str = TOKEN) -> Settings:
    """Settings for a database with an office set up (``qingfeng run`` refuses one without: see ``bare_settings``)."""
    settings = bare_settings(tmp_path, tg, token)
    await set_up_office(settings)
    return settings


def bare_settings(tmp_path: Path, tg: FakeTelegram, token: str = TOKEN) -> Settings:
    settings = make_settings(tmp_path / "data", f"sqlite+aiosqlite:///{tmp_path / 'run.db'}")
    settings.bot_token = SecretStr(token)
    settings.telegram_api = tg.api_root
    return settings


async def set_up_office(settings: Settings) -> None:
    app = await build_app(settings)
    try:
        if not await app.officers.list_units():
            await app.officers.add_unit("LA", "临安区纪委监委", UnitLevel.COUNTY, "浙江省/杭州市/临安区")
            await app.officers.set_home_unit("LA")
    finally:
        await app.close()


@contextlib.asynccontextmanager
async def running(settings: Settings, runtime: str | None = None, *, web: bool = False
                  ) -> AsyncIterator[asyncio.Task[int]]:  # fmt: skip
    """``qingfeng run`` in this process (its database, its Bot API root) until the block ends: then cancelled.
    ``web``: ``qingfeng run --web``."""
    task = asyncio.create_task(run_bot(settings, runtime, web=web) if runtime else run_bot(settings, web=web))
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def answers_start(tg: FakeTelegram) -> None:
    tg.user_sends(5001, "/start")
    sent = await tg.wait_sent(5001, 2, timeout=20)
    assert sent[0]["text"].startswith("您好，这里是「清风」")
    assert "【举报须知】" in sent[1]["text"] and tg.last_keyboard(5001)[0][0][0] == "我已阅读，开始填写"
    tg.user_sends(5002, "/start", language_code="en")
    english = await tg.wait_sent(5002, 2, timeout=10)
    assert english[0]["text"].startswith("Hello, this is Qingfeng")


@pytest.mark.parametrize("runtime", RUNTIMES)
async def test_run_polls_the_configured_api_root_and_answers_start(
    tmp_path: Path, tg: FakeTelegram, runtime: str
) -> None:
    settings = await settings_for(tmp_path, tg)
    settings.runtime = runtime  # type: ignore[assignment]  # the setting, as QINGFENG_RUNTIME would give it
    async with running(settings):
        await answers_start(tg)
        assert (tmp_path / "run.db").exists()  # the schema was migrated on start
        assert tg.calls_to("deleteWebhook")  # polling, not a webhook an earlier webhook run left set
        assert tg.calls_to("answerCallbackQuery") == []
        tg.user_taps(5001, tg.last_keyboard(5001)[0][0][1] or "")
        await tg.wait_for(lambda t: t.calls_to("answerCallbackQuery"), what="the tap answered")


@pytest.mark.parametrize("runtime", RUNTIMES)
async def test_a_bot_api_out_of_reach_at_start_is_asked_again_in_one_line(
    tmp_path: Path, tg: FakeTelegram, runtime: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The first call to the Bot API fails (a server booting before its network, a 502 from Telegram): one line in
    the log, asked again a second later, then the bot serves — never a traceback (it was one, exit 1)."""
    first = "deleteWebhook" if runtime == "aiogram" else "getMe"  # each library's first call at start
    tg.fail_next(first, 502, "Bad Gateway")
    settings = await settings_for(tmp_path, tg)
    async with running(settings, runtime):
        await answers_start(tg)
    assert len([c for c in tg.calls_to(first) if not c.ok]) == 1
    said = [r.getMessage() for r in caplog.records if r.name == "bot.serving"]
    assert len(said) == 1 and "does not answer" in said[0] and "asking again in 1 s" in said[0]
    assert not [r for r in caplog.records if r.exc_info] and TOKEN not in caplog.text


@pytest.mark.parametrize("runtime", RUNTIMES)
async def test_a_malformed_or_refused_token_exits_2_with_the_explanation(
    tmp_path: Path, tg: FakeTelegram, runtime: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await run_bot(await settings_for(tmp_path, tg, token="not a token"), runtime) == 2
    assert BAD_TOKEN in capsys.readouterr().err and tg.calls == []
    tg.fail_next("getMe", 401, "Unauthorized", times=None)  # well formed, but revoked
    assert await asyncio.wait_for(run_bot(await settings_for(tmp_path, tg), runtime), 90) == 2
    assert BAD_TOKEN in capsys.readouterr().err
    settings = bare_settings(tmp_path, tg)
    settings.bot_token = None
    assert await run_bot(settings, runtime) == 2
    assert "QINGFENG_BOT_TOKEN" in capsys.readouterr().err


@pytest.mark.parametrize("runtime", RUNTIMES)
async def test_run_on_a_database_without_an_office_says_what_to_run_and_never_polls(
    tmp_path: Path, tg: FakeTelegram, runtime: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: it used to start and fail every citizen at 确认提交 ("no units configured")."""
    assert await run_bot(bare_settings(tmp_path, tg), runtime) == 2
    assert "qingfeng setup" in capsys.readouterr().err and tg.calls == []  # no getMe, no getUpdates
    assert await run_bot(bare_settings(tmp_path, tg), runtime, setup=True) == 2  # make run, stdin not a terminal
    assert "qingfeng setup" in capsys.readouterr().err and tg.calls == []


async def test_the_run_command_without_an_office_exits_2_without_polling(tmp_path: Path, tg: FakeTelegram) -> None:
    settings = bare_settings(tmp_path, tg)
    env = {**os.environ, "QINGFENG_BOT_TOKEN": TOKEN, "QINGFENG_TELEGRAM_API": tg.api_root,
           "QINGFENG_DATA_DIR": str(tmp_path / "data"), "QINGFENG_DATABASE_URL": settings.db_url}  # fmt: skip
    for name in ("encryption_keys", "index_key"):
        env[f"QINGFENG_{name.upper()}"] = getattr(settings, name).get_secret_value()
    command = (sys.executable, "-m", "qingfeng.cli", "run", "--setup")  # what make run runs
    process = await asyncio.create_subprocess_exec(*command, env=env, cwd=tmp_path, stdin=asyncio.subprocess.DEVNULL,
                                                   stderr=asyncio.subprocess.PIPE)  # fmt: skip
    _, stderr = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 2 and ".venv/bin/qingfeng setup" in stderr.decode()
    assert "Traceback" not in stderr.decode() and tg.calls == []


async def test_the_run_command_with_runtime_ptb_answers_and_stops_cleanly_on_sigterm(
    tmp_path: Path, tg: FakeTelegram
) -> None:
    settings = await settings_for(tmp_path, tg)
    env = {**os.environ, "QINGFENG_BOT_TOKEN": TOKEN, "QINGFENG_TELEGRAM_API": tg.api_root,
           "QINGFENG_DATA_DIR": str(tmp_path / "data"), "QINGFENG_DATABASE_URL": settings.db_url,
           "QINGFENG_RUNTIME": "aiogram"}  # fmt: skip  # the flag overrides the setting
    for name in ("encryption_keys", "index_key"):
        env[f"QINGFENG_{name.upper()}"] = getattr(settings, name).get_secret_value()
    command = (sys.executable, "-m", "qingfeng.cli", "run", "--runtime", "ptb")
    process = await asyncio.create_subprocess_exec(*command, env=env, cwd=tmp_path, stderr=asyncio.subprocess.PIPE)
    try:
        await answers_start(tg)
        assert {"deleteWebhook", "getMe"} <= {c.method for c in tg.calls}
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 90)
    assert process.returncode == 0, stderr.decode()
    assert "Traceback" not in stderr.decode() and TOKEN not in stderr.decode()  # no token in the logs
    assert not tg.pending_updates  # the last offset was confirmed on the way out


@pytest.mark.parametrize("runtime", RUNTIMES)
async def test_a_stop_in_the_middle_of_a_reply_finishes_the_reply_first(
    tmp_path: Path, tg: FakeTelegram, runtime: str
) -> None:
    """SIGTERM (a deploy, a restart) while the bot is answering: the update is already confirmed to Telegram,
    so the reply must still go out before the process exits — nothing the user sent is left unanswered."""
    settings = await settings_for(tmp_path, tg)
    env = {**os.environ, "QINGFENG_BOT_TOKEN": TOKEN, "QINGFENG_TELEGRAM_API": tg.api_root,
           "QINGFENG_DATA_DIR": str(tmp_path / "data"), "QINGFENG_DATABASE_URL": settings.db_url}  # fmt: skip
    for name in ("encryption_keys", "index_key"):
        env[f"QINGFENG_{name.upper()}"] = getattr(settings, name).get_secret_value()
    command = (sys.executable, "-m", "qingfeng.cli", "run", "--runtime", runtime)
    process = await asyncio.create_subprocess_exec(*command, env=env, cwd=tmp_path, stderr=asyncio.subprocess.PIPE)
    try:
        await answers_start(tg)  # the bot is up
        tg.slow("sendMessage", 1.0)
        tg.user_sends(5003, "/start")
        await tg.wait_for(lambda t: not t.pending_updates and t._busy, what="the reply on its way", timeout=10)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 90)
    assert process.returncode == 0, stderr.decode()
    sent = [c for c in tg.calls_to("sendMessage", 5003) if c.ok]
    assert len(sent) == 2 and "【举报须知】" in sent[1].params["text"], stderr.decode()[-2000:]
