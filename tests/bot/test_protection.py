"""Attempts to abuse the bot or to read a report off the reporter's phone, through the real runtime.

Each test tries to break one protection of issue 6 (flooding, oversized and forged updates, the chat as a
record of the report) and checks that it holds and that nothing entered before was lost or changed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.dialogs.codec import staged_files
from bot.front import INCOMING_TEXT_MAX
from core.clock import ManualClock
from core.services.dialog_store import DialogStore
from qingfeng.app import App
from tests.factories import FACTS, named_report, person
from tests.walks import JPEG, finish_anonymous, walk_to_facts

from .conftest import BotHarness
from .test_filing import case_count

CHAT = 730001
INTAKE = 1001  # an intake officer of tests/factories.py


def live_messages(h: BotHarness, chat: int) -> list[dict[str, Any]]:
    """Everything still visible in the chat, the user's messages and the bot's, as a phone would show it."""
    deleted = set(h.tg.deleted(chat))
    found = []
    for message_id in range(1, 10_000):
        message = h.tg.message(chat, message_id)
        if message is None:
            break
        if message_id not in deleted:
            found.append(message)
    return found


def visible_text(h: BotHarness, chat: int) -> str:
    return "\n".join(m.get("text", m.get("caption", "")) for m in live_messages(h, chat))


async def file_named(h: BotHarness, chat: int) -> list[str]:
    seen = await walk_to_facts(h, chat)
    seen += await h.say(chat, FACTS)
    seen += await h.tap(chat, "跳过")
    seen += await h.photo(chat, JPEG)
    seen += await h.tap(chat, "完成")
    seen += await h.tap(chat, "内容无误")
    seen += await h.tap(chat, "确认提交")
    return seen


async def test_after_filing_the_report_can_be_deleted_from_the_chat(harness: BotHarness, app: App) -> None:
    h = harness
    seen = await file_named(h, CHAT)
    number = seen[-2].split("编号：")[1].split("\n")[0]
    assert "能解锁您手机的人都能看到这段对话" in seen[-1]
    before = visible_text(h, CHAT)
    # identity never stays in the chat: the user's messages are deleted at once, the review shows it masked
    assert "刘举报" not in before and "13800138000" not in before and "138 0013 8000" not in before
    assert not any("刘举报" in t or "13800138000" in t for t in h.tg.texts(CHAT))  # nor did the bot ever echo it
    assert "刘**" in before and "138****8000" in before and FACTS[:20] in before
    done = await h.tap(CHAT, "从对话中删除")
    shown = visible_text(h, CHAT)
    # nothing of the report is left on the phone: name, phone, person, facts, the review, the receipt
    for secret in ("刘举报", "13800138000", "138 0013 8000", "张某某", FACTS[:20], "临安区某镇某村村委会"):
        assert secret not in shown, secret
    assert [m for m in live_messages(h, CHAT) if "photo" in m] == []  # the evidence photo went too
    # what remains says the report stands, and how to delete older messages in Telegram itself
    assert done == [shown] and number in shown and "48 小时" in shown
    assert (await app.queries.case_detail(number)).facts == FACTS  # the office still has everything
    # the button cannot be used twice to delete other things
    again = await h.tap_data(CHAT, "s::wipe")
    assert "没有可删除的举报消息" in again[0]
    assert len(h.tg.calls_to("deleteMessages", CHAT)) == 1


async def test_a_description_typed_before_tapping_report_is_deleted_with_it(harness: BotHarness, app: App) -> None:
    """The common path: say what it is about first, then tap "report"; the first words go with the rest."""
    h = harness
    await h.say(CHAT, "我想反映村支书张某某优亲厚友的问题")
    await h.tap(CHAT, "我要举报")
    await walk_to_facts(h, CHAT, begin=False)
    await h.say(CHAT, FACTS)
    await h.tap(CHAT, "跳过")
    await h.tap(CHAT, "完成")
    await h.tap(CHAT, "内容无误")
    await h.tap(CHAT, "确认提交")
    await h.tap(CHAT, "从对话中删除")
    shown = visible_text(h, CHAT)
    assert "优亲厚友" not in shown and "张某某" not in shown and FACTS[:20] not in shown
    assert len(live_messages(h, CHAT)) == 1 and "已删除" in shown  # only the confirmation is left


async def test_the_query_code_typed_into_status_is_deleted_at_once(harness: BotHarness, app: App) -> None:
    h = harness
    await h.say(CHAT, "/status")
    await h.say(CHAT, "QF7X-2K9M-4TPA-8WQE")
    assert "QF7X-2K9M-4TPA-8WQE" not in visible_text(h, CHAT)


async def test_an_anonymous_report_and_its_query_code_can_be_deleted_too(harness: BotHarness, app: App) -> None:
    h = harness
    await walk_to_facts(h, CHAT, named=False)
    seen = await finish_anonymous(h, CHAT)
    seen += await h.tap(CHAT, "内容无误")
    seen += await h.tap(CHAT, "确认提交")
    code = seen[-2].split("查询码：")[1].split("\n")[0].strip()
    assert code in visible_text(h, CHAT)
    await h.tap(CHAT, "从对话中删除")
    shown = visible_text(h, CHAT)
    assert code not in shown and "lao-li-2026!" not in shown and FACTS[:20] not in shown
    assert await case_count(app) == 1


async def test_a_flood_from_one_chat_gets_one_polite_message_and_others_are_served(
    harness: BotHarness, app: App
) -> None:
    """Real limits (20 at once, then 30 a minute): the 21st rapid message is answered with a request to wait,
    later ones are ignored; another chat is answered normally; answers given before the flood stay."""
    h = harness
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")
    await h.say(CHAT, "村支书把低保名额给了自己的亲戚")
    await h.real_flood_limits(clock=lambda: 0.0)  # the real limits, time standing still: no refill mid-flood
    before = len(h.tg.texts(CHAT))
    for i in range(40):
        h.tg.user_sends(CHAT, f"消息 {i}")
    await h.settle()
    flood = h.tg.texts(CHAT)[before:]
    assert sum("您发送得太快了" in t for t in flood) == 1
    welcome = await h.say(740001, "/start")  # another chat is served as usual
    assert any("举报须知" in t for t in welcome)
    await h.real_flood_limits(clock=lambda: 1e12)  # a minute (and more) later
    per_message = len(await h.say(CHAT, "再来一条"))
    assert len(flood) == 20 * per_message + 1  # 20 answered, one warning, the other 19 ignored
    # the dialog is where it was: the type question still takes the answer
    assert "实名还是匿名" in (await h.tap(CHAT, "检举控告"))[-1]


async def test_an_oversized_text_is_refused_politely_and_changes_nothing(harness: BotHarness, app: App) -> None:
    h = harness
    await walk_to_facts(h, CHAT)
    seen = await h.say(CHAT, "举" * (INCOMING_TEXT_MAX + 1))
    assert seen == ["这条消息太长，未能处理，之前填写的内容没有变化。请分几条发送，每条不超过 4000 字。"]
    after = await h.say(CHAT, FACTS)  # the facts step is still waiting, nothing was stored
    assert "是否向其他机关反映过" in after[-1] or "其他机关" in after[-1]


async def test_forged_oversized_callback_data_is_refused_in_one_line(harness: BotHarness, app: App) -> None:
    h = harness
    await h.say(CHAT, "/start")
    agree, before = h.button(CHAT, "我已阅读"), len(h.tg.texts(CHAT))
    await h.tap_data(CHAT, "s:notice:" + "x" * 200)
    await h.tap_data(CHAT, "o:act:XF-2026-000001:register")  # not our format
    await h.tap_data(CHAT, "s::o:act:XF-2026-000001:register")  # an officer button in a citizen's chat
    assert h.tg.texts(CHAT)[before:] == ["这个按钮已经过期了，请使用最新一条消息里的按钮。"] * 3  # bot/callbacks.py
    assert "请用一两句话" in (await h.tap_data(CHAT, agree))[-1]  # the real button still works


async def test_markup_in_a_report_reaches_the_officer_card_as_literal_text(harness: BotHarness, app: App) -> None:
    """A reporter (or someone posing as one) cannot make an officer's card show a link or fake formatting."""
    h = harness
    injected = "<a href='https://evil.example/login'>请重新登录</a> *粗体* [链接](https://evil.example)"
    report = named_report(facts=FACTS + injected, persons=(person(name="<b>张某</b>"),))
    number = (await app.filing.file_report(report)).number
    card = await h.say(INTAKE, f"/case {number}")
    assert injected in card[0] and "<b>张某</b>" in card[0]  # shown as typed
    call = h.tg.calls_to("sendMessage", INTAKE)[-1]
    assert "parse_mode" not in call.params and "entities" not in call.params
    message = h.tg.sent(INTAKE)[-1]
    # a visible URL may be linkified by Telegram; a hidden link or fake formatting never
    assert not [e for e in message.get("entities", []) if e["type"] in ("text_link", "bold", "italic")]


async def test_a_report_forgotten_by_retention_cannot_be_submitted_by_its_old_button(
    harness: BotHarness, app: App, clock: ManualClock
) -> None:
    """Dialogs untouched for 30 days are forgotten (answers and staged files); the bot's memory forgets too."""
    h = harness
    await walk_to_facts(h, CHAT)
    await h.say(CHAT, FACTS)
    await h.tap(CHAT, "跳过")
    await h.tap(CHAT, "完成")
    await h.tap(CHAT, "内容无误")
    submit = h.button(CHAT, "确认提交")
    clock.advance(timedelta(days=31))
    assert await DialogStore(app.ctx).forget_stale(30, staged_files) == (1, 0)
    seen = await h.tap_data(CHAT, submit)
    assert await case_count(app) == 0 and not any("已提交" in t for t in seen)
