"""The one Dispatcher factory, used by ``qingfeng run`` and by the tests. Routers are made fresh per call."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import TelegramObject

from bot.client import announce_menus
from bot.deps import BotDeps
from bot.front import ChatFront
from bot.inflight import CONCURRENT_UPDATES, InFlight
from bot.runtimes.aiogram import errors, updates
from bot.runtimes.aiogram.client import aiogram_client

log = logging.getLogger(__name__)


def build_dispatcher(deps: BotDeps) -> Dispatcher:
    front = ChatFront(deps)
    dp = Dispatcher(disable_fsm=True)  # no handler keeps state in aiogram (the dialogs are ours): no record per chat
    dp.include_router(errors.make_router(front))
    dp.include_router(updates.make_router(front))
    inflight = InFlight()

    turns = asyncio.Semaphore(CONCURRENT_UPDATES)

    async def track(handler: Callable[..., Awaitable[Any]], event: TelegramObject, data: dict[str, Any]) -> Any:
        with inflight.update():
            return await handler(event, data)

    async def in_turn(handler: Callable[..., Awaitable[Any]], event: TelegramObject, data: dict[str, Any]) -> Any:
        """aiogram starts a task for every update it fetches; only so many are handled at a time. (Not its own
        ``tasks_concurrency_limit``: that holds back the next getUpdates, which confirms the batch, so a stop
        would have Telegram send again updates already handled.) Waiting ones count as in flight: a stop
        waits for them too."""
        async with turns:
            return await handler(event, data)

    async def drain(**_: object) -> None:
        """aiogram stops polling without waiting for updates still being handled; its shutdown hooks run
        before it closes the bot's session, so replies in progress are still sent."""
        if not await inflight.drained():
            log.warning("stopped with %d updates still being handled", inflight.count)

    async def menus(bot: Bot, **_: object) -> None:
        """Before the first poll: the command menus per audience (setMyCommands)."""
        await announce_menus(aiogram_client(bot), front)

    dp.update.outer_middleware(track)
    dp.update.middleware(in_turn)  # inner: inside every outer middleware (the tests' counters too)
    dp.startup.register(menus)
    dp.shutdown.register(drain)
    return dp
