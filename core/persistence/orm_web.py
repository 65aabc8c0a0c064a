"""Tables of the web chat (issue 19): a browser's session, bound to a cookie, and what its chat shows.

A session holds no account: a random token in an HttpOnly cookie, stored here only as a keyed hash, so the table
cannot be turned back into a working cookie. Its chat id (``WEB_CHATS + id``, core.services.web_chats) is what the
dialogs, the named reporter's contact and the outbox know — as a Telegram chat id is for Telegram. The messages are
the chat as the page shows it: encrypted, erased when the dialog deletes them (a password, the report on request),
all gone when the visitor asks the product to forget the browser.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.persistence.orm import Base, UtcDateTime


class WebSessionRow(Base):
    """A browser's session: the cookie's keyed hash, when it began and was last seen, the page's language."""

    __tablename__ = "web_sessions"
    # ids are never given twice, even after the newest session is forgotten (SQLite would reuse the highest id
    # without AUTOINCREMENT): a chat id names one browser for ever, and a forgotten one's cases stay unreachable
    __table_args__ = ({"sqlite_autoincrement": True},)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    token_index: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    locale: Mapped[str] = mapped_column(String(8))


class WebMessageRow(Base):
    """One message of a session's chat, numbered within the session (the dialogs' message ids: a report's
    messages are a range of them). ``mine``: typed or tapped by the visitor; ``body_enc``: the text, buttons and
    any picture or file, encrypted; emptied when deleted."""

    __tablename__ = "web_messages"
    __table_args__ = (UniqueConstraint("session_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)  # one key: keys rotate by it
    session_id: Mapped[int] = mapped_column(ForeignKey("web_sessions.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    mine: Mapped[bool] = mapped_column(Boolean)
    body_enc: Mapped[bytes] = mapped_column(LargeBinary)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
