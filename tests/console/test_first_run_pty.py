"""The first run on a fresh data directory, in a pseudo-terminal (issue 12, item 0):

- ``qingfeng chat`` on a database with no unit says how to set one up (or load the demo office);
- ``qingfeng setup`` asks its questions in the terminal, then a citizen's report filed in ``qingfeng chat`` gets
  a case number and the first officer sees it in /inbox;
- ``qingfeng run --setup`` (what ``make run`` runs) in a terminal with no office asks the set-up questions
  first, then polls the Bot API and answers a citizen.
"""

from __future__ import annotations

import asyncio
import codecs
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.settings import Settings
from qingfeng.app import build_app
from tests.bot.conftest import TOKEN
from tests.bot.fake_telegram import FakeTelegram
from tests.factories import FACTS

from .test_chat_pty import PtyChat

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
SETUP_ANSWERS = ("临安区纪委监委", "LA", "3", "浙江省", "杭州市", "临安区", "王芳", "", "424242", "y")


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "TERM": "xterm",
            "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "QINGFENG_DATA_DIR": str(tmp_path / "data"),
            "QINGFENG_FLOOD_BURST": "10000", **extra}  # fmt: skip


class PtyCommand:
    """``qingfeng <args>`` on a pseudo-terminal: answer its questions as an operator would."""

    def __init__(self, env: dict[str, str], cwd: Path, *args: str) -> None:
        master, slave = pty.openpty()
        self.proc = subprocess.Popen([sys.executable, "-m", "qingfeng.cli", *args], stdin=slave, stdout=slave,
                                     stderr=slave, env=env, cwd=cwd, start_new_session=True)  # fmt: skip
        os.close(slave)
        self.master, self.out, self.mark = master, "", 0
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def _pump(self, timeout: float) -> bool:
        if not select.select([self.master], [], [], timeout)[0]:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:
            return False
        self.out += self.decoder.decode(data).replace("\r\n", "\n")
        return bool(data)

    def wait(self, text: str, timeout: float = 90) -> str:
        deadline = time.monotonic() + timeout
        while text not in self.out[self.mark :]:
            if time.monotonic() > deadline or not self._pump(0.2):
                raise AssertionError(f"waited for {text!r}; the terminal shows:\n{self.out[-3000:]}")
        new, self.mark = self.out[self.mark :], self.out.index(text, self.mark) + len(text)
        return new

    def answer(self, question: str, line: str) -> None:
        self.wait(question)
        os.write(self.master, (line + "\n").encode())

    def finish(self, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while self._pump(0.2) and time.monotonic() < deadline:
            pass
        code = self.proc.wait(timeout=timeout)
        os.close(self.master)
        return code


def set_up(cmd: PtyCommand) -> None:
    questions = ("单位名称", "单位代码", "单位级别", "所在省", "所在市", "所在县", "姓名", "角色", "Telegram",
                 "确认创建")  # fmt: skip
    for question, line in zip(questions, SETUP_ANSWERS, strict=True):
        cmd.answer(question, line)


async def case_unit(settings: Settings, number: str) -> str:
    app = await build_app(settings)
    try:
        return (await app.queries.case_detail(number)).summary.unit
    finally:
        await app.close()


def test_a_fresh_data_directory_set_up_in_the_terminal_then_a_report_reaches_the_officer(tmp_path: Path) -> None:
    env = environment(tmp_path)
    before = PtyChat(env, tmp_path, [])
    assert "qingfeng setup" in before.start() and "demo-data" in before.last  # an empty database: what to do
    before.quit()

    setup = PtyCommand(env, tmp_path, "setup")
    set_up(setup)
    assert setup.finish() == 0
    assert "已设置本单位：LA 临安区纪委监委（县级，浙江省/杭州市/临安区）" in setup.out
    assert "已添加办案人员：王芳" in setup.out

    c = PtyChat(env, tmp_path, [])
    assert "qingfeng setup" not in c.start()
    c.type("/start")
    c.tap("我已阅读")
    c.type("村支书把低保名额给了自己的亲戚")
    c.tap("检举控告")
    c.tap("匿名举报")
    c.type("张某某")
    c.type("临安区某镇某村村委会")
    c.type("村党支部书记")
    c.tap("村（社区）干部")
    c.tap("浙江省/杭州市/临安区")  # the region the set-up gave, offered as a button
    c.tap("中共党员")
    c.tap("没有了")
    c.tap("群众纪律")
    c.type(FACTS)
    c.tap("跳过")
    c.tap("完成")
    c.type("lao-li-2026!")
    c.type("lao-li-2026!")
    c.tap("不需要")
    c.tap("内容无误")
    receipt = c.tap("确认提交")
    number = re.search(r"编号：(XF-\d{4}-\d{6})", receipt).group(1)  # type: ignore[union-attr]
    c.quit()

    o = PtyChat(env, tmp_path, [], "--as", "officer", "424242")
    opened = o.start()
    assert "王芳" in opened and "新收到一件信访举报" in opened
    assert number in o.type("/inbox")
    o.quit()
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")  # type: ignore[call-arg]
    assert asyncio.run(case_unit(settings, number)) == "LA"


async def test_make_run_in_a_terminal_asks_for_the_office_first_then_polls(tmp_path: Path, tg: FakeTelegram) -> None:
    env = environment(tmp_path, QINGFENG_BOT_TOKEN=TOKEN, QINGFENG_TELEGRAM_API=tg.api_root)
    cmd = await asyncio.to_thread(PtyCommand, env, tmp_path, "run", "--setup")
    try:
        await asyncio.to_thread(set_up, cmd)
        await asyncio.to_thread(cmd.wait, "make run")  # the set-up's last words; polling starts
        tg.user_sends(5001, "/start")
        sent = await tg.wait_sent(5001, 2, timeout=90)
        assert "【举报须知】" in sent[1]["text"]
    finally:
        if cmd.proc.poll() is None:
            os.killpg(cmd.proc.pid, signal.SIGTERM)
        code = await asyncio.to_thread(cmd.finish)
    assert code == 0, cmd.out[-2000:]
    assert "Traceback" not in cmd.out
