"""The simulated Telegram behind FakeTelegram: chats, messages, files, the update queue and how a bot's message is
made, edited and deleted. The Bot API methods built on it are in fake_telegram_methods.py."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import defaultdict
from typing import Any

from .fake_telegram_entities import parse_html, utf16_len
from .fake_telegram_files import FileStore, UploadedFile
from .fake_telegram_payloads import BOT_ID, BOT_USER, NOT_MODIFIED, ApiError, chat_dict, check_markup, is_inline


class SimulatedTelegram:
    """Chats, messages, files and the update queue, and the message operations the Bot API methods share.

    The methods themselves are in BotApiMethods (fake_telegram_methods.py); the simulated users in SimulatedUsers
    (fake_telegram_updates.py); the HTTP server, scripting and recording in FakeTelegram (fake_telegram.py).
    """

    def __init__(self) -> None:
        self.files = FileStore()
        self._closing = False
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._updates_changed = asyncio.Event()
        self.delivered: set[int] = set()  # update ids a getUpdates answer has carried (a harness waits on them)
        self._chats: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._last_message_id: dict[int, int] = defaultdict(int)
        self._sent: list[dict[str, Any]] = []
        self._deleted: dict[int, list[int]] = defaultdict(list)
        self._queries: dict[str, int] = {}  # callback query id -> chat id
        self._answers: dict[str, dict[str, Any]] = {}
        self._group_ids = itertools.count(13_000_000_000_000_001)
        self._commands: dict[tuple[str, str], list[Any]] = {}

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
        live = [m for m in self._sent if m["chat"]["id"] == chat_id and m["message_id"] not in self._deleted[chat_id]]
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
