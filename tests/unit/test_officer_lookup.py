"""Who is an officer: "not an officer" is remembered for CITIZEN_TTL however many citizens write, and forgotten
after it (it used to be wiped whole past 10 k citizens, so everyone was looked up again). Clock injected."""

from __future__ import annotations

from typing import Any, cast

from bot.dialogs.officer import CITIZEN_TTL, OfficerDesk, OfficerServices
from core.actor import Actor


class Officers:
    """The one method the look-up uses, counting calls; telegram id 1 is an officer."""

    def __init__(self) -> None:
        self.looked_up: list[int] = []

    async def actor_for_telegram(self, telegram_id: int) -> Actor | None:
        self.looked_up.append(telegram_id)
        return cast(Actor, object()) if telegram_id == 1 else None


class Clock:
    now = 50.0

    def __call__(self) -> float:
        return self.now


def desk() -> tuple[OfficerDesk, Officers, Clock]:
    officers, clock = Officers(), Clock()
    services: Any = type("Services", (), {"officers": officers})()
    return OfficerDesk(cast(OfficerServices, services), clock=clock), officers, clock


async def test_a_citizen_is_looked_up_once_per_ttl_however_many_others_write() -> None:
    d, officers, clock = desk()
    assert await d.actor(5) is None
    for citizen in range(100_000, 130_000):  # 30 k other citizens within the TTL
        clock.now += CITIZEN_TTL / 60_000
        assert await d.actor(citizen) is None
    assert await d.actor(5) is None
    assert officers.looked_up.count(5) == 1
    clock.now += CITIZEN_TTL
    assert await d.actor(5) is None
    assert officers.looked_up.count(5) == 2


async def test_an_officer_is_looked_up_on_every_update() -> None:
    d, officers, _clock = desk()
    for _ in range(3):
        assert await d.actor(1) is not None
    assert officers.looked_up == [1, 1, 1]


async def test_only_citizens_seen_within_the_ttl_are_kept() -> None:
    d, _officers, clock = desk()
    for citizen in range(2000, 2000 + int(4 * CITIZEN_TTL)):  # one a second for two minutes
        clock.now += 1.0
        await d.actor(citizen)
        assert len(d._citizens) <= CITIZEN_TTL
    assert min(d._citizens) == 2000 + 3 * CITIZEN_TTL
