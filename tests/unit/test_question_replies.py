"""What the chat says to a text outside a dialog and to a question inside one (bot.dialogs.questions): a question
gets its answer, a report its verdict, both get both, a referral is not said twice, nothing matched is said
politely. The knowledge base and its search are the real ones; the scope decision is given."""

from __future__ import annotations

import pytest

from bot.dialogs import questions as kbq
from bot.dialogs.engine import Reply
from core.knowledge.intent import Asks, asks
from core.knowledge.ready import knowledge
from core.knowledge.search import KnowledgeSearch
from core.model import ReferTo, ReportType
from core.scope import ScopeDecision, Verdict

UNCLEAR = ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.unclear", "§3")
VAGUE = ScopeDecision(Verdict.ACCEPT, ReportType.ACCUSATION, None, "scope.reason.official_vague", "R-4")
MISUSE = ScopeDecision(Verdict.ACCEPT, ReportType.ACCUSATION, None, "scope.reason.misuse", "R-4")
MARKET = ScopeDecision(Verdict.REFER, None, ReferTo.MARKET, "scope.reason.refer.market", "§3.3")
SCOPE = [Reply("scope.idle_accept")]


@pytest.fixture(scope="module")
def kb() -> KnowledgeSearch:
    return knowledge()


def keys(replies: list[Reply]) -> list[str]:
    """Reply keys; an answer with or without documents to name as its basis is an answer."""
    return [r.key.removesuffix("_plain") for r in replies]


def test_a_question_naming_an_official_but_reporting_nothing_gets_the_answer_alone(kb: KnowledgeSearch) -> None:
    replies = kbq.free_text(kb, "举报村干部需要什么证据", VAGUE, SCOPE, (), "zh-CN")
    assert keys(replies) == ["kb.answer", "kb.more"] and "证据" in replies[0].params["answer"]


def test_a_report_that_also_asks_gets_the_answer_and_the_verdict(kb: KnowledgeSearch) -> None:
    replies = kbq.free_text(kb, "我们村的会计把低保给了他亲戚 这种你们管吗", MISUSE, SCOPE, (), "zh-CN")
    assert keys(replies) == ["kb.answer", "scope.idle_accept"]


def test_a_report_that_asks_nothing_gets_its_verdict_alone(kb: KnowledgeSearch) -> None:
    assert keys(kbq.free_text(kb, "村会计张某2023年把低保名额给了他的亲戚", MISUSE, SCOPE, (), "zh-CN")) == [
        "scope.idle_accept"
    ]


def test_a_referral_the_answer_explains_is_not_said_twice(kb: KnowledgeSearch) -> None:
    replies = kbq.free_text(kb, "纪委管不管物业乱收费？", MARKET, [Reply("scope.idle_refer")], (), "zh-CN")
    assert keys(replies) == ["kb.answer", "kb.more"] and "12315" in replies[0].params["answer"]


def test_nothing_matched_is_said_and_a_greeting_gets_the_menu(kb: KnowledgeSearch) -> None:
    assert keys(kbq.free_text(kb, "怎么做红烧肉？", UNCLEAR, [], (), "zh-CN")) == ["kb.no_match"]
    unsure = kbq.free_text(kb, "今天天气怎么样？", UNCLEAR, [], (), "zh-CN")  # a word in common: a way out
    assert keys(unsure) in (["kb.no_match"], ["kb.did_you_mean"])
    assert unsure[0].key == "kb.no_match" or unsure[0].buttons[-1][0].label == "button.none_of_these"
    assert keys(kbq.free_text(kb, "你好", UNCLEAR, [], (), "zh-CN")) == ["dialog.idle"]


def test_an_answer_names_its_documents_in_its_own_language(kb: KnowledgeSearch) -> None:
    entry = kb.by_id("anonymous_traceable")
    zh, en = kbq.answer_reply(kb, entry, "zh-CN"), kbq.answer_reply(kb, entry, "en")
    assert zh.params["answer"] == entry.a_zh and en.params["answer"] == entry.a_en
    assert zh.params["basis"].locale == "zh-CN" and en.params["basis"].locale == "en"
    assert kbq.basis(entry) and all(d in {"R", "XF", "JC", "XFL", "JD", "12388"} for d in kbq.basis(entry))


@pytest.mark.parametrize(
    ("text", "shape"),
    [("匿名举报会被查到吗", Asks.CLEARLY), ("多久有答复？", Asks.CLEARLY), ("can I stay anonymous", Asks.CLEARLY),
     ("请问怎么举报", Asks.CLEARLY), ("举报村干部需要什么证据", Asks.MAYBE), ("张三", Asks.NO),
     ("他是村支书，2023年把低保给了亲戚", Asks.NO), ("I want to report my boss", Asks.NO), ("你好", Asks.NO),
     ("昨晚在夜宵摊被几个醉汉打了 脸上缝了三针", Asks.NO), ("一次能举报几个人", Asks.MAYBE)],
)  # fmt: skip
def test_a_question_is_known_by_its_shape(text: str, shape: Asks) -> None:
    assert asks(text) is shape


def test_in_a_dialog_only_questions_are_taken_for_questions(kb: KnowledgeSearch) -> None:
    assert kbq.in_dialog(kb, "张某") is None
    assert kbq.in_dialog(kb, "某镇某村村委会") is None
    long_facts = "他为什么能拿低保，家里有车有房，村支书是他舅舅，每个月领三百多元，已经领了三年，村里人都知道这件事"
    assert kbq.in_dialog(kb, long_facts) is None  # a long account that holds a question word is the account
    answered = kbq.in_dialog(kb, "匿名举报会被查到吗？")
    assert answered is not None and answered[0].key == "kb.answer"
    assert any(b.label == "button.keep_as_answer" for row in answered[0].buttons for b in row)
    unknown = kbq.in_dialog(kb, "怎么做红烧肉？")
    assert unknown is not None and unknown[0].key == "kb.in_dialog_no_match"


def test_a_question_in_the_other_language_offers_to_switch(kb: KnowledgeSearch) -> None:
    replies = kbq.free_text(kb, "Can anyone find out who I am if I report anonymously?", UNCLEAR, [], (), "zh-CN")
    assert replies[-1].key == "kb.lang_offer" and replies[-1].params["text"].locale == "en"
    assert kbq.free_text(kb, "匿名举报会被查到吗", UNCLEAR, [], (), "zh-CN")[-1].key != "kb.lang_offer"
    assert kbq.free_text(kb, "匿名举报会被查到吗", UNCLEAR, [], (), "en")[-1].params["text"].locale == "zh-CN"
