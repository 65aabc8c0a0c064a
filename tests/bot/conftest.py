"""The real bot runtimes under test: aiogram and python-telegram-bot polling the fake Bot API over HTTP.

The ``harness`` fixture is parametrised over both runtimes, so every scenario runs on each ([aiogram], [ptb]):
a behaviour difference between them is a failing test. ``BotHarness`` waits for the bot to finish handling (an
outermost middleware, or PTB's update processor, counts updates in flight and records each one handled to the
end), so tests never sleep; ``restart()`` stops polling and builds everything in memory afresh on the same
database, as a process restart would.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Protocol

import pytest
from aiogram import Bot, Dispatcher
from aiogram.types import TelegramObject
from telegram import Update
from telegram.ext import CallbackContext, SimpleUpdateProcessor

from bot.deps import BotDeps, Gate
from bot.floodgate import Floodgate
from bot.i18n import Translator
from bot.ratelimit import RateLimiter
from bot.runtimes.aiogram.botapi import make_bot
from bot.runtimes.aiogram.dispatcher import build_dispatcher
from bot.runtimes.aiogram.notifier import TelegramNotifier
from bot.runtimes.ptb.application import CONCURRENT_UPDATES, PtbApp, build_application, polling
from bot.runtimes.ptb.notifier import PtbNotifier
from core.ports import Notifier
from qingfeng.app import App, bot_deps
from tests.factories import Office, seed_office

from .fake_telegram import BOT_ID, PATIENCE, FakeTelegram

TOKEN = f"{BOT_ID}:TEST"
RUNTIMES = ("aiogram", "ptb")
POLL_TIMEOUT = 1  # seconds: a stop never waits long for the long poll


class Runtime(Protocol):
    """One Telegram library driving our front; the harness counts its updates and records its failures."""

    async def start(self, deps: BotDeps) -> None: ...

    async def stop(self) -> None: ...

    def queued(self) -> int: ...  # updates fetched but not yet handed to a handler

    def notifier(self, limiter: RateLimiter | None) -> Notifier: ...


class AiogramRuntime:
    def __init__(self, h: BotHarness) -> None:
        self.h = h
        self.dp: Dispatcher | None = None
        self.bot: Bot | None = None
        self._task: asyncio.Task[None] | None = None

    async def _count(self, handler: Callable[..., Awaitable[Any]], event: TelegramObject, data: dict[str, Any]) -> Any:
        """Around every other middleware, aiogram's ErrorsMiddleware included (telling the user of a failure is
        part of handling the update): the update is in flight until all of that is done."""
        self.h.in_flight += 1
        try:
            return await handler(event, data)
        finally:
            self.h.in_flight -= 1
            self.h.handled.add(getattr(event, "update_id", -1))

    async def _record(self, handler: Callable[..., Awaitable[Any]], event: TelegramObject, data: dict[str, Any]) -> Any:
        """Inside ErrorsMiddleware, which would swallow them: failures, so a test fails loudly instead of timing out."""
        try:
            return await handler(event, data)
        except BaseException as exc:
            self.h.errors.append(exc)
            raise

    async def start(self, deps: BotDeps) -> None:
        self.dp = build_dispatcher(deps)
        outer = self.dp.update.outer_middleware
        others = list(outer)
        for middleware in others:
            outer.unregister(middleware)
        for middleware in (self._count, *others, self._record):
            outer.register(middleware)
        self.bot = make_bot(TOKEN, self.h.tg.api_root)
        self._task = asyncio.create_task(self.dp.start_polling(
            self.bot, handle_signals=False, polling_timeout=POLL_TIMEOUT, close_bot_session=False))  # fmt: skip

    async def stop(self) -> None:
        if self.dp is not None and self._task is not None:
            await self.dp.stop_polling()
            await self._task
        if self.bot is not None:
            # what close_bot_session=True would do, without aiogram's 0.25 s pause after it (that pause lets TLS
            # connections close; the fake API is plain HTTP): a quarter of a second per test and restart
            await (await self.bot.session.create_session()).close()

    def queued(self) -> int:
        return 0  # aiogram hands each fetched update to a task (and the middleware) at once

    def notifier(self, limiter: RateLimiter | None) -> Notifier:
        assert self.bot is not None
        return TelegramNotifier(self.bot, self.h.tr, limiter)


class _Counting(SimpleUpdateProcessor):
    def __init__(self, h: BotHarness) -> None:
        super().__init__(CONCURRENT_UPDATES)
        self.h = h

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        self.h.in_flight += 1
        try:
            await coroutine
        finally:
            self.h.in_flight -= 1
            self.h.handled.add(getattr(update, "update_id", -1))


class PtbRuntime:
    def __init__(self, h: BotHarness) -> None:
        self.h = h
        self.app: PtbApp | None = None
        self._stack = contextlib.AsyncExitStack()

    async def _record(self, update: object, context: CallbackContext[Any, Any, Any, Any]) -> None:
        """After the application's own error handler: PTB catches handler exceptions, so they are kept here."""
        if isinstance(update, Update) and context.error is not None:
            self.h.errors.append(context.error)

    async def start(self, deps: BotDeps) -> None:
        self.app = build_application(deps, TOKEN, self.h.tg.api_root, processor=_Counting(self.h))
        self.app.add_error_handler(self._record)
        await self._stack.enter_async_context(polling(self.app, poll_timeout=POLL_TIMEOUT))

    async def stop(self) -> None:
        await self._stack.aclose()

    def queued(self) -> int:
        return self.app.update_queue.qsize() if self.app is not None else 0

    def notifier(self, limiter: RateLimiter | None) -> Notifier:
        assert self.app is not None
        return PtbNotifier(self.app.bot, self.h.tr, limiter)


class BotHarness:
    def __init__(self, app: App, tg: FakeTelegram, translator: Translator, runtime: str = "aiogram") -> None:
        self.app, self.tg, self.tr, self.runtime = app, tg, translator, runtime
        self.in_flight = 0
        self.handled: set[int] = set()  # update ids the bot has handled to the end (error handling included)
        self.errors: list[BaseException] = []
        self.errors_expected = False  # a test that breaks something on purpose sets this
        self.transcript: list[str] = []  # both sides, for printing with -s and for failure reports
        self.floodgate: Gate = Floodgate()
        self._running: Runtime | None = None

    async def start(self) -> None:
        deps = bot_deps(self.app, self.tr)
        self.floodgate = deps.floodgate
        self._running = AiogramRuntime(self) if self.runtime == "aiogram" else PtbRuntime(self)
        polls = self.tg.polls_started
        await self._running.start(deps)
        await self.tg.wait_for(lambda tg: tg.polls_started > polls, what="first getUpdates")

    async def stop(self) -> None:
        await self.settle()
        if self._running is not None:
            await self._running.stop()
        self._running = None

    def notifier(self, limiter: RateLimiter | None = None) -> Notifier:
        """The running runtime's implementation of the notification port (as ``qingfeng run`` builds it).

        Without a ``limiter``, one that spaces nothing: Telegram's one message a second per chat made tests wait
        a second for each further notice to a chat (the fake API enforces no limits unless told to); the limits
        themselves are tested with ``RateLimiter()`` against enforced limits in test_notifications.py."""
        assert self._running is not None, "the bot is not running"
        return self._running.notifier(limiter or RateLimiter(per_second=10_000, per_chat_interval=0))

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def settle(self, timeout: float = 15.0) -> None:  # noqa: ASYNC109
        """Wait until every queued update was fetched and handled and no request is in flight.

        Settled as soon as nothing is busy and every update a getUpdates answer carried was handled to the end;
        should the bot have taken an update it never handled (stopped in between), after three quiet looks."""
        deadline = time.monotonic() + timeout * PATIENCE  # a guard against a hang, not a measurement
        calm = 0
        while True:
            if self.errors and not self.errors_expected:
                raise AssertionError(f"handler failed: {self.errors[0]!r}") from self.errors[0]
            queued = self._running.queued() if self._running is not None else 0
            busy = self.tg.pending_updates or queued or self.in_flight or self.tg._busy
            if not busy and self.tg.delivered <= self.handled:
                return
            calm = 0 if busy else calm + 1
            if calm >= 3:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"bot did not settle\n{self.tg.dump()}")
            await asyncio.sleep(0.01 if calm else 0.002)

    # -- acting as a user --------------------------------------------------------------------------------------
    async def _after(self, chat: int, queue: Callable[[], object], shown: str) -> list[str]:
        before = len(self.tg.texts(chat))
        queue()
        await self.settle()
        replies = self.tg.texts(chat)[before:]
        self.transcript.append(f"[{chat}] 👤 {shown}")
        self.transcript.extend(f"[{chat}] 🤖 {text}" for text in replies)
        return replies

    async def say(self, chat: int, text: str, **who: Any) -> list[str]:
        shown = text if len(text) <= 200 else f"{text[:60]}… ({len(text)} characters)"
        return await self._after(chat, lambda: self.tg.user_sends(chat, text, **who), shown)

    def button(self, chat: int, label: str) -> str:
        rows = self.tg.last_keyboard(chat)
        for row in rows:
            for text, data in row:
                if label in text and data is not None:
                    return data
        raise AssertionError(f"no button like {label!r} in {rows}")

    async def real_flood_limits(self, clock: Callable[[], float]) -> None:
        """The running bot's gate with the real limits (the harness's default is generous: tests type fast), on
        ``clock``, every chat forgiven — whichever gate the bot has (in memory, or shared in the database)."""
        real = Floodgate()
        gate: Any = self.floodgate
        gate.burst, gate.refill, gate.clock = real.burst, real.refill, clock
        await gate.reset()

    async def tap_data(self, chat: int, data: str) -> list[str]:
        """A tap with callback data no button carries: what a forged update sends."""
        return await self._after(chat, lambda: self.tg.user_taps(chat, data, check=False), f"[forged {data[:40]}]")

    async def tap(self, chat: int, label: str) -> list[str]:
        data = self.button(chat, label)
        text = next(t for row in self.tg.last_keyboard(chat) for t, d in row if d == data)
        return await self._after(chat, lambda: self.tg.user_taps(chat, data), f"[{text}]")

    async def photo(self, chat: int, data: bytes, **kw: Any) -> list[str]:
        return await self._after(
            chat, lambda: self.tg.user_sends_photo(chat, data, **kw), f"(photo, {len(data)} bytes)"
        )

    async def document(self, chat: int, data: bytes, name: str, mime: str, **kw: Any) -> list[str]:
        return await self._after(chat, lambda: self.tg.user_sends_document(chat, data, name, mime, **kw),
                                 f"(document {name}, {len(data)} bytes)")  # fmt: skip

    async def video(self, chat: int, data: bytes, **kw: Any) -> list[str]:
        size = kw.get("file_size") or len(data)
        return await self._after(chat, lambda: self.tg.user_sends_video(chat, data, **kw), f"(video, {size} bytes)")


@pytest.fixture(scope="session")
def translator() -> Translator:
    return Translator.load()


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
async def office(app: App) -> Office:
    return await seed_office(app)


@pytest.fixture(params=RUNTIMES)
async def harness(
    request: pytest.FixtureRequest, app: App, tg: FakeTelegram, translator: Translator, office: Office
) -> AsyncIterator[BotHarness]:
    h = BotHarness(app, tg, translator, request.param)
    await h.start()
    try:
        yield h
    finally:
        await h.stop()
