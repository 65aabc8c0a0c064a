"""A typed answer to "is anyone in danger?" (bot.dialogs.scope_steps): yes or no alone, with a particle, or followed
by more words in the same breath; a sentence that merely starts with the same character is neither."""

from __future__ import annotations

import pytest

from bot.dialogs.scope_steps import says_no, says_yes

YES = [
    "是",
    "是的",
    "是啊，就在桥上",
    "是的 在城东那个工地",
    "有人",
    "救命啊",
    "快来",
    "Yes!",
    "yes, at the bridge",
    "help",
]


@pytest.mark.parametrize("text", YES)
def test_yes(text: str) -> None:
    assert says_yes(text) and not says_no(text)


@pytest.mark.parametrize("text", ["没有", "没有啦", "不是的", "不用", "no", "nope", "没有，不紧急"])
def test_no(text: str) -> None:
    assert says_no(text) and not says_yes(text)


@pytest.mark.parametrize(
    "text", ["有个孩子掉进河里了", "没有人管这事", "不知道", "是不是要写名字", "yesterday", "nobody came"]
)
def test_neither(text: str) -> None:
    assert not says_yes(text) and not says_no(text)
