"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from core.clock import ManualClock
from core.persistence import migrate
from core.persistence.orm import Base
from core.settings import Settings
from qingfeng.app import App, build_app


@pytest.fixture
async def file_app(tmp_path: Path, db_url: str, clock: ManualClock) -> AsyncIterator[App]:
    """Like the ``app`` fixture, but with keys in the key file (created on first use) instead of settings, on an
    empty database."""
    settings = Settings(_env_file=None, data_dir=tmp_path / "data", database_url=db_url, bot_token=None)  # type: ignore[call-arg]
    application = await build_app(settings, clock=clock, upgrade=False)
    if db_url.startswith("postgresql"):
        async with application.engine.begin() as conn:
            await conn.execute(text(f"TRUNCATE {', '.join(t.name for t in Base.metadata.sorted_tables)} CASCADE"))
    else:
        await migrate.upgrade(application.engine)
    try:
        yield application
    finally:
        await application.close()
