"""python-telegram-bot's :class:`~bot.client.Dialect`: its keyboards, uploads, downloads and exceptions.

Sending, deleting and what to do with Telegram's answers are written once in ``bot/client.py`` for both
Telegram runtimes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import warnings
from collections.abc import Iterator

from telegram import Bot, BotCommand, BotCommandScopeChat, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.warnings import PTBDeprecationWarning

from bot.client import Blocked, BotClient, Dialect, FloodWait, Refused, Unreachable
from bot.front import Keyboard


def markup(keyboard: Keyboard) -> InlineKeyboardMarkup:
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


async def fetch(bot: Bot, file_id: str) -> bytes:
    """getFile, then the download; PTB reads the download's HTTP status as if it were an API answer (a 404
    becomes InvalidToken): whatever fails there, the file could not be fetched."""
    file = await bot.get_file(file_id)
    try:
        return bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        raise Unreachable(type(exc).__name__) from exc


PTB = Dialect(
    markup, lambda data, name: InputFile(data, filename=name), translated, fetch, BotCommand, BotCommandScopeChat
)


def ptb_client(bot: Bot) -> BotClient:
    return BotClient(bot, PTB)
