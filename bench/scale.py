"""Benchmark: one process under real load (issue 13) — the reminder sweep and digests at 1 k to 1 M cases, the
outbox burst against Telegram's limits, the flood gate, memory, start-up.

    python bench/scale.py [--sizes 1000,10000,100000] [--database-url URL] [--json] [--only PARTS]

Parts (``--only sweep,outbox,floodgate,rss,startup``, default all):

* ``sweep`` (scale_sweep.py, scale_build.py): per size a fresh database with N cases cloned from real filings,
  20 % of them with an open deadline in the 20-day window; the first sweep of the day (reminders queued,
  statements per reminder), a steady sweep right after, one after more deadlines fell due, the digests, the next
  day's sweep and digests — each with the worst wait of a probe (a citizen's small read and write, every
  ~10 ms in the same event loop) beside it. Sizes 1 k, 10 k, 100 k, and 1 M on PostgreSQL, unless ``--sizes``.
* ``outbox`` (scale_outbox.py): 500 notifications to 500 chats + 50 to one chat through the product's sender
  against a fake Bot API enforcing 30/s and 1/s per chat, in real time (about a minute at best).
* ``floodgate``, ``rss``, ``startup`` (scale_proc.py, scale_rss.py): µs per update at 1 k / 10 k / 50 k
  active chats; RSS idle and with 10 k open dialogs (a subprocess); ``qingfeng run`` to its first poll beside
  ``python -c "import aiogram"``.

Databases: SQLite files in a temporary directory by default; with ``--database-url`` (an *admin* URL,
``postgresql+asyncpg://…``) each database is a throwaway ``qingfeng_bench_<random>`` created on that server and
dropped at the end. The issue's targets are printed beside the figures, as information. The exit status is 1
only when work was not done (cases not built, a sweep or digest raised, messages not all delivered, a
subprocess failed), never for a missed target; the figures are printed either way.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(1, str(ROOT))  # the fake Bot API server of the tests (tests/bot/fake_telegram.py)

from sqlalchemy.engine import make_url  # noqa: E402

# isort: split
import scale_outbox  # noqa: E402  (bench/ is on sys.path when this runs as a script)
import scale_proc  # noqa: E402
import scale_sweep  # noqa: E402
from scale_report import table, targets  # noqa: E402

PARTS = ("sweep", "outbox", "floodgate", "rss", "startup")
DEFAULT_SIZES = (1_000, 10_000, 100_000)
PG_EXTRA = 1_000_000


def _count(raw: str) -> int:
    raw = raw.strip().lower().replace("_", "")
    factor = {"k": 1_000, "m": 1_000_000}.get(raw[-1:], 1)
    return int(float(raw.rstrip("km")) * factor)


def _counts(raw: str) -> list[int]:
    return [_count(part) for part in raw.split(",") if part.strip()]


def say(args: argparse.Namespace, message: str) -> None:
    """Progress, on stderr: the figures alone go to stdout."""
    if not args.quiet:
        print(message, file=sys.stderr, flush=True)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    pg = bool(args.database_url)
    shown = make_url(args.database_url).render_as_string(hide_password=True) if pg else ""
    r: dict[str, Any] = {
        "database": "postgresql" if pg else "sqlite",
        "database_shown": f"throwaway databases next to {shown}" if pg else "temporary SQLite files",
    }
    sizes = args.sizes or [*DEFAULT_SIZES, *((PG_EXTRA,) if pg else ())]
    not_done: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix="qingfeng-bench-scale-"))
    started = time.perf_counter()
    try:
        if "sweep" in args.only:
            r["sizes"], r["sweep"] = sizes, {}
            for n in sizes:
                say(args, f"sweep: {n:,} cases …")
                figures = await scale_sweep.sweep_at(n, tmp, args.database_url)
                r["sweep"][str(n)] = figures
                not_done += scale_sweep.done(figures)
        if "outbox" in args.only:
            say(args, f"outbox: {args.outbox_chats} + {args.outbox_one_chat} notifications (real time) …")
            r["outbox"] = await scale_outbox.outbox_scenario(tmp, args.database_url, args.outbox_chats,
                                                             args.outbox_one_chat)  # fmt: skip
            not_done += scale_outbox.done(r["outbox"])
        if "floodgate" in args.only:
            r["floodgate"] = {}
            for chats in args.floodgate_chats:
                say(args, f"flood gate: {chats:,} chats …")
                r["floodgate"][str(chats)] = scale_proc.floodgate_cost(chats)
        if "rss" in args.only:
            say(args, f"rss: {args.dialogs:,} dialogs (subprocess) …")
            r["rss"] = await scale_proc.rss(args.dialogs, args.database_url)
            not_done += [f"rss: {r['rss']['failed']}"] if "failed" in r["rss"] else []
        if "startup" in args.only:
            say(args, "start-up: qingfeng run and import aiogram …")
            r["startup"] = await scale_proc.startup(tmp, args.startup_runs)
            not_done += [f"startup: {r['startup']['failed']}"] if "failed" in r["startup"] else []
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    r["seconds"] = round(time.perf_counter() - started, 1)
    r["targets"] = targets(r)
    r["not_done"] = not_done
    return r


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=_counts, help="cases per sweep run, e.g. 1000,10k,100k (default: 1k, 10k, "
                        "100k, and 1M with --database-url)")  # fmt: skip
    parser.add_argument("--database-url", help="postgresql+asyncpg://… admin URL: throwaway databases are created "
                        "there and dropped (default: SQLite files in a temporary directory)")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print one JSON object with every figure")
    parser.add_argument("--only", type=lambda s: [p.strip() for p in s.split(",")], default=list(PARTS),
                        help=f"parts to run, comma-separated: {','.join(PARTS)} (default: all)")  # fmt: skip
    parser.add_argument("--outbox-chats", type=int, default=500, help="notifications to as many chats (500)")
    parser.add_argument("--outbox-one-chat", type=int, default=50, help="notifications to one chat (50)")
    parser.add_argument("--floodgate-chats", type=_counts, default=[1_000, 10_000, 50_000],
                        help="active chats for the flood gate (1000,10000,50000)")  # fmt: skip
    parser.add_argument("--dialogs", type=_count, default=10_000, help="open dialogs for the RSS figure (10000)")
    parser.add_argument("--startup-runs", type=int, default=3, help="start-ups timed, median taken (3)")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    unknown = set(args.only) - set(PARTS)
    if unknown:
        parser.error(f"--only: unknown part(s) {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
    if args.database_url and not args.database_url.startswith("postgresql"):
        parser.error("--database-url: only postgresql+asyncpg://… URLs are supported (default: SQLite)")
    if args.sizes is not None and (not args.sizes or min(args.sizes) < 20):
        parser.error("--sizes: at least 20 cases each")
    if args.outbox_chats < 1 or args.outbox_one_chat < 2:
        parser.error("--outbox-chats must be at least 1 and --outbox-one-chat at least 2")
    return args


def main() -> int:
    args = parse_args()
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    result = asyncio.run(run(args))
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else table(result))
    return 1 if result["not_done"] else 0


if __name__ == "__main__":
    sys.exit(main())
