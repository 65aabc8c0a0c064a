"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.clock import ManualClock
from core.settings import Settings
from qingfeng.app import App, build_app
from tests.conftest import copy_database, empty_tables


@pytest.fixture
async def file_app(tmp_path: Path, db_url: str, clock: ManualClock, sqlite_migrated: Path | None) -> AsyncIterator[App]:
    """Like the ``app`` fixture, but with keys in the key file (created on first use) instead of settings, on an
    empty database migrated by Alembic."""
    settings = Settings(_env_file=None, data_dir=tmp_path / "data", database_url=db_url, bot_token=None)  # type: ignore[call-arg]
    application = await build_app(settings, clock=clock, upgrade=False)
    if sqlite_migrated is None:
        async with application.engine.begin() as conn:
            await empty_tables(conn)
    else:
        copy_database(sqlite_migrated, db_url)
    try:
        yield application
    finally:
        await application.close()
