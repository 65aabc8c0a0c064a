"""Retrieval over the knowledge base (core.knowledge.search): its own phrasings find their entry; colloquial
words, a typo, English, a story before the question still find the right one; a text that asks nothing the base
knows, or only tells of misconduct without asking, gets no confident answer. Accuracy on questions the entries
were not written from is measured by bench/qa_dev.py and bench/qa_heldout.py, not asserted here."""

from __future__ import annotations

import pytest

from core.knowledge.base import load_entries
from core.knowledge.search import KnowledgeSearch
from core.knowledge.text import asking_clause, asks, expand


@pytest.fixture(scope="module")
def search() -> KnowledgeSearch:
    return KnowledgeSearch(load_entries())


def answered(search: KnowledgeSearch, text: str) -> str | None:
    found = search.ask(text)
    return found.entry.id if found.entry else None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_entry_is_found_by_its_own_phrasings(search: KnowledgeSearch, lang: str) -> None:
    phrasings = [(e.id, q) for e in search.entries for q in (e.q_zh if lang == "zh" else e.q_en)]
    top3 = [i for i, q in phrasings if i in [e.id for e in search.ranked(q)]]
    assert len(top3) >= 0.95 * len(phrasings), set(phrasings) - set(top3)


def test_a_text_the_base_knows_nothing_of_gets_no_answer(search: KnowledgeSearch) -> None:
    for text in ("", "？？？", "asdf qwer", "哈哈哈哈", "明天会下雨吗", "what is the capital of France"):
        found = search.ask(text)
        assert found.entry is None and found.candidates == (), text


@pytest.mark.parametrize("text", ["推荐个手机 要拍照好的", "考研英语怎么复习", "how do I cook rice?"])
def test_an_unrelated_question_sharing_a_word_gets_no_confident_answer(search: KnowledgeSearch, text: str) -> None:
    assert search.ask(text).entry is None


def test_a_clear_question_is_answered_and_a_vague_one_offers_at_most_three(search: KnowledgeSearch) -> None:
    entry = search.entries[0]
    found = search.ask(entry.q_zh[0])
    assert found.entry == entry or entry in found.candidates
    assert len(search.ask("举报").candidates) <= 3


def test_colloquial_words_meet_the_domain_words_of_the_entries(search: KnowledgeSearch) -> None:
    assert "打击报复" in expand("他一直给我穿小鞋", "zh") and "公职人员" in expand("当官的", "zh")
    assert answered(search, "当官的知道是我揭发的 会不会整我") == "protection_retaliation"
    assert answered(search, "公职人员打击报复举报人怎么办") == "protection_retaliation"


def test_a_typo_still_finds_its_entry(search: KnowledgeSearch) -> None:
    assert answered(search, "匿命举报怎么弄") == "anonymous_how"
    assert search.ranked("匿名举报会被查刀吗")[0].id == "anonymous_traceable"  # 刀 for 到: bigrams still meet


def test_an_english_question_is_ranked_in_english(search: KnowledgeSearch) -> None:
    found = search.ask("Can the official find out that it was me who reported?")
    assert found.lang == "en"
    assert {e.id for e in search.ranked("Can the official find out that it was me who reported?")} & {
        "anonymous_traceable",
        "protection_confidential",
    }
    assert search.ranked("my superviser is punishing me becuase I reported him, what can i do")[0].id == (
        "protection_retaliation"
    )
    assert search.ask("匿名安全吗").lang == "zh"


def test_a_story_before_the_question_still_offers_what_is_asked(search: KnowledgeSearch) -> None:
    story = "我们镇上的副镇长去年把危房改造的补助款给了他小舅子 我想反映一下 没有什么证据行不行"
    assert asking_clause(story) == "没有什么证据行不行"  # its words weigh more than the story's
    assert [e.id for e in search.ranked(story)][:2] == ["poverty_funds", "evidence_none"]
    long_story = "自从我在单位里反映了科长虚报加班费的问题 他就处处针对我 上个月还把我调去看仓库 这种情况怎么办"
    assert answered(search, long_story) == "protection_retaliation"


def test_a_report_without_a_question_gets_no_confident_answer_until_it_asks(search: KnowledgeSearch) -> None:
    report = "镇长把扶贫款给了他小舅子"
    assert not asks(report)
    found = search.ask(report)
    assert found.entry is None and found.candidates[0].id == "poverty_funds"
    assert answered(search, report + " 能举报吗") == "poverty_funds"
    assert search.ask("he is taking bribes").entry is None


def test_danger_is_answered_even_when_nothing_is_asked(search: KnowledgeSearch) -> None:
    assert answered(search, "我不想活了") == "urgent_self"
    assert answered(search, "有人要砍我") == "urgent_danger"


def test_an_entry_is_found_by_its_id(search: KnowledgeSearch) -> None:
    assert search.by_id("reward").id == "reward"
    with pytest.raises(KeyError):
        search.by_id("no_such_entry")
