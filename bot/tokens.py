"""The shape of a bot token, checked before any library is loaded: ``qingfeng run`` tells a malformed token
at once, whichever runtime it would have started (aiogram checks the same shape; PTB only asks the server)."""

from __future__ import annotations


def well_formed(token: str) -> bool:
    """``<digits>:<secret>`` with no whitespace."""
    bot_id, sep, secret = token.partition(":")
    return bool(sep) and bot_id.isdigit() and bool(secret) and not any(c.isspace() for c in token)
