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
from collections.abc import AsyncIterator, Callable, Iterator
from contextvars import ContextVar
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.crypto import Vault
from core.persistence.db import make_engine

log = logging.getLogger(__name__)

NAMESPACE = 0x7146  # the first key of the two-key advisory locks: "qF", the chats' locks
WAIT_SECONDS = 30.0  # a chat another instance holds for longer than this: the update is not handled now
WAITERS = 8  # updates of this instance queued at once for chats another instance holds (rare: simultaneous ones)
STATEMENT_SECONDS = 10.0  # a lock statement unanswered this long: the session is taken for lost
SESSION_NAME, WAITER_NAME = "qingfeng chat locks", "qingfeng chat lock waiters"
TRY_LOCK = "SELECT pg_try_advisory_lock(:ns, :key)"
LOCK = "SELECT pg_advisory_lock(:ns, :key)"
UNLOCK = "SELECT pg_advisory_unlock(:ns, :key)"
LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout ran out
# the chats whose lock the current task holds (a task it starts inherits the variable, not the lock: it waits)
_HELD: ContextVar[tuple[tuple[object, int, asyncio.Task[object] | None], ...]] = ContextVar("chats_held", default=())


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
        if _held_here(self, chat_id):
            yield
            return
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        try:
            async with lock:
                with _holding(self, chat_id):
                    yield
        finally:
            if not lock.locked() and not getattr(lock, "_waiters", None):
                self._locks.pop(chat_id, None)

    def __len__(self) -> int:
        return len(self._locks)

    async def close(self) -> None:
        return None


def _held_here(locks: object, chat_id: int) -> bool:
    """Whether the current task holds this chat's lock of ``locks`` (another set of locks is another lock)."""
    return (locks, chat_id, asyncio.current_task()) in _HELD.get()


@contextlib.contextmanager
def _holding(locks: object, chat_id: int) -> Iterator[None]:
    token = _HELD.set((*_HELD.get(), (locks, chat_id, asyncio.current_task())))
    try:
        yield
    finally:
        _HELD.reset(token)


def folded_key(chat_id: int) -> int:
    """The chat id folded into a signed 32-bit key (tests; the bot keys by :func:`blind_key`)."""
    folded = (chat_id ^ (chat_id >> 32)) & 0xFFFFFFFF
    return folded - (1 << 32) if folded >= 1 << 31 else folded


def blind_key(vault: Vault) -> Callable[[int], int]:
    """The second key of a chat's advisory lock: 32 bits of a keyed hash of the chat id, so ``pg_locks`` (which
    any database role may read) does not show who is talking to the bot. Two chats may share a key, which only
    makes them wait for each other now and then."""
    return lambda chat_id: int.from_bytes(bytes.fromhex(vault.index("chat-lock", str(chat_id))[:8]), signed=True)


class ChatBusy(Exception):
    """Another instance kept the chat for longer than :data:`WAIT_SECONDS`: this update is not handled now (in
    webhook mode Telegram delivers it again, bot/deferral.py)."""


class PostgresChatLocks:
    """The local lock first (one holder per chat in this process), then the chat's advisory lock. Taken at once
    with ``pg_try_advisory_lock`` on one session of this process's own: session locks of many chats on one
    connection, a fraction of a millisecond each, so however many updates are under way an instance uses one
    connection for them. When another instance holds the chat (two of its updates at the same moment), the update
    queues for it on the server (``pg_advisory_lock`` on a connection of a small pool for waiters, at most
    :data:`WAIT_SECONDS`): the server grants it in turn, and a try by the holder's instance fails while someone is
    queued, so neither instance can starve the other. A lost session loses its locks (the server frees them): the
    holders are not told, their unlock is skipped (the session's generation changed) and the dialog's version
    check still refuses a stale write."""

    alone = False

    def __init__(self, url: str, key: Callable[[int], int] = folded_key, wait: float = WAIT_SECONDS) -> None:
        self.local = LocalChatLocks()
        self.key, self.wait = key, wait
        session = {"server_settings": {"application_name": SESSION_NAME}, "command_timeout": STATEMENT_SECONDS}
        self.engine: AsyncEngine = make_engine(url, pool_size=1, max_overflow=0, connect_args=session)
        queued = {"server_settings": {"application_name": WAITER_NAME, "lock_timeout": str(int(wait * 1000))},
                  "command_timeout": wait + 10}  # fmt: skip
        self.waiters: AsyncEngine = make_engine(url, pool_size=1, max_overflow=WAITERS - 1, pool_timeout=wait,
                                                connect_args=queued)  # fmt: skip
        self._session: AsyncConnection | None = None
        self._generation = 0  # of the session: a lock taken on an earlier one is gone with it
        self._io = asyncio.Lock()  # one statement at a time on the session
        self.waiting = 0  # updates queued for a chat another instance holds (tests read it)
        self._late: set[asyncio.Future[None]] = set()  # unlocks of tries given up

    @contextlib.asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[None]:
        if _held_here(self.local, chat_id):
            yield
            return
        key = {"ns": NAMESPACE, "key": self.key(chat_id)}
        async with self.local.hold(chat_id):
            generation = await self._try(key)
            if generation is None:  # held elsewhere: wait in turn
                async with self._queued(key):
                    yield
                return
            try:
                yield
            finally:
                await self._release(key, generation)

    async def _try(self, key: dict[str, int]) -> int | None:
        """The session's generation if the lock was taken on it, None if another session holds it (or waits)."""
        attempt = asyncio.ensure_future(self._statement(TRY_LOCK, key, reconnect=True))
        try:
            taken, generation = await asyncio.shield(attempt)
        except asyncio.CancelledError:  # given up: a lock the try took after all is given back
            attempt.add_done_callback(lambda done: self._give_back(done, key))
            raise
        return generation if taken else None

    def _give_back(self, attempt: asyncio.Future[tuple[object, int]], key: dict[str, int]) -> None:
        if not attempt.cancelled() and attempt.exception() is None and attempt.result()[0]:
            unlock = asyncio.ensure_future(self._release(key, attempt.result()[1]))
            self._late.add(unlock)
            unlock.add_done_callback(self._late.discard)

    async def _release(self, key: dict[str, int], generation: int) -> None:
        if generation != self._generation or self._session is None:
            log.warning("a chat's lock was lost with its session before it was released")
            return
        unlock = asyncio.ensure_future(self._statement(UNLOCK, key, reconnect=False))
        try:
            await asyncio.shield(unlock)  # cancelled or not, the unlock is sent
        except Exception as exc:  # the session is gone, and the lock with it
            log.warning("a chat's lock was lost with its session (%s)", type(exc).__name__)

    async def _statement(self, sql: str, key: dict[str, int], *, reconnect: bool) -> tuple[object, int]:
        async with self._io:
            for attempt in range(2):
                fresh = self._session is None or self._session.invalidated or self._session.closed
                if fresh:
                    if not reconnect:
                        raise ConnectionError("the lock session is gone")
                    connection = await self.engine.connect()
                    self._session = await connection.execution_options(isolation_level="AUTOCOMMIT")
                    self._generation += 1
                session = self._session
                assert session is not None
                try:
                    return (await session.execute(text(sql), key)).scalar_one(), self._generation
                except BaseException as exc:  # broken or cut short: a session in doubt is thrown away, locks and all
                    self._session = None
                    with contextlib.suppress(Exception):
                        await session.invalidate()
                    if fresh or attempt or not reconnect or not isinstance(exc, DBAPIError | TimeoutError):
                        raise
                    log.warning("the chats' lock session was lost (%s): a new one", type(exc).__name__)
            raise AssertionError("unreachable")

    @contextlib.asynccontextmanager
    async def _queued(self, key: dict[str, int]) -> AsyncIterator[None]:
        self.waiting += 1
        queued = True
        try:
            try:
                conn = await self.waiters.connect()
            except TimeoutError:  # every waiter connection waits already
                raise ChatBusy(f"a chat held elsewhere for over {self.wait:g} s") from None
            try:
                auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
                try:
                    await auto.execute(text(LOCK), key)
                except DBAPIError as exc:
                    await conn.invalidate()
                    if getattr(exc.orig, "sqlstate", None) == LOCK_NOT_AVAILABLE:
                        raise ChatBusy(f"a chat held elsewhere for over {self.wait:g} s") from None
                    raise
                except BaseException:  # cancelled while queued: the server may have granted it; closing frees it
                    await conn.invalidate()
                    raise
                self.waiting, queued = self.waiting - 1, False
                try:
                    yield
                finally:
                    try:
                        await auto.execute(text(UNLOCK), key)
                    except BaseException:
                        await conn.invalidate()
                        raise
            finally:
                await conn.close()
        finally:
            if queued:
                self.waiting -= 1

    async def close(self) -> None:
        if self._session is not None:
            with contextlib.suppress(Exception):
                await self._session.close()
            self._session = None
        await self.engine.dispose()
        await self.waiters.dispose()


def chat_locks_for(url: str, vault: Vault) -> ChatLocks:
    """Across processes on PostgreSQL (several instances may share it); in this process on SQLite."""
    return PostgresChatLocks(url, blind_key(vault)) if url.startswith("postgresql") else LocalChatLocks()
