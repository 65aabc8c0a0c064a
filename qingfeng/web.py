"""``qingfeng web``: the web chat (issue 19) — the citizens' dialogs in a browser, for people without Telegram.

The same composition as ``qingfeng run`` (:func:`~qingfeng.app.build_app`, the dialog runner behind
:class:`~bot.front.ChatFront`) with :mod:`bot.runtimes.web` instead of a Telegram library, and the scheduler's
jobs, whose outbox here reaches the web's chats only (Telegram's are left for the bot). ``qingfeng run --web``
serves the page beside the bot in one process, its outbox writing web chats' notifications to the page.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import sys
from collections.abc import AsyncIterator
from typing import Any

from bot.deps import BotDeps
from bot.i18n import Translator
from bot.serving import ListenFailed, stop_signals
from core.chats import is_web_chat
from core.ports import Notifier
from core.services.outbox import OutboxService
from core.services.web_chats import WebChats
from core.settings import Settings, listen_address
from qingfeng.app import App, bot_deps, build_app, build_scheduler
from qingfeng.cli_args import argument
from qingfeng.cli_setup import office_units
from qingfeng.scheduler import stop_scheduler

log = logging.getLogger(__name__)
SHUTDOWN_SECONDS = 10.0


def add_web_command(sub: Any) -> None:
    p = sub.add_parser("web", help="the web chat: the citizens' dialogs in a browser (no Telegram needed)")
    p.add_argument("--listen", metavar="HOST:PORT", type=argument(listen_address),
                   help="where the page is served, behind the office's HTTPS proxy (default: QINGFENG_WEB_LISTEN "
                        "or 127.0.0.1:8081)")  # fmt: skip
    p.set_defaults(plain=cmd_web)


def cmd_web(settings: Settings, args: argparse.Namespace) -> int:
    if args.listen:
        settings.web_listen = "{}:{}".format(*args.listen)
    return asyncio.run(run_web(settings))


async def run_web(settings: Settings) -> int:
    """Serve the page until SIGINT/SIGTERM; 2 when there is no office yet or the address cannot be bound."""
    translator = Translator.load(settings.default_locale)
    app = await build_app(settings)
    try:
        if not await office_units(app):
            print(translator.t(settings.default_locale, "run.no_office"), file=sys.stderr)
            return 2
        deps = bot_deps(app, translator)
        try:
            with stop_signals() as stop:
                async with web_serving(app, deps) as notifier:
                    outbox = OutboxService(app.ctx, notifier, reach=is_web_chat)
                    scheduler = build_scheduler(app, outbox, name="web", record=False)
                    scheduler.start()
                    try:
                        await stop.wait()
                    finally:
                        await stop_scheduler(scheduler)
        except ListenFailed as exc:
            text = translator.t(settings.default_locale, exc.message, address=exc.address, reason=exc.reason)
            print(text, file=sys.stderr)
            return 2
        return 0
    finally:
        await app.close()


@contextlib.asynccontextmanager
async def web_serving(app: App, deps: BotDeps) -> AsyncIterator[Notifier]:
    """The page served on ``QINGFENG_WEB_LISTEN`` inside the block (ListenFailed if the address cannot be bound);
    yields the notifier that writes to web chats. The web runtime (aiohttp's server) is imported only here."""
    from aiohttp import web

    from bot.client import ClientNotifier
    from bot.front import ChatFront
    from bot.runtimes.web.limits import WebLimits
    from bot.runtimes.web.server import WebChannel

    # aiohttp's own server log names the client's address and, on a malformed request, quotes its bytes; what
    # fails in a handler is logged by the web front itself, by type (bot/runtimes/web/server.py)
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)
    settings = app.settings
    limits = WebLimits(secure_cookie=settings.web_secure_cookie, sessions_per_ip_hour=settings.web_sessions_per_ip_hour,
                       trust_proxy=settings.web_trust_proxy)  # fmt: skip
    channel = WebChannel(ChatFront(deps), WebChats(app.ctx), limits)
    runner = web.AppRunner(channel.application(), handle_signals=False, access_log=None,
                           shutdown_timeout=SHUTDOWN_SECONDS)  # fmt: skip
    await runner.setup()
    host, port = listen_address(settings.web_listen)
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as exc:
        await runner.cleanup()
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        raise ListenFailed(f"{host}:{port}", reason, "web.listen_failed") from None
    log.info("web chat on http://%s:%s/", host, port)
    try:
        yield ClientNotifier(channel.client(), deps.translator)
    finally:
        await runner.cleanup()
