"""One stored setting written without a race: two instances starting at once on one database may both find a key
missing and both write it (PostgreSQL refused the second INSERT with a unique violation, and that instance exited).
An INSERT … ON CONFLICT DO UPDATE makes the later write win instead."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from core.persistence.orm import SettingRow


async def put_setting(session: AsyncSession, key: str, value: str) -> None:
    """Insert ``key`` or overwrite its value, in the session's transaction (the unit of work commits it)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(SettingRow).values(key=key, value=value)
    await session.execute(stmt.on_conflict_do_update(index_elements=[SettingRow.key], set_={"value": value}))
