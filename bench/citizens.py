"""The benchmark's citizens: the filing they go through (``SCRIPT``) and the updates each of them causes."""

from __future__ import annotations

import itertools
import time
from typing import Any

# isort: split
from fake_session import FakeApi  # bench/ is on sys.path when filing.py runs as a script

REGION = "浙江省/杭州市/临安区"
FACTS = (
    "2026年3月至8月，某村党支部书记张某某在发放低保时，把名额给了自己的两个亲戚，"
    "他们家里有车有店铺，不符合条件。真正困难的李大爷反而被取消。村里会计也知道这件事，涉及金额约2万元。"
)
JPEG = b"\xff\xd8\xff\xe0" + b"photo-of-the-ledger" * 100

# A named filing with one photo, as in tests/bot/test_filing.py: (action, argument). "tap" finds the button whose
# text contains the argument on the bot's last message in that chat.
SCRIPT: tuple[tuple[str, str], ...] = (
    ("say", "/start"),
    ("tap", "我已阅读"),
    ("say", "村支书把低保名额给了自己的亲戚"),  # the scope check (core.scope)
    ("tap", "检举控告"),
    ("tap", "实名举报"),
    ("say", "刘举报"),
    ("say", "138 0013 8000"),
    ("tap", "跳过"),  # ID number
    ("say", "张某某"),
    ("say", "临安区某镇某村村委会"),
    ("say", "村党支部书记"),
    ("tap", "村（社区）干部"),
    ("tap", REGION),
    ("tap", "中共党员"),
    ("tap", "没有了"),
    ("tap", "群众纪律"),
    ("say", FACTS),
    ("tap", "跳过"),  # other bodies
    ("photo", ""),
    ("tap", "完成"),
    ("tap", "内容无误"),
    ("tap", "确认提交"),
)


def _user(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "is_bot": False, "first_name": "用户", "language_code": "zh-hans"}


Update = dict[str, Any]  # as Telegram sends it: each runtime parses it into its own type


class Citizen:
    """Builds the updates one user would cause, from what the bot last showed in that chat."""

    _update_ids = itertools.count(1)

    def __init__(self, api: FakeApi, chat_id: int) -> None:
        self.session, self.chat_id = api, chat_id

    def _update(self, kind: str, payload: dict[str, Any]) -> Update:
        return {"update_id": next(self._update_ids), kind: payload}

    def _message(self, content: dict[str, Any]) -> Update:
        message = {
            "message_id": self.session.next_message_id(),
            "date": int(time.time()),
            "chat": {"id": self.chat_id, "type": "private", "first_name": "用户"},
            "from": _user(self.chat_id),
            **content,
        }
        return self._update("message", message)

    def says(self, text_: str) -> Update:
        content: dict[str, Any] = {"text": text_}
        if text_.startswith("/"):
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text_.split()[0])}]
        return self._message(content)

    def sends_photo(self, data: bytes) -> Update:
        return self._message({"photo": [self.session.add_file(data)]})

    def taps(self, label: str) -> Update:
        message = self.session.last_sent.get(self.chat_id)
        rows = (message or {}).get("reply_markup", {}).get("inline_keyboard", [])
        data = next((b["callback_data"] for row in rows for b in row if label in b["text"] and "callback_data" in b),
                    None)  # fmt: skip
        if message is None or data is None:
            shown = [[b.get("text") for b in row] for row in rows]
            last = self.session.texts[self.chat_id][-1:] or ["(nothing)"]
            raise RuntimeError(f"chat {self.chat_id}: no button like {label!r} in {shown}; last text: {last[0]!r}")
        query = {
            "id": str(next(self._update_ids)),
            "from": _user(self.chat_id),
            "message": message,
            "chat_instance": str(-7_000_000_000 - self.chat_id),
            "data": data,
        }
        return self._update("callback_query", query)

    def next_update(self, action: str, argument: str) -> Update:
        if action == "say":
            return self.says(argument)
        if action == "tap":
            return self.taps(argument)
        return self.sends_photo(JPEG)
