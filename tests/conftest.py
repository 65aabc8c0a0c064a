"""Shared fixtures: an App on SQLite (a file per test) or on PostgreSQL when TEST_DATABASE_URL is set.

On PostgreSQL the schema is migrated once per session and every table is truncated before each test.
"""

from __future__ import annotations

import asyncio
import base64
import os
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import text

from core.clock import ManualClock
from core.persistence import migrate
from core.persistence.db import make_engine
from core.persistence.orm import Base
from core.settings import Settings
from qingfeng.app import App, build_app

BEIJING = ZoneInfo("Asia/Shanghai")
PG_URL = os.environ.get("TEST_DATABASE_URL")

# One key pair per test session: tests that need fresh keys build their own.
_KEYS = Fernet.generate_key().decode()
_INDEX = base64.urlsafe_b64encode(os.urandom(32)).decode()


def beijing(*args: int) -> datetime:
    return datetime(*args, tzinfo=BEIJING)  # type: ignore[misc]


@pytest.fixture(scope="session")
def pg_schema() -> str | None:
    """Migrate the PostgreSQL test database once (from scratch) when one is configured."""
    if not PG_URL:
        return None

    async def reset() -> None:
        engine = make_engine(PG_URL)
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await migrate.upgrade(engine)
        await engine.dispose()

    asyncio.run(reset())
    return PG_URL


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


@pytest.fixture
async def app(tmp_path: Path, db_url: str, clock: ManualClock) -> AsyncIterator[App]:
    settings = make_settings(tmp_path / "data", db_url)
    application = await build_app(settings, clock=clock, upgrade=False)
    async with application.engine.begin() as conn:
        if db_url.startswith("postgresql"):
            names = ", ".join(t.name for t in Base.metadata.sorted_tables)
            await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            await conn.run_sync(Base.metadata.create_all)
    try:
        yield application
    finally:
        await application.close()
