"""The notification port implemented with python-telegram-bot (the mapping of Telegram's answers to sent / retry
/ undeliverable is bot/client.py's, shared with aiogram)."""

from __future__ import annotations

from telegram import Bot

from bot.client import ClientNotifier
from bot.i18n import Translator
from bot.ratelimit import RateLimiter
from bot.runtimes.ptb.client import ptb_client


class PtbNotifier(ClientNotifier):
    def __init__(self, bot: Bot, translator: Translator, limiter: RateLimiter | None = None) -> None:
        super().__init__(ptb_client(bot), translator, limiter)
        self.bot = bot
