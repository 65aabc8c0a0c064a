"""Alembic migrations: every step goes up, down and up again, and head matches the ORM metadata exactly."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.util import CommandError
from sqlalchemy import Column, MetaData, String, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from core.persistence import migrate
from core.persistence.db import make_engine
from core.persistence.orm import Base

PG_URL = os.environ.get("TEST_DATABASE_URL")


@pytest.fixture
async def fresh_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """An empty database: a new SQLite file, or a throwaway PostgreSQL database dropped afterwards."""
    if not PG_URL:
        engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'stairway.db'}")
        try:
            yield engine
        finally:
            await engine.dispose()
        return
    url = make_url(PG_URL)
    name = f"qf_stairway_{secrets.token_hex(4)}"
    admin: dict[str, Any] = {
        "host": url.host,
        "port": url.port or 5432,
        "user": url.username,
        "password": url.password,
        "database": "postgres",
    }
    conn = await asyncpg.connect(**admin)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    engine = make_engine(url.set(database=name).render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        await engine.dispose()
        conn = await asyncpg.connect(**admin)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


def app_tables() -> set[str]:
    return set(Base.metadata.tables)


def _schema(conn: Connection) -> dict[str, Any]:
    insp = inspect(conn)
    out: dict[str, Any] = {}
    for table in sorted(set(insp.get_table_names()) - {"alembic_version"}):
        out[table] = (
            sorted((c["name"], c["nullable"]) for c in insp.get_columns(table)),
            sorted((i["name"], tuple(i["column_names"])) for i in insp.get_indexes(table)),
            sorted(tuple(u["column_names"]) for u in insp.get_unique_constraints(table)),
            sorted((f["referred_table"], tuple(f["constrained_columns"])) for f in insp.get_foreign_keys(table)),
        )
    return out


async def schema(engine: AsyncEngine) -> dict[str, Any]:
    """Tables with their columns, indexes, unique constraints and foreign keys, as the database reports them."""
    async with engine.connect() as conn:
        return await conn.run_sync(_schema)


#: Steps that rewrite rows and leave the schema as it was; each has a test of its own on data.
DATA_ONLY = {"0024"}  # the LSH band keys rebuilt: tests/integration/test_repeats.py


async def test_stairway(fresh_engine: AsyncEngine) -> None:
    revs = migrate.revisions()
    assert len(revs) >= 2 and revs[0] == "0001"
    assert await migrate.current(fresh_engine) is None
    seen: dict[str, dict[str, Any]] = {"base": {}}
    previous = "base"
    for rev in revs:
        await migrate.upgrade(fresh_engine, rev)
        assert await migrate.current(fresh_engine) == rev
        seen[rev] = await schema(fresh_engine)
        assert (seen[rev] == seen[previous]) == (rev in DATA_ONLY), f"{rev} changes nothing"
        await migrate.downgrade(fresh_engine, previous)
        assert await migrate.current(fresh_engine) == (None if previous == "base" else previous)
        assert await schema(fresh_engine) == seen[previous], f"downgrade of {rev} does not restore {previous}"
        await migrate.upgrade(fresh_engine, rev)
        assert await migrate.current(fresh_engine) == rev
        assert await schema(fresh_engine) == seen[rev]
        previous = rev
    await migrate.upgrade(fresh_engine, "head")
    assert await migrate.current(fresh_engine) == revs[-1]
    assert set(await schema(fresh_engine)) == app_tables()


def test_the_head_read_from_the_files_is_alembics() -> None:
    """Start-up compares the stored revision with this id instead of loading Alembic (issue 13)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head() == migrate.revisions()[-1]


async def test_a_database_behind_head_is_migrated_and_one_ahead_is_refused(fresh_engine: AsyncEngine) -> None:
    """The cheap check skips Alembic only for a database exactly at head: behind is upgraded, and a revision
    these files do not know (a newer release's) is still Alembic's to refuse."""
    revs = migrate.revisions()
    await migrate.upgrade(fresh_engine, revs[-2])
    await migrate.upgrade(fresh_engine)
    assert await migrate.current(fresh_engine) == revs[-1]
    await migrate.upgrade(fresh_engine)  # at head: nothing to do
    assert await migrate.current(fresh_engine) == revs[-1]
    async with fresh_engine.begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    with pytest.raises(CommandError, match="ffffffffffff"):
        await migrate.upgrade(fresh_engine)


def _diff(conn: Connection, metadata: MetaData = Base.metadata) -> list[Any]:
    context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
    return list(compare_metadata(context, metadata))


async def test_head_matches_the_orm_metadata(fresh_engine: AsyncEngine) -> None:
    await migrate.upgrade(fresh_engine)
    async with fresh_engine.connect() as conn:
        diff = await conn.run_sync(_diff)
    assert diff == [], "the migrations and core.persistence.orm disagree: write a migration"

    # The comparison is not vacuous: a model with one more column, or none at all, is noticed.
    extended = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(extended)
    extended.tables["cases"].append_column(Column("control_only_column", String(12)))
    async with fresh_engine.connect() as conn:
        added = await conn.run_sync(_diff, extended)
        removed = await conn.run_sync(_diff, MetaData())
    assert [(d[0], d[3].name) for d in added] == [("add_column", "control_only_column")]
    assert {d[1].name for d in removed if d[0] == "remove_table"} == app_tables()


async def test_the_old_persistent_job_table_is_dropped(fresh_engine: AsyncEngine) -> None:
    """Up to 0008 APScheduler kept pickled jobs in its own table beside ours; the jobs now live in memory."""
    await migrate.upgrade(fresh_engine, "0008")
    async with fresh_engine.begin() as conn:
        await conn.execute(text("CREATE TABLE apscheduler_jobs (id VARCHAR(191) PRIMARY KEY, next_run_time FLOAT)"))
    await migrate.upgrade(fresh_engine)
    tables = set(await schema(fresh_engine))
    assert "apscheduler_jobs" not in tables and tables == app_tables()
