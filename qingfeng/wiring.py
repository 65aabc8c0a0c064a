"""Services → what every chat runtime needs (dialog runner, officer desk, flood gate): built once here.

Imports no chat library, so ``qingfeng chat`` starts without loading aiogram or python-telegram-bot, and the
Telegram runtimes, the terminal, the tests and the benchmark all get the same wiring.
"""

from __future__ import annotations

from bot.deps import BotDeps
from bot.dialogs.officer import OfficerDesk, OfficerServices
from bot.dialogs.runner import DialogRunner, DialogServices
from bot.floodgate import Floodgate
from bot.i18n import Translator
from core.services.desk import Desk
from core.services.dialog_store import DialogStore
from core.services.messaging import MessagingService
from core.services.reporter import ReporterService
from qingfeng.app import App


def dialog_services(app: App) -> DialogServices:
    reporter = ReporterService(app.ctx, app.cases)
    messaging = MessagingService(app.ctx)
    return DialogServices(DialogStore(app.ctx), app.filing, app.queries, app.officers, app.urgent, reporter, messaging)


def bot_deps(app: App, translator: Translator) -> BotDeps:
    locale = app.settings.default_locale
    desk_services = Desk(app.ctx, app.queries), app.cases, app.officers, DialogStore(app.ctx)
    services = OfficerServices(*desk_services, MessagingService(app.ctx), app.urgent)
    desk = OfficerDesk(services, locale)
    gate = Floodgate(app.settings.flood_burst, app.settings.flood_per_minute / 60)
    return BotDeps(translator, DialogRunner(dialog_services(app), locale), desk, gate)
