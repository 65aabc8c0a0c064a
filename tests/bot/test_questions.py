"""Issue 16 through the real bot (aiogram and python-telegram-bot over HTTP): questions answered from the knowledge
base before filing, in the middle of the filing flow (answered, the step asked again, nothing stored), with
candidates to tap, in English, after /ask, for officers; and an urgent threat against a child."""

from __future__ import annotations

from sqlalchemy import select

from bot.dialogs.codec import decode
from core.persistence.orm import UrgentNoteRow
from qingfeng.app import App

from .conftest import BotHarness
from .fake_telegram_payloads import inline_rows
from .test_review import tap_under

CHAT = 916001
INTAKE = 1001  # 王受理's Telegram id in tests/factories.py


async def tap_labelled(h: BotHarness, chat: int, label: str) -> list[str]:
    """Tap ``label`` under the latest message that has it (an answer above the step asked again)."""
    m = next(m for m in reversed(h.tg.sent(chat)) if any(label in t for row in inline_rows(m.get("reply_markup"))
                                                         for t, _ in row))  # fmt: skip
    data = next(d for row in inline_rows(m["reply_markup"]) for t, d in row if label in t and d)
    before = len(h.tg.sent(chat))
    h.tg.user_taps(chat, data, message_id=m["message_id"])
    await h.settle()
    return h.tg.texts(chat)[before:]


def labels(h: BotHarness, chat: int) -> list[str]:
    return [label for row in h.tg.last_keyboard(chat) for label, _ in row]


async def test_a_question_before_filing_is_answered_and_the_way_to_file_offered(harness: BotHarness) -> None:
    h = harness
    seen = await h.say(CHAT, "匿名举报会被查到吗")
    assert "Telegram 平台" in seen[0] and "依据：" in seen[0]  # what Telegram sees, said honestly, and the basis
    assert not seen[0].startswith(("会", "不会"))  # never a bare yes or no a worried reader stops at
    assert "我要举报" in labels(h, CHAT)
    related = await tap_under(h, CHAT, "匿名", "Telegram 平台")  # a related question under the answer
    assert related and "匿名" in related[0]


async def test_a_question_in_the_middle_of_filing_is_answered_and_the_step_asked_again(
    harness: BotHarness, app: App
) -> None:
    h = harness
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")
    await h.tap(CHAT, "不知道怎么说")
    await h.tap(CHAT, "党员、干部或公职人员")
    await h.tap(CHAT, "怎样行使职权")
    await h.tap(CHAT, "检举控告")
    name_prompt = (await h.tap(CHAT, "匿名举报"))[-1]
    seen = await h.say(CHAT, "匿名举报会被查到吗？")
    assert "Telegram 平台" in seen[0] and seen[-1] == name_prompt  # the answer, then the same question again
    unit_prompt = (await h.say(CHAT, "张某"))[-1]
    assert unit_prompt != name_prompt  # the name was taken; the question never was
    stored = decode((await app.dialogs.load(CHAT)).payload).answers  # type: ignore[union-attr]
    assert "张某" in stored.values() and not any("查到" in str(v) for v in stored.values())
    # a question the citizen meant as the answer after all: kept, and taken with one tap
    again = await h.say(CHAT, "是不是某镇某村村委会？")
    assert again[-1] == unit_prompt
    taken = await tap_labelled(h, CHAT, "这是我的回答")
    assert taken[-1] != unit_prompt
    stored = decode((await app.dialogs.load(CHAT)).payload).answers  # type: ignore[union-attr]
    assert "是不是某镇某村村委会？" in stored.values()
    await h.say(CHAT, "/cancel")
    assert await app.queries.list_cases() == []


async def test_candidates_are_offered_and_a_tap_answers(harness: BotHarness) -> None:
    h = harness
    seen = await h.say(CHAT, "申诉？")
    assert "您是想问" in seen[-1]
    choices = labels(h, CHAT)
    assert 3 <= len(choices) <= 4 and choices[-1] == "都不是"  # up to three, and a way out
    answer = await h.tap(CHAT, choices[0])
    assert len(answer[0]) > 40 and "您是想问" not in answer[0]


async def test_an_english_question_gets_the_english_answer(harness: BotHarness) -> None:
    h = harness
    seen = await h.say(CHAT, "Will the person I report find out it was me?")
    assert seen[0].isascii() or "Telegram" in seen[0]
    assert "confidential" in seen[0].lower() or "never" in seen[0].lower() or "not" in seen[0].lower()
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in seen[0])  # the answer and its basis in English
    assert "in English" in seen[-1]  # the chat is Chinese: an offer to switch, in English
    switched = await h.tap(CHAT, "Use English")
    assert switched and switched[0].isascii()


async def test_ask_answers_and_alone_says_how(harness: BotHarness) -> None:
    h = harness
    prompt = await h.say(CHAT, "/ask")
    assert "/ask" in prompt[0]
    seen = await h.say(CHAT, "/ask 诬告别人要承担什么责任")
    assert "诬告" in seen[0] and "依据：" in seen[0]


async def test_faq_by_subject_for_citizens_and_officers(harness: BotHarness) -> None:
    h = harness
    for chat in (CHAT, INTAKE):
        menu = await h.say(chat, "/faq")
        assert "常见问题" in menu[0] and "匿名与实名" in labels(h, chat)
        questions = await h.tap(chat, "匿名与实名")
        assert "匿名与实名" in questions[0] and len(labels(h, chat)) >= 4
        answer = await h.tap(chat, labels(h, chat)[0])
        assert len(answer[0]) > 40


async def test_an_urgent_threat_against_a_child_reaches_the_officers(harness: BotHarness, app: App) -> None:
    h = harness
    seen = await h.say(CHAT, "他刚才打电话说今晚就要弄死我家孩子，我现在很害怕")
    assert "110" in seen[0] and "12356" in seen[0]
    async with app.ctx.uow() as uow:
        assert len((await uow.session.execute(select(UrgentNoteRow))).scalars().all()) == 1


async def test_traditional_characters_are_read_as_simplified(harness: BotHarness, app: App) -> None:
    """A visitor typing traditional characters gets the same answer, and a danger told in them reaches the
    officers (core.text.simplified reads; what is stored stays as typed)."""
    h = harness
    seen = await h.say(CHAT, "匿名舉報會被查到嗎")
    assert "Telegram 平台" in seen[0] and "依据：" in seen[0]
    seen = await h.say(CHAT + 1, "我現在站在水庫大壩上，對不起媽媽，這是我最後能做的事了")
    assert "110" in seen[0]
    async with app.ctx.uow() as uow:
        assert len((await uow.session.execute(select(UrgentNoteRow))).scalars().all()) == 1
