"""Shared fixtures: an App on SQLite (a file per test) or on PostgreSQL when TEST_DATABASE_URL is set.

On SQLite each test's file is a copy of one made once per session; on PostgreSQL the schema is migrated once per
session and every table is emptied (and its ids restarted) before each test. With QINGFENG_TEST_DATABASE_ONLY=1
(scripts/test's PostgreSQL run) only the tests that open the test database run — those whose fixtures include
``pg_schema`` or ``fresh_engine``: the others (units, the terminal, subprocesses on a data directory of their own)
do the same on any database and ran on SQLite already.
"""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import asyncpg
import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.clock import ManualClock
from core.persistence import migrate
from core.persistence.db import make_engine
from core.persistence.orm import Base
from core.settings import Settings
from qingfeng.app import App, build_app

BEIJING = ZoneInfo("Asia/Shanghai")
PG_URL = os.environ.get("TEST_DATABASE_URL")
DATABASE_FIXTURES = {"pg_schema", "fresh_engine"}  # a test that opens TEST_DATABASE_URL uses one of these

# One key pair per test session: tests that need fresh keys build their own.
_KEYS = Fernet.generate_key().decode()
_INDEX = base64.urlsafe_b64encode(os.urandom(32)).decode()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On SQLite, the tests marked ``postgresql`` are left out (several processes on one database: what SQLite is
    not for), and run on PostgreSQL; with QINGFENG_TEST_DATABASE_ONLY=1 only the tests that open the database."""
    if not PG_URL:
        keep = [i for i in items if i.get_closest_marker("postgresql") is None]
    elif os.environ.get("QINGFENG_TEST_DATABASE_ONLY") == "1":
        keep = [i for i in items if DATABASE_FIXTURES & set(getattr(i, "fixturenames", ()))]
    else:
        return
    if len(keep) < len(items):
        kept = set(keep)
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = keep


def beijing(*args: int) -> datetime:
    return datetime(*args, tzinfo=BEIJING)  # type: ignore[misc]


@pytest.fixture(scope="session")
def pg_schema() -> Iterator[str | None]:
    """Migrate the PostgreSQL test database once (from scratch) when one is configured. Each pytest-xdist
    worker gets a database of its own beside it (``<name>_gw0``, …), made here and dropped at the end."""
    if not PG_URL:
        yield None
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    url = make_url(PG_URL)
    if worker:
        url = url.set(database=f"{url.database}_{worker}")
        asyncio.run(_worker_database(PG_URL, url.database or "", create=True))

    async def reset() -> None:
        engine = make_engine(url.render_as_string(hide_password=False))
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await migrate.upgrade(engine)
        await engine.dispose()

    asyncio.run(reset())
    yield url.render_as_string(hide_password=False)
    if worker:
        asyncio.run(_worker_database(PG_URL, url.database or "", create=False))


async def _worker_database(server_url: str, name: str, *, create: bool) -> None:
    """(Re)create or drop database ``name`` on the server of ``server_url``, connected to that URL's database."""
    conn = await asyncpg.connect(make_url(server_url).set(drivername="postgresql").render_as_string(False))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def sqlite_schema(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """An SQLite database with the ORM's tables, made once (unless the tests run on PostgreSQL): ``app`` starts
    each test on a copy of it (creating the tables took about 0.1 s a test)."""
    if PG_URL:
        return None

    async def create(engine: AsyncEngine) -> None:
        async with engine.begin() as conn:
            await conn.run_sync(Base.metadata.create_all)

    return _sqlite_template(tmp_path_factory, "orm.db", create)


@pytest.fixture(scope="session")
def sqlite_migrated(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """Like ``sqlite_schema``, but migrated by Alembic (0.25 s and more a test), for fixtures that want that."""
    return None if PG_URL else _sqlite_template(tmp_path_factory, "migrated.db", migrate.upgrade)


def _sqlite_template(
    factory: pytest.TempPathFactory, name: str, make: Callable[[AsyncEngine], Awaitable[None]]
) -> Path:
    path = factory.mktemp("schema") / name

    async def run() -> None:
        engine = make_engine(f"sqlite+aiosqlite:///{path}")
        await make(engine)
        await engine.dispose()  # the last connection closed: the WAL is folded into the file

    asyncio.run(run())
    return path


def copy_database(template: Path, db_url: str) -> None:
    """The template's content into the (empty) SQLite file of ``db_url``, which keeps its mode (0600)."""
    database = make_url(db_url).database
    assert database and not Path(f"{database}-wal").exists(), "copy only into a database nothing has opened yet"
    shutil.copyfile(template, database)


async def empty_tables(conn: AsyncConnection) -> None:
    """Every table of the ORM emptied and every sequence restarted, as TRUNCATE … RESTART IDENTITY would, in one
    statement: TRUNCATE took 0.2-0.3 s on these small tables (it makes new files for each table and index), DELETE
    takes milliseconds."""
    deletes = " ".join(f"DELETE FROM {t.name};" for t in reversed(Base.metadata.sorted_tables))
    await conn.execute(
        text(f"""DO $$
        DECLARE seq regclass;
        BEGIN
            {deletes}
            FOR seq IN SELECT c.oid FROM pg_class c WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace
            LOOP
                EXECUTE format('ALTER SEQUENCE %s RESTART', seq);
            END LOOP;
        END $$""")
    )


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(beijing(2026, 9, 28, 9, 0))


def make_settings(data_dir: Path, db_url: str) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=data_dir,
        database_url=db_url,
        encryption_keys=SecretStr(_KEYS),
        index_key=SecretStr(_INDEX),
        bot_token=None,
        flood_burst=10_000,  # scenario tests type faster than people; test_flood.py uses the real limits
    )


@pytest.fixture
def db_url(tmp_path: Path, pg_schema: str | None) -> str:
    return pg_schema or f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"


@asynccontextmanager
async def app_on(settings: Settings, clock: ManualClock, template: Path | None) -> AsyncIterator[App]:
    """An app on the test database: a copy of the SQLite ``template``, or (PostgreSQL) the shared schema emptied."""
    application = await build_app(settings, clock=clock, upgrade=False)  # makes the file (0600), opens nothing
    if template is None:
        async with application.engine.begin() as conn:
            await empty_tables(conn)
    else:
        copy_database(template, settings.db_url)
    try:
        yield application
    finally:
        await application.close()


@pytest.fixture
async def app(tmp_path: Path, db_url: str, clock: ManualClock, sqlite_schema: Path | None) -> AsyncIterator[App]:
    async with app_on(make_settings(tmp_path / "data", db_url), clock, sqlite_schema) as application:
        yield application
