"""The app the benchmark files into: its settings, a throwaway PostgreSQL database, the office seeded as in the
tests, and the check of what was stored."""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import distinct, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from core.model import Role, UnitLevel
from core.persistence.orm import CaseRow, EvidenceRow
from core.settings import Settings
from qingfeng.app import App

# isort: split
from citizens import REGION  # bench/ is on sys.path when filing.py runs as a script


async def seed_office(app: App) -> None:
    """The office of tests/factories.py: a city and two county units, with officers so that routing works."""
    o = app.officers
    await o.add_unit("HZ", "杭州市纪委监委", UnitLevel.CITY, "浙江省/杭州市")
    await o.add_unit("LA", "临安区纪委监委", UnitLevel.COUNTY, REGION, parent="HZ")
    await o.add_unit("XH", "西湖区纪委监委", UnitLevel.COUNTY, "浙江省/杭州市/西湖区", parent="HZ")
    for name, unit, role, telegram_id in (
        ("王信访", "LA", Role.INTAKE, 1001),
        ("李承办", "LA", Role.HANDLER, 1002),
        ("赵承办", "LA", Role.HANDLER, 1003),
        ("陈主任", "LA", Role.SUPERVISOR, 1004),
        ("周市信访", "HZ", Role.INTAKE, 2001),
        ("吴西湖", "XH", Role.HANDLER, 3001),
    ):
        await o.add_officer(name, unit, [role], telegram_id=telegram_id)


def make_settings(data_dir: Path, db_url: str) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=data_dir,
        database_url=db_url,
        encryption_keys=SecretStr(Fernet.generate_key().decode()),
        index_key=SecretStr(base64.urlsafe_b64encode(os.urandom(32)).decode()),
        bot_token=None,
        flood_burst=1_000_000,  # simulated citizens type faster than people: the flood gate must not answer
    )


async def create_pg_database(admin_url: str) -> tuple[str, str]:
    """Create a throwaway database next to ``admin_url``'s; return (its URL, its name)."""
    name = f"qingfeng_bench_{secrets.token_hex(4)}"
    admin = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False), name


async def drop_pg_database(admin_url: str, name: str) -> None:
    admin = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


async def count_cases(app: App) -> tuple[int, int, int]:
    """(cases, cases with at least one evidence row, evidence rows)."""
    async with app.engine.connect() as conn:
        cases = (await conn.execute(select(func.count()).select_from(CaseRow))).scalar_one()
        with_evidence = (await conn.execute(select(func.count(distinct(EvidenceRow.case_id))))).scalar_one()
        evidence = (await conn.execute(select(func.count()).select_from(EvidenceRow))).scalar_one()
    return int(cases), int(with_evidence), int(evidence)
