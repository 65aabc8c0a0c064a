"""What the fake Bot API says and checks: the bot's identity, limits and error texts, form decoding, keyboards,
and the JSON shapes of users and chats."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Mapping
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
