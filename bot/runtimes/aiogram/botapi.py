"""The aiogram Bot, pointed at the configured Bot API root (Telegram's, or a self-hosted server)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.client.telegram import TelegramAPIServer
from aiogram.methods import GetUpdates, Response, TelegramMethod


def make_bot(token: str, api_root: str) -> Bot:
    """Methods at ``{root}/bot{token}/{method}``, files at ``{root}/file/bot{token}/{path}``."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_root.rstrip("/")))
    return Bot(token=token, session=session)


class _FirstPoll(BaseRequestMiddleware):
    def __init__(self, then: Callable[[], object]) -> None:
        self._then: Callable[[], object] | None = then

    async def __call__(
        self, make_request: NextRequestMiddlewareType[Any], bot: Bot, method: TelegramMethod[Any]
    ) -> Response[Any]:
        if self._then is not None and isinstance(method, GetUpdates):
            then, self._then = self._then, None
            then()
        return await make_request(bot, method)


def on_first_poll(bot: Bot, then: Callable[[], object]) -> None:
    """Call ``then`` once, as the bot asks for updates the first time: what is not needed to start polling
    (jieba's dictionary) is loaded after it, not before."""
    bot.session.middleware(_FirstPoll(then))
