"""How well the knowledge base answers questions it was not written from (issue 16, item 6).

Reads ``bench/data/questions_heldout.toml`` — questions written by someone who had the list of entry ids and
subjects but never saw the entries' own phrasings, labelled with the entry that answers each ("none": nothing
should). That set is never used to tune the entries or the ranking. Prints top-1 and top-3 accuracy (Chinese and
English apart), how the "none" questions fare (no answer given), and the answer time after warm-up.

    .venv/bin/python bench/qa_heldout.py            # figures
    .venv/bin/python bench/qa_heldout.py --misses   # and every question answered wrongly
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

HELDOUT = Path(__file__).with_name("data") / "questions_heldout.toml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print the questions answered wrongly")
    args = parser.parse_args()
    questions = tomllib.loads(HELDOUT.read_text("utf-8"))["question"]
    started = time.perf_counter()
    search = KnowledgeSearch(load_entries())
    print(f"knowledge base: {len(search.entries)} entries, built in {time.perf_counter() - started:.2f} s")
    for q in questions[:20]:  # warm-up: first cuts load jieba's caches
        search.ask(q["text"])
    rows: dict[str, list[tuple[bool, bool]]] = {"zh": [], "en": []}
    none_ok, none_all, times, misses = 0, 0, [], []
    for q in questions:
        t0 = time.perf_counter()
        found = search.ask(q["text"])
        times.append(time.perf_counter() - t0)
        if q["expect"] == "none":
            none_all += 1
            none_ok += found.entry is None and not found.candidates
            continue
        ids = [e.id for e in search.ranked(q["text"])]
        rows[q["lang"]].append((ids[:1] == [q["expect"]], q["expect"] in ids[:3]))
        if ids[:1] != [q["expect"]]:
            misses.append(f"  {q['text']!r}: expected {q['expect']}, got {ids}")
    for lang, got in [("all", rows["zh"] + rows["en"]), ("zh", rows["zh"]), ("en", rows["en"])]:
        n = len(got) or 1
        print(f"{lang:>3}: {len(got):3d} questions  top-1 {100 * sum(a for a, _ in got) / n:5.1f} %"
              f"  top-3 {100 * sum(b for _, b in got) / n:5.1f} %")  # fmt: skip
    print(f"none: {none_ok}/{none_all} given no answer and no candidates")
    ms = sorted(t * 1000 for t in times)
    print(f"answer time: p50 {statistics.median(ms):.2f} ms, p90 {ms[int(len(ms) * 0.9)]:.2f} ms (after warm-up)")
    print("targets (issue 16): top-1 ≥ 85 %, top-3 ≥ 95 %, p50 < 5 ms")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
