"""The python-telegram-bot Application: PTB updates → :class:`~bot.front.Incoming` → the shared front → carried
out through the shared client (``bot/client.py``) in PTB's dialect (``bot/runtimes/ptb/client.py``).

Thin on purpose, like the aiogram adapter: what is said is decided in ``bot/front.py`` and what is done with
Telegram's answers in ``bot/client.py``. Built fresh by :func:`build_application` (no module state); PTB's
JobQueue is off because the APScheduler of ``qingfeng/scheduler.py`` runs the periodic jobs for both runtimes.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import AsyncIterator
from typing import Any

from telegram import Update
from telegram.error import InvalidToken
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest
from telegram.warnings import PTBDeprecationWarning

from bot import inflight
from bot.client import acknowledge, announce_menus, carry_out, downloader, media_of, tell_failure
from bot.deps import BotDeps
from bot.front import PRIVATE, ChatFront, Incoming
from bot.runtimes.ptb.client import ptb_client
from bot.tokens import well_formed

# like aiogram's polling, updates are handled as they come, so many at a time (one chat's stay in order: the dialog
# runner serialises them)
CONCURRENT_UPDATES = inflight.CONCURRENT_UPDATES
POLL_TIMEOUT = 10  # seconds a getUpdates long poll waits, as aiogram's default
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]  # what aiogram asks for with our two handlers

PtbApp = Application[Any, Any, Any, Any, Any, Any]


def check_token(token: str) -> None:
    """``<digits>:<secret>``, as aiogram checks before any request; PTB would only find out from the server."""
    if not well_formed(token):
        raise InvalidToken("malformed bot token")


def build_application(deps: BotDeps, token: str, api_root: str, *, processor: BaseUpdateProcessor | None = None,
                      request: BaseRequest | None = None) -> PtbApp:  # fmt: skip
    """Methods at ``{root}/bot{token}/{method}``, files at ``{root}/file/bot{token}/{path}``; raises
    :class:`~telegram.error.InvalidToken` for a malformed token. ``processor`` lets tests count updates,
    ``request`` lets the benchmark answer the Bot API in process."""
    check_token(token)
    # PTB 22 warns on every 429 that RetryAfter.retry_after will become a timedelta (it reads it itself, in the
    # exception's constructor); retry_seconds() already takes either
    warnings.filterwarnings("ignore", r".*`retry_after`", PTBDeprecationWarning)
    root = api_root.rstrip("/")
    builder = ApplicationBuilder().token(token).base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    front = ChatFront(deps)

    async def menus(application: PtbApp) -> None:
        """Before the first poll (``polling`` runs it, as ``run_polling`` would): the command menus per audience."""
        await announce_menus(ptb_client(application.bot), front)

    app = builder.concurrent_updates(processor or CONCURRENT_UPDATES).job_queue(None).post_init(menus).build()

    async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        client = ptb_client(context.bot)
        await acknowledge(client, query.id)
        if query.message is None:
            return
        user, chat = query.from_user, query.message.chat
        incoming = Incoming(chat.id, user.id, user.language_code, query.message.message_id,
                            callback=query.data or "", chat_type=chat.type)  # fmt: skip
        await front.serve(incoming, None, lambda response: carry_out(client, chat.id, response))

    async def on_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, client = update.message, ptb_client(context.bot)
        if message is None:
            return
        user, chat = message.from_user, message.chat
        me = context.bot.username if chat.type != PRIVATE else None
        incoming = Incoming(chat.id, user.id if user else None, user.language_code if user else None,
                            message.message_id, message.text if message.text is not None else message.caption,
                            media_of(message), chat_type=chat.type, bot_username=me)  # fmt: skip
        send = lambda response: carry_out(client, chat.id, response, message.message_id)  # noqa: E731
        await front.serve(incoming, downloader(client), send)

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not isinstance(update, Update) or context.error is None:
            return  # polling trouble: the updater logs it and tries again
        chat, user = update.effective_chat, update.effective_user
        await tell_failure(ptb_client(context.bot), front, chat.id if chat else None,
                           user.language_code if user else None, update.update_id, context.error)  # fmt: skip

    app.add_handler(CallbackQueryHandler(on_button))
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE, on_message))
    app.add_error_handler(on_error)
    return app


@contextlib.asynccontextmanager
async def polling(app: PtbApp, poll_timeout: int = POLL_TIMEOUT) -> AsyncIterator[PtbApp]:
    """Initialise (getMe: a token the server refuses raises InvalidToken), poll, and on exit stop polling,
    let the updates in hand finish, and shut the HTTP clients down."""
    async with app:
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=poll_timeout, allowed_updates=ALLOWED_UPDATES)
        try:
            yield app
        finally:
            if app.updater.running:
                await app.updater.stop()
            await app.stop()
