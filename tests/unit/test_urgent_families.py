"""The families of core/scope/urgent_families.py (rules.md §8; issue 16 item 5): danger said without a harm word
is urgent, in both languages, and the family reads it (the signal names the family); the near misses each guard
keeps out are not urgent; a sentence the writer takes back (a joke, anger, a dream, a boast, the news) is skipped
unless the writer says it is no joke; Chinese clauses separated by spaces carry a past frame as commas do."""

from __future__ import annotations

import pytest

from core.scope import Verdict, classifier
from core.scope import urgent_families as F
from core.scope.classify import normalise
from core.scope.urgent import Disowned, UrgentCheck
from tests.unit.urgent_families_examples import NEAR_MISSES, NOT_A_JOKE, URGENT_BY_FAMILY

_CASES = [(family, text) for family, texts in URGENT_BY_FAMILY.items() for text in texts]


@pytest.mark.parametrize(("family", "text"), _CASES)
def test_family_wordings_are_urgent(family: str, text: str) -> None:
    decision = classifier().classify(text)
    assert decision.verdict is Verdict.URGENT, (family, text, decision.reason)


@pytest.mark.parametrize(("family", "text"), _CASES)
def test_the_family_alone_reads_its_examples(family: str, text: str) -> None:
    """Each family's own patterns match its examples in both languages (not some other list by chance)."""
    import re

    from core.scope.urgent import _expand

    patterns = [re.compile(_expand(p), re.IGNORECASE) for p in F.FAMILIES[family]]
    assert any(rx.search(normalise(text)) for rx in patterns), (family, text)


def test_every_family_has_examples_in_both_languages() -> None:
    assert set(URGENT_BY_FAMILY) == set(F.FAMILIES)
    for family, texts in URGENT_BY_FAMILY.items():
        assert any(t.isascii() for t in texts) and any(not t.isascii() for t in texts), family


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_are_not_urgent(text: str) -> None:
    decision = classifier().classify(text)
    assert decision.verdict is not Verdict.URGENT, (text, decision.signals)


@pytest.mark.parametrize("text", NOT_A_JOKE)
def test_saying_it_is_no_joke_keeps_the_danger(text: str) -> None:
    assert classifier().classify(text).verdict is Verdict.URGENT


def test_disowned_sentences() -> None:
    disowned = Disowned()
    assert disowned(normalise("哈哈开玩笑的"))
    assert disowned(normalise("那是气头上的话"))
    assert disowned(normalise("I could kill him lol"))
    assert not disowned(normalise("不是开玩笑"))
    assert not disowned(normalise("药已经买好了"))  # "已经…好了" is not a harm healed


def test_a_space_between_chinese_words_ends_a_clause() -> None:
    check = UrgentCheck()
    assert check.find(normalise("五年前他拿刀砍过我爸 后来判了")) is None
    found = check.find(normalise("五年前他拿刀砍过我爸 现在他又拿着刀在门口"))
    assert found is not None and found.when == "now"


def test_a_flood_going_over_is_not_the_past() -> None:
    assert classifier().classify("那个大坝顶上的水都快漫过去了").verdict is Verdict.URGENT


def test_the_signal_names_the_family() -> None:
    decision = classifier().classify("楼下电线断了掉在水里，小孩在旁边玩")
    assert decision.signals[0] == "urgent:child/electric/backstop"
