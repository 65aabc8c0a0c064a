"""One update of a chat at a time, in this process or across several instances of the bot (issue 18).

Two updates of one chat must never be handled at once: the second would read the dialog before the first saved
it, and whatever the first did on the way (a case filed, a question answered) would be done again on a retry. In
one process an :class:`asyncio.Lock` per chat is enough (:class:`LocalChatLocks`: SQLite, the terminal). Several
instances behind one webhook URL share PostgreSQL, and any of them may receive any update:
:class:`PostgresChatLocks` takes PostgreSQL's session advisory lock of the chat as well, on a small pool of its own
(the handler's transactions use the main pool, so a full lock pool can never starve the work it waits for). A
process that dies loses its connections and with them its locks; a lock not had within ``lock_timeout`` fails the
update (the user is told to try again) rather than waiting for ever.

A task that holds a chat's lock may ask for it again (the front holds it around handling and sending, the dialog
runner inside asks too): the inner ask is granted at once.

``alone`` says whether this process is the only writer of the dialogs: only then may the dialog runner trust what
it saved last instead of reading it (bot/dialogs/runner.py).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from contextvars import ContextVar
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from core.persistence.db import make_engine

NAMESPACE = 0x7146  # the first key of the two-key advisory locks: "qF", the chats' locks
LOCK_CONNECTIONS = 16  # updates holding a chat's lock at once in one process (handled and answered); more wait
# the chats whose lock the current task holds (a task it starts inherits the variable, not the lock: it waits)
_HELD: ContextVar[tuple[tuple[int, asyncio.Task[object] | None], ...]] = ContextVar("chats_held", default=())
LOCK_TIMEOUT_MS = 30_000  # a chat's lock not had within this: the update fails (longer than any handling)


class ChatLocks(Protocol):
    alone: bool  # no other process handles this office's chats

    def hold(self, chat_id: int) -> contextlib.AbstractAsyncContextManager[None]: ...

    async def close(self) -> None: ...


class LocalChatLocks:
    """A lock per chat with updates waiting or under way, forgotten when the last is done."""

    alone = True

    def __init__(self) -> None:
        self._locks: dict[int, asyncio.Lock] = {}

    @contextlib.asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[None]:
        if _held_here(chat_id):
            yield
            return
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        try:
            async with lock:
                with _holding(chat_id):
                    yield
        finally:
            if not lock.locked() and not getattr(lock, "_waiters", None):
                self._locks.pop(chat_id, None)

    def __len__(self) -> int:
        return len(self._locks)

    async def close(self) -> None:
        return None


def _held_here(chat_id: int) -> bool:
    return (chat_id, asyncio.current_task()) in _HELD.get()


@contextlib.contextmanager
def _holding(chat_id: int) -> Iterator[None]:
    token = _HELD.set((*_HELD.get(), (chat_id, asyncio.current_task())))
    try:
        yield
    finally:
        _HELD.reset(token)


def lock_key(chat_id: int) -> int:
    """The chat id folded into the second (signed 32-bit) key: two chats may share a key, which only makes them
    wait for each other now and then."""
    folded = (chat_id ^ (chat_id >> 32)) & 0xFFFFFFFF
    return folded - (1 << 32) if folded >= 1 << 31 else folded


class PostgresChatLocks:
    """The local lock first (one connection per chat and process at most), then the advisory lock of the chat on
    a connection of the lock pool, held in autocommit (no transaction stays open while the update is handled)."""

    alone = False

    def __init__(self, url: str, connections: int = LOCK_CONNECTIONS, timeout_ms: int = LOCK_TIMEOUT_MS) -> None:
        self.local = LocalChatLocks()
        self.engine: AsyncEngine = make_engine(
            url, pool_size=connections, max_overflow=0, pool_timeout=timeout_ms / 1000,
            connect_args={"server_settings": {"lock_timeout": str(timeout_ms), "application_name": "qingfeng locks"}},
        )  # fmt: skip

    @contextlib.asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[None]:
        if _held_here(chat_id):
            yield
            return
        key = {"ns": NAMESPACE, "key": lock_key(chat_id)}
        async with self.local.hold(chat_id):
            conn = await self.engine.connect()
            try:
                auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
                await auto.execute(text("SELECT pg_advisory_lock(:ns, :key)"), key)
            except BaseException:  # refused, timed out, or cancelled while waiting: the connection may hold it
                await conn.invalidate()
                await conn.close()
                raise
            try:
                yield
            finally:
                try:
                    await auto.execute(text("SELECT pg_advisory_unlock(:ns, :key)"), key)
                except BaseException:  # the connection is broken or we are cancelled: closing it frees the lock
                    await conn.invalidate()
                    raise
                finally:
                    await conn.close()

    async def close(self) -> None:
        await self.engine.dispose()


def chat_locks_for(url: str) -> ChatLocks:
    """Across processes on PostgreSQL (several instances may share it); in this process on SQLite."""
    return PostgresChatLocks(url) if url.startswith("postgresql") else LocalChatLocks()
