"""Skip a pattern whose match needs a character the message does not have.

The urgent check tries some 2,000 patterns on every message; ``re`` scans fast only for a pattern that starts with a
literal, and a search that finds nothing still costs a scan. Most patterns need one of a few Chinese characters
("烧" or "火" …): when the message holds none of them the pattern cannot match, and a set lookup says so in a fraction
of the time. The characters are read from the pattern's parse tree (``re._parser``, the parser ``re`` itself uses),
so a gate is never wrong: it only says "cannot match" when no match is possible.
"""

from __future__ import annotations

import re
import re._constants as C  # re's own opcode names
import re._parser as P
from collections.abc import Iterable
from typing import Any, Generic, TypeVar

K = TypeVar("K")
Need = frozenset[str] | None  # every match holds one of these characters (casefolded); None: no such set known
_RANGE = 64  # a character class wider than this is no gate


def _cost(chars: frozenset[str]) -> int:
    """How often a message holds one of ``chars``, roughly: a Chinese character seldom, a Latin letter or a space
    often (the rarest required set is the best gate)."""
    return sum(1 if ord(c) > 0x2E7F else 4 if c.isalnum() else 16 for c in chars)


def _folded(code: int) -> frozenset[str] | None:
    folded = chr(code).casefold()
    return frozenset({folded}) if len(folded) == 1 else None


def _class(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            one = _folded(av)
        elif op is C.RANGE and av[1] - av[0] < _RANGE:
            one = frozenset(c for code in range(av[0], av[1] + 1) if (c := chr(code).casefold()) and len(c) == 1)
            if len(one) != av[1] - av[0] + 1:
                return None
        else:  # NEGATE, CATEGORY (\w, \s), a wide range
            return None
        if one is None:
            return None
        chars |= one
    return frozenset(chars)


def _need(data: Iterable[tuple[Any, Any]]) -> Need:
    """The rarest set of characters one of which every match of the sequence ``data`` holds."""
    best: Need = None
    for op, av in data:
        if op is C.LITERAL:
            found = _folded(av)
        elif op is C.IN:
            found = _class(av)
        elif op is C.SUBPATTERN:
            found = _need(av[-1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            found = _need(av[2]) if av[0] >= 1 else None
        elif op is C.ATOMIC_GROUP:
            found = _need(av)
        elif op is C.BRANCH:
            parts = [_need(alternative) for alternative in av[1]]
            found = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        else:  # AT (\b, ^), ANY, NOT_LITERAL, lookarounds, group references: no character known
            found = None
        if found is not None and (best is None or _cost(found) < _cost(best)):
            best = found
    return best


def need(rx: re.Pattern[str]) -> Need:
    """The characters (casefolded) one of which any match of ``rx`` holds, or None when the pattern names none."""
    try:
        return _need(P.parse(rx.pattern, rx.flags).data)
    except Exception:  # an opcode this Python's parser names differently: no gate, the pattern is always tried
        return None


def seen(text: str) -> frozenset[str]:
    """The characters of ``text`` as gates compare them."""
    return frozenset(text.casefold())


class Gated(Generic[K]):
    """(key, pattern) pairs, each with its gate, indexed by the gates' characters: the pairs open to a message are
    found from its few dozen characters, not by asking each of a thousand gates."""

    def __init__(self, items: Iterable[tuple[K, re.Pattern[str]]]) -> None:
        self.items = [(key, rx) for key, rx in items]
        self._always: list[int] = []
        self._by_char: dict[str, list[int]] = {}
        for i, (_, rx) in enumerate(self.items):
            gate = need(rx)
            if gate is None:
                self._always.append(i)
            for c in gate or ():
                self._by_char.setdefault(c, []).append(i)

    def keys(self) -> set[K]:
        return {key for key, _ in self.items}

    def open_to(self, chars: frozenset[str]) -> list[tuple[K, re.Pattern[str]]]:
        """The pairs, in their order, whose pattern may match a text of these characters (``seen``)."""
        found = set(self._always)
        for c in chars:
            if (hits := self._by_char.get(c)) is not None:
                found.update(hits)
        return [self.items[i] for i in sorted(found)]


def branches(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (not inside a group or a class, not escaped)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # "[]…]" and "[^]…]": a first "]" is a member
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


class AnyOf:
    """Does any of many patterns occur in a text? The same answer as one alternation of them all, found branch by
    branch with gates (an alternation of hundreds of branches starting with ``\\b`` or a group is scanned slowly)."""

    def __init__(self, patterns: Iterable[str], flags: int = re.IGNORECASE) -> None:
        compiled = []
        for pattern in patterns:
            whole = re.compile(pattern, flags)
            parts = branches(pattern)
            if whole.groups and re.search(r"\\[1-9]|\(\?P=", pattern):  # a back reference: keep it whole
                parts = [pattern]
            compiled += [(None, re.compile(part, flags)) for part in parts]
        self._gated: Gated[None] = Gated(compiled)

    def search(self, text: str) -> bool:
        return any(rx.search(text) for _, rx in self._gated.open_to(seen(text)))
