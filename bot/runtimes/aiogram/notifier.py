"""The notification port implemented with aiogram (the mapping of Telegram's answers is in bot/client.py)."""

from __future__ import annotations

from aiogram import Bot

from bot.client import ClientNotifier
from bot.i18n import Translator
from bot.ratelimit import RateLimiter
from bot.runtimes.aiogram.client import aiogram_client


class TelegramNotifier(ClientNotifier):
    def __init__(self, bot: Bot, translator: Translator, limiter: RateLimiter | None = None) -> None:
        super().__init__(aiogram_client(bot), translator, limiter)
        self.bot = bot
