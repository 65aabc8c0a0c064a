"""Chinese working days: statutory holidays and 调休 make-up workdays (rules.md §2).

The ``chinesecalendar`` library knows the State Council notices up to its last release (2026 for 1.11).
Operators add later years, or correct a year, with a JSON file per year in ``<data_dir>/calendar/``::

    {"year": 2027, "source": "国务院办公厅关于2027年部分节假日安排的通知",
     "holidays": ["2027-01-01", "2027-02-05..2027-02-11"], "workdays": ["2027-02-13"]}

A year known to neither falls back to Monday–Friday with one logged warning per year; deadlines computed
that way are marked provisional and recomputed once the data arrives (see ``core.services.calendar``).
"""

from __future__ import annotations

import calendar as _stdcal
import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

import chinese_calendar

from core.errors import InvalidInput

log = logging.getLogger(__name__)


class YearSource(StrEnum):
    OPERATOR = "operator"  # a file in the data directory
    LIBRARY = "library"  # chinesecalendar
    FALLBACK = "fallback"  # Monday–Friday, no holidays known


@dataclass(frozen=True)
class YearData:
    """Holidays and make-up workdays of one year, as an operator file gives them."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str = ""


@dataclass(frozen=True)
class YearInfo:
    year: int
    origin: YearSource
    holidays: tuple[date, ...]
    makeup_workdays: tuple[date, ...]
    working_days: int
    source: str = ""


def _parse_dates(items: object, year: int, path: Path) -> frozenset[date]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise InvalidInput(str(path), 'holidays and workdays must be lists of "YYYY-MM-DD" or "a..b" strings')
    out: set[date] = set()
    for item in items:
        try:
            if ".." in item:
                first, last = (date.fromisoformat(p.strip()) for p in item.split("..", 1))
                if last < first:
                    raise ValueError("range ends before it starts")
                out.update(first + timedelta(days=i) for i in range((last - first).days + 1))
            else:
                out.add(date.fromisoformat(item.strip()))
        except ValueError as exc:
            raise InvalidInput(str(path), f"bad date {item!r}: {exc}") from exc
    if any(d.year != year for d in out):
        raise InvalidInput(str(path), f"dates outside {year}")
    return frozenset(out)


def load_year_file(path: Path) -> YearData:
    """Read one operator calendar file; raise :class:`InvalidInput` with the file name on any error."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        year = int(raw["year"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InvalidInput(str(path), f"unreadable calendar file: {exc}") from exc
    holidays = _parse_dates(raw.get("holidays", []), year, path)
    workdays = _parse_dates(raw.get("workdays", []), year, path)
    if holidays & workdays:
        raise InvalidInput(str(path), "a date is both a holiday and a workday")
    return YearData(year, holidays, workdays, str(raw.get("source", "")))


def load_directory(directory: Path) -> dict[int, YearData]:
    """All ``*.json`` year files in ``directory`` (missing directory: none)."""
    if not directory.is_dir():
        return {}
    years: dict[int, YearData] = {}
    for path in sorted(directory.glob("*.json")):
        data = load_year_file(path)
        years[data.year] = data
    return years


@dataclass
class WorkCalendar:
    """Answers "is this a working day?" and counts periods the way 民法典 Arts 201 and 203 do."""

    overrides: dict[int, YearData] = field(default_factory=dict)
    _warned: set[int] = field(default_factory=set, repr=False)
    # answers so far: the library's lookup was 30 % of a sweep's CPU. A calendar does not change once built (the
    # daily calendar job builds a new one from the operator's files), so nothing needs to be forgotten.
    _days: dict[date, bool] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_directory(cls, directory: Path) -> WorkCalendar:
        return cls(load_directory(directory))

    def origin(self, year: int) -> YearSource:
        if year in self.overrides:
            return YearSource.OPERATOR
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            return YearSource.FALLBACK
        return YearSource.LIBRARY

    def is_known(self, year: int) -> bool:
        return self.origin(year) is not YearSource.FALLBACK

    def is_workday(self, day: date) -> bool:
        known = self._days.get(day)
        if known is None:
            known = self._days[day] = self._is_workday(day)
        return known

    def _is_workday(self, day: date) -> bool:
        data = self.overrides.get(day.year)
        if data is not None:
            if day in data.workdays:
                return True
            if day in data.holidays:
                return False
            return day.weekday() < 5
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            if day.year not in self._warned:
                self._warned.add(day.year)
                log.warning(
                    "no holiday data for %s: counting Monday-Friday; add %s.json to the calendar directory",
                    day.year,
                    day.year,
                )
            return day.weekday() < 5

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start``; the trigger day itself is not counted (民法典 Art 201)."""
        if n < 0:
            raise InvalidInput("working_days", "must not be negative")
        day = start
        counted = 0
        while counted < n:
            day += timedelta(days=1)
            if self.is_workday(day):
                counted += 1
        return day

    def roll_to_workday(self, day: date) -> date:
        """A period ending on a rest day ends on the next working day instead (民法典 Art 203)."""
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day

    def add_days(self, start: date, n: int) -> date:
        return self.roll_to_workday(start + timedelta(days=n))

    def add_months(self, start: date, n: int) -> date:
        """Same day n months later (clamped to the month's end), then rolled to a working day (Art 203)."""
        month_index = start.month - 1 + n
        year, month = start.year + month_index // 12, month_index % 12 + 1
        day = min(start.day, _stdcal.monthrange(year, month)[1])
        return self.roll_to_workday(date(year, month, day))

    def uses_fallback(self, start: date, end: date) -> bool:
        """Whether any year between the two dates is counted Monday–Friday for lack of data."""
        return any(not self.is_known(y) for y in range(start.year, end.year + 1))

    def fingerprint(self) -> str:
        """Changes whenever operator data changes; stored with deadlines to know when to recompute."""
        digest = hashlib.sha256()
        for year in sorted(self.overrides):
            data = self.overrides[year]
            digest.update(f"{year}|{sorted(data.holidays)}|{sorted(data.workdays)}".encode())
        digest.update(f"lib:{getattr(chinese_calendar, '__version__', '')}".encode())
        return digest.hexdigest()[:16]

    def year_info(self, year: int) -> YearInfo:
        origin = self.origin(year)
        days = [date(year, 1, 1) + timedelta(days=i) for i in range(366 if _stdcal.isleap(year) else 365)]
        holidays: list[date] = []
        makeup: list[date] = []
        if origin is YearSource.OPERATOR:
            data = self.overrides[year]
            holidays, makeup = sorted(data.holidays), sorted(data.workdays)
        elif origin is YearSource.LIBRARY:
            holidays = [d for d in days if d in chinese_calendar.holidays]
            makeup = [d for d in days if d.weekday() >= 5 and d in chinese_calendar.workdays]
        working = sum(1 for d in days if self.is_workday(d))
        source = self.overrides[year].source if origin is YearSource.OPERATOR else ""
        return YearInfo(year, origin, tuple(holidays), tuple(makeup), working, source)
