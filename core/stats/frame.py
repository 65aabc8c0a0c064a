"""What every figure's query needs: the period as UTC instants, the units counted, today, the calendar."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Integer, Select, SQLColumnExpression, func, select, true
from sqlalchemy import case as when
from sqlalchemy.ext.asyncio import AsyncSession

from core.calendar.workdays import WorkCalendar
from core.errors import NotFound
from core.model import label_key
from core.persistence.orm import UnitRow
from core.stats.figures import Row
from core.stats.period import Period

TOTAL = "stats.row.total"


@dataclass(frozen=True)
class Frame:
    period: Period
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive
    now: datetime
    today: date
    tz: ZoneInfo
    calendar: WorkCalendar
    dialect: str
    unit_ids: tuple[int, ...] | None  # None: every unit

    def during(self, col: SQLColumnExpression[Any]) -> ColumnElement[bool]:
        return (col >= self.start) & (col < self.end)

    def units(self, col: SQLColumnExpression[Any]) -> ColumnElement[bool]:
        """Whether the unit column is one of the units counted (a short list: the office's units, not data)."""
        return true() if self.unit_ids is None else col.in_(self.unit_ids)


async def unit_scope(s: AsyncSession, code: str, alone: bool) -> tuple[UnitRow, tuple[int, ...] | None]:
    """The unit with this code and the ids counted for it: itself, and unless ``alone`` every unit below it."""
    units = list((await s.execute(select(UnitRow))).scalars())
    unit = next((u for u in units if u.code == code), None)
    if unit is None:
        raise NotFound("unit", code)
    if alone:
        return unit, (unit.id,)
    children: dict[int | None, list[int]] = {}
    for u in units:
        children.setdefault(u.parent_id, []).append(u.id)
    ids, todo = [], [unit.id]
    while todo:
        current = todo.pop()
        if current not in ids:  # a parent loop in bad data must not spin
            ids.append(current)
            todo.extend(children.get(current, ()))
    if len(ids) == len(units):
        return unit, None  # every unit is below it: every case counts, no filter to apply (nor to plan around)
    return unit, tuple(sorted(ids))


async def grouped(s: AsyncSession, query: Select[Any, Any]) -> dict[Any, int]:
    """``{key: count}`` of a two-column query (a key, a count)."""
    return {key: int(n) for key, n in await s.execute(query)}


def count_if(condition: SQLColumnExpression[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(when((condition, 1), else_=0)), 0, type_=Integer)


def enum_rows(enum: type[StrEnum], counts: Mapping[str | None, int], *, total: bool = True,
              extra: Sequence[tuple[str | None, str]] = ()) -> tuple[Row, ...]:  # fmt: skip
    """One row per value of ``enum`` in its order (zeros included, so tables and charts keep their shape), then
    ``extra`` (stored value, locale key) rows such as "none", then the total."""
    rows = [Row(label_key(member), (counts.get(member.value, 0),)) for member in enum]
    rows += [Row(key, (counts.get(value, 0),)) for value, key in extra]
    if total:
        rows.append(Row(TOTAL, (sum(counts.values()),)))
    return tuple(rows)


def named_rows(counts: Iterable[tuple[str, int]]) -> tuple[Row, ...]:
    """Rows labelled with names people gave (regions, units), largest first, then by name."""
    return tuple(Row(name, (n,), literal=True) for name, n in sorted(counts, key=lambda x: (-x[1], x[0])))
