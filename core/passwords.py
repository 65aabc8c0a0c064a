"""Query passwords others could guess (issue 12): the most common ones, trivial patterns, dates and phone numbers.

The lock-out (core.services.lockout) stops guessing at five tries; five tries are enough when the password is
"12345678". The list is a data file shipped with the code (``common_passwords.txt``); the patterns catch what no
list holds (any run, repeat or keyboard row). Someone who knows the reporter tries birthdays and phone numbers
first, so those are refused too.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from functools import cache
from importlib import resources
from itertools import pairwise


class Weakness(StrEnum):
    COMMON = "common"  # on the list, or a list word with digits or symbols around it
    PATTERN = "pattern"  # a run (abcdefgh, 87654321), a repeat (11111111, 12121212), a keyboard row (qwertyui)
    PERSONAL = "personal"  # a date (19850312) or a mobile number: what people who know the reporter try first


_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
         "qazwsxedcrfvtgbyhnujmikolp", "!@#$%^&*()")  # fmt: skip
_AROUND = re.compile(r"^[\W\d_]*(.*?)[\W\d_]*$")
_MOBILE = re.compile(r"^(?:86)?1[3-9]\d{9}$")


@cache
def common() -> frozenset[str]:
    text = resources.files("core").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def weakness(password: str) -> Weakness | None:
    """Why the password is easy to guess, or None."""
    value = password.strip().lower()
    core = _AROUND.sub(r"\1", value)
    if value in common() or (len(core) >= 4 and core in common()):
        return Weakness.COMMON
    if _trivial(value) or (len(core) >= 4 and _trivial(core) and len(core) * 2 >= len(value)):
        return Weakness.PATTERN
    digits = re.sub(r"[\s./-]", "", value)  # 1985-03-12, 138 0013 8000
    if digits.isdigit() and (_date(digits) or _MOBILE.match(digits)):
        return Weakness.PERSONAL
    return None


def _trivial(value: str) -> bool:
    if len(set(value)) <= 2:
        return True
    for unit in range(1, 5):  # a short unit repeated: 12121212, abcabcab, 12341234
        if len(value) > unit and value == (value[:unit] * (len(value) // unit + 1))[: len(value)]:
            return True
    steps = {ord(b) - ord(a) for a, b in pairwise(value)}
    if steps in ({1}, {-1}):  # abcdefgh, 12345678, 87654321
        return True
    return any(value in row or value in row[::-1] for row in _ROWS)


def _date(digits: str) -> bool:
    """YYYYMMDD, DDMMYYYY or MMDDYYYY of a plausible birthday or anniversary."""
    if len(digits) != 8:
        return False
    for y, m, d in ((digits[:4], digits[4:6], digits[6:]), (digits[4:], digits[2:4], digits[:2]),
                    (digits[4:], digits[:2], digits[2:4])):  # fmt: skip
        try:
            day = date(int(y), int(m), int(d))
        except ValueError:
            continue
        if 1900 <= day.year <= 2100:
            return True
    return False
