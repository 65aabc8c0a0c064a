"""``qingfeng chat`` in a pseudo-terminal: a citizen files a named report, officers work it to feedback, the
citizen sees the acceptance notice and the result pushed — the steps of tests/bot/test_filing.py and
test_officer.py, typed into the terminal.

Each session is a separate process (``python -m qingfeng.cli chat``) on a pty, so this test always uses SQLite
in a temporary data directory (a second process cannot share the test fixtures' PostgreSQL truncation), with
settings from the environment. The real scheduler runs in each session; its outbox job delivers at start and
every 5 s. The transcript is printed with -s, and saved with QINGFENG_GOLDEN=update to
tests/data/transcripts/console/chat_named_and_officer.txt.
"""

from __future__ import annotations

import asyncio
import codecs
import fcntl
import hashlib
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from core.settings import Settings
from qingfeng.app import build_app
from tests.bot.fake_telegram import PATIENCE
from tests.factories import FACTS, ooxml, seed_office

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# In a subdirectory: every *.txt directly in tests/data/transcripts is a golden dialog script.
TRANSCRIPT = Path(__file__).resolve().parent.parent / "data" / "transcripts" / "console" / "chat_named_and_officer.txt"
JPEG = b"\xff\xd8\xff\xe0" + b"photo-of-the-ledger" * 100
PDF = b"%PDF-1.7\n" + b"minutes of the village meeting" * 50
CLEAR = "\x1b[H\x1b[2J\x1b[3J"
LINE_UP_CLEAR = "\x1b[1A\x1b[2K"
PROMPT = "> "


class PtyChat:
    """One ``qingfeng chat`` process on a pseudo-terminal, driven like a person at the keyboard."""

    def __init__(self, env: dict[str, str], cwd: Path, log: list[str], *args: str) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "qingfeng.cli", "chat", *args],
            stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd, start_new_session=True,
        )  # fmt: skip
        os.close(slave)
        self.master, self.log, self.out, self.mark, self.last = master, log, "", 0, ""
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        log.append(f"\n$ {' '.join(('qingfeng chat', *args))}\n")

    def _pump(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        if not data:
            return False
        self.out += self.decoder.decode(data).replace("\r\n", "\n")
        return True

    def wait(self, done: object, timeout: float = 20) -> str:
        """Read until ``done`` (a string, or a callable on the new output) holds; return the new output."""
        deadline = time.monotonic() + timeout * PATIENCE  # a guard against a hang, stretched on a busy machine
        while True:
            new = self.out[self.mark :]
            if done(new) if callable(done) else str(done) in new:
                return new
            if time.monotonic() > deadline or not self._pump(min(0.2, deadline - time.monotonic())):
                raise AssertionError(f"waited for {done!r}; the terminal shows:\n{new[-3000:]}")

    def reply(self, timeout: float = 20) -> str:
        """The response to the last line: everything up to the next prompt."""
        new = self.wait(lambda s: s.rstrip(" ").endswith("\n>") and s.count("\n") >= 2, timeout)
        self.mark, self.last = len(self.out), new
        return new

    def start(self) -> str:
        return self.reply(timeout=30)

    def type(self, line: str) -> str:
        os.write(self.master, (line + "\n").encode())
        return self.reply()

    def paste(self, text: str) -> str:
        """Paste ``text`` as a terminal in bracketed-paste mode sends it (between ESC[200~ and ESC[201~, line
        breaks as CR), then press Enter."""
        data = b"\x1b[200~" + text.replace("\n", "\r").encode() + b"\x1b[201~\r"
        while data:  # the pty takes a few KB at a time
            data = data[os.write(self.master, data) :]
        return self.reply()

    def tap(self, label: str) -> str:
        """Type the number of the button of the last reply that is ``label``, else starts with it, else has it."""
        buttons = re.findall(r"\[(\d+)\] ([^\n]+?)(?=   \[|\n|$)", self.last)
        for match in (str.__eq__, str.startswith, str.__contains__):
            number = next((n for n, text in buttons if match(text, label)), None)
            if number is not None:
                return self.type(number)
        raise AssertionError(f"no button {label!r} in:\n{self.last}")

    def quit(self) -> str:
        os.write(self.master, b"/quit\n")
        rest = self.wait("已退出", timeout=15)
        assert self.close() == 0, rest
        return rest

    def close(self) -> int:
        """Read to the end, wait for the exit code, keep the transcript."""
        deadline = time.monotonic() + 15 * PATIENCE
        while self._pump(0.2) and time.monotonic() < deadline:
            pass
        code = self.proc.wait(timeout=15 * PATIENCE)
        os.close(self.master)
        self.log.append(as_seen(self.out))
        return code


def as_seen(raw: str) -> str:
    """The transcript as the screen showed it: overwritten lines replaced, clearing the screen marked."""
    raw = raw.replace("\x1b[?2004h", "").replace("\x1b[?2004l", "")  # bracketed paste on and off: invisible
    while (at := raw.find(LINE_UP_CLEAR)) >= 0:
        raw = raw[: raw.rfind("\n", 0, at - 1) + 1] + raw[at + len(LINE_UP_CLEAR) :]
    return raw.replace(CLEAR, "\n──────── [screen and scrollback cleared] ────────\n")


async def seed(settings: Settings) -> None:
    app = await build_app(settings)  # migrates the new database, as 'qingfeng chat' will
    try:
        await seed_office(app)
    finally:
        await app.close()


async def check(settings: Settings, number: str) -> None:
    app = await build_app(settings)
    try:
        detail = await app.queries.case_detail(number)
        assert detail.summary.state == "feedback_given" and detail.summary.named and detail.facts == FACTS
        assert detail.summary.satisfaction == "satisfied"
        assert [e.sha256 for e in detail.evidence] == [hashlib.sha256(d).hexdigest() for d in (JPEG, PDF)]
        assert detail.result and detail.result["leader_signoff"] == "陈主任"
    finally:
        await app.close()


def test_named_report_worked_by_officers_in_the_terminal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings = Settings(_env_file=None, data_dir=data)  # type: ignore[call-arg]
    asyncio.run(seed(settings))
    (tmp_path / "ledger.jpg").write_bytes(JPEG)
    (tmp_path / "会议 记录.pdf").write_bytes(PDF)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "TERM": "xterm",
           "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "QINGFENG_DATA_DIR": str(data),
           "QINGFENG_FLOOD_BURST": "10000"}  # fmt: skip
    log: list[str] = []

    # -- a citizen files a named report ---------------------------------------------------------------------------
    c = PtyChat(env, tmp_path, log)
    assert "群众身份" in c.start()
    assert "【举报须知】" in c.type("/start")
    c.tap("我已阅读")
    c.type("村支书把低保名额给了自己的亲戚")
    c.tap("检举控告")
    c.tap("实名举报")
    c.type("刘举报")
    c.type("138 0013 8000")
    c.tap("跳过")
    c.type("张某某")
    c.type("临安区某镇某村村委会")
    c.type("村党支部书记")
    c.tap("村（社区）干部")
    c.tap("浙江省/杭州市/临安区")
    c.tap("中共党员")
    c.tap("没有了")
    c.tap("群众纪律")
    c.type(FACTS)
    c.tap("跳过")  # other bodies
    assert "已收到第 1 个文件" in c.type(f"/file {tmp_path / 'ledger.jpg'}")
    assert "会议 记录.pdf" in c.type(f"'{tmp_path / '会议 记录.pdf'}'")  # a pasted path, quoted by the terminal
    review = c.tap("完成")
    assert "张某某" in review and FACTS in review
    c.tap("内容无误")
    receipt = c.tap("确认提交")
    number = re.search(r"编号：(XF-\d{4}-\d{6})", receipt).group(1)  # type: ignore[union-attr]
    wiped = c.tap("🧹")
    assert CLEAR in wiped and re.search(r"已从屏幕上删除 \d+ 条消息", wiped) and FACTS not in wiped
    assert "群众身份" in wiped  # the console's banner stays; the report's messages are gone
    c.quit()

    # -- the intake officer registers, accepts and assigns ---------------------------------------------------------
    o = PtyChat(env, tmp_path, log, "--as", "officer", "1001")
    opened = o.start()
    assert "王信访" in opened and "🔔" in opened and "新收到一件信访举报" in opened  # pushed from the outbox at start
    assert "王信访（临安区纪委监委，信访受理）" in opened  # the unit's name and the roles' labels, not codes
    assert (data / "logs" / "chat.log").is_file()  # the chat's log goes there, never between its messages
    shown = o.type("/help")  # officers' own help (issue 12)
    assert "/inbox" in shown and "/case" in shown and "/join" in shown
    assert number in o.type("/inbox")
    card = o.tap(number)
    assert "刘举报" not in card and "身份信息按权限查看" in card
    evidence = o.tap("📎 ledger.jpg")
    assert "ledger.jpg（1.9 KB）——未写入磁盘" in evidence
    o.type(f"/case {number}")
    o.tap("登记")
    assert "已受理" in o.tap("受理")
    o.tap("分配承办")
    o.tap("李承办")
    o.quit()

    unknown = PtyChat(env, tmp_path, log, "--as", "officer", "424242")
    assert unknown.close() == 2
    assert "qingfeng officers list" in unknown.out and "telegram 1004" in unknown.out

    # -- the handler disposes (approved by the supervisor), concludes and gives feedback ---------------------------
    h = PtyChat(env, tmp_path, log, "--as", "officer", "1002")
    h.start()
    h.type("/inbox")
    h.tap(number)
    h.tap("选择处置方式")
    assert "须经领导批准" in h.tap("初步核实")  # a request to the unit's leader (issue 15)
    h.quit()
    leader = PtyChat(env, tmp_path, log, "--as", "officer", "1004")
    assert "请您审批" in leader.start()  # pushed from the outbox at start, with its buttons
    assert "已批准" in leader.tap("✅ 批准")
    leader.quit()
    h = PtyChat(env, tmp_path, log, "--as", "officer", "1002")
    h.start()
    assert "处置中" in h.type(f"/case {number}")
    h.tap("办结")
    h.type("村支书低保优亲厚友")
    h.tap("部分属实")
    h.type("低保评议记录；走访笔录")
    h.type("《中国共产党纪律处分条例》群众纪律")
    h.type("谈话提醒，责令退还违规低保金")
    h.tap("是")  # collective discussion; the leader signs the conclusion off by approving it (§7.1 item 5)
    assert "须经领导批准" in h.type("经核查，您反映的问题部分属实，已责令整改。")
    h.quit()
    leader = PtyChat(env, tmp_path, log, "--as", "officer", "1004")
    assert "请您审批" in leader.start()
    assert "已批准" in leader.tap("✅ 批准")
    leader.quit()
    h = PtyChat(env, tmp_path, log, "--as", "officer", "1002")
    h.start()
    assert "已办结" in h.type(f"/case {number}")
    assert "按此发送" in h.tap("反馈结果")  # the text prepared at closure, offered (issue 12, item 15)
    h.tap("修改")
    assert "已反馈" in h.type("经核查，您反映的问题部分属实，已对相关人员谈话提醒并责令退还。")
    h.quit()

    # -- the citizen comes back: the acceptance notice and the result were pushed to this terminal ------------------
    c = PtyChat(env, tmp_path, log)
    pushed = c.wait(lambda s: "【受理告知】" in s and "【办理结果反馈】" in s and s.rstrip(" ").endswith(">"))
    c.mark, c.last = len(c.out), pushed
    assert number in pushed and "🔔" in pushed and "谈话提醒" in pushed
    assert "谢谢您的评价：满意" in c.tap("满意")
    c.quit()

    text = "".join(log)
    if os.environ.get("QINGFENG_GOLDEN") == "update":  # the committed sample; times differ on every run
        TRANSCRIPT.parent.mkdir(parents=True, exist_ok=True)
        TRANSCRIPT.write_text(text.replace(str(tmp_path), "/tmp/demo").replace(number, "XF-2026-000001"), "utf-8")
    print(text)
    asyncio.run(check(settings, number))


def test_passwords_are_read_without_echo_and_secrets_are_overwritten(tmp_path: Path) -> None:
    """The status password is typed with echo off and never shown; a /join code, echoed by the terminal, is
    overwritten as soon as the front asks to delete it."""
    data = tmp_path / "data"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "TERM": "xterm",
           "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "QINGFENG_DATA_DIR": str(data)}  # fmt: skip
    c = PtyChat(env, tmp_path, [], "--chat-id", "77")  # a fresh data directory: created and migrated
    assert "本地会话号 77" in c.start()
    shown = c.type("/help")  # the citizens' help, the same in the terminal as in Telegram (issue 12)
    assert "/faq" in shown and "/back" in shown and "/inbox" not in shown
    assert "查询码" in c.type("/status")
    assert "查询密码" in c.type("ABCDE-FGHJK-MNPQR-STUVW")
    wrong = c.type("lao-li-2026!")
    assert "lao-li-2026!" not in c.out and "（已隐藏）" in wrong and "不正确" in wrong
    assert "请输入查询密码" in wrong  # asked again (issue 12): the next try is read without echo too
    again = c.type("lao-li-2027!")
    assert "lao-li-2027!" not in c.out and "（已隐藏）" in again and "不正确" in again
    assert "已取消查询" in c.type("/cancel")
    joined = c.type("/join not-a-real-code")
    assert LINE_UP_CLEAR + "> （已隐藏）" in joined  # the echoed line, overwritten
    os.write(c.master, b"\x04")  # Ctrl-D
    c.wait("已退出")
    assert c.close() == 0


PARAGRAPHS = (
    "2026年3月至8月，某村党支部书记张某某在发放低保时，把名额给了自己的两个亲戚，他们家里有车有店铺，不符合条件。" * 12,
    "真正困难的李大爷反而在2026年5月被取消了低保，村委会办公室门口的公示栏上只贴了三天，很多村民都没有看到。" * 12,
    "村里会计王某也知道这件事，涉及金额约2万元，我是在村民大会上听会计亲口说的，也看过当时的公示照片。" * 12,
)


def test_the_terminal_reads_pastes_whole_and_keeps_button_numbers(tmp_path: Path) -> None:
    """Issue 12 items 9, 10 and 7 in the terminal: a multi-line paste longer than the terminal's line limit
    (4096 bytes) is one answer, whole; a paste over the form's limit is answered with what was received; after
    an error and after /faq during the review, the numbers still mean the review's buttons, and after the
    terminal was closed mid-report and opened again; a refused file is
    refused without having been announced as attached."""
    data = tmp_path / "data"
    asyncio.run(seed(Settings(_env_file=None, data_dir=data)))  # type: ignore[call-arg]
    (tmp_path / "notes.txt").write_text("记录", "utf-8")
    (tmp_path / "低保名单.xlsx").write_bytes(ooxml("xl/workbook.xml"))
    (tmp_path / "broken.jpg").symlink_to("/proc/self/mem")  # a file that cannot be read: the update fails
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "TERM": "xterm",
           "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "QINGFENG_DATA_DIR": str(data),
           "QINGFENG_FLOOD_BURST": "10000"}  # fmt: skip
    c = PtyChat(env, tmp_path, [])
    assert "\x1b[?2004h" in c.start()  # bracketed paste switched on
    c.type("/start")
    c.tap("我已阅读")
    c.type("村支书把低保名额给了自己的亲戚")
    c.tap("检举控告")
    c.tap("匿名举报")
    c.type("张某某")
    c.type("临安区某镇某村村委会")
    c.type("村党支部书记")
    c.quit()  # and back: the new screen shows where the report stopped, so its button numbers mean that step
    c = PtyChat(env, tmp_path, [])
    resumed = c.start()
    assert "尚未提交的举报" in resumed and "村（社区）干部" in resumed
    for label in ("村（社区）干部", "浙江省/杭州市/临安区", "中共党员", "没有了", "群众纪律"):
        c.tap(label)
    too_long = c.paste("举报" * 2250)
    assert "最多 4000 字，您输入了 4500 字" in too_long and "主要问题" in too_long
    facts = "\n".join(PARAGRAPHS)
    assert len(facts.encode()) > 4096 and len(facts) < 4000
    asked = c.paste(facts)
    while "其他机关" not in asked:  # follow-up questions, if any
        asked = c.tap("不清楚")
    c.tap("跳过")
    refused = c.type(f"/file {tmp_path / 'notes.txt'}")
    assert "文件类型不能接收" in refused and "已附上" not in refused
    failed = c.type(str(tmp_path / "broken.jpg"))
    assert "处理时出现问题" in failed
    assert "已收到第 1 个文件" in c.type(f"'{tmp_path / '低保名单.xlsx'}'")
    assert "查询密码" in c.type("1")  # [1] 完成 of the evidence step, as the last buttons shown said
    c.type("paste-pass-1")
    c.type("paste-pass-1")
    review = c.tap("不需要")
    assert all(p in review for p in PARAGRAPHS) and "低保名单.xlsx" in review
    menu = c.type("/faq")
    assert "[1] " in menu and "返回" in menu and "内容无误" not in menu
    assert "多久能知道受理没有" in c.tap("期限与答复")
    answered = c.tap("多久能知道受理没有")
    assert "15个工作日" in answered and "✅ 内容无误" in answered  # the answer, then the review again
    assert "提交前请确认" in c.tap("内容无误")
    receipt = c.tap("确认提交")
    number = re.search(r"编号：(XF-\d{4}-\d{6})", receipt).group(1)  # type: ignore[union-attr]
    c.quit()
    asyncio.run(check_facts(Settings(_env_file=None, data_dir=data), number, facts))  # type: ignore[call-arg]


async def check_facts(settings: Settings, number: str, facts: str) -> None:
    app = await build_app(settings)
    try:
        detail = await app.queries.case_detail(number)
        assert detail.facts == facts and [e.original_name for e in detail.evidence] == ["低保名单.xlsx"]
    finally:
        await app.close()


async def seed_report(settings: Settings) -> tuple[str, int]:
    """The office, an officer without Telegram (as demo-data adds them) and a named report filed from the default
    terminal citizen chat."""
    from bot.runtimes.console.officer import LOCAL_CHAT_BASE
    from core.model import Role
    from tests.factories import named_report

    app = await build_app(settings)
    try:
        await seed_office(app)
        terminal = await app.officers.add_officer("终端信访", "LA", [Role.INTAKE])
        return (await app.filing.file_report(named_report(chat_id=LOCAL_CHAT_BASE))).number, terminal.id
    finally:
        await app.close()


@pytest.mark.parametrize("telegram", [True, False], ids=["telegram-id", "no-telegram-id"])
def test_the_officer_who_asked_is_shown_the_answer_in_the_open_terminal(tmp_path: Path, telegram: bool) -> None:
    """Tester's walk, item 3: the officer asks in one terminal, the reporter answers in another; the officer's
    terminal, still open, is told (it was seen only by opening the card again)."""
    data = tmp_path / "data"
    settings = Settings(_env_file=None, data_dir=data)  # type: ignore[call-arg]
    number, terminal = asyncio.run(seed_report(settings))
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "TERM": "xterm",
           "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "QINGFENG_DATA_DIR": str(data),
           "QINGFENG_FLOOD_BURST": "10000"}  # fmt: skip
    log: list[str] = []
    o = PtyChat(env, tmp_path, log, "--as", "officer", "1001" if telegram else str(terminal))
    o.start()
    o.type(f"/case {number}")
    o.tap("向举报人提问")
    assert "问题已发出" in o.type("请问发放名单上的两户具体是哪两户？")
    c = PtyChat(env, tmp_path, log)
    pushed = c.wait(lambda s: "哪两户" in s and s.rstrip(" ").endswith(">"))
    c.mark, c.last = len(c.out), pushed
    c.tap("回复")
    assert "回复已送达" in c.type("是张某的弟弟张二和弟媳李某两户。")
    c.quit()
    told = o.wait(lambda s: "举报人回复了" in s)
    assert number in told and "🔔" in told
    o.quit()
