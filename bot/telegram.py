"""The aiogram Bot, pointed at the configured Bot API root (Telegram's, or a self-hosted server)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer


def make_bot(token: str, api_root: str) -> Bot:
    """Methods at ``{root}/bot{token}/{method}``, files at ``{root}/file/bot{token}/{path}``."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_root.rstrip("/")))
    return Bot(token=token, session=session)
