"""A visitor of the web chat over HTTP, as the page's script is (bot/runtimes/web/static/chat.js): the page for
its anti-forgery token, then the JSON API. The same verbs as the walks of tests/walks.py (``say``, ``tap``), so the
scripted citizen walks run through the web page too."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import ClientSession, CookieJar, FormData
from aiohttp.test_utils import TestServer

from bot.front import ChatFront
from bot.i18n import Translator
from bot.runtimes.web.limits import WebLimits
from bot.runtimes.web.server import WebChannel
from core.services.web_chats import WebChats
from qingfeng.app import App, bot_deps
from tests.factories import FACTS
from tests.walks import walk_to_facts

CSRF = re.compile(r'<meta name="csrf-token" content="([0-9a-f]+)">')


@contextlib.asynccontextmanager
async def page_server(app: App, limits: WebLimits | None = None) -> AsyncIterator[tuple[TestServer, WebChannel]]:
    """The web front of ``app`` on a free local port (plain HTTP: the cookie is not marked Secure here)."""
    deps = bot_deps(app, Translator.load(app.settings.default_locale))
    channel = WebChannel(ChatFront(deps), WebChats(app.ctx), limits or WebLimits(secure_cookie=False))
    server = TestServer(channel.application())
    await server.start_server()
    try:
        yield server, channel
    finally:
        await server.close()


class Visitor:
    """One browser: its own cookie jar; ``seen`` is the chat as the page would show it."""

    def __init__(self, server: TestServer | str) -> None:
        self.server = server  # a test server, or the address of one listening (``qingfeng run --web``)
        self.http = ClientSession(cookie_jar=CookieJar(unsafe=True))  # cookies for an IP address
        self.csrf = ""
        self.seen: dict[int, dict[str, Any]] = {}

    def url(self, path: str) -> str:
        return self.server + path if isinstance(self.server, str) else str(self.server.make_url(path))

    async def close(self) -> None:
        await self.http.close()

    async def open(self, query: str = "") -> str:
        async with self.http.get(self.url("/" + query)) as r:
            assert r.status == 200, r.status
            page = await r.text()
        self.csrf = CSRF.search(page).group(1)  # type: ignore[union-attr]
        self.seen = {}  # the page drawn anew, from what the server kept
        await self.refresh()
        return page

    async def refresh(self, after: int = 0) -> list[dict[str, Any]]:
        async with self.http.get(self.url(f"/api/history?after={after}")) as r:
            assert r.status == 200, await r.text()
            messages: list[dict[str, Any]] = (await r.json())["messages"]
        for m in messages:
            self.seen[m["id"]] = m
        return messages

    @property
    def last(self) -> int:
        return max(self.seen, default=0)

    async def post(self, path: str, body: Any = None, **kw: Any) -> tuple[int, dict[str, Any]]:
        headers = {"X-CSRF-Token": self.csrf, **kw.pop("headers", {})}
        async with self.http.post(self.url(path), json=body, headers=headers, **kw) as r:
            data = await r.json() if r.content_type == "application/json" else {}
            return r.status, data

    async def _after(self, status: int, data: dict[str, Any], before: int) -> list[str]:
        assert status == 200, (status, data)
        for gone in data.get("deleted", []):
            self.seen.pop(gone, None)
        return [m["text"] for m in await self.refresh(before) if not m["mine"]]

    async def say(self, chat: int, text: str) -> list[str]:
        """As the page sends it: an answer the newest message marks ``masked`` goes with that flag."""
        before, newest = self.last, next((m for m in sorted(self.seen.values(), key=lambda m: -m["id"])
                                          if not m["mine"]), {})  # fmt: skip
        body = {"text": text, "masked": True} if newest.get("masked") else {"text": text}
        return await self._after(*await self.post("/api/send", body), before)

    async def start(self) -> list[str]:
        before = self.last
        return await self._after(*await self.post("/api/send", {"text": "/start", "quiet": True}), before)

    def button(self, label: str) -> tuple[int, str, str]:
        """The newest message's button that is ``label``, else starts with it, else has it: (message, data, label)."""
        for message in sorted(self.seen.values(), key=lambda m: -m["id"]):
            buttons = [(text, data) for row in message.get("buttons", []) for text, data in row]
            for match in (str.__eq__, str.startswith, str.__contains__):
                for text, data in buttons:
                    if match(text, label):
                        return message["id"], data, text
            if buttons:
                break
        raise AssertionError(f"no button {label!r} on the page")

    async def tap(self, chat: int, label: str) -> list[str]:
        message, data, text = self.button(label)
        before = self.last
        body = {"callback": data, "message_id": message, "label": text}
        return await self._after(*await self.post("/api/send", body), before)

    async def upload(self, name: str, data: bytes, mime: str) -> list[str]:
        form = FormData()
        form.add_field("file", data, filename=name, content_type=mime)
        before = self.last
        async with self.http.post(self.url("/api/upload"), data=form, headers={"X-CSRF-Token": self.csrf}) as r:
            status, body = r.status, await r.json()
        return await self._after(status, body, before)

    async def file_named(self) -> str:
        """From a page just opened to a named report filed (no evidence): its case number."""
        await self.open()
        await self.start()
        await walk_to_facts(self, 0, begin=False)
        await self.say(0, FACTS)
        await self.tap(0, "跳过")  # other bodies
        await self.tap(0, "完成")  # no evidence
        await self.tap(0, "内容无误")
        return "\n".join(await self.tap(0, "确认提交")).split("编号：")[1].split("\n")[0]
