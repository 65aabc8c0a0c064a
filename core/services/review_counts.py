"""How reporters judged the results, per unit: ratings (群众满意度评价, 004 (五)), the 不满意 and 异议 a leader
decides on, what was sent back and what was confirmed (rules.md §10.4). Counts only, never content:
``qingfeng cases satisfaction`` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Integer, func, select
from sqlalchemy import case as when

from core.model import Action, CaseState, Satisfaction
from core.persistence.orm import CaseEventRow, CaseRow, UnitRow
from core.services.context import CoreContext


@dataclass(frozen=True)
class UnitReviewCounts:
    unit: str
    satisfied: int  # cases rated 满意 (a case counts with its latest rating)
    fairly: int  # 基本满意
    dissatisfied: int  # 不满意
    objections: int  # objections filed (each one)
    awaiting_leader: int  # a 不满意 or an objection waiting for a leader's decision now
    sent_back: int  # decisions to send a case back for further handling (each one)
    confirmed: int  # cases whose result a leader confirmed (审核认定办结, 004 (十一))


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(when((condition, 1), else_=0)), 0, type_=Integer)


async def review_counts(ctx: CoreContext, unit_code: str | None = None) -> list[UnitReviewCounts]:
    """Per unit (its code), the units with any rating or challenge; ordered by unit code."""
    c = CaseRow
    by_case = (
        select(c.unit_id, _count(c.satisfaction == Satisfaction.SATISFIED.value),
               _count(c.satisfaction == Satisfaction.FAIRLY.value),
               _count(c.satisfaction == Satisfaction.DISSATISFIED.value),
               _count(c.state == CaseState.LEADER_REVIEW.value), _count(c.confirmed_at.is_not(None)))
        .group_by(c.unit_id)
    )  # fmt: skip
    by_event = (
        select(c.unit_id, _count(CaseEventRow.action == Action.OBJECT.value),
               _count(CaseEventRow.action == Action.SEND_BACK.value))
        .join(c, c.id == CaseEventRow.case_id)
        .where(CaseEventRow.action.in_([Action.OBJECT.value, Action.SEND_BACK.value]))
        .group_by(c.unit_id)
    )  # fmt: skip
    async with ctx.uow() as uow:
        s = uow.session
        codes: dict[int, str] = {unit_id: code for unit_id, code in await s.execute(select(UnitRow.id, UnitRow.code))}
        cases = {row[0]: tuple(row[1:]) for row in await s.execute(by_case)}
        events = {row[0]: tuple(row[1:]) for row in await s.execute(by_event)}
    out = []
    for unit_id in cases.keys() | events.keys():
        sat, fairly, dis, waiting, confirmed = cases.get(unit_id, (0, 0, 0, 0, 0))
        objections, sent_back = events.get(unit_id, (0, 0))
        counts = UnitReviewCounts(codes.get(unit_id, "?"), sat, fairly, dis, objections, waiting, sent_back, confirmed)
        if any((sat, fairly, dis, objections, waiting, sent_back, confirmed)) and unit_code in (None, counts.unit):
            out.append(counts)
    return sorted(out, key=lambda u: u.unit)
