"""What Telegram does at the edge that a happy path never shows: refused tap acknowledgements, group chats,
failed file downloads and forged buttons, through both real runtimes over HTTP."""

from __future__ import annotations

import logging

import pytest

from bot import client as bot_client
from core.model import Role
from core.services.dialog_store import DialogStore
from qingfeng.app import App
from tests.factories import FACTS, Office, named_report
from tests.walks import JPEG, SCOPE_SENTENCE, finish_anonymous, walk_to_facts

from .conftest import BotHarness
from .fake_telegram_payloads import QUERY_TOO_OLD
from .test_filing import case_count

CHAT = 770001
GROUP, SUPERGROUP = -4_000_000_001, -1_009_000_000_001
INTAKE = 1001


async def test_a_refused_tap_acknowledgement_still_files_the_report(harness: BotHarness, app: App) -> None:
    """Issue 11 item 7: Telegram refuses answerCallbackQuery for taps older than ~15 s; the tap counts anyway."""
    h = harness
    await walk_to_facts(h, CHAT, named=False)
    await finish_anonymous(h, CHAT)
    await h.tap(CHAT, "内容无误")
    h.tg.fail_next("answerCallbackQuery", 400, QUERY_TOO_OLD)
    seen = await h.tap(CHAT, "确认提交")
    assert any("查询码：" in t for t in seen)
    assert await case_count(app) == 1
    assert [c.ok for c in h.tg.calls_to("answerCallbackQuery")][-1] is False


async def test_the_bot_works_in_private_chats_only(harness: BotHarness, app: App, office: Office) -> None:
    """Issue 11 item 8: in a group, an officer's card (reporter's name and phone) went to every member."""
    h = harness
    number = (await app.filing.file_report(named_report())).number
    for chat in (GROUP, SUPERGROUP):
        started = await h.say(chat, "/start", user_id=CHAT)
        assert len(started) == 1 and "私聊" in started[0] and "t.me/qingfeng_test_bot" in started[0]
        card = await h.say(chat, f"/case {number}", user_id=INTAKE)
        inbox = await h.say(chat, "/inbox@qingfeng_test_bot", user_id=INTAKE)
        assert card == inbox == started
        assert await h.say(chat, "/start@some_other_bot", user_id=CHAT) == []
        assert await h.say(chat, "村支书把低保名额给了自己的亲戚", user_id=CHAT) == []  # not a command: ignored
        assert await h.document(chat, JPEG, "photo.jpg", "image/jpeg", user_id=CHAT) == []
        shown = "\n".join(h.tg.texts(chat))
        assert number not in shown and "刘举报" not in shown and "138" not in shown
        assert await DialogStore(app.ctx).load(chat) is None
    assert h.tg.downloads == []
    assert await h.say(CHAT, "/start")  # the private chat is served as before
    assert "举报须知" in h.tg.texts(CHAT)[-1]


async def test_an_invite_code_posted_in_a_group_is_not_redeemed(harness: BotHarness, app: App) -> None:
    h = harness
    _, code = await app.officers.invite("新来的", "LA", [Role.INTAKE])
    seen = await h.say(GROUP, f"/join {code}", user_id=424242)
    assert len(seen) == 1 and "私聊" in seen[0]
    assert await app.officers.actor_for_telegram(424242) is None
    assert h.tg.calls_to("deleteMessage", GROUP)  # and the bot tried to take the code out of the group


@pytest.mark.parametrize("failure", ["404", "500", "truncated", "hang"])
async def test_a_failed_download_asks_for_the_file_again(
    harness: BotHarness, app: App, failure: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11 item 10: the generic error on aiogram; now "could not fetch, send it again", and the dialog
    waits at the evidence step."""
    h = harness
    await walk_to_facts(h, CHAT, named=False)
    await h.say(CHAT, FACTS)
    await h.tap(CHAT, "跳过")
    h.tg.fail_next_download(failure)
    with monkeypatch.context() as patched:  # the failing download only: a busy machine's good one may take 0.5 s
        patched.setattr(bot_client, "DOWNLOAD_TIMEOUT", 0.5)  # instead of 30 s: the "hang" server never answers
        seen = await h.photo(CHAT, JPEG)
    assert seen == ["暂时无法下载这个文件，请稍后再发送一次。您之前的内容都还在。", seen[1]]
    assert "证据" in seen[1] or "文件" in seen[1]
    again = await h.photo(CHAT, JPEG)
    assert "已收到第 1 个文件" in again[0]
    assert "查询密码" in (await h.tap(CHAT, "完成"))[-1]


FORGED = [
    "s::cmd:xyz",
    "s::cmd:",
    "s::cmd:START",
    "s::cmd:\x00",
    "s:notice:" + "x" * 200,
    "s:",
    "s::",
    "garbage",
    "s::lang:xx",
    "s::q:XF-2026-000001:abc",
    "s::q:XF\x00-2026:1",
    "s::fb:XF-2026-000001:rate:bad",
    "s::o:act:XF-2026-000001:no_such_action",
    "s::o:method:XF-2026-000001:no_such_method",
    "s:p_level:no_such_level",
    "s:confirm:confirm",
    "o:act:XF-2026-000001:register",
]


async def test_forged_buttons_are_refused_quietly_with_one_warning(
    harness: BotHarness, app: App, office: Office, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 11 item 12: ``s::cmd:xyz`` raised ValueError and logged an ERROR on every tap (a log flood)."""
    h = harness
    number = (await app.filing.file_report(named_report())).number
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")
    await h.say(INTAKE, f"/case {number}")
    caplog.clear()
    with caplog.at_level(logging.INFO):
        for i in range(100):
            data = FORGED[i % len(FORGED)].replace("XF-2026-000001", number)
            h.tg.user_taps(INTAKE if i % 3 == 0 else CHAT, data, check=False)
        await h.settle()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert errors == [] and len(warnings) <= 1, [r.getMessage() for r in errors + warnings]
    assert len(h.tg.calls_to("answerCallbackQuery")) >= 100  # every tap acknowledged: no spinning button
    assert (await app.queries.case_detail(number)).summary.state == "received"
    stale = ["这个按钮已经过期了，请使用最新一条消息里的按钮。"]  # one polite line (bot/callbacks.py), no error, no log
    assert await h.tap_data(CHAT, "s::cmd:xyz") == stale and await h.tap_data(INTAKE, "s::cmd:xyz") == stale
    await h.say(CHAT, SCOPE_SENTENCE)  # the citizen's dialog goes on as if nothing happened
    assert "实名还是匿名" in (await h.tap(CHAT, "检举控告"))[-1]
