"""``qingfeng run`` with python-telegram-bot: the Application polling — or, in webhook mode, fed by the web front
(bot/webhook.py) — and the jobs with it, until a signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from telegram import Update
from telegram.error import BadRequest, InvalidToken

from bot import webhook as web
from bot.deps import BotDeps
from bot.runtimes import Jobs, JobsFor
from bot.runtimes.ptb.application import ALLOWED_UPDATES, PtbApp, build_application, check_token, polling
from bot.runtimes.ptb.notifier import PtbNotifier
from bot.serving import WebhookRefused, until_signalled


async def serve(deps: BotDeps, token: str, api_root: str, jobs_for: JobsFor, warm_up: Callable[[], object],
                hook: web.Webhook | None = None) -> bool:  # fmt: skip
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
    finally:
        await jobs.stop()
    return True


async def _webhook(app: PtbApp, hook: web.Webhook, jobs: Jobs, warm_up: Callable[[], object]) -> None:
    """Initialise (getMe), listen, setWebhook with the secret, the menus, then serve until a signal; no Updater:
    each post is handed to the Application, which handles it as polling would."""

    async def feed(update: dict[str, Any]) -> None:
        await app.process_update(Update.de_json(update, app.bot))

    async def bot_api() -> bool:
        return bool(await app.bot.get_me())

    started = False
    async with app:
        try:
            async with web.listening(hook, feed, {"bot_api": bot_api}):
                try:
                    await app.bot.set_webhook(hook.url, secret_token=hook.secret, allowed_updates=ALLOWED_UPDATES)
                except BadRequest as exc:
                    raise WebhookRefused(exc.message) from None
                if app.post_init is not None:
                    await app.post_init(app)
                await app.start()
                started = True
                warm_up()
                jobs.start()
                await until_signalled()
        finally:  # no more requests, those in hand finished: now the jobs, while the bot can still send
            await jobs.stop()
            if started:
                await app.stop()
