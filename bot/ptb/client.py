"""The python-telegram-bot :class:`~bot.client.ChatClient`: sends, deletes and downloads with PTB, its errors
translated, so that waiting out a 429 or tolerating a refused delete is decided once in ``bot/client.py``."""

from __future__ import annotations

import contextlib
import datetime as dt
import warnings
from collections.abc import Iterator, Sequence

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.warnings import PTBDeprecationWarning

from bot.client import Blocked, FloodWait, Refused, Unreachable
from bot.front import Keyboard, Outgoing


def markup(keyboard: Keyboard) -> InlineKeyboardMarkup | None:
    if not keyboard:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data) for label, data in row]
                                 for row in keyboard])  # fmt: skip


def retry_seconds(exc: RetryAfter) -> float:
    """PTB 22 gives an int (with a deprecation warning) or a timedelta, depending on PTB_TIMEDELTA."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """PTB's exceptions → the runtime-neutral ones of bot/client.py; anything else passes unchanged."""
    try:
        yield
    except RetryAfter as exc:
        raise FloodWait(retry_seconds(exc)) from exc
    except Forbidden as exc:
        raise Blocked(exc.message) from exc
    except BadRequest as exc:  # before NetworkError: PTB derives it from NetworkError
        raise Refused(exc.message) from exc
    except (TimedOut, NetworkError) as exc:
        raise Unreachable(exc.message) from exc


class PtbClient:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat_id: int, out: Outgoing) -> None:
        with translated():
            if out.document is not None:
                name, data = out.document
                document = InputFile(data, filename=name)
                await self.bot.send_document(chat_id, document, caption=out.text, reply_markup=markup(out.keyboard))
            else:
                await self.bot.send_message(chat_id, out.text, reply_markup=markup(out.keyboard))

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        with translated():
            await self.bot.delete_message(chat_id, message_id)

    async def delete_messages(self, chat_id: int, message_ids: Sequence[int]) -> None:
        with translated():
            await self.bot.delete_messages(chat_id, list(message_ids))

    async def download(self, file_id: str) -> bytes:
        with translated():
            file = await self.bot.get_file(file_id)
            return bytes(await file.download_as_bytearray())
