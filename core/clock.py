"""Time as a dependency: the system clock in production, a clock the tests move by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

#: Deadlines are counted in the office's local days (rules.md §2).
OFFICE_TZ = ZoneInfo("Asia/Shanghai")


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock for tests and simulations: starts where you say, moves when you say."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self._now += delta


def office_date(moment: datetime, tz: ZoneInfo = OFFICE_TZ) -> date:
    """The calendar day in the office's time zone."""
    return moment.astimezone(tz).date()
