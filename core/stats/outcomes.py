"""What was done with the reports and how reporters judged it: disposals (rules.md §7), satisfaction and objections
(§10.4), and cases sent down or out whose result (报结) is still owed (§10.3)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case as when
from sqlalchemy import distinct, func, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from core.calendar.deadlines import DeadlineKind
from core.model import Action, DeadlineState, DisposalMethod, FollowUp, Satisfaction, label_key
from core.persistence.orm import CaseEventRow, CaseRow, DeadlineRow, UnitRow
from core.stats.figures import Row, Table, rate
from core.stats.frame import TOTAL, Frame, enum_rows, named_rows

DISPOSALS = (
    "Disposals (处置) decided in the period: cases with a disposal step dated in the period, by method, each case "
    "once per method. 暂存待查 and 移送审查调查 are their own steps; the other three methods are the one the case "
    "records. Counted at the unit that holds the case now."
)
SATISFACTION = (
    "Reporters' ratings (满意 / 基本满意 / 不满意) given in the period: cases with a rating dated in the period, by "
    "the case's rating now; the share is of the cases rated. Objections (异议): each objection dated in the period. "
    "Counted at the unit that holds the case now."
)
AWAITING = (
    "Transfers out still without 报结: cases this unit (or one counted with it) sent down and follows until the "
    "receiver's result is recorded (rules.md §10.3), still awaited now, by the commission that holds them; "
    "overdue: the result's due day is before today. A snapshot at the time of the run, whatever the period."
)

_DISPOSAL_STEPS = (Action.DISPOSE.value, Action.PARK.value, Action.SEND_TO_INVESTIGATION.value)
_RATINGS = (Action.RATE.value, Action.RATE_DISSATISFIED.value)


@dataclass(frozen=True)
class Steps:
    """The period's disposal, rating and objection steps, counted in one statement: cases per disposal method,
    cases per rating (the case's rating now), objections."""

    methods: dict[str | None, int]
    ratings: dict[str | None, int]
    objections: int


async def steps(s: AsyncSession, f: Frame) -> Steps:
    e, c = CaseEventRow, CaseRow
    method = when((e.action == Action.PARK.value, DisposalMethod.PARK.value),
                  (e.action == Action.SEND_TO_INVESTIGATION.value, DisposalMethod.INVESTIGATE.value),
                  else_=c.disposal_method)  # fmt: skip
    taken = (
        select(e.case_id, e.action, method.label("method"), c.satisfaction)
        .join(c, c.id == e.case_id)
        .where(e.action.in_([*_DISPOSAL_STEPS, *_RATINGS, Action.OBJECT.value]), f.during(e.at), f.units(c.unit_id))
        .cte("taken")
    )
    t = taken.c
    disposals = select(literal("d").label("kind"), t.method.label("key"), t.case_id).where(
        t.action.in_(_DISPOSAL_STEPS)).distinct()  # fmt: skip
    ratings = select(literal("r"), t.satisfaction, t.case_id).where(
        t.action.in_(_RATINGS), t.satisfaction.is_not(None)).distinct()  # fmt: skip
    objections = select(literal("o"), literal(None), t.case_id).where(t.action == Action.OBJECT.value)
    every = union_all(disposals, ratings, objections).subquery()
    found: dict[str, dict[str | None, int]] = {"d": {}, "r": {}, "o": {}}
    for kind, key, n in await s.execute(select(every.c.kind, every.c.key, func.count())
                                        .group_by(every.c.kind, every.c.key)):  # fmt: skip
        found[kind][key] = int(n)
    return Steps(found["d"], found["r"], sum(found["o"].values()))


def disposal_table(taken: Steps) -> Table:
    return Table("disposals", "stats.table.disposals", ("stats.col.cases",),
                 enum_rows(DisposalMethod, taken.methods), DISPOSALS)  # fmt: skip


def satisfaction_table(taken: Steps) -> Table:
    counts = taken.ratings
    total = sum(counts.values())
    rows = [Row(label_key(v), (counts.get(v.value, 0), rate(counts.get(v.value, 0), total))) for v in Satisfaction]
    rows.append(Row("stats.row.rated", (total, None)))
    rows.append(Row("stats.row.objections", (taken.objections, None)))
    return Table("satisfaction", "stats.table.satisfaction", ("stats.col.cases", "stats.col.share"), tuple(rows),
                 SATISFACTION)  # fmt: skip


async def awaiting_result_table(s: AsyncSession, f: Frame) -> Table:
    c, d = CaseRow, DeadlineRow
    holder = aliased(UnitRow)
    overdue = (
        select(d.case_id)
        .where(d.kind == DeadlineKind.TRANSFER_RESULT.value, d.state == DeadlineState.OPEN.value,
               d.due_date < f.today)
        .distinct()
        .subquery()
    )  # fmt: skip
    query = (
        select(holder.name, func.count(distinct(c.id)), func.count(distinct(overdue.c.case_id)))
        .join(holder, holder.id == func.coalesce(c.transfer_to_id, c.unit_id))
        .outerjoin(overdue, overdue.c.case_id == c.id)
        .where(c.follow_up == FollowUp.AWAITING.value, c.followed_by_id.is_not(None), f.units(c.followed_by_id))
        .group_by(holder.name)
    )
    found = {name: (int(n), int(late)) for name, n, late in await s.execute(query)}
    rows = [Row(r.label, found[r.label], literal=True) for r in named_rows((k, v[0]) for k, v in found.items())]
    rows.append(Row(TOTAL, (sum(v[0] for v in found.values()), sum(v[1] for v in found.values()))))
    return Table("awaiting_report_back", "stats.table.awaiting_report_back", ("stats.col.cases", "stats.col.overdue"),
                 tuple(rows), AWAITING)  # fmt: skip
