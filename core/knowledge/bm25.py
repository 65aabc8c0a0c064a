"""Okapi BM25 (Lucene's variant) by ``bm25s``: its sparse score matrix is built once, and a question is scored
against every document of a field in a few array operations. Query tokens carry weights (the clause that asks
weighs more): tokens of one weight are scored together, the sums weighted."""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Mapping, Sequence

K1 = 1.2
B = 0.75


class SparseBM25:
    """BM25 scores of weighted query tokens against fixed documents; IDF as Lucene's, never negative."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = K1, b: float = B) -> None:
        import bm25s  # with numpy: loaded when the knowledge base is built, not by every CLI command

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # its DEBUG lines would fill the log at every build
        self.size = len(docs)
        self._scale = k1 + 1  # Lucene leaves out the numerator's (k1 + 1): the thresholds were set with it
        self._bm25 = bm25s.BM25(k1=k1, b=b, method="lucene")
        self._bm25.index([list(d) or [""] for d in docs], show_progress=False)
        frequency = Counter(token for doc in docs for token in set(doc))  # for coverage (search.py), not ranking
        self._idf = {t: math.log(1 + (self.size - n + 0.5) / (n + 0.5)) for t, n in frequency.items()}
        self.unseen_idf = math.log(1 + (self.size + 0.5) / 0.5)  # a token in no document

    def scores(self, tokens: Mapping[str, float]) -> dict[int, float]:
        """Document index → score, for the documents sharing a token; ``tokens`` maps each to its weight."""
        by_weight: dict[float, list[str]] = {}
        for token, weight in tokens.items():
            if token in self._idf:  # bm25s refuses a query of tokens it has never seen
                by_weight.setdefault(weight, []).append(token)
        total = None
        for weight, group in by_weight.items():
            part = self._bm25.get_scores(group) * (weight * self._scale)
            total = part if total is None else total + part
        if total is None:
            return {}
        return {int(i): float(total[i]) for i in total.nonzero()[0]}

    def idf(self, token: str) -> float:
        return self._idf.get(token, 0.0)
