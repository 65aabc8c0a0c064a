"""A message typed in toneless pinyin is read as the characters it spells (core/scope/pinyin.py; issue 16, rules.md
§8): its danger alerts officers and its report gets a scope verdict; English is never taken for pinyin."""

from __future__ import annotations

import pytest

from core.scope import Verdict, classifier
from core.scope.pinyin import written

SPELT = [
    ("wo ma he nong yao le", "我妈喝农药了"),
    ("ta men yao chai wo jia fang zi, wo ma hai zai li mian", "他们要拆我家房子，我妈还在里面"),
    ("cun zhi shu tan wu le fu pin kuan", "村支书贪污了扶贫款"),
    ("xiao hai bei suo zai che li le", "小孩被锁在车里了"),
]
DANGERS = [
    "xiao hai bei suo zai che li le, tai yang hen da",
    "wo ba zai jia li tu xue, yi yuan bu kai men",
    "wo bu xiang huo le, xian zai zai lou ding",
]
ENGLISH = [
    "he can ban a man",
    "i am a chinese-american who owns a house in the village",
    "my boss is gonna murder me if i'm late one more time haha",
    "hallo hallo can you hear me",
    "hello, im a small business owner from taiwan running a tea shop",
]


@pytest.mark.parametrize(("typed", "chars"), SPELT)
def test_pinyin_is_read_as_its_characters(typed: str, chars: str) -> None:
    assert written(typed) == chars


@pytest.mark.parametrize("typed", DANGERS)
def test_a_danger_typed_in_pinyin_alerts(typed: str) -> None:
    assert classifier().classify(typed).verdict is Verdict.URGENT, written(typed)


def test_a_report_typed_in_pinyin_is_accepted() -> None:
    decision = classifier().classify("cun zhi shu tan wu le fu pin kuan, ba qian fen gei ta qin qi")
    assert decision.verdict is Verdict.ACCEPT, written("cun zhi shu tan wu le fu pin kuan")


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_left_as_typed(text: str) -> None:
    assert written(text) == text


def test_pinyin_inside_chinese_is_read_and_the_rest_kept() -> None:
    assert written("救命 wo ma he nong yao le 快来") == "救命 我妈喝农药了 快来"
