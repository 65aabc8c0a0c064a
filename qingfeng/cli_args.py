"""The CLI's parser and argument types: a bad argument is refused by argparse itself, in one line on stderr with
exit status 2, before anything runs — never a traceback, never a computation without end (issue 11, item 13)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any, NoReturn

# Deadlines are counted for cases of this century; the calendar falls back to Monday–Friday outside the years
# it has data for (core.calendar.workdays), so the bounds only keep dates and counts sane, not supported.
YEAR_MIN, YEAR_MAX = 2000, 2100
WORKING_DAYS_MAX = 1000  # about four years: the longest deadline of rules.md §2 is months, not years
RETENTION_DAYS_MAX = 36_500  # a hundred years
INVITE_HOURS_MAX = 24 * 30
ID_MAX = 2**31 - 1  # database ids (INTEGER on PostgreSQL)
TELEGRAM_ID_MAX = 2**53 - 1  # Telegram user ids have at most 52 significant bits (bot.runtimes.console.officer)
BATCH_MAX = 10_000
CASE_NUMBER_HELP = "XF-2026-000033, 2026-33, or 33 (this year's, or the only one with that number)"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Parser(argparse.ArgumentParser):
    """argparse prints the whole usage before the error; an operator's script wants one line."""

    def error(self, message: str) -> NoReturn:
        hint = f"see '{self.prog} --help'"
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())} ({hint})\n")


def iso_date(text: str) -> date:
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None
    if not YEAR_MIN <= day.year <= YEAR_MAX:
        raise argparse.ArgumentTypeError(f"{text}: the year must be {YEAR_MIN}-{YEAR_MAX}")
    return day


def bounded(low: int, high: int) -> Callable[[str], int]:
    """An integer type with bounds: ``type=bounded(0, 1000)``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text} is out of range {low}-{high}")
        return value

    return parse


def year(text: str) -> int:
    return bounded(YEAR_MIN, YEAR_MAX)(text)


def values_of(enum: type[Enum], exclude: tuple[str, ...] = ()) -> Callable[[str], list[str]]:
    """Comma-separated values of ``enum`` (roles, states, levels), each checked; the error lists the allowed."""
    allowed = [str(m.value) for m in enum if m.value not in exclude]

    def parse(text: str) -> list[str]:
        values = [v.strip() for v in text.split(",") if v.strip()]
        wrong = [v for v in values if v not in allowed]
        if wrong or not values:
            raise argparse.ArgumentTypeError(f"{', '.join(wrong) or repr(text)}: choose from {', '.join(allowed)}")
        return values

    return parse


def argument(check: Callable[[str], object]) -> Callable[[str], Any]:
    """An argument type from a checker that raises ValueError with a readable message (core.settings')."""

    def parse(text: str) -> Any:
        try:
            return check(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse
