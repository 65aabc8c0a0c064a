"""Keeping within Telegram's limits: about 30 messages a second overall and one a second per chat.

Every send takes a slot from here first; a 429 ("retry after N") pauses all sending for N seconds, since
Telegram's flood control applies to the whole bot.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

GLOBAL_PER_SECOND = 28  # a little under Telegram's ~30/s
PER_CHAT_INTERVAL = 1.05  # seconds; a little over Telegram's one message a second in a chat


class RateLimiter:
    def __init__(self, per_second: float = GLOBAL_PER_SECOND, per_chat_interval: float = PER_CHAT_INTERVAL,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:  # fmt: skip
        self.interval = 1.0 / per_second
        self.per_chat_interval = per_chat_interval
        self._clock, self._sleep = clock, sleep
        self._next_global = 0.0
        self._next_chat: dict[int, float] = {}
        self._paused_until = 0.0

    async def acquire(self, chat_id: int) -> None:
        """Wait for this chat's next slot (slots are handed out in call order, no lock needed in one loop)."""
        now = self._clock()
        slot = max(now, self._next_global, self._next_chat.get(chat_id, 0.0), self._paused_until)
        self._next_global = slot + self.interval
        self._next_chat[chat_id] = slot + self.per_chat_interval
        if len(self._next_chat) > 10_000:  # forget chats whose slot is long past
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}
        if slot > now:
            await self._sleep(slot - now)

    def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, self._clock() + seconds)
