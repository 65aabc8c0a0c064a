"""Okapi BM25 over an inverted index: a question touches only the phrasings that share one of its tokens, so a
long story costs a few hundred look-ups instead of one pass over every phrasing per token (``rank_bm25``'s way)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

K1 = 1.2
B = 0.75


class SparseBM25:
    """BM25 scores of a bag of query tokens against fixed documents; IDF as Lucene's, never negative."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = K1, b: float = B) -> None:
        self.size = len(docs)
        lengths = [len(d) for d in docs]
        average = (sum(lengths) / self.size) if self.size else 1.0
        frequencies: dict[str, list[tuple[int, int]]] = {}
        for i, doc in enumerate(docs):
            for token, tf in Counter(doc).items():
                frequencies.setdefault(token, []).append((i, tf))
        self.unseen_idf = math.log(1 + (self.size + 0.5) / 0.5)  # a token in no document
        self._postings: dict[str, tuple[float, list[tuple[int, float]]]] = {}
        for token, hits in frequencies.items():
            idf = math.log(1 + (self.size - len(hits) + 0.5) / (len(hits) + 0.5))
            weighted = [(i, tf * (k1 + 1) / (tf + k1 * (1 - b + b * (lengths[i] or 1) / (average or 1))))
                        for i, tf in hits]  # fmt: skip
            self._postings[token] = (idf, weighted)

    def scores(self, tokens: Mapping[str, float]) -> dict[int, float]:
        """Document index → score, for the documents sharing a token; ``tokens`` maps each to its weight."""
        out: dict[int, float] = {}
        for token, weight in tokens.items():
            if (posting := self._postings.get(token)) is None:
                continue
            idf, weighted = posting
            for i, w in weighted:
                out[i] = out.get(i, 0.0) + weight * idf * w
        return out

    def idf(self, token: str) -> float:
        posting = self._postings.get(token)
        return posting[0] if posting else 0.0
