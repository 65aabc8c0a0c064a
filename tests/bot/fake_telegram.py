"""A fake Telegram Bot API server for tests: real HTTP on 127.0.0.1, simulated users, scripted failures.

    async with FakeTelegram() as tg:
        bot = Bot("123456:TEST", session=AiohttpSession(api=TelegramAPIServer.from_base(tg.api_root)))
        tg.user_sends(42, "/start")
        replies = await tg.wait_sent(42, 1)

The layout is a self-hosted Bot API server's: methods at {root}/bot{token}/{method}, files at
{root}/file/bot{token}/{file_path}; any token is accepted. It behaves like the cloud Bot API where a test would
notice: long polling with offsets, Telegram's error bodies and HTTP statuses, 429 with retry_after, HTML parse_mode
(tags stripped into entities, malformed HTML is a 400), the 4096/1024 length limits, 1-64 byte callback_data,
"message is not modified", editMessageText dropping a keyboard it is not given again, and the 20 MB getFile limit.
MarkdownV2 text is kept as sent (not parsed). Private chats share one message_id sequence between user and bot.

For load and stall scenarios (tests, and a benchmark driving the bot against it): ``enforce_rate_limits`` answers
429 beyond Telegram's limits (30 messages a second overall, one a second per chat, in any sliding second, counted
on arrival); ``hold`` keeps requests of a method waiting, unanswered, until ``release`` (Telegram hanging on a
send), ``held`` says how many are waiting.
"""

from __future__ import annotations

import asyncio
import copy
import inspect
import json
import math
import os
import re
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from aiohttp import web

from .fake_telegram_files import UploadedFile
from .fake_telegram_payloads import (
    BOT_ID,
    BOT_USER,
    DEFAULT_DESCRIPTIONS,
    ApiError,
    commands_key,
    decode_form,
    inline_rows,
)
from .fake_telegram_updates import SimulatedUsers

__all__ = ["BOT_ID", "BOT_USER", "Call", "FakeTelegram", "UploadedFile"]

# Waits are guards against hangs: on a busy machine (CI beside another suite) they stretch, they never measure.
PATIENCE = float(os.environ.get("QINGFENG_TEST_PATIENCE", "4"))
_FLOOD_COUNTED = re.compile(r"send(?!chataction)\w+|copymessages?|forwardmessages?")  # what flood control counts
_dumps = partial(json.dumps, ensure_ascii=False)


@dataclass
class Call:
    """One request as the server saw it; ``response`` is the JSON body answered (a snapshot)."""

    method: str
    params: dict[str, Any]
    files: dict[str, UploadedFile]
    at: float  # time.monotonic() on arrival
    chat_id: int | str | None
    response: dict[str, Any]

    @property
    def ok(self) -> bool:
        return bool(self.response.get("ok"))

    @property
    def result(self) -> Any:
        return self.response.get("result")

    def file(self, name: str) -> UploadedFile | None:
        """An uploaded file by parameter name, following aiogram's ``attach://<field>`` indirection."""
        ref = self.params.get(name)
        if isinstance(ref, str) and ref.startswith("attach://"):
            return self.files.get(ref.removeprefix("attach://"))
        return self.files.get(name)


@dataclass
class _Failure:
    method: str
    error: ApiError
    times: int | None
    chat_id: int | str | None


class FakeTelegram(SimulatedUsers):
    """The HTTP server, scripted failures and rate limits, what was recorded, and waiting for it.

    The simulated users are in fake_telegram_updates.py, the Bot API methods in fake_telegram_methods.py and the
    state they work on in fake_telegram_state.py.
    """

    def __init__(self) -> None:
        super().__init__()
        self.api_root = ""
        self.calls: list[Call] = []
        self.downloads: list[str] = []  # file paths served by GET {root}/file/bot{token}/{path}
        self._runner: web.AppRunner | None = None
        self._started = time.monotonic()
        self._failures: list[_Failure] = []
        self._limits: tuple[int | None, int | None] | None = None
        self._windows: dict[Any, deque[float]] = defaultdict(deque)
        self._busy = 0  # requests in flight, getUpdates excluded
        self.polls_started = 0  # getUpdates requests received so far
        self._delays: dict[str, float] = {}  # method (lower case) → seconds before answering
        self._holds: dict[str, asyncio.Event] = {}  # method (lower case) → set when its held requests may go on
        self.held = 0  # requests waiting on a hold now
        self._download_failures: list[str] = []  # how the next file downloads fail (fail_next_download)
        self._released = asyncio.Event()  # set on close: downloads told to hang give up
        self._last_activity = self._started

    # ------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._serve_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._serve_file)
        app.router.add_route("*", "/{tail:.*}", self._serve_not_found)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0, handler_cancellation=True)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.api_root = f"http://127.0.0.1:{self._runner.addresses[0][1]}"

    async def close(self) -> None:
        self._closing = True
        self._updates_changed.set()  # long polls answer at once
        await self.stop_posting()
        self._released.set()
        for gate in self._holds.values():
            gate.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ------------------------------------------------------------ HTTP

    async def _serve_not_found(self, request: web.Request) -> web.Response:
        return web.json_response(ApiError(404, "Not Found").body(), status=404)

    async def _serve_file(self, request: web.Request) -> web.StreamResponse:
        stored = self.files.by_path.get(request.match_info["path"])
        if stored is None:
            return await self._serve_not_found(request)
        self.downloads.append(stored.file_path)
        if self._download_failures:
            return await self._failed_download(request, stored.data, self._download_failures.pop(0))
        # the header Telegram's file server sends is its own: a MIME type the client declared may be anything
        plain = re.fullmatch(r"[\w.+-]+/[\w.+-]+", stored.mime_type)
        return web.Response(body=stored.data, content_type=stored.mime_type if plain else "application/octet-stream")

    async def _failed_download(self, request: web.Request, data: bytes, mode: str) -> web.StreamResponse:
        if mode.isdigit():
            code = int(mode)
            return web.json_response(ApiError(code, DEFAULT_DESCRIPTIONS.get(code, "Error")).body(), status=code)
        if mode == "hang":  # until the server closes; the client's timeout is what ends it
            await self._released.wait()
            return web.Response(status=503)
        # truncated: half the body of a longer announced length, then the connection drops
        response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
        response.content_length = len(data)
        await response.prepare(request)
        await response.write(data[: len(data) // 2])
        assert request.transport is not None
        request.transport.close()
        return response

    async def _serve_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        polling = method.lower() == "getupdates"
        self.polls_started += polling  # counted on arrival: a long poll is recorded in ``calls`` when it returns
        self._busy += not polling
        params: dict[str, Any] = {}
        files: dict[str, UploadedFile] = {}
        at = time.monotonic()
        chat_id: int | str | None = None
        try:
            params, files = await self._read(request)
            at = time.monotonic()
            chat_id = self._call_chat(params)
            handler = getattr(self, f"_api_{method.lower()}", None)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            if delay := self._delays.get(method.lower()):
                await asyncio.sleep(delay)
            if (gate := self._holds.get(method.lower())) is not None:
                self.held += 1
                try:
                    await gate.wait()
                finally:
                    self.held -= 1
            self._scripted_failure(method, chat_id)
            self._flood_control(method, chat_id, at)
            result = handler(params, files)
            if inspect.isawaitable(result):
                result = await result
            body: dict[str, Any] = {"ok": True, "result": result}
        except ApiError as e:
            body = e.body()
        except (KeyError, TypeError, ValueError) as e:
            body = ApiError(400, f"Bad Request: {e!r}").body()
        finally:
            self._busy -= not polling
            if not polling:
                self._last_activity = time.monotonic()
        self.calls.append(Call(method, params, files, at, chat_id, copy.deepcopy(body)))
        return web.json_response(body, status=body.get("error_code", 200), dumps=_dumps)

    async def _read(self, request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
        params = decode_form(request.query)
        files: dict[str, UploadedFile] = {}
        if request.method != "POST" or not request.body_exists:
            return params, files
        if request.content_type == "application/json":
            body = await request.json()
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: JSON object expected")
            return {**params, **body}, files
        fields: dict[str, Any] = {}
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                files[key] = UploadedFile(value.file.read(), value.filename, value.content_type)
            elif isinstance(value, bytes | bytearray):
                files[key] = UploadedFile(bytes(value), None, None)
            else:
                fields[key] = value
        return {**params, **decode_form(fields)}, files

    def _call_chat(self, params: dict[str, Any]) -> int | str | None:
        value = params.get("chat_id")
        if value is None and "callback_query_id" in params:
            return self._queries.get(str(params["callback_query_id"]))
        if isinstance(value, str) and re.fullmatch(r"-?\d+", value):
            return int(value)
        return value

    # ------------------------------------------------------------ scripting

    def fail_next(
        self,
        method: str,
        code: int,
        description: str | None = None,
        retry_after: int | None = None,
        times: int | None = 1,
        chat_id: int | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` (None: all of them; optionally for one chat only) fail."""
        if code == 429 and retry_after is None:
            found = re.search(r"\d+", description or "")
            retry_after = int(found.group()) if found else 1
        if description is None:
            description = (
                f"Too Many Requests: retry after {retry_after}"
                if code == 429
                else DEFAULT_DESCRIPTIONS.get(code, "Error")
            )
        self._failures.append(_Failure(method.lower(), ApiError(code, description, retry_after), times, chat_id))

    def _scripted_failure(self, method: str, chat_id: int | str | None) -> None:
        for failure in self._failures:
            if failure.method == method.lower() and failure.chat_id in (None, chat_id):
                if failure.times is not None:
                    failure.times -= 1
                    if failure.times <= 0:
                        self._failures.remove(failure)
                raise failure.error

    def fail_next_download(self, mode: str, times: int = 1) -> None:
        """Make the next ``times`` file downloads fail: ``"404"``, ``"500"`` (an HTTP error), ``"truncated"``
        (the connection drops halfway through the body) or ``"hang"`` (no answer until the server closes)."""
        self._download_failures.extend([mode] * times)

    def slow(self, method: str, seconds: float) -> None:
        """Answer ``method`` only after ``seconds``: a slow network, to stop the bot in the middle of a reply."""
        self._delays[method.lower()] = seconds

    def hold(self, method: str) -> None:
        """Keep every request of ``method`` waiting, unanswered, until :meth:`release` (or the server closes):
        Telegram hanging on a send (flood control counts it when it arrived)."""
        self._holds.setdefault(method.lower(), asyncio.Event())

    def release(self, method: str) -> None:
        """Let the held requests of ``method`` (and later ones) go on."""
        if (gate := self._holds.pop(method.lower(), None)) is not None:
            gate.set()

    def enforce_rate_limits(self, per_chat_per_second: int | None = 1, global_per_second: int | None = 30) -> None:
        """Answer 429 to send*/copy*/forward* calls beyond these counts in any sliding one-second window."""
        self._limits = (per_chat_per_second, global_per_second)
        self._windows.clear()

    def disable_rate_limits(self) -> None:
        self._limits = None

    def _flood_control(self, method: str, chat_id: int | str | None, now: float) -> None:
        if self._limits is None or not _FLOOD_COUNTED.fullmatch(method.lower()):
            return
        windows = [(self._windows[("chat", chat_id)], self._limits[0]), (self._windows["global"], self._limits[1])]
        for window, limit in windows:
            while window and now - window[0] >= 1.0:
                window.popleft()
            if limit is not None and len(window) >= limit:
                retry_after = max(1, math.ceil(window[0] + 1.0 - now))
                raise ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)
        for window, _ in windows:
            window.append(now)

    # ------------------------------------------------------------ recorded state

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Messages the bot sent (to one chat), in order, in their current state (edits applied, deleted kept)."""
        return [m for m in self._sent if chat_id is None or m["chat"]["id"] == chat_id]

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [m.get("text", m.get("caption", "")) for m in self.sent(chat_id)]

    def last_keyboard(self, chat_id: int) -> list[list[tuple[str, str | None]]]:
        """Inline keyboard of the bot's last (not deleted) message there, as rows of (text, callback_data)."""
        message = self._last_bot_message(chat_id)
        return inline_rows(message.get("reply_markup")) if message else []

    def deleted(self, chat_id: int) -> list[int]:
        return list(self._deleted[chat_id])

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        return self._messages.get((chat_id, message_id))

    def calls_to(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [c for c in self.calls if c.method.lower() == method.lower() and chat_id in (None, c.chat_id)]

    def callback_answer(self, query_id: str) -> dict[str, Any] | None:
        """The parameters of the answerCallbackQuery call for that query, if it was answered."""
        return self._answers.get(query_id)

    def commands(self, language_code: str = "", scope: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._commands.get(commands_key({"scope": scope, "language_code": language_code}), [])

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        return list(self._updates)

    def dump(self, last: int = 15) -> str:
        lines = [super().dump(last)]
        for c in [c for c in self.calls if c.method.lower() != "getupdates"][-last:]:
            outcome = "ok" if c.ok else f"{c.response['error_code']} {c.response['description']}"
            shown = repr({k: v for k, v in c.params.items() if k != "chat_id"})[:200]
            lines.append(f"  +{c.at - self._started:.3f}s {c.method} chat={c.chat_id} {shown} -> {outcome}")
        return "\n".join(lines)

    # ------------------------------------------------------------ waiting

    async def wait_for(self, predicate: Callable[[FakeTelegram], Any], timeout: float = 5.0, what: str = "") -> Any:  # noqa: ASYNC109
        """Poll until ``predicate(self)`` is truthy and return its value, or fail with a dump of recent calls.
        ``timeout`` is a guard against a hang, never a measurement: it is stretched by ``PATIENCE`` so a busy
        machine (another suite beside this one) is not mistaken for a bug."""
        timeout *= PATIENCE
        deadline = time.monotonic() + timeout
        while not (result := predicate(self)):
            if time.monotonic() >= deadline:
                raise AssertionError(f"not within {timeout:g} s: {what or predicate}\nlast calls:\n{self.dump()}")
            await asyncio.sleep(0.01)
        return result

    async def wait_sent(self, chat_id: int, count: int, timeout: float = 5.0) -> list[dict[str, Any]]:  # noqa: ASYNC109
        what = f"{count} message(s) sent to chat {chat_id}"
        await self.wait_for(lambda tg: len(tg.sent(chat_id)) >= count, timeout, what)
        return self.sent(chat_id)

    async def wait_idle(self, quiet: float = 0.2, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until every update was confirmed and no request other than getUpdates came for ``quiet`` s."""

        def idle(tg: FakeTelegram) -> bool:
            return not tg._updates and not tg._busy and time.monotonic() - tg._last_activity >= quiet

        await self.wait_for(idle, timeout, "idle")
