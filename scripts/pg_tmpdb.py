"""Create or drop a throwaway PostgreSQL database for a test run. Exit 3 when no server answers."""

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
        else:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(*sys.argv[1:4])))
