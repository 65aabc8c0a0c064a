"""A year in a county office, simulated through the real services and the scheduler's own jobs (issue 20).

    .venv/bin/python bench/office_year.py                    # 3000 reports over 2026, a fresh SQLite file
    .venv/bin/python bench/office_year.py --json > year.json # one JSON object on stdout
    .venv/bin/python bench/office_year.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
    .venv/bin/python bench/office_year.py --reports 200 --period 2026Q1 --seed 7 --charts /tmp/charts

The office (qingfeng/simulation/office.py): the city's commission above, the county's, three townships' below,
twenty officers with their paces and leave; one handler is away three months, one never acts. The reports
(qingfeng/simulation/arrivals.py) are drawn from the seed; the officers take every step through the services the
bot calls, on their working days (the 2026 calendar with its make-up days); the deadline sweep, digests, reports
and outbox are the scheduler's own jobs run at their times on the moved clock. The report says what became of
every duty. With ``--database-url`` (an admin URL) a throwaway PostgreSQL database is made and dropped.

Exit status: 0 when every duty that needed a reminder got one before it fell due (or could not: opened too
late), every missed one was escalated by the next working day, no notification went twice and no named
reporter's case was archived without its feedback; 1 otherwise; 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import tempfile
from datetime import date
from pathlib import Path

from app_setup import create_pg_database, drop_pg_database, make_settings  # bench/ is on sys.path
from sqlalchemy.exc import SQLAlchemyError

from core.errors import InvalidInput
from core.stats.period import Period
from qingfeng.app import build_app
from qingfeng.simulation.office import COUNTY
from qingfeng.simulation.report import as_json, as_text
from qingfeng.simulation.run import Outcome, simulate


def period(text: str) -> Period:
    """``2026`` (the year), ``2026Q1`` or ``2026-03``."""
    try:
        if text.strip().isdigit():
            year = int(text)
            return Period(date(year, 1, 1), date(year, 12, 31))
        return Period.quarter(text) if "q" in text.lower() else Period.month(text)
    except (InvalidInput, ValueError):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (2026), a quarter (2026Q1) or a month") from None


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--reports", type=positive, default=3000, help="reports over the period (default 3000)")
    p.add_argument("--seed", type=int, default=2026, help="what the reports and delays are drawn from")
    p.add_argument("--period", type=period, default=period("2026"), help="2026 (default), 2026Q1 or 2026-03")
    p.add_argument("--database-url", help="PostgreSQL admin URL: a throwaway database is made next to it")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout instead of the text report")
    p.add_argument("--charts", type=Path, metavar="DIR", help="also draw the statistics module's charts into DIR")
    return p.parse_args(argv)


async def run(args: argparse.Namespace) -> int:
    pg_name = ""
    with tempfile.TemporaryDirectory(prefix="qingfeng-year-") as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/qingfeng.db"
        if args.database_url:
            try:
                url, pg_name = await create_pg_database(args.database_url)
            except (OSError, SQLAlchemyError, ValueError) as exc:  # no server there, refused, a malformed URL
                print(f"office_year.py: cannot make a database at {args.database_url}: {type(exc).__name__}",
                      file=sys.stderr)  # fmt: skip
                return 2
        try:
            app = await build_app(make_settings(Path(tmp), url))
            try:
                outcome = await simulate(app, args.reports, args.seed, args.period.first, args.period.last)
                if args.charts is not None:
                    await charts(app, outcome, args.charts)
            finally:
                await app.close()
        finally:
            if pg_name:
                await drop_pg_database(args.database_url, pg_name)
    print(json.dumps(as_json(outcome), ensure_ascii=False, indent=1) if args.json else as_text(outcome))
    return 0 if outcome.accounting.ok else 1


async def charts(app: object, outcome: Outcome, directory: Path) -> None:
    """The county's charts for the period, as ``qingfeng stats --charts`` draws them."""
    from bot.i18n import Translator
    from core.stats.series import monthly_series
    from qingfeng.app import App
    from qingfeng.stats_charts import draw_stats

    assert isinstance(app, App)
    leader = next(o for o in outcome.staff.office.officers if o.spec.unit == COUNTY and "supervisor" in o.spec.roles)
    figures = await app.stats.figures(leader.actor, Period(outcome.first, outcome.last))
    series = await monthly_series(app.ctx, outcome.last, COUNTY)
    drawn = await asyncio.to_thread(draw_stats, figures, series, "zh-CN", Translator.load("zh-CN"))
    await asyncio.to_thread(_write, directory, [(c.name, c.png) for c in drawn])
    print(f"{len(drawn)} charts written to {directory}", file=sys.stderr)


def _write(directory: Path, files: list[tuple[str, bytes]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in files:
        (directory / name).write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
