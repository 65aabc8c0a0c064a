"""The learned scope verdict (issue 16, rules.md §3): a model of how citizens write decides accept (with the kind),
refer (with the body) or unclear, where the rules have no better claim.

The rules reach 95 % on the sets they were tuned on but 79–82 % on sets written apart from them, and sent 4–7 % of
in-scope reports away there; trained on the same lines, this model reached 86–89 % on each of three sets it had not
seen, with 0–3 of about 185 in-scope reports sent away (bench/README.md). So the rules keep what they do best and
what must not be left to a guess — danger (§8), appeals, clearing a name, objections, questions, bare accusations —
and a referral the model is not at least :data:`REFER_STANDS` sure to contradict; everything else is the model's.

Character 1–4-grams within words, sublinear TF-IDF, multinomial logistic regression: weights from
scripts/train_scope_model.py, applied here in plain Python (no learning library at run time), ~0.1 ms a message.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import sys
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.model import ReferTo, ReportType
from core.scope.char_grams import char_wb_grams, tfidf

MODEL = Path(__file__).with_name("scope_model.json.gz")
#: A referral by the rules stands unless the model is at least this sure of another answer, and the model sends a
#: report the rules accept away only this sure: the rules name the body by its words and were right 90–100 % of the
#: time on fresh sets; the model, when this sure, about as often.
REFER_STANDS = 0.5
#: Below this the model's best guess (of 13 classes) does not replace the rules' answer: "我每天按时吃药，身体好多了"
#: is a report at 0.32. Left-out sets (scripts/train_scope_model.py --check): 0.4 costs under a point of verdicts.
AT_LEAST = 0.4
KINDS = {"检举控告": ReportType.ACCUSATION, "申诉": ReportType.APPEAL, "批评建议": ReportType.SUGGESTION}


@dataclass(frozen=True)
class LearnedVerdict:
    """The model's most likely class: ``kind`` for accept, ``refer_to`` for refer, neither for unclear."""

    label: str
    probability: float
    kind: ReportType | None = None
    refer_to: ReferTo | None = None

    @property
    def verdict(self) -> str:
        return self.label.partition(":")[0]


class LearnedScope:
    """Loaded once with the classifier."""

    def __init__(self, path: Path = MODEL) -> None:
        self.load(json.loads(gzip.decompress(path.read_bytes())))

    def load(self, data: dict[str, Any]) -> None:
        """The weights as the trainer writes them (also how it tries a model before writing it): the grams, and
        their idf and one row of len(classes) weights each as little-endian float32 (in Python lists of floats
        ~40,000 rows would hold ~20 MB; as arrays of doubles ~4 MB)."""
        self.low, self.high = data["ngrams"]
        self.classes: list[str] = data["classes"]
        self.intercepts: list[float] = data["intercepts"]
        grams: list[str] = data["grams"]
        idf, self.weights = _doubles(data["idf"]), _doubles(data["coef"])
        self.row: dict[str, int] = {g: i for i, g in enumerate(grams)}
        self.idf: dict[str, float] = dict(zip(grams, idf, strict=True))
        self.sample: list[tuple[str, list[float]]] = [(t, p) for t, p in data["sample"]]

    def probabilities(self, text: str) -> list[float]:
        """Softmax over the classes, as scikit-learn's multinomial ``predict_proba``."""
        scores = list(self.intercepts)
        n = len(scores)
        for gram, value in tfidf(char_wb_grams(text, self.low, self.high), self.idf).items():
            start = self.row[gram] * n
            for k, w in enumerate(self.weights[start : start + n]):
                scores[k] += value * w
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]

    def best(self, text: str) -> LearnedVerdict:
        probs = self.probabilities(text)
        k = max(range(len(probs)), key=probs.__getitem__)
        label = self.classes[k]
        verdict, _, detail = label.partition(":")
        if verdict == "accept":
            return LearnedVerdict(label, probs[k], kind=KINDS[detail])
        if verdict == "refer":
            return LearnedVerdict(label, probs[k], refer_to=ReferTo(detail))
        return LearnedVerdict(label, probs[k])


def _doubles(packed: str) -> array[float]:
    """Base64 of little-endian float32 → an array of doubles."""
    floats = array("f", base64.b64decode(packed))
    if sys.byteorder != "little":
        floats.byteswap()
    return array("d", floats)
