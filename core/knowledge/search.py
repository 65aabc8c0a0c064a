"""Which entry answers a typed question. Several BM25 fields are fused, each weighted by how much it says:
every phrasing alone (an entry scores as its best), all an entry's phrasings together (a long story touches
several), and the answer text (weakest: it names things a question rarely does). Chinese is ranked both by jieba's
words and by character bigrams, so a bad cut or a typo still meets its entry; English by Snowball stems.
Colloquial words are first expanded to the domain's (:mod:`core.knowledge.synonyms`).

The best entry is given when it is clearly best (:data:`CLEAR`, :data:`LEAD`) and the text asks something (a bare
report of misconduct is not a question about reporting); otherwise up to three candidates ("您是想问…"), or none
when nothing is close (:data:`FLOOR`). Build once (jieba's dictionary, ~2 s), then ``ask`` per message (< 1 ms).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from core.knowledge.base import Entry
from core.knowledge.bm25 import SparseBM25
from core.knowledge.text import Tokenizer, asking_clause, asks, language
from core.text import simplified

#: A confident answer needs a fused score of CLEAR, a lead of LEAD over the second and to cover COVER of the
#: text's words, or only COVER_STRONG of them at a score of STRONG (a long story around a question: most of its
#: words are the story's). On the dev set: right 97-98 % of the time, no "none" question answered (bench/qa_dev.py).
CLEAR = 8.0
LEAD = 1.25
COVER = 0.45
STRONG = 30.0
COVER_STRONG = 0.25
FLOOR = 5.0  # candidates below this are not offered: nothing matched
CANDIDATES = 3
#: Extra weight of the words of the clause that asks, in a text that also tells a story around it.
QUESTION_BOOST = 0.5
#: Topics answered even when the text asks nothing: "我不想活了" needs the hotline, not a menu.
ALWAYS_ANSWER = frozenset({"urgent"})

#: field → weight. "phr": each phrasing alone; "all": an entry's phrasings together; "ans": its answer.
#: Suffix "2": Chinese character bigrams. Chosen on bench/data/questions_dev.toml (bench/qa_dev.py).
WEIGHTS: dict[str, dict[str, float]] = {
    "zh": {"phr": 1.0, "phr2": 0.5, "all": 0.4, "all2": 0.2, "ans": 0.1, "ans2": 0.05},
    "en": {"phr": 1.0, "all": 0.5, "ans": 0.15},
}


@dataclass(frozen=True)
class Found:
    """The answer (``entry``) when one is clearly best; otherwise the ``candidates`` to choose from (may be none).
    ``lang`` is the language the text was ranked in ("zh" or "en"): the one to answer in."""

    entry: Entry | None
    candidates: tuple[Entry, ...]
    score: float
    lang: str = "zh"


@dataclass(frozen=True)
class _Field:
    index: SparseBM25
    owners: tuple[int, ...]  # document → entry
    bigrams: bool


class KnowledgeSearch:
    def __init__(self, entries: Iterable[Entry], cut: Callable[[str], Iterable[str]] | None = None) -> None:
        self.entries = tuple(entries)
        self._by_id = {e.id: e for e in self.entries}
        self._tokenizer = Tokenizer(cut)
        self._fields: dict[str, dict[str, _Field]] = {lang: {} for lang in WEIGHTS}
        self._vocab: dict[str, list[frozenset[str]]] = {}  # per language, each entry's phrasings' words
        for lang, weights in WEIGHTS.items():
            for bigrams in (False, True):
                if not any(name.endswith("2") == bigrams for name in weights):
                    continue
                docs = self._documents(lang, bigrams)
                for name in weights:
                    if name.endswith("2") == bigrams:
                        field = docs[name.rstrip("2")]
                        self._fields[lang][name] = _Field(SparseBM25(field[1]), field[0], bigrams)
                if not bigrams:
                    self._vocab[lang] = [frozenset(t) for t in docs["all"][1]]

    def _documents(self, lang: str, bigrams: bool) -> dict[str, tuple[tuple[int, ...], list[list[str]]]]:
        """Per field, (owning entry of each document, its tokens). Each phrasing is cut once: an entry's "all"
        document is its phrasings' tokens together."""
        out: dict[str, tuple[list[int], list[list[str]]]] = {"phr": ([], []), "all": ([], []), "ans": ([], [])}
        for i, e in enumerate(self.entries):
            phrasings = [self._tokens(q, lang, bigrams) for q in (e.q_zh if lang == "zh" else e.q_en)]
            out["phr"][0].extend([i] * len(phrasings))
            out["phr"][1].extend(phrasings)
            out["all"][0].append(i)
            out["all"][1].append([t for tokens in phrasings for t in tokens])
            out["ans"][0].append(i)
            out["ans"][1].append(self._tokens(e.a_zh if lang == "zh" else e.a_en, lang, bigrams))
        return {name: (tuple(owners), docs) for name, (owners, docs) in out.items()}

    def _tokens(self, text: str, lang: str, bigrams: bool) -> list[str]:
        return self._tokenizer.bigrams(text) if bigrams else self._tokenizer.words(text, lang)

    def by_id(self, entry_id: str) -> Entry:
        """The entry of that id (a button's payload, a related entry); KeyError when there is none."""
        return self._by_id[entry_id]

    def scores(self, text: str) -> tuple[str, list[tuple[int, float]]]:
        """(language, [(entry index, fused score)] best first) — entries sharing nothing with the text left out."""
        text = simplified(text)  # "匿名舉報會被查到嗎" is the same question
        lang = language(text)
        fused = self._fuse(text, lang, asking_clause(text))
        return lang, sorted(fused.items(), key=lambda kv: kv[1], reverse=True)

    def _fuse(self, text: str, lang: str, clause: str | None) -> dict[int, float]:
        """Entry index → the weighted sum of its fields' BM25 scores; the clause's words weigh more."""
        fused: dict[int, float] = {}
        cache: dict[bool, dict[str, float]] = {}
        for name, weight in WEIGHTS[lang].items():
            field = self._fields[lang][name]
            if field.bigrams not in cache:
                query = dict.fromkeys(self._tokens(text, lang, field.bigrams), 1.0)
                for token in self._tokens(clause, lang, field.bigrams) if clause else ():
                    query[token] = 1.0 + QUESTION_BOOST
                cache[field.bigrams] = query
            best: dict[int, float] = {}
            for doc, score in field.index.scores(cache[field.bigrams]).items():
                owner = field.owners[doc]
                if score > best.get(owner, 0.0):
                    best[owner] = score
            for owner, score in best.items():
                fused[owner] = fused.get(owner, 0.0) + weight * score
        return fused

    def _clear(self, text: str, lang: str, ranked: list[tuple[int, float]]) -> bool:
        """Whether the best of ``ranked`` is clearly the answer to ``text``: score, lead and coverage."""
        top, score = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if score < CLEAR or score < LEAD * second:
            return False
        covered = self.coverage(text, lang, top)
        return covered >= COVER or (score >= STRONG and covered >= COVER_STRONG)

    def coverage(self, text: str, lang: str, index: int) -> float:
        """The share of the text's words (weighted by IDF) that the entry's phrasings use: an answer to a
        question about something else ("考研英语怎么复习" → the language entry) covers little of it. A word no
        entry uses weighs as the rarest word: it is what the text is about."""
        index_ = self._fields[lang]["all"].index
        weights = {w: index_.idf(w) or index_.unseen_idf for w in self._tokens(text, lang, False)}
        total = sum(weights.values())
        return sum(v for w, v in weights.items() if w in self._vocab[lang][index]) / (total or 1.0)

    def ask(self, text: str) -> Found:
        text = simplified(text)
        lang, ranked = self.scores(text)
        if not ranked or ranked[0][1] < FLOOR:
            return Found(None, (), ranked[0][1] if ranked else 0.0, lang)
        top, score = ranked[0]
        entry = self.entries[top]
        if (asks(text) or entry.topic in ALWAYS_ANSWER) and self._clear(text, lang, ranked):
            return Found(entry, (), score, lang)
        shown = tuple(self.entries[i] for i, s in ranked[:CANDIDATES] if s >= FLOOR)
        return Found(None, shown, score, lang)

    def ranked(self, text: str, n: int = CANDIDATES) -> list[Entry]:
        """The ``n`` best entries whatever their scores (measurement: top-1, top-3)."""
        return [self.entries[i] for i, _ in self.scores(text)[1][:n]]
