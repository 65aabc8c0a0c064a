"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.clock import ManualClock
from core.settings import Settings
from qingfeng.app import App
from tests.conftest import app_on


@pytest.fixture
async def file_app(tmp_path: Path, db_url: str, clock: ManualClock, sqlite_migrated: Path | None) -> AsyncIterator[App]:
    """Like the ``app`` fixture, but with keys in the key file (created on first use) instead of settings, on an
    empty database migrated by Alembic."""
    settings = Settings(_env_file=None, data_dir=tmp_path / "data", database_url=db_url, bot_token=None)  # type: ignore[call-arg]
    async with app_on(settings, clock, sqlite_migrated) as application:
        yield application
