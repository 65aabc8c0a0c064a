"""The one Dispatcher factory, used by ``qingfeng run`` and by the tests. Routers are made fresh per call."""

from __future__ import annotations

from aiogram import Dispatcher

from bot.deps import BotDeps
from bot.handlers import citizen


def build_dispatcher(deps: BotDeps) -> Dispatcher:
    dp = Dispatcher()
    dp.include_router(citizen.make_router(deps))
    return dp
