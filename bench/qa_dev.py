"""How well the knowledge base answers a set of labelled questions (issue 16): the development set by default.

``bench/data/questions_dev.toml`` was written from the list of entry ids and topics alone, before the entries'
phrasings were read; unlike the held-out set (``bench/qa_heldout.py``) it may be looked at while tuning. Prints
top-1 and top-3 (Chinese and English apart), how often a confident answer (``Found.entry``) is right, how the
"none" questions fare, the answer time after warm-up and the build time.

    .venv/bin/python bench/qa_dev.py                      # the dev set
    .venv/bin/python bench/qa_dev.py --misses             # and every question ranked wrongly
    .venv/bin/python bench/qa_dev.py --set other.toml     # any set of the same format
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.knowledge.base import load_entries
from core.knowledge.search import KnowledgeSearch

DEV = Path(__file__).with_name("data") / "questions_dev.toml"


def main(default: Path = DEV, targets: str = "") -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=default, help="a TOML file of [[question]] text, expect, lang")
    parser.add_argument("--misses", action="store_true", help="print the questions ranked or answered wrongly")
    args = parser.parse_args()
    questions = tomllib.loads(args.set.read_text("utf-8"))["question"]
    entries = load_entries()
    started = time.perf_counter()
    search = KnowledgeSearch(entries)
    print(f"knowledge base: {len(search.entries)} entries, built in {time.perf_counter() - started:.2f} s")
    for q in questions[:20]:  # warm-up: first cuts load jieba's caches
        search.ask(q["text"])
    rows: dict[str, list[tuple[bool, bool]]] = {"zh": [], "en": []}
    none_quiet = none_silent = none_all = answered = answered_right = 0
    times: list[float] = []
    misses: list[str] = []
    for q in questions:
        t0 = time.perf_counter()
        found = search.ask(q["text"])
        times.append(time.perf_counter() - t0)
        if q["expect"] == "none":
            none_all += 1
            none_quiet += found.entry is None
            none_silent += found.entry is None and not found.candidates
            if found.entry is not None:
                misses.append(f"  none answered {found.entry.id} ({found.score:.1f}): {q['text']!r}")
            continue
        if found.entry is not None:
            answered += 1
            answered_right += found.entry.id == q["expect"]
            if found.entry.id != q["expect"]:
                misses.append(f"  WRONG ANSWER {found.entry.id} ({found.score:.1f}) for {q['expect']}: {q['text']!r}")
        ids = [e.id for e in search.ranked(q["text"])]
        rows[q["lang"]].append((ids[:1] == [q["expect"]], q["expect"] in ids[:3]))
        if ids[:1] != [q["expect"]]:
            misses.append(f"  {q['text']!r}: expected {q['expect']}, got {ids}")
    for lang, got in [("all", rows["zh"] + rows["en"]), ("zh", rows["zh"]), ("en", rows["en"])]:
        n = len(got) or 1
        print(f"{lang:>3}: {len(got):3d} questions  top-1 {100 * sum(a for a, _ in got) / n:5.1f} %"
              f"  top-3 {100 * sum(b for _, b in got) / n:5.1f} %")  # fmt: skip
    total = len(rows["zh"]) + len(rows["en"])
    print(f"confident answers: {answered}/{total} questions, {answered_right} right "
          f"({100 * answered_right / (answered or 1):.1f} %)")  # fmt: skip
    print(f"none: {none_quiet}/{none_all} given no answer ({none_silent} neither candidates)")
    ms = sorted(t * 1000 for t in times)
    print(f"answer time: p50 {statistics.median(ms):.2f} ms, p90 {ms[int(len(ms) * 0.9)]:.2f} ms (after warm-up)")
    if targets:
        print(targets)
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
