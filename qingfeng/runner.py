"""``qingfeng run``: the bot polling the configured Bot API root, with the scheduler in the same loop."""

from __future__ import annotations

import asyncio
import logging
import sys

from aiogram.utils.token import TokenValidationError

from bot.deps import BotDeps
from bot.dialogs.officer import OfficerDesk, OfficerServices
from bot.dialogs.runner import DialogRunner, DialogServices
from bot.dispatcher import build_dispatcher
from bot.floodgate import Floodgate
from bot.i18n import Translator
from bot.notifier import TelegramNotifier
from bot.telegram import make_bot
from core.scope import classifier
from core.services.desk import Desk
from core.services.dialog_store import DialogStore
from core.services.messaging import MessagingService
from core.services.outbox import OutboxService
from core.services.reporter import ReporterService
from core.settings import Settings
from qingfeng.app import App, build_app
from qingfeng.scheduler import build_scheduler

log = logging.getLogger(__name__)


def dialog_services(app: App) -> DialogServices:
    reporter = ReporterService(app.ctx, app.cases)
    messaging = MessagingService(app.ctx)
    return DialogServices(DialogStore(app.ctx), app.filing, app.queries, app.officers, app.urgent, reporter, messaging)


def bot_deps(app: App, translator: Translator) -> BotDeps:
    locale = app.settings.default_locale
    services = OfficerServices(
        Desk(app.ctx, app.queries), app.cases, app.officers, DialogStore(app.ctx), MessagingService(app.ctx)
    )
    desk = OfficerDesk(services, locale)
    gate = Floodgate(app.settings.flood_burst, app.settings.flood_per_minute / 60)
    return BotDeps(translator, DialogRunner(dialog_services(app), locale), desk, gate)


async def run_bot(settings: Settings) -> int:
    translator = Translator.load(settings.default_locale)
    token = settings.bot_token.get_secret_value() if settings.bot_token else ""
    if not token:
        print(translator.t(settings.default_locale, "run.no_token"), file=sys.stderr)
        return 2
    try:
        bot = make_bot(token, settings.telegram_api)
    except TokenValidationError:
        print(translator.t(settings.default_locale, "run.bad_token"), file=sys.stderr)
        return 2
    app = await build_app(settings)
    await asyncio.to_thread(classifier)  # jieba's dictionary (~0.7 s) loads here, not in a citizen's first message
    dp = build_dispatcher(bot_deps(app, translator))
    scheduler = build_scheduler(app, OutboxService(app.ctx, TelegramNotifier(bot, translator)))
    scheduler.start()
    log.info("polling %s with database %s", settings.telegram_api, app.engine.url.render_as_string())
    try:
        await dp.start_polling(bot)
    finally:
        scheduler.shutdown(wait=False)
        await bot.session.close()
        await app.close()
    return 0
