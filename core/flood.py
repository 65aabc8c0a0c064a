"""The token bucket of the per-chat flood limit (issue 13; issue 18 for several instances), as plain arithmetic:
bot/floodgate.py keeps the buckets in memory (one process), core/services/flood_buckets.py in the database (every
instance counts the same chat's updates together)."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    PASS = "pass"
    WARN = "warn"  # the first update over the limit: tell the user once
    DROP = "drop"  # further updates while over the limit


def take(tokens: float, at: float, warned: bool, now: float, burst: float,
         refill: float) -> tuple[float, bool, Verdict]:  # fmt: skip
    """One update of a chat whose bucket held ``tokens`` at ``at`` (seconds): the bucket after it, and the
    verdict. A new chat starts with a full bucket (``tokens=burst``)."""
    tokens = min(burst, tokens + max(0.0, now - at) * refill)
    if tokens >= 1:
        return tokens - 1, False, Verdict.PASS
    return tokens, True, Verdict.DROP if warned else Verdict.WARN
