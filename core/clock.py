"""Time as a dependency: the system clock in production, a clock the tests move by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

#: The default office time zone (``QINGFENG_TIMEZONE``): deadlines are counted in the office's local days
#: (rules.md §2), case numbers take the office's year, and every time shown to people is in this zone.
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


def office_zone(name: str) -> ZoneInfo:
    """The time zone named by the setting; ValueError, saying what is expected, for a name that is none."""
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise ValueError(f"{name!r} is not a time zone name such as Asia/Shanghai") from exc


def zone_label(tz: ZoneInfo, moment: datetime | None = None) -> str:
    """The zone as people read it next to a time: ``UTC+8``, ``UTC+5:30``, ``UTC``."""
    offset = (moment or datetime.now(UTC)).astimezone(tz).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    if not minutes:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def local_time(moment: datetime, tz: ZoneInfo) -> str:
    """``2026-12-02 15:04 (UTC+8)``: a time as the office reads it, with its zone (issue 12, item 20)."""
    return f"{moment.astimezone(tz):%Y-%m-%d %H:%M} ({zone_label(tz, moment)})"
