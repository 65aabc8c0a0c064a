"""The scripted citizen walks both tiers drive — the fast one over recording fakes (tests/fast/chat.py) and the
end-to-end one through a runtime (tests/bot/conftest.py) — with the same verbs, written once."""

from __future__ import annotations

from typing import Protocol

from tests.factories import FACTS

SCOPE_SENTENCE = "村支书把低保名额给了自己的亲戚"
JPEG = b"\xff\xd8\xff\xe0" + b"photo-of-the-ledger" * 100


class Chat(Protocol):
    async def say(self, chat: int, text: str) -> list[str]: ...
    async def tap(self, chat: int, label: str) -> list[str]: ...


async def walk_to_identity(h: Chat, chat: int, choice: str, begin: bool = True) -> list[str]:
    """From /start (or the notice already shown) through the scope sentence and the type to the identity
    choice, tapping ``choice`` (实名举报 / 匿名举报)."""
    seen = await h.say(chat, "/start") if begin else []
    seen += await h.tap(chat, "我已阅读")
    seen += await h.say(chat, SCOPE_SENTENCE)
    seen += await h.tap(chat, "检举控告")
    return seen + await h.tap(chat, choice)


async def walk_to_facts(h: Chat, chat: int, named: bool = True, begin: bool = True) -> list[str]:
    """From /start (or, without ``begin``, from the notice already shown) to the facts question."""
    seen = await walk_to_identity(h, chat, "实名举报" if named else "匿名举报", begin)
    if named:
        seen += await h.say(chat, "刘举报")
        seen += await h.say(chat, "138 0013 8000")
        seen += await h.tap(chat, "跳过")
    seen += await h.say(chat, "张某某")
    seen += await h.say(chat, "临安区某镇某村村委会")
    seen += await h.say(chat, "村党支部书记")
    seen += await h.tap(chat, "村（社区）干部")
    seen += await h.tap(chat, "浙江省/杭州市/临安区")
    seen += await h.tap(chat, "中共党员")
    seen += await h.tap(chat, "没有了")
    seen += await h.tap(chat, "群众纪律")
    return seen


async def finish_anonymous(h: Chat, chat: int, facts: str = FACTS, password: str = "lao-li-2026!") -> list[str]:
    """From the facts question to the review of an anonymous report: no other bodies, no evidence, a password."""
    seen = await h.say(chat, facts)
    seen += await h.tap(chat, "跳过")  # other bodies
    seen += await h.tap(chat, "完成")  # no evidence
    seen += await h.say(chat, password)
    seen += await h.say(chat, password)
    seen += await h.tap(chat, "需要提醒")
    return seen
