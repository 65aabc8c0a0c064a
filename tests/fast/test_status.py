"""Following up a report, fast (tests/fast/chat.py): a wrong password or code asks again and secrets never stay
in the chat, /cancel says what it cancelled, weak passwords are refused. Officers' questions, the lock-out and the
command menus run end to end in tests/bot/test_status.py."""

from __future__ import annotations

from tests.factories import FACTS, anonymous_report, named_report
from tests.walks import finish_anonymous, walk_to_facts

from .chat import FastChat

CHAT = 740001
PASSWORD = "correct horse"  # the factories' anonymous password


async def test_the_code_can_be_typed_again_after_a_wrong_attempt(chat: FastChat) -> None:
    h = chat
    code = (await h.fakes.filing.file_report(anonymous_report(chat_id=CHAT))).query_code or ""
    await h.say(CHAT, "/status")
    await h.say(CHAT, "ABCDE-FGHJK-MNPQR-STUVW")  # mistyped
    await h.say(CHAT, PASSWORD)
    asked = await h.tap(CHAT, "重新输入查询码")
    assert "查询码" in asked[-1]
    await h.say(CHAT, code)
    assert "已收到，待受理" in (await h.say(CHAT, PASSWORD))[-1]


async def test_cancel_while_filing_says_the_draft_was_deleted(chat: FastChat) -> None:
    h = chat
    await walk_to_facts(h, CHAT)
    cancelled = await h.say(CHAT, "/cancel")
    assert "本次填写" in cancelled[0] and "已删除" in cancelled[0]


async def test_a_wrong_password_asks_again_and_the_right_one_then_works(chat: FastChat) -> None:
    h = chat
    code = (await h.fakes.filing.file_report(anonymous_report(chat_id=CHAT))).query_code or ""
    await h.say(CHAT, "/status")
    await h.say(CHAT, code)
    wrong = await h.say(CHAT, "not-the-password")
    assert "不正确" in wrong[0] and "密码" in wrong[-1]  # and the password is asked for again
    right = await h.say(CHAT, PASSWORD)
    assert "已收到，待受理" in right[-1]
    shown = h.visible_text(CHAT)
    assert code not in shown and "not-the-password" not in shown and PASSWORD not in shown
    assert len(h.deleted[CHAT]) >= 3  # the code and both passwords


async def test_cancel_after_filing_says_the_query_was_cancelled_and_the_report_stands(chat: FastChat) -> None:
    h = chat
    await walk_to_facts(h, CHAT, named=False)
    await finish_anonymous(h, CHAT)
    await h.tap(CHAT, "内容无误")
    await h.tap(CHAT, "确认提交")
    await h.say(CHAT, "/status")
    cancelled = await h.say(CHAT, "/cancel")
    assert "查询" in cancelled[0] and "不受影响" in cancelled[0]
    assert "填写的内容和上传的文件都已删除" not in cancelled[0]
    assert len(h.fakes.filing.cases) == 1


async def test_common_and_trivial_passwords_are_refused_with_advice(chat: FastChat) -> None:
    h = chat
    await walk_to_facts(h, CHAT, named=False)
    await h.say(CHAT, FACTS)
    await h.tap(CHAT, "跳过")
    await h.tap(CHAT, "完成")
    for weak in ("12345678", "11111111", "abcdefgh", "qwertyui", "88888888", "19850312", "password1", "iloveyou!"):
        seen = await h.say(CHAT, weak)
        assert "猜到" in seen[0] and "请设置查询密码" in seen[-1], (weak, seen)
        assert weak not in h.visible_text(CHAT)
    seen = await h.say(CHAT, "lao-li-2026!")
    assert "再输入一次" in seen[-1]


# -- issue 15 item 12: adding to an open case --------------------------------------------------------------------
async def test_an_anonymous_reporter_adds_text_and_a_file_after_code_and_password(chat: FastChat) -> None:
    from bot.callbacks import AddToCase

    h = chat
    receipt = await h.fakes.filing.file_report(anonymous_report(chat_id=CHAT))
    tap = AddToCase(receipt.number).pack()
    refused = await h.tap_data(CHAT, tap)  # before code and password: the number alone proves nothing
    assert not any(receipt.number in t for t in refused)
    await h.say(CHAT, "/status")
    await h.say(CHAT, receipt.query_code or "")
    await h.say(CHAT, PASSWORD)
    assert receipt.number in (await h.tap_data(CHAT, tap))[-1]
    await h.say(CHAT, "补充：会计王某也参与了。")
    await h.document(CHAT, b"%PDF-1.7\n" + b"ledger" * 50, "账本.pdf", "application/pdf")
    await h.tap(CHAT, "完成")
    assert "已并入" in (await h.tap(CHAT, "确认提交"))[-1]
    assert ("reporter.add_to_case", receipt.number, "补充：会计王某也参与了。", ("账本.pdf",)) in h.fakes.calls


async def test_cancelling_an_addition_deletes_its_files_and_adds_nothing(chat: FastChat) -> None:
    from bot.callbacks import AddToCase

    h = chat
    receipt = await h.fakes.filing.file_report(named_report(chat_id=CHAT))
    await h.say(CHAT, "/status")
    await h.tap_data(CHAT, AddToCase(receipt.number).pack())
    await h.tap(CHAT, "跳过")
    await h.photo(CHAT, b"\xff\xd8\xff\xe0" + b"photo" * 100)
    cancelled = await h.say(CHAT, "/cancel")
    assert "已取消补充" in cancelled[0]
    assert not [c for c in h.fakes.calls if c[0] == "reporter.add_to_case"]
    assert ("filing.discard_staged", "photo.jpg") in h.fakes.calls
