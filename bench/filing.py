"""Benchmark: N citizens each file a named report with one photo through the real Dispatcher, against a bare echo.

    python bench/filing.py [--citizens N] [--concurrency C] [--database-url URL] [--by-step]

Everything is real except the network: ``build_app`` (migrations, vault, evidence store), the office seeded as in
the tests, ``build_dispatcher(bot_deps(...))`` and an aiogram ``Bot`` whose session answers every Bot API call in
process (requests are still encoded as for the wire and answers still parsed by aiogram). Updates are built as
Telegram would send them and fed with ``dp.feed_update``; each citizen's updates run one after the other, up to
``--concurrency`` citizens at a time.

The echo baseline (a Dispatcher with one unfiltered message handler that answers the text) is fed as many text
updates, in the same shape (same number of chats, same concurrency), through the same kind of Bot. It runs first,
so its peak RSS is not the filing run's.

Databases:

* default: a fresh SQLite file in a temporary directory, removed at the end;
* ``--database-url postgresql+asyncpg://user@host:port/db``: the URL is used as an *admin* connection only. The
  script creates a throwaway database ``qingfeng_bench_<random>`` on that server (the user needs CREATEDB), runs
  the migrations there and drops it at the end (``DROP DATABASE … WITH (FORCE)``). The named database is never
  written to.

Figures: per-update wall time is ``time.perf_counter`` around ``feed_update``; with concurrency above 1 it
includes time the update waited while other citizens' updates ran, so ``--concurrency 1`` gives the pure latency.
The aim stated in the project is that a filing step costs no more than 4x a bare echo update; the ratio is
printed, never enforced.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import resource
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher, Router
from aiogram.types import Message
from sqlalchemy.engine import make_url

from bot.dispatcher import build_dispatcher
from bot.i18n import Translator
from core.scope import classifier
from qingfeng.app import App, build_app
from qingfeng.runner import bot_deps

# isort: split
from app_setup import count_cases, create_pg_database, drop_pg_database, make_settings, seed_office
from citizens import SCRIPT, Citizen  # bench/ is on sys.path when this runs as a script
from fake_session import TOKEN, FakeSession

FIRST_CHAT = 800001
AIM = 4.0  # a filing step should cost no more than AIM x a bare echo update


# ---------------------------------------------------------------------------------------------- measuring


@dataclass
class Run:
    name: str
    citizens: int
    timings: list[float] = field(default_factory=list)  # seconds per feed_update
    by_step: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))
    total: float = 0.0
    peak_rss_mb: float = 0.0

    @property
    def updates(self) -> int:
        return len(self.timings)

    def pct(self, q: float) -> float:
        return _percentile(self.timings, q) * 1000

    def report(self, per: str) -> list[str]:
        return [
            f"{self.name}:",
            f"  citizens          {self.citizens}",
            f"  updates           {self.updates}",
            f"  {per + '/s':<17} {self.citizens / self.total:.1f}",
            f"  updates/s         {self.updates / self.total:.1f}",
            f"  p50 ms/update     {self.pct(50):.2f}",
            f"  p95 ms/update     {self.pct(95):.2f}",
            f"  total s           {self.total:.2f}",
            f"  peak RSS MB       {self.peak_rss_mb:.0f}",
        ]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(q) - 1]


class ErrorCount(logging.Handler):
    """Counts ERROR records: the project's error router answers failed updates politely instead of raising."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0
        self.first = ""

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        self.first = self.first or f"{record.name}: {record.getMessage()}"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


async def drive(
    run: Run,
    concurrency: int,
    one_citizen: Callable[[int, Callable[[int, Awaitable[Any]], Awaitable[Any]]], Awaitable[None]],
) -> None:
    """Run ``run.citizens`` citizens, at most ``concurrency`` at a time; each feeds its updates through ``timed``."""
    gate = asyncio.Semaphore(concurrency)

    async def timed(step: int, feeding: Awaitable[Any]) -> Any:
        start = time.perf_counter()
        result = await feeding
        elapsed = time.perf_counter() - start
        run.timings.append(elapsed)
        run.by_step[step].append(elapsed)
        return result

    async def citizen(i: int) -> None:
        async with gate:
            await one_citizen(FIRST_CHAT + i, timed)

    start = time.perf_counter()
    await asyncio.gather(*(citizen(i) for i in range(run.citizens)))
    run.total = time.perf_counter() - start
    run.peak_rss_mb = peak_rss_mb()


async def echo_baseline(citizens: int, per_citizen: int, concurrency: int) -> Run:
    router = Router(name="echo")

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    dp = Dispatcher()
    dp.include_router(router)
    session = FakeSession()
    bot = Bot(TOKEN, session=session)
    run = Run("echo baseline (one unfiltered handler, message.answer(text))", citizens)

    async def one(chat_id: int, timed: Callable[[int, Awaitable[Any]], Awaitable[Any]]) -> None:
        user = Citizen(bot, session, chat_id)
        for step in range(per_citizen):
            update = user.says(f"echo {step}")
            await timed(step, dp.feed_update(bot, update))

    await drive(run, concurrency, one)
    expected = citizens * per_citizen
    if session.calls["sendMessage"] != expected:
        raise RuntimeError(f"echo answered {session.calls['sendMessage']} of {expected} updates")
    await bot.session.close()
    return run


async def filing_run(app: App, citizens: int, concurrency: int) -> tuple[Run, dict[str, int]]:
    dp = build_dispatcher(bot_deps(app, Translator.load(app.settings.default_locale)))
    await asyncio.to_thread(classifier)  # as `qingfeng run` does: jieba loads before the first citizen
    session = FakeSession()
    bot = Bot(TOKEN, session=session)
    run = Run("filing (named, one photo)", citizens)
    receipts: list[str] = []

    async def one(chat_id: int, timed: Callable[[int, Awaitable[Any]], Awaitable[Any]]) -> None:
        user = Citizen(bot, session, chat_id)
        for step, (action, argument) in enumerate(SCRIPT):
            update = user.next_update(action, argument)
            await timed(step, dp.feed_update(bot, update))
        receipt = next((t for t in reversed(session.texts[chat_id]) if "编号：" in t), None)
        if receipt is None:
            raise RuntimeError(f"chat {chat_id}: no receipt after the last step: {session.texts[chat_id][-2:]}")
        receipts.append(receipt.split("编号：")[1].split("\n")[0])

    await drive(run, concurrency, one)
    if len(set(receipts)) != citizens:
        raise RuntimeError(f"{len(set(receipts))} distinct case numbers for {citizens} citizens")
    await bot.session.close()
    return run, dict(session.calls)


# ---------------------------------------------------------------------------------------------- main


async def main(args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="qingfeng-bench-"))
    errors = ErrorCount()
    logging.getLogger().addHandler(errors)
    pg_name: str | None = None
    app: App | None = None
    try:
        if args.database_url and args.database_url.startswith("postgresql"):
            db_url, pg_name = await create_pg_database(args.database_url)
        elif args.database_url:
            raise SystemExit("--database-url: only postgresql+asyncpg://… URLs are supported (default: SQLite)")
        else:
            db_url = f"sqlite+aiosqlite:///{tmp / 'bench.db'}"
        shown = make_url(db_url).render_as_string(hide_password=True)
        print(f"database: {shown}" + (" (throwaway, dropped at the end)" if pg_name else " (temporary file)"))

        echo = await echo_baseline(args.citizens, len(SCRIPT), args.concurrency)

        app = await build_app(make_settings(tmp / "data", db_url), upgrade=True)
        await seed_office(app)
        filing, calls = await filing_run(app, args.citizens, args.concurrency)
        cases, with_evidence, evidence = await count_cases(app)
    finally:
        if app is not None:
            await app.close()
        if pg_name is not None:
            await drop_pg_database(args.database_url, pg_name)
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"concurrency: {args.concurrency} citizens at a time; {len(SCRIPT)} updates per filing")
    print(*filing.report("filings"), sep="\n")
    print("  Bot API calls     " + ", ".join(f"{k} {v}" for k, v in sorted(calls.items())))
    print(*echo.report("citizens"), sep="\n")
    step_ratio = filing.pct(50) / echo.pct(50)
    rate_ratio = (filing.updates / filing.total) / (echo.updates / echo.total)
    verdict = "meets" if step_ratio <= AIM else "does NOT meet"
    print(f"filing step p50 / echo p50:        {step_ratio:.1f}x ({verdict} the {AIM:g}x aim)")
    print(f"filing updates/s vs echo updates/s: {rate_ratio:.3f} ({1 / rate_ratio:.1f}x slower)")
    if args.concurrency > 1:
        print("  (with concurrency > 1 an update's time includes waiting on other citizens: --concurrency 1 = cost)")
    if args.by_step:
        print("filing p50 / p95 ms by step:")
        for step, (action, argument) in enumerate(SCRIPT):
            label = f"{action} {argument[:12]}{'…' if len(argument) > 12 else ''}".strip()
            label += " " * max(0, 24 - _width(label))
            p50, p95 = (_percentile(filing.by_step[step], q) * 1000 for q in (50, 95))
            print(f"  {step + 1:>2} {label} {p50:8.2f} {p95:8.2f}")
    ok = cases == with_evidence == args.citizens
    print(
        f"database check: {cases} cases, {with_evidence} with evidence, {evidence} evidence rows "
        f"(expected {args.citizens} cases with evidence): {'OK' if ok else 'MISMATCH'}"
    )
    if errors.count:
        print(f"errors logged: {errors.count} (first: {errors.first})")
    if not ok or errors.count:
        raise SystemExit(1)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--citizens", type=int, default=50, help="citizens, each filing one report (default 50)")
    parser.add_argument("--concurrency", type=int, default=10, help="citizens at a time (default 10)")
    parser.add_argument(
        "--database-url",
        help="postgresql+asyncpg://… admin URL: a throwaway database is created there and dropped "
        "(default: a fresh SQLite file in a temporary directory)",
    )
    parser.add_argument("--by-step", action="store_true", help="also print p50/p95 per step of the filing")
    args = parser.parse_args(argv)
    if args.citizens < 1 or args.concurrency < 1:
        parser.error("--citizens and --concurrency must be at least 1")
    return args


if __name__ == "__main__":
    arguments = parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    asyncio.run(main(arguments))
    sys.stdout.flush()
