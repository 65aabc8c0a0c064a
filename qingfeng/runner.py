"""``qingfeng run``: the bot polling the configured Bot API root (with aiogram or python-telegram-bot), with the
scheduler in the same loop.

Only the runtime in use is imported (each costs seconds: aiogram ~2.5 s, python-telegram-bot ~0.3 s), and
jieba's dictionary loads once polling has begun (issue 13): the runtimes are imported inside the functions that
run them; ``tests/bot/test_startup.py`` pins what a start imports.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys

from bot.deps import BotDeps
from bot.i18n import Translator
from bot.tokens import well_formed
from core.scope import classifier
from core.services.outbox import OutboxService
from core.settings import Settings
from qingfeng.app import App, build_app
from qingfeng.cli_setup import office_units, setup_defaults
from qingfeng.cli_setup import setup as run_setup
from qingfeng.scheduler import build_scheduler, stop_scheduler
from qingfeng.wiring import bot_deps

log = logging.getLogger(__name__)


async def run_bot(settings: Settings, runtime: str | None = None, *, setup: bool = False) -> int:
    """Poll with aiogram or python-telegram-bot (``runtime``, else the setting); 2 when there is no usable token
    or no office. With ``setup`` (``make run``) and a terminal, an office missing is set up first, interactively."""
    translator = Translator.load(settings.default_locale)
    token = settings.bot_token.get_secret_value() if settings.bot_token else ""
    if not token:
        print(translator.t(settings.default_locale, "run.no_token"), file=sys.stderr)
        return 2
    if not well_formed(token):  # told before anything else, whichever runtime
        print(translator.t(settings.default_locale, "run.bad_token"), file=sys.stderr)
        return 2
    app = await build_app(settings)
    try:
        if not await _office_ready(app, translator, setup=setup):
            return 2
        run = _run_ptb if (runtime or settings.runtime) == "ptb" else _run_aiogram
        if await run(app, token, translator):
            return 0
    finally:
        await app.close()
    print(translator.t(settings.default_locale, "run.bad_token"), file=sys.stderr)
    return 2


async def _office_ready(app: App, translator: Translator, *, setup: bool) -> bool:
    """Whether a unit is set up; without one, every report would wait unrouted with nobody told (issue 12)."""
    if await office_units(app):
        return True
    if setup and sys.stdin.isatty():
        args = setup_defaults()
        if await run_setup(app, args, translator) == 0 and await office_units(app):
            return True
    print(translator.t(app.settings.default_locale, "run.no_office"), file=sys.stderr)
    return False


def _start(app: App, translator: Translator) -> BotDeps:
    log.info("polling %s with database %s", app.settings.telegram_api, app.engine.url.render_as_string())
    return bot_deps(app, translator)


_warming: set[asyncio.Task[object]] = set()


def _warm_up() -> None:
    """jieba's dictionary (~1 s, 12 MB) loads in a thread once polling has begun: not before the first poll,
    and, most of the time, not in a citizen's first message either (one arriving meanwhile waits for it)."""
    task = asyncio.get_running_loop().create_task(asyncio.to_thread(classifier))
    _warming.add(task)
    task.add_done_callback(_warmed)


def _warmed(task: asyncio.Task[object]) -> None:
    _warming.discard(task)
    if not task.cancelled() and task.exception() is not None:
        log.error("the scope classifier did not load: %r", task.exception())


async def _run_aiogram(app: App, token: str, translator: Translator) -> bool:
    """False: the token is malformed, or the server refused it (401) when the bot introduced itself (getMe)."""
    from aiogram.exceptions import TelegramUnauthorizedError
    from aiogram.utils.token import TokenValidationError

    from bot.runtimes.aiogram.botapi import make_bot, on_first_poll
    from bot.runtimes.aiogram.dispatcher import build_dispatcher
    from bot.runtimes.aiogram.notifier import TelegramNotifier

    try:
        bot = make_bot(token, app.settings.telegram_api)
    except TokenValidationError:
        return False
    on_first_poll(bot, _warm_up)
    deps = _start(app, translator)
    scheduler = build_scheduler(app, OutboxService(app.ctx, TelegramNotifier(bot, translator)))
    scheduler.start()
    dp = build_dispatcher(deps)

    async def stop_jobs(**_: object) -> None:  # aiogram's shutdown hook runs before it closes the bot's session
        await stop_scheduler(scheduler)

    dp.shutdown.register(stop_jobs)
    try:
        await dp.start_polling(bot)
    except TelegramUnauthorizedError:
        return False
    finally:
        await stop_scheduler(scheduler)  # no-op after the shutdown hook; here for a failed start
        await bot.session.close()
    return True


async def _run_ptb(app: App, token: str, translator: Translator) -> bool:
    """False: the token is malformed, or the server refused it (401/404) when the bot introduced itself (getMe)."""
    from telegram.error import InvalidToken

    from bot.runtimes.ptb.application import build_application, check_token, polling
    from bot.runtimes.ptb.notifier import PtbNotifier

    try:
        check_token(token)
    except InvalidToken:
        return False
    deps = _start(app, translator)
    application = build_application(deps, token, app.settings.telegram_api)
    scheduler = build_scheduler(app, OutboxService(app.ctx, PtbNotifier(application.bot, translator)))
    try:
        async with polling(application):
            _warm_up()
            scheduler.start()
            try:
                await _until_signalled()
            finally:
                await stop_scheduler(scheduler)  # while the bot can still send: running jobs finish
    except InvalidToken:
        return False
    finally:
        await stop_scheduler(scheduler)
    return True


async def _until_signalled() -> None:
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
