"""The web chat's HTTP front (issue 19) in this process, on the test database (SQLite and PostgreSQL): a report
filed through the page, the notification that follows it, and the front's refusals — a request without the
anti-forgery header, another session's cookie, an upload over the limit (refused before it is read), too many
sessions from one address. The real browser walks the page in tests/web/test_browser.py."""

from __future__ import annotations

import asyncio
import hashlib

from aiohttp import ClientSession, CookieJar
from sqlalchemy import select

from bot.client import ClientNotifier
from bot.i18n import Translator
from bot.runtimes.web.limits import WebLimits
from bot.runtimes.web.server import CSP, UPLOAD_MAX
from core.chats import is_web_chat
from core.evidence.metadata import without_metadata
from core.model import Role
from core.persistence.orm import CaseRow, ReporterContactRow
from core.persistence.orm_web import WebMessageRow
from core.ports import Delivery, OutgoingMessage
from core.services.outbox import OutboxService
from qingfeng.app import App, build_outbox
from tests.factories import FACTS, seed_office
from tests.fake_notifier import RecordingNotifier
from tests.unit.test_photo_metadata import jpeg_with_exif
from tests.walks import finish_anonymous, walk_to_facts
from tests.web.visitor import Visitor, page_server


async def test_a_named_report_filed_in_the_page_reaches_the_office_and_its_acceptance_reaches_the_page(
    app: App,
) -> None:
    office = await seed_office(app)
    async with page_server(app) as (server, channel):
        v = Visitor(server)
        try:
            page = await v.open()
            assert 'script src="/static/chat.js"' in page and "<script>" not in page  # no inline script
            notice = await v.start()
            assert "举报须知" in notice[-1] and "Telegram" not in notice[-1]  # the web's own wording
            seen = await walk_to_facts(v, 0, begin=False)
            assert any("Telegram" not in t and "网络地址" in t for t in seen)  # what anonymity protects, on the web
            await v.say(0, FACTS)
            await v.tap(0, "跳过")  # other bodies
            photo = jpeg_with_exif()  # where it was taken, and with which phone: not for officers to see
            assert any("已收到第 1 个文件" in t for t in await v.upload("ledger.jpg", photo, "image/jpeg"))
            await v.tap(0, "完成")
            await v.tap(0, "内容无误")
            receipt = "\n".join(await v.tap(0, "确认提交"))
            assert "已提交" in receipt
            number = receipt.split("编号：")[1].split("\n")[0]
            detail = await app.queries.case_detail(number)
            assert detail.summary.named and detail.facts == FACTS
            assert [e.sha256 for e in detail.evidence] == [hashlib.sha256(without_metadata(photo)).hexdigest()]
            assert without_metadata(photo) != photo
            async with app.ctx.uow() as uow:
                case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
                contact = await uow.session.get(ReporterContactRow, case.id)
                assert case.channel == "web"
                assert contact is not None and is_web_chat(int(app.ctx.vault.decrypt(contact.chat_enc)))
                stored = (await uow.session.execute(select(WebMessageRow.body_enc))).scalars().all()
            assert all("刘举报".encode() not in body and FACTS.encode() not in body for body in stored)  # encrypted

            # the office accepts it: the notice goes out through the outbox and appears in the open page
            await app.cases.register(number, office.intake)
            await app.cases.accept(number, office.intake)
            telegram = RecordingNotifier()  # the bot's outbox without the page (`qingfeng run`) leaves it alone
            assert await build_outbox(app, telegram).send_due() == 0 and telegram.sent == []
            waiting = asyncio.create_task(v.http.get(v.url(f"/api/updates?after={v.last}")))
            notifier = ClientNotifier(channel.client(), Translator.load("zh-CN"))
            assert await OutboxService(app.ctx, notifier, reach=is_web_chat).send_due() == 1
            async with await waiting as r:
                news = (await r.json())["messages"]
            assert len(news) == 1 and number in news[0]["text"] and "受理" in news[0]["text"]
            listed = "\n".join(await v.say(0, "/status"))  # a named reporter's cases: listed for this browser
            assert number in listed and "已受理" in listed
        finally:
            await v.close()


async def test_an_anonymous_reporter_follows_up_from_another_browser_with_code_and_password(app: App) -> None:
    await seed_office(app)
    async with page_server(app) as (server, _):
        first, second = Visitor(server), Visitor(server)
        try:
            await first.open()
            await first.start()
            await walk_to_facts(first, 0, named=False, begin=False)
            await finish_anonymous(first, 0)
            await first.tap(0, "内容无误")
            receipt = "\n".join(await first.tap(0, "确认提交"))
            code = receipt.split("查询码：")[1].split()[0]
            assert all("lao-li" not in m["text"] for m in first.seen.values())  # the passwords: erased from the chat
            async with app.ctx.uow() as uow:
                stored = (await uow.session.execute(select(WebMessageRow.body_enc))).scalars().all()
            assert not any("lao-li" in str(app.ctx.vault.dec_json(body)) for body in stored)
            await second.open()
            await second.start()  # the page shows the notice to every new visitor: /status is not held up by it
            assert "查询码" in "\n".join(await second.say(0, "/status"))
            await second.say(0, code)
            status = "\n".join(await second.say(0, "lao-li-2026!"))
            assert "XF-2026-000001" in status and "当前状态：已收到，待受理" in status
            assert all("lao-li" not in m["text"] for m in second.seen.values())
        finally:
            await first.close()
            await second.close()


async def test_state_changing_requests_need_the_pages_token_and_a_cookie_reads_only_its_own_chat(app: App) -> None:
    await seed_office(app)
    async with page_server(app) as (server, _):
        owner, other = Visitor(server), Visitor(server)
        try:
            await owner.open()
            await owner.start()
            await owner.say(0, "我举报村支书张某某挪用低保金五万元")
            status, body = await owner.post("/api/send", {"text": "再说一句"}, headers={"X-CSRF-Token": "0" * 64})
            assert status == 403 and "安全校验" in body["error"]
            async with owner.http.post(owner.url("/api/send"), json={"text": "没有令牌"}) as r:
                assert r.status == 403
            texts = [m["text"] for m in (await owner.refresh())]
            assert "再说一句" not in texts and "没有令牌" not in texts  # refused before anything was stored

            await other.open()
            other_texts = [m["text"] for m in await other.refresh()]
            assert not any("张某某" in t for t in other_texts)
            # the owner's token with the other's cookie: refused (the token is bound to the session)
            status, _ = await other.post("/api/send", {"text": "冒用"}, headers={"X-CSRF-Token": owner.csrf})
            assert status == 403
            async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as stranger:
                async with stranger.get(owner.url("/api/history")) as r:
                    assert r.status == 401  # no cookie, no chat
                async with stranger.get(owner.url("/api/history"), cookies={"qf_session": "forged"}) as r:
                    assert (await r.json())["messages"] == []  # a cookie of no session: an empty chat
        finally:
            await owner.close()
            await other.close()


async def test_an_upload_over_the_limit_is_refused_before_it_is_read(app: App) -> None:
    await seed_office(app)
    async with page_server(app) as (server, _):
        v = Visitor(server)
        try:
            await v.open()
            await v.start()
            await walk_to_facts(v, 0, named=False, begin=False)
            await v.say(0, FACTS)
            await v.tap(0, "跳过")
            sent = 0

            async def endless() -> object:  # a body that would never end: only what is read is produced
                nonlocal sent
                chunk = b"\0" * 65536
                while sent < 4 * UPLOAD_MAX:
                    sent += len(chunk)
                    yield chunk

            boundary = "qfboundary"
            head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
                    "Content-Type: application/pdf\r\n\r\n").encode()  # fmt: skip

            async def body() -> object:
                yield head
                async for chunk in endless():  # type: ignore[attr-defined]
                    yield chunk

            headers = {"X-CSRF-Token": v.csrf, "Content-Type": f"multipart/form-data; boundary={boundary}"}
            async with v.http.post(v.url("/api/upload"), data=body(), headers=headers) as r:
                assert r.status == 413
                assert "不超过 20 MB" in (await r.json())["error"]
            assert sent < 2 * UPLOAD_MAX  # refused once the limit was passed, not after the whole body
            # declared too large: refused before a byte is read
            big = {"X-CSRF-Token": v.csrf, "Content-Type": "multipart/form-data; boundary=x",
                   "Content-Length": str(UPLOAD_MAX + 1)}  # fmt: skip
            async with v.http.post(v.url("/api/upload"), data=b"--x\r\n", headers=big) as r:
                assert r.status == 413
            assert "证据材料" in (await v.refresh())[-1]["text"] or v.button("完成")  # the dialog goes on
        finally:
            await v.close()


async def test_the_page_is_served_with_its_headers_and_sessions_per_address_are_capped(app: App) -> None:
    await seed_office(app)
    async with page_server(app, WebLimits(sessions_per_ip_hour=2)) as (server, _), ClientSession() as browser:
        async with browser.get(server.make_url("/")) as r:
            assert r.status == 200
            assert r.headers["Content-Security-Policy"] == CSP and "script-src 'self'" in CSP
            assert r.headers["X-Content-Type-Options"] == "nosniff" and r.headers["Cache-Control"] == "no-store"
            cookie = r.headers["Set-Cookie"]
            assert all(flag in cookie for flag in ("HttpOnly", "SameSite=Strict", "Secure", "Path=/"))
        async with browser.get(server.make_url("/static/chat.js")) as r:
            assert r.status == 200 and r.content_type == "text/javascript"
        async with browser.get(server.make_url("/static/../server.py")) as r:
            assert r.status == 404 and r.headers["Content-Security-Policy"] == CSP
        # arriving from another site's link, the SameSite=Strict cookie is not sent: the page reloads itself
        # (same-site, so the cookie comes) instead of handing out a new session over the old one
        async with browser.get(server.make_url("/"), headers={"Sec-Fetch-Site": "cross-site"}) as r:
            assert r.status == 200 and "Set-Cookie" not in r.headers and 'http-equiv="refresh"' in await r.text()
    async with page_server(app, WebLimits(secure_cookie=False, sessions_per_ip_hour=2)) as (server, _):
        visitors = [Visitor(server) for _ in range(3)]
        try:
            for v in visitors:  # a page costs nothing; a session begins with its first message
                await v.open()
            assert (await visitors[0].post("/api/send", {"text": "/start", "quiet": True}))[0] == 200
            assert (await visitors[1].post("/api/send", {"text": "/start", "quiet": True}))[0] == 200
            status, body = await visitors[2].post("/api/send", {"text": "/start", "quiet": True})
            assert status == 429 and "新会话过多" in body["error"]
            assert (await visitors[0].post("/api/send", {"text": "/help"}))[0] == 200  # begun ones go on
        finally:
            for v in visitors:
                await v.close()


async def test_bad_requests_are_answered_politely_and_leave_nothing(app: App) -> None:
    await seed_office(app)
    async with page_server(app) as (server, _):
        v = Visitor(server)
        try:
            await v.open()
            await v.start()
            before = v.last
            for after in ("-1", "99999999999999999999999", "x"):
                async with v.http.get(v.url(f"/api/history?after={after}")) as r:
                    assert r.status == 400, after
            nested = "[" * 30000 + "]" * 30000
            assert (await v.post("/api/send", data=nested, headers={"Content-Type": "application/json"}))[0] == 400
            assert (await v.post("/api/send", ["a list"]))[0] == 400
            assert (await v.post("/api/send", {"callback": "s:x:y", "message_id": "1"}))[0] == 400

            async def chunked() -> object:  # no Content-Length: the cap holds all the same
                yield b'{"text": "'
                for _ in range(100):
                    yield b"x" * 65536
                yield b'"}'

            status, body = await v.post("/api/send", data=chunked(), headers={"Content-Type": "application/json"})
            assert status == 413 and "字" in body["error"]
            assert await v.refresh(before) == []  # nothing stored of any of them
            # an invite code typed in the page: refused, removed from the page, and nobody becomes an officer
            _, code = await app.officers.invite("李四", "LA", [Role.INTAKE])
            said = "\n".join(await v.say(0, f"/join {code}"))
            assert "Telegram" in said and not any(code in m["text"] for m in v.seen.values())
            assert not any(o.name == "李四" and o.telegram_id for o in await app.officers.list_officers())
        finally:
            await v.close()


async def test_forget_this_browser_erases_the_chat_and_a_later_notice_for_it_is_undeliverable(app: App) -> None:
    office = await seed_office(app)
    async with page_server(app) as (server, channel):
        v = Visitor(server)
        try:
            number = await v.file_named()
            await app.cases.register(number, office.intake)
            await app.cases.accept(number, office.intake)
            notifier = ClientNotifier(channel.client(), Translator.load("zh-CN"))
            assert await OutboxService(app.ctx, notifier, reach=is_web_chat).send_due() == 1
            await v.open()  # the page opened again: the notice that came meanwhile is there
            assert any(number in m["text"] and "受理" in m["text"] for m in v.seen.values())

            status, body = await v.post("/api/forget", {})
            assert status == 200 and body == {"forgotten": True}
            async with app.ctx.uow() as uow:
                assert (await uow.session.execute(select(WebMessageRow))).first() is None
            async with v.http.get(v.url("/api/history")) as r:
                assert r.status == 401  # the cookie is cleared, and the old one names nothing
            async with app.ctx.uow() as uow:  # the named case's contact still names the forgotten browser's chat
                case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
                contact = await uow.session.get(ReporterContactRow, case.id)
                assert contact is not None
                chat = int(app.ctx.vault.decrypt(contact.chat_enc))
            later = OutgoingMessage(chat, "zh-CN", "notify.reporter.accepted", {"number": number})
            assert (await notifier.deliver(later)).outcome is Delivery.UNDELIVERABLE  # written nowhere
            await v.open()  # a new session, and nothing of the old one
            assert not any(number in m["text"] for m in v.seen.values())
        finally:
            await v.close()


async def test_one_address_posting_too_fast_is_told_to_wait(app: App) -> None:
    await seed_office(app)
    async with page_server(app, WebLimits(secure_cookie=False, posts_per_ip_minute=8)) as (server, _):
        v = Visitor(server)
        try:
            await v.open()
            statuses = [(await v.post("/api/send", {"text": "/help"})) for _ in range(6)]
            assert statuses[0][0] == 200
            refused = [body for status, body in statuses if status == 429]
            assert refused and "稍" in refused[0]["error"]  # the flood message, in the page's language
        finally:
            await v.close()


async def test_questions_about_anonymity_are_answered_for_the_page_not_for_telegram(app: App) -> None:
    """The knowledge base's answers about what others can see spoke of Telegram in the browser too (issue 16
    left undone after issue 19): the page has its own wording, and still answers what it is asked."""
    await seed_office(app)
    async with page_server(app) as (server, _):
        v = Visitor(server)
        try:
            await v.open()
            traced = await v.say(0, "匿名举报会被查到吗")
            assert "网络地址" in traced[0] and "Telegram" not in traced[0] and "依据" in traced[0]
            platform = await v.say(0, "用Telegram举报安全吗")
            assert "不经过 Telegram" in platform[0]
        finally:
            await v.close()
