"""Which entry answers a typed question: BM25 (``rank_bm25``) over every phrasing of every entry, Chinese cut by
jieba with the domain's words added, English by its words; an entry scores as its best phrasing.

The best entry is given when it is clearly best (:data:`CLEAR`, :data:`LEAD`); otherwise up to three candidates
("您是想问…"), or none when nothing is close. Build once (the tokenizer's dictionary), then ``ask`` per message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rank_bm25 import BM25Okapi

from core.knowledge.base import Entry

CLEAR = 4.0  # a score this high, with its lead over the second (LEAD), is an answer
LEAD = 1.25
FLOOR = 1.5  # candidates below this are not offered: nothing matched
CANDIDATES = 3

#: Words of the domain jieba's dictionary cuts badly; added with a high frequency so they stay whole.
DOMAIN_WORDS = ("纪委", "监委", "纪委监委", "信访", "举报", "匿名", "实名", "查询码", "申诉", "诬告", "错告",
                "澄清", "正名", "打击报复", "越级", "重复件", "不予受理", "受理", "办结", "异议", "补充反映",
                "涉法涉诉", "村支书", "村干部", "低保", "处分", "批评建议", "公职人员", "国企", "公车私用",
                "贿选", "保护伞", "立案监督", "劳动仲裁", "证据", "录音", "截图", "查处", "不满意")  # fmt: skip
#: Words that say nothing of what is asked (particles, pronouns, "how", "what"): left out of the ranking.
_ZH_STOP_WORDS = (
    "的 了 吗 呢 吧 啊 呀 么 嘛 我 你 您 他 她 们 是 在 有 和 就 都 也 还 要 会 能 想 问 请问 一下 这个 那个 这 "
    "那 怎么 什么 如果 可以 可能 应该 一个 自己 ， 。 ？ ！ 、"
)
_EN_STOP_WORDS = (
    "a an the is are was were be been do does did i me my you your we our it its to of in on for and "
    "or if can could would should will how what when where which who whom there this that with as at "
    "by from please"
)
_ZH_STOP = frozenset(_ZH_STOP_WORDS.split())
_EN_STOP = frozenset(_EN_STOP_WORDS.split())
_CJK = re.compile(r"[\u3400-\u9fff]")
_EN_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Found:
    """The answer (``entry``) when one is clearly best; otherwise the ``candidates`` to choose from (may be none)."""

    entry: Entry | None
    candidates: tuple[Entry, ...]
    score: float
    lang: str = "zh"  # the language the question was ranked in ("zh", "en"): the answer is given in it


class KnowledgeSearch:
    def __init__(self, entries: Iterable[Entry], cut: Callable[[str], Iterable[str]] | None = None) -> None:
        self.entries = tuple(entries)
        self._cut = cut or _jieba_cut()
        self._indexes: dict[str, tuple[BM25Okapi, list[int]]] = {}
        for lang in ("zh", "en"):
            docs: list[list[str]] = []
            owners: list[int] = []
            for i, e in enumerate(self.entries):
                for q in e.q_zh if lang == "zh" else e.q_en:
                    docs.append(self._tokens(q, lang))
                    owners.append(i)
            self._indexes[lang] = (BM25Okapi(docs), owners)

    def by_id(self, entry_id: str) -> Entry:
        """The entry of that id (KeyError when there is none: an old button)."""
        for e in self.entries:
            if e.id == entry_id:
                return e
        raise KeyError(entry_id)

    def _tokens(self, text: str, lang: str) -> list[str]:
        low = text.lower()
        if lang == "en":
            return [_stem(w) for w in _EN_WORD.findall(low) if w not in _EN_STOP]
        words = [w.strip() for w in self._cut(low)]
        return [w for w in words if w and w not in _ZH_STOP and not w.isspace()]

    def ask(self, text: str) -> Found:
        lang = "zh" if _CJK.search(text) else "en"
        index, owners = self._indexes[lang]
        tokens = self._tokens(text, lang)
        if not tokens:
            return Found(None, (), 0.0, lang)
        best: dict[int, float] = {}
        for owner, score in zip(owners, index.get_scores(tokens), strict=True):
            if score > best.get(owner, 0.0):
                best[owner] = float(score)
        ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
        if not ranked or ranked[0][1] < FLOOR:
            return Found(None, (), ranked[0][1] if ranked else 0.0, lang)
        top, score = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if score >= CLEAR and score >= LEAD * second:
            return Found(self.entries[top], (), score, lang)
        shown = tuple(self.entries[i] for i, s in ranked[:CANDIDATES] if s >= FLOOR)
        return Found(None, shown, score, lang)

    def ranked(self, text: str, n: int = CANDIDATES) -> list[Entry]:
        """The ``n`` best entries whatever their scores (measurement: top-1, top-3)."""
        lang = "zh" if _CJK.search(text) else "en"
        index, owners = self._indexes[lang]
        best: dict[int, float] = {}
        for owner, score in zip(owners, index.get_scores(self._tokens(text, lang)), strict=True):
            best[owner] = max(best.get(owner, 0.0), float(score))
        return [self.entries[i] for i, _ in sorted(best.items(), key=lambda kv: kv[1], reverse=True)[:n]]


def _stem(word: str) -> str:
    """A light English stem: plural and verb endings, so "reports", "reported", "reporting" meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _jieba_cut() -> Callable[[str], Iterable[str]]:
    import logging

    import jieba

    from core.scope.tokens import CompactTokenizer  # the scope check's compact dictionary (12 MB)

    jieba.setLogLevel(logging.WARNING)
    tokenizer = CompactTokenizer()
    tokenizer.initialize()
    for word in DOMAIN_WORDS:
        tokenizer.add_word(word, freq=20000)
    return tokenizer.cut_for_search
