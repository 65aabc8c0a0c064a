"""The benchmark's no-network Bot API: one in-process state answering every call, reached through an aiogram
session (here) or a python-telegram-bot request object (fake_request.py, apart so that the aiogram side never
imports python-telegram-bot: scale_rss.py counts the memory of what the product imports).

Requests are still encoded as for the wire and answers still parsed by the library (aiogram's ``check_response``,
PTB's JSON decoding and error mapping), so each Bot's own work is measured.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import defaultdict
from collections.abc import AsyncGenerator
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType

BOT_ID = 9000000001
TOKEN = f"{BOT_ID}:TEST"
BOT_USER: dict[str, Any] = {"id": BOT_ID, "is_bot": True, "first_name": "清风", "username": "qingfeng_bench_bot"}


class FakeApi:
    """What Telegram would hold and answer, for either library: the bot's messages, users' files, call counts."""

    def __init__(self) -> None:
        self._message_ids = itertools.count(1)
        self.last_sent: dict[int, dict[str, Any]] = {}  # chat id → the bot's last message there (as JSON)
        self.texts: dict[int, list[str]] = defaultdict(list)
        self.calls: dict[str, int] = defaultdict(int)
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id → (file_path, data)
        self._by_path: dict[str, bytes] = {}

    def next_message_id(self) -> int:
        return next(self._message_ids)

    def add_file(self, data: bytes, folder: str = "photos", ext: str = ".jpg") -> dict[str, Any]:
        """Register a user's upload; return its PhotoSize as it appears in a message."""
        n = len(self.files) + 1
        file_id, path = f"BENCH{n:06d}AAQgAAAkZmFrZQ", f"{folder}/file_{n}{ext}"
        self.files[file_id] = (path, data)
        self._by_path[path] = data
        return {"file_id": file_id, "file_unique_id": f"AQAD{n:06d}", "file_size": len(data), "width": 1280,
                "height": 960}  # fmt: skip

    def answer(self, name: str, form: dict[str, Any]) -> Any:
        self.calls[name] += 1
        if name == "sendMessage":
            chat_id = int(form["chat_id"])
            message: dict[str, Any] = {
                "message_id": self.next_message_id(),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private", "first_name": "用户"},
                "from": BOT_USER,
                "text": form["text"],
            }
            if "reply_markup" in form:
                message["reply_markup"] = json.loads(form["reply_markup"])
            self.last_sent[chat_id] = message
            self.texts[chat_id].append(form["text"])
            return message
        if name in ("answerCallbackQuery", "deleteMessage"):
            return True
        if name == "getFile":
            path, data = self.files[form["file_id"]]
            return {"file_id": form["file_id"], "file_unique_id": "AQAD", "file_size": len(data), "file_path": path}
        if name == "getMe":
            return BOT_USER
        raise NotImplementedError(f"the benchmark's fake Bot API does not know {name}")

    def file_at(self, url: str) -> bytes:
        """The stored file at ``…/file/bot<token>/<path>``."""
        return self._by_path[url.split("/file/bot", 1)[1].split("/", 1)[1]]


class FakeSession(BaseSession):
    """aiogram's way in: requests encoded as form fields (as ``AiohttpSession`` does), answers through aiogram's
    own parsing (``check_response``)."""

    def __init__(self, api: FakeApi) -> None:
        super().__init__()
        self.fake = api  # not `api`: BaseSession's `api` is the server's URLs

    def _form(self, bot: Bot, method: TelegramMethod[Any]) -> dict[str, Any]:
        files: dict[str, Any] = {}
        form = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files)
            if prepared:
                form[key] = prepared
        return form

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 (BaseSession's signature)
    ) -> TelegramType:
        name = method.__api_method__
        result = self.fake.answer(name, self._form(bot, method))
        response = self.check_response(bot, method, 200, self.json_dumps({"ok": True, "result": result}))
        return response.result  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 (BaseSession's signature)
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        data = self.fake.file_at(url)
        for start in range(0, len(data), chunk_size):
            yield data[start : start + chunk_size]

    async def close(self) -> None:
        pass
