"""The notification port implemented with aiogram: Telegram's answers mapped to send / retry / give up."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import InlineKeyboardMarkup

from bot.front import notification_keyboard
from bot.handlers.render import markup
from bot.i18n import Translator
from bot.ratelimit import RateLimiter
from core.ports import Delivery, DeliveryResult, OutgoingMessage

log = logging.getLogger(__name__)


class TelegramNotifier:
    def __init__(self, bot: Bot, translator: Translator, limiter: RateLimiter | None = None) -> None:
        self.bot = bot
        self.translator = translator
        self.limiter = limiter or RateLimiter()

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        text = self.translator.notification(message.locale, message.template, message.params)
        await self.limiter.acquire(message.chat_id)
        try:
            await self.bot.send_message(message.chat_id, text, reply_markup=self._keyboard(message))
        except TelegramRetryAfter as exc:
            self.limiter.pause(float(exc.retry_after))
            return DeliveryResult(Delivery.RETRY, retry_after=float(exc.retry_after), error="429 flood control")
        except TelegramForbiddenError:
            return DeliveryResult(Delivery.UNDELIVERABLE, error="403 bot blocked or chat unavailable")
        except TelegramBadRequest as exc:
            # "chat not found" and similar are permanent; the message itself is ours and known good.
            return DeliveryResult(Delivery.UNDELIVERABLE, error=f"400 {exc.message}"[:200])
        except (TelegramNetworkError, TelegramServerError) as exc:
            return DeliveryResult(Delivery.RETRY, error=type(exc).__name__)
        return DeliveryResult(Delivery.SENT)

    def _keyboard(self, message: OutgoingMessage) -> InlineKeyboardMarkup | None:
        return markup(notification_keyboard(self.translator, message.locale, message.template, message.params))
