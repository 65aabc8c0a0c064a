"""The period figures cover: whole days in the office's zone, from the first to the last inclusive.

A report received at 23:30 on 30 September in Beijing belongs to September, though it is 15:30 UTC: every bound
is the office's local midnight turned into a UTC instant, so the database compares stored UTC times with an index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.errors import InvalidInput

_QUARTER = re.compile(r"(\d{4})[Qq]([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput("period", f"ends ({self.last}) before it starts ({self.first})")

    @classmethod
    def quarter(cls, text: str) -> Period:
        """``2026Q3``: 1 July to 30 September 2026."""
        m = _QUARTER.fullmatch(text.strip())
        if not m:
            raise InvalidInput("period", f"{text!r} is not a quarter such as 2026Q3")
        year, q = int(m[1]), int(m[2])
        first = date(year, 3 * q - 2, 1)
        return cls(first, _month_end(year, 3 * q))

    @classmethod
    def month(cls, text: str) -> Period:
        """``2026-10``: the whole of October 2026."""
        m = _MONTH.fullmatch(text.strip())
        if not m or not 1 <= int(m[2]) <= 12:
            raise InvalidInput("month", f"{text!r} is not a month such as 2026-10")
        year, month = int(m[1]), int(m[2])
        return cls(date(year, month, 1), _month_end(year, month))

    def start(self, tz: ZoneInfo) -> datetime:
        """The first instant of the period (local midnight of its first day), in UTC."""
        return local_midnight(self.first, tz)

    def end(self, tz: ZoneInfo) -> datetime:
        """The first instant after the period (local midnight after its last day), in UTC: an open bound."""
        return local_midnight(self.last + timedelta(days=1), tz)


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)
