"""Schema migrations (Alembic), run programmatically so every command can bring the schema up to date.

Every start checks the schema, but Alembic (~0.1 s of imports, its script directory read and compiled) is loaded
only when there is something to migrate: the stored revision is read with one query and compared with the newest
revision id, read from the migration files' ``revision``/``down_revision`` lines (issue 13).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps
_ASSIGNED = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.M)
_IDS = re.compile(r"['\"]([^'\"]+)['\"]")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def revisions() -> list[str]:
    """All revision ids, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


@cache
def head_revision() -> str:
    """The newest revision id, from the migration files' text (without Alembic): the one no other revises."""
    revised: set[str] = set()
    known: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        fields = dict(_ASSIGNED.findall(path.read_text(encoding="utf-8")))
        if "revision" not in fields:
            raise RuntimeError(f"{path.name}: no revision id")
        known.update(_IDS.findall(fields["revision"]))
        revised.update(_IDS.findall(fields.get("down_revision", "")))
    heads = known - revised
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def _stored_revisions(conn: Connection) -> set[str]:
    if not inspect(conn).has_table(VERSION_TABLE):
        return set()
    return {row[0] for row in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))}


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; to head, Alembic runs only when the database is not already there."""
    if revision == "head":
        async with engine.connect() as conn:
            if await conn.run_sync(_stored_revisions) == {head_revision()}:
                return
    from alembic import command

    async with engine.begin() as conn:
        await conn.run_sync(lambda c: command.upgrade(alembic_config(c), revision))


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    from alembic import command

    async with engine.begin() as conn:
        await conn.run_sync(lambda c: command.downgrade(alembic_config(c), revision))


async def current(engine: AsyncEngine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    async with engine.connect() as conn:
        return await conn.run_sync(lambda c: MigrationContext.configure(c).get_current_revision())


async def schema_current(engine: AsyncEngine) -> bool:
    """Whether the database answers and stands at this code's head revision (a readiness probe: an instance of
    newer code before the migration ran, or a database that is down, is not ready)."""
    async with engine.connect() as conn:
        return await conn.run_sync(_stored_revisions) == {head_revision()}
