"""Which commission handles a report: "分级负责、归口办理" (rules.md §5, JC-16).

The most senior person reported decides the level; the region path decides the place. When nothing fits,
the report goes to the best regional match (officers then transfer it, D1/D2), else to the home unit, else to
the most senior unit: a report is never refused for want of a rule (issue 12).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.model import CadreLevel, UnitLevel
from core.text import clean_text

#: Seniority order, most senior first (rules.md §6 ``level``).
SENIORITY = (
    CadreLevel.MINISTERIAL,
    CadreLevel.BUREAU,
    CadreLevel.COUNTY_DIVISION,
    CadreLevel.TOWNSHIP_SECTION,
    CadreLevel.SOE_MANAGER,
    CadreLevel.INSTITUTION_MANAGER,
    CadreLevel.STAFF,
    CadreLevel.VILLAGE,
    CadreLevel.OTHER,
    CadreLevel.UNKNOWN,
)

#: Default ``handles_levels`` of a unit by its level (rules.md §5 table: 中管/省管/市管/县管).
DEFAULT_HANDLES: dict[UnitLevel, tuple[CadreLevel, ...]] = {
    UnitLevel.CENTRAL: (CadreLevel.MINISTERIAL,),
    UnitLevel.PROVINCE: (CadreLevel.BUREAU,),
    UnitLevel.CITY: (CadreLevel.COUNTY_DIVISION,),
    UnitLevel.COUNTY: (
        CadreLevel.TOWNSHIP_SECTION,
        CadreLevel.STAFF,
        CadreLevel.VILLAGE,
        CadreLevel.SOE_MANAGER,
        CadreLevel.INSTITUTION_MANAGER,
        CadreLevel.OTHER,
        CadreLevel.UNKNOWN,  # §5: level unknown → county commission of the place
    ),
    UnitLevel.TOWNSHIP: (),
}


@dataclass(frozen=True)
class UnitInfo:
    id: int
    code: str
    level: UnitLevel
    region: str
    handles: frozenset[CadreLevel]


def most_senior(levels: Sequence[CadreLevel]) -> CadreLevel:
    return min(levels, key=SENIORITY.index) if levels else CadreLevel.UNKNOWN


def belongs_higher(unit: UnitInfo, levels: Sequence[CadreLevel]) -> bool:
    """Whether the most senior person reported is above every level this unit handles (R-15: send it up)."""
    level = most_senior(levels)
    if level in unit.handles or not unit.handles:
        return False
    return SENIORITY.index(level) < min(SENIORITY.index(h) for h in unit.handles)


def _segments(region: str) -> list[str]:
    """The places of a path like "浙江省/杭州市/临安区"; an invisible character makes "临\u200b安区" another."""
    return [s for s in (clean_text(p, multiline=False).strip() for p in region.split("/")) if s]


def _region_match(unit_region: str, region: str) -> int:
    """Number of leading path segments shared; -1 when the unit's region is not a prefix of the place."""
    u = _segments(unit_region)
    r = _segments(region)
    if r[: len(u)] != u:
        return -1
    return len(u)


#: Unit levels, most senior first: where a report no rule places goes when no home unit is set.
UNIT_SENIORITY = (UnitLevel.CENTRAL, UnitLevel.PROVINCE, UnitLevel.CITY, UnitLevel.COUNTY, UnitLevel.TOWNSHIP)


def top_level(units: Sequence[UnitInfo]) -> UnitInfo:
    """The most senior unit (the first added among equals)."""
    return min(units, key=lambda u: (UNIT_SENIORITY.index(u.level), u.id))


def route(levels: Sequence[CadreLevel], region: str, units: Sequence[UnitInfo], home: UnitInfo | None) -> UnitInfo:
    """Pick the unit for a report about people of these levels in this region."""
    if not units:
        raise ValueError("no units configured")
    level = most_senior(levels)
    scored = [(u, _region_match(u.region, region)) for u in units]
    competent = [(u, s) for u, s in scored if s >= 0 and level in u.handles]
    if competent:
        return max(competent, key=lambda us: us[1])[0]
    local = [(u, s) for u, s in scored if s >= 0]
    if local:
        return max(local, key=lambda us: us[1])[0]
    return home or top_level(units)
