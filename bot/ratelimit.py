"""Telegram's limits: about 30 messages a second overall and one a second per chat.

The outbox paces its sends with this (core.pacing), counting from Telegram's answers, so a message held up on its
way never arrives bunched with the next: a chat whose second is not over is skipped, not waited on; a 429 ("retry
after N") pauses all sending for N seconds, since Telegram's flood control applies to the whole bot.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from core.pacing import Pacer

GLOBAL_PER_SECOND = 29  # spread evenly: a little under Telegram's ~30/s, room for the bot's replies to users
GLOBAL_LIMIT = 30  # never more than this reaching Telegram in any second (counted from its answers)
PER_CHAT_INTERVAL = 1.0  # seconds after Telegram answered the last message to a chat: over a second on arrival


class RateLimiter(Pacer):
    """A pacer with Telegram's limits (tests loosen them)."""

    def __init__(self, per_second: float | None = GLOBAL_PER_SECOND, per_chat_interval: float = PER_CHAT_INTERVAL,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:  # fmt: skip
        limit = GLOBAL_LIMIT if per_second == GLOBAL_PER_SECOND else None  # a test loosening the rate loosens both
        super().__init__(per_second, per_chat_interval, clock, sleep, limit)
