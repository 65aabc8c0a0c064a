"""One update of a chat at a time, in this process or across several instances of the bot (issue 18).

Two updates of one chat must never be handled at once: the second would read the dialog before the first saved
it, and whatever the first did on the way (a case filed, a question answered) would be done again on a retry. In
one process an :class:`asyncio.Lock` per chat is enough (:class:`LocalChatLocks`: SQLite, the terminal). Several
instances behind one webhook URL share PostgreSQL, and any of them may receive any update:
:class:`PostgresChatLocks` takes PostgreSQL's session advisory lock of the chat as well, on one connection of its
own (the handler's transactions use the main pool). A process that dies loses its connection and with it its
locks; a chat not had within :data:`WAIT_SECONDS` fails the update rather than waiting for ever.

A task that holds a chat's lock may ask for it again (the front holds it around handling and sending, the dialog
runner inside asks too): the inner ask is granted at once.

``alone`` says whether this process is the only writer of the dialogs: only then may the dialog runner trust what
it saved last instead of reading it (bot/dialogs/runner.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterator
from contextvars import ContextVar
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.persistence.db import make_engine

log = logging.getLogger(__name__)

NAMESPACE = 0x7146  # the first key of the two-key advisory locks: "qF", the chats' locks
WAIT_SECONDS = 30.0  # a chat another instance holds for longer than this: the update fails (Telegram retries)
POLL_SECONDS = 0.02  # between two asks for a chat another instance holds
TRY_LOCK = "SELECT pg_try_advisory_lock(:ns, :key)"
UNLOCK = "SELECT pg_advisory_unlock(:ns, :key)"
# the chats whose lock the current task holds (a task it starts inherits the variable, not the lock: it waits)
_HELD: ContextVar[tuple[tuple[int, asyncio.Task[object] | None], ...]] = ContextVar("chats_held", default=())


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


class ChatBusy(Exception):
    """Another instance kept the chat for longer than :data:`WAIT_SECONDS`: this update fails (Telegram delivers
    it again later)."""


class PostgresChatLocks:
    """The local lock first (one holder per chat in this process), then the chat's advisory lock, taken with
    ``pg_try_advisory_lock`` on one session of this process's own: session locks of many chats at once on one
    connection, each statement a fraction of a millisecond, so however many updates are under way the instance
    uses one connection for them. Another instance holding the chat (two updates of it at the same moment) is
    waited for by asking again every :data:`POLL_SECONDS`. If the session is lost, so are its locks (the server
    frees them): the next statement opens a new one."""

    alone = False

    def __init__(self, url: str, wait: float = WAIT_SECONDS, poll: float = POLL_SECONDS) -> None:
        self.local = LocalChatLocks()
        self.wait, self.poll = wait, poll
        named = {"server_settings": {"application_name": "qingfeng chat locks"}}
        self.engine: AsyncEngine = make_engine(url, pool_size=1, max_overflow=0, connect_args=named)
        self._session: AsyncConnection | None = None
        self._io = asyncio.Lock()  # one statement at a time on the session
        self.waiting = 0  # updates of chats another instance holds, asking again (tests read it)
        self._late: set[asyncio.Future[object]] = set()  # unlocks of attempts given up

    @contextlib.asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[None]:
        if _held_here(chat_id):
            yield
            return
        key = {"ns": NAMESPACE, "key": lock_key(chat_id)}
        async with self.local.hold(chat_id):
            await self._take(key)
            try:
                yield
            finally:
                unlock = asyncio.ensure_future(self._statement(UNLOCK, key))
                try:
                    await asyncio.shield(unlock)  # cancelled or not, the unlock is sent
                except Exception as exc:  # the session is gone, and the lock with it
                    log.warning("a chat's lock was lost with its session (%s)", type(exc).__name__)

    async def _take(self, key: dict[str, int]) -> None:
        deadline = asyncio.get_running_loop().time() + self.wait
        waiting = False
        try:
            while True:
                attempt = asyncio.ensure_future(self._statement(TRY_LOCK, key))
                try:
                    if await asyncio.shield(attempt):
                        return
                except asyncio.CancelledError:  # given up: a lock the attempt took after all is given back
                    attempt.add_done_callback(lambda done: self._give_back(done, key))
                    raise
                if not waiting:
                    waiting, self.waiting = True, self.waiting + 1
                if asyncio.get_running_loop().time() > deadline:
                    raise ChatBusy(f"a chat held elsewhere for over {self.wait:g} s")
                await asyncio.sleep(self.poll)
        finally:
            if waiting:
                self.waiting -= 1

    def _give_back(self, attempt: asyncio.Future[object], key: dict[str, int]) -> None:
        if not attempt.cancelled() and attempt.exception() is None and attempt.result():
            unlock = asyncio.ensure_future(self._statement(UNLOCK, key))
            self._late.add(unlock)
            unlock.add_done_callback(self._late.discard)

    async def _statement(self, sql: str, key: dict[str, int]) -> object:
        async with self._io:
            for attempt in range(2):
                fresh = self._session is None or self._session.invalidated or self._session.closed
                if fresh:
                    connection = await self.engine.connect()
                    self._session = await connection.execution_options(isolation_level="AUTOCOMMIT")
                session = self._session
                assert session is not None
                try:
                    return (await session.execute(text(sql), key)).scalar_one()
                except BaseException as exc:  # broken or cut short: a session in doubt is thrown away, locks and all
                    self._session = None
                    with contextlib.suppress(Exception):
                        await session.invalidate()
                    if fresh or attempt or not isinstance(exc, DBAPIError):
                        raise
                    log.warning("the chats' lock session was lost (%s): a new one", type(exc).__name__)
            raise AssertionError("unreachable")

    async def close(self) -> None:
        if self._session is not None:
            with contextlib.suppress(Exception):
                await self._session.close()
            self._session = None
        await self.engine.dispose()


def chat_locks_for(url: str) -> ChatLocks:
    """Across processes on PostgreSQL (several instances may share it); in this process on SQLite."""
    return PostgresChatLocks(url) if url.startswith("postgresql") else LocalChatLocks()
