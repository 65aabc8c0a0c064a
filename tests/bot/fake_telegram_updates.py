"""The simulated Telegram behind FakeTelegram: Bot API method semantics, message and file state, payload helpers.

Kept apart from fake_telegram.py (HTTP server, scripting, recording, simulated users) only to keep both readable.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import html
import itertools
import json
import mimetypes
import re
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partialmethod
from typing import Any

BOT_ID = 9000000001
BOT_USER: dict[str, Any] = {"id": BOT_ID, "is_bot": True, "first_name": "清风", "username": "qingfeng_test_bot"}
MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile refuses bigger files on the cloud Bot API
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same "
    "as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: chat not found",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    500: "Internal Server Error",
}


class ApiError(Exception):
    """An error answer of the Bot API: the HTTP status equals ``error_code``."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


# ---------------------------------------------------------------- parameters

# Free text is never JSON-decoded, even when it happens to look like JSON ("[紧急] ...").
_FREE_TEXT = frozenset({"text", "caption", "title", "description", "question", "explanation", "url", "data", "query"})
_INT_FIELDS = frozenset(
    {"chat_id", "from_chat_id", "message_id", "reply_to_message_id", "message_thread_id", "offset", "limit"}
    | {"timeout", "user_id", "cache_time", "duration", "width", "height", "max_connections"}
)
_BOOL_FIELDS = frozenset(
    {"show_alert", "disable_notification", "protect_content", "drop_pending_updates", "has_spoiler"}
    | {"allow_sending_without_reply", "disable_web_page_preview", "supports_streaming", "is_personal"}
    | {"disable_content_type_detection", "show_caption_above_media"}
)


def decode_form(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Form and query values are strings: decode JSON-looking ones and the well-known int and bool fields."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            if key not in _FREE_TEXT and value[:1] in ("{", "["):
                with contextlib.suppress(ValueError):  # else kept as text: check_markup reports it as Telegram does
                    value = json.loads(value)
            elif key in _INT_FIELDS and re.fullmatch(r"-?\d+", value):
                value = int(value)
            elif key in _BOOL_FIELDS and value.lower() in ("true", "false"):
                value = value.lower() == "true"
        out[key] = value
    return out


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def command_entities(text: str) -> list[dict[str, Any]]:
    """A ``bot_command`` entity as Telegram adds it: latin letters, digits and '_' after '/', optional @bot."""
    match = re.match(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?(?=\s|$)", text)
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group())}] if match else []


# ---------------------------------------------------------------- HTML parse_mode

_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
    "a": "text_link",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAME = re.compile(r"[^\s>]*")
_CHAR_REF = re.compile(r"&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot);")
_ATTR = re.compile(r"""([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def _bad_html(message: str) -> ApiError:
    return ApiError(400, f"Bad Request: can't parse entities: {message}")


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Strip Telegram's HTML subset into (text, entities) with UTF-16 offsets; malformed markup is a 400."""
    out: list[str] = []
    length = 0
    stack: list[tuple[str, int, dict[str, str]]] = []
    entities: list[dict[str, Any]] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "&" and (ref := _CHAR_REF.match(source, i)):
            piece, i = html.unescape(ref.group()), ref.end()
        elif ch != "<":
            piece, i = ch, i + 1
        else:
            offset = len(source[:i].encode())
            closing = source.startswith("</", i)
            name_match = _NAME.match(source, i + 1 + closing)
            assert name_match is not None  # [^\s>]* always matches
            name = name_match.group().lower()
            if not closing and name not in _TAGS:
                raise _bad_html(f'Unsupported start tag "{name}" at byte offset {offset}')
            end = source.find(">", name_match.end())
            if end < 0:
                raise _bad_html(f"Unclosed {'end' if closing else 'start'} tag at byte offset {offset}")
            attrs_src, i = source[name_match.end() : end], end + 1
            if not closing:
                attrs = {m[0].lower(): html.unescape(m[1] or m[2] or m[3]) for m in _ATTR.findall(attrs_src)}
                if name == "span" and attrs.get("class") != "tg-spoiler":
                    raise _bad_html(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
                stack.append((name, length, attrs))
                continue
            if not stack:
                raise _bad_html(f"Unexpected end tag at byte offset {offset}")
            open_name, start, attrs = stack.pop()
            if name and name != open_name:
                raise _bad_html(
                    f'Unmatched end tag at byte offset {offset}, expected "</{open_name}>", found "</{name}>"'
                )
            language = attrs.get("class", "")
            if open_name == "code" and stack and stack[-1][0] == "pre" and language.startswith("language-"):
                stack[-1][2]["language"] = language.removeprefix("language-")
                continue
            if length > start:
                entities.append(_entity(open_name, start, length - start, attrs))
            continue
        out.append(piece)
        length += utf16_len(piece)
    if stack:
        raise _bad_html(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _entity(tag: str, offset: int, length: int, attrs: dict[str, str]) -> dict[str, Any]:
    entity: dict[str, Any] = {"type": _TAGS[tag], "offset": offset, "length": length}
    if tag == "a":
        entity["url"] = attrs.get("href", "")
    elif tag == "pre" and "language" in attrs:
        entity["language"] = attrs["language"]
    elif tag == "blockquote" and "expandable" in attrs:
        entity["type"] = "expandable_blockquote"
    elif tag == "tg-emoji":
        entity["custom_emoji_id"] = attrs.get("emoji-id", "")
    return entity


# ---------------------------------------------------------------- keyboards

_BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_TEXT_BUTTON = "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"


def is_inline(markup: Any) -> bool:
    return isinstance(markup, dict) and "inline_keyboard" in markup


def check_markup(markup: Any) -> None:
    """The checks of the cloud Bot API that bots trip over: bad JSON, 1-64 byte callback_data, text-only buttons."""
    if markup is None or markup == "":
        return
    if not isinstance(markup, dict):
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not any(key in button for key in _BUTTON_ACTIONS):
                raise ApiError(400, _TEXT_BUTTON)
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")


def inline_rows(markup: Any) -> list[list[tuple[str, str | None]]]:
    if not is_inline(markup):
        return []
    return [[(b.get("text", ""), b.get("callback_data")) for b in row] for row in markup["inline_keyboard"]]


# ---------------------------------------------------------------- files

_KINDS = {  # kind: (folder of file_path, default extension, default MIME type)
    "photo": ("photos", ".jpg", "image/jpeg"),
    "document": ("documents", ".bin", "application/octet-stream"),
    "voice": ("voice", ".oga", "audio/ogg"),
    "audio": ("music", ".mp3", "audio/mpeg"),
    "video": ("videos", ".mp4", "video/mp4"),
    "animation": ("animations", ".mp4", "video/mp4"),
}


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    kind: str
    data: bytes
    size: int
    file_path: str
    file_name: str | None
    mime_type: str


class FileStore:
    """Files known to the server (user uploads and bot uploads), by file_id and by file_path."""

    def __init__(self) -> None:
        self.by_id: dict[str, StoredFile] = {}
        self.by_path: dict[str, StoredFile] = {}
        self._seq = itertools.count(1)

    def add(
        self,
        data: bytes,
        kind: str,
        file_name: str | None = None,
        mime_type: str | None = None,
        size: int | None = None,
    ) -> StoredFile:
        n = next(self._seq)
        folder, ext, default_mime = _KINDS.get(kind, _KINDS["document"])
        if kind == "photo":  # Telegram re-encodes photos as JPEG
            file_name, mime_type = None, default_mime
        elif file_name and "." in file_name:
            ext = "." + file_name.rsplit(".", 1)[1]
        if not mime_type or mime_type == "application/octet-stream":
            mime_type = (mimetypes.guess_type(file_name or "")[0] if file_name else None) or default_mime
        stored = StoredFile(
            file_id=f"FAKE{kind[:2].upper()}{n:06d}AAQgAAAkZmFrZQ",
            file_unique_id=f"AQAD{n:06d}",
            kind=kind,
            data=data,
            size=len(data) if size is None else size,
            file_path=f"{folder}/file_{n}{ext}",
            file_name=file_name,
            mime_type=mime_type,
        )
        self.by_id[stored.file_id] = self.by_path[stored.file_path] = stored
        return stored


def describe(stored: StoredFile, params: Mapping[str, Any] | None = None) -> Any:
    """The Message field for a file: a list of PhotoSize for photos, else a Document/Voice/Audio/Video object."""
    params = params or {}
    base = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "file_size": stored.size}
    if stored.kind == "photo":
        return [{**base, "width": 1280, "height": 960}]
    obj: dict[str, Any] = {**base, "mime_type": stored.mime_type}
    if stored.kind in ("voice", "audio", "video", "animation"):
        obj["duration"] = int(params.get("duration") or 3)
    if stored.kind in ("video", "animation"):
        obj.update(width=int(params.get("width") or 1280), height=int(params.get("height") or 720))
    if stored.kind != "voice" and stored.file_name:
        obj["file_name"] = stored.file_name
    return obj


# ---------------------------------------------------------------- users and chats


def user_dict(user_id: int, first_name: str, language_code: str | None) -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        user["language_code"] = language_code
    return user


def chat_dict(chat_id: int, first_name: str = "用户") -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": first_name}
    kind = "supergroup" if chat_id < -1_000_000_000_000 else "group"
    return {"id": chat_id, "type": kind, "title": "测试群"}


def full_chat(chat: dict[str, Any]) -> dict[str, Any]:
    """getChat answers a ChatFullInfo; aiogram and PTB require these fields."""
    gifts = dict.fromkeys(
        ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription", "gifts_from_channels"), False
    )
    return {**chat, "accent_color_id": 0, "max_reaction_count": 11, "accepted_gift_types": gifts}


def commands_key(params: Mapping[str, Any]) -> tuple[str, str]:
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")


# ---------------------------------------------------------------- the simulated Telegram


@dataclass
class UploadedFile:
    data: bytes
    filename: str | None
    content_type: str | None


_COPYABLE = ("text", "entities", "caption", "caption_entities", "photo", "document", "voice", "audio", "video")


class SimulatedTelegram:
    """Chats, messages, files and the update queue, and what the Bot API methods do to them.

    Methods are ``_api_<lower-case name>(params, files)``; they return the result or raise ApiError. The HTTP
    server, scripting, recording and the simulated users live in FakeTelegram (fake_telegram.py).
    """

    def __init__(self) -> None:
        self.files = FileStore()
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
        self._group_ids = itertools.count(13_000_000_000_000_001)
        self._commands: dict[tuple[str, str], list[Any]] = {}

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
