"""Which kind of chat a chat id is. Telegram's user ids have at most 52 significant bits; the product's own chats
are numbered above them — the terminal's from 2**53 (bot.runtimes.console.officer), the web page's sessions from
2**54 (core.services.web_chats) — so no two kinds ever share a dialog, a named reporter's contact or a notification.
"""

from __future__ import annotations

from core.model import Channel

WEB_CHATS = 2**54  # chat ids from here up are web sessions'


def web_chat(session_id: int) -> int:
    return WEB_CHATS + session_id


def is_web_chat(chat_id: int | None) -> bool:
    return chat_id is not None and chat_id >= WEB_CHATS


def not_web_chat(chat_id: int) -> bool:
    return not is_web_chat(chat_id)


def channel_of(chat_id: int) -> Channel:
    """Which channel a report filed in this chat came by: the web page, or Telegram (the terminal imitates it)."""
    return Channel.WEB if is_web_chat(chat_id) else Channel.TELEGRAM


def variant_of(chat_id: int | None) -> str | None:
    """The catalogue variant of a chat's texts: the web page's say what a browser shows, not what Telegram does."""
    return "web" if is_web_chat(chat_id) else None
