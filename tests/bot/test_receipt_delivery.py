"""An anonymous reporter's receipt that Telegram did not deliver is shown again, query code included, at the
citizen's next message or tap; the code is kept encrypted only until a receipt is delivered (issue 11, item 2).

The query code is the anonymous reporter's only way back to the case: before, a 500 or a long 429 on the
receipt left the case filed, the dialog finished, and the code in nobody's hands."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from core.persistence.orm import CaseRow
from core.secrets_ import normalise_code
from qingfeng.app import App
from tests.integration.test_encryption_at_rest import raw_database_bytes
from tests.walks import finish_anonymous, walk_to_facts

from .conftest import BotHarness
from .test_filing import case_count

CHAT = 700101
PASSWORD = "lao-li-2026!"


async def kept_code(app: App) -> bytes | None:
    async with app.ctx.uow() as uow:
        return (await uow.session.execute(select(CaseRow.receipt_code_enc))).scalar_one()


def confirm_message(h: BotHarness, chat: int) -> tuple[int, str]:
    """The message with the submit button, and the button's data (the citizen taps it again)."""
    for message in reversed(h.tg.sent(chat)):
        for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                if button["text"] == "确认提交":
                    return message["message_id"], button["callback_data"]
    raise AssertionError("no submit button")


@pytest.mark.parametrize(
    ("code", "description", "retry", "again"),
    [(500, "Internal Server Error", None, "tap"), (429, "Too Many Requests: retry after 120", 120, "message")],
    ids=["500 then a tap", "429 for two minutes then a message"],
)
async def test_an_undelivered_receipt_comes_again_with_the_query_code(
    harness: BotHarness, app: App, tmp_path: Path, code: int, description: str, retry: int | None, again: str
) -> None:
    h, tg = harness, harness.tg
    h.errors_expected = True  # the failed send is the handler's error, reported as such
    await walk_to_facts(h, CHAT, named=False)
    await finish_anonymous(h, CHAT, password=PASSWORD)
    await h.tap(CHAT, "内容无误")
    message_id, submit = confirm_message(h, CHAT)

    tg.fail_next("sendMessage", code, description, retry_after=retry, chat_id=CHAT)  # the receipt
    before = len(tg.texts(CHAT))
    tg.user_taps(CHAT, submit)
    await h.settle()
    lost = tg.texts(CHAT)[before:]
    assert not any("查询码：" in t for t in lost), lost  # the receipt never arrived
    assert await case_count(app) == 1
    token = await kept_code(app)
    assert token is not None  # kept until delivered, encrypted: the database never holds it in plaintext
    kept = app.vault.dec_text(token) or ""
    raw = await raw_database_bytes(app, tmp_path)
    assert kept.encode() not in raw and normalise_code(kept).encode() not in raw

    h.errors.clear()
    h.errors_expected = False
    if again == "tap":  # the citizen taps submit again: "already submitted", and the receipt this time
        seen = await h._after(CHAT, lambda: tg.user_taps(CHAT, submit, message_id), "[确认提交]")
    else:
        seen = await h.say(CHAT, "请问提交成功了吗？")
    receipt = next(t for t in seen if "查询码：" in t)
    shown = receipt.split("查询码：")[1].split("\n")[0]
    number = receipt.split("编号：")[1].split("\n")[0]
    assert shown == kept
    assert await case_count(app) == 1
    assert await kept_code(app) is None  # delivered: the kept code is erased

    seen = await h.say(CHAT, "/status") + await h.say(CHAT, shown) + await h.say(CHAT, PASSWORD)
    assert number in seen[-1] and "已收到，待受理" in seen[-1]
    later = await h.say(CHAT, "你好")
    assert not any("查询码：" in t for t in later)  # shown again once, not for ever


async def test_a_delivered_receipt_keeps_no_code_and_a_double_tap_shows_it_once(harness: BotHarness, app: App) -> None:
    h, tg = harness, harness.tg
    await walk_to_facts(h, CHAT, named=False)
    await finish_anonymous(h, CHAT, password=PASSWORD)
    await h.tap(CHAT, "内容无误")
    _, submit = confirm_message(h, CHAT)
    before = len(tg.texts(CHAT))
    tg.user_taps(CHAT, submit)
    tg.user_taps(CHAT, submit)  # the second tap comes while the receipt may still be on its way
    await h.settle()
    seen = tg.texts(CHAT)[before:]
    assert sum("查询码：" in t for t in seen) == 1
    assert await kept_code(app) is None
