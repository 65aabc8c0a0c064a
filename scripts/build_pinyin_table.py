"""Developer tool: write core/scope/pinyin_words.json.gz, the table core/scope/pinyin.py reads a message typed in
toneless pinyin with (issue 16: "cun li de shui ku kui di le", "xiao hai bei suo zai che li le" — typed for want
of an input method, by the very people the urgent check must not miss).

    .venv/bin/pip install pypinyin   # a dev tool: building only, the product reads the table without it
    .venv/bin/python scripts/build_pinyin_table.py

Words: jieba's dictionary (words of up to four characters used at least ``MIN_FREQ`` times) and the words of the
lines the urgent model is trained on (scripts/train_urgent_model.py, segmented by jieba: how people write to the
commission, "吐血" rather than "图学"), each half of a word's probability. Each word is read by pypinyin in its
phrase-aware reading and keyed by its toneless syllables; a key keeps its ``CANDIDATES`` likeliest words. Word
pairs seen at least twice in those lines give the next word's probability after a word ("锁 在" over "所在").
"""

from __future__ import annotations

import gzip
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import jieba
from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from train_urgent_model import TRAIN, TRAIN_DIR  # noqa: E402

OUT = ROOT / "core" / "scope" / "pinyin_words.json.gz"
MIN_FREQ = 20  # rarer words make sentences of rare words: a syllable each is the better guess
MAX_LEN = 4
CANDIDATES = 3
MIN_PAIR = 2


def han(word: str) -> bool:
    return bool(word) and len(word) <= MAX_LEN and all("\u4e00" <= ch <= "\u9fff" for ch in word)


def main() -> int:
    jieba.setLogLevel(60)
    general: Counter[str] = Counter()
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq, _ = line.split(" ")
        if han(word) and (int(freq) >= MIN_FREQ or len(word) == 1):
            general[word] = int(freq)
    names = [*TRAIN, *(str(p.relative_to(ROOT)) for p in sorted((ROOT / TRAIN_DIR).glob("*.jsonl")))]
    domain: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for name in names:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if not line:
                continue
            words = [w for w in jieba.lcut(json.loads(line)["text"]) if w.strip()]
            domain.update(w for w in words if han(w))
            pairs.update((a, b) for a, b in itertools.pairwise(words) if han(a) and han(b))
    g_total, d_total = sum(general.values()), sum(domain.values())
    prob = {w: 0.5 * general[w] / g_total + 0.5 * domain[w] / d_total for w in set(general) | set(domain)}
    by_key: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for word, p in prob.items():
        syllables = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
        if len(syllables) != len(word) or not all(s.isascii() and s.isalpha() for s in syllables):
            continue
        by_key[" ".join(syllables)].append((p, word))
    words = {key: [[w, round(p, 12)] for p, w in sorted(c, reverse=True)[:CANDIDATES]] for key, c in by_key.items()}
    kept = {w for c in words.values() for w, _ in c}
    follow = {f"{a} {b}": round(n / domain[a], 5) for (a, b), n in pairs.items()
              if n >= MIN_PAIR and a in kept and b in kept}  # fmt: skip
    data = {"words": dict(sorted(words.items())), "pairs": dict(sorted(follow.items()))}
    OUT.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), mtime=0))
    print(f"{OUT.relative_to(ROOT)}: {len(words)} keys, {len(follow)} pairs, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
