"""A chat with the bot without Telegram: the same ChatFront, DialogRunner and dialogs the runtimes drive, over the
in-memory fakes of tests/fast/fakes.py. Same verbs as tests/bot's BotHarness (say, tap, photo, document…), so a
scenario reads the same in both tiers; each update takes well under a millisecond of waiting (there is none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.deps import BotDeps
from bot.dialogs.engine import Media
from bot.dialogs.officer import OfficerDesk, OfficerServices
from bot.dialogs.runner import DialogRunner, DialogServices
from bot.floodgate import Floodgate
from bot.front import ChatFront, Incoming, Keyboard
from bot.i18n import Translator

from .fakes import CitizenFakes

LANGUAGE = "zh-hans"  # what the fake Telegram's users send


@dataclass
class Sent:
    text: str
    keyboard: Keyboard = ()


@dataclass
class FastChat:
    fakes: CitizenFakes
    tr: Translator
    sent: dict[int, list[Sent]] = field(default_factory=dict)
    deleted: dict[int, list[int]] = field(default_factory=dict)  # chat → message ids the bot deleted
    typed: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # chat → the user's (id, text)
    files: dict[str, bytes] = field(default_factory=dict)  # what the user sent, by file id
    downloads: list[str] = field(default_factory=list)
    transcript: list[str] = field(default_factory=list)
    _message_id: int = 0

    def __post_init__(self) -> None:
        self.restart()

    def restart(self) -> None:
        """Everything in memory built afresh on the same fakes, as a process restart would."""
        f = self.fakes
        services = DialogServices(f.store, f.filing, f.queries, f.officers, f.urgent, f.reporter, f.messaging)  # type: ignore[arg-type]
        desk = OfficerDesk(OfficerServices(None, None, f.officers, f.store, f.messaging, f.urgent, None, None))  # type: ignore[arg-type]
        self.front = ChatFront(BotDeps(self.tr, DialogRunner(services), desk, Floodgate(burst=10_000)))

    # -- what the chat shows ------------------------------------------------------------------------------------
    def texts(self, chat: int) -> list[str]:
        return [s.text for s in self.sent.get(chat, [])]

    def last_keyboard(self, chat: int) -> Keyboard:
        return next((s.keyboard for s in reversed(self.sent.get(chat, [])) if s.keyboard), ())

    def button(self, chat: int, label: str) -> str:
        rows = self.last_keyboard(chat)
        for row in rows:
            for text, data in row:
                if label in text:
                    return data
        raise AssertionError(f"no button like {label!r} in {rows}")

    # -- acting as a user ---------------------------------------------------------------------------------------
    def visible_text(self, chat: int) -> str:
        """What the chat still shows of both sides: the user's messages the bot deleted are gone."""
        gone = set(self.deleted.get(chat, []))
        mine = [text for mid, text in self.typed.get(chat, []) if mid not in gone]
        return "\n".join([*mine, *self.texts(chat)])

    async def _send(self, chat: int, shown: str, **kw: Any) -> list[str]:
        self._message_id += 1
        mid = self._message_id
        self.typed.setdefault(chat, []).append((mid, kw.get("text") or ""))
        incoming = Incoming(chat, user_id=chat, language=LANGUAGE, message_id=mid, **kw)
        response = await self.front.handle(incoming, self._download)
        out = [Sent(m.text, m.keyboard) for m in response.messages]
        self.sent.setdefault(chat, []).extend(out)
        self._message_id += len(out)
        if response.delete_incoming:
            self.deleted.setdefault(chat, []).append(mid)
        self.deleted.setdefault(chat, []).extend(response.delete_ids)
        self.transcript += [f"[{chat}] 👤 {shown}", *(f"[{chat}] 🤖 {s.text}" for s in out)]
        return [s.text for s in out]

    async def _download(self, media: Media) -> bytes:
        self.downloads.append(media.ref)
        return self.files[media.ref]

    async def say(self, chat: int, text: str) -> list[str]:
        return await self._send(chat, text[:60], text=text)

    async def tap(self, chat: int, label: str) -> list[str]:
        return await self._send(chat, f"[{label}]", callback=self.button(chat, label))

    async def tap_data(self, chat: int, data: str) -> list[str]:
        return await self._send(chat, f"[forged {data[:40]}]", callback=data)

    async def _file(self, chat: int, media: Media, data: bytes) -> list[str]:
        self.files[media.ref] = data
        return await self._send(chat, f"({media.kind} {media.name})", media=media)

    async def photo(self, chat: int, data: bytes, file_size: int | None = None) -> list[str]:
        ref = f"photo-{len(self.files)}"
        return await self._file(chat, Media("photo", ref, "photo.jpg", "image/jpeg", file_size or len(data)), data)

    async def document(self, chat: int, data: bytes, name: str, mime: str, file_size: int | None = None) -> list[str]:
        media = Media("document", f"doc-{len(self.files)}", name, mime, file_size or len(data))
        return await self._file(chat, media, data)

    async def video(self, chat: int, data: bytes, file_size: int | None = None) -> list[str]:
        media = Media("video", f"video-{len(self.files)}", "video.mp4", "video/mp4", file_size or len(data))
        return await self._file(chat, media, data)
