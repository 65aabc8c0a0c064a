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
"""

from __future__ import annotations

import asyncio
import copy
import inspect
import itertools
import json
import math
import re
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial, partialmethod
from typing import Any

from aiohttp import web

from .fake_telegram_updates import (
    BOT_ID,
    BOT_USER,
    CAPTION_LIMIT,
    DEFAULT_DESCRIPTIONS,
    MAX_DOWNLOAD,
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    TEXT_LIMIT,
    ApiError,
    FileStore,
    chat_dict,
    check_markup,
    command_entities,
    commands_key,
    decode_form,
    describe,
    full_chat,
    inline_rows,
    is_inline,
    parse_html,
    user_dict,
    utf16_len,
)

__all__ = ["BOT_ID", "BOT_USER", "Call", "FakeTelegram", "UploadedFile"]

_COPYABLE = ("text", "entities", "caption", "caption_entities", "photo", "document", "voice", "audio", "video")
_FLOOD_COUNTED = re.compile(r"send(?!chataction)\w+|copymessages?|forwardmessages?")  # what flood control counts
_dumps = partial(json.dumps, ensure_ascii=False)


@dataclass
class UploadedFile:
    data: bytes
    filename: str | None
    content_type: str | None


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


class FakeTelegram:
    def __init__(self) -> None:
        self.api_root = ""
        self.calls: list[Call] = []
        self.downloads: list[str] = []  # file paths served by GET {root}/file/bot{token}/{path}
        self.files = FileStore()
        self._runner: web.AppRunner | None = None
        self._started = time.monotonic()
        self._closing = False
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._updates_changed = asyncio.Event()
        self._chats: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._last_message_id: dict[int, int] = defaultdict(int)
        self._sent: list[dict[str, Any]] = []
        self._deleted: dict[int, list[int]] = defaultdict(list)
        self._queries: dict[str, int] = {}  # callback query id -> chat id
        self._answers: dict[str, dict[str, Any]] = {}
        self._query_ids = itertools.count(4_000_000_000_000_000_001)
        self._group_ids = itertools.count(13_000_000_000_000_001)
        self._commands: dict[tuple[str, str], list[Any]] = {}
        self._failures: list[_Failure] = []
        self._limits: tuple[int | None, int | None] | None = None
        self._windows: dict[Any, deque[float]] = defaultdict(deque)
        self._busy = 0  # requests in flight, getUpdates excluded
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
        return web.Response(body=stored.data, content_type=stored.mime_type)

    async def _serve_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        polling = method.lower() == "getupdates"
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
            description = f"Too Many Requests: retry after {retry_after}" if code == 429 else DEFAULT_DESCRIPTIONS[code]
        self._failures.append(_Failure(method.lower(), ApiError(code, description, retry_after), times, chat_id))

    def _scripted_failure(self, method: str, chat_id: int | str | None) -> None:
        for failure in self._failures:
            if failure.method == method.lower() and failure.chat_id in (None, chat_id):
                if failure.times is not None:
                    failure.times -= 1
                    if failure.times <= 0:
                        self._failures.remove(failure)
                raise failure.error

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
        lines = [f"  pending updates: {[u['update_id'] for u in self._updates]}"]
        for c in [c for c in self.calls if c.method.lower() != "getupdates"][-last:]:
            outcome = "ok" if c.ok else f"{c.response['error_code']} {c.response['description']}"
            shown = repr({k: v for k, v in c.params.items() if k != "chat_id"})[:200]
            lines.append(f"  +{c.at - self._started:.3f}s {c.method} chat={c.chat_id} {shown} -> {outcome}")
        return "\n".join(lines)

    # ------------------------------------------------------------ waiting

    async def wait_for(self, predicate: Callable[[FakeTelegram], Any], timeout: float = 5.0, what: str = "") -> Any:
        """Poll until ``predicate(self)`` is truthy and return its value, or fail with a dump of recent calls."""
        deadline = time.monotonic() + timeout
        while not (result := predicate(self)):
            if time.monotonic() >= deadline:
                raise AssertionError(f"not within {timeout} s: {what or predicate}\nlast calls:\n{self.dump()}")
            await asyncio.sleep(0.01)
        return result

    async def wait_sent(self, chat_id: int, count: int, timeout: float = 5.0) -> list[dict[str, Any]]:
        what = f"{count} message(s) sent to chat {chat_id}"
        await self.wait_for(lambda tg: len(tg.sent(chat_id)) >= count, timeout, what)
        return self.sent(chat_id)

    async def wait_idle(self, quiet: float = 0.2, timeout: float = 5.0) -> None:
        """Wait until every update was confirmed and no request other than getUpdates came for ``quiet`` s."""

        def idle(tg: FakeTelegram) -> bool:
            return not tg._updates and not tg._busy and time.monotonic() - tg._last_activity >= quiet

        await self.wait_for(idle, timeout, "idle")

    # ------------------------------------------------------------ simulated users

    def user_sends(
        self, chat_id: int, text: str, user_id: int | None = None, first_name: str = "用户", language_code: str = "zh-hans"
    ) -> dict[str, Any]:
        """Queue a text message; a leading /command gets its bot_command entity (PTB's CommandHandler needs it)."""
        content: dict[str, Any] = {"text": text}
        if entities := command_entities(text):
            content["entities"] = entities
        return self._user_message(chat_id, content, user_id=user_id, first_name=first_name, language_code=language_code)

    def user_sends_photo(
        self, chat_id: int, data: bytes, caption: str | None = None, *, file_size: int | None = None, **who: Any
    ) -> dict[str, Any]:
        stored = self.files.add(data, "photo", size=file_size)
        return self._user_message(chat_id, {"photo": describe(stored), **_caption(caption)}, **who)

    def user_sends_document(
        self,
        chat_id: int,
        data: bytes,
        file_name: str,
        mime_type: str,
        caption: str | None = None,
        *,
        file_size: int | None = None,
        **who: Any,
    ) -> dict[str, Any]:
        stored = self.files.add(data, "document", file_name, mime_type, size=file_size)
        return self._user_message(chat_id, {"document": describe(stored), **_caption(caption)}, **who)

    def user_sends_voice(
        self, chat_id: int, data: bytes, duration: int = 3, *, file_size: int | None = None, **who: Any
    ) -> dict[str, Any]:
        stored = self.files.add(data, "voice", mime_type="audio/ogg", size=file_size)
        return self._user_message(chat_id, {"voice": describe(stored, {"duration": duration})}, **who)

    def user_sends_video(
        self,
        chat_id: int,
        data: bytes,
        caption: str | None = None,
        duration: int = 5,
        *,
        file_name: str = "video.mp4",
        file_size: int | None = None,
        **who: Any,
    ) -> dict[str, Any]:
        stored = self.files.add(data, "video", file_name, "video/mp4", size=file_size)
        content = {"video": describe(stored, {"duration": duration}), **_caption(caption)}
        return self._user_message(chat_id, content, **who)

    def user_taps(
        self,
        chat_id: int,
        callback_data: str,
        message_id: int | None = None,
        *,
        user_id: int | None = None,
        first_name: str = "用户",
        check: bool = True,
    ) -> str:
        """Queue a callback_query from a button of the bot's last message there (or ``message_id``); return its id.

        With ``check`` the button must exist, as in a real client; ``check=False`` forges arbitrary data.
        """
        message = self._last_bot_message(chat_id) if message_id is None else self._messages.get((chat_id, message_id))
        if message is None:
            raise AssertionError(f"no bot message to tap in chat {chat_id}\n{self.dump()}")
        buttons = [data for row in inline_rows(message.get("reply_markup")) for _, data in row]
        if check and callback_data not in buttons:
            raise AssertionError(f"no button {callback_data!r} on message {message['message_id']}: {buttons}")
        query_id = str(next(self._query_ids))
        self._queries[query_id] = chat_id
        self._queue(
            "callback_query",
            {
                "id": query_id,
                "from": user_dict(user_id or chat_id, first_name, "zh-hans"),
                "message": message,
                "chat_instance": str(-7_000_000_000 - chat_id),
                "data": callback_data,
            },
        )
        return query_id

    def _user_message(
        self,
        chat_id: int,
        content: dict[str, Any],
        user_id: int | None = None,
        first_name: str = "用户",
        language_code: str | None = "zh-hans",
    ) -> dict[str, Any]:
        if chat_id > 0:
            self._chats[chat_id] = chat_dict(chat_id, first_name)
        user = user_dict(user_id or (chat_id if chat_id > 0 else 1), first_name, language_code)
        return self._queue("message", self._new_message(chat_id, user, content))

    def _queue(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._update_ids), kind: copy.deepcopy(payload)}
        self._updates.append(update)
        self._updates_changed.set()
        return update

    # ------------------------------------------------------------ messages

    def _chat(self, chat_id: int) -> dict[str, Any]:
        return self._chats.setdefault(chat_id, chat_dict(chat_id))

    def _new_message(self, chat_id: int, sender: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
        self._last_message_id[chat_id] += 1
        message_id = self._last_message_id[chat_id]
        message = {"message_id": message_id, "from": sender, "chat": self._chat(chat_id), "date": int(time.time())}
        message.update(content)
        self._messages[(chat_id, message_id)] = message
        return message

    def _last_bot_message(self, chat_id: int) -> dict[str, Any] | None:
        live = [m for m in self.sent(chat_id) if m["message_id"] not in self._deleted[chat_id]]
        return live[-1] if live else None

    @staticmethod
    def _chat_id(params: dict[str, Any], key: str = "chat_id") -> int:
        value = params.get(key)
        if value in (None, ""):
            raise ApiError(400, f"Bad Request: {key} is empty")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ApiError(400, "Bad Request: chat not found") from None

    def _bot_message(self, params: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        markup = params.get("reply_markup")
        check_markup(markup)
        reply_to = params.get("reply_to_message_id") or (params.get("reply_parameters") or {}).get("message_id")
        replied = self._messages.get((chat_id, int(reply_to))) if reply_to else None
        if reply_to and replied is None and not params.get("allow_sending_without_reply"):
            raise ApiError(400, "Bad Request: message to be replied not found")
        if replied:
            content = {**content, "reply_to_message": {k: v for k, v in replied.items() if k != "reply_to_message"}}
        if is_inline(markup):
            content = {**content, "reply_markup": markup}
        message = self._new_message(chat_id, BOT_USER, content)
        self._sent.append(message)
        return message

    @staticmethod
    def _formatted(params: dict[str, Any], field: str, limit: int, required: bool = True) -> dict[str, Any]:
        """Text or caption after parse_mode, with its entities, checked against Telegram's limits."""
        raw = params.get(field)
        if raw is None and not required:
            return {}
        text, entities = str(raw or ""), params.get("entities" if field == "text" else "caption_entities") or []
        if str(params.get("parse_mode") or "").lower() == "html":
            text, entities = parse_html(text)
        if required and not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(text) > limit:
            raise ApiError(400, f"Bad Request: message {'caption ' if field == 'caption' else ''}is too long")
        entities_key = "entities" if field == "text" else "caption_entities"
        return {field: text, entities_key: entities} if entities else {field: text} if text else {}

    def _input_file(self, params: dict[str, Any], files: dict[str, UploadedFile], field: str, kind: str) -> Any:
        value = params.get(field)
        upload = files.get(value.removeprefix("attach://")) if isinstance(value, str) else files.get(field)
        if upload is not None:
            return self.files.add(upload.data, kind, upload.filename, upload.content_type)
        if isinstance(value, str) and value in self.files.by_id:
            return self.files.by_id[value]
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return self.files.add(b"", kind, value.rsplit("/", 1)[-1])
        if value is None:
            raise ApiError(400, f"Bad Request: there is no {field} in the request")
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    def _editable(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        message = self._messages.get((chat_id, int(params.get("message_id") or 0)))
        if message is None or message["message_id"] in self._deleted[chat_id]:
            raise ApiError(400, "Bad Request: message to edit not found")
        if message["from"]["id"] != BOT_ID:
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    def _edit(self, params: dict[str, Any], keys: tuple[str, ...], content: dict[str, Any]) -> Any:
        if params.get("inline_message_id"):
            return True
        message = self._editable(params)
        markup = params.get("reply_markup")
        check_markup(markup)
        markup = markup if is_inline(markup) else None
        if [message.get(k) for k in keys] == [content.get(k) for k in keys] and message.get("reply_markup") == markup:
            raise ApiError(400, NOT_MODIFIED)
        for key in (*keys, "reply_markup"):
            message.pop(key, None)
        message.update(content, edit_date=int(time.time()))
        if markup:
            message["reply_markup"] = markup
        return message

    def _delete(self, chat_id: int, message_id: int) -> bool:
        if (chat_id, message_id) not in self._messages or message_id in self._deleted[chat_id]:
            return False
        self._deleted[chat_id].append(message_id)
        return True

    # ------------------------------------------------------------ Bot API methods: _api_<lower-case name>

    def _api_getme(self, p: dict[str, Any], f: Any) -> Any:
        flags = ("can_join_groups", "can_read_all_group_messages", "supports_inline_queries", "has_main_web_app")
        return {**BOT_USER, **dict.fromkeys(flags, False), "can_connect_to_business": False}

    def _api_deletewebhook(self, p: dict[str, Any], f: Any) -> Any:
        if p.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _api_getwebhookinfo(self, p: dict[str, Any], f: Any) -> Any:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": len(self._updates)}

    def _api_setmycommands(self, p: dict[str, Any], f: Any) -> Any:
        if not isinstance(p.get("commands"), list):
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        self._commands[commands_key(p)] = p["commands"]
        return True

    def _api_getmycommands(self, p: dict[str, Any], f: Any) -> Any:
        return self._commands.get(commands_key(p), [])

    def _api_deletemycommands(self, p: dict[str, Any], f: Any) -> Any:
        self._commands.pop(commands_key(p), None)
        return True

    def _api_close(self, p: dict[str, Any], f: Any) -> Any:
        return True

    _api_logout = _api_sendchataction = _api_close

    async def _api_getupdates(self, p: dict[str, Any], f: Any) -> Any:
        offset, limit = int(p.get("offset") or 0), min(max(int(p.get("limit") or 100), 1), 100)
        if offset < 0:
            del self._updates[: max(len(self._updates) + offset, 0)]
        elif offset:
            self._updates[:] = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + float(p.get("timeout") or 0)
        while not self._updates and not self._closing and (remaining := deadline - time.monotonic()) > 0:
            self._updates_changed.clear()
            try:
                await asyncio.wait_for(self._updates_changed.wait(), remaining)
            except TimeoutError:
                break
        return copy.deepcopy(self._updates[:limit])

    def _api_sendmessage(self, p: dict[str, Any], f: Any) -> Any:
        return self._bot_message(p, self._formatted(p, "text", TEXT_LIMIT))

    def _send_media(self, p: dict[str, Any], f: dict[str, UploadedFile], kind: str) -> Any:
        stored = self._input_file(p, f, kind, kind)
        return self._bot_message(p, {kind: describe(stored, p), **self._formatted(p, "caption", CAPTION_LIMIT, False)})

    _api_sendphoto = partialmethod(_send_media, kind="photo")
    _api_senddocument = partialmethod(_send_media, kind="document")
    _api_sendvoice = partialmethod(_send_media, kind="voice")
    _api_sendaudio = partialmethod(_send_media, kind="audio")
    _api_sendvideo = partialmethod(_send_media, kind="video")
    _api_sendanimation = partialmethod(_send_media, kind="animation")

    def _api_sendmediagroup(self, p: dict[str, Any], f: dict[str, UploadedFile]) -> Any:
        media = p.get("media")
        if not isinstance(media, list) or not media:
            raise ApiError(400, "Bad Request: there is no media in the request")
        group = {"media_group_id": str(next(self._group_ids))}
        messages = []
        for item in media:
            kind = item.get("type")
            if kind not in ("photo", "video", "document", "audio"):
                raise ApiError(400, f"Bad Request: unsupported media type {kind!r} in the album")
            content = {kind: describe(self._input_file(item, f, "media", kind), item), **group}
            content.update(self._formatted(item, "caption", CAPTION_LIMIT, False))
            messages.append(self._bot_message({**p, "reply_markup": None}, content))
        return messages

    def _api_copymessage(self, p: dict[str, Any], f: Any) -> Any:
        source = self._messages.get((self._chat_id(p, "from_chat_id"), int(p.get("message_id") or 0)))
        if source is None or source["message_id"] in self._deleted[source["chat"]["id"]]:
            raise ApiError(400, "Bad Request: message to copy not found")
        content = {k: copy.deepcopy(v) for k, v in source.items() if k in _COPYABLE}
        if "caption" in p:
            content = {k: v for k, v in content.items() if not k.startswith("caption")}
            content.update(self._formatted(p, "caption", CAPTION_LIMIT, False))
        return {"message_id": self._bot_message(p, content)["message_id"]}

    def _api_editmessagetext(self, p: dict[str, Any], f: Any) -> Any:
        if not p.get("inline_message_id") and "text" not in self._editable(p):
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        return self._edit(p, ("text", "entities"), self._formatted(p, "text", TEXT_LIMIT))

    def _api_editmessagecaption(self, p: dict[str, Any], f: Any) -> Any:
        content = self._formatted(p, "caption", CAPTION_LIMIT, False)
        return self._edit(p, ("caption", "caption_entities"), content)

    def _api_editmessagereplymarkup(self, p: dict[str, Any], f: Any) -> Any:
        return self._edit(p, (), {})

    def _api_deletemessage(self, p: dict[str, Any], f: Any) -> Any:
        if not self._delete(self._chat_id(p), int(p.get("message_id") or 0)):
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    def _api_deletemessages(self, p: dict[str, Any], f: Any) -> Any:
        chat_id = self._chat_id(p)
        for message_id in p.get("message_ids") or []:
            self._delete(chat_id, int(message_id))
        return True

    def _api_answercallbackquery(self, p: dict[str, Any], f: Any) -> Any:
        query_id = str(p.get("callback_query_id") or "")
        if query_id not in self._queries or query_id in self._answers:
            raise ApiError(400, QUERY_TOO_OLD)
        self._answers[query_id] = p
        return True

    def _api_getfile(self, p: dict[str, Any], f: Any) -> Any:
        stored = self.files.by_id.get(str(p.get("file_id") or ""))
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        if stored.size > MAX_DOWNLOAD:
            raise ApiError(400, "Bad Request: file is too big")
        return {k: getattr(stored, k) for k in ("file_id", "file_unique_id", "file_path")} | {"file_size": stored.size}

    def _api_getchat(self, p: dict[str, Any], f: Any) -> Any:
        return full_chat(self._chat(self._chat_id(p)))


def _caption(caption: str | None) -> dict[str, Any]:
    return {"caption": caption} if caption else {}
