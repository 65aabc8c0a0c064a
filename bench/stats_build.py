"""Cases for ``bench/stats.py``: N reports over two years with a realistic mix, inserted in bulk.

Each case has the rows the figures read, as the services would have written them: the case (channel, type,
category, state, unit, dates, disposal, rating, follow-up), its persons (level, region, a blind name index drawn
from a pool, so that some persons are reported again), the steps of its history (filing, the intake decision,
disposal, conclusion, feedback, rating, objection) and its deadlines (D7, D3 for named reports, D4 after a named
conclusion, D15 for 交办, the 报结 of a transfer down), due by the product's ``due_date`` on its calendar and met,
cancelled or still open. Content is one encrypted placeholder: the figures never read it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from core.calendar.deadlines import DeadlineKind as D
from core.calendar.deadlines import due_date
from core.calendar.workdays import WorkCalendar
from core.model import Action as A
from core.model import CadreLevel, CaseState, Category, Channel, DisposalMethod, FollowUp, ReferTo, Satisfaction
from core.persistence.orm import CaseEventRow, CaseRow, DeadlineRow, OfficerRow, ReportedPersonRow, UnitRow
from qingfeng.app import App

S = CaseState
CHUNK = 2000
NAMES = 150_000  # the pool of persons' blind name indexes: about a quarter of the reports name someone again
TZ_OFFSET = timedelta(hours=8)  # Beijing: the generator's dates are local days

CHANNELS = [(Channel.TELEGRAM, 40), (Channel.PHONE, 15), (Channel.LETTER, 20), (Channel.VISIT, 10),
            (Channel.WEB, 10), (Channel.TRANSFER, 3), (Channel.ASSIGNED_BY_HIGHER, 2)]  # fmt: skip
LEVELS = [(CadreLevel.VILLAGE, 35), (CadreLevel.TOWNSHIP_SECTION, 25), (CadreLevel.STAFF, 20),
          (CadreLevel.SOE_MANAGER, 8), (CadreLevel.INSTITUTION_MANAGER, 7), (CadreLevel.OTHER, 5)]  # fmt: skip
METHODS = [(DisposalMethod.TALK_OR_LETTER, 30), (DisposalMethod.PRELIMINARY_CHECK, 35), (DisposalMethod.CLOSE, 20),
           (DisposalMethod.PARK, 10), (DisposalMethod.INVESTIGATE, 5)]  # fmt: skip
RATINGS = [(Satisfaction.SATISFIED, 60), (Satisfaction.FAIRLY, 25), (Satisfaction.DISSATISFIED, 15)]


def pick(rng: random.Random, weighted: list[tuple[Any, int]]) -> Any:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


@dataclass
class Rows:
    cases: list[dict[str, Any]] = field(default_factory=list)
    persons: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    deadlines: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Builder:
    cal: WorkCalendar
    units: dict[str, tuple[int, str]]  # code -> (id, region)
    officers: dict[int, int]  # unit id -> an officer of it
    facts: bytes
    fp: str
    now: datetime
    rng: random.Random = field(default_factory=lambda: random.Random(17))
    next_ids: dict[str, int] = field(default_factory=lambda: {"case": 0, "person": 0, "event": 0, "deadline": 0})
    seq: dict[int, int] = field(default_factory=dict)

    def _id(self, kind: str) -> int:
        self.next_ids[kind] += 1
        return self.next_ids[kind]

    def _day(self, moment: datetime) -> date:
        return (moment + TZ_OFFSET).date()

    def _event(self, rows: Rows, case_id: int, at: datetime, action: A, unit_id: int, to: S | None) -> None:
        rows.events.append({"id": self._id("event"), "case_id": case_id, "at": at, "actor": "officer",
                            "officer_id": self.officers.get(unit_id), "action": action.value, "from_state": None,
                            "to_state": to.value if to else None, "rule": "", "note_enc": None,
                            "public": False})  # fmt: skip

    def _deadline(self, rows: Rows, case_id: int, kind: D, trigger: datetime, closed: datetime | None,
                  cancelled: bool = False, due: date | None = None) -> None:  # fmt: skip
        day = self._day(trigger)
        due = due or due_date(kind, day, self.cal)
        done = closed is not None and closed <= self.now
        rows.deadlines.append({"id": self._id("deadline"), "case_id": case_id, "kind": kind.value,
                               "trigger_date": day, "due_date": due, "next_reminder_on": None,
                               "state": ("cancelled" if cancelled else "met") if done else "open",
                               "provisional": False, "calendar_fp": self.fp, "created_at": trigger,
                               "closed_at": closed if done else None})  # fmt: skip

    def case(self, rows: Rows, received: datetime) -> None:
        rng, now = self.rng, self.now
        cid = self._id("case")
        code = pick(rng, [("LA", 60), ("XH", 25), ("HZ", 15)])
        unit_id, region = self.units[code]
        channel = pick(rng, CHANNELS)
        kind = pick(rng, [("accusation", 90), ("appeal", 5), ("suggestion", 5)])
        named = rng.random() < 0.5
        year = self._day(received).year
        self.seq[year] = self.seq.get(year, 0) + 1
        case: dict[str, Any] = {
            "id": cid, "number": f"XF-{year}-{self.seq[year]:06d}", "unit_id": unit_id, "report_type": kind,
            "named": named, "channel": channel.value, "urgent": False, "locale": "zh-CN", "notify_opt_in": False,
            "facts_enc": self.facts, "received_at": received, "updated_at": received, "recused_officer_ids": [],
            "category": pick(rng, [(c, 1) for c in Category]).value if kind == "accusation" else None,
            "state": S.RECEIVED.value, "duplicate_of_id": None, "transfer_to_id": None, "followed_by_id": None,
            "follow_up": None, "disposal_method": None, "refer_to": None, "satisfaction": None,
            "concluded_at": None, "assignee_id": None,
        }  # fmt: skip
        rows.cases.append(case)
        for position in range(1 if rng.random() < 0.85 else 2):
            rows.persons.append({"id": self._id("person"), "case_id": cid, "position": position, "name_enc": None,
                                 "unit_enc": self.facts, "post_enc": None, "level": pick(rng, LEVELS).value,
                                 "region": region, "party": "unknown",
                                 "name_index": f"p{rng.randrange(NAMES):06d}"})  # fmt: skip
        self._event(rows, cid, received, A.FILE, unit_id, S.RECEIVED)
        decided = received + timedelta(days=rng.uniform(0.5, 20))
        routing_closed = decided if decided <= now else None
        self._deadline(rows, cid, D.REGISTER_AND_ROUTE, received, routing_closed)
        if decided > now:
            if named:
                self._deadline(rows, cid, D.ACCEPTANCE_NOTICE, received, None)
            return
        decision = pick(rng, [(A.ACCEPT, 70), (A.NOT_ACCEPT, 12), (A.MARK_DUPLICATE, 8), (A.TRANSFER_UP, 5),
                              (A.TRANSFER_DOWN, 5)])  # fmt: skip
        if channel is Channel.ASSIGNED_BY_HIGHER:
            decision = A.ACCEPT
        if named:  # D3: met by the decision, cancelled for a duplicate, with the case on a transfer
            self._deadline(rows, cid, D.ACCEPTANCE_NOTICE, received, decided, cancelled=decision is A.MARK_DUPLICATE)
        state = {A.ACCEPT: S.ACCEPTED, A.NOT_ACCEPT: S.NOT_ACCEPTED, A.MARK_DUPLICATE: S.DUPLICATE,
                 A.TRANSFER_UP: S.TRANSFERRED_UP, A.TRANSFER_DOWN: S.TRANSFERRED_DOWN}[decision]  # fmt: skip
        self._event(rows, cid, decided, decision, unit_id, state)
        case["state"] = state.value
        if decision is A.NOT_ACCEPT:
            case["refer_to"] = pick(rng, [(r, 1) for r in ReferTo]).value if rng.random() < 0.9 else None
        elif decision is A.MARK_DUPLICATE and cid > 1:
            case["duplicate_of_id"] = rng.randrange(max(1, cid - 5000), cid)
        elif decision is A.TRANSFER_UP:
            case["transfer_to_id"] = self.units["HZ"][0] if code != "HZ" else None
            case["state"] = S.TRANSFERRED_UP.value if code != "HZ" else S.ARCHIVED.value
        elif decision is A.TRANSFER_DOWN:
            target = self.units["XH" if code != "XH" else "LA"][0]
            case.update(transfer_to_id=target, followed_by_id=unit_id, follow_up=FollowUp.AWAITING.value)
            result = decided + timedelta(days=rng.uniform(30, 240))
            self._deadline(rows, cid, D.TRANSFER_RESULT, decided, result)
            if result <= now:
                case.update(follow_up=FollowUp.REPORTED.value, transfer_to_id=None, unit_id=target,
                            state=S.CONCLUDED.value, concluded_at=result)  # fmt: skip
        if decision is not A.ACCEPT:
            if decision in (A.NOT_ACCEPT, A.MARK_DUPLICATE) and decided + timedelta(days=30) <= now:
                case["state"] = S.ARCHIVED.value
            return
        self._accepted(rows, case, decided)

    def _accepted(self, rows: Rows, case: dict[str, Any], accepted: datetime) -> None:
        rng, now, cid, unit_id = self.rng, self.now, case["id"], case["unit_id"]
        case["state"] = S.ASSIGNED.value
        report_back = accepted + timedelta(days=rng.uniform(40, 220))
        if case["channel"] == Channel.ASSIGNED_BY_HIGHER.value:
            due = self.cal.add_months(self._day(case["received_at"]), 6)
            self._deadline(rows, cid, D.ASSIGNED_BY_HIGHER, case["received_at"], report_back, due=due)
        disposed = accepted + timedelta(days=rng.uniform(3, 30))
        if disposed > now:
            return
        method = pick(rng, METHODS)
        steps = {DisposalMethod.PARK: A.PARK, DisposalMethod.INVESTIGATE: A.SEND_TO_INVESTIGATION}
        action = steps.get(method, A.DISPOSE)
        state = {A.PARK: S.PARKED, A.SEND_TO_INVESTIGATION: S.INVESTIGATION}.get(action, S.DISPOSAL)
        self._event(rows, cid, disposed, action, unit_id, state)
        case.update(state=state.value, disposal_method=method.value)
        if method is DisposalMethod.PARK:
            return
        concluded = disposed + timedelta(days=rng.uniform(5, 150))
        if concluded > now:
            return
        self._event(rows, cid, concluded, A.CONCLUDE, unit_id, S.CONCLUDED)
        case.update(state=S.CONCLUDED.value, concluded_at=concluded)
        if not case["named"]:
            return
        feedback = concluded + timedelta(days=rng.uniform(1, 28))
        self._deadline(rows, cid, D.RESULT_FEEDBACK, concluded, feedback)
        if feedback > now:
            return
        self._event(rows, cid, feedback, A.GIVE_FEEDBACK, unit_id, S.FEEDBACK_GIVEN)
        case["state"] = S.FEEDBACK_GIVEN.value
        rated = feedback + timedelta(days=rng.uniform(0.1, 10))
        if rng.random() < 0.6 and rated <= now:
            rating = pick(rng, RATINGS)
            self._event(rows, cid, rated, A.RATE, unit_id, None)
            case["satisfaction"] = rating.value
        if rng.random() < 0.05 and rated + timedelta(days=2) <= now:
            self._event(rows, cid, rated + timedelta(days=2), A.OBJECT, unit_id, S.LEADER_REVIEW)
            case["state"] = S.LEADER_REVIEW.value
        elif feedback + timedelta(days=60) <= now:
            case["state"] = S.ARCHIVED.value


def receipts(n: int, first: date, last: date, rng: random.Random) -> Iterator[datetime]:
    """N receipt times spread over ``first``..``last`` (local days), in order, mostly in office hours."""
    span = (last - first).days + 1
    days = sorted(rng.randrange(span) for _ in range(n))
    for d in days:
        local = datetime(first.year, first.month, first.day) + timedelta(days=d, hours=rng.uniform(7, 22))
        yield (local - TZ_OFFSET).replace(tzinfo=UTC)


async def build(app: App, n: int, first: date, last: date, now: datetime, say: Any) -> dict[str, int]:
    """Insert N cases received over ``first``..``last``; return the row counts."""
    async with app.ctx.uow() as uow:
        units = {u.code: (u.id, u.region) for u in (await uow.session.execute(select(UnitRow))).scalars()}
        officers: dict[int, int] = {}
        for officer in (await uow.session.execute(select(OfficerRow).order_by(OfficerRow.id))).scalars():
            officers.setdefault(officer.unit_id, officer.id)
    b = Builder(app.ctx.calendar, units, officers, app.vault.encrypt(b"-"), app.ctx.calendar.fingerprint(), now)
    totals = {"cases": 0, "persons": 0, "events": 0, "deadlines": 0}
    rows = Rows()
    for i, received in enumerate(receipts(n, first, last, b.rng), 1):
        b.case(rows, received)
        if i % CHUNK == 0 or i == n:
            await _insert(app, rows, totals)
            rows = Rows()
            if i % (CHUNK * 10) == 0 or i == n:
                say(f"  {i} cases inserted")
    return totals


async def _insert(app: App, rows: Rows, totals: dict[str, int]) -> None:
    # duplicates may point forward within a chunk: cases first, in id order, in one statement
    async with app.engine.begin() as conn:
        for table, items, name in (
            (CaseRow, rows.cases, "cases"),
            (ReportedPersonRow, rows.persons, "persons"),
            (CaseEventRow, rows.events, "events"),
            (DeadlineRow, rows.deadlines, "deadlines"),
        ):
            if items:
                await conn.execute(insert(table), items)
                totals[name] += len(items)  # fmt: skip
