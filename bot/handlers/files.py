"""Fetching a user's file through the Bot API, with Telegram's refusals turned into dialog messages."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramNetworkError, TelegramServerError

from bot.dialogs.engine import Media
from bot.dialogs.runner import Downloader
from core.errors import InvalidInput


def downloader(bot: Bot) -> Downloader:
    async def download(media: Media) -> bytes:
        try:
            data = await bot.download(media.ref)
        except TelegramBadRequest as exc:
            # The cloud Bot API refuses files over 20 MB ("file is too big").
            raise InvalidInput("evidence", "size" if "too big" in exc.message else "unavailable") from exc
        except (TelegramNetworkError, TelegramServerError) as exc:
            raise InvalidInput("evidence", "unavailable") from exc
        if data is None:
            raise InvalidInput("evidence", "unavailable")
        return data.read()

    return download
