"""Following up a report through the real runtimes (issue 12, items 2, 3, 5, 8): officers' questions respect
an anonymous reporter's choice about reminders, a lock-out deletes what is typed after it and is told before the
code is typed again, help and Telegram's command menu per audience. Wrong passwords and codes, /cancel and weak
passwords run in the fast tier (tests/fast/test_status.py)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core.clock import ManualClock
from core.model import RecipientKind
from core.persistence.orm import CaseEventRow, OutboxRow
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import anonymous_report, named_report

from .conftest import BotHarness
from .test_protection import visible_text

CHAT = 740001
INTAKE = 1001  # an intake officer of tests/factories.py
PASSWORD = "correct horse"  # the factories' anonymous password
QUESTION = "请问发放名单上的两户具体是哪两户？"


async def deliver(h: BotHarness, app: App) -> int:
    return await OutboxService(app.ctx, h.notifier()).send_due()


async def ask(h: BotHarness, number: str, question: str = QUESTION) -> None:
    await h.say(INTAKE, f"/case {number}")
    await h.tap(INTAKE, "向举报人提问")
    sent = await h.say(INTAKE, question)
    assert "问题已发出" in sent[0]


async def reporter_rows(app: App) -> list[tuple[str, dict[str, object]]]:
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(
            select(OutboxRow).where(OutboxRow.recipient_kind == RecipientKind.REPORTER.value).order_by(OutboxRow.id)
        )).scalars()  # fmt: skip
        return [(r.template, app.ctx.vault.dec_json(r.params_enc)) for r in rows]


async def authenticate(h: BotHarness, chat: int, code: str, password: str = PASSWORD) -> list[str]:
    return await h.say(chat, "/status") + await h.say(chat, code) + await h.say(chat, password)


# -- item 2: officers' questions and the reporter's choice ------------------------------------------------------
async def test_a_question_to_a_reporter_who_declined_reminders_waits_for_status(harness: BotHarness, app: App) -> None:
    """rules.md §4: anonymous reporters have no feedback duty and follow up by code; 不需要 means nothing pushed."""
    h = harness
    receipt = await app.filing.file_report(anonymous_report(chat_id=CHAT, notify_opt_in=False))
    await ask(h, receipt.number)
    await deliver(h, app)
    assert h.tg.sent(CHAT) == []  # nothing at all reaches the chat the reporter cleaned
    assert await reporter_rows(app) == []  # and nothing waits to be pushed
    seen = await authenticate(h, CHAT, receipt.query_code or "")
    assert receipt.number in seen[-2] and QUESTION in seen[-1]  # the card, then the question with a Reply button
    await h.tap(CHAT, "回复")
    done = await h.say(CHAT, "是张某的弟弟张二和弟媳李某两户。")
    assert "回复已送达" in done[0]
    async with app.ctx.uow() as uow:
        actions = (await uow.session.execute(select(CaseEventRow.action).order_by(CaseEventRow.id))).scalars().all()
    assert list(actions)[-2:] == ["ask_reporter", "reporter_reply"]
    again = await authenticate(h, CHAT, receipt.query_code or "")
    assert not any(QUESTION in t for t in again)  # answered: no longer shown


async def test_a_reporter_who_accepted_reminders_gets_a_contentless_ping(harness: BotHarness, app: App) -> None:
    h = harness
    receipt = await app.filing.file_report(anonymous_report(chat_id=CHAT, notify_opt_in=True))
    await ask(h, receipt.number)
    assert await reporter_rows(app) == [("notify.reporter.message", {})]  # no number, no question, even encrypted
    await deliver(h, app)
    [ping] = h.tg.sent(CHAT)
    assert receipt.number not in ping["text"] and "两户" not in ping["text"] and "/status" in ping["text"]
    assert "reply_markup" not in ping  # no button: its data would carry the case number
    seen = await authenticate(h, CHAT, receipt.query_code or "")
    assert QUESTION in seen[-1]
    await h.tap(CHAT, "回复")
    assert "回复已送达" in (await h.say(CHAT, "是张二和李某两户。"))[0]


async def test_a_named_reporter_gets_the_question_and_sees_it_in_status(harness: BotHarness, app: App) -> None:
    """Named reporters are told in full (acceptance and results name the case too); /status shows it as well."""
    h = harness
    number = (await app.filing.file_report(named_report(chat_id=CHAT))).number
    await ask(h, number)
    await deliver(h, app)
    assert QUESTION in h.tg.texts(CHAT)[-1] and number in h.tg.texts(CHAT)[-1]
    seen = await h.say(CHAT, "/status")
    assert any(QUESTION in t for t in seen)


# -- item 3: a wrong password asks again; passwords never stay in the chat ----------------------------------------
async def test_a_password_typed_after_a_lockout_is_deleted_too(harness: BotHarness, app: App) -> None:
    h = harness
    code = (await app.filing.file_report(anonymous_report(chat_id=CHAT))).query_code or ""
    await h.say(CHAT, "/status")
    await h.say(CHAT, code)
    for i in range(5):
        seen = await h.say(CHAT, f"guess-number-{i}")
    assert "尝试次数过多" in seen[0]
    after = await h.say(CHAT, PASSWORD)  # typed again out of habit, with no question asked
    assert PASSWORD not in visible_text(h, CHAT) and "删除" in after[0]
    assert not any(f"guess-number-{i}" in visible_text(h, CHAT) for i in range(5))
    # ordinary words afterwards are answered as usual, not deleted
    words = await h.say(CHAT, "你好")
    assert "你好" in visible_text(h, CHAT) and words


# -- item 5: help and the command menu per audience -----------------------------------------------------------------
CITIZEN_COMMANDS = ["start", "status", "faq", "ask", "back", "cancel", "lang", "help"]
OFFICER_COMMANDS = ["inbox", "case", "faq", "join", "cancel", "help"]
LEADER_COMMANDS = ["inbox", "case", "stats", "faq", "join", "cancel", "help"]  # 1004 陈主任 (issue 17)


async def test_help_is_written_for_citizens_and_for_officers(harness: BotHarness) -> None:
    h = harness
    citizen = (await h.say(CHAT, "/help"))[0]
    for name in CITIZEN_COMMANDS:
        assert f"/{name}" in citizen, name
    assert "/inbox" not in citizen
    officer = (await h.say(INTAKE, "/help"))[0]
    for name in OFFICER_COMMANDS:
        assert f"/{name}" in officer, name


def names(commands: list[dict[str, str]]) -> list[str]:
    return [c["command"] for c in commands]


async def test_the_command_menu_is_set_per_language_and_per_officer_at_start(harness: BotHarness) -> None:
    tg = harness.tg
    assert names(tg.commands()) == CITIZEN_COMMANDS  # users of any other language: the office's language
    assert names(tg.commands("zh")) == CITIZEN_COMMANDS and names(tg.commands("en")) == CITIZEN_COMMANDS
    zh = {c["command"]: c["description"] for c in tg.commands("zh")}
    en = {c["command"]: c["description"] for c in tg.commands("en")}
    assert zh["faq"] != en["faq"] and zh["faq"] == {c["command"]: c["description"] for c in tg.commands()}["faq"]
    for officer in (1001, 1002, 1003, 1004, 2001, 3001):
        expected = LEADER_COMMANDS if officer == 1004 else OFFICER_COMMANDS
        assert names(tg.commands(scope={"type": "chat", "chat_id": officer})) == expected, officer
    citizen_help = (await harness.say(CHAT, "/help"))[0]
    assert all(c["description"] in citizen_help for c in tg.commands("zh"))  # the menu matches the help


async def test_an_officer_who_joins_gets_the_officer_menu(harness: BotHarness, app: App) -> None:
    from core.model import Role

    _, code = await app.officers.invite("孙新人", "LA", [Role.INTAKE])
    joined = await harness.say(5555, f"/join {code}")
    assert "孙新人" in joined[0]
    assert names(harness.tg.commands(scope={"type": "chat", "chat_id": 5555})) == OFFICER_COMMANDS


# -- item 8: weak passwords, growing lock-outs told before the code is typed again -----------------------------------
async def test_a_locked_chat_is_told_before_typing_the_code_and_password_again(
    harness: BotHarness, app: App, clock: ManualClock
) -> None:
    h = harness
    code = (await app.filing.file_report(anonymous_report(chat_id=CHAT))).query_code or ""
    await h.say(CHAT, "/status")
    await h.say(CHAT, code)
    for i in range(5):
        seen = await h.say(CHAT, f"guess-number-{i}")
    assert "15 分钟" in seen[0]  # rules.md §6: five tries, then a lock that is more than a pause
    again = await h.say(CHAT, "/status")
    assert "尝试次数过多" in again[-1] and "查询码" not in again[-1]  # told at once, not after typing both again
    clock.advance(timedelta(minutes=16))
    await h.say(CHAT, "/status")
    await h.say(CHAT, code)
    seen = await h.say(CHAT, "guess-number-6")
    assert "30 分钟" in seen[0]  # the next failure locks for longer


async def test_a_locked_code_is_told_right_after_it_is_typed(harness: BotHarness, app: App) -> None:
    h = harness
    code = (await app.filing.file_report(anonymous_report(chat_id=CHAT))).query_code or ""
    for chat in range(5):  # guessed from five other chats
        assert await app.queries.status_by_code(code, "guess", chat_id=9000 + chat) is None
    await h.say(CHAT, "/status")
    seen = await h.say(CHAT, code)
    assert "尝试次数过多" in seen[-1] and not any("请输入查询密码" in t for t in seen)
