"""Pure helpers for the fake Bot API server: parameter decoding, HTML parse_mode, files, payload builders."""

from __future__ import annotations

import html
import itertools
import json
import mimetypes
import re
from collections.abc import Mapping
from dataclasses import dataclass
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
                try:
                    value = json.loads(value)
                except ValueError:
                    pass  # kept as text; reply_markup validation reports it like Telegram does
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
                raise ApiError(
                    400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                )
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
        if file_name and "." in file_name:
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
