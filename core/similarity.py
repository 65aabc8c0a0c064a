"""Similar facts without keeping the facts readable: a keyed MinHash sketch of a report's words (issue 17, item 5).

Facts are stored encrypted (core.persistence.orm), so "is this report like an earlier one" cannot be asked of the
database by text. It is answered at filing, while the plaintext is in hand: the facts are cut into words (jieba,
the scope check's tokenizer), each word is turned into a **keyed** hash (the vault's HMAC index key, the same key
as every blind index), and datasketch's MinHash keeps, per permutation, the smallest of those hashes. What is
stored is that signature and its LSH band keys (hashes of slices of it).

Why that is acceptable to store next to the ciphertext (rules.md §4.1, R-47 "no widening of who knows"):

- without the index key, a signature value is the minimum of HMAC outputs: it cannot be tested against a
  dictionary of words (an unkeyed MinHash could: hash every word, see which one is the minimum), so it reveals no
  word of the report, only how alike two reports are — which is what officers are shown anyway, as a score;
- the band keys are hashes of the signature, so they reveal less than it;
- the retention purge deletes both with the facts (core.services.retention).

Similarity is the Jaccard index of the two word sets, estimated from 128 permutations; 42 bands of 3 rows (126 of
the values) make reports share a band key with high probability (Jaccard 0.4: 94 %, 0.5: 99.6 %, 0.6: 99.99 %), so
candidates are found by an indexed look-up of 42 keys instead of a scan (:func:`band_keys`). 32 bands of 4 rows
(until migration 0024) missed one retold report in eight at Jaccard 0.5; 64 of 2 rows would miss almost none but
make unrelated reports share keys 25 times as often (J² against J⁴; J³ is 6 times), a look-up reading thousands of
bucket rows at 100 k cases (bench/repeats.py).
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datasketch.minhash import MinHash

NUM_PERM = 128
BANDS = 42
ROWS = NUM_PERM // BANDS  # 3: the last two values are in the signature, in no band
SEED = 17  # fixed: signatures stored at filing are compared with ones made years later
SCHEME = "affine32"  # datasketch ≥ 2.0: a bijective permutation (no collision bias on long texts), 32-bit values
MIN_WORDS = 4  # fewer distinct words than this say too little to call two reports alike
SIMILAR = 0.35  # the estimated Jaccard index from which reports are shown as having similar facts

#: Words that occur in almost every report and say nothing about which matter it is (besides the usual stop
#: words): without them, two unrelated reports about a 书记 would look alike.
_STOP = (
    "的 了 吗 呢 吧 啊 呀 么 嘛 哦 我 你 您 他 她 它 我们 你们 他们 她们 是 在 有 和 与 及 就 都 也 还 要 会 能 想 "
    "这个 那个 这 那 这种 那种 这样 那样 怎么 什么 如果 可以 可能 应该 一个 自己 现在 已经 就是 但是 因为 所以 "
    "然后 还是 或者 的话 时候 个 把 被 给 让 对 跟 向 从 来 到 说 做 过 着 又 很 太 非常 一直 一些 之前 以后 "
    "举报 反映 问题 情况 存在 希望 要求 请求 领导 组织 调查 处理 查处 严肃 相关 有关 进行 其 该 其中 等 "
    "本人 实名 匿名 纪委 监委 纪委监委"
)
STOP_WORDS = frozenset(_STOP.split())
_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)


@dataclass(frozen=True)
class Sketch:
    """A report's keyed MinHash signature and its LSH band keys (what is stored; never the words)."""

    signature: bytes  # NUM_PERM big-endian uint32
    bands: tuple[str, ...]  # BANDS hex keys, each naming its band


def words(tokens: Iterable[str]) -> set[str]:
    """The distinct words that say what a report is about: jieba tokens, folded, stop words and punctuation out;
    a single character only when it is a letter or digit run of its own (a name's surname alone says nothing)."""
    out = set()
    for raw in tokens:
        w = raw.strip().casefold()
        if len(w) < 2 or w in STOP_WORDS or not _WORD.search(w):
            continue
        out.add(w)
    return out


def sketch(features: set[str], keyed: Callable[[str], str]) -> Sketch | None:
    """The sketch of a word set; ``keyed`` is the vault's blind index for one purpose (hex HMAC). None when the
    report has too few words to compare."""
    if len(features) < MIN_WORDS:
        return None
    m = _minhash(lambda b: int(keyed(b.decode("utf-8"))[:8], 16))
    m.update_batch([f.encode("utf-8") for f in sorted(features)])
    signature = struct.pack(f">{NUM_PERM}I", *(int(v) for v in m.hashvalues))
    return Sketch(signature, band_keys(signature))


def band_keys(signature: bytes) -> tuple[str, ...]:
    """One key per band of ``ROWS`` values; the band's number is hashed in, so equal slices of different bands
    never share a key. Two reports that share a key are candidates (LSH)."""
    width = 4 * ROWS
    return tuple(
        hashlib.blake2b(bytes([b]) + signature[b * width : (b + 1) * width], digest_size=8).hexdigest()
        for b in range(BANDS)
    )


def similarity(a: bytes, b: bytes) -> float:
    """The Jaccard index of two reports' word sets, estimated from their signatures (share of equal values)."""
    if len(a) != len(b) or not a:
        return 0.0
    va, vb = struct.unpack(f">{NUM_PERM}I", a), struct.unpack(f">{NUM_PERM}I", b)
    return sum(x == y for x, y in zip(va, vb, strict=True)) / NUM_PERM


def _minhash(hashfunc: Callable[[bytes], int]) -> MinHash:
    """datasketch imported on first use: its package import (scipy, for LSH tuning) costs ~2 s of a start."""
    from datasketch.minhash import MinHash

    kwargs: dict[str, Any] = {"num_perm": NUM_PERM, "seed": SEED, "hashfunc": hashfunc, "scheme": SCHEME}
    return MinHash(**kwargs)
