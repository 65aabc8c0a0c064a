"""The one Dispatcher factory, used by ``qingfeng run`` and by the tests. Routers are made fresh per call."""

from __future__ import annotations

from aiogram import Dispatcher

from bot.deps import BotDeps
from bot.front import ChatFront
from bot.handlers import errors, updates


def build_dispatcher(deps: BotDeps) -> Dispatcher:
    front = ChatFront(deps)
    dp = Dispatcher()
    dp.include_router(errors.make_router(front))
    dp.include_router(updates.make_router(front))
    return dp
