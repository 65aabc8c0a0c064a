"""Two instances of the bot on one PostgreSQL database (issue 18, item 2): two ``qingfeng run --webhook`` processes
behind a round-robin proxy, as nginx would put them; the fake Bot API posts several updates at once, so one
chat's updates reach both instances, sometimes at the same moment (a double tap on submit). Fifty citizens file
named reports with a photo: no answer lost, no case twice, every chat's conversation the same as a lone bot's."""

from __future__ import annotations

import asyncio
import itertools
import re
import signal
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from core.model import RecipientKind
from core.persistence import repository as repo
from core.persistence.orm import CaseRow
from core.services.leases import LEASE, Lease, Leases
from qingfeng.app import App
from tests.factories import seed_office
from tests.integration.helpers import outbox
from tests.waiting import until

from .fake_telegram import FakeTelegram
from .instances import WAIT, Balancer, Webhooked, file_a_report, free_port, instances, ready
from .test_resilience import database_outage

pytestmark = pytest.mark.postgresql  # several instances share PostgreSQL (SQLite is one process's)

CITIZENS = 50
AT_ONCE = 10  # citizens typing at the same time
FIRST_CHAT = 810_000
BACKLOG = "notify.officer.backlog"  # a notice of n cases waiting: one text per n


def shape(texts: list[str]) -> list[str]:
    """A conversation with what differs between citizens taken out (case numbers, dates, ids)."""
    return [re.sub(r"[A-Z0-9]{2,}-[A-Z0-9-]+|\d+", "#", t) for t in texts]


async def test_fifty_citizens_file_through_two_instances(app: App, tg: FakeTelegram, tmp_path: Path) -> None:
    await seed_office(app)
    await app.officers.set_home_unit("LA")
    tg.parallel = 8  # Telegram's max_connections: several updates at once, any of them to either instance
    ports = [free_port(), free_port()]
    backends = [f"http://127.0.0.1:{port}" for port in ports]
    async with Balancer(backends) as balancer:
        url = f"http://127.0.0.1:{balancer.port}/tg/updates"
        async with instances(app.settings, tg, tmp_path, url, ports):
            await ready(backends)
            h = Webhooked(tg)
            chats = [FIRST_CHAT + n for n in range(CITIZENS)]
            gate = asyncio.Semaphore(AT_ONCE)

            async def citizen(chat: int) -> list[str]:
                async with gate:
                    return await file_a_report(h, chat)

            lone = await file_a_report(h, chats[0])  # the first alone: the conversation all others must have
            conversations = [lone, *await asyncio.gather(*(citizen(c) for c in chats[1:]))]
            counts: dict[str, Any] = dict(balancer.sent_to)
    assert len(counts) == 2 and min(counts.values()) > CITIZENS, counts  # both instances answered many

    async with app.ctx.uow() as uow:
        cases = (await uow.session.execute(select(func.count()).select_from(CaseRow))).scalar_one()
    assert cases == CITIZENS  # one each: the double taps filed nothing twice
    receipts = [[t for t in tg.texts(c) if "已提交" in t] for c in chats]
    assert all(len(r) == 1 for r in receipts), receipts  # the receipt once, in every chat
    numbers = {r[0].split("编号：")[1].split("\n")[0] for r in receipts}
    assert len(numbers) == CITIZENS
    # every chat's conversation is the lone citizen's: nothing lost, doubled or out of order — the double tap's
    # two answers included, each instance holding the chat until its replies went out
    reference = shape(lone)
    marks = [n for n, t in enumerate(reference) if "【举报须知】" in t or "已提交" in t or "无需重复提交" in t]
    assert len(marks) == 3 and marks[0] == 1 and marks[2] == len(reference) - 1  # the notice, the receipt, the 2nd tap
    for chat, seen in zip(chats, conversations, strict=True):
        assert shape(seen) == reference, chat
    assert not [t for c in chats for t in tg.texts(c) if "出现问题" in t or "太快" in t]  # no failure, no flood
    assert not tg.pending_updates


async def test_the_leader_killed_the_other_instance_sends_every_reminder_once(
    app: App, tg: FakeTelegram, tmp_path: Path
) -> None:
    """Done-when of issue 18: the instance that runs the periodic jobs is killed (SIGKILL: no clean stop, its lease
    left to run out); reminders fall due meanwhile; the other instance takes the jobs over and sends each of them,
    once. Who leads is read from the lease, as ``qingfeng scheduler status`` does."""
    await seed_office(app)
    await app.officers.set_home_unit("LA")
    officers = [o for o in await app.officers.list_officers() if o.telegram_id is not None][:4]
    ports = [free_port(), free_port()]
    async with Balancer([f"http://127.0.0.1:{port}" for port in ports]) as balancer:
        url = f"http://127.0.0.1:{balancer.port}/tg/updates"
        async with instances(app.settings, tg, tmp_path, url, ports) as processes:
            await ready([f"http://127.0.0.1:{port}" for port in ports])
            leases = Leases(app.ctx)
            first = await until(leases.current, "an instance leads")
            leader = next(p for p in processes if f":{p.pid}:" in first.holder)
            leader.send_signal(signal.SIGKILL)
            await leader.wait()
            async with app.ctx.uow() as uow:  # due now, while nobody runs the jobs
                for officer, n in itertools.product(officers, range(1, 6)):
                    repo.enqueue(uow.session, app.vault, kind=RecipientKind.OFFICER, recipient_id=officer.id,
                                 template=BACKLOG, params={"count": n}, now=datetime.now(UTC))  # fmt: skip
                await uow.commit()

            async def taken_over() -> Lease | None:
                lease = await leases.current()
                return lease if lease is not None and lease.holder != first.holder else None

            second = await until(taken_over, "the other instance takes the jobs over", timeout=WAIT)

            async def all_sent() -> bool:
                return all(r.status == "sent" for r in await outbox(app))

            await until(all_sent, "every reminder sent", timeout=WAIT)
    print(f"taken over {(second.since - first.expires_at + LEASE).total_seconds():.1f} s after the dead leader's "
          "last renewal")  # fmt: skip
    # the 20 queued here (after 08:30 Beijing on a working day the instances' digest job queues its own too)
    assert len([r for r in await outbox(app) if r.template == BACKLOG]) == 20
    chats = {o.telegram_id for o in officers}
    sent = Counter((c.params["chat_id"], c.params["text"]) for c in tg.calls_to("sendMessage")
                   if int(c.params["chat_id"]) in chats and "件信访举报在等您处理" in c.params["text"])  # fmt: skip
    assert len(sent) == 20 and set(sent.values()) == {1}, sent  # each once, none twice


async def test_unready_while_the_database_is_stopped_and_no_update_lost(
    app: App, tg: FakeTelegram, tmp_path: Path
) -> None:
    """/readyz says 503 while the database is away and 200 when it is back; what a citizen sent meanwhile is
    answered once it is back (Telegram delivers an update again until it is answered with success)."""
    await seed_office(app)
    await app.officers.set_home_unit("LA")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    async with instances(app.settings, tg, tmp_path, f"{base}/tg/updates", [port]):
        await ready([base])
        async with database_outage(app):  # connections refused, those open cut
            await until(lambda: readiness(base, 503), "unready while the database is away")
            tg.user_sends(FIRST_CHAT, "/start")
            await tg.wait_for(lambda t: len([p for p in t.posts if p.status == 503]) >= 2, WAIT, "posts refused")
            assert tg.texts(FIRST_CHAT) == []  # not taken (the claim needs the database): delivered again later
        await until(lambda: readiness(base, 200), "ready again")
        sent = await tg.wait_sent(FIRST_CHAT, 2, timeout=WAIT)
        assert sent[0]["text"].startswith("您好") and "【举报须知】" in sent[1]["text"]
        assert len(tg.texts(FIRST_CHAT)) == 2  # answered once
    assert not tg.pending_updates


async def readiness(base: str, status: int) -> bool:
    try:
        async with aiohttp.ClientSession() as http, http.get(f"{base}/readyz") as answer:
            return answer.status == status
    except aiohttp.ClientError:
        return False
