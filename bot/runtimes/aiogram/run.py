"""``qingfeng run`` with aiogram: the Bot on the configured API root, the Dispatcher polling, the jobs with it."""

from __future__ import annotations

from collections.abc import Callable

from aiogram.exceptions import TelegramUnauthorizedError
from aiogram.utils.token import TokenValidationError

from bot.deps import BotDeps
from bot.runtimes import JobsFor
from bot.runtimes.aiogram.botapi import make_bot, on_first_poll
from bot.runtimes.aiogram.dispatcher import build_dispatcher
from bot.runtimes.aiogram.notifier import TelegramNotifier


async def serve(deps: BotDeps, token: str, api_root: str, jobs_for: JobsFor, warm_up: Callable[[], object]) -> bool:
    """Poll until stopped (SIGINT/SIGTERM: aiogram handles them). False: the token is malformed, or the server
    refused it (401) when the bot introduced itself (getMe). ``warm_up`` runs at the first poll."""
    try:
        bot = make_bot(token, api_root)
    except TokenValidationError:
        return False
    on_first_poll(bot, warm_up)
    jobs = jobs_for(TelegramNotifier(bot, deps.translator))
    jobs.start()
    dp = build_dispatcher(deps)

    async def stop_jobs(**_: object) -> None:  # aiogram's shutdown hook runs before it closes the bot's session
        await jobs.stop()

    dp.shutdown.register(stop_jobs)
    try:
        await dp.start_polling(bot)
    except TelegramUnauthorizedError:
        return False
    finally:
        await jobs.stop()  # no-op after the shutdown hook; here for a failed start
        await bot.session.close()
    return True
