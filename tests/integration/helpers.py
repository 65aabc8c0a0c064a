"""Reading the database behind the services' backs, to check what they really stored; Trail checks each action's
audit event."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from core.actor import Actor
from core.calendar.deadlines import DeadlineKind
from core.clock import ManualClock
from core.model import CaseState
from core.persistence.orm import CaseEventRow, CaseRow, DeadlineRow, OutboxRow, ReporterContactRow
from qingfeng.app import App


@dataclass(frozen=True)
class Event:
    id: int
    at: datetime
    actor: str
    officer_id: int | None
    action: str
    from_state: str | None
    to_state: str | None
    rule: str
    note: str


@dataclass(frozen=True)
class Deadline:
    id: int
    kind: str
    trigger_date: date
    due_date: date
    state: str
    provisional: bool
    calendar_fp: str
    closed_at: datetime | None
    next_reminder_on: date | None


@dataclass(frozen=True)
class Message:
    id: int
    recipient_kind: str
    recipient_id: int
    template: str
    params: dict[str, Any]
    status: str
    attempts: int
    next_try_at: datetime
    last_error: str | None
    sent_at: datetime | None


async def case_row(app: App, number: str) -> CaseRow:
    async with app.ctx.uow() as uow:
        row = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        uow.session.expunge(row)  # keep the loaded values: leaving the unit of work rolls back and expires
        return row


async def contact_row(app: App, case_id: int) -> ReporterContactRow | None:
    async with app.ctx.uow() as uow:
        row = await uow.session.get(ReporterContactRow, case_id)
        if row is not None:
            uow.session.expunge(row)
        return row


async def events(app: App, number: str) -> list[Event]:
    vault = app.vault
    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        rows = (
            await uow.session.execute(
                select(CaseEventRow).where(CaseEventRow.case_id == case.id).order_by(CaseEventRow.id)
            )
        ).scalars()
        return [
            Event(
                r.id,
                r.at,
                r.actor,
                r.officer_id,
                r.action,
                r.from_state,
                r.to_state,
                r.rule,
                vault.dec_text(r.note_enc) or "",
            )
            for r in rows
        ]


async def deadlines(app: App, number: str | None = None) -> list[Deadline]:
    async with app.ctx.uow() as uow:
        stmt = select(DeadlineRow).order_by(DeadlineRow.id)
        if number is not None:
            stmt = stmt.join(CaseRow, CaseRow.id == DeadlineRow.case_id).where(CaseRow.number == number)
        rows = (await uow.session.execute(stmt)).scalars()
        return [
            Deadline(
                r.id,
                r.kind,
                r.trigger_date,
                r.due_date,
                r.state,
                r.provisional,
                r.calendar_fp,
                r.closed_at,
                r.next_reminder_on,
            )
            for r in rows
        ]


async def outbox(app: App) -> list[Message]:
    vault = app.vault
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(select(OutboxRow).order_by(OutboxRow.id))).scalars()
        return [
            Message(
                r.id,
                r.recipient_kind,
                r.recipient_id,
                r.template,
                vault.dec_json(r.params_enc),
                r.status,
                r.attempts,
                r.next_try_at,
                r.last_error,
                r.sent_at,
            )
            for r in rows
        ]


async def count(app: App, model: type) -> int:
    async with app.ctx.uow() as uow:
        return int((await uow.session.execute(select(func.count()).select_from(model))).scalar_one())


async def db_snapshot(app: App) -> dict[str, Any]:
    """Everything a case transition may touch, for "nothing changed" assertions."""
    async with app.ctx.uow() as uow:
        s = uow.session
        cases = [
            (c.number, c.state, c.unit_id, c.assignee_id, c.transfer_to_id, c.duplicate_of_id, c.updated_at)
            for c in (await s.execute(select(CaseRow).order_by(CaseRow.id))).scalars()
        ]
    return {
        "cases": cases,
        "events": [e for c in cases for e in await events(app, c[0])],
        "deadlines": await deadlines(app),
        "outbox": await outbox(app),
    }


class Trail:
    """Runs one action and checks that exactly one audit event was appended, with the right content."""

    def __init__(self, app: App, clock: ManualClock, number: str) -> None:
        self.app, self.clock, self.number = app, clock, number

    async def step(
        self,
        call: Callable[[], Awaitable[CaseState]],
        actor: Actor,
        action: str,
        source: CaseState,
        target: CaseState,
        rule: str,
        note: str = "",
        approver: Actor | None = None,
    ) -> Event:
        """``approver``: the leader who approved the step (issue 15): their approval is the event before it."""
        before = await events(self.app, self.number)
        result = await call()
        assert result is target
        after = await events(self.app, self.number)
        assert len(after) == len(before) + 1 + (approver is not None), "one event per action (and its approval)"
        if approver is not None:
            approval = after[-2]
            assert (approval.action, approval.officer_id, approval.at) == ("approve", approver.officer_id,
                                                                             self.clock.now())  # fmt: skip
        assert after[: len(before)] == before, "earlier events are never changed"
        ev = after[-1]
        assert ev.actor == actor.label()
        assert ev.actor == ("citizen" if actor.officer_id is None else f"officer:{actor.officer_id}")
        assert ev.officer_id == actor.officer_id
        assert (ev.action, ev.from_state, ev.to_state, ev.rule) == (action, source.value, target.value, rule)
        assert ev.at == self.clock.now()
        if note:
            assert ev.note == note
        assert (await case_row(self.app, self.number)).state == target.value
        return ev


def by_kind(rows: list, kind: DeadlineKind) -> list:
    return [r for r in rows if r.kind == kind.value]
