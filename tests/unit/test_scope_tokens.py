"""The compact tokenizer holds jieba's prefix dictionary in arrays (12 MB instead of ~60, issue 13): it must hold
the same entries and cut every text exactly as jieba's own tokenizer does."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import jieba
import pytest

from core.scope.tokens import CompactTokenizer, PrefixDictionary

DATA = Path(__file__).resolve().parents[1] / "data"
ADDED = ("县委书记", "村支书", "收受贿赂", "低保名额", "乡镇干部")  # as the scope classifier adds its words


def test_words_prefixes_and_absent_words_are_told_apart() -> None:
    table = PrefixDictionary(slots=8)
    table["清风"] = 7
    table["清"] = 0
    assert table.frequency("清风") == 7 and table["清风"] == 7 and "清风" in table
    assert table.frequency("清") == 0 and table.get("清") == 0 and "清" in table
    assert table.frequency("风") == -1 and table.get("风") is None and "风" not in table
    with pytest.raises(KeyError):
        table["风"]
    table["清风"] = 9
    assert table["清风"] == 9 and len(table) == 2


def test_the_table_grows_and_keeps_every_entry() -> None:
    table = PrefixDictionary(slots=8)
    words = [f"词{i}" for i in range(1000)]
    for n, word in enumerate(words):
        table[word] = n
    assert len(table) == 1000 and [table[w] for w in words] == list(range(1000))


def test_strings_stored_alike_are_different_entries() -> None:
    """CPython hashes a string's stored bytes: "BP" (two one-byte characters) and U+5042 (one two-byte character)
    hash alike. Before the length was mixed in, "BP" — only a prefix in jieba's dictionary — read as the word 偂."""
    assert hash("BP") == hash("\u5042")
    table = PrefixDictionary(slots=8)
    table["\u5042"] = 47
    table["BP"] = 0
    assert table["\u5042"] == 47 and table["BP"] == 0


@pytest.fixture(scope="module")
def tokenizers(tmp_path_factory: pytest.TempPathFactory) -> tuple[jieba.Tokenizer, CompactTokenizer]:
    jieba.setLogLevel(logging.WARNING)
    stock = jieba.Tokenizer()
    stock.tmp_dir = str(tmp_path_factory.mktemp("jieba"))  # its cache file, not in the shared temp directory
    compact = CompactTokenizer()
    stock.initialize()
    compact.initialize()
    for word in ADDED:
        stock.add_word(word, freq=20000)
        compact.add_word(word, freq=20000)
    return stock, compact


def test_the_compact_dictionary_holds_jiebas_entries(tokenizers: tuple[jieba.Tokenizer, CompactTokenizer]) -> None:
    stock, compact = tokenizers
    assert len(compact.FREQ) == len(stock.FREQ) and compact.total == stock.total
    differ = [(w, f, compact.FREQ.frequency(w)) for w, f in stock.FREQ.items() if compact.FREQ.frequency(w) != f]
    assert differ == []


def test_every_labelled_text_is_cut_as_jieba_cuts_it(tokenizers: tuple[jieba.Tokenizer, CompactTokenizer]) -> None:
    stock, compact = tokenizers
    texts = [
        json.loads(line)["text"]
        for name in ("scope_labelled.jsonl", "scope_holdout.jsonl")
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    texts.append("BP机和QQ号，4S店的RS-232接口")  # the entries that once read as other words
    assert len(texts) > 300
    for text in texts:
        assert list(compact.tokenize(text)) == list(stock.tokenize(text)), text
        assert compact.lcut(text, HMM=False) == stock.lcut(text, HMM=False), text
