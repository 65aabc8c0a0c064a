"""How well the knowledge base answers questions it was not written from (issue 16, item 6).

Reads ``bench/data/questions_heldout.toml`` — questions written by someone who had the list of entry ids and
subjects but never saw the entries' own phrasings, labelled with the entry that answers each ("none": nothing
should). That set is never used to tune the entries or the ranking. Prints what ``bench/qa_dev.py`` prints
(top-1 and top-3 by language, confident answers and how many are right, the "none" questions, answer time after
warm-up, build time) and the issue's targets beside them.

    .venv/bin/python bench/qa_heldout.py            # figures
    .venv/bin/python bench/qa_heldout.py --misses   # and every question answered wrongly (not while tuning!)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa_dev import main

HELDOUT = Path(__file__).with_name("data") / "questions_heldout.toml"
TARGETS = "targets (issue 16): top-1 ≥ 85 %, top-3 ≥ 95 %, p50 < 5 ms"

if __name__ == "__main__":
    raise SystemExit(main(HELDOUT, TARGETS))
