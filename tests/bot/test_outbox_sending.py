"""The outbox through the real Bot API clients (issue 13, item 2): nothing waits on a send held up by Telegram, and
a 429 pauses every chat. The pacer's clock is a fake one the tests move."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import func, select

from bot.ratelimit import RateLimiter
from core.model import RecipientKind, Role
from core.persistence import repository as repo
from core.persistence.orm import OutboxRow
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import Office, named_report
from tests.fake_time import FakeTime
from tests.integration.helpers import Message, outbox
from tests.waiting import until

from .conftest import BotHarness
from .fake_telegram import PATIENCE

INTAKE = 1001


async def test_the_database_answers_while_telegram_holds_a_notification(
    harness: BotHarness, app: App, office: Office
) -> None:
    """No transaction is open across a send: with SQLite's one connection, a citizen's filing waited for Telegram
    (51 s measured under a burst). Here Telegram does not answer at all until the filing is done."""
    h = harness
    await app.filing.file_report(named_report())  # queues "a new report" for the intake officer
    h.tg.hold("sendMessage")
    run = asyncio.create_task(OutboxService(app.ctx, h.notifier(RateLimiter(per_chat_interval=0))).send_due())
    await h.tg.wait_for(lambda tg: tg.held == 1, what="the notification held by Telegram")
    # the sender's short transactions go on (picking, recording), but none is open across the held send
    await until(lambda: app.engine.pool.checkedout() == 0, "no connection held while the message is on its way")
    async with asyncio.timeout(10 * PATIENCE):  # a guard against the hang this test is about, not a measurement
        filed = await app.filing.file_report(named_report(chat_id=555_002))  # a write, through the unit of work
        async with app.ctx.uow() as uow:
            pending = await uow.session.scalar(select(func.count()).where(OutboxRow.status == "pending"))
    assert not run.done() and h.tg.held == 1 and pending == 2  # the held one (claimed) and the new one
    h.tg.release("sendMessage")
    assert await asyncio.wait_for(run, 30 * PATIENCE) == 2
    assert [t for t in h.tg.texts(INTAKE) if filed.number in t]


async def test_a_429_pauses_every_chat_and_nothing_claimed_waits_it_out(harness: BotHarness, app: App) -> None:
    """Telegram's flood control is bot-wide: after "retry after 5" no chat gets a message for 5 s. The rows
    claimed for the next second are given back unsent (their attempt not counted), not held through the pause."""
    h = harness
    chats = [70_000 + i for i in range(6)]
    ids = [(await app.officers.add_officer(f"干部{c}", "LA", [Role.HANDLER], telegram_id=c)).id for c in chats]
    async with app.ctx.uow() as uow:
        for officer in ids:
            repo.enqueue(uow.session, app.vault, kind=RecipientKind.OFFICER, recipient_id=officer,
                         template="notify.officer.backlog", params={"count": 2}, now=app.ctx.now())  # fmt: skip
        await uow.commit()
    time = FakeTime()
    limiter = RateLimiter(per_second=4, per_chat_interval=0, clock=time.clock, sleep=time.sleep)
    h.tg.fail_next("sendMessage", 429, retry_after=5, chat_id=chats[0])
    run = asyncio.create_task(OutboxService(app.ctx, h.notifier(limiter)).send_due())

    await until(lambda: limiter.paused_for() == 5, "the 429 for the first chat")  # four rows were claimed
    time.advance(0.25)  # the next slot: paused, so the queue is given back

    async def settled() -> dict[int, Message]:
        rows = {r.recipient_id: r for r in await outbox(app)}
        back = all(rows[o].attempts == 0 and rows[o].next_try_at <= app.ctx.now() for o in ids[1:])
        return rows if back and rows[ids[0]].last_error == "429 flood control" else {}

    rows = await until(settled, "the 429 recorded and the claimed rows given back")
    time.advance(4.7)
    await h.tg.wait_idle()
    assert [c.chat_id for c in h.tg.calls_to("sendMessage")] == [chats[0]]  # nothing during the pause
    first = rows[ids[0]]
    assert (first.status, first.attempts, first.next_try_at) == ("pending", 1, app.ctx.now() + timedelta(seconds=5))

    def all_sent() -> bool:  # after the pause, four a second (this limiter's rate)
        time.advance(0.25)
        return len(h.tg.calls_to("sendMessage")) >= len(chats)

    await until(all_sent, "the other chats' notices after the pause")
    assert await asyncio.wait_for(run, 30 * PATIENCE) == len(chats) - 1
    sent = [c.chat_id for c in h.tg.calls_to("sendMessage")]
    assert sent[0] == chats[0] and sorted(sent) == chats  # each once; sent side by side, so in any order after
    assert [(r.status, r.attempts) for r in await outbox(app) if r.recipient_id in ids[1:]] == [("sent", 1)] * 5
