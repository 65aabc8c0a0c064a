"""A message typed in toneless pinyin, read as the characters it spells (issue 16; rules.md §8, XF-25).

People without a Chinese input method at hand — an old phone, a borrowed one, a panic — type pinyin: "cun li de
shui ku kui di le!!! shui guo lai le", "xiao hai bei suo zai che li le". Every rule of the scope and urgent checks
reads characters, so a run of at least ``MIN_RUN`` words that all spell pinyin syllables is put into the most
likely characters, word by word: the syllables are split into dictionary words by the fewest, most frequent words
(a unigram model over jieba's dictionary, ``scripts/build_pinyin_table.py``). English is left alone: it has words
no syllable spells ("the", "is", "to", "you") in nearly every run of four.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("pinyin_words.json.gz")
MIN_RUN = 4  # words in a row that spell pinyin: fewer may be English ("he can ban")
MIN_SYLLABLES = 5
MAX_WORD = 4  # syllables in a dictionary word
FLOOR = 1e-9  # the probability of a syllable no word spells
SINGLE = 0.6  # of the words one syllable each: typed pinyin is mostly spaced by syllable, English seldom
MIN_MARKED = 2
#: Syllables English words seldom are: an initial zh, x, q, j or z; a final uo, ui, iu, ao, ia, ie, ian, ong, uan, ...
_MARKED = re.compile(r"^(zh|x|q|j|z)|(uo|ui|iu|ao|ia|ie|ian|iang|iao|ong|eng|uan|uang|iong|ue|uai)$")
_WORD = re.compile(r"[a-z]+")
_RUN = re.compile(r"[a-z]+(?:[ ,.!?'’;:~-]+[a-z]+)*")


class Pinyin:
    """The table, loaded once; ``written`` costs nothing for a text with no run of pinyin words."""

    def __init__(self, path: Path = TABLE) -> None:
        data = json.loads(gzip.decompress(path.read_bytes()))
        self._words: dict[str, list[tuple[str, float]]] = {
            key: [(word, p) for word, p in candidates] for key, candidates in data["words"].items()
        }
        self._pairs: dict[str, float] = data["pairs"]
        # no syllable without a vowel ("m", "ng"): "am" would spell 啊呣
        self._syllables = frozenset(key for key in self._words if " " not in key and re.search("[aeiouv]", key))

    def written(self, norm: str) -> str:
        """``norm`` (lower case, see ``classify.normalise``) with each run of pinyin words put in characters."""
        if not _WORD.search(norm):
            return norm
        return _RUN.sub(self._run, norm)

    def _run(self, m: re.Match[str]) -> str:
        """A run of Latin words: each stretch of at least ``MIN_RUN`` pinyin words in it put in characters."""
        text = m.group()
        words = list(_WORD.finditer(text))
        groups: list[list[re.Match[str]]] = [[]]
        for w in words:
            if self._split(w.group()) is None:
                groups.append([])
            else:
                groups[-1].append(w)
        out, at = [], 0
        for group in groups:
            split = [self._split(w.group()) or () for w in group]
            single = sum(len(parts) == 1 for parts in split)
            marked = sum(bool(_MARKED.search(s)) for parts in split for s in parts)
            if len(group) < MIN_RUN or sum(map(len, split)) < MIN_SYLLABLES or single < SINGLE * len(group):
                continue
            if marked < MIN_MARKED:  # "he can ban a man" spells syllables too, none that English seldom has
                continue
            a, b = group[0].start(), group[-1].end()
            out += [text[at:a], self._stretch(text[a:b])]
            at = b
        return "".join([*out, text[at:]])

    def _stretch(self, text: str) -> str:
        """Pinyin words with the punctuation between them: each stretch between two marks read on its own."""
        out, start = [], 0
        for p in re.finditer(r"[,.!?;:~]+", text):
            out += [self._chars(text[start : p.start()]), "，" if "," in p.group() else "。"]
            start = p.end()
        return "".join([*out, self._chars(text[start:])])

    @cache  # noqa: B019 - one table per process; the words typed repeat
    def _split(self, word: str) -> tuple[str, ...] | None:
        """The syllables a typed word spells ("zhengfu" → zheng fu), fewest first; None if it spells none."""
        if word in self._syllables:
            return (word,)
        best: tuple[str, ...] | None = None
        for i in range(min(6, len(word) - 1), 0, -1):
            rest = self._split(word[i:]) if word[:i] in self._syllables else None
            if rest is not None and (best is None or 1 + len(rest) < len(best)):
                best = (word[:i], *rest)
        return best

    def _chars(self, stretch: str) -> str:
        """The likeliest words for the syllables: each word's probability, or after a word the one seen following
        it in people's messages, mixed half and half (Viterbi over the last word)."""
        syllables = [s for w in _WORD.findall(stretch) for s in self._split(w) or ()]
        n = len(syllables)
        # best[end][word] = (log probability, start, previous word): words ending after syllable ``end``
        best: list[dict[str, tuple[float, int, str]]] = [{"": (0.0, 0, "")}] + [{} for _ in range(n)]
        for end in range(1, n + 1):
            for length in range(1, min(MAX_WORD, end) + 1):
                start = end - length
                candidates = self._words.get(" ".join(syllables[start:end]), [])
                if not candidates and length == 1:
                    candidates = [(syllables[start], FLOOR)]  # spelt by no word: left as typed
                for word, p in candidates:
                    for prev, (score, _, _) in best[start].items():
                        after = self._pairs.get(f"{prev} {word}")
                        total = score + math.log(0.5 * after + 0.5 * p if after else p)
                        if word not in best[end] or total > best[end][word][0]:
                            best[end][word] = (total, start, prev)
        if not best[n]:
            return stretch
        out, end, word = [], n, max(best[n], key=lambda w: best[n][w][0])
        while end > 0:
            _, start, prev = best[end][word]
            out.append(word)
            end, word = start, prev
        return "".join(reversed(out))


@cache
def pinyin() -> Pinyin:
    return Pinyin()


_FOUR_WORDS = re.compile(r"[a-z]+(?:[^a-z\u4e00-\u9fff]+[a-z]+){" + str(MIN_RUN - 1) + "}")


def written(norm: str) -> str:
    """``Pinyin.written`` with the table loaded only when the text has four Latin words in a row."""
    return pinyin().written(norm) if _FOUR_WORDS.search(norm) else norm
