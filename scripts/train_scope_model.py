"""Developer tool: train the learned scope fallback (issue 16) and write core/scope/scope_model.json.gz.

    .venv/bin/pip install scikit-learn   # a dev tool: training only, the product reads the weights without it
    .venv/bin/python scripts/train_scope_model.py [--check]

The model of core/scope/scope_learned.py: accept (with the kind), refer (with the body) or unclear, where the rules
have no better claim. Classes ``accept:<kind>``, ``refer:<body>``, ``unclear``; character 1–4-grams within words,
sublinear TF-IDF, multinomial logistic regression. Trained on every labelled line that is not urgent: the
development sets, the blind sets already measured and the lines written for training (bench/data/train/); never on
a blind set still unread. ``--check`` first leaves each training writer's lines out in turn and prints the
classifier's figures on them, with the model trained without them and with the rules alone.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collections.abc import Callable  # noqa: E402

from core.scope.classify import ScopeDecision, classifier, normalise  # noqa: E402
from core.scope.scope_learned import KINDS  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from train_urgent_model import TRAIN as SETS  # noqa: E402  one list of measured sets for both models

TRAIN_DIR = ROOT / "bench" / "data" / "train"  # written for training: <writer>_scope.jsonl, <writer>_urgent.jsonl
OUT = ROOT / "core" / "scope" / "scope_model.json.gz"
NGRAMS = (1, 4)
MIN_DF = 2
C = 8.0
_LABELS = {kind: label for label, kind in KINDS.items()}


def label(row: dict[str, str]) -> str:
    if row["verdict"] == "accept":
        return f"accept:{row['kind']}"
    if row["verdict"] == "refer":
        return f"refer:{row['refer_to']}"
    return "unclear"


def decided(d: ScopeDecision) -> str:
    if d.kind is not None and d.verdict.value == "accept":
        return f"accept:{_LABELS[d.kind]}"
    if d.refer_to is not None:
        return f"refer:{d.refer_to.value}"
    return d.verdict.value


def pipeline() -> Pipeline:
    return make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, sublinear_tf=True, min_df=MIN_DF, lowercase=True),
        LogisticRegression(C=C, max_iter=5000),
    )


def files() -> list[Path]:
    return [*(ROOT / s for s in SETS), *sorted(TRAIN_DIR.glob("*.jsonl"))]


def rows_of(paths: list[Path]) -> list[dict[str, str]]:
    """The labelled lines that are not urgent (danger is the urgent check's, not this model's)."""
    rows = [json.loads(line) for p in paths for line in p.read_text().splitlines() if line.strip()]
    return [r for r in rows if r["verdict"] != "urgent"]


def fit(rows: list[dict[str, str]], paths: list[Path]) -> dict[str, Any]:
    texts = [r["text"] for r in rows]
    model = pipeline().fit(texts, [label(r) for r in rows])
    vec, clf = model[0], model[1]
    grams = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)  # column order
    coef = np.ascontiguousarray(clf.coef_.T, dtype="<f4")  # a row per gram
    sample = texts[:: max(1, len(texts) // 20)]  # what the product must reproduce (tests/unit/test_scope_learned.py)
    return {"ngrams": list(NGRAMS), "classes": [str(c) for c in clf.classes_],
            "intercepts": [round(float(b), 6) for b in clf.intercept_],
            "trained_on": [str(p.relative_to(ROOT)) for p in paths], "lines": len(texts), "grams": grams,
            "idf": _packed(vec.idf_), "coef": _packed(coef),
            "sample": [[t, [round(float(p), 4) for p in ps]]
                       for t, ps in zip(sample, model.predict_proba(sample), strict=True)]}  # fmt: skip


def _packed(values: np.ndarray) -> str:
    return base64.b64encode(np.asarray(values, dtype="<f4").tobytes()).decode()


def figures(decide: Callable[[str], ScopeDecision], rows: list[dict[str, str]]) -> str:
    got = [decided(decide(r["text"])) for r in rows]
    verdict = sum(g.split(":")[0] == r["verdict"] for g, r in zip(got, rows, strict=True)) / len(rows)
    full = sum(g == label(r) for g, r in zip(got, rows, strict=True)) / len(rows)
    in_scope = [g for g, r in zip(got, rows, strict=True) if r["verdict"] == "accept"]
    away = sum(g.startswith("refer") for g in in_scope)
    return f"verdicts {verdict:.1%}, with kind and body {full:.1%}, in scope sent away {away}/{len(in_scope)}"


def check() -> None:
    """Each writer's training files left out in turn: the classifier with a model trained without them, on them."""
    rules = classifier()
    writers = sorted({p.name.split("_")[0] for p in TRAIN_DIR.glob("*.jsonl")})
    for writer in writers:
        held = [p for p in files() if p.parent == TRAIN_DIR and p.name.startswith(f"{writer}_")]
        kept = [p for p in files() if p not in held]
        test = rows_of(held)
        rules._learned_scope.load(fit(rows_of(kept), kept))
        print(f"{writer} ({len(test)} lines), with a model trained without them: {figures(rules.classify, test)}")
        print(f"{writer}, the rules alone: {figures(lambda t: rules._verdict(normalise(t)), test)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="each training writer left out in turn: figures")
    args = parser.parse_args(argv)
    if args.check:
        check()
    paths = files()
    data = fit(rows_of(paths), paths)
    OUT.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False, sort_keys=True).encode(), mtime=0))
    print(f"{OUT.relative_to(ROOT)}: {data['lines']} lines, {len(data['grams'])} grams, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
