"""Building N cases for bench/scale.py: a few real filings, cloned in bulk.

A handful of reports go through the product's ``FilingService`` (validation, routing, encryption, the filing
event); their rows are then copied with Core multi-row inserts (executemany), a few thousand cases per
transaction, so a million cases build in minutes. Every clone gets a valid case number of its year
(``XF-<year>-<seq>``, the counters advanced to match), its own query-code index, and deadlines whose due dates
come from the product's own ``due_date()`` on the product's working-day calendar.

The population (fractions of N):

* 20 % have one open deadline in the sweep's 20-day window, due dates spread over the working days from 10 days
  ago to 20 days ahead: anonymous reports not yet registered (D7, intake's duty), named cases in disposal awaiting
  a letter's reply (D6) and concluded named cases owing the reporter the result (D4) — both the assignee's;
* 10 % are open with a deadline beyond the window (D15, matters assigned by a higher commission, 6 months);
* 70 % are concluded, their deadlines met, received over the past five years.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, text

from core.calendar.deadlines import DeadlineKind, due_date
from core.calendar.reminders import ReminderPolicy, first_reminder_day
from core.calendar.workdays import WorkCalendar
from core.casenumbers import case_number
from core.clock import ManualClock
from core.model import CadreLevel, CaseState, Category, DeadlineState, ReportType, Role
from core.persistence.orm import (
    CaseEventRow,
    CaseRow,
    CounterRow,
    DeadlineRow,
    OfficerRow,
    ReportedPersonRow,
    ReporterContactRow,
)
from core.reports import NewReport, PersonReported, ReporterIdentity
from qingfeng.app import App

# isort: split
from citizens import FACTS, REGION  # bench/ is on sys.path when scale.py runs as a script

D = DeadlineKind
WINDOW_PAST, WINDOW_AHEAD = 10, 20  # due dates of the open deadlines in the window, days from today
CHUNK = 2_000  # cases per transaction
POLICY = ReminderPolicy()  # the sweeps' (bench/scale_sweep.py)
CHAT_BASE = 700_000  # the template reporters' chats
OPEN_IN_WINDOW, OPEN_BEYOND = 0.20, 0.10


@dataclass(frozen=True)
class Shape:
    """One kind of clone: its template, state, and deadlines (open kind, met kinds)."""

    name: str
    named: bool
    state: CaseState
    open_kind: DeadlineKind | None
    met: tuple[DeadlineKind, ...]
    assigned: bool
    channel: str = "telegram"


IN_WINDOW = (
    Shape("anonymous, received", False, CaseState.RECEIVED, D.REGISTER_AND_ROUTE, (), False),
    Shape(
        "named, in disposal",
        True,
        CaseState.DISPOSAL,
        D.LETTER_REPLY,
        (D.REGISTER_AND_ROUTE, D.ACCEPTANCE_NOTICE),
        True,
    ),
    Shape(
        "named, concluded",
        True,
        CaseState.CONCLUDED,
        D.RESULT_FEEDBACK,
        (D.REGISTER_AND_ROUTE, D.ACCEPTANCE_NOTICE),
        True,
    ),
)
BEYOND = Shape("assigned by higher", True, CaseState.ASSIGNED, D.ASSIGNED_BY_HIGHER,
               (D.REGISTER_AND_ROUTE, D.ACCEPTANCE_NOTICE), True, "assigned_by_higher")  # fmt: skip
CLOSED = (
    Shape(
        "named, feedback given",
        True,
        CaseState.FEEDBACK_GIVEN,
        None,
        (D.REGISTER_AND_ROUTE, D.ACCEPTANCE_NOTICE, D.RESULT_FEEDBACK),
        True,
    ),
    Shape("anonymous, concluded", False, CaseState.CONCLUDED, None, (D.REGISTER_AND_ROUTE,), True),
)


@dataclass
class Built:
    cases: int = 0
    rows: int = 0
    seconds: float = 0.0
    in_window: int = 0  # open deadlines due on or before today + 20 days
    shapes: Counter[str] = field(default_factory=Counter)


def _reports() -> list[NewReport]:
    """The template filings: named and anonymous, a few different people reported."""
    out: list[NewReport] = []
    for i, (name, post) in enumerate((("张某某", "村党支部书记"), ("李某", "镇民政办主任"), ("王某某", "村委会主任"))):
        person = PersonReported(unit="临安区某镇某村村委会", region=REGION, name=name, post=post,
                                level=CadreLevel.VILLAGE)  # fmt: skip
        out.append(NewReport(report_type=ReportType.ACCUSATION, category=Category.MASSES, facts=FACTS,
                             persons=(person,), reporter=ReporterIdentity(name="刘举报", phone=f"1380013800{i}"),
                             chat_id=CHAT_BASE + 2 * i, locale="zh-CN"))  # fmt: skip
        out.append(NewReport(report_type=ReportType.ACCUSATION, category=Category.INTEGRITY, facts=FACTS,
                             persons=(person,), reporter=None, chat_id=CHAT_BASE + 2 * i + 1,
                             query_password="correct horse battery", notify_opt_in=True))  # fmt: skip
    return out


def _of(table: Any, case_id: int) -> Any:
    return select(table.__table__).where(table.case_id == case_id)


class Builder:
    """Clones the template filings into one database; ``add`` may be called again (more cases later)."""

    def __init__(self, app: App, clock: ManualClock, seed: int = 13) -> None:
        self.app, self.clock, self.rng = app, clock, random.Random(seed)
        self.cal: WorkCalendar = app.ctx.calendar
        self.today = app.ctx.today()
        self._due: dict[tuple[DeadlineKind, date], date] = {}
        self._fallback: dict[tuple[int, int], bool] = {}
        self.fingerprint = self.cal.fingerprint()
        self.templates: dict[bool, list[dict[str, Any]]] = {True: [], False: []}  # named → template bundles
        self.handlers: list[int] = []
        self.seq: Counter[int] = Counter()  # year → last case number used
        self.next_id: dict[str, int] = {}

    # -- dates ---------------------------------------------------------------------------------------------------
    def due(self, kind: DeadlineKind, trigger: date) -> date:
        key = (kind, trigger)
        if key not in self._due:
            self._due[key] = due_date(kind, trigger, self.cal)
        return self._due[key]

    def provisional(self, start: date, due: date) -> bool:
        """``cal.uses_fallback``, per pair of years (it asks the holiday library each time)."""
        key = (start.year, due.year)
        if key not in self._fallback:
            self._fallback[key] = self.cal.uses_fallback(start, due)
        return self._fallback[key]

    def triggers_by_offset(self, kind: DeadlineKind, lo: int, hi: int, back: int = 220) -> dict[int, list[date]]:
        """Trigger days (up to ``back`` days ago) whose due date falls ``lo``..``hi`` days from today, by offset."""
        out: dict[int, list[date]] = {}
        for days in range(back + 1):
            trigger = self.today - timedelta(days=days)
            offset = (self.due(kind, trigger) - self.today).days
            if lo <= offset <= hi:
                out.setdefault(offset, []).append(trigger)
        return out

    # -- templates -----------------------------------------------------------------------------------------------
    async def file_templates(self) -> None:
        """File the template reports through the product, then read their rows back as plain mappings."""
        for report in _reports():
            await self.app.filing.file_report(report)
        async with self.app.engine.connect() as conn:
            cases = (await conn.execute(select(CaseRow.__table__).order_by(CaseRow.id))).mappings().all()
            for case in cases:
                persons = (await conn.execute(_of(ReportedPersonRow, case["id"]))).mappings().all()
                contact = (await conn.execute(_of(ReporterContactRow, case["id"]))).mappings().one()
                event = (await conn.execute(_of(CaseEventRow, case["id"]))).mappings().first()
                bundle = {"case": dict(case), "persons": [dict(p) for p in persons], "contact": dict(contact),
                          "event": dict(event) if event else None}  # fmt: skip
                self.templates[bool(case["named"])].append(bundle)
            officers = (await conn.execute(select(OfficerRow.id, OfficerRow.roles).order_by(OfficerRow.id))).all()
            self.handlers = [o.id for o in officers if Role.HANDLER.value in o.roles]
            for year, value in (await conn.execute(select(CounterRow.name, CounterRow.value))).all():
                if year.startswith("case:"):
                    self.seq[int(year.split(":")[1])] = int(value)
            for table in (CaseRow, ReportedPersonRow, CaseEventRow, DeadlineRow):
                top = (await conn.execute(select(func.max(table.id)))).scalar()
                self.next_id[table.__tablename__] = int(top or 0) + 1

    def _id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    # -- the population ------------------------------------------------------------------------------------------
    def plan(self, n: int) -> list[tuple[Shape, date | None]]:
        """(shape, trigger of the open deadline) for n cases, shuffled: the in-window and beyond-window ones first
        chosen by their fractions, the rest closed."""
        window = {s.open_kind: self.triggers_by_offset(s.open_kind, -WINDOW_PAST, WINDOW_AHEAD) for s in IN_WINDOW
                  if s.open_kind is not None}  # fmt: skip
        beyond = self.triggers_by_offset(D.ASSIGNED_BY_HIGHER, WINDOW_AHEAD + 1, 400, back=180)
        n_window, n_beyond = round(n * OPEN_IN_WINDOW), round(n * OPEN_BEYOND)
        out: list[tuple[Shape, date | None]] = []
        for i in range(n_window):
            shape = IN_WINDOW[i % len(IN_WINDOW)]
            assert shape.open_kind is not None
            by_offset = window[shape.open_kind]
            out.append((shape, self.rng.choice(by_offset[self.rng.choice(sorted(by_offset))])))
        for _ in range(n_beyond):
            offsets = sorted(beyond)
            out.append((BEYOND, self.rng.choice(beyond[self.rng.choice(offsets)])))
        out += [(CLOSED[i % len(CLOSED)], None) for i in range(n - n_window - n_beyond)]
        self.rng.shuffle(out)
        return out

    def due_today(self, n: int) -> list[tuple[Shape, date | None]]:
        """n anonymous reports whose registration deadline (D7) falls due today."""
        triggers = self.triggers_by_offset(D.REGISTER_AND_ROUTE, 0, 0)[0]
        return [(IN_WINDOW[0], self.rng.choice(triggers)) for _ in range(n)]

    def _dated(self, shape: Shape, trigger: date | None) -> tuple[date, date | None]:
        """(received day, the open deadline's trigger day)."""
        if shape.open_kind is D.REGISTER_AND_ROUTE:
            assert trigger is not None
            return trigger, trigger
        if trigger is not None:  # received some weeks before the letter or the conclusion
            return trigger - timedelta(days=self.rng.randint(20, 90)), trigger
        first = date(self.today.year - 5, 1, 4)
        return first + timedelta(days=self.rng.randint(0, (self.today - first).days - 90)), None

    def _clone(self, shape: Shape, trigger: date | None, now: datetime) -> dict[str, list[dict[str, Any]]]:
        received_day, open_trigger = self._dated(shape, trigger)
        bundle = self.rng.choice(self.templates[shape.named])
        received = datetime(received_day.year, received_day.month, received_day.day, 2, 0, tzinfo=UTC)
        self.seq[received_day.year] += 1
        case_id = self._id("cases")
        case = dict(bundle["case"], id=case_id, number=case_number(received_day.year, self.seq[received_day.year]),
                    state=shape.state.value, channel=shape.channel, received_at=received, updated_at=received,
                    submission_key=None, receipt_code_enc=None,
                    assignee_id=self.rng.choice(self.handlers) if shape.assigned else None,
                    concluded_at=received + timedelta(days=40) if shape.open_kind is None else None)  # fmt: skip
        if not shape.named:
            case["query_code_index"] = self.app.vault.index("query_code", f"BENCH{case_id:012d}")
        rows: dict[str, list[dict[str, Any]]] = {"cases": [case], "reported_persons": [], "case_events": []}
        rows["reported_persons"] = [
            dict(p, id=self._id("reported_persons"), case_id=case_id) for p in bundle["persons"]
        ]
        rows["reporter_contacts"] = [dict(bundle["contact"], case_id=case_id)]
        if bundle["event"] is not None:
            rows["case_events"] = [dict(bundle["event"], id=self._id("case_events"), case_id=case_id, at=received)]
        fp = self.fingerprint
        deadlines: list[dict[str, Any]] = []
        for kind in shape.met:
            start = received_day + timedelta(days=40) if kind is D.RESULT_FEEDBACK else received_day
            due = self.due(kind, start)
            deadlines.append({"id": self._id("deadlines"), "case_id": case_id, "kind": kind.value,
                              "trigger_date": start, "due_date": due, "next_reminder_on": None,
                              "state": DeadlineState.MET.value,
                              "provisional": self.provisional(start, due), "calendar_fp": fp,
                              "created_at": received, "closed_at": received + timedelta(days=3)})  # fmt: skip
        if shape.open_kind is not None and open_trigger is not None:
            due = self.due(shape.open_kind, open_trigger)
            deadlines.append({"id": self._id("deadlines"), "case_id": case_id, "kind": shape.open_kind.value,
                              "trigger_date": open_trigger, "due_date": due, "state": DeadlineState.OPEN.value,
                              # as a sweep before left it: read from the day its first reminder is due
                              "next_reminder_on": first_reminder_day(due, self.cal, POLICY),
                              "provisional": self.provisional(open_trigger, due), "calendar_fp": fp,
                              "created_at": min(now, received + timedelta(days=(open_trigger - received_day).days)),
                              "closed_at": None})  # fmt: skip
        rows["deadlines"] = deadlines
        return rows

    async def add(self, planned: Iterable[tuple[Shape, date | None]], built: Built) -> None:
        """Insert the planned clones, CHUNK cases per transaction."""
        started, now = time.perf_counter(), self.clock.now()
        horizon = self.today + timedelta(days=WINDOW_AHEAD)
        batch: dict[str, list[dict[str, Any]]] = {}
        pending = 0
        for shape, trigger in planned:
            clone = self._clone(shape, trigger, now)
            for table, rows in clone.items():
                batch.setdefault(table, []).extend(rows)
            built.shapes[shape.name] += 1
            built.cases += 1
            built.in_window += any(d["state"] == "open" and d["due_date"] <= horizon for d in clone["deadlines"])
            pending += 1
            if pending == CHUNK:
                built.rows += await self._insert(batch)
                batch, pending = {}, 0
        if pending:
            built.rows += await self._insert(batch)
        await self._counters()
        built.seconds += time.perf_counter() - started

    async def _insert(self, batch: dict[str, list[dict[str, Any]]]) -> int:
        """One transaction; on PostgreSQL through COPY (asyncpg's ``copy_records_to_table``), else executemany."""
        tables = (CaseRow, ReportedPersonRow, ReporterContactRow, CaseEventRow, DeadlineRow)
        async with self.app.engine.begin() as conn:
            copy = None
            if conn.dialect.name == "postgresql":
                driver = (await conn.get_raw_connection()).driver_connection
                assert driver is not None
                copy = driver.copy_records_to_table
            for table in tables:
                rows = batch.get(table.__tablename__)
                if not rows:
                    continue
                if copy is None:
                    await conn.execute(insert(table), rows)
                else:
                    columns = list(rows[0])
                    await copy(table.__tablename__, records=[tuple(r[c] for c in columns) for r in rows],
                               columns=columns)  # fmt: skip
        return sum(len(v) for v in batch.values())

    async def _counters(self) -> None:
        """The yearly case-number counters continue after the clones (a new filing gets the next number)."""
        async with self.app.engine.begin() as conn:
            for year, value in self.seq.items():
                await conn.execute(delete(CounterRow).where(CounterRow.name == f"case:{year}"))
                await conn.execute(insert(CounterRow).values(name=f"case:{year}", value=value))
            if conn.dialect.name == "postgresql":  # ids were given explicitly: move the sequences past them
                for table in ("cases", "reported_persons", "case_events", "deadlines"):
                    await conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                            f"(SELECT max(id) FROM {table}))"))  # fmt: skip

    async def analyze(self) -> None:
        """PostgreSQL: statistics as autovacuum would soon have them after a bulk load (SQLite: none, as in use)."""
        if self.app.engine.dialect.name != "postgresql":
            return
        async with self.app.engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text("ANALYZE"))
