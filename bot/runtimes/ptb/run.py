"""``qingfeng run`` with python-telegram-bot: the Application polling, the jobs with it, until a signal."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable

from telegram.error import InvalidToken

from bot.deps import BotDeps
from bot.runtimes import JobsFor
from bot.runtimes.ptb.application import build_application, check_token, polling
from bot.runtimes.ptb.notifier import PtbNotifier


async def serve(deps: BotDeps, token: str, api_root: str, jobs_for: JobsFor, warm_up: Callable[[], object]) -> bool:
    """Poll until SIGINT/SIGTERM or cancelled. False: the token is malformed, or the server refused it (401/404)
    when the bot introduced itself (getMe). ``warm_up`` runs once polling has begun."""
    try:
        check_token(token)
    except InvalidToken:
        return False
    application = build_application(deps, token, api_root)
    jobs = jobs_for(PtbNotifier(application.bot, deps.translator))
    try:
        async with polling(application):
            warm_up()
            jobs.start()
            try:
                await until_signalled()
            finally:
                await jobs.stop()  # while the bot can still send: running jobs finish
    except InvalidToken:
        return False
    finally:
        await jobs.stop()
    return True


async def until_signalled() -> None:
    """Until SIGINT or SIGTERM (aiogram's polling stops on them by itself) or until cancelled."""
    stop, loop = asyncio.Event(), asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    try:
        for sig in signals:
            loop.add_signal_handler(sig, stop.set)
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or Windows: Ctrl-C raises instead
        pass
    try:
        await stop.wait()
    finally:
        for sig in signals:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(sig)
