"""Typed answers in the filing dialog: normalised when possible, refused with the message that explains why."""

from __future__ import annotations

import pytest

from bot.dialogs import validators as v
from bot.dialogs.engine import Conversation
from bot.dialogs.steps import Invalid

C = Conversation("zh-CN")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("浙江省杭州市临安区", "浙江省/杭州市/临安区"),
        ("浙江省 杭州市 西湖区", "浙江省/杭州市/西湖区"),
        ("浙江省、杭州市、西湖区", "浙江省/杭州市/西湖区"),
        ("北京市朝阳区", "北京市/朝阳区"),
        ("新疆维吾尔自治区伊犁哈萨克自治州伊宁市", "新疆维吾尔自治区/伊犁哈萨克自治州/伊宁市"),
        ("浙江省/杭州市/临安区/", "浙江省/杭州市/临安区"),
    ],
)
def test_regions_are_split_into_levels(typed: str, stored: str) -> None:
    assert v.region(typed, C) == stored


@pytest.mark.parametrize(
    ("validator", "typed", "key"),
    [
        (v.reporter_name, "😀😀", "invalid.empty"),
        (v.reporter_name, "李", "invalid.too_short"),
        (v.reporter_name, "李" * 21, "invalid.too_long"),
        (v.phone, "12345", "invalid.phone"),
        (v.id_number, "110101199003077777", "invalid.id_number"),
        (v.facts, "🙏🙏", "invalid.facts_empty"),
        (v.facts, "字" * 4001, "invalid.facts_too_long"),
        (v.password, "short", "invalid.password_short"),
        (v.query_code, "ABC", "invalid.query_code"),
    ],
)
def test_refusals_name_their_message(validator: object, typed: str, key: str) -> None:
    with pytest.raises(Invalid) as info:
        validator(typed, C)  # type: ignore[operator]
    assert info.value.key == key


def test_accepted_values_are_normalised() -> None:
    assert v.phone("+86 138-0013-8000".replace("-", ""), C) == "13800138000"
    assert v.phone("0571-88886666", C) == "0571-88886666"
    assert v.reporter_name("  刘   举报 ", C) == "刘 举报"
    assert v.query_code("abcde fghjk-mnpqr stuvw", C) == "ABCDEFGHJKMNPQRSTUVW"
    mismatch = Conversation("zh-CN", answers={"password": "one-password"})
    with pytest.raises(Invalid) as info:
        v.password_repeat("another-password", mismatch)
    assert info.value.goto == "pw1"  # set afresh: the first entry may have been the typo
