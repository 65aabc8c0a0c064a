"""Retrieval over the knowledge base (core.knowledge.search): its own phrasings find their entry, English by its
words, nothing for a text that asks nothing the base knows. Accuracy on questions it was not written from is
measured by bench/qa_heldout.py, not asserted here."""

from __future__ import annotations

import pytest

from core.knowledge.base import load_entries
from core.knowledge.search import KnowledgeSearch


@pytest.fixture(scope="module")
def search() -> KnowledgeSearch:
    return KnowledgeSearch(load_entries())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_entry_is_found_by_its_own_phrasings(search: KnowledgeSearch, lang: str) -> None:
    phrasings = [(e.id, q) for e in search.entries for q in (e.q_zh if lang == "zh" else e.q_en)]
    top3 = [i for i, q in phrasings if i in [e.id for e in search.ranked(q)]]
    assert len(top3) >= 0.95 * len(phrasings), set(phrasings) - set(top3)


def test_a_text_the_base_knows_nothing_of_gets_no_answer(search: KnowledgeSearch) -> None:
    for text in ("", "？？？", "asdf qwer", "哈哈哈哈"):
        found = search.ask(text)
        assert found.entry is None and found.candidates == (), text


def test_a_clear_question_is_answered_and_a_vague_one_offers_at_most_three(search: KnowledgeSearch) -> None:
    entry = search.entries[0]
    found = search.ask(entry.q_zh[0])
    assert found.entry == entry or entry in found.candidates
    assert len(search.ask("举报").candidates) <= 3
