"""Scope classifier report: accuracy on a labelled set, in-scope reports wrongly referred, urgent recall,
latency per message after warm-up, and jieba's start-up cost.

    .venv/bin/python bench/scope_report.py [tests/data/scope_labelled.jsonl] [--errors]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.scope import KIND_LABELS, ScopeClassifier, Verdict  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default=str(ROOT / "tests" / "data" / "scope_labelled.jsonl"))
    parser.add_argument("--errors", action="store_true", help="list every misclassified example")
    args = parser.parse_args()
    rows = [json.loads(line) for line in Path(args.path).read_text(encoding="utf-8").splitlines() if line.strip()]

    started = time.perf_counter()
    clf = ScopeClassifier()
    clf.classify("预热")  # the first cut loads jieba's dictionary
    startup = time.perf_counter() - started
    for row in rows[:50]:
        clf.classify(row["text"])

    timings: list[float] = []
    confusion: Counter[tuple[str, str]] = Counter()
    errors: list[str] = []
    kind_ok = kind_n = refer_ok = refer_n = 0
    for row in rows:
        t0 = time.perf_counter()
        d = clf.classify(row["text"])
        timings.append(time.perf_counter() - t0)
        confusion[(row["verdict"], d.verdict.value)] += 1
        kind = KIND_LABELS.get(d.kind) if d.kind else None
        if row["verdict"] == "accept" and d.verdict is Verdict.ACCEPT:
            kind_n += 1
            kind_ok += kind == row["kind"]
        if row["verdict"] == "refer" and d.verdict is Verdict.REFER:
            refer_n += 1
            refer_ok += (d.refer_to.value if d.refer_to else None) == row["refer_to"]
        if d.verdict.value != row["verdict"] or (
            row["verdict"] == "refer" and d.refer_to and d.refer_to.value != row["refer_to"]
        ):
            errors.append(
                f"{row['id']}: want {row['verdict']}/{row.get('refer_to') or row.get('kind')} "
                f"got {d.verdict.value}/{d.refer_to or kind} ({d.reason}) | {row['text'][:70]}"
            )

    n = len(rows)
    correct = sum(v for (gold, got), v in confusion.items() if gold == got)
    gold_accept = sum(v for (gold, _), v in confusion.items() if gold == "accept")
    wrongly_referred = confusion[("accept", "refer")]
    gold_urgent = sum(v for (gold, _), v in confusion.items() if gold == "urgent")
    ms = sorted(t * 1000 for t in timings)
    print(f"examples                       {n}")
    print(f"verdict accuracy               {correct / n:.1%} ({correct}/{n})")
    print(
        f"in-scope wrongly referred      {wrongly_referred / max(gold_accept, 1):.1%} "
        f"({wrongly_referred}/{gold_accept})"
    )
    print(
        f"urgent recall                  {confusion[('urgent', 'urgent')] / max(gold_urgent, 1):.1%} "
        f"({confusion[('urgent', 'urgent')]}/{gold_urgent})"
    )
    print(f"kind accuracy (accepted)       {kind_ok / max(kind_n, 1):.1%} ({kind_ok}/{kind_n})")
    print(f"referral body accuracy         {refer_ok / max(refer_n, 1):.1%} ({refer_ok}/{refer_n})")
    print(
        f"latency per message, warm      median {statistics.median(ms):.3f} ms, p95 {ms[int(len(ms) * 0.95)]:.3f} ms, "
        f"max {ms[-1]:.3f} ms"
    )
    print(f"start-up (jieba dictionary)    {startup * 1000:.0f} ms")
    print("confusion (gold → predicted):")
    labels = [v.value for v in Verdict]
    print("            " + "".join(f"{label:>9}" for label in labels))
    for gold in labels:
        print(f"  {gold:9} " + "".join(f"{confusion[(gold, got)]:9d}" for got in labels))
    if args.errors:
        print("\n".join(["misclassified:", *errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
