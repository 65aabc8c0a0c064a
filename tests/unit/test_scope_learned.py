"""The learned scope verdict (issue 16): the trained weights give the probabilities scikit-learn gave, the rules keep
what they must decide, and a referral by the rules stands unless the model is sure of another answer."""

from __future__ import annotations

import pytest

from core.model import ReferTo, ReportType
from core.scope.classify import NOTHING_TO_GO_ON, Verdict, classifier, normalise
from core.scope.scope_learned import REFER_STANDS, LearnedScope, LearnedVerdict


@pytest.fixture(scope="module")
def model() -> LearnedScope:
    return LearnedScope()


def test_the_weights_give_the_probabilities_scikit_learn_gave_at_training(model: LearnedScope) -> None:
    assert len(model.sample) >= 20
    for text, expected in model.sample:
        assert model.probabilities(text) == pytest.approx(expected, abs=2e-3), text  # weights as float32


def test_classes_are_verdicts_with_their_kind_or_body(model: LearnedScope) -> None:
    assert {"accept:检举控告", "accept:申诉", "accept:批评建议", "unclear"} <= set(model.classes)
    assert {f"refer:{body.value}" for body in ReferTo} - {"refer:political_legal"} <= set(model.classes)
    best = model.best("镇长的小舅子包下了全镇的道路工程 标都没招")
    assert (best.verdict, best.kind) == ("accept", ReportType.ACCUSATION) and best.probability > 0.5


def test_what_the_rules_keep() -> None:
    rules = classifier()
    # danger, an appeal, a question and a bare accusation are the rules' whatever the model reads in them
    assert rules.classify("他拿着刀站在我家门口 说今天不给钱就动手").verdict is Verdict.URGENT
    assert rules.classify("我对县纪委给我的党内警告处分不服 要申诉").reason == "scope.reason.appeal"
    assert rules.classify("匿名举报会被查到吗").reason == "scope.reason.faq"
    assert rules.classify("村干部都是贪官").reason == "scope.reason.no_facts"


def test_the_model_decides_where_the_rules_had_nothing_to_go_on() -> None:
    """Told without any word of the rules' lists: a township official's favour, and a gym keeping its fees."""
    rules = classifier()
    favour = "镇上那个管土地的 批地要先请他吃饭"
    assert rules._verdict(normalise(favour)) == NOTHING_TO_GO_ON
    decision = rules.classify(favour)
    assert (decision.verdict, decision.kind) == (Verdict.ACCEPT, ReportType.ACCUSATION)
    assert decision.signals[0].startswith("scope:learned:accept:检举控告:")
    gym = "the gym kept my membership fee"
    assert rules._verdict(normalise(gym)) == NOTHING_TO_GO_ON
    decision = rules.classify(gym)
    assert (decision.verdict, decision.refer_to) == (Verdict.REFER, ReferTo.MARKET)
    assert decision.reason == "scope.reason.refer.market"


def test_a_referral_by_the_rules_stands_unless_the_model_is_sure(model: LearnedScope) -> None:
    rules = classifier()
    text = "公司拖欠我三个月工资 老板一直躲着不见"
    decision = rules.classify(text)
    assert (decision.verdict, decision.refer_to) == (Verdict.REFER, ReferTo.LABOR)
    assert decision.reason == "scope.reason.refer.labor"  # the rules' own reason when both agree
    assert 0.3 <= REFER_STANDS <= 0.9


@pytest.mark.parametrize(("probability", "stands"), [(0.45, True), (0.55, False)])
def test_a_referral_stands_below_the_models_certainty_and_yields_above(
    probability: float, stands: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules refer a wage dispute to labour arbitration; a model that reads an official's abuse in it replaces
    the referral only when it is at least REFER_STANDS (0.5) sure; at any certainty it never overrides danger."""
    rules = classifier()
    text = "公司拖欠我三个月工资 老板一直躲着不见"
    guess = LearnedVerdict("accept:检举控告", probability, kind=ReportType.ACCUSATION)
    monkeypatch.setattr(rules._learned_scope, "best", lambda _: guess)
    decision = rules.classify(text)
    assert decision.verdict is (Verdict.REFER if stands else Verdict.ACCEPT)
    away = LearnedVerdict("refer:labor", 0.45, refer_to=ReferTo.LABOR)  # sending an accepted report away: ≥ 0.5
    monkeypatch.setattr(rules._learned_scope, "best", lambda _: away)
    assert rules.classify("镇长的小舅子包下了全镇的道路工程 标都没招").verdict is Verdict.ACCEPT
    monkeypatch.setattr(rules._learned_scope, "best", lambda _: LearnedVerdict("unclear", 0.99))
    assert rules.classify("他拿着刀站在我家门口 说今天不给钱就动手").verdict is Verdict.URGENT
