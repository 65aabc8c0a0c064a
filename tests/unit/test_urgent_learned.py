"""The learned urgent backstop (issue 16): the trained weights give the probabilities scikit-learn gave. Measured by
``bench/scope_report.py``; it asks "is anyone in danger?" when the rules find none (core.scope.classify)."""

from __future__ import annotations

import pytest

from core.scope.classify import Verdict, classifier
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


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("楼下饭馆的油烟熏得我快死了 找了几次都没人管 是私人开的", "refer"),  # "死" a figure of a neighbour quarrel
        ("我们镇财政所长把扶贫款吞了 账上对不上", "accept"),  # "吞" of money, not of pills
    ],
)
def test_a_harm_word_in_a_matter_the_model_reads_as_ordinary_is_asked_not_alerted(text: str, verdict: str) -> None:
    decision = classifier().classify(text)
    assert decision.verdict.value == verdict
    assert decision.possibly_urgent  # the citizen gets the numbers and "is anyone in danger?"; officers on "yes"
    assert decision.signals[0] == "urgent:doubted"


@pytest.mark.parametrize(
    "text",
    [
        "He said he would kill the accountant's whole family",  # the model reads it low, but it tells nothing else
        "这事我不查了 你们谁也不用来了",
        "绳子都挂好了 就想问问我死了以后我举报的村会计那个事还有人管不",  # a report, and the model reads it high
    ],
)
def test_a_cry_alone_or_one_the_model_reads_as_danger_stays_alerted(text: str) -> None:
    assert classifier().classify(text).verdict is Verdict.URGENT
