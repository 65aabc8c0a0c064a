"""The one Dispatcher factory, used by ``qingfeng run`` and by the tests. Routers are made fresh per call."""

from __future__ import annotations

from aiogram import Dispatcher

from bot.deps import BotDeps
from bot.handlers import common


def build_dispatcher(deps: BotDeps) -> Dispatcher:
    dp = Dispatcher()
    # Order matters: the common router ends with a catch-all fallback, so it goes last.
    dp.include_router(common.make_router(deps))
    return dp
