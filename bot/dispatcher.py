"""The one Dispatcher factory, used by ``qingfeng run`` and by the tests. Routers are made fresh per call."""

from __future__ import annotations

from aiogram import Dispatcher

from bot.deps import BotDeps
from bot.handlers import citizen, errors, officer


def build_dispatcher(deps: BotDeps) -> Dispatcher:
    dp = Dispatcher()
    dp.include_router(errors.make_router(deps))
    dp.include_router(officer.make_router(deps))  # before the citizen router: only officers match it
    dp.include_router(citizen.make_router(deps))
    return dp
