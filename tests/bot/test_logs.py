"""No reporter identity, phone, facts, password, query code or file content ever reaches the logs.

The whole log output (every logger, DEBUG for our code, with tracebacks formatted) of a full session —
a named filing with a photo, an anonymous filing with a password, an officer working the named case from
inbox to feedback with an identity view and an evidence download, the pushes to the reporter, a database
outage mid-dialog — is captured with the logging set-up ``qingfeng`` uses, and searched for those values.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from qingfeng.app import App
from qingfeng.logs import QUIET, configure_logging
from tests.factories import FACTS, Office
from tests.walks import JPEG, finish_anonymous, walk_to_facts

from .conftest import BotHarness
from .test_officer import approved, conclude, deliver
from .test_resilience import database_outage

NAMED, ANON = 750001, 750002
INTAKE, HANDLER = 1001, 1002
PASSWORD = "lao-li-2026!"
FEEDBACK = "经核查，您反映的问题部分属实，已对相关人员谈话提醒并责令退还。"


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))  # message, arguments and any traceback


@pytest.fixture
def captured() -> Iterator[Capture]:
    root = logging.getLogger()
    saved = {name: logging.getLogger(name).level for name in (*QUIET, "bot", "core", "qingfeng", "")}
    handler = Capture()
    configure_logging(logging.DEBUG)  # an operator chasing a problem: the most verbose set-up we allow
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


async def test_a_full_session_leaves_nothing_of_the_report_in_the_logs(
    harness: BotHarness, app: App, office: Office, captured: Capture
) -> None:
    h = harness
    await walk_to_facts(h, NAMED)
    await h.say(NAMED, FACTS)
    await h.tap(NAMED, "跳过")
    await h.photo(NAMED, JPEG)
    await h.tap(NAMED, "完成")
    await h.tap(NAMED, "内容无误")
    receipt = await h.tap(NAMED, "确认提交")
    number = receipt[0].split("编号：")[1].split("\n")[0]

    await walk_to_facts(h, ANON, named=False)
    await finish_anonymous(h, ANON, password=PASSWORD)
    await h.tap(ANON, "内容无误")
    anonymous = await h.tap(ANON, "确认提交")
    code = anonymous[0].split("查询码：")[1].split("\n")[0].strip()
    await h.say(ANON, "/status")
    await h.say(ANON, code)
    await h.say(ANON, PASSWORD)

    await h.say(INTAKE, f"/case {number}")
    await h.tap(INTAKE, "登记")
    await h.tap(INTAKE, "受理")
    shown = await h.tap(INTAKE, "查看举报人身份")
    assert "刘举报" in shown[-1]  # the officer saw it — the logs must not have
    await h.tap(INTAKE, "photo.jpg")  # evidence download, decrypted in memory
    await h.say(INTAKE, f"/case {number}")
    await h.tap(INTAKE, "分配承办")
    await h.tap(INTAKE, "李承办")
    await h.say(HANDLER, f"/case {number}")
    await h.tap(HANDLER, "选择处置方式")
    await h.tap(HANDLER, "初步核实")  # a request to the leader, approved from the push (issue 15)
    await approved(h, app)
    await h.say(HANDLER, f"/case {number}")
    await conclude(h, HANDLER, FEEDBACK)
    await approved(h, app)  # the leader signs the conclusion off (§7.1 item 5)
    await deliver(h, app)
    await h.say(HANDLER, f"/case {number}")
    await h.tap(HANDLER, "反馈结果")
    await h.tap(HANDLER, "按此发送")  # the text prepared at closure (issue 12, item 15)
    await deliver(h, app)
    assert any(FEEDBACK in t for t in h.tg.texts(NAMED))
    assert (await app.queries.case_detail(number)).summary.state == "feedback_given"

    h.errors_expected = True  # an outage mid-dialog: the error is logged, by class only
    await h.say(NAMED, "/start")
    async with database_outage(app):
        await h.tap(NAMED, "我已阅读")

    logged = "\n".join(captured.lines)
    assert "failed" in logged or "Error" in logged  # the outage was logged, so logging was on
    secrets = {
        "reporter name": "刘举报",
        "phone": "13800138000",
        "phone as typed": "138 0013 8000",
        "person reported": "张某某",
        "unit": "临安区某镇某村村委会",
        "facts": FACTS[:12],
        "password": PASSWORD,
        "query code": code,
        "feedback": FEEDBACK[:12],
        "closure finding": "优亲厚友",
        "file content": "photo-of-the-ledger",
    }
    leaked = {what: value for what, value in secrets.items() if value in logged}
    assert not leaked, f"leaked into the logs: {sorted(leaked)}"
    assert str(ANON) not in logged  # nothing ties the anonymous reporter's chat to anything
    assert f"case {number} filed" in logged and len(captured.lines) > 40  # a whole session's log was searched
