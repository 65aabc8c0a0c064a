"""Benchmark: updates per second through one and through two instances of the bot (issue 18), side by side.

    python bench/instances.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres \
        [--citizens N] [--at-once C] [--parallel P]

For each count of instances (1, then 2): a throwaway PostgreSQL database next to the given one (migrated, the
office seeded as in the tests), the fake Bot API of the tests posting updates to one webhook URL, up to ``P`` at
a time (Telegram's ``max_connections``), a round-robin proxy behind that URL, and that many ``qingfeng run
--webhook`` processes behind it. ``N`` citizens file a named report with a photo (the walk of the tests, 24
updates each), ``C`` of them typing at once, each update answered before the citizen sends the next. Figures:
updates per second over the whole run, and the time from an update queued to its answer (p50, p95). Everything
runs on this machine: the instances share its cores with PostgreSQL, the fake API and the citizens, so the ratio
says what a second instance adds here, not on a second machine. Printed, never enforced.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from core.persistence.orm import CaseRow  # noqa: E402
from qingfeng.app import build_app  # noqa: E402
from tests.bot.fake_telegram import FakeTelegram  # noqa: E402
from tests.bot.instances import Balancer, Webhooked, file_a_report, free_port, instances, ready  # noqa: E402

# isort: split
from app_setup import create_pg_database, drop_pg_database, make_settings, seed_office  # noqa: E402

FIRST_CHAT = 900_000


class Timed(Webhooked):
    """The citizen's verbs, each update's time from queued to answered recorded."""

    def __init__(self, tg: FakeTelegram) -> None:
        super().__init__(tg)
        self.latencies: list[float] = []
        self.updates = 0

    async def _after(self, chat: int, queue: Callable[[], object], count: int = 1) -> list[str]:
        started = time.perf_counter()
        seen = await super()._after(chat, queue, count)
        self.latencies.append(time.perf_counter() - started)
        self.updates += count
        return seen


async def run(n: int, args: argparse.Namespace, tmp: Path) -> dict[str, float]:
    db_url, name = await create_pg_database(args.database_url)
    try:
        settings = make_settings(tmp / f"data-{n}", db_url)
        app = await build_app(settings, upgrade=True)
        try:
            await seed_office(app)
            await app.officers.set_home_unit("LA")
        finally:
            await app.close()
        async with FakeTelegram() as tg:
            tg.parallel = args.parallel
            ports = [free_port() for _ in range(n)]
            backends = [f"http://127.0.0.1:{port}" for port in ports]
            async with Balancer(backends) as balancer:
                url = f"http://127.0.0.1:{balancer.port}/tg/updates"
                async with instances(settings, tg, tmp, url, ports):
                    await ready(backends)
                    h, gate = Timed(tg), asyncio.Semaphore(args.at_once)

                    async def citizen(chat: int) -> None:
                        async with gate:
                            await file_a_report(h, chat)

                    started = time.perf_counter()
                    await asyncio.gather(*(citizen(FIRST_CHAT + i) for i in range(args.citizens)))
                    took = time.perf_counter() - started
        app = await build_app(settings, upgrade=False)
        try:
            async with app.ctx.uow() as uow:
                cases = (await uow.session.execute(select(func.count()).select_from(CaseRow))).scalar_one()
        finally:
            await app.close()
        updates = h.updates
        ms = sorted(x * 1000 for x in h.latencies)
        return {"updates": updates, "seconds": took, "rate": updates / took, "p50": statistics.median(ms),
                "p95": ms[int(len(ms) * 0.95)], "cases": cases}  # fmt: skip
    finally:
        await drop_pg_database(args.database_url, name)


async def main(args: argparse.Namespace) -> None:
    if not args.database_url.startswith("postgresql"):
        raise SystemExit("--database-url: a postgresql+asyncpg://… URL (several instances share PostgreSQL)")
    logging.basicConfig(level=logging.WARNING)
    print(f"database: throwaway databases next to {make_url(args.database_url).render_as_string(hide_password=True)}")
    print(f"{args.citizens} citizens, {args.at_once} typing at once, up to {args.parallel} updates posted at once")
    with tempfile.TemporaryDirectory(prefix="qingfeng-instances-") as tmp:
        figures = {n: await run(n, args, Path(tmp)) for n in (1, 2)}
    print(f"{'instances':>10} {'updates':>8} {'seconds':>8} {'updates/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'cases':>6}")
    for n, f in figures.items():
        print(f"{n:>10} {f['updates']:>8.0f} {f['seconds']:>8.1f} {f['rate']:>10.1f} {f['p50']:>8.1f} "
              f"{f['p95']:>8.1f} {f['cases']:>6.0f}")  # fmt: skip
    print(f"two instances / one: {figures[2]['rate'] / figures[1]['rate']:.2f}x the updates per second")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="an admin URL: throwaway databases are made beside it")
    parser.add_argument("--citizens", type=int, default=40)
    parser.add_argument("--at-once", type=int, default=20, help="citizens typing at the same time")
    parser.add_argument("--parallel", type=int, default=16, help="updates the fake Bot API posts at once")
    asyncio.run(main(parser.parse_args()))
