"""The urgent backstop (rules.md §8; core/scope/urgent_backstop.py): urgent messages in new wordings are caught,
ordinary reports with harm words in a past, figurative, ordinary or money sense are not, and officers see why
it fired."""

from __future__ import annotations

import pytest

from core.scope import Verdict, classifier
from core.scope.classify import normalise
from core.scope.urgent import Backstop
from tests.unit.urgent_backstop_examples import ORDINARY, URGENT_NEW


@pytest.mark.parametrize("text", URGENT_NEW)
def test_new_wordings_are_urgent(text: str) -> None:
    decision = classifier().classify(text)
    assert decision.verdict is Verdict.URGENT, (text, decision.reason)
    assert decision.signals[0].startswith("urgent:")


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_reports_with_harm_words_are_not_urgent(text: str) -> None:
    decision = classifier().classify(text)
    assert decision.verdict is not Verdict.URGENT, (text, decision.signals)


def test_backstop_signal_names_the_kind() -> None:
    decision = classifier().classify("我们楼道里全是黑烟，呛得人睁不开眼")
    assert decision.verdict is Verdict.URGENT
    assert decision.signals[0].endswith("/backstop")


def test_a_past_frame_ends_when_a_clause_says_now() -> None:
    backstop = Backstop()
    assert backstop.find(normalise("去年他砍伤过我爸")) is None
    assert backstop.find(normalise("去年他砍伤过我爸，现在他又来了，手里有刀")) is not None


def test_counts() -> None:
    assert len(URGENT_NEW) >= 60
    assert len(ORDINARY) >= 40
