"""A run of the outbox under load (issue 13, item 2): one chat's backlog holds up no other chat, a run sends all
that is due (no cap per run), and two senders at once still send each row once. The pacer's clock is a fake one
the tests move: what is asserted is the order of events, never how long they took."""

from __future__ import annotations

import asyncio
from collections import Counter
from itertools import pairwise

from core.model import RecipientKind, Role, UnitLevel
from core.pacing import Pacer
from core.persistence import repository as repo
from core.ports import Delivery, DeliveryResult, OutgoingMessage
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.fake_time import FakeTime
from tests.integration.helpers import outbox
from tests.waiting import until

BUSY = 900_000  # the Telegram id of the officer with a backlog


class Recording:
    """Sends at once and records what it sent; paced by the pacer it is given (none: no limits)."""

    def __init__(self, pacer: Pacer | None = None) -> None:
        self.pacer = pacer or Pacer()
        self.sent: list[OutgoingMessage] = []
        self.times: list[float] = []  # on the pacer's clock, when each was sent

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        await asyncio.sleep(0)  # an answer comes later: other sends go on meanwhile
        self.sent.append(message)
        self.times.append(self.pacer.clock())
        return DeliveryResult(Delivery.SENT)

    def to(self, chat: int) -> list[int]:
        return [m.params["n"] for m in self.sent if m.chat_id == chat]


async def officers(app: App, chats: list[int]) -> list[int]:
    """Officers with these Telegram ids; their ids, in the same order."""
    await app.officers.add_unit("LA", "临安区纪委监委", UnitLevel.COUNTY, "浙江省/杭州市/临安区")
    return [(await app.officers.add_officer(f"干部{c}", "LA", [Role.HANDLER], telegram_id=c)).id for c in chats]


async def queue(app: App, rows: list[tuple[int, int]]) -> None:
    """(officer id, n) notices, falling due in this order."""
    async with app.ctx.uow() as uow:
        for officer, n in rows:
            repo.enqueue(uow.session, app.vault, kind=RecipientKind.OFFICER, recipient_id=officer,
                         template="notify.officer.backlog", params={"count": 1, "n": n}, now=app.ctx.now())  # fmt: skip
        await uow.commit()


async def test_one_chat_with_fifty_messages_holds_up_no_other_chat(app: App) -> None:
    """The issue's case: 50 notices to one chat fell due before one each to 100 other chats. The old sender slept on
    that chat's second for each of its 50 before any other chat had its turn."""
    others = [60_000 + i for i in range(100)]
    busy, *rest = await officers(app, [BUSY, *others])
    await queue(app, [(busy, n) for n in range(1, 51)] + [(o, 1) for o in rest])
    time = FakeTime()
    notifier = Recording(Pacer(per_chat_interval=1.0, clock=time.clock, sleep=time.sleep))
    run = asyncio.create_task(OutboxService(app.ctx, notifier).send_due())

    await until(lambda: len(notifier.sent) >= 101, "the busy chat's first and one notice to every other chat")
    assert notifier.to(BUSY) == [1]  # its second waits for its gap; nobody waits with it
    assert sorted(m.chat_id for m in notifier.sent if m.chat_id != BUSY) == others
    assert set(notifier.times) == {1000.0}  # all at once, before the clock moved

    def all_fifty() -> bool:  # the clock moved on to whoever sleeps first (the sender, or the run's own poll)
        if len(notifier.to(BUSY)) < 50 and time.sleepers:
            time.wake_next()
        return len(notifier.to(BUSY)) >= 50

    await until(all_fifty, "the busy chat's fifty notices")
    assert notifier.to(BUSY) == list(range(1, 51))  # in order
    busy_at = [at for m, at in zip(notifier.sent, notifier.times, strict=True) if m.chat_id == BUSY]
    assert all(b - a >= 1.0 for a, b in pairwise(busy_at))  # a second apart at least
    assert await asyncio.wait_for(run, 30) == 150
    assert Counter(r.status for r in await outbox(app)) == {"sent": 150}


async def test_a_chat_with_a_backlog_starts_at_once_whatever_the_order(app: App) -> None:
    """Its ten notices fell due after thirty others. At most ten a second overall, one a second to a chat: taking
    them in due order, the backlog would only start after the thirty, and the run would last 3 + 10 s instead of
    10. Officers with several notices due are looked at first; the order within each chat stays."""
    others = [63_000 + i for i in range(30)]
    *rest, busy = await officers(app, [*others, BUSY])
    await queue(app, [(o, 1) for o in rest] + [(busy, n) for n in range(1, 11)])
    time = FakeTime()
    notifier = Recording(Pacer(per_second=10, per_chat_interval=1.0, clock=time.clock, sleep=time.sleep))
    run = asyncio.create_task(OutboxService(app.ctx, notifier).send_due())

    def all_sent() -> bool:
        time.advance(0.1)
        return len(notifier.sent) >= 40

    await until(all_sent, "all forty")
    assert await asyncio.wait_for(run, 30) == 40
    order = [m.chat_id for m in notifier.sent]
    assert order[0] == BUSY and order.index(others[-1]) > [i for i, c in enumerate(order) if c == BUSY][1]
    assert notifier.to(BUSY) == list(range(1, 11))


async def test_one_run_sends_all_that_is_due(app: App) -> None:
    """No fixed number of rows per run (it was 100 per 5-s tick): a run goes on while rows are due."""
    chats = [61_000 + i for i in range(6)]
    ids = await officers(app, chats)
    await queue(app, [(o, n) for n in range(1, 41) for o in ids])  # 240, interleaved
    notifier = Recording()
    assert await OutboxService(app.ctx, notifier).send_due() == 240
    assert all(notifier.to(c) == list(range(1, 41)) for c in chats)  # each chat's in the order they fell due
    assert Counter(r.status for r in await outbox(app)) == {"sent": 240}


async def test_two_runs_at_once_send_each_row_once(app: App) -> None:
    """Two senders (two processes, or a run the bot's stop did not wait for) drain the same outbox: each row is
    claimed (compare-and-set) by one of them. On PostgreSQL they overlap; on SQLite the one connection interleaves
    their transactions."""
    chats = [62_000 + i for i in range(12)]
    ids = await officers(app, chats)
    await queue(app, [(o, n) for n in range(1, 11) for o in ids])
    first, second = Recording(), Recording()
    done = await asyncio.gather(OutboxService(app.ctx, first).send_due(), OutboxService(app.ctx, second).send_due())
    sent = [(m.chat_id, m.params["n"]) for m in first.sent + second.sent]
    assert sum(done) == len(sent) == len(set(sent)) == 120
    assert Counter(r.status for r in await outbox(app)) == {"sent": 120}
