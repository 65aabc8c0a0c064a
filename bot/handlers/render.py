"""Carrying out a front :class:`~bot.front.Response` with aiogram: delete, send, keyboards, flood waits."""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.front import Keyboard, Outgoing, Response

log = logging.getLogger(__name__)
FLOOD_RETRIES = 3
FLOOD_MAX_WAIT = 60  # seconds; longer waits are left to the user's next message
DELETE_BATCH = 100  # deleteMessages takes up to 100 ids


def markup(keyboard: Keyboard) -> InlineKeyboardMarkup | None:
    if not keyboard:
        return None
    rows = [[InlineKeyboardButton(text=label, callback_data=data) for label, data in row] for row in keyboard]
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def carry_out(bot: Bot, chat_id: int, response: Response, incoming_id: int | None = None) -> list[Message]:
    """Delete what must go first (a password, the report on request), then send each message in order."""
    if response.delete_incoming and incoming_id is not None:
        try:
            await bot.delete_message(chat_id, incoming_id)
        except TelegramBadRequest as exc:  # too old, already gone: the reply still tells the user
            log.warning("could not delete a sensitive message: %s", exc.message)
    ids = list(response.delete_ids)
    for i in range(0, len(ids), DELETE_BATCH):
        try:
            await bot.delete_messages(chat_id, ids[i : i + DELETE_BATCH])
        except TelegramBadRequest as exc:  # older than 48 hours: the reply says how to delete the chat
            log.warning("could not delete report messages: %s", exc.message)
    return [await _send(bot, chat_id, out) for out in response.messages]


async def _send(bot: Bot, chat_id: int, out: Outgoing) -> Message:
    """Flood control (429) is waited out, a few times; the dialog has already saved the user's answer."""
    for attempt in range(FLOOD_RETRIES):
        try:
            if out.document is not None:
                name, data = out.document
                file = BufferedInputFile(data, filename=name)
                return await bot.send_document(chat_id, file, caption=out.text, reply_markup=markup(out.keyboard))
            return await bot.send_message(chat_id, out.text, reply_markup=markup(out.keyboard))
        except TelegramRetryAfter as exc:
            if attempt == FLOOD_RETRIES - 1 or exc.retry_after > FLOOD_MAX_WAIT:
                raise
            log.warning("flood control: waiting %s s before replying", exc.retry_after)
            await asyncio.sleep(exc.retry_after)
    raise AssertionError("unreachable")
