"""One leader among several instances (issue 18): the jobs' lease, taken, renewed, expired and taken over, released
on a clean stop, and created by exactly one of two instances asking at once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from core.clock import ManualClock
from core.services.leases import LEASE, Leases
from qingfeng.app import App


async def test_one_holder_at_a_time_taken_over_when_the_lease_expires(app: App, clock: ManualClock) -> None:
    first, second = Leases(app.ctx, "host-a:1:aa", now=clock.now), Leases(app.ctx, "host-b:2:bb", now=clock.now)
    assert await first.current() is None
    assert await first.hold() and not await second.hold()
    began = clock.now()
    clock.advance(LEASE / 2)
    assert await first.hold() and not await second.hold()  # renewed: still the first's
    lease = await first.current()
    assert lease is not None and lease.holder == "host-a:1:aa" and lease.since == began
    assert lease.expires_at == clock.now() + LEASE
    clock.advance(LEASE + timedelta(seconds=1))  # the first stopped renewing (killed)
    assert await second.hold() and not await first.hold()
    lease = await second.current()
    assert lease is not None and lease.holder == "host-b:2:bb" and lease.since == clock.now()


async def test_a_clean_stop_hands_over_at_once(app: App, clock: ManualClock) -> None:
    first, second = Leases(app.ctx, "a", now=clock.now), Leases(app.ctx, "b", now=clock.now)
    assert await first.hold()
    await second.release()  # not the holder: changes nothing
    assert not await second.hold()
    await first.release()
    assert await second.hold() and not await first.hold()


async def test_two_instances_asking_first_at_once_one_wins(app: App) -> None:
    asking = [Leases(app.ctx, f"instance-{n}") for n in range(4)]
    won = await asyncio.gather(*(lease.hold() for lease in asking))
    assert sorted(won) == [False, False, False, True]
    assert [await lease.hold() for lease in asking] == won  # and keeps it
