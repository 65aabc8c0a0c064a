"""Simulated users of the fake Telegram: the updates they cause (messages, media, taps), queued for getUpdates."""

from __future__ import annotations

import copy
import itertools
from typing import Any

from .fake_telegram_entities import command_entities
from .fake_telegram_files import describe
from .fake_telegram_payloads import chat_dict, inline_rows, user_dict
from .fake_telegram_webhook import WebhookDelivery


class SimulatedUsers(WebhookDelivery):
    """Users who send text, photos, documents, voice and video, and tap inline buttons."""

    def __init__(self) -> None:
        super().__init__()
        self._query_ids = itertools.count(4_000_000_000_000_000_001)

    def dump(self, last: int = 15) -> str:
        """The pending updates; FakeTelegram adds the last calls."""
        return f"  pending updates: {[u['update_id'] for u in self._updates]}"

    def user_sends(
        self,
        chat_id: int,
        text: str,
        user_id: int | None = None,
        first_name: str = "用户",
        language_code: str = "zh-hans",
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


def _caption(caption: str | None) -> dict[str, Any]:
    return {"caption": caption} if caption else {}
