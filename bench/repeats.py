"""The repeat look-up at filing (issue 17, item 5) at 100 k cases: how long ``core.services.repeats.find_earlier``
takes for a new report — the same-person look-up by blind index and the similar-facts look-up by LSH band keys.

    .venv/bin/python bench/repeats.py                       # SQLite file, 100 k cases
    .venv/bin/python bench/repeats.py --cases 20000 --probes 100
    .venv/bin/python bench/repeats.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres

The office is built directly in the tables (not through filing, which would take an hour): cases with one person
each, drawn from 30 k people (a few reported often, most once, names shared by namesakes in other regions), and a
keyed sketch of a word set per case, drawn from a 6 000-word vocabulary with a Zipf-like law, so that common words
fill some LSH buckets as real reports do; one report in ten retells an earlier one (60 % of its words kept).
Probes are new reports made the same way; each look-up runs in its own transaction, as at filing. With
``--database-url`` (an admin URL) a throwaway database is created, migrated and dropped.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from functools import lru_cache, partial
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# isort: split
from app_setup import create_pg_database, drop_pg_database
from cryptography.fernet import Fernet

from core.crypto import Vault
from core.persistence import migrate
from core.persistence.db import make_engine
from core.persistence.orm import CaseRow, ReportedPersonRow, UnitRow
from core.persistence.orm_repeats import CaseBucketRow, CaseSketchRow
from core.services.repeats import find_earlier, person_index, unit_index
from core.similarity import Sketch, sketch

REGIONS = [f"浙江省/杭州市/区{i}" for i in range(20)]
VOCABULARY = [f"词{i}" for i in range(6000)]
WEIGHTS = [1 / (i + 10) for i in range(len(VOCABULARY))]  # Zipf-like: a few words in many reports
CHUNK = 5000


def words(rng: random.Random, base: set[str] | None = None) -> set[str]:
    if base is not None:  # a retelling: most words kept, some new
        kept = {w for w in base if rng.random() < 0.6}
        return kept | set(rng.choices(VOCABULARY, WEIGHTS, k=len(base) - len(kept)))
    return set(rng.choices(VOCABULARY, WEIGHTS, k=rng.randint(25, 60)))


def people(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    """(name, unit, region): names drawn from fewer names than people, so namesakes exist."""
    names = [f"姓{i // 7}名{i % 7}" for i in range(n // 3)]
    return [(rng.choice(names), f"单位{i % 5000}", rng.choice(REGIONS)) for i in range(n)]


def pick(rng: random.Random, pool: list[tuple[str, str, str]]) -> tuple[str, str, str]:
    """A few people reported often (信访老户's targets), most once or twice."""
    return pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)] if rng.random() < 0.3 else rng.choice(pool)


async def build(
    engine: AsyncEngine, vault: Vault, n: int, rng: random.Random
) -> tuple[list[tuple[str, str, str]], list[set[str]]]:
    keyed = lru_cache(maxsize=None)(partial(vault.index, "fact_word"))  # the vocabulary is small: hash each once
    pool = people(rng, 30_000)
    now = datetime(2026, 11, 1, tzinfo=UTC)
    async with engine.begin() as conn:
        unit = (await conn.execute(insert(UnitRow).values(code="LA", name="临安区纪委监委", level="county",
                                                          region=REGIONS[0], handles_levels=[]).returning(UnitRow.id))
                ).scalar_one()  # fmt: skip
    texts: list[set[str]] = []
    for start in range(0, n, CHUNK):
        cases, persons, sketches, buckets = [], [], [], []
        for i in range(start, min(n, start + CHUNK)):
            cid = i + 1
            name, punit, region = pick(rng, pool)
            base = rng.choice(texts) if texts and rng.random() < 0.1 else None
            ws = words(rng, base)
            texts.append(ws)
            sk = sketch(ws, keyed)
            at = now - timedelta(minutes=n - i)
            cases.append({"id": cid, "number": f"XF-B-{cid:07d}", "unit_id": unit, "state": "received",
                          "report_type": "accusation", "named": False, "channel": "telegram", "facts_enc": b"x",
                          "received_at": at, "updated_at": at})  # fmt: skip
            persons.append({"case_id": cid, "position": 0, "unit_enc": b"x", "level": "village", "region": region,
                            "party": "member", "name_index": person_index(vault, name),
                            "unit_index": unit_index(vault, punit)})  # fmt: skip
            if sk is not None:
                sketches.append({"case_id": cid, "signature": sk.signature})
                buckets += [{"bucket": b, "case_id": cid} for b in sk.bands]
        async with engine.begin() as conn:
            await conn.execute(insert(CaseRow), cases)
            await conn.execute(insert(ReportedPersonRow), persons)
            await conn.execute(insert(CaseSketchRow), sketches)
            await conn.execute(insert(CaseBucketRow), buckets)
        print(f"  {min(n, start + CHUNK)} cases", file=sys.stderr)
    return pool, texts


async def probe(
    engine: AsyncEngine,
    vault: Vault,
    pool: list[tuple[str, str, str]],
    texts: list[set[str]],
    probes: int,
    rng: random.Random,
) -> None:
    keyed = partial(vault.index, "fact_word")
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    times, found = [], []
    for i in range(probes + 5):
        name, punit, region = pick(rng, pool)
        ws = words(rng, rng.choice(texts) if rng.random() < 0.3 else None)
        sk: Sketch | None = sketch(ws, keyed)
        person = ReportedPersonRow(name_index=person_index(vault, name), unit_index=unit_index(vault, punit),
                                   region=region)  # fmt: skip
        async with sessions() as s, s.begin():
            t = time.perf_counter()
            result = await find_earlier(s, -1, [person], sk)
            elapsed = (time.perf_counter() - t) * 1000
        if i >= 5:  # the first few warm the connection and the caches
            times.append(elapsed)
            found.append(len(result))
    times.sort()
    p95 = times[int(len(times) * 0.95)]
    print(f"look-ups: {len(times)}; median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f}"
          f" ms; found per filing: median {statistics.median(found):.0f}, max {max(found)}")  # fmt: skip


async def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cases", type=int, default=100_000)
    p.add_argument("--probes", type=int, default=200)
    p.add_argument("--database-url", help="an admin URL of PostgreSQL: a throwaway database is made beside it")
    args = p.parse_args()
    rng = random.Random(17)
    vault = Vault([Fernet.generate_key()], os.urandom(32))
    drop, tmp = None, None
    if args.database_url:
        url, drop = await create_pg_database(args.database_url)
    else:
        tmp = tempfile.mkdtemp(prefix="qingfeng-repeats-")
        url = f"sqlite+aiosqlite:///{tmp}/bench.db"
    engine = make_engine(url)
    try:
        await migrate.upgrade(engine)
        t = time.perf_counter()
        pool, texts = await build(engine, vault, args.cases, rng)
        print(f"{engine.dialect.name}: {args.cases} cases built in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        if engine.dialect.name == "postgresql":
            async with engine.begin() as conn:
                await conn.exec_driver_sql("ANALYZE")
        print(f"{engine.dialect.name}, {args.cases} cases:")
        await probe(engine, vault, pool, texts, args.probes, rng)
    finally:
        await engine.dispose()
        if drop and args.database_url:
            await drop_pg_database(args.database_url, drop)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
