"""Which unit is home, and where a report waits when no unit exists yet (issue 12: a report is never refused).

The home unit — where a report no routing rule places goes — is stored in the ``settings`` table by
``qingfeng setup`` (``QINGFENG_HOME_UNIT`` overrides it). A report filed before any unit exists is kept in an
inactive placeholder unit, ``UNROUTED``; the first unit added takes the placeholder over, with its reports.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.jurisdiction import UnitInfo, top_level
from core.model import UnitLevel
from core.permissions import is_intake
from core.persistence.orm import OfficerRow, SettingRow, UnitRow
from core.persistence.setting_rows import put_setting

log = logging.getLogger(__name__)
HOME_KEY = "home_unit"
UNROUTED = "UNROUTED"


async def stored_home(session: AsyncSession) -> str | None:
    row = await session.get(SettingRow, HOME_KEY)
    return row.value if row else None


async def store_home(session: AsyncSession, code: str) -> None:
    row = await session.get(SettingRow, HOME_KEY)
    if row is None:
        await put_setting(session, HOME_KEY, code)
    else:
        row.value = code


async def home_for_routing(session: AsyncSession, setting: str | None, units: list[UnitInfo]) -> UnitInfo:
    """The unit for a report no rule places: the setting's, else the stored home, else the most senior unit
    with an active intake officer (someone sees it), else the most senior unit. ``units`` is not empty."""
    by_code = {u.code: u for u in units}
    if setting and setting not in by_code:
        log.warning("QINGFENG_HOME_UNIT names no active unit (%s); using the stored home unit", setting)
    code = setting if setting in by_code else await stored_home(session)
    if code in by_code:
        return by_code[code]
    officers = (await session.execute(select(OfficerRow.unit_id, OfficerRow.roles).where(OfficerRow.active))).all()
    staffed = {unit_id for unit_id, roles in officers if is_intake(roles)}
    return top_level([u for u in units if u.id in staffed] or units)


async def placeholder(session: AsyncSession) -> UnitRow | None:
    """The unclaimed ``UNROUTED`` unit, if a report was filed before any unit existed."""
    stmt = select(UnitRow).where(UnitRow.code == UNROUTED, UnitRow.active.is_(False))
    return (await session.execute(stmt)).scalar_one_or_none()


async def unrouted_unit(session: AsyncSession) -> UnitRow:
    """The placeholder, created on first use (inactive: routing and the region buttons never offer it)."""
    row = await placeholder(session)
    if row is not None:
        return row
    row = UnitRow(code=UNROUTED, name="待分办（尚未设置单位）", level=UnitLevel.COUNTY.value, region="",
                  handles_levels=[], active=False)  # fmt: skip
    try:
        async with session.begin_nested():  # two first reports at once: one creates it, the other reads it
            session.add(row)
    except IntegrityError:
        row = await placeholder(session)
        if row is None:
            raise
    return row
