"""Small helpers for writing the scope rules as readable data."""

from __future__ import annotations


def words(text: str) -> tuple[str, ...]:
    """A word list written as text: words are separated by white space, "_" stands for a space ("took_money")."""
    return tuple(word.replace("_", " ") for word in text.split())


#: An amount: digits or Chinese numerals ("5000", "两万", "一千块").
_N = r"(\d+|[一二两三四五六七八九十几百千万]+(万|千|百|块|元))"


_w = words
