"""What came in during the period, and what intake decided about it (rules.md §1 分流, §3, §10.4 重信重访)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, distinct, exists, func, literal, select, text, union_all
from sqlalchemy import case as when
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from core.model import Action, CadreLevel, CaseState, Category, Channel, ReferTo, ReportType
from core.persistence.orm import CaseEventRow, CaseRow, OfficerRow, ReportedPersonRow, UnitRow
from core.stats.figures import Row, Table
from core.stats.frame import TOTAL, Frame, enum_rows, grouped, named_rows

REPORTS = ("stats.col.reports",)

RECEIVED = (
    "Reports received: cases whose receipt (received_at, in the office's local days) falls in the period, counted "
    "at the unit that holds the case now (a case transferred and taken in elsewhere counts there)."
)
BY_CHANNEL = RECEIVED + " By the channel the report came through."
BY_TYPE = RECEIVED + " By report type (检举控告, 申诉, 批评建议)."
BY_CATEGORY = RECEIVED + " Accusations only, by 问题类别."
BY_REGION = (
    RECEIVED + " By the region of the persons reported: a report naming persons of two regions counts in each, "
    "once per region."
)
BY_LEVEL = (
    RECEIVED + " By the cadre level of the persons reported: a report naming persons of two levels counts in each, "
    "once per level."
)
DECISIONS = (
    "Intake decisions taken in the period (分流): cases with a step 受理, 不予受理, 重复件, 报送上级 or 转下级 dated "
    "in the period, each case once per kind of decision, counted at the unit of the officer who took it (the case's "
    "unit when no officer did). 'Awaiting a decision' is the reports received in the period still received or "
    "registered now."
)
NOT_ACCEPTED_TO = (
    "Reports not accepted in the period (不予受理, a step dated in the period, counted as for decisions), by the "
    "body the reporter was referred to; 'not stated' when none was named (facts lacking, §3.2 item 3)."
)
TRANSFERRED_TO = (
    "Reports transferred to another commission in the period (报送上级 or 转下级, a step dated in the period, "
    "counted as for decisions), by the commission that holds the case now or, not yet taken in, it was sent to."
)
FIRST_OR_REPEAT = (
    "初信初访 and repeats among the reports received in the period: a repeat was marked a duplicate of another "
    "case, or names a person (by the blind index of the name) already named in a report received earlier, in any "
    "unit; every other report is a first report. A repeat that is both counts once in 'repeats' and in each of the "
    "two lines below it."
)

#: The intake decisions of :data:`DECISIONS`, in the order of the table.
DECISION_ROWS = (
    (Action.ACCEPT, "stats.row.accepted"),
    (Action.NOT_ACCEPT, "stats.row.not_accepted"),
    (Action.MARK_DUPLICATE, "stats.row.duplicate"),
    (Action.TRANSFER_UP, "stats.row.transferred_up"),
    (Action.TRANSFER_DOWN, "stats.row.transferred_down"),
)


@dataclass(frozen=True)
class Cohort:
    """The reports received in the period, counted once by the columns several tables read: (channel, report
    type, category of an accusation or "-", marked a duplicate 0/1, awaiting a decision 0/1) -> count. One scan
    of the period's cases instead of one per table."""

    counts: dict[tuple[str, str, str, int, int], int]

    def by(self, position: int) -> dict[Any, int]:
        out: dict[Any, int] = {}
        for key, n in self.counts.items():
            out[key[position]] = out.get(key[position], 0) + n
        return out


async def cohort(s: AsyncSession, f: Frame) -> Cohort:
    c = CaseRow
    category = when((c.report_type == ReportType.ACCUSATION.value, func.coalesce(c.category, "")), else_="-")
    marked = when((c.duplicate_of_id.is_not(None), 1), else_=0)
    waiting = when((c.state.in_([CaseState.RECEIVED.value, CaseState.REGISTERED.value]), 1), else_=0)
    columns = (c.channel, c.report_type, category.label("category"), marked.label("marked"), waiting.label("waiting"))
    names = ("channel", "report_type", "category", "marked", "waiting")
    query = (select(*columns, func.count()).where(f.during(c.received_at), f.units(c.unit_id))
             .group_by(*(text(name) for name in names)))  # fmt: skip
    return Cohort({(ch, kind, cat, int(m), int(w)): int(n) for ch, kind, cat, m, w, n in await s.execute(query)})


async def received_tables(s: AsyncSession, f: Frame, received_now: Cohort) -> list[Table]:
    c = CaseRow
    received = and_(f.during(c.received_at), f.units(c.unit_id))
    channel, kind, category = received_now.by(0), received_now.by(1), received_now.by(2)
    category.pop("-", None)
    if "" in category:
        category[None] = category.pop("")
    p = ReportedPersonRow
    # regions and levels in one statement: the period's persons are read once
    persons = select(p.region, p.level, p.case_id).join(c, c.id == p.case_id).where(received).cte("persons")
    cases = func.count(distinct(persons.c.case_id))
    by_region = select(literal("r").label("by"), persons.c.region.label("value"), cases)
    by_level = select(literal("l"), persons.c.level, cases)
    regions: dict[str, int] = {}
    levels: dict[str | None, int] = {}
    for by, value, n in await s.execute(union_all(by_region.group_by(persons.c.region),
                                                  by_level.group_by(persons.c.level))):  # fmt: skip
        (regions if by == "r" else levels)[value] = int(n)
    return [
        Table("received_by_channel", "stats.table.received_by_channel", REPORTS, enum_rows(Channel, channel),
              BY_CHANNEL),
        Table("received_by_type", "stats.table.received_by_type", REPORTS, enum_rows(ReportType, kind), BY_TYPE),
        Table("received_by_category", "stats.table.received_by_category", REPORTS,
              enum_rows(Category, category, extra=((None, "stats.row.no_category"),)), BY_CATEGORY),
        Table("received_by_region", "stats.table.received_by_region", REPORTS, named_rows(regions.items()),
              BY_REGION),
        Table("received_by_level", "stats.table.received_by_level", REPORTS,
              enum_rows(CadreLevel, levels, total=False), BY_LEVEL),
    ]  # fmt: skip


_TRANSFERS = (Action.TRANSFER_UP.value, Action.TRANSFER_DOWN.value)
_NOT_ACCEPTED = [a for a, _ in DECISION_ROWS].index(Action.NOT_ACCEPT)


async def decision_tables(s: AsyncSession, f: Frame, received_now: Cohort) -> list[Table]:
    """The three tables of intake decisions from one statement: each (case, decision) once, grouped by the case's
    referral and where it is now (both columns of the case, so each case falls in one group); a case sent up and
    down in the period counts once among the transfers."""
    e, o, c = CaseEventRow, OfficerRow, CaseRow
    decided = (
        select(e.case_id, e.action)
        .join(c, c.id == e.case_id)
        .outerjoin(o, o.id == e.officer_id)
        .where(e.action.in_([a.value for a, _ in DECISION_ROWS]), f.during(e.at),
               f.units(func.coalesce(o.unit_id, c.unit_id)))
        .distinct()
        .subquery()
    )  # fmt: skip
    target = aliased(UnitRow)
    per_action = [func.coalesce(func.sum(when((decided.c.action == a.value, 1), else_=0)), 0) for a, _ in DECISION_ROWS]
    moved = func.count(distinct(when((decided.c.action.in_(_TRANSFERS), decided.c.case_id))))
    query = (
        select(c.refer_to, target.name, moved, *per_action)
        .join(c, c.id == decided.c.case_id)
        .join(target, target.id == func.coalesce(c.transfer_to_id, c.unit_id))
        .group_by(c.refer_to, target.name)
    )
    counts: dict[str, int] = {}
    by_body: dict[str | None, int] = {}
    by_unit: dict[str, int] = {}
    for refer_to, holder, transfers_here, *numbers in await s.execute(query):
        for (action, _), n in zip(DECISION_ROWS, numbers, strict=True):
            counts[action.value] = counts.get(action.value, 0) + int(n)
        if refuse := int(numbers[_NOT_ACCEPTED]):  # the case's referral is a case column: each group has one
            by_body[refer_to] = by_body.get(refer_to, 0) + refuse
        if int(transfers_here):
            by_unit[holder] = by_unit.get(holder, 0) + int(transfers_here)
    rows = [Row(key, (counts.get(a.value, 0),)) for a, key in DECISION_ROWS]
    rows.append(Row("stats.row.awaiting_decision", (received_now.by(4).get(1, 0),)))
    transfers = named_rows(by_unit.items())
    transfers += (Row(TOTAL, (sum(by_unit.values()),)),)
    return [
        Table("decisions", "stats.table.decisions", REPORTS, tuple(rows), DECISIONS),
        Table("not_accepted_referred_to", "stats.table.not_accepted_referred_to", REPORTS,
              enum_rows(ReferTo, by_body, extra=((None, "stats.row.not_stated"),)), NOT_ACCEPTED_TO),
        Table("transferred_to", "stats.table.transferred_to", REPORTS, transfers, TRANSFERRED_TO),
    ]  # fmt: skip


async def repeat_table(s: AsyncSession, f: Frame, received_now: Cohort) -> Table:
    c, p = CaseRow, ReportedPersonRow
    earlier_c, earlier_p = aliased(CaseRow), aliased(ReportedPersonRow)
    named_before = exists(
        select(literal(1))
        .select_from(p)
        .join(earlier_p, earlier_p.name_index == p.name_index)
        .join(earlier_c, earlier_c.id == earlier_p.case_id)
        .where(p.case_id == c.id, p.name_index.is_not(None), earlier_c.received_at < c.received_at)
    )
    marked = when((c.duplicate_of_id.is_not(None), 1), else_=0).label("marked")
    received = (f.during(c.received_at), f.units(c.unit_id))
    # per "marked a duplicate": all the period's reports (the cohort), then those naming a person named before. The
    # EXISTS in a WHERE is a semi-join the planner can run as one join (in a CASE it ran once per report: 8x slower)
    every = received_now.by(3)
    before = await grouped(s, select(marked, func.count()).where(*received, named_before).group_by(text("marked")))
    total = sum(every.values())
    same_person = sum(before.values())
    first = every.get(0, 0) - before.get(0, 0)
    repeats, marked_n = total - first, every.get(1, 0)
    rows = (
        Row("stats.row.first_reports", (first,)),
        Row("stats.row.repeats", (repeats,)),
        Row("stats.row.repeat_marked_duplicate", (marked_n,)),
        Row("stats.row.repeat_same_person", (same_person,)),
        Row(TOTAL, (total,)),
    )
    return Table("first_or_repeat", "stats.table.first_or_repeat", REPORTS, rows, FIRST_OR_REPEAT)
