"""Sending dialog replies with aiogram: text from the catalogue, inline keyboards, long texts split."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.dialogs.engine import Reply
from bot.i18n import Translator

log = logging.getLogger(__name__)
TELEGRAM_TEXT_MAX = 4096
FLOOD_RETRIES = 3
FLOOD_MAX_WAIT = 60  # seconds; longer waits are left to the user's next message
CALLBACK_PREFIX = "s"


def callback_data(step: str, value: str) -> str:
    return f"{CALLBACK_PREFIX}:{step}:{value}"


def parse_callback(data: str) -> tuple[str, str] | None:
    """``s:<step>:<value>`` → (step, value); anything else (forged, from an old version) → None."""
    parts = data.split(":", 2)
    if len(parts) != 3 or parts[0] != CALLBACK_PREFIX:
        return None
    return parts[1], parts[2]


def split_text(text: str, limit: int = TELEGRAM_TEXT_MAX) -> list[str]:
    """Telegram refuses messages over 4096 characters: split at line breaks where possible."""
    chunks: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > limit // 2 else limit
        chunks.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return [*chunks, text] if text else chunks or [""]


def keyboard(tr: Translator, locale: str, reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    rows = [[InlineKeyboardButton(text=tr.button(locale, b), callback_data=callback_data(reply.step, b.value))
             for b in row] for row in reply.buttons]  # fmt: skip
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def send_replies(
    bot: Bot, tr: Translator, chat_id: int, locale: str, replies: Sequence[Reply], incoming: Message | None = None
) -> list[Message]:
    """Send each reply in order; delete the user's message first when a reply asks for it (passwords)."""
    if incoming is not None and any(r.delete_input for r in replies):
        try:
            await incoming.delete()
        except TelegramBadRequest as exc:  # too old, already gone: the reply still tells the user
            log.warning("could not delete a sensitive message: %s", exc.message)
    sent: list[Message] = []
    for reply in replies:
        if reply.attachment is not None:  # evidence for an officer: decrypted in memory, never written to disk
            name, data = reply.attachment
            caption = tr.render(locale, reply.key, reply.params)[:1024]
            sent.append(await bot.send_document(chat_id, BufferedInputFile(data, filename=name), caption=caption))
            continue
        chunks = split_text(tr.render(locale, reply.key, reply.params))
        for i, chunk in enumerate(chunks):
            markup = keyboard(tr, locale, reply) if i == len(chunks) - 1 else None
            sent.append(await _send(bot, chat_id, chunk, markup))
    return sent


async def _send(bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None) -> Message:
    """Flood control (429) is waited out, a few times; the dialog has already saved the user's answer."""
    for attempt in range(FLOOD_RETRIES):
        try:
            return await bot.send_message(chat_id, text, reply_markup=markup)
        except TelegramRetryAfter as exc:
            if attempt == FLOOD_RETRIES - 1 or exc.retry_after > FLOOD_MAX_WAIT:
                raise
            log.warning("flood control: waiting %s s before replying", exc.retry_after)
            await asyncio.sleep(exc.retry_after)
    raise AssertionError("unreachable")
