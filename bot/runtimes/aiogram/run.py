"""``qingfeng run`` with aiogram: the Bot on the configured API root, the Dispatcher polling — or, in webhook mode,
fed by the web front (bot/webhook.py) — and the jobs with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramBadRequest, TelegramNetworkError, TelegramServerError, TelegramUnauthorizedError
from aiogram.types import Update
from aiogram.utils.token import TokenValidationError

from bot.deps import BotDeps
from bot.runtimes import Jobs, JobsFor
from bot.runtimes.aiogram.botapi import make_bot, on_first_poll
from bot.runtimes.aiogram.dispatcher import build_dispatcher
from bot.runtimes.aiogram.notifier import TelegramNotifier
from bot.serving import StoppedAtStart, WebhookRefused, answered

NETWORK = (TelegramNetworkError, TelegramServerError)  # the Bot API out of reach or failing: asked again at start

if TYPE_CHECKING:
    from bot.webhook import Webhook  # aiohttp's server and prometheus-client: loaded in webhook mode only


async def serve(deps: BotDeps, token: str, api_root: str, jobs_for: JobsFor, warm_up: Callable[[], object],
                hook: Webhook | None = None) -> bool:  # fmt: skip
    """Poll (or, given ``hook``, take webhook posts) until stopped (SIGINT/SIGTERM). False: the token is malformed,
    or the server refused it (401) when the bot introduced itself. ``warm_up`` runs once updates can come."""
    try:
        bot = make_bot(token, api_root)
    except TokenValidationError:
        return False
    jobs = jobs_for(TelegramNotifier(bot, deps.translator))
    dp = build_dispatcher(deps)
    try:
        if hook is not None:
            return await _webhook(bot, dp, hook, jobs, warm_up, api_root)
        on_first_poll(bot, warm_up)
        jobs.start()

        async def stop_jobs(**_: object) -> None:  # aiogram's shutdown hook runs before it closes the bot's session
            await jobs.stop()

        dp.shutdown.register(stop_jobs)
        # polling and a webhook exclude each other (a webhook run may have set one); the first call to the API
        await answered(bot.delete_webhook, api_root, NETWORK)
        await dp.start_polling(bot)
    except TelegramUnauthorizedError:
        return False
    except StoppedAtStart:
        return True
    finally:
        await jobs.stop()  # no-op after the shutdown hook; here for a failed start
        await bot.session.close()
    return True


async def _webhook(bot: Bot, dp: Dispatcher, hook: Webhook, jobs: Jobs, warm_up: Callable[[], object],
                   api_root: str) -> bool:  # fmt: skip
    """setWebhook with the secret and the update types the routers use; the startup and shutdown hooks run as in
    polling (menus; updates in hand finish before the session closes)."""
    from bot import webhook as web

    async def feed(update: dict[str, Any]) -> None:
        await dp.feed_update(bot, Update.model_validate(update, context={"bot": bot}))

    async def bot_api() -> bool:
        return bool(await bot.get_me())

    async def set_webhook() -> None:
        updates = dp.resolve_used_update_types()
        try:
            await answered(lambda: bot.set_webhook(hook.url, secret_token=hook.secret, allowed_updates=updates),
                           api_root, NETWORK)  # fmt: skip
        except TelegramBadRequest as exc:
            raise WebhookRefused(exc.message) from None

    async def begin() -> None:
        await dp.emit_startup(bot=bot, dispatcher=dp)

    async def end() -> None:
        await dp.emit_shutdown(bot=bot, dispatcher=dp)

    await web.serve(hook, web.Library(feed, bot_api, set_webhook, begin, end), jobs, warm_up)
    return True
