"""Scope classifier report on one or more labelled sets: verdict accuracy, in-scope reports wrongly referred, urgent
recall, urgent false alarms, kind and refer_to accuracy, latency per message after warm-up, jieba's start-up cost.
With several files, each file's figures are printed, then the totals over all of them.

    .venv/bin/python bench/scope_report.py [tests/data/scope_labelled.jsonl] [--errors]
    .venv/bin/python bench/scope_report.py tests/data/scope_labelled.jsonl bench/data/scope_heldout.jsonl \\
        bench/data/urgent_heldout.jsonl [--errors]

Each line: {"id", "text", "verdict": accept|refer|urgent|unclear, "kind" (accept), "refer_to" (refer),
"category" (optional: urgent rows "who/harm/when", near misses "nearmiss/<type>")}.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.scope import KIND_LABELS, ScopeClassifier, Verdict  # noqa: E402

HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Stats:
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    timings: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    kind_ok: int = 0
    kind_n: int = 0
    refer_ok: int = 0
    refer_n: int = 0
    # (dimension, value, hit): urgent rows by who/harm/when/language, hit = classified urgent;
    # non-urgent rows by near-miss category/language, hit = classified urgent (a false alarm)
    urgent_by: Counter[tuple[str, str, bool]] = field(default_factory=Counter)
    alarm_by: Counter[tuple[str, str, bool]] = field(default_factory=Counter)
    # learned-only hits (``possibly_urgent``: the citizen is asked, officers are not pushed): on urgent rows the
    # rules missed, and on non-urgent rows
    asked_urgent: int = 0
    asked_other: int = 0

    def add(self, other: Stats) -> None:
        self.confusion.update(other.confusion)
        self.timings.extend(other.timings)
        self.errors.extend(other.errors)
        self.kind_ok += other.kind_ok
        self.kind_n += other.kind_n
        self.refer_ok += other.refer_ok
        self.refer_n += other.refer_n
        self.urgent_by.update(other.urgent_by)
        self.alarm_by.update(other.alarm_by)
        self.asked_urgent += other.asked_urgent
        self.asked_other += other.asked_other


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(clf: ScopeClassifier, rows: list[dict[str, Any]], label: str) -> Stats:
    s = Stats()
    for row in rows:
        t0 = time.perf_counter()
        d = clf.classify(row["text"])
        s.timings.append(time.perf_counter() - t0)
        got = d.verdict.value
        s.confusion[(row["verdict"], got)] += 1
        if d.possibly_urgent:
            if row["verdict"] == "urgent":
                s.asked_urgent += 1
            else:
                s.asked_other += 1
        kind = KIND_LABELS.get(d.kind) if d.kind else None
        got_refer = d.refer_to.value if d.refer_to else None
        if row["verdict"] == "accept" and d.verdict is Verdict.ACCEPT:
            s.kind_n += 1
            s.kind_ok += kind == row["kind"]
        if row["verdict"] == "refer" and d.verdict is Verdict.REFER:
            s.refer_n += 1
            s.refer_ok += got_refer == row["refer_to"]
        category = row.get("category")
        lang = "en" if not HAN.search(row["text"]) else "zh"
        if row["verdict"] == "urgent":
            dims = list(zip(("who", "harm", "when"), category.split("/"), strict=False)) if category else []
            by = s.urgent_by
        else:
            dims = [("category", category)] if category else []
            by = s.alarm_by
        for dim, value in [*dims, ("language", lang)]:
            by[(dim, value, False)] += 1
            by[(dim, value, True)] += got == "urgent" or d.possibly_urgent  # alerted or asked
        if got != row["verdict"] or (row["verdict"] == "refer" and got_refer and got_refer != row["refer_to"]):
            s.errors.append(
                f"{label}:{row['id']}: want {row['verdict']}/{row.get('refer_to') or row.get('kind')} "
                f"got {got}/{got_refer or kind} ({d.reason}) | {row['text'][:70]}"
            )
    return s


def ratio(num: int, den: int) -> str:
    return f"{num / max(den, 1):.1%} ({num}/{den})"


def report(title: str, s: Stats) -> None:
    c = s.confusion
    n = sum(c.values())
    correct = sum(v for (gold, got), v in c.items() if gold == got)
    gold_accept = sum(v for (gold, _), v in c.items() if gold == "accept")
    gold_refer = sum(v for (gold, _), v in c.items() if gold == "refer")
    gold_urgent = sum(v for (gold, _), v in c.items() if gold == "urgent")
    false_alarms = sum(v for (gold, got), v in c.items() if gold != "urgent" and got == "urgent")
    ms = sorted(t * 1000 for t in s.timings)
    print(f"== {title}")
    print(f"examples                       {n}")
    print(f"verdict accuracy               {ratio(correct, n)}")
    print(f"in-scope wrongly referred      {ratio(c[('accept', 'refer')], gold_accept)}")
    print(f"urgent recall                  {ratio(c[('urgent', 'urgent')], gold_urgent)}")
    print(f"urgent false alarms            {ratio(false_alarms, n - gold_urgent)} of non-urgent rows")
    caught = c[("urgent", "urgent")] + s.asked_urgent
    print(f"urgent recall, alert or asked  {ratio(caught, gold_urgent)} (the rules alert, the learned backstop asks)")
    print(f"asked 'anyone in danger?'      {ratio(s.asked_other, n - gold_urgent)} of non-urgent rows")
    print(f"kind accuracy (accepted)       {ratio(s.kind_ok, s.kind_n)}")
    print(f"refer_to accuracy (referred)   {ratio(s.refer_ok, s.refer_n)}")
    print(f"refer_to right, of gold refer  {ratio(s.refer_ok, gold_refer)}")
    if ms:
        print(
            f"latency per message, warm      median {statistics.median(ms):.3f} ms, "
            f"p95 {ms[min(int(len(ms) * 0.95), len(ms) - 1)]:.3f} ms, max {ms[-1]:.3f} ms"
        )
    print("confusion (gold → predicted):")
    labels = [v.value for v in Verdict]
    print("            " + "".join(f"{label:>9}" for label in labels))
    for gold in labels:
        print(f"  {gold:9} " + "".join(f"{c[(gold, got)]:9d}" for got in labels))
    for name, by in (("urgent recall (alert or asked)", s.urgent_by), ("false alarms (alert or asked)", s.alarm_by)):
        order = ("who", "harm", "when", "category", "language")
        dims = sorted({(dim, value) for dim, value, _ in by}, key=lambda dv: (order.index(dv[0]), dv[1]))
        if any(dim != "language" for dim, _ in dims) or any(value != "zh" for _, value in dims):
            for dim in dict.fromkeys(d for d, _ in dims):
                values = [v for d, v in dims if d == dim]
                print(
                    f"{name} by {dim}: " + ", ".join(f"{v} {by[(dim, v, True)]}/{by[(dim, v, False)]}" for v in values)
                )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "tests" / "data" / "scope_labelled.jsonl")])
    parser.add_argument("--errors", action="store_true", help="list every misclassified example")
    args = parser.parse_args()
    sets = [(Path(p), load(Path(p))) for p in args.paths]

    started = time.perf_counter()
    clf = ScopeClassifier()
    clf.classify("预热")  # the first cut loads jieba's dictionary
    startup = time.perf_counter() - started
    for row in [row for _, rows in sets for row in rows][:50]:
        clf.classify(row["text"])

    total = Stats()
    per_file: list[Stats] = []
    for path, rows in sets:
        s = run(clf, rows, path.stem)
        per_file.append(s)
        report(str(path), s)
        total.add(s)
        print()
    if len(sets) > 1:
        report(f"total over {len(sets)} files", total)
    ordinary = [s for (path, _), s in zip(sets, per_file, strict=True) if not path.name.startswith("urgent_")]
    if ordinary:  # non-urgent rows of the scope sets: ordinary reports, not the near misses written to trip the check
        alarms = sum(
            v for st in ordinary for (gold, got), v in st.confusion.items() if gold != "urgent" and got == "urgent"
        )
        asked = sum(st.asked_other for st in ordinary)
        n_rows = sum(v for st in ordinary for (gold, _), v in st.confusion.items() if gold != "urgent")
        print(
            f"false alarms on ordinary reports {ratio(alarms, n_rows)} alerted, {ratio(asked, n_rows)} asked "
            "(non-urgent rows of files not named urgent_*)"
        )
        print()
    print(f"start-up (jieba dictionary)    {startup * 1000:.0f} ms")
    if args.errors:
        print("\n".join(["misclassified:", *total.errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
