"""A burst of updates from many chats at once: handled ``CONCURRENT_UPDATES`` at a time (hundreds at once against
one database connection left the process ~80 MB larger for good, issue 13), and every one of them answered."""

from __future__ import annotations

import asyncio

import pytest

from bot.front import ChatFront, Downloader, Incoming, Response
from bot.inflight import CONCURRENT_UPDATES

from .conftest import BotHarness

CHATS = CONCURRENT_UPDATES + 40


async def test_a_burst_is_handled_so_many_at_a_time_and_none_is_lost(
    harness: BotHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    release = asyncio.Event()
    running, most = 0, 0
    handle = ChatFront._admitted  # what serve runs for an update the flood gate let through

    async def held(front: ChatFront, incoming: Incoming, download: Downloader | None) -> Response:
        nonlocal running, most
        running += 1
        most = max(most, running)
        try:
            await release.wait()
            return await handle(front, incoming, download)
        finally:
            running -= 1

    monkeypatch.setattr(ChatFront, "_admitted", held)
    chats = range(760_000, 760_000 + CHATS)
    for chat in chats:
        h.tg.user_sends(chat, "/start")
    # every update fetched, as many started as may be: the others wait their turn
    await h.tg.wait_for(lambda tg: not tg.pending_updates and running == CONCURRENT_UPDATES, what="a full house")
    for _ in range(20):  # let whatever could still start, start
        await asyncio.sleep(0)
    assert running == most == CONCURRENT_UPDATES
    release.set()
    await h.settle()
    assert most == CONCURRENT_UPDATES
    unanswered = [chat for chat in chats if len(h.tg.sent(chat)) != 2]
    assert unanswered == []
