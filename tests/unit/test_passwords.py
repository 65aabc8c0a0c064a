"""Query passwords others could guess are refused (issue 12, item 8); ordinary good ones pass."""

from __future__ import annotations

import pytest

from core.passwords import Weakness, common, weakness


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("12345678", Weakness.COMMON),
        ("88888888", Weakness.COMMON),
        ("qwertyui", Weakness.COMMON),
        ("password1", Weakness.COMMON),  # a list word with digits or symbols around it
        ("iloveyou!", Weakness.COMMON),
        ("woaini1314", Weakness.COMMON),
        ("Admin@2026", Weakness.COMMON),
        ("23456789", Weakness.PATTERN),  # a run
        ("hgfedcba", Weakness.PATTERN),
        ("12121212", Weakness.PATTERN),  # a repeat
        ("abcabcab", Weakness.PATTERN),
        ("77778888", Weakness.PATTERN),  # two characters only
        ("sdfghjkl", Weakness.PATTERN),  # a keyboard row
        ("19850312", Weakness.PERSONAL),  # a birthday
        ("12031985", Weakness.PERSONAL),
        ("1985-03-12", Weakness.PERSONAL),
        ("13800138000", Weakness.PERSONAL),  # a mobile number
        ("138 0013 8000", Weakness.PERSONAL),
    ],
)
def test_guessable_passwords_are_refused(password: str, why: Weakness) -> None:
    assert weakness(password) is why


@pytest.mark.parametrize(
    "password", ["lao-li-2026!", "correct horse", "我家门前有两棵枣树", "Tr0ub4dor&3", "x7#kq!9z", "password-one"]
)
def test_ordinary_passwords_pass(password: str) -> None:
    assert weakness(password) is None


def test_the_list_ships_with_the_code() -> None:
    assert {"123456", "12345678", "password", "woaini1314"} <= common() and len(common()) > 200
    assert not any(line.startswith("#") for line in common())
