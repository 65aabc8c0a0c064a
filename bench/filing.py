"""Benchmark: N citizens each file a named report with one photo, on aiogram and on python-telegram-bot, each
against a bare echo handler on the same runtime; the figures are printed side by side from one run.

    python bench/filing.py [--citizens N] [--concurrency C] [--database-url URL] [--by-step] [--runtime R]

Everything is real except the network: ``build_app`` (migrations, vault, evidence store), the office seeded as in
the tests, the runtime as ``qingfeng run`` builds it (``build_dispatcher(bot_deps(...))`` or
``build_application(bot_deps(...), ...)``) and its Bot, whose HTTP layer answers every Bot API call in process
(requests are still encoded as for the wire and answers still parsed by the library). Updates are built as
Telegram would send them and fed with ``dp.feed_update`` or ``app.process_update``; each citizen's updates run
one after the other, up to ``--concurrency`` citizens at a time. Each runtime files into a database of its own.

The echo baselines (one unfiltered message handler that answers the text) are fed as many text updates, in the
same shape (same number of chats, same concurrency), through the same kind of Bot. They run first.

Databases:

* default: a fresh SQLite file in a temporary directory, removed at the end;
* ``--database-url postgresql+asyncpg://user@host:port/db``: the URL is used as an *admin* connection only. The
  script creates a throwaway database ``qingfeng_bench_<random>`` on that server (the user needs CREATEDB), runs
  the migrations there and drops it at the end (``DROP DATABASE … WITH (FORCE)``). The named database is never
  written to.

Figures: per-update wall time is ``time.perf_counter`` around ``feed_update`` / ``process_update``; with
concurrency above 1 it includes time the update waited while other citizens' updates ran, so ``--concurrency 1``
gives the pure latency.
The aim stated in the project is that a filing step costs no more than 4x a bare echo update (on the same
runtime); the ratios are printed, never enforced.
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

from sqlalchemy.engine import make_url

from bot.i18n import Translator
from core.scope import classifier
from qingfeng.app import App, bot_deps, build_app

# isort: split
from app_setup import count_cases, create_pg_database, drop_pg_database, make_settings, seed_office
from citizens import SCRIPT, Citizen  # bench/ is on sys.path when this runs as a script
from runtimes import RUNTIMES, echo_driver, filing_driver

FIRST_CHAT = 800001
WARM_UP, WARM_UP_CHAT = 3, 900001  # citizens filed untimed first, on each runtime
ECHO_WARM_UP = 100  # updates
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
    first_chat: int = FIRST_CHAT,
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
            await one_citizen(first_chat + i, timed)

    start = time.perf_counter()
    await asyncio.gather(*(citizen(i) for i in range(run.citizens)))
    run.total = time.perf_counter() - start
    run.peak_rss_mb = peak_rss_mb()


async def echo_run(runtime: str, citizens: int, per_citizen: int, concurrency: int) -> Run:
    driver = echo_driver(runtime)
    await driver.start()
    run = Run(f"echo ({runtime})", citizens)
    warm = Citizen(driver.api, WARM_UP_CHAT)
    for _ in range(ECHO_WARM_UP):  # untimed, as for the filing
        await driver.feed(warm.says("warm-up"))

    async def one(chat_id: int, timed: Callable[[int, Awaitable[Any]], Awaitable[Any]]) -> None:
        user = Citizen(driver.api, chat_id)
        for step in range(per_citizen):
            await timed(step, driver.feed(user.says(f"echo {step}")))

    await drive(run, concurrency, one)
    await driver.close()
    expected = citizens * per_citizen + ECHO_WARM_UP
    if driver.api.calls["sendMessage"] != expected:
        raise RuntimeError(f"echo ({runtime}) answered {driver.api.calls['sendMessage']} of {expected} updates")
    return run


async def filing_run(runtime: str, app: App, citizens: int, concurrency: int) -> tuple[Run, dict[str, int]]:
    driver = filing_driver(runtime, bot_deps(app, Translator.load(app.settings.default_locale)))
    await asyncio.to_thread(classifier)  # as `qingfeng run` does: jieba loads before the first citizen
    await driver.start()
    run = Run(f"filing ({runtime})", citizens)
    receipts: list[str] = []

    async def one(chat_id: int, timed: Callable[[int, Awaitable[Any]], Awaitable[Any]]) -> None:
        user, texts = Citizen(driver.api, chat_id), driver.api.texts[chat_id]
        for step, (action, argument) in enumerate(SCRIPT):
            await timed(step, driver.feed(user.next_update(action, argument)))
        receipt = next((t for t in reversed(texts) if "编号：" in t), None)
        if receipt is None:
            raise RuntimeError(f"{runtime}, chat {chat_id}: no receipt after the last step: {texts[-2:]}")
        receipts.append(receipt.split("编号：")[1].split("\n")[0])

    await drive(Run("warm-up", WARM_UP), 1, one, first_chat=WARM_UP_CHAT)  # untimed: first-use costs (caches,
    receipts.clear()  # lazy imports) would otherwise fall on whichever runtime files first
    await drive(run, concurrency, one)
    await driver.close()
    if len(set(receipts)) != citizens:
        raise RuntimeError(f"{runtime}: {len(set(receipts))} distinct case numbers for {citizens} citizens")
    return run, dict(driver.api.calls)


async def file_on(runtime: str, args: argparse.Namespace, tmp: Path) -> tuple[Run, dict[str, int], tuple[int, ...]]:
    """One runtime's filing run on a database of its own: (figures, Bot API calls, cases/with evidence/rows)."""
    pg_name: str | None = None
    app: App | None = None
    try:
        if args.database_url:
            db_url, pg_name = await create_pg_database(args.database_url)
        else:
            db_url = f"sqlite+aiosqlite:///{tmp / f'bench-{runtime}.db'}"
        app = await build_app(make_settings(tmp / f"data-{runtime}", db_url), upgrade=True)
        await seed_office(app)
        run, calls = await filing_run(runtime, app, args.citizens, args.concurrency)
        return run, calls, await count_cases(app)
    finally:
        if app is not None:
            await app.close()
        if pg_name is not None:
            await drop_pg_database(args.database_url, pg_name)


# ---------------------------------------------------------------------------------------------- main


async def main(args: argparse.Namespace) -> None:
    if args.database_url and not args.database_url.startswith("postgresql"):
        raise SystemExit("--database-url: only postgresql+asyncpg://… URLs are supported (default: SQLite)")
    tmp = Path(tempfile.mkdtemp(prefix="qingfeng-bench-"))
    errors = ErrorCount()
    logging.getLogger().addHandler(errors)
    runtimes = RUNTIMES if args.runtime == "both" else (args.runtime,)
    shown = make_url(args.database_url).render_as_string(hide_password=True) if args.database_url else ""
    print(f"database: throwaway databases next to {shown}" if shown else "database: temporary SQLite files")
    try:
        echo = {rt: await echo_run(rt, args.citizens, len(SCRIPT), args.concurrency) for rt in runtimes}
        results = {rt: await file_on(rt, args, tmp) for rt in runtimes}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    filing = {rt: r[0] for rt, r in results.items()}

    print(f"concurrency: {args.concurrency} citizens at a time; {args.citizens} citizens; {len(SCRIPT)} updates "
          f"per filing (named, one photo); ms per update")  # fmt: skip
    print(f"{'':30}" + "".join(f"{rt:>12}" for rt in runtimes))
    rows: list[tuple[str, Callable[[str], str]]] = [
        ("filing step p50 ms", lambda rt: f"{filing[rt].pct(50):.2f}"),
        ("filing step p95 ms", lambda rt: f"{filing[rt].pct(95):.2f}"),
        ("filing updates/s", lambda rt: f"{filing[rt].updates / filing[rt].total:.1f}"),
        ("filings/s", lambda rt: f"{args.citizens / filing[rt].total:.2f}"),
        ("echo p50 ms", lambda rt: f"{echo[rt].pct(50):.3f}"),
        ("echo p95 ms", lambda rt: f"{echo[rt].pct(95):.3f}"),
        ("echo updates/s", lambda rt: f"{echo[rt].updates / echo[rt].total:.0f}"),
        ("filing p50 / echo p50", lambda rt: f"{filing[rt].pct(50) / echo[rt].pct(50):.1f}x"),
        ("echo rate / filing rate", lambda rt: f"{_rate(echo[rt]) / _rate(filing[rt]):.1f}x"),
    ]
    for label, cell in rows:
        print(f"  {label:28}" + "".join(f"{cell(rt):>12}" for rt in runtimes))
    if len(runtimes) == 2:
        a, b = (filing[rt] for rt in RUNTIMES)
        ea, eb = (echo[rt] for rt in RUNTIMES)
        print(f"ptb / aiogram: filing step p50 {b.pct(50) / a.pct(50):.2f}x, p95 {b.pct(95) / a.pct(95):.2f}x; "
              f"echo p50 {eb.pct(50) / ea.pct(50):.2f}x")  # fmt: skip
    for rt in runtimes:
        verdict = "meets" if filing[rt].pct(50) / echo[rt].pct(50) <= AIM else "does NOT meet"
        print(f"{rt}: the filing step {verdict} the {AIM:g}x-echo aim")
    for rt in runtimes:
        print(f"Bot API calls ({rt}): " + ", ".join(f"{k} {v}" for k, v in sorted(results[rt][1].items())))
    if args.concurrency > 1:
        print("  (with concurrency > 1 an update's time includes waiting on other citizens: --concurrency 1 = cost)")
    if args.by_step:
        print("filing p50 / p95 ms by step:" + "".join(f"{rt:>20}" for rt in runtimes))
        for step, (action, argument) in enumerate(SCRIPT):
            label = f"{action} {argument[:12]}{'…' if len(argument) > 12 else ''}".strip()
            label += " " * max(0, 24 - _width(label))
            cells = "".join(f"{_percentile(filing[rt].by_step[step], 50) * 1000:10.2f}"
                            f"{_percentile(filing[rt].by_step[step], 95) * 1000:10.2f}" for rt in runtimes)  # fmt: skip
            print(f"  {step + 1:>2} {label}  {cells}")
    print(f"peak RSS MB (the whole process): {peak_rss_mb():.0f}")
    expected = args.citizens + WARM_UP
    ok = all(r[2][0] == r[2][1] == expected for r in results.values())
    counts = "; ".join(f"{rt}: {c[0]} cases, {c[1]} with evidence, {c[2]} evidence rows"
                       for rt, (_, _, c) in results.items())  # fmt: skip
    verdict = "OK" if ok else "MISMATCH"
    print(f"database check: {counts} (expected {expected} with evidence each, {WARM_UP} the warm-up): {verdict}")
    if errors.count:
        print(f"errors logged: {errors.count} (first: {errors.first})")
    if not ok or errors.count:
        raise SystemExit(1)


def _rate(run: Run) -> float:
    return run.updates / run.total


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
    parser.add_argument("--runtime", choices=(*RUNTIMES, "both"), default="both", help="(default: both)")
    args = parser.parse_args(argv)
    if args.citizens < 1 or args.concurrency < 1:
        parser.error("--citizens and --concurrency must be at least 1")
    return args


if __name__ == "__main__":
    arguments = parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    asyncio.run(main(arguments))
    sys.stdout.flush()
