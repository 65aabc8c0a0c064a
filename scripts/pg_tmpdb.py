"""Create or drop a throwaway PostgreSQL database for a test run (dropping takes its per-worker copies along).
Exit 3 when no server answers."""

import asyncio
import re
import sys

import asyncpg


async def main(admin_url: str, action: str, name: str) -> int:
    if not re.fullmatch(r"[a-z0-9_]+", name):
        print(f"bad database name {name!r}", file=sys.stderr)
        return 2
    try:
        conn = await asyncpg.connect(admin_url, timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        print(f"PostgreSQL unavailable: {exc}", file=sys.stderr)
        return 3
    try:
        if action == "create":
            await conn.execute(f'CREATE DATABASE "{name}"')
        else:  # with the per-worker copies the tests make under pytest-xdist (left behind if a worker died)
            copies = await conn.fetch("SELECT datname FROM pg_database WHERE datname ~ $1", f"^{name}_gw[0-9]+$")
            for db in [name, *(row["datname"] for row in copies)]:
                await conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    finally:
        await conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(*sys.argv[1:4])))
