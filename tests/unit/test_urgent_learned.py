"""The learned urgent backstop (issue 16): the trained weights give the probabilities scikit-learn gave. Measured by
``bench/scope_report.py``; it asks "is anyone in danger?" when the rules find none (core.scope.classify)."""

from __future__ import annotations

import pytest

from core.scope.urgent_learned import LearnedUrgent


@pytest.fixture(scope="module")
def model() -> LearnedUrgent:
    return LearnedUrgent()


def test_the_weights_give_the_probabilities_scikit_learn_gave_at_training(model: LearnedUrgent) -> None:
    assert len(model.sample) >= 20
    for text, expected in model.sample:
        assert model.probability(text) == pytest.approx(expected, abs=1e-3), text  # weights rounded to 5 places


def test_grams_are_scikit_learns_char_wb_within_padded_words(model: LearnedUrgent) -> None:
    assert model.grams("Ab") == [" ", "a", "b", " ", " a", "ab", "b ", " ab", "ab ", " ab "]
    assert model.grams("x") == [" ", "x", " ", " x", "x ", " x "]  # a short word: its grams once, no repeat
    assert model.grams("  救命 ") == model.grams("救命")  # runs of spaces are one


def test_a_threshold_from_cross_validation_not_a_blind_set(model: LearnedUrgent) -> None:
    assert 0.3 <= model.threshold <= 0.8
    assert model.probability("") < model.threshold  # nothing said: no alarm
