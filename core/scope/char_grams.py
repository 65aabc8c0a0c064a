"""Character n-grams as scikit-learn's ``char_wb`` analyser makes them, and sublinear TF-IDF with an L2 norm: the
features of both learned checks (core.scope.urgent_learned, core.scope.scope_learned), computed in plain Python so
the product needs no learning library at run time (the weights come from scripts/train_*_model.py)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping

_SPACES = re.compile(r"\s\s+")


def char_wb_grams(text: str, low: int, high: int) -> list[str]:
    """scikit-learn's ``char_wb`` analyser, lower case: n-grams inside whitespace-separated words padded with a
    space (a Chinese run without spaces is one word)."""
    out = []
    for word in _SPACES.sub(" ", text.lower()).split():
        w = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            out.append(w[:n])
            while offset + n < len(w):
                offset += 1
                out.append(w[offset : offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return out


def tfidf(grams: list[str], idf: Mapping[str, float]) -> dict[str, float]:
    """Sublinear term frequency times idf, L2-normalised, over the grams the model knows."""
    counts = Counter(g for g in grams if g in idf)
    values = {g: (1 + math.log(n)) * idf[g] for g, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {g: v / norm for g, v in values.items()}
