"""The knowledge base file (core/knowledge/entries.toml) and the held-out questions that measure it (issue 16)."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from core.knowledge.base import Entry, KnowledgeBaseError, check, load_entries, problems

HELDOUT = Path(__file__).resolve().parents[2] / "bench" / "data" / "questions_heldout.toml"


@pytest.fixture(scope="module")
def entries() -> tuple[Entry, ...]:
    return load_entries()


def test_the_shipped_entries_pass_their_checks(entries: tuple[Entry, ...]) -> None:
    assert len(entries) >= 80
    assert problems(entries) == []
    assert len({e.topic for e in entries}) >= 15  # what people ask, by subject (the /faq menu)


def test_an_answer_opening_with_a_bare_yes_or_no_is_refused(entries: tuple[Entry, ...]) -> None:
    """ "匿名举报会被查到吗" answered "会。…": a worried citizen stops reading there (issue 16)."""
    first = entries[0]
    for zh, en in (("会。我们对身份保密。", first.a_en), (first.a_zh, "No, nobody can see it.")):
        with pytest.raises(KnowledgeBaseError, match=f"{first.id}: the answer opens with a bare yes or no"):
            check((replace(first, a_zh=zh, a_en=en), *entries[1:]))


def test_an_answer_about_telegram_needs_the_web_pages_own_wording(entries: tuple[Entry, ...]) -> None:
    """The web page is not Telegram: an answer that speaks of it is said otherwise there (issue 19)."""
    plain = next(e for e in entries if not e.web_zh)
    said = replace(plain, a_zh=plain.a_zh + "Telegram 能看到。")
    assert f"{plain.id}: the answer speaks of Telegram; give web_zh and web_en for the web page" in problems((said,))
    assert f"{plain.id}: a web answer needs both web_zh and web_en" in problems((replace(said, web_zh="网页。"),))
    web = replace(said, web_zh="网页。", web_en="The page.")
    assert not [p for p in problems((web,)) if "web" in p or "Telegram" in p]
    assert web.answer("zh-CN", web=True) == "网页。" and web.answer("en") == plain.a_en


def test_unknown_related_entries_twice_used_ids_and_missing_languages_are_named(entries: tuple[Entry, ...]) -> None:
    a, b = entries[0], entries[1]
    found = problems((replace(a, related=("no_such_entry",)), replace(b, id=a.id, q_en=())))
    assert f"{a.id}: the id is used twice" in found
    assert f"{a.id}: related entries unknown: no_such_entry" in found
    assert f"{a.id}: needs 3 Chinese and 2 English phrasings" in found


def test_the_heldout_questions_name_only_entries_that_exist(entries: tuple[Entry, ...]) -> None:
    """The measuring set (bench/qa_heldout.py): written apart from the entries' phrasings, never used to tune."""
    questions = tomllib.loads(HELDOUT.read_text("utf-8"))["question"]
    ids = {e.id for e in entries}
    assert len(questions) >= 100 and sum(q["lang"] == "en" for q in questions) >= 20
    assert {q["expect"] for q in questions} - ids <= {"none"}
    assert all(q["lang"] in ("zh", "en") and q["text"].strip() for q in questions)
