"""Leadership among several instances of the bot (issue 18): exactly one runs the periodic jobs.

A lease row, not an advisory lock: it works the same on SQLite and PostgreSQL, survives a connection drop, and
``qingfeng scheduler status`` can read who holds it from another process. The holder renews it every few
seconds; a process that dies stops renewing, and once the lease has expired the next instance to ask takes it
over (within :data:`LEASE` + one renewal interval). Taking or renewing is one compare-and-set ``UPDATE``; the row
is created by the first to ask. The jobs' own work is safe if two ever overlap (the outbox claims each row, the
reminders, digests and reports are recorded once by unique keys): the lease saves the duplicated effort and says
who leads. Expiry is judged on the instances' wall clocks (like the scheduler's heartbeat, not the office clock a
test may move): keep them in time (NTP).
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, case, select, update
from sqlalchemy.exc import IntegrityError

from core.persistence.orm import LeaseRow
from core.services.context import CoreContext

JOBS = "jobs"
LEASE = timedelta(seconds=20)


def holder_name() -> str:
    """This run of the bot: host, process id and a random part (a restarted process is a new holder)."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(4)}"


@dataclass(frozen=True)
class Lease:
    name: str
    holder: str
    since: datetime
    expires_at: datetime


class Leases:
    def __init__(self, ctx: CoreContext, holder: str | None = None, lease: timedelta = LEASE,
                 now: Callable[[], datetime] | None = None) -> None:  # fmt: skip
        self.ctx = ctx
        self.holder = holder or holder_name()
        self.lease = lease
        self.now = now or (lambda: datetime.now(UTC))

    async def hold(self, name: str = JOBS) -> bool:
        """Take or renew ``name``: True while this holder has it."""
        now = self.now()
        async with self.ctx.uow() as uow:
            taken = await uow.session.execute(
                update(LeaseRow)
                .where(LeaseRow.name == name, (LeaseRow.holder == self.holder) | (LeaseRow.expires_at <= now))
                .values(expires_at=now + self.lease, since=_since(self.holder, now), holder=self.holder)
                .execution_options(synchronize_session=False)
            )
            if taken.rowcount == 1:  # type: ignore[attr-defined]
                await uow.commit()
                return True
            if await uow.session.get(LeaseRow, name) is not None:
                return False  # another holder's, not expired
            uow.session.add(LeaseRow(name=name, holder=self.holder, since=now, expires_at=now + self.lease))
            try:
                await uow.commit()
            except IntegrityError:  # another instance created it first: theirs
                return False
            return True

    async def release(self, name: str = JOBS) -> None:
        """A clean stop: the lease expires now, so another instance takes over at its next renewal."""
        async with self.ctx.uow() as uow:
            await uow.session.execute(
                update(LeaseRow)
                .where(LeaseRow.name == name, LeaseRow.holder == self.holder)
                .values(expires_at=self.now())
                .execution_options(synchronize_session=False)
            )
            await uow.commit()

    async def current(self, name: str = JOBS) -> Lease | None:
        async with self.ctx.uow() as uow:
            row = (await uow.session.execute(select(LeaseRow).where(LeaseRow.name == name))).scalar_one_or_none()
            return None if row is None else Lease(row.name, row.holder, row.since, row.expires_at)


def _since(holder: str, now: datetime) -> ColumnElement[datetime]:
    """Renewed: since stays; taken over: since now."""
    return case((LeaseRow.holder == holder, LeaseRow.since), else_=now)
