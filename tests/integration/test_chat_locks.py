"""One update of a chat at a time (issue 18): in one process on SQLite, across instances on PostgreSQL — where a
second instance's update of the chat waits on the server for the first's, a waiter given up or a holder whose
connection died frees the lock, and the dialog runner never trusts what it saved last."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text

from bot.i18n import Translator
from core.services.chat_locks import (
    ChatBusy,
    ChatLocks,
    LocalChatLocks,
    PostgresChatLocks,
    blind_key,
    chat_locks_for,
)
from qingfeng.app import App, bot_deps
from tests.waiting import until

CHAT, OTHER = 5_000_000_001, 5_000_000_002


@contextlib.asynccontextmanager
async def another_instance(app: App) -> AsyncIterator[ChatLocks]:
    locks = chat_locks_for(app.settings.db_url, app.vault)
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
    """A second instance on the same database (its own session, as another process has) queues for a chat the
    first holds, in turn; on SQLite there is one instance, whose runner may keep what it saved last."""
    runner = bot_deps(app, Translator.load()).runner
    if app.settings.db_url.startswith("sqlite"):
        assert app.chat_locks.alone and runner.locks is app.chat_locks
        return
    first = app.chat_locks
    assert isinstance(first, PostgresChatLocks) and not runner.locks.alone  # never trusts its copy
    async with another_instance(app) as second:
        assert isinstance(second, PostgresChatLocks)
        order: list[str] = []
        async with first.hold(CHAT):
            queued = asyncio.create_task(_hold_then(second, CHAT, order, "second instance"))
            await until(lambda: second.waiting, "the second instance queues on the server")
            async with second.hold(OTHER):  # another chat: not held up
                order.append("other chat")
            order.append("first done")
        await asyncio.wait_for(queued, 30)
        assert order == ["other chat", "first done", "second instance"]

        # in turn: the first instance's next update of the chat queues behind the second's, never ahead of it
        order.clear()
        async with first.hold(CHAT):
            again = asyncio.create_task(_hold_then(first, CHAT, order, "first again"))  # waits in this process
            other = asyncio.create_task(_hold_then(second, CHAT, order, "second instance"))
            await until(lambda: second.waiting, "the second instance queues")
            order.append("first done")
        await asyncio.wait_for(asyncio.gather(again, other), 30)
        assert order == ["first done", "second instance", "first again"]

        # a queued update given up (the stop cancelled it) leaves no lock and no connection behind
        async with first.hold(CHAT):
            given_up = asyncio.create_task(_hold_then(second, CHAT, order, "never"))
            await until(lambda: second.waiting, "queues again")
            given_up.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await given_up
        assert "never" not in order and second.waiting == 0
        async with second.hold(CHAT):  # at once: nothing was left holding it
            assert not second.waiting

        # held for longer than the wait: the update is not handled now (webhook mode: Telegram posts it again)
        impatient = PostgresChatLocks(app.settings.db_url, blind_key(app.vault), wait=0.5)
        try:
            async with first.hold(CHAT):
                with pytest.raises(ChatBusy):
                    async with impatient.hold(CHAT):
                        order.append("never")
        finally:
            await impatient.close()

        # many chats at once: one session holds all an instance's locks, none named by its chat id
        sessions = ("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'qingfeng chat locks' "
                    "AND datname = current_database()")  # fmt: skip
        async with contextlib.AsyncExitStack() as many:
            for n in range(40):
                await many.enter_async_context(second.hold(OTHER + 1 + n))
            async with app.engine.connect() as conn:
                assert (await conn.execute(text(sessions))).scalar_one() == 2  # one for each instance
                keys = (await conn.execute(text("SELECT objid FROM pg_locks WHERE locktype = 'advisory'"))).all()
                assert len(keys) >= 40 and not {OTHER + 1 + n for n in range(40)} & {k[0] for k in keys}

        # a holder whose session dies (the process killed) frees the chat
        holding, release = asyncio.Event(), asyncio.Event()

        async def holder() -> None:
            async with second.hold(CHAT):
                holding.set()
                await release.wait()

        task = asyncio.create_task(holder())
        await asyncio.wait_for(holding.wait(), 30)
        async with app.engine.connect() as conn:
            kill = ("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                    "'qingfeng chat locks' AND datname = current_database() AND pid IN "
                    "(SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = (:key)::oid)")  # fmt: skip
            await conn.execute(text(kill), {"key": blind_key(app.vault)(CHAT) & 0xFFFFFFFF})
        async with first.hold(CHAT):
            order.append("after the death")
        release.set()
        await asyncio.wait_for(task, 30)  # its unlock fails on the dead session (logged)
        async with second.hold(CHAT):  # and the second instance goes on, on a new session
            pass
    assert order[-1] == "after the death" and "never" not in order


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
