"""The Bot API methods of the simulated Telegram: ``_api_<lower-case name>(params, files)``."""

from __future__ import annotations

import asyncio
import copy
import time
from functools import partialmethod
from typing import Any

from .fake_telegram_files import UploadedFile, describe
from .fake_telegram_payloads import (
    BOT_USER,
    CAPTION_LIMIT,
    MAX_DOWNLOAD,
    QUERY_TOO_OLD,
    TEXT_LIMIT,
    ApiError,
    commands_key,
    full_chat,
)
from .fake_telegram_state import SimulatedTelegram

_COPYABLE = ("text", "entities", "caption", "caption_entities", "photo", "document", "voice", "audio", "video")


class BotApiMethods(SimulatedTelegram):
    """What the Bot API methods do to the simulated Telegram; each returns the result or raises ApiError."""

    def _api_getme(self, p: dict[str, Any], f: Any) -> Any:
        flags = ("can_join_groups", "can_read_all_group_messages", "supports_inline_queries", "has_main_web_app")
        return {**BOT_USER, **dict.fromkeys(flags, False), "can_connect_to_business": False}

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
        answer = copy.deepcopy(self._updates[:limit])
        self.delivered.update(u["update_id"] for u in answer)
        return answer

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
