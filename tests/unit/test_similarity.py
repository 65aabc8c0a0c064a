"""The keyed MinHash of a report's facts (core.similarity): alike reports score high, unrelated ones low, and the
stored signature depends on the index key (without it, no word can be tested against it)."""

from __future__ import annotations

import hashlib
import hmac
import struct
from functools import partial

import pytest

from core.scope import classifier
from core.similarity import BANDS, MIN_WORDS, NUM_PERM, SCHEME, SEED, SIMILAR, band_keys, similarity, sketch, words


def keyed(key: bytes, word: str) -> str:
    return hmac.new(key, word.encode(), hashlib.sha256).hexdigest()


KEY = partial(keyed, b"k" * 32)

BRIBE = "西湖区某街道办主任张三利用职务便利，在老旧小区改造工程招标中收受施工方李四现金20万元，并安排亲属承包绿化项目。"
BRIBE_RETOLD = "张三是街道办主任，老旧小区改造工程招标时收了施工老板李四20万元现金，还把绿化项目给了他的亲戚做。"
WELFARE = "某村支书王五侵占低保金，把自己亲戚列为低保户，村民多次反映没有结果，涉及金额约3万元。"


@pytest.fixture(scope="module")
def cut() -> object:
    return classifier().tokens


def test_words_drop_stop_words_single_characters_and_punctuation() -> None:
    cut = ["张三", "的", "，", "举报", "收受", "收受", "贿赂", "A", "20", "  "]
    assert words(cut) == {"张三", "收受", "贿赂", "20"}


def test_the_same_words_give_the_same_sketch_and_one_key_per_band() -> None:
    a = sketch({"张三", "收受", "贿赂", "工程", "招标"}, KEY)
    b = sketch({"招标", "工程", "贿赂", "收受", "张三"}, KEY)
    assert a is not None and a == b
    assert len(a.signature) == 4 * NUM_PERM and len(a.bands) == BANDS == len(set(a.bands))
    assert band_keys(a.signature) == a.bands
    assert similarity(a.signature, b.signature) == 1.0


def test_too_few_words_make_no_sketch() -> None:
    assert sketch({f"词{i}" for i in range(MIN_WORDS - 1)}, KEY) is None


def test_a_retold_report_is_similar_and_an_unrelated_one_is_not(cut) -> None:  # type: ignore[no-untyped-def]
    a, b, c = (sketch(words(cut(t)), KEY) for t in (BRIBE, BRIBE_RETOLD, WELFARE))
    assert a is not None and b is not None and c is not None
    assert similarity(a.signature, b.signature) >= SIMILAR
    assert similarity(a.signature, c.signature) < 0.1
    assert set(a.bands) & set(b.bands), "alike reports share an LSH band: the look-up finds them"
    assert not set(a.bands) & set(c.bands)


def test_the_estimate_follows_the_jaccard_index() -> None:
    base = {f"词{i}" for i in range(100)}
    half = {f"词{i}" for i in range(50, 150)}  # Jaccard 50 / 150 = 0.33
    a, b = sketch(base, KEY), sketch(half, KEY)
    assert a is not None and b is not None
    assert abs(similarity(a.signature, b.signature) - 1 / 3) < 0.12


def test_the_signature_depends_on_the_index_key() -> None:
    """Without the key a signature value cannot be matched to a word: an unkeyed MinHash could be (hash each word
    of a dictionary, see which gives the minimum); here another key gives unrelated values."""
    text = {"张三", "收受", "贿赂", "工程", "招标", "绿化"}
    mine, other = sketch(text, KEY), sketch(text, partial(keyed, b"x" * 32))
    assert mine is not None and other is not None
    assert similarity(mine.signature, other.signature) < 0.2
    # the attacker's try: datasketch's own (unkeyed) hash of the very words, same permutations
    from datasketch.minhash import MinHash

    guess = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    guess.update_batch([w.encode() for w in sorted(text)])
    guessed = struct.pack(f">{NUM_PERM}I", *(int(v) for v in guess.hashvalues))
    assert similarity(mine.signature, guessed) < 0.2


def test_signatures_of_different_lengths_compare_as_unrelated() -> None:
    a = sketch({"张三", "收受", "贿赂", "工程"}, KEY)
    assert a is not None
    assert similarity(a.signature, b"") == 0.0
