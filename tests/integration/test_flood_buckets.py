"""The flood limit counted together by several instances (issue 18): two gates on one database give a chat one
allowance between them, the warning once, another chat untouched; a quiet chat's bucket refills and is pruned."""

from __future__ import annotations

import asyncio
from collections import Counter

from core.flood import Verdict
from core.services.flood_buckets import PRUNE_EVERY, SharedFloodgate
from qingfeng.app import App

CHAT, OTHER = 7_100_001, 7_100_002


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


async def test_two_instances_share_one_allowance(app: App) -> None:
    clock = Clock()
    first, second = (SharedFloodgate(app.ctx, burst=6, refill_per_second=0.5, clock=clock) for _ in range(2))
    verdicts = [await (first if n % 2 else second).check(CHAT) for n in range(9)]  # alternating, as a proxy does
    assert verdicts == [Verdict.PASS] * 6 + [Verdict.WARN, Verdict.DROP, Verdict.DROP]
    assert await first.check(OTHER) is Verdict.PASS  # another chat has its own
    clock.now += 2.0  # one token back
    assert [await second.check(CHAT), await first.check(CHAT)] == [Verdict.PASS, Verdict.WARN]


async def test_a_refilled_bucket_is_forgotten(app: App) -> None:
    clock = Clock()
    gate = SharedFloodgate(app.ctx, burst=6, refill_per_second=0.5, clock=clock)
    for chat in (CHAT, OTHER):
        assert await gate.check(chat) is Verdict.PASS
    assert await gate.remembered() == 2
    clock.now += PRUNE_EVERY + 1  # long refilled: pruned at the next update
    assert await gate.check(OTHER) is Verdict.PASS
    assert await gate.remembered() == 1


async def test_a_burst_at_once_on_two_instances_spends_each_token_once(app: App) -> None:
    """Thirty updates of one chat checked at the same moment, half on each instance, among them the chat's first
    (both instances make its bucket at once): exactly the burst passes, one warning, the rest dropped."""
    clock = Clock()
    first, second = (SharedFloodgate(app.ctx, burst=20, refill_per_second=0.5, clock=clock) for _ in range(2))
    verdicts = await asyncio.gather(*((first if n % 2 else second).check(CHAT) for n in range(30)))
    assert Counter(verdicts) == {Verdict.PASS: 20, Verdict.WARN: 1, Verdict.DROP: 9}
