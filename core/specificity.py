"""Is an account specific enough to act on? (rules.md §3.2 item 3 and §6 主要问题: when, where, who, what,
how known, amount.) A vague report is not refused: the dialog asks about what is missing."""

from __future__ import annotations

import re
from enum import StrEnum

from core.model import Category
from core.reports import FACTS_SPECIFIC


class Element(StrEnum):
    WHEN = "when"
    WHERE = "where"
    AMOUNT = "amount"
    HOW_KNOWN = "how_known"


_WHEN = re.compile(
    r"\d{1,4}\s*[年月日号]|[上下本去今前][个]?[月周年]|昨天|前天|上午|下午|晚上|春节|国庆|中秋|星期|周[一二三四五六日末]"
    r"|\b(19|20)\d{2}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|yesterday|last (week|month|year)",
    re.IGNORECASE,
)
_WHERE = re.compile(
    r"[省市县区镇乡村街路号楼室局所院厅委办校店馆场站]|社区|单位|公司|酒店|饭店|家里|门口|办公室"
    r"|\b(in|at) [A-Z]|office|village|town|county|street|hotel|restaurant",
    re.IGNORECASE,
)
_AMOUNT = re.compile(r"\d|[一二三四五六七八九十百千万亿两]+\s*[元块万桌箱条瓶]|yuan|rmb|¥|￥", re.IGNORECASE)
_HOW_KNOWN = re.compile(
    r"亲眼|看见|看到|听说|知道|得知|发现|录音|照片|视频|截图|证据|收据|合同|账|记录|名单|本人|我[家们]?"
    r"|saw|seen|heard|witness|photo|recording|receipt|document|i |we ",
    re.IGNORECASE,
)
_MONEY_CATEGORIES = {Category.INTEGRITY, Category.CORRUPTION_BRIBERY, Category.MASSES}


def meaningful_length(text: str) -> int:
    """Letters, digits and CJK characters only: emoji and punctuation do not make an account specific."""
    return sum(1 for ch in text if ch.isalnum())


def missing_elements(text: str, category: Category | None = None) -> list[Element]:
    """The elements the account does not mention, in the order the dialog should ask about them."""
    missing: list[Element] = []
    if not _WHEN.search(text):
        missing.append(Element.WHEN)
    if not _WHERE.search(text):
        missing.append(Element.WHERE)
    if category in _MONEY_CATEGORIES and not _AMOUNT.search(text):
        missing.append(Element.AMOUNT)
    if not _HOW_KNOWN.search(text):
        missing.append(Element.HOW_KNOWN)
    return missing


def follow_ups(text: str, category: Category | None = None, limit: int = 4) -> list[Element]:
    """Questions to ask: none for a long, complete account; at most ``limit`` otherwise."""
    missing = missing_elements(text, category)
    if meaningful_length(text) >= FACTS_SPECIFIC * 4 and len(missing) <= 1:
        return []
    return missing[:limit]
