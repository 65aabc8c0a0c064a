"""jieba's tokenizer with its prefix dictionary in two flat arrays instead of a dict of 500 k strings.

jieba keeps every word of its dictionary and every prefix of one (498 k entries) as a ``dict`` of ``str`` to
``int``: ~56 MB of a bot process that must stay under 300 MB with 10 k open dialogs (issue 13). The same table as
an open-addressing hash over two arrays takes 12 MB and gives the same cuts; a look-up runs in Python, so a cut is
slower (~1 ms for 200 characters, against 0.4 ms), once per sentence the scope check judges.
"""

from __future__ import annotations

import array
from math import log
from typing import IO

import jieba

SLOTS = 1 << 20  # for the ~500 k entries of jieba's dictionary: under half full, so probes stay short
MAX_LOAD = 0.7  # past it the table doubles (words added beyond the dictionary)


class PrefixDictionary:
    """word → frequency, 0 for a prefix that is no word, used as jieba uses ``Tokenizer.FREQ`` (``in``, ``[]``,
    ``get``, assignment). An entry is known by the word's ``hash()`` (stable for the life of the process that
    builds the table) mixed with its length: CPython hashes a string's bytes as stored, so "BP" and the one
    character U+5042 hash alike. Two entries with the same key would share a slot — for the whole dictionary a
    chance of about 10⁻⁸, and then one cut would differ."""

    def __init__(self, slots: int = SLOTS) -> None:
        if slots & (slots - 1):
            raise ValueError("slots must be a power of two")
        self._mask = slots - 1
        self._keys = array.array("q", bytes(8 * slots))  # 0: an empty slot
        self._freqs = array.array("l", bytes(array.array("l").itemsize * slots))
        self._count = 0

    def _slot(self, word: str) -> tuple[int, int]:
        """(where ``word`` is or would go, its key)."""
        key = (hash(word) ^ len(word)) or 1
        keys, mask = self._keys, self._mask
        i = key & mask
        while (found := keys[i]) != key and found:
            i = (i + 1) & mask
        return i, key

    def frequency(self, word: str) -> int:
        """The word's frequency, 0 for a prefix only, -1 if the dictionary has neither."""
        i, key = self._slot(word)
        return self._freqs[i] if self._keys[i] == key else -1

    def get(self, word: str, default: int | None = None) -> int | None:
        found = self.frequency(word)
        return default if found < 0 else found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.frequency(word) >= 0

    def __getitem__(self, word: str) -> int:
        found = self.frequency(word)
        if found < 0:
            raise KeyError(word)
        return found

    def __setitem__(self, word: str, freq: int) -> None:
        i, key = self._slot(word)
        if not self._keys[i]:
            self._keys[i] = key
            self._count += 1
        self._freqs[i] = freq
        if self._count > MAX_LOAD * (self._mask + 1):
            self._grow()

    def __len__(self) -> int:
        return self._count

    def _grow(self) -> None:
        keys, freqs = self._keys, self._freqs
        size = 2 * (self._mask + 1)
        self._mask = size - 1
        self._keys = array.array("q", bytes(8 * size))
        self._freqs = array.array("l", bytes(freqs.itemsize * size))
        for key, freq in zip(keys, freqs, strict=True):
            if key:
                i = key & self._mask
                while self._keys[i]:
                    i = (i + 1) & self._mask
                self._keys[i], self._freqs[i] = key, freq


class CompactTokenizer(jieba.Tokenizer):
    """jieba's default dictionary loaded into a :class:`PrefixDictionary` (and jieba's own cache file in the temp
    directory neither read nor written)."""

    initialized: bool
    total: int

    def initialize(self, dictionary: str | None = None) -> None:
        if dictionary is not None:
            raise ValueError("the compact tokenizer loads jieba's default dictionary only")
        with self.lock:
            if not self.initialized:
                self.FREQ, self.total = self.gen_pfdict(self.get_dict_file())
                self.initialized = True

    @staticmethod
    def gen_pfdict(f: IO[bytes]) -> tuple[PrefixDictionary, int]:
        """As jieba's: each word with its frequency, each of its prefixes not a word itself with 0."""
        table, total = PrefixDictionary(), 0
        with f:
            for line in f:
                word, freq_text = line.strip().decode("utf-8").split(" ")[:2]
                freq = int(freq_text)
                table[word] = freq
                total += freq
                for end in range(1, len(word)):
                    if table.frequency(word[:end]) < 0:
                        table[word[:end]] = 0
        return table, total

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:
        """jieba's, with one look-up per fragment instead of two."""
        self.check_initialized()
        frequency = self.FREQ.frequency
        dag: dict[int, list[int]] = {}
        n = len(sentence)
        for k in range(n):
            ends = []
            i, frag = k, sentence[k]
            while i < n and (freq := frequency(frag)) >= 0:
                if freq:
                    ends.append(i)
                i += 1
                frag = sentence[k : i + 1]
            dag[k] = ends or [k]
        return dag

    def calc(self, sentence: str, DAG: dict[int, list[int]], route: dict[int, tuple[float, int]]) -> None:
        """jieba's best route through the DAG (a word unknown or only a prefix counts as frequency 1)."""
        n = len(sentence)
        route[n] = (0, 0)
        logtotal = log(self.total)
        frequency = self.FREQ.frequency
        for idx in range(n - 1, -1, -1):
            route[idx] = max(
                (log(max(frequency(sentence[idx : x + 1]), 1)) - logtotal + route[x + 1][0], x) for x in DAG[idx]
            )
