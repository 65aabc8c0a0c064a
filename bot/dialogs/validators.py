"""Validation of typed answers; each failure names the locale message that explains it."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.dialogs.engine import Conversation
from bot.dialogs.ids import Filing
from bot.dialogs.steps import Invalid
from core.errors import InvalidInput
from core.passwords import weakness
from core.reports import (
    ADDRESS_MAX,
    BODY_MAX,
    DECIDED_ON_MAX,
    DECISION_MAX,
    DOC_NUMBER_MAX,
    FACTS_MAX,
    NAME_LEN,
    OTHER_BODIES_MAX,
    PASSWORD_MIN,
    PERSON_NAME_MAX,
    POST_MAX,
    SUBJECT_MAX,
    UNIT_MAX,
    normalise_phone,
    valid_id_number,
)
from core.secrets_ import CODE_LENGTH, normalise_code
from core.specificity import meaningful_length

PASSWORD_MAX = 64


def _plain(text: str) -> str:
    return " ".join(text.split())


def text_between(lo: int, hi: int, *, meaningful: int = 1) -> Callable[[str, Conversation], str]:
    def check(raw: str, c: Conversation) -> str:
        value = _plain(raw)
        if meaningful_length(value) == 0:  # nothing, or only emoji and punctuation
            raise Invalid("invalid.empty")
        if len(value) < lo or meaningful_length(value) < meaningful:
            raise Invalid("invalid.too_short", min=max(lo, meaningful))
        if len(value) > hi:
            raise Invalid("invalid.too_long", max=hi, length=len(value))
        return value

    return check


reporter_name = text_between(NAME_LEN[0], NAME_LEN[1], meaningful=2)
person_name = text_between(1, PERSON_NAME_MAX)
unit = text_between(2, UNIT_MAX, meaningful=2)
post = text_between(1, POST_MAX)
address = text_between(2, ADDRESS_MAX)
other_bodies = text_between(2, OTHER_BODIES_MAX)
short_answer = text_between(1, 500)
# 申诉 and 批评建议 (rules.md §10.1; limits core.reports)
deciding_body = text_between(2, BODY_MAX, meaningful=2)
decided_on = text_between(1, DECIDED_ON_MAX)
decision = text_between(2, DECISION_MAX, meaningful=2)
doc_number = text_between(1, DOC_NUMBER_MAX)
subject = text_between(2, SUBJECT_MAX, meaningful=2)


def phone(raw: str, c: Conversation) -> str:
    try:
        return normalise_phone(raw)
    except InvalidInput as exc:
        raise Invalid("invalid.phone") from exc


def id_number(raw: str, c: Conversation) -> str:
    value = raw.strip().upper()
    if not valid_id_number(value):
        raise Invalid("invalid.id_number")
    return value


def region(raw: str, c: Conversation) -> str:
    return region_path(raw)


def region_path(raw: str) -> str:
    """A region as typed ("浙江省杭州市临安区", "浙江省 > 杭州市、临安区") as a path: "浙江省/杭州市/临安区"."""
    value = _plain(raw).replace(" ", "")
    value = re.sub(r"[、，,>＞\\|－-]+", "/", value)
    if "/" not in value:  # "浙江省杭州市临安区" → "浙江省/杭州市/临安区"
        value = re.sub(r"(省|自治区|特别行政区|自治州(?=.)|地区(?=.)|盟(?=.)|(?<=.{2})市(?=.))", r"\1/", value)
    value = "/".join(p for p in value.split("/") if p)
    if meaningful_length(value) < 2:
        raise Invalid("invalid.region")
    if len(value) > 100:
        raise Invalid("invalid.too_long", max=100, length=len(value))
    return value


def facts(raw: str, c: Conversation) -> str:
    value = raw.strip()
    if meaningful_length(value) < 1:
        raise Invalid("invalid.facts_empty")
    if len(value) > FACTS_MAX:
        raise Invalid("invalid.facts_too_long", max=FACTS_MAX, length=len(value))
    return value


def password(raw: str, c: Conversation) -> str:
    if len(raw) < PASSWORD_MIN:
        raise Invalid("invalid.password_short", min=PASSWORD_MIN)
    if len(raw) > PASSWORD_MAX:
        raise Invalid("invalid.too_long", max=PASSWORD_MAX, length=len(raw))
    weak = weakness(raw)  # five tries of the lock-out are plenty for "12345678" (issue 12)
    if weak is not None:
        raise Invalid(f"invalid.password_{weak.value}")
    return raw


def looks_like_secret(raw: str) -> bool:
    """Whether a message typed when no question asked for it (right after a lock-out was told) may be the password
    or the query code typed again: one line, as long as a password may be. Used only there, so ordinary words
    ("好的", a question on two lines) are answered as usual."""
    value = raw.strip()
    return "\n" not in value and PASSWORD_MIN <= len(value) <= PASSWORD_MAX


def password_repeat(raw: str, c: Conversation) -> str:
    if raw != c.answers.get("password"):
        raise Invalid("invalid.password_mismatch", goto=Filing.PW1)
    return raw


def query_code(raw: str, c: Conversation) -> str:
    value = normalise_code(raw)
    if len(value) != CODE_LENGTH:
        raise Invalid("invalid.query_code")
    return value
