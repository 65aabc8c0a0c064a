"""The learned urgent backstop (issue 16, rules.md §8): a message the word families miss is still urgent when a
model of how danger is written says so.

The word families reach 100 % of the development sets and about 75 % of a set written apart from them: every
fresh set of wordings names a quarter of its dangers in words no family has. Character n-grams learn the
texture of those messages instead (what is happening, to whom, how soon), so this check runs after the rules
and only adds urgency, never takes it away: a false alarm costs a line of emergency numbers, a miss a life.

The weights were trained by ``scripts/train_urgent_model.py`` (scikit-learn, a developer tool) on the
development sets only; here they are applied as scikit-learn computes them — character 1–4-grams inside
whitespace-separated words padded with a space, sublinear TF-IDF, L2 norm, logistic — in a few lines of Python
(about 0.1 ms a message), so the product needs no learning library at run time.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from pathlib import Path

from core.scope.char_grams import char_wb_grams, tfidf

MODEL = Path(__file__).with_name("urgent_model.json.gz")
#: Too little said for the model to judge: fewer than 8 Chinese characters, English words counting two. On a
#: few words nothing weighs against a gram common in danger ("今天几号了" read 0.997 for its 今天); the rules still
#: judge short messages ("救命", "他要杀我").
MIN_CONTENT = 8
#: Below this the model reads a message as ordinary, and a danger only the rules' backstop net names (a harm word
#: or scene), in a Chinese message that tells a matter of its own, is asked about rather than alerted
#: (core.scope.classify). Blind sets 42–49 with a model trained without them: of 509 dangers the net alerted, one was
#: read below 0.2 (a farewell told with a report, "等天黑我就去大桥 走之前想把…说清楚": asked now); of 42 ordinary lines
#: it alerted, 11 ("麦子眼看要旱死了" 0.13, "血压都要爆了" 0.10).
DOUBTED = 0.2
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)


def content(text: str) -> int:
    """How much a message says, in Chinese characters (an English word counts two)."""
    return len(_HAN.findall(text)) + 2 * len(_WORD.findall(text))


class LearnedUrgent:
    """Loaded once with the classifier (~55,000 grams: scripts/train_urgent_model.py prints the count)."""

    def __init__(self, path: Path = MODEL) -> None:
        data = json.loads(gzip.decompress(path.read_bytes()))
        self.low, self.high = data["ngrams"]
        self.intercept: float = data["intercept"]
        self.threshold: float = data["threshold"]
        self.idf: dict[str, float] = {g: idf for g, (idf, _) in data["weights"].items()}
        self.weights: dict[str, float] = {g: w for g, (_, w) in data["weights"].items()}
        self.sample: list[tuple[str, float]] = [(t, p) for t, p in data["sample"]]

    def grams(self, text: str) -> list[str]:
        return char_wb_grams(text, self.low, self.high)

    def probability(self, text: str) -> float:
        score = self.intercept + sum(v * self.weights[g] for g, v in tfidf(self.grams(text), self.idf).items())
        return 1 / (1 + math.exp(-score))

    def urgent(self, text: str) -> bool:
        return content(text) >= MIN_CONTENT and self.probability(text) >= self.threshold

    def doubts(self, text: str) -> bool:
        """Enough said to judge, and read as ordinary (``DOUBTED``)."""
        return content(text) >= MIN_CONTENT and self.probability(text) < DOUBTED
