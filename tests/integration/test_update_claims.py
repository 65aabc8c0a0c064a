"""An update Telegram delivers again is handled once (issue 18), by one process (its memory) or by several instances
sharing the database: the first claims it, a second delivery meanwhile is asked for later, once done it is
answered done; a failed handling gives the claim back; a holder that died is taken over; old rows go."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from core.persistence.orm import UpdateClaimRow
from core.services.update_claims import KEEP, PRUNE_EVERY, STALE, Claim, LocalClaims, SharedClaims, UpdateClaims
from qingfeng.app import App


class Wall:
    def __init__(self) -> None:
        self.at = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.at


async def twice_delivered(first: UpdateClaims, second: UpdateClaims) -> None:
    assert await first.claim(100) is Claim.MINE
    assert await second.claim(100) is Claim.ELSEWHERE  # in hand: Telegram is asked to try again later
    await first.finished(100, ok=True)
    assert await second.claim(100) is Claim.DONE and await first.claim(100) is Claim.DONE
    assert await first.claim(101) is Claim.MINE
    await first.finished(101, ok=False)  # handling failed: the next delivery handles it
    assert await second.claim(101) is Claim.MINE


async def test_one_process_remembers_what_it_handles() -> None:
    claims = LocalClaims(size=3)
    await twice_delivered(claims, claims)
    for n in range(200, 204):
        assert await claims.claim(n) is Claim.MINE
    assert await claims.claim(100) is Claim.MINE  # forgotten past its size (minutes of updates)


async def test_instances_share_the_claims(app: App) -> None:
    wall = Wall()
    first, second = SharedClaims(app.ctx, "a:1", now=wall), SharedClaims(app.ctx, "b:2", now=wall)
    await twice_delivered(first, second)
    assert await first.held(100) == ("a:1", True) and await first.held(101) == ("b:2", False)


async def test_a_claim_whose_holder_died_is_taken_over_by_one(app: App) -> None:
    wall = Wall()
    dead, b, c = (SharedClaims(app.ctx, name, now=wall) for name in ("dead", "b", "c"))
    assert await dead.claim(7) is Claim.MINE  # then killed: never finished
    wall.at += STALE - timedelta(seconds=1)
    assert await b.claim(7) is Claim.ELSEWHERE
    wall.at += timedelta(seconds=2)
    assert await b.claim(7) is Claim.MINE and await c.claim(7) is Claim.ELSEWHERE  # taken over once
    await dead.finished(7, ok=True)  # a late finish of the dead holder's changes nothing
    assert await c.claim(7) is Claim.ELSEWHERE
    await b.finished(7, ok=True)
    assert await c.claim(7) is Claim.DONE


async def test_rows_older_than_a_day_go(app: App) -> None:
    wall = Wall()
    claims = SharedClaims(app.ctx, "a", now=wall)
    assert await claims.claim(1) is Claim.MINE  # prunes nothing: nothing old
    await claims.finished(1, ok=True)
    wall.at += KEEP + timedelta(minutes=1)
    assert await claims.claim(2) is Claim.MINE  # more than an hour since the last prune: 1 goes
    wall.at += PRUNE_EVERY / 2
    assert await claims.claim(3) is Claim.MINE
    async with app.ctx.uow() as uow:
        ids = (await uow.session.execute(select(UpdateClaimRow.update_id))).scalars().all()
        assert sorted(ids) == [2, 3]
        assert (await uow.session.execute(select(func.count()).select_from(UpdateClaimRow))).scalar_one() == 2
