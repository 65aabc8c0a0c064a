"""Engine creation with the pragmas SQLite needs to behave like a real database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from core.files import private_files

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_sqlite(url: str) -> None:
    """The database file is created 0600 before SQLite opens it, so its ``-wal``, ``-shm`` and ``-journal``
    (which SQLite creates with the database file's mode) are private too; files an older version left readable
    to others are tightened at each start."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if path.parent.is_dir():
        private_files(path, *(path.with_name(path.name + suffix) for suffix in SQLITE_COMPANIONS))


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """``hide_parameters``: SQL errors never carry values (a report's content must not reach the logs)."""
    if url.startswith("sqlite"):
        private_sqlite(url)
        # One connection: SQLite has a single writer, and queueing for the pool is fair and quick where
        # several connections would busy-wait on the file lock (seen: 2.5 s tails with ten citizens filing).
        kwargs = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 60, **kwargs}
        engine = create_async_engine(url, connect_args={"timeout": 30}, hide_parameters=True, **kwargs)

        @event.listens_for(engine.sync_engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA secure_delete=ON")  # erased values (retention purge) are zeroed, not left in free space
            cur.close()

        return engine
    return create_async_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
