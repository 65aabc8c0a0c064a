"""``qingfeng run`` with python-telegram-bot: the Application polling — or, in webhook mode, fed by the web front
(bot/webhook.py) — and the jobs with it, until a signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.error import BadRequest, InvalidToken, NetworkError

from bot.deps import BotDeps
from bot.runtimes import Jobs, JobsFor
from bot.runtimes.ptb.application import ALLOWED_UPDATES, PtbApp, build_application, check_token, polling
from bot.runtimes.ptb.notifier import PtbNotifier
from bot.serving import StoppedAtStart, WebhookRefused, answered, until_signalled

if TYPE_CHECKING:
    from bot.webhook import Webhook  # aiohttp's server and prometheus-client: loaded in webhook mode only


async def serve(deps: BotDeps, token: str, api_root: str, jobs_for: JobsFor, warm_up: Callable[[], object],
                hook: Webhook | None = None) -> bool:  # fmt: skip
    """Poll (or, given ``hook``, take webhook posts) until SIGINT/SIGTERM or cancelled. False: the token is
    malformed, or the server refused it (401/404) when the bot introduced itself (getMe). ``warm_up`` runs once
    updates can come."""
    try:
        check_token(token)
    except InvalidToken:
        return False
    application = build_application(deps, token, api_root)
    jobs = jobs_for(PtbNotifier(application.bot, deps.translator))
    try:
        await answered(lambda: _introduce(application), api_root, (NetworkError,))  # the first call to the API
        if hook is not None:
            await _webhook(application, hook, jobs, warm_up)
            return True
        async with polling(application):
            warm_up()
            jobs.start()
            try:
                await until_signalled()
            finally:
                await jobs.stop()  # while the bot can still send: running jobs finish
    except InvalidToken:
        return False
    except StoppedAtStart:
        return True
    finally:
        await jobs.stop()
    return True


async def _introduce(app: PtbApp) -> None:
    """getMe once, the HTTP client shut down after (the Application initialises its own next)."""
    async with app.bot:
        await app.bot.get_me()


async def _webhook(app: PtbApp, hook: Webhook, jobs: Jobs, warm_up: Callable[[], object]) -> None:
    """Initialised (getMe) around it; setWebhook with the secret; the menus, then the Application started. No
    Updater: each post is handed to the Application, which handles it as polling would."""
    from bot import webhook as web

    async def feed(update: dict[str, Any]) -> None:
        await app.process_update(Update.de_json(update, app.bot))

    async def bot_api() -> bool:
        return bool(await app.bot.get_me())

    async def set_webhook() -> None:
        try:
            await app.bot.set_webhook(hook.url, secret_token=hook.secret, allowed_updates=ALLOWED_UPDATES)
        except BadRequest as exc:
            raise WebhookRefused(exc.message) from None

    async def begin() -> None:
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()

    async with app:
        await web.serve(hook, web.Library(feed, bot_api, set_webhook, begin, app.stop), jobs, warm_up)
