"""What bench/scale.py measures around a sweep, a digest or the outbox burst.

* :class:`Probe`: a citizen's update in miniature — read a dialog row, write it back, commit, through a unit of
  work of its own on the product's engine (on SQLite its single pooled connection) — every ~10 ms in the same
  event loop. Its wait is counted from when it meant to start, so time the loop spent blocked by the measured
  work counts as well as time spent waiting for the connection or a lock.
* :class:`Statements`: SQL statements sent by the measured work (SQLAlchemy's ``before_cursor_execute``),
  the probe's own left out.
"""

from __future__ import annotations

import asyncio
import contextvars
import re
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import event, select, update

from core.persistence.orm import DialogRow
from qingfeng.app import App

PROBE_KEY = "bench-probe"  # the probe's dialog row (a chat index no real chat has)
INTERVAL = 0.010
_in_probe: contextvars.ContextVar[bool] = contextvars.ContextVar("in_probe", default=False)


def summary(exc: BaseException) -> str:
    """One line: the class and the first line of the message (``failed: …`` in the figures)."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    first = re.sub(r"^\([\w.]+\) ", "", first)[:200]  # SQLAlchemy's "(driver.Class) " prefix: the class is given
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


class Probe:
    def __init__(self, app: App, interval: float = INTERVAL) -> None:
        self.app, self.interval = app, interval
        self.waits: list[float] = []
        self.failures = 0
        self.first_error = ""
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @staticmethod
    async def prepare(app: App) -> None:
        """The dialog row the probe reads and writes."""
        async with app.ctx.uow() as uow:
            uow.session.add(DialogRow(chat_index=PROBE_KEY, state_enc=app.vault.enc_json({}), version=0,
                                      updated_at=app.ctx.now()))  # fmt: skip
            await uow.commit()

    async def _once(self) -> None:
        ctx = self.app.ctx
        async with ctx.uow() as uow:
            s = uow.session
            version = (await s.execute(select(DialogRow.version).where(DialogRow.chat_index == PROBE_KEY))).scalar_one()
            await s.execute(update(DialogRow).where(DialogRow.chat_index == PROBE_KEY)
                            .values(version=version + 1, updated_at=ctx.now()))  # fmt: skip
            await uow.commit()

    async def _run(self) -> None:
        _in_probe.set(True)
        due = time.perf_counter()
        while not self._stop.is_set():
            delay = due - time.perf_counter()
            if delay > 0:
                try:
                    await asyncio.wait_for(self._stop.wait(), delay)
                    break
                except TimeoutError:
                    pass
            try:
                await self._once()
            except Exception as exc:  # e.g. QueuePool timed out: the citizen's update failed
                self.failures += 1
                self.first_error = self.first_error or summary(exc)
            end = time.perf_counter()
            self.waits.append(end - due)
            due = end + self.interval

    async def __aenter__(self) -> Probe:
        self._task = asyncio.create_task(self._run(), name="bench probe")
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._stop.set()
        if self._task is not None:
            await self._task  # the probe in flight finishes: a wait that outlasts the work still counts

    def figures(self) -> dict[str, Any]:
        ms = [w * 1000 for w in self.waits]
        out: dict[str, Any] = {"probe_worst_ms": round(max(ms), 1) if ms else None,
                               "probe_p50_ms": round(statistics.median(ms), 2) if ms else None,
                               "probes": len(ms)}  # fmt: skip
        if self.failures:
            out["probe_failures"] = self.failures
            out["probe_error"] = self.first_error
        return out


class Statements:
    """Counts SQL statements on an engine while ``counting`` is on, except the probe's."""

    def __init__(self, app: App) -> None:
        self.count = 0
        self.counting = False
        event.listen(app.engine.sync_engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: Any) -> None:
        if self.counting and not _in_probe.get():
            self.count += 1


async def measure(app: App, statements: Statements, work: Callable[[], Awaitable[int]], what: str = "queued",
                  probe: bool = True) -> dict[str, Any]:  # fmt: skip
    """Run ``work`` (returns a count) with the probe beside it: seconds, the count or ``failed: …``, statements,
    the probe's worst wait."""
    statements.count, statements.counting = 0, True
    probing = Probe(app)
    out: dict[str, Any] = {}
    started = time.perf_counter()
    try:
        async with probing if probe else _Nothing():
            try:
                out[what] = await work()
            except Exception as exc:  # reported as a figure; the bench goes on
                out["failed"] = summary(exc)
            out["seconds"] = round(time.perf_counter() - started, 3)
    finally:
        statements.counting = False
    out["statements"] = statements.count
    if probe:
        out.update(probing.figures())
    return out


class _Nothing:
    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, *exc: object) -> None:
        return None
