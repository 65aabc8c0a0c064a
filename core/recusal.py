"""回避: a report about a commission's own staff is not handled by them (XF-28 ¶3 [C], JC-67 [C]; rules.md §4, §10.4).

Staff with a direct interest step aside: an officer named in a report never sees that case — not in an inbox,
not by ``/case``, not in a reminder — and a report naming a staff member of the commission that would receive it
goes to the level above (rules.md §10.4 [U]: the parent unit, else the most senior unit above it whose region
covers it; with none set up it stays, and the officer is still kept out of it).

An officer is "named" when a reported person's name is theirs, written the same (spaces and case aside): the form
asks for the name as a citizen knows it, and a false match only hides a case from one officer, never loses it.
Pure: :func:`recuse` is given what the filing service read.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.jurisdiction import UNIT_SENIORITY, UnitInfo


@dataclass(frozen=True)
class StaffMember:
    officer_id: int
    unit_id: int
    name: str


@dataclass(frozen=True)
class Recusal:
    unit: UnitInfo  # where the case goes
    officer_ids: tuple[int, ...]  # who never sees it
    moved_up: bool  # the unit first chosen employs someone named


def same_name(a: str, b: str) -> bool:
    return _key(a) == _key(b) != ""


def _key(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def recuse(
    names: Iterable[str],
    target: UnitInfo,
    staff: Sequence[StaffMember],
    units: Sequence[UnitInfo],
    parents: dict[int, int | None],
) -> Recusal:
    """Where a report naming ``names`` goes instead of ``target``, and which officers step aside."""
    keys = {_key(n) for n in names if _key(n)}
    named = [m for m in staff if _key(m.name) in keys]
    ids = tuple(sorted({m.officer_id for m in named}))
    unit, moved = target, False
    while any(m.unit_id == unit.id for m in named):  # the level above, as long as it employs someone named too
        above = _above(unit, units, parents)
        if above is None:
            break
        unit, moved = above, True
    return Recusal(unit, ids, moved)


def _above(unit: UnitInfo, units: Sequence[UnitInfo], parents: dict[int, int | None]) -> UnitInfo | None:
    by_id = {u.id: u for u in units}
    parent = parents.get(unit.id)
    if parent is not None and parent in by_id:
        return by_id[parent]
    rank = UNIT_SENIORITY.index(unit.level)
    covering = [
        u for u in units if UNIT_SENIORITY.index(u.level) < rank and (not u.region or unit.region.startswith(u.region))
    ]
    return max(covering, key=lambda u: (UNIT_SENIORITY.index(u.level), -u.id)) if covering else None
