"""The console's parts in-process: its outbox leaves other chats' notifications untouched; files by path."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.front import Outgoing
from bot.i18n import Translator
from bot.runtimes.console.files import attachment_path, human_size, media_for, read_file
from bot.runtimes.console.lineedit import MAX_CHARS, LineEditor
from bot.runtimes.console.officer import LOCAL_CHAT_BASE, find_officer
from bot.runtimes.console.screen import CLEAR, Screen
from core.model import OutboxStatus, Role
from core.pacing import Pacer
from core.persistence.orm import OutboxRow
from core.ports import Delivery, DeliveryResult, OutgoingMessage
from core.services.chat_outbox import ChatOutbox
from qingfeng.app import App
from tests.factories import named_report, seed_office


class Recorder:
    def __init__(self) -> None:
        self.sent: list[OutgoingMessage] = []
        self.pacer = Pacer()

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        self.sent.append(message)
        return DeliveryResult(Delivery.SENT)


async def rows(app: App) -> list[OutboxRow]:
    async with app.ctx.uow() as uow:
        return list((await uow.session.execute(select(OutboxRow).order_by(OutboxRow.id))).scalars())


async def test_the_console_outbox_takes_only_its_own_chats_notifications(app: App) -> None:
    office = await seed_office(app)
    mine = (await app.filing.file_report(named_report(chat_id=LOCAL_CHAT_BASE))).number
    theirs = (await app.filing.file_report(named_report(chat_id=555001))).number
    for number in (mine, theirs):
        await app.cases.register(number, office.intake)
        await app.cases.accept(number, office.intake)
        await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    before = {r.id: (r.status, r.attempts, r.next_try_at) for r in await rows(app)}

    citizen = Recorder()
    assert await ChatOutbox(app.ctx, citizen, LOCAL_CHAT_BASE).send_due() == 1
    assert [(m.chat_id, m.template, m.params["number"]) for m in citizen.sent] == [
        (LOCAL_CHAT_BASE, "notify.reporter.accepted", mine)
    ]
    officer = Recorder()
    handler_id = office.handler.officer_id or 0
    delivered = await ChatOutbox(app.ctx, officer, 1002, handler_id).send_due()
    assert delivered >= 2 and {m.chat_id for m in officer.sent} == {1002}

    after = await rows(app)
    touched = {r.id for r in after if r.status == OutboxStatus.SENT.value}
    assert len(touched) == 1 + delivered
    for r in after:  # everything else is exactly as it was, for the real bot
        if r.id not in touched:
            assert (r.status, r.attempts, r.next_try_at) == before[r.id]
    assert any(r.id not in touched for r in after)


async def test_officers_are_found_by_telegram_id_or_by_id_when_they_have_none(app: App) -> None:
    await seed_office(app)
    no_telegram = await app.officers.add_officer("演示人员", "LA", [Role.INTAKE])
    officers = await app.officers.list_officers()
    assert (found := find_officer(officers, 1002)) and found.name == "李承办"
    assert (found := find_officer(officers, no_telegram.id)) and found.name == "演示人员"
    assert find_officer(officers, 1) is None  # officer 1 has a Telegram id: only that id names them
    assert find_officer(officers, 424242) is None


async def test_files_by_path(tmp_path: Path) -> None:
    photo = tmp_path / "my photo.JPG"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"x" * 2000)
    assert attachment_path(f"/file {photo}") == photo
    assert attachment_path(f"'{photo}'") == photo  # pasted, quoted
    assert attachment_path(str(photo).replace(" ", "\\ ")) == photo  # dragged, escaped
    assert attachment_path("/file ~/nowhere.pdf") == Path.home() / "nowhere.pdf"  # the caller says it is missing
    assert attachment_path("/tmp/not/a/file.jpg") is None  # an answer that only looks like a path
    assert attachment_path("村支书把低保名额给了亲戚") is None
    media = media_for(photo)
    assert (media.kind, media.name, media.mime_type, media.size) == ("photo", "my photo.JPG", "image/jpeg", 2004)
    assert await read_file(media) == photo.read_bytes()
    for name, kind in (("a.mp4", "video"), ("a.ogg", "voice"), ("a.m4a", "audio"), ("a.pdf", "document")):
        (tmp_path / name).write_bytes(b"x")
        assert media_for(tmp_path / name).kind == kind
    assert (human_size(900), human_size(2048), human_size(3 * 1024 * 1024)) == ("900 B", "2.0 KB", "3.0 MB")


def test_the_screen_numbers_buttons_forgets_deleted_messages_and_saves_documents_only_when_asked(
    tmp_path: Path,
) -> None:
    out = io.StringIO()
    screen = Screen(out, Translator.load(), "zh-CN", tty=True, save_dir=tmp_path / "saved")
    screen.note("console.help")
    first = screen.show(Outgoing("举报内容：张某某……", ((("是", "s:x:yes"), ("否", "s:x:no")),)))
    assert "  [1] 是   [2] 否" in out.getvalue() and screen.button("2") == (first, "s:x:no")
    screen.show(Outgoing("🔔 结果", ((("满意", "s::fb:1:rate:satisfied"),),)), pushed=True)
    assert screen.button("3") == (first + 1, "s::fb:1:rate:satisfied")  # a push adds to the buttons shown
    screen.begin_response()
    screen.show(Outgoing("抱歉，处理时出现问题"))
    assert screen.button("1") == (first, "s:x:yes")  # a reply without buttons leaves the numbers as they were
    screen.begin_response()
    screen.show(Outgoing("常见问题", ((("多久", "s::faq:how_long"),), (("返回", "s::faq:back"),))))
    latest = screen.show(Outgoing("第二条", ((("再来", "s:y:again"),),)))  # the same response: numbers go on
    assert screen.button("1") == (latest - 1, "s::faq:how_long") and screen.button("3") == (latest, "s:y:again")
    assert screen.button("4") is None
    assert screen.delete((first,)) == 1
    redrawn = out.getvalue().rsplit(CLEAR, 1)[1]
    assert "张某某" not in redrawn and "输入按钮前的编号" in redrawn and "已从屏幕上删除 1 条消息" in redrawn
    screen.show(Outgoing("证据材料", document=("ledger.jpg", b"\xff\xd8" * 600)))
    assert (tmp_path / "saved" / "ledger.jpg").read_bytes() == b"\xff\xd8" * 600
    screen.save_dir = None
    screen.show(Outgoing("证据材料", document=("ledger.jpg", b"x")))
    assert "ledger.jpg（1 B）——未写入磁盘" in out.getvalue()


def test_the_line_editor_reads_pastes_whole_and_edits_a_little() -> None:
    """Issue 12 item 9: a bracketed paste keeps its line breaks (CR, LF or CR LF) and only Enter sends; wide
    characters are erased two columns wide; other escape sequences (arrows) are ignored; Ctrl-D ends only an
    empty line; nothing is echoed while echo is off (passwords)."""
    shown: list[str] = []
    lines: list[str | None] = []
    editor = LineEditor(shown.append, lines.append)
    editor.feed("\x1b[200~第一段\r第二段\r\n第三段\n\x1b[201~")
    assert lines == [] and editor.pending() == "第一段\n第二段\n第三段\n"
    editor.feed("\x7f补充\x1b[A\x1bOB\r")
    assert lines == ["第一段\n第二段\n第三段补充"]
    editor.feed("abc举\x7f\x7f\x15xy\x04\r")
    assert lines[-1] == "xy" and "\b \b\b \b" in "".join(shown)  # 举 took two columns
    shown.clear()
    editor.echo_on = False
    editor.feed("secret-password\r")
    assert lines[-1] == "secret-password" and shown == []
    editor.feed("\x04")
    assert lines[-1] is None
    editor.feed("长" * (MAX_CHARS + 10) + "\r")
    assert len(lines[-1] or "") == MAX_CHARS  # a runaway paste is bounded; the front then says it is too long


async def test_a_demo_officer_in_the_terminal_gets_no_backlog_of_stale_notices(app: App) -> None:
    """Issue 12, item 16, as found: an officer of ``qingfeng demo-data`` (no Telegram id) opening the terminal got
    every "新收到一件信访举报" queued since the demo began, concluded cases included. Only what still asks for
    something is shown; the rest is marked dropped."""
    from core.model import DisposalMethod
    from tests.factories import closure

    office = await seed_office(app)
    demo = await app.officers.add_officer("演示信访", "LA", [Role.INTAKE])  # as demo-data adds them
    done = (await app.filing.file_report(named_report())).number
    await app.cases.register(done, office.intake)
    await app.cases.accept(done, office.intake)
    await app.cases.assign(done, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(done, office.handler, DisposalMethod.CLOSE, approved_by=office.supervisor)
    await app.cases.conclude(done, office.handler, closure(), approved_by=office.supervisor)
    waiting = (await app.filing.file_report(named_report(chat_id=555009))).number
    officer = Recorder()
    assert await ChatOutbox(app.ctx, officer, LOCAL_CHAT_BASE + demo.id, demo.id).send_due() == 1
    assert [(m.template, m.params["number"]) for m in officer.sent] == [("notify.officer.new_case", waiting)]
    mine = [r for r in await rows(app) if r.recipient_kind == "officer" and r.recipient_id == demo.id]
    assert sorted(r.status for r in mine) == [OutboxStatus.DROPPED.value, OutboxStatus.SENT.value]


async def test_an_answer_to_an_urgent_message_reaches_the_terminal_chat_that_sent_it(app: App) -> None:
    """Issue 12, item 12 in the terminal runtime: the officer's answer goes to the chat the urgent message came
    from (resolved at send time), and to no other chat."""
    office = await seed_office(app)
    note = await app.urgent.raise_alert("我不想活了", chat_id=LOCAL_CHAT_BASE, locale="en")
    await app.urgent.reply(office.supervisor, note, "我们已联系派出所")
    other = Recorder()
    assert await ChatOutbox(app.ctx, other, LOCAL_CHAT_BASE + 1).send_due() == 0
    citizen = Recorder()
    assert await ChatOutbox(app.ctx, citizen, LOCAL_CHAT_BASE).send_due() == 1
    assert [(m.chat_id, m.locale, m.template, m.params) for m in citizen.sent] == [
        (LOCAL_CHAT_BASE, "en", "notify.citizen.urgent_reply", {"text": "我们已联系派出所"})
    ]


async def test_a_terminal_officer_who_asked_is_shown_the_reporters_answer(app: App) -> None:
    """Tester's walk, item 3: an officer in the terminal (no Telegram id) asks, the reporter answers; the
    officer's terminal shows the notice."""
    from core.services.messaging import MessagingService

    await seed_office(app)
    officer_view = await app.officers.add_officer("终端信访", "LA", [Role.INTAKE])
    number = (await app.filing.file_report(named_report(chat_id=LOCAL_CHAT_BASE))).number
    messaging = MessagingService(app.ctx)
    actor = await app.officers.actor_for_officer(officer_view.id)
    qid = await messaging.ask(number, actor, "请问是哪两户？")
    citizen = Recorder()
    assert await ChatOutbox(app.ctx, citizen, LOCAL_CHAT_BASE).send_due() == 1
    await messaging.answer(number, LOCAL_CHAT_BASE, qid, "张二和李某两户。")
    officer = Recorder()
    chat = LOCAL_CHAT_BASE + officer_view.id
    await ChatOutbox(app.ctx, officer, chat, officer_view.id).send_due()
    assert ("notify.officer.reporter_reply", number) in [(m.template, m.params.get("number")) for m in officer.sent]


async def test_an_invited_officer_is_told_how_to_join_in_the_terminal_and_then_works_there(app: App) -> None:
    """Tester's walk, item 1: ``qingfeng setup`` without a Telegram id invites the officer; ``chat --as officer 1``
    said "no such officer". It says the invite is pending and how to join in the terminal; the code is still
    needed (a number alone makes no one an officer); after /join there, ``--as officer`` that chat works."""
    from bot.runtimes.console.officer import terminal_chat, unknown_officer

    await seed_office(app)
    invited, code = await app.officers.invite("新来的", "LA", [Role.INTAKE])
    officers = await app.officers.list_officers()
    assert find_officer(officers, invited.id) is None  # not active: not usable by its number
    out = io.StringIO()
    unknown_officer(out, Translator.load("zh-CN"), "zh-CN", invited.id, officers)
    chat = terminal_chat(invited.id)
    assert "已受邀请" in out.getvalue() and f"qingfeng chat --chat-id {chat}" in out.getvalue()
    assert f"--as officer {chat}" in out.getvalue() and code not in out.getvalue()
    assert await app.officers.redeem(code, chat) is not None  # /join from that terminal chat
    found = find_officer(await app.officers.list_officers(), chat)
    assert found is not None and found.id == invited.id


def test_the_chat_logs_to_a_file_in_the_data_dir_never_to_the_terminal(tmp_path: Path, capfd: Any) -> None:
    """Tester's walk: a calendar warning appeared inside ``qingfeng chat``. The chat's log goes to
    DATA_DIR/logs/chat.log (0600); the CLI and ``qingfeng run`` keep logging to the terminal."""
    import logging

    from core.settings import Settings
    from qingfeng.chat import chat_log
    from qingfeng.logs import configure_logging, log_to_file

    root = logging.getLogger()
    saved, level = list(root.handlers), root.level
    try:
        configure_logging("INFO")
        path = chat_log(Settings(_env_file=None, data_dir=tmp_path / "data"))  # type: ignore[call-arg]
        log_to_file(path)
        logging.getLogger("core.calendar.workdays").warning("no holiday data for 2027: counting Monday-Friday")
        for handler in root.handlers:
            handler.flush()
        shown = capfd.readouterr()
        assert "holiday" not in shown.out and "holiday" not in shown.err
        assert "WARNING core.calendar.workdays: no holiday data for 2027" in path.read_text("utf-8")
        assert path == tmp_path / "data" / "logs" / "chat.log" and path.stat().st_mode & 0o777 == 0o600
    finally:
        for handler in root.handlers:
            if handler not in saved:
                root.removeHandler(handler)
                handler.close()
        for handler in saved:
            if handler not in root.handlers:
                root.addHandler(handler)
        root.setLevel(level)
