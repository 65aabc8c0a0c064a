"""The web chat's sessions and transcripts (issue 19), for the web runtime (bot/runtimes/web).

A visitor has no account: :meth:`WebChats.start` makes a random token for a cookie and a session numbered in SQL,
whose chat id is ``WEB_CHATS + id`` — above every Telegram id (< 2**52) and every terminal chat (2**53 + n), so a
browser never shares a dialog, a named report's contact or a notification with anyone else. What the chat shows
is kept here, encrypted, so a page opened again shows the conversation and notifications that came while it was
closed; what the dialog deletes is erased; :meth:`WebChats.forget` removes the session and all of it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from core.chats import WEB_CHATS, web_chat
from core.persistence.orm_web import WebMessageRow, WebSessionRow
from core.services.context import CoreContext

WEB_SESSION_LIFE = timedelta(days=400)  # the cookie's lifetime (browsers cap cookies at 400 days): then pruned
SEEN_EVERY = timedelta(minutes=5)  # a session's last visit is written at most this often
ERASED: dict[str, Any] = {}


@dataclass(frozen=True)
class WebSession:
    id: int
    locale: str

    @property
    def chat_id(self) -> int:
        return web_chat(self.id)


@dataclass(frozen=True)
class WebMessage:
    """One message as the page shows it; ``body``: ``text``, ``buttons`` (rows of [label, data]), and maybe
    ``photo`` or ``document`` ([name, base64])."""

    id: int
    at: datetime
    mine: bool
    body: dict[str, Any]


class WebChats:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    def _index(self, token: str) -> str:
        return self.ctx.vault.index("web-session", token)

    def csrf(self, token: str) -> str:
        """The page's anti-forgery token for this session: a keyed hash of the cookie, which a page of another
        site cannot read (rules of the same-origin policy) and so cannot send."""
        return self.ctx.vault.index("web-csrf", token)

    @staticmethod
    def new_token() -> str:
        """A cookie's token for a browser that has none. Nothing is stored until it is first used to write
        (:meth:`open`): a page fetched by a crawler or a browser that refuses cookies leaves no row behind."""
        return secrets.token_urlsafe(32)

    async def open(self, token: str, locale: str) -> WebSession:
        """The session of ``token``, begun now if it has none (its first message)."""
        if (found := await self.find(token)) is not None:
            return found
        now = self.ctx.now()
        try:
            async with self.ctx.uow() as uow:
                row = WebSessionRow(token_index=self._index(token), created_at=now, seen_at=now, locale=locale)
                uow.session.add(row)
                await uow.session.flush()
                session = WebSession(row.id, locale)
                await uow.commit()
                return session
        except IntegrityError:  # two first messages at once: the other began it
            found = await self.find(token)
            if found is None:
                raise
            return found

    async def start(self, locale: str) -> tuple[str, WebSession]:
        """A new session with a new token (tests, tools)."""
        token = self.new_token()
        return token, await self.open(token, locale)

    async def find(self, token: str) -> WebSession | None:
        """The session of a cookie; its last visit noted now and then (for pruning sessions long unused)."""
        if not token or len(token) > 100:
            return None
        now = self.ctx.now()
        async with self.ctx.uow() as uow:
            query = select(WebSessionRow).where(WebSessionRow.token_index == self._index(token))
            row = (await uow.session.execute(query)).scalar_one_or_none()
            if row is None:
                return None
            if now - row.seen_at > SEEN_EVERY:
                row.seen_at = now
                await uow.commit()
            return WebSession(row.id, row.locale)

    async def set_locale(self, session: WebSession, locale: str) -> WebSession:
        async with self.ctx.uow() as uow:
            await uow.session.execute(update(WebSessionRow).where(WebSessionRow.id == session.id).values(locale=locale))
            await uow.commit()
        return WebSession(session.id, locale)

    async def add(self, chat_id: int, body: dict[str, Any], *, mine: bool = False) -> int | None:
        """Append a message to the chat; its number within the session, or None when the session was forgotten
        (a notification for it is undeliverable). Two writers at once (a reply and a notification) may pick the
        same number: the loser takes the next."""
        session_id, body_enc = chat_id - WEB_CHATS, self.ctx.vault.enc_json(body)
        for _ in range(5):
            try:
                async with self.ctx.uow() as uow:
                    if await uow.session.get(WebSessionRow, session_id) is None:
                        return None
                    last = (await uow.session.execute(select(func.max(WebMessageRow.seq)).where(
                        WebMessageRow.session_id == session_id))).scalar()  # fmt: skip
                    seq = (last or 0) + 1
                    uow.session.add(WebMessageRow(session_id=session_id, seq=seq, at=self.ctx.now(), mine=mine,
                                                  body_enc=body_enc, deleted=False))  # fmt: skip
                    await uow.commit()
                    return seq
            except IntegrityError:
                continue
        raise RuntimeError("could not number a web message")

    async def delete(self, chat_id: int, ids: list[int] | tuple[int, ...]) -> None:
        """Erase these messages of the chat (kept as numbered gaps, so no number is used twice)."""
        if not ids:
            return
        async with self.ctx.uow() as uow:
            await uow.session.execute(
                update(WebMessageRow)
                .where(WebMessageRow.session_id == chat_id - WEB_CHATS, WebMessageRow.seq.in_(list(ids)))
                .values(deleted=True, body_enc=self.ctx.vault.enc_json(ERASED))
            )
            await uow.commit()

    async def since(self, chat_id: int, after: int = 0, limit: int = 500) -> list[WebMessage]:
        """The chat's messages numbered above ``after`` that are still shown, oldest first."""
        vault = self.ctx.vault
        async with self.ctx.uow() as uow:
            rows = (await uow.session.execute(
                select(WebMessageRow)
                .where(WebMessageRow.session_id == chat_id - WEB_CHATS, WebMessageRow.seq > after,
                       WebMessageRow.deleted.is_(False))
                .order_by(WebMessageRow.seq).limit(limit))).scalars().all()  # fmt: skip
            return [WebMessage(r.seq, r.at, r.mine, vault.dec_json(r.body_enc)) for r in rows]

    async def newest_asks_masked(self, chat_id: int) -> bool:
        """Whether the chat's newest message from the bot asks for an answer shown as dots (decided here, not by
        the page: an old or hand-made client cannot have an identity stored in clear)."""
        async with self.ctx.uow() as uow:
            body = (await uow.session.execute(
                select(WebMessageRow.body_enc)
                .where(WebMessageRow.session_id == chat_id - WEB_CHATS, WebMessageRow.mine.is_(False))
                .order_by(WebMessageRow.seq.desc()).limit(1))).scalar()  # fmt: skip
        return body is not None and bool(self.ctx.vault.dec_json(body).get("masked"))

    async def prune(self, unseen_for: timedelta) -> int:
        """Sessions not seen for this long — their cookie has expired, nobody can open them again — and their
        chats, deleted; how many."""
        cutoff = self.ctx.now() - unseen_for
        async with self.ctx.uow() as uow:
            old = select(WebSessionRow.id).where(WebSessionRow.seen_at < cutoff)
            await uow.session.execute(delete(WebMessageRow).where(WebMessageRow.session_id.in_(old)))
            gone = await uow.session.execute(delete(WebSessionRow).where(WebSessionRow.seen_at < cutoff))
            await uow.commit()
        return int(gone.rowcount or 0)  # type: ignore[attr-defined]

    async def latest(self, chat_id: int) -> int:
        """The number of the chat's newest message (0: none yet)."""
        async with self.ctx.uow() as uow:
            last = (await uow.session.execute(select(func.max(WebMessageRow.seq)).where(
                WebMessageRow.session_id == chat_id - WEB_CHATS))).scalar()  # fmt: skip
            return int(last or 0)

    async def forget(self, session: WebSession) -> None:
        """The session and everything its chat showed, gone (the dialog's saved state is the caller's)."""
        async with self.ctx.uow() as uow:
            await uow.session.execute(delete(WebMessageRow).where(WebMessageRow.session_id == session.id))
            await uow.session.execute(delete(WebSessionRow).where(WebSessionRow.id == session.id))
            await uow.commit()
