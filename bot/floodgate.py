"""A per-chat limit on incoming updates, so one chat flooding the bot cannot crowd out everyone else.

A token bucket per chat: a burst (an album of ten photos, quick taps) passes; a sustained flood gets one
polite message, then its updates are ignored until the chat calms down. Kept in memory: a restart forgives.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum

BURST = 20  # updates a chat may send at once
REFILL_PER_SECOND = 0.5  # then one every two seconds, 30 a minute — far above anyone typing a report
FORGET_AFTER = 600.0  # seconds of quiet after which a chat's bucket is dropped


class Verdict(StrEnum):
    PASS = "pass"
    WARN = "warn"  # the first update over the limit: tell the user once
    DROP = "drop"  # further updates while over the limit


class Floodgate:
    def __init__(self, burst: float = BURST, refill_per_second: float = REFILL_PER_SECOND,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.burst, self.refill, self._clock = burst, refill_per_second, clock
        self._buckets: dict[int, tuple[float, float, bool]] = {}  # chat → (tokens, at, warned)

    def admit(self, chat_id: int) -> Verdict:
        now = self._clock()
        tokens, at, warned = self._buckets.get(chat_id, (self.burst, now, False))
        tokens = min(self.burst, tokens + (now - at) * self.refill)
        if tokens >= 1:
            self._buckets[chat_id] = (tokens - 1, now, False)
            self._forget(now)
            return Verdict.PASS
        self._buckets[chat_id] = (tokens, now, True)
        return Verdict.DROP if warned else Verdict.WARN

    def _forget(self, now: float) -> None:
        if len(self._buckets) > 10_000:
            self._buckets = {c: v for c, v in self._buckets.items() if now - v[1] < FORGET_AFTER}
