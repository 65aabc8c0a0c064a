"""The data directory and the SQLite files are private to the service account, like the key file and evidence:
the database holds blind indexes and ciphertext, and its WAL holds recent pages (issue 11, item 14)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from core.clock import ManualClock
from core.settings import Settings
from qingfeng.app import build_app


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask of a service account: without care, new files would be 0644 and directories 0755."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def sqlite_settings(data_dir: Path) -> Settings:
    # explicitly SQLite (whatever TEST_DATABASE_URL says): what is checked here are SQLite's own files
    return Settings(_env_file=None, data_dir=data_dir, bot_token=None)  # type: ignore[call-arg]


async def test_a_fresh_data_directory_and_database_files_are_private(
    tmp_path: Path, clock: ManualClock, open_umask: None
) -> None:
    data = tmp_path / "data"
    app = await build_app(sqlite_settings(data), clock=clock)
    try:
        async with app.engine.begin() as conn:  # a write: the WAL and its index exist while connected
            await conn.execute(text("INSERT INTO counters (name, value) VALUES ('probe', 1)"))
        db = data / "qingfeng.db"
        files = [db, db.with_name("qingfeng.db-wal"), db.with_name("qingfeng.db-shm")]
        assert all(f.exists() for f in files)
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
        assert mode(data) == 0o700
        assert mode(data / "keys") == 0o700 and mode(data / "keys" / "qingfeng.keys") == 0o600
    finally:
        await app.close()


async def test_database_files_left_readable_by_an_older_version_are_made_private_at_start(
    tmp_path: Path, clock: ManualClock, open_umask: None
) -> None:
    data = tmp_path / "data"
    first = await build_app(sqlite_settings(data), clock=clock)
    await first.close()
    db = data / "qingfeng.db"
    os.chmod(db, 0o644)
    os.chmod(data, 0o755)
    again = await build_app(sqlite_settings(data), clock=clock)
    try:
        async with again.engine.begin() as conn:
            await conn.execute(text("INSERT INTO counters (name, value) VALUES ('probe', 1)"))
        assert mode(db) == 0o600
        assert mode(db.with_name("qingfeng.db-wal")) == 0o600 and mode(db.with_name("qingfeng.db-shm")) == 0o600
        assert mode(data) == 0o700
    finally:
        await again.close()
