"""Danger the urgent rules do not name but the learned backstop reads (issue 16, rules.md §8, XF-25), through the
real runtimes: the emergency numbers at once and "is anyone in danger now?"; yes (tapped or typed) pushes the
officers on duty as an urgent message does, no gives the answer the message has without it, and nothing reaches
an officer before the citizen says so."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.callbacks import Danger, DangerAnswer
from core.persistence.orm import UrgentNoteRow
from core.scope import classifier
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import Office

from .conftest import BotHarness

CHAT = 920001
SUPERVISOR = 1004  # 陈主任's Telegram id in tests/factories.py
#: A wall cracking over workers: no word of the rules' families, read as danger by the model (urgent_blind2).
CRACK = "工地那栋楼墙上裂了一道大缝 一直往下掉渣 工人还在里头干活"
ASKED = "现在是否有人正处于危险之中"


async def notes(app: App) -> int:
    async with app.ctx.uow() as uow:
        return int((await uow.session.execute(select(func.count()).select_from(UrgentNoteRow))).scalar_one())


async def pushed(h: BotHarness, app: App) -> list[str]:
    await OutboxService(app.ctx, h.notifier()).send_due()
    return [t for t in h.tg.texts(SUPERVISOR) if t.startswith("【紧急】")]


def test_the_example_is_one_only_the_model_reads_as_danger() -> None:
    decision = classifier().classify(CRACK)
    assert decision.possibly_urgent and decision.verdict.value != "urgent"


async def test_outside_a_dialog_yes_pushes_the_officers_with_the_words_written(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    seen = await h.say(CHAT, CRACK)
    assert "110" in seen[0] and "120" in seen[0] and ASKED in seen[0]
    assert await notes(app) == 0 and await pushed(h, app) == []  # nobody is pushed before the citizen says so
    told = await h.tap(CHAT, "是，有人正处于危险中")
    assert "已经把情况告诉值班的工作人员" in told[0] and "告诉我们您在哪里" in told[-1]
    assert await notes(app) == 1
    alerts = await pushed(h, app)
    assert len(alerts) == 1 and "往下掉渣" in alerts[0]
    again = await h.tap_data(CHAT, DangerAnswer(Danger.YES).pack())  # the same button tapped again: no second alert
    assert "已经过期" in again[0]
    assert await notes(app) == 1


async def test_outside_a_dialog_no_gives_the_answer_the_message_has(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    await h.say(CHAT, CRACK)
    answer = await h.tap(CHAT, "没有，不紧急")
    assert not any(ASKED in t for t in answer) and answer  # the scope verdict or an answer, not the question again
    assert await notes(app) == 0 and await pushed(h, app) == []


async def test_a_typed_yes_counts_and_carries_both_messages_to_the_officers(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    await h.say(CHAT, CRACK)
    told = await h.say(CHAT, "是的 就在城东那个工地")  # yes, and where, in one breath
    assert "已经把情况告诉值班的工作人员" in told[0]
    alerts = await pushed(h, app)
    assert len(alerts) == 1 and "往下掉渣" in alerts[0] and "城东那个工地" in alerts[0]
    await h.say(1004, "/inbox")
    label = next(text for row in h.tg.last_keyboard(1004) for text, _ in row if "紧急" in text)
    assert "\n" not in label and "往下掉渣" in label  # the inbox button is one line


async def test_in_the_filing_flow_yes_alerts_and_the_form_goes_on(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")
    seen = await h.say(CHAT, CRACK)
    assert ASKED in seen[-1] and "110" in seen[-1]
    assert await notes(app) == 0
    went_on = await h.tap(CHAT, "是，有人正处于危险中")
    assert "已经把情况告诉值班的工作人员" in went_on[0] and "请选择类型" in went_on[-1]
    alerts = await pushed(h, app)
    assert len(alerts) == 1 and "往下掉渣" in alerts[0]


async def test_in_the_filing_flow_no_gives_the_verdict_and_more_words_are_a_new_sentence(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")
    await h.say(CHAT, CRACK)
    verdict = await h.tap(CHAT, "没有，不紧急")
    assert not any(ASKED in t for t in verdict)
    back = await h.say(CHAT, "/back")
    assert ASKED in back[-1]  # /back returns to the question
    accepted = await h.say(CHAT, "镇长把扶贫款转到了自己亲戚的账户上")  # more words: a new scope sentence
    assert "请选择类型" in accepted[-1]
    assert await notes(app) == 0 and await pushed(h, app) == []


async def test_danger_typed_where_a_button_is_expected_is_heard(harness: BotHarness, app: App, office: Office) -> None:
    """In the middle of the form a cry for help is not "please tap a button": the rules' danger alerts at once,
    the model's is asked about (a typed yes counts), and the step waits where it was."""
    h = harness
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")
    assert "请选择类型" in (await h.say(CHAT, "镇长把扶贫款转到了自己亲戚的账户上"))[-1]
    seen = await h.say(CHAT, "有个孩子掉进河里了 就在石桥那 快来人")
    assert "110" in seen[0] and "请选择类型" in seen[-1] and await notes(app) == 1
    asked = await h.say(CHAT, CRACK)
    assert ASKED in asked[0] and "请选择类型" in asked[-1] and await notes(app) == 1
    told = await h.say(CHAT, "是")
    assert "已经把情况告诉值班的工作人员" in told[0] and "请选择类型" in told[-1] and await notes(app) == 2
    assert "实名还是匿名" in (await h.tap(CHAT, "检举控告"))[-1]  # the form goes on where it was


#: A harm word in a matter of its own, read as ordinary by the model (core.scope.classify, urgent_learned.DOUBTED):
#: the rules' net would have alerted on "死"; the citizen is asked instead, and "no" gives the referral.
SMOKE = "楼下饭馆的油烟熏得我快死了 找了几次都没人管 是私人开的"


async def test_a_harm_word_in_a_told_matter_is_asked_and_no_gives_the_referral(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    decision = classifier().classify(SMOKE)
    assert decision.possibly_urgent and decision.signals[0] == "urgent:doubted"
    seen = await h.say(CHAT, SMOKE)
    assert "110" in seen[0] and ASKED in seen[0]
    assert await notes(app) == 0 and await pushed(h, app) == []  # the officers are not pushed for a figure of speech
    answer = await h.tap(CHAT, "没有，不紧急")
    assert not any(ASKED in t for t in answer) and any("调解" in t for t in answer), answer
    assert await notes(app) == 0 and await pushed(h, app) == []
