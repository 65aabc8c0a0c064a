"""The gates of core/scope/gate.py: a pattern skipped for a message could not have matched it, and ``AnyOf`` answers
as one alternation of its patterns would."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from core.scope.classify import normalise
from core.scope.gate import AnyOf, Gated, branches, need, seen
from core.scope.urgent import UrgentCheck
from core.text import simplified

ROOT = Path(__file__).resolve().parents[2]

TRICKY = [
    r"烧(已经)?退了",
    r"[找寻]到|帮忙~2找",
    r"\b(my|his|her) (\w+ ){0,2}(is|are) safe\b",
    r"(?<![不没])跳(下去|楼)",
    r"(刀|knife|KNIFE)(?=[，,])",
    r"a{2,}b?",
    r"[^x]y+",
    r"STRASSE|ß",
    r"[a-f]\d",
    r"(?:救命){1,3}|help me",
    r"(?i:fire)|着火",
    r"x?y?",
    r"(a)\1",
]


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        (r"烧(已经)?退了", {"烧"}),  # the rarest required set: one character
        (r"(刀|枪)[，,]", {"刀", "枪"}),  # two Chinese characters before two punctuation marks
        (r"\bhelp me\b", {"h"}),  # Latin letters (casefolded) before a space
        (r"HELP", {"h"}),
        (r"[找寻]到", {"到"}),
        (r"x?y?", None),  # nothing required
        (r"(?<!不)\w+", None),
    ],
)
def test_need_names_characters_every_match_holds(pattern: str, gate: set[str] | None) -> None:
    got = need(re.compile(pattern, re.IGNORECASE))
    assert got == (frozenset(gate) if gate is not None else None)


def test_branches_split_only_at_the_top_level() -> None:
    assert branches(r"a|(b|c)|[|]|\||d") == ["a", "(b|c)", "[|]", r"\|", "d"]
    assert branches(r"[]|]x|y") == ["[]|]x", "y"]
    assert branches("one") == ["one"]


def _texts(rng: random.Random, alphabet: str, n: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(n)]


@pytest.mark.parametrize("pattern", TRICKY)
def test_a_closed_gate_means_no_match(pattern: str) -> None:
    rx = re.compile(pattern.replace("~2", ".{0,2}"), re.IGNORECASE)
    gate = need(rx)
    rng = random.Random(pattern)
    alphabet = "".join(sorted(set(pattern.lower() + pattern.upper()) | set("ß ，,不没xyz")))
    for text in _texts(rng, alphabet, 3000):
        if gate is not None and gate.isdisjoint(seen(text)):
            assert rx.search(text) is None, (pattern, text)


def test_any_of_answers_as_one_alternation() -> None:
    patterns = [r"\bsafe now\b|烧(已经)?退了", r"(刀|knife)(?=[，,])|[找寻]到", r"(?:ab)+c|x{2}"]
    whole = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    any_of = AnyOf(patterns)
    rng = random.Random(7)
    alphabet = "safe now烧已经退了刀knife，,找寻到abcx "
    texts = [*_texts(rng, alphabet, 4000), "he is SAFE NOW", "烧退了", "拿着刀，", "ababc", "xx"]
    for text in texts:
        assert any_of.search(text) == bool(whole.search(text)), text


def test_gated_keeps_the_order_of_its_patterns() -> None:
    gated = Gated([("a", re.compile("刀")), ("b", re.compile(r"\w+")), ("c", re.compile("枪|刀"))])
    assert [key for key, _ in gated.open_to(seen("一把刀"))] == ["a", "b", "c"]
    assert [key for key, _ in gated.open_to(seen("一把枪"))] == ["b", "c"]


def test_no_pattern_of_the_urgent_check_is_skipped_where_it_matches() -> None:
    """Every harm and guard pattern that matches a labelled urgent line is open to it (a sample of the lines)."""
    check = UrgentCheck()
    rows = [json.loads(line) for line in (ROOT / "bench/data/urgent_heldout.jsonl").read_text().splitlines() if line]
    texts = [normalise(simplified(r["text"])) for r in random.Random(16).sample(rows, 60)]
    lists = [check._said, check._acts, check._hazards, check._not_harm, check._backstop._not, check._backstop._harms]
    for text in texts:
        chars = seen(text)
        for gated in lists:
            opened = {id(rx) for _, rx in gated.open_to(chars)}
            for _, rx in gated.items:
                if rx.search(text):
                    assert id(rx) in opened, (rx.pattern, text)
