"""One update of a chat at a time (issue 18): in one process on SQLite, across instances on PostgreSQL — where a
second instance's update of the chat waits on the server for the first's, a waiter given up or a holder whose
connection died frees the lock, and the dialog runner never trusts what it saved last."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from sqlalchemy import text

from bot.i18n import Translator
from core.services.chat_locks import ChatLocks, LocalChatLocks, PostgresChatLocks, chat_locks_for, lock_key
from qingfeng.app import App, bot_deps
from tests.waiting import until

CHAT, OTHER = 5_000_000_001, 5_000_000_002


@contextlib.asynccontextmanager
async def another_instance(app: App) -> AsyncIterator[ChatLocks]:
    locks = chat_locks_for(app.settings.db_url)
    try:
        yield locks
    finally:
        await locks.close()


async def test_a_chat_waits_for_its_own_update_only(app: App) -> None:
    """Whichever the database: a second update of the chat waits; another chat's does not."""
    locks = app.chat_locks
    order: list[str] = []
    async with locks.hold(CHAT):
        second = asyncio.create_task(_hold_then(locks, CHAT, order, "second"))
        async with locks.hold(OTHER):  # another chat: at once
            order.append("other")
        await asyncio.sleep(0)
        assert not second.done()
        order.append("first done")
    await asyncio.wait_for(second, 30)
    assert order == ["other", "first done", "second"]
    if isinstance(locks, LocalChatLocks):
        assert len(locks) == 0  # nothing kept for chats with no update under way


async def test_across_instances_on_postgresql(app: App) -> None:
    """A second instance on the same database (its own lock pool, as another process has) waits for the first; on
    SQLite there is one instance, whose runner may keep what it saved last. However many chats are under way, an
    instance uses one connection for their locks."""
    runner = bot_deps(app, Translator.load()).runner
    if app.settings.db_url.startswith("sqlite"):
        assert app.chat_locks.alone and runner.locks is app.chat_locks
        return
    assert isinstance(app.chat_locks, PostgresChatLocks) and not runner.locks.alone  # never trusts its copy
    async with another_instance(app) as second:
        order: list[str] = []
        async with app.chat_locks.hold(CHAT):
            waiting = asyncio.create_task(_hold_then(second, CHAT, order, "second instance"))
            await until(lambda: second.waiting, "the second instance asks again and again")
            async with second.hold(OTHER):  # another chat: not held up
                order.append("other chat")
            order.append("first done")
        await asyncio.wait_for(waiting, 30)
        assert order == ["other chat", "first done", "second instance"]

        # a waiter that gives up (the update cancelled at a stop) leaves no lock and no connection behind
        async with app.chat_locks.hold(CHAT):
            given_up = asyncio.create_task(_hold_then(second, CHAT, order, "never"))
            await until(lambda: second.waiting, "waits again")
            given_up.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await given_up
        assert "never" not in order and second.waiting == 0
        async with second.hold(CHAT):  # at once: nothing was left holding it
            assert not second.waiting

        # many chats at once: one session holds all their locks
        sessions = ("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'qingfeng chat locks' "
                    "AND datname = current_database()")  # fmt: skip
        async with app.engine.connect() as conn:
            before = (await conn.execute(text(sessions))).scalar_one()  # one for each instance
        async with contextlib.AsyncExitStack() as many:
            for n in range(40):
                await many.enter_async_context(second.hold(OTHER + 1 + n))
            async with app.engine.connect() as conn:
                assert (await conn.execute(text(sessions))).scalar_one() == before == 2

        # a holder whose session dies (the process killed) frees the chat
        holding = asyncio.Event()
        release = asyncio.Event()

        async def holder() -> None:
            async with second.hold(CHAT):
                holding.set()
                await release.wait()

        task = asyncio.create_task(holder())
        await asyncio.wait_for(holding.wait(), 30)
        async with app.engine.connect() as conn:
            await conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                     "AND classid = :ns AND objid = (:key)::oid"),
                {"ns": 0x7146, "key": lock_key(CHAT) & 0xFFFFFFFF},
            )  # fmt: skip
        async with app.chat_locks.hold(CHAT):
            order.append("after the death")
        release.set()
        await asyncio.wait_for(task, 30)  # its unlock fails on the dead session (logged), which is thrown away
        async with second.hold(CHAT):  # and the second instance's pool works on
            pass
    assert order[-1] == "after the death"


async def _hold_then(locks: ChatLocks, chat: int, order: list[str], name: str) -> None:
    async with locks.hold(chat):
        order.append(name)


async def test_the_holder_may_ask_again_a_task_it_starts_may_not(app: App) -> None:
    """The front holds the chat around handling and sending, and the dialog runner asks inside: granted at once.
    A task started meanwhile inherits nothing but the variable, and waits like any other update."""
    locks, order = app.chat_locks, []
    async with locks.hold(CHAT):
        async with locks.hold(CHAT):  # the same task: at once (a deadlock otherwise)
            order.append("inner")
        child = asyncio.create_task(_hold_then(locks, CHAT, order, "child"))
        for _ in range(5):  # let it run up to its wait (on PostgreSQL it waits in this process's own lock first)
            await asyncio.sleep(0)
        assert not child.done()
        order.append("holder done")
    await asyncio.wait_for(child, 30)
    assert order == ["inner", "holder done", "child"]
