"""A per-chat limit on incoming updates, so one chat flooding the bot cannot crowd out everyone else.

A token bucket per chat: a burst (an album of ten photos, quick taps) passes; a sustained flood gets one
polite message, then its updates are ignored until the chat calms down. Kept in memory: a restart forgives.

The buckets are kept in the order chats last sent something, so the chats gone quiet are at the front and
forgetting them costs O(1) per update however many chats are active (rebuilding the table past 10 k chats cost
0.7 ms per update at 10 k, 3.9 ms at 50 k: issue 13).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from core.flood import Verdict, take

BURST = 20  # updates a chat may send at once
REFILL_PER_SECOND = 0.5  # then one every two seconds, 30 a minute — far above anyone typing a report
FORGET_AFTER = 600.0  # seconds of quiet after which a chat's bucket is dropped (if it has refilled by then)
MAX_CHATS = 100_000  # buckets kept at most (~23 MB): past it the longest quiet are forgotten even if younger


__all__ = ["Floodgate", "Verdict"]


class Floodgate:
    def __init__(self, burst: float = BURST, refill_per_second: float = REFILL_PER_SECOND,
                 clock: Callable[[], float] = time.monotonic, max_chats: int = MAX_CHATS) -> None:  # fmt: skip
        self.burst, self.refill, self.clock, self.max_chats = burst, refill_per_second, clock, max_chats
        # a chat is forgotten only once its bucket would be full again, so forgetting changes no verdict
        refilled = burst / refill_per_second if refill_per_second > 0 else 0.0
        self.forget_after = max(FORGET_AFTER, refilled)
        # chat → (tokens, at, warned), the chat quiet longest first (an OrderedDict: a plain dict's front fills
        # with deleted slots that every look at the oldest would scan past)
        self._buckets: OrderedDict[int, tuple[float, float, bool]] = OrderedDict()

    def __len__(self) -> int:
        """Chats remembered now."""
        return len(self._buckets)

    def __contains__(self, chat_id: object) -> bool:
        return chat_id in self._buckets

    def admit(self, chat_id: int) -> Verdict:
        now = self.clock()
        known = self._buckets.get(chat_id)
        if known is None:
            known = (self.burst, now, False)
        else:
            self._buckets.move_to_end(chat_id)
        tokens, warned, verdict = take(*known, now, self.burst, self.refill)
        self._buckets[chat_id] = (tokens, now, warned)
        self._forget(now)
        return verdict

    async def check(self, chat_id: int) -> Verdict:
        """:meth:`admit`, as the front asks any gate (the shared one reads the database)."""
        return self.admit(chat_id)

    async def reset(self) -> None:
        """Every chat forgiven (tests that change the clock)."""
        self._buckets.clear()

    def _forget(self, now: float) -> None:
        """Drop the chats quiet for ``forget_after`` from the front; each is dropped once, so O(1) amortised."""
        buckets = self._buckets
        while len(buckets) > self.max_chats:
            buckets.popitem(last=False)
        while buckets:
            _tokens, at, _warned = buckets[next(iter(buckets))]
            if now - at < self.forget_after:
                return
            buckets.popitem(last=False)
