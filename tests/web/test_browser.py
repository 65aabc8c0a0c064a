"""The web chat in a real browser (issue 19): Chromium on a phone-sized screen against ``qingfeng web`` (see
tests/web/browser.py). A citizen files a named report with a photo — buttons, typing, /back, the file — gets the
case number, and sees the acceptance pushed by the office's action appear in the open page; an anonymous reporter
files, then follows the case from another browser with the query code and password. The page asks nothing of any
other address (Chrome's network log), and its Content-Security-Policy holds (no inline script runs).

``QINGFENG_GOLDEN=update`` saves the phone-sized screenshot shown in the README (docs/web-chat.png).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import select

from core.chats import is_web_chat
from core.persistence.orm import CaseRow, ReporterContactRow
from core.settings import Settings
from qingfeng.app import build_app
from tests.console.test_chat_pty import seed
from tests.factories import FACTS
from tests.walks import JPEG, SCOPE_SENTENCE
from tests.web.browser import Page, run, settings_for, skip_without_browser, web_process

pytestmark = skip_without_browser
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "web-chat.png"


async def accept(settings: Settings, number: str) -> str:
    """The intake officer registers and accepts the case (as the bot or the terminal would, in another process)."""
    app = await build_app(settings)
    try:
        intake = await app.officers.actor_for_telegram(1001)  # 王信访 of tests/factories.seed_office
        assert intake is not None
        await app.cases.register(number, intake)
        await app.cases.accept(number, intake)
        async with app.ctx.uow() as uow:
            case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
            contact = await uow.session.get(ReporterContactRow, case.id)
            assert contact is not None and is_web_chat(int(app.ctx.vault.decrypt(contact.chat_enc)))
            return case.channel
    finally:
        await app.close()


def test_a_citizen_files_a_named_report_with_a_photo_and_sees_its_acceptance_in_the_open_page(tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings = settings_for(data)
    run(seed(settings))
    photo = tmp_path / "ledger.jpg"
    photo.write_bytes(JPEG)
    with web_process(data) as base:
        page = Page(base)
        try:
            page.open()
            notice = page.wait_text("举报须知")
            assert "Telegram" not in notice and "清除本浏览器记录" in notice
            page.tap("我已阅读")
            assert "属于受理范围" in "\n".join(page.type(SCOPE_SENTENCE))
            assert any("网络地址" in t for t in page.tap("检举控告"))  # what anonymity protects, for a browser
            page.tap("实名举报")
            page.type("刘举报")
            page.type("138 0013 8000")
            page.tap("跳过")
            page.type("张某某")
            page.type("临安区某镇某村村委会")
            page.type("村党支部书记")
            for label in ("村（社区）干部", "浙江省/杭州市/临安区", "中共党员", "没有了", "廉洁纪律"):
                page.tap(label)
            assert "问题类别" in page.chip("/back")[-1]  # the wrong category, taken back
            page.tap("群众纪律")
            page.type(FACTS)
            page.tap("跳过")
            assert any("已收到第 1 个文件" in t for t in page.attach(photo))
            page.tap("完成")
            review = "\n".join(page.tap("内容无误"))
            assert "确认" in review
            shown = page.driver.execute_script("return document.getElementById('log').textContent")
            assert "刘举报" not in shown and "13800138000" not in shown.replace(" ", "")  # identity: dots only
            receipt = "\n".join(page.tap("确认提交"))
            number = re.search(r"编号：(XF-\d{4}-\d{6})", receipt).group(1)  # type: ignore[union-attr]
            if os.environ.get("QINGFENG_GOLDEN") == "update":
                SCREENSHOT.write_bytes(page.driver.get_screenshot_as_png())

            assert run(accept(settings, number)) == "web"
            pushed = page.wait_text("受理", timeout=30)  # the web's outbox runs every 5 s; the page long-polls
            assert number in pushed

            # what went over the network (not the browser's own chrome:// pages, not data: pictures): this site only
            urls = [u for u in page.requested() if u.split(":", 1)[0] in ("http", "https", "ws", "wss")]
            assert urls and all(u.startswith(base + "/") for u in urls), urls
            assert any(u.endswith("/static/chat.js") for u in urls)
            csp = page.driver.execute_script(
                "const s = document.createElement('script'); s.textContent = 'window.inlineRan = true';"
                "document.body.append(s); return window.inlineRan === true")  # fmt: skip
            assert csp is False  # an inline script does not run under the page's policy
        finally:
            page.close()


def test_an_anonymous_reporter_follows_the_case_from_another_browser(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run(seed(settings_for(data)))
    with web_process(data) as base:
        first = Page(base)
        try:
            first.open()
            first.wait_text("举报须知")
            first.tap("我已阅读")
            first.type(SCOPE_SENTENCE)
            first.tap("检举控告")
            first.tap("匿名举报")
            first.type("张某某")
            first.type("临安区某镇某村村委会")
            first.type("村党支部书记")
            for label in ("村（社区）干部", "浙江省/杭州市/临安区", "中共党员", "没有了", "群众纪律"):
                first.tap(label)
            first.type(FACTS)
            first.tap("跳过")
            first.tap("完成")
            assert first.driver.find_element("id", "secret").is_displayed()  # the password: typed unseen
            first.type("lao-li-2026!")
            first.type("lao-li-2026!")
            first.tap("需要提醒")
            first.tap("内容无误")
            receipt = "\n".join(first.tap("确认提交"))
            code = receipt.split("查询码：")[1].split()[0]
            assert "lao-li" not in first.driver.execute_script("return document.body.textContent")
            done = "\n".join(
                first.tap("从对话中删除本次举报内容", until="已删除")
            )  # the report taken off the page, as off a chat
            assert "已删除" in done and "清除本浏览器记录" in done
            body = lambda: first.driver.execute_script("return document.getElementById('log').textContent")  # noqa: E731
            assert FACTS[:12] not in body() and "张某某" not in body()
            first.driver.refresh()  # and not shown again: the server erased it
            first.wait(lambda: "已删除" in body(), "the page again")
            assert FACTS[:12] not in body() and code not in body()
        finally:
            first.close()
        second = Page(base)  # another browser: another profile, no cookie of the first
        try:
            second.open()
            second.wait_text("举报须知")
            assert "查询码" in second.chip("/status")[-1]
            second.type(code)
            status = "\n".join(second.type("lao-li-2026!"))
            assert "XF-2026-000001" in status and "已收到，待受理" in status
        finally:
            second.close()
