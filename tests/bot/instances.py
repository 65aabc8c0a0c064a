"""Several instances of the bot behind one webhook URL, for tests/bot/test_instances.py and bench/instances.py:
``qingfeng run --webhook`` processes, a round-robin proxy in front of them (as nginx would be), and a citizen's
verbs (tests/walks.py) over the webhook, each update answered before the next is sent."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import signal
import socket
import sys
from collections import Counter
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import aiohttp
from aiohttp import web

from core.settings import Settings
from tests.factories import FACTS
from tests.walks import JPEG, walk_to_facts

from .conftest import TOKEN
from .fake_telegram import FakeTelegram

WAIT = 120.0  # seconds an update may take to be answered on a busy machine: a guard against a hang


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Balancer:
    """Round robin over the instances, as a reverse proxy: each POST to the next one; a refused connection is a
    502, which Telegram (the fake) answers by posting again."""

    def __init__(self, backends: list[str]) -> None:
        self.port = free_port()
        self.sent_to: Counter[str] = Counter()
        self._next = itertools.cycle(backends)
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None

    async def forward(self, request: web.Request) -> web.Response:
        backend = next(self._next)
        assert self._http is not None
        body = await request.read()
        try:
            async with self._http.post(f"{backend}{request.path}", data=body, headers=dict(request.headers)) as got:
                self.sent_to[backend] += got.status == 200
                return web.Response(status=got.status)
        except aiohttp.ClientError:
            return web.Response(status=502)

    async def __aenter__(self) -> Balancer:
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=WAIT))
        app = web.Application()
        app.router.add_post("/{tail:.*}", self.forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None and self._http is not None
        await self._runner.cleanup()
        await self._http.close()


class Webhooked:
    """A citizen's verbs (tests/walks.py) over the webhook: each update answered (the bot answers a post once it
    has handled it) before the next is sent, as a person reads the reply before typing on."""

    def __init__(self, tg: FakeTelegram) -> None:
        self.tg = tg

    async def _after(self, chat: int, queue: Callable[[], object], count: int = 1) -> list[str]:
        before = len(self.tg.texts(chat))
        for _ in range(count):
            queue()
        ids = [u["update_id"] for u in self.tg._updates[-count:]]  # queued just now: nothing ran in between
        await self.tg.wait_for(lambda t: all(i in t.delivered for i in ids), WAIT, f"chat {chat}'s update {ids}")
        return self.tg.texts(chat)[before:]

    async def say(self, chat: int, text: str) -> list[str]:
        return await self._after(chat, lambda: self.tg.user_sends(chat, text))

    def button(self, chat: int, label: str) -> str:
        found = [d for row in self.tg.last_keyboard(chat) for t, d in row if label in t and d is not None]
        assert found, f"no button like {label!r} in chat {chat}: {self.tg.last_keyboard(chat)}"
        return found[0]

    async def tap(self, chat: int, label: str, times: int = 1) -> list[str]:
        data = self.button(chat, label)
        return await self._after(chat, lambda: self.tg.user_taps(chat, data), times)

    async def photo(self, chat: int, data: bytes) -> list[str]:
        return await self._after(chat, lambda: self.tg.user_sends_photo(chat, data))


async def file_a_report(h: Webhooked, chat: int) -> list[str]:
    seen = await walk_to_facts(h, chat)
    seen += await h.say(chat, FACTS)
    seen += await h.tap(chat, "跳过")  # other bodies
    seen += await h.photo(chat, JPEG)
    seen += await h.tap(chat, "完成")
    seen += await h.tap(chat, "内容无误")
    return seen + await h.tap(chat, "确认提交", times=2)  # a double tap: both posted at once, maybe to both


@contextlib.asynccontextmanager
async def instances(settings: Settings, tg: FakeTelegram, cwd: Path, url: str,
                    ports: list[int]) -> AsyncIterator[list[asyncio.subprocess.Process]]:  # fmt: skip
    """Processes of ``qingfeng run --webhook url`` on the database and data directory of ``settings`` (with its
    keys), one listening on each port; stopped with SIGTERM at the end, which must end them cleanly (one killed
    meanwhile is left alone)."""
    env = {**os.environ, "QINGFENG_BOT_TOKEN": TOKEN, "QINGFENG_TELEGRAM_API": tg.api_root,
           "QINGFENG_DATA_DIR": str(settings.data_dir), "QINGFENG_DATABASE_URL": settings.db_url,
           "QINGFENG_FLOOD_BURST": "10000"}  # fmt: skip
    for name in ("encryption_keys", "index_key"):
        env[f"QINGFENG_{name.upper()}"] = getattr(settings, name).get_secret_value()
    command = (sys.executable, "-m", "qingfeng.cli", "run", "--webhook", url, "--listen")
    processes = [
        await asyncio.create_subprocess_exec(
            *command, f"127.0.0.1:{port}", env=env, cwd=cwd, stderr=asyncio.subprocess.PIPE
        )
        for port in ports
    ]
    try:
        yield processes
    finally:
        errors = []
        for process in processes:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            _, stderr = await asyncio.wait_for(process.communicate(), 90)
            text = stderr.decode()
            if process.returncode == -signal.SIGKILL:
                continue
            if process.returncode != 0 or "Traceback" in text:
                errors.append(f"exit {process.returncode}\n{text[-3000:]}")
        assert not errors, "\n\n".join(errors)


async def ready(backends: list[str]) -> None:
    async def all_ready() -> bool:
        try:
            async with aiohttp.ClientSession() as http:
                for base in backends:
                    async with http.get(f"{base}/readyz") as answer:
                        if answer.status != 200:
                            return False
            return True
        except aiohttp.ClientError:
            return False

    for _ in range(int(WAIT / 0.1)):
        if await all_ready():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("the instances never became ready")
