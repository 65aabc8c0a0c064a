"""The subjects of the knowledge base, in the order the /faq menu lists them: what people ask first (is it the
commission's business, anonymity, evidence) before what they ask later (following, objections, appeals)."""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    SCOPE = "scope"
    NOT_SCOPE = "not_scope"
    LITIGATION = "litigation"  # 涉法涉诉: rulings and how courts, procuratorates and police handled a case
    LEVELS = "levels"  # which level of commission, 越级
    ANONYMITY = "anonymity"
    PROTECTION = "protection"
    EVIDENCE = "evidence"
    FILING_HOW = "filing_how"
    TIME_LIMITS = "time_limits"
    FOLLOWING = "following"
    ADDING = "adding"
    OBJECTION = "objection"
    APPEALS = "appeals"
    SUGGESTIONS = "suggestions"
    FALSE_ACCUSATION = "false_accusation"
    REPEAT = "repeat"
    URGENT = "urgent"
    CHANNELS = "channels"
    PRIVACY = "privacy"
    OTHER = "other"
