"""Reads and writes shared by the services. Only core services call these, always inside a unit of work."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.calendar.deadlines import DeadlineKind, due_date
from core.calendar.workdays import WorkCalendar
from core.crypto import Vault
from core.errors import NotFound
from core.jurisdiction import UnitInfo
from core.model import CadreLevel, DeadlineState, OutboxStatus, RecipientKind, Role, UnitLevel
from core.persistence.orm import (
    CaseRow,
    CounterRow,
    DeadlineRow,
    EvidenceRow,
    OfficerRow,
    OutboxRow,
    ReportedPersonRow,
    UnitRow,
)
from core.recusal import StaffMember
from core.reports import StagedEvidence
from core.text import clean_file_name, clean_mime


async def next_value(session: AsyncSession, name: str) -> int:
    """Atomically increment a named counter (one row per year for case numbers)."""
    for _ in range(5):
        result = await session.execute(
            update(CounterRow)
            .where(CounterRow.name == name)
            .values(value=CounterRow.value + 1)
            .returning(CounterRow.value)
        )
        value = result.scalar_one_or_none()
        if value is not None:
            return int(value)
        try:
            async with session.begin_nested():
                session.add(CounterRow(name=name, value=1))
            return 1
        except IntegrityError:
            continue  # another transaction created it first; increment instead
    raise RuntimeError(f"counter {name} is contended")


async def case_by_number(session: AsyncSession, number: str, *, lock: bool = False) -> CaseRow:
    stmt = select(CaseRow).where(CaseRow.number == number.strip().upper())
    if lock:
        stmt = stmt.with_for_update()
    row = (await session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise NotFound("case", number)
    return row


async def persons_of(session: AsyncSession, case: CaseRow) -> list[ReportedPersonRow]:
    """The persons a case reports, in their order: loaded where they are read (a case card, the ledger, the
    retention purge), not with every case (``CaseRow.persons`` is ``lazy="raise"``: one statement less a step)."""
    query = select(ReportedPersonRow).where(ReportedPersonRow.case_id == case.id).order_by(ReportedPersonRow.position)
    return list((await session.execute(query)).scalars())


async def cases_by_numbers(session: AsyncSession, numbers: list[str]) -> list[CaseRow]:
    """The stored cases among these numbers (a short list: the candidates of one typed reference)."""
    if not numbers:
        return []
    return list((await session.execute(select(CaseRow).where(CaseRow.number.in_(numbers)))).scalars())


def open_deadline(
    session: AsyncSession,
    case: CaseRow,
    kind: DeadlineKind,
    trigger: date,
    cal: WorkCalendar,
    now: datetime,
    due: date | None = None,
) -> DeadlineRow:
    """Open a deadline of ``kind``, due by rules.md §2 or on ``due`` when a document sets it (a 交办函, §10.3)."""
    due = due or due_date(kind, trigger, cal)
    row = DeadlineRow(
        case_id=case.id,
        kind=kind.value,
        trigger_date=trigger,
        due_date=due,
        state=DeadlineState.OPEN.value,
        provisional=cal.uses_fallback(trigger, due),
        calendar_fp=cal.fingerprint(),
        created_at=now,
    )
    session.add(row)
    return row


async def close_deadlines(
    session: AsyncSession, case_id: int, kinds: Iterable[DeadlineKind] | None, state: DeadlineState, now: datetime
) -> None:
    """Close open deadlines of these kinds (all kinds when ``kinds`` is None)."""
    stmt = update(DeadlineRow).where(DeadlineRow.case_id == case_id, DeadlineRow.state == DeadlineState.OPEN.value)
    if kinds is not None:
        values = [k.value for k in kinds]
        if not values:
            return
        stmt = stmt.where(DeadlineRow.kind.in_(values))
    await session.execute(stmt.values(state=state.value, closed_at=now))


def outbox_values(
    vault: Vault,
    *,
    kind: RecipientKind,
    recipient_id: int,
    template: str,
    params: dict[str, Any],
    now: datetime,
    dedupe_key: str | None = None,
    delay: timedelta = timedelta(0),
) -> dict[str, Any]:
    """The columns of a new outbox row: :func:`enqueue` adds one, :func:`enqueue_many` inserts many."""
    return {
        "recipient_kind": kind.value,
        "recipient_id": recipient_id,
        "template": template,
        "params_enc": vault.enc_json(params),
        "status": OutboxStatus.PENDING.value,
        "attempts": 0,
        "next_try_at": now + delay,
        "dedupe_key": dedupe_key,
        "created_at": now,
    }


def enqueue(
    session: AsyncSession,
    vault: Vault,
    *,
    kind: RecipientKind,
    recipient_id: int,
    template: str,
    params: dict[str, Any],
    now: datetime,
    dedupe_key: str | None = None,
    delay: timedelta = timedelta(0),
) -> None:
    """Put a notification in the outbox, in the caller's transaction."""
    session.add(OutboxRow(**outbox_values(vault, kind=kind, recipient_id=recipient_id, template=template,
                                          params=params, now=now, dedupe_key=dedupe_key, delay=delay)))  # fmt: skip


async def enqueue_many(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Put many notifications (:func:`outbox_values`) in the outbox in one statement, in the caller's transaction:
    the ORM's flush inserts rows with a generated key one statement each on SQLite."""
    if rows:
        await session.execute(insert(OutboxRow), rows)


def add_evidence(
    session: AsyncSession, vault: Vault, case: CaseRow, items: Iterable[StagedEvidence], now: datetime
) -> None:
    """Link stored (encrypted) evidence files to a case: at filing, or with an objection's new evidence."""
    for item in items:
        session.add(
            EvidenceRow(
                case_id=case.id,
                kind=item.kind.value,
                original_name_enc=vault.enc_text(clean_file_name(item.original_name)),
                mime_type=clean_mime(item.mime_type),  # metadata from the sender: may be anything
                size=item.size,
                sha256=item.sha256,
                storage_key=item.storage_key,
                created_at=now,
            )
        )


def unit_info(row: UnitRow) -> UnitInfo:
    return UnitInfo(
        id=row.id,
        code=row.code,
        level=UnitLevel(row.level),
        region=row.region,
        handles=frozenset(CadreLevel(v) for v in row.handles_levels),
    )


async def units(session: AsyncSession) -> list[UnitRow]:
    return list((await session.execute(select(UnitRow).where(UnitRow.active).order_by(UnitRow.id))).scalars())


async def officer_ids_by_unit_role(session: AsyncSession) -> dict[tuple[int, str], list[int]]:
    """Active officers' ids per (unit id, role value), in id order — :func:`officers_with_role` for every unit
    at once, in one query of three columns: what a sweep reads once instead of once per reminder."""
    out: dict[tuple[int, str], list[int]] = {}
    rows = await session.execute(
        select(OfficerRow.id, OfficerRow.unit_id, OfficerRow.roles).where(OfficerRow.active).order_by(OfficerRow.id)
    )
    for officer_id, unit_id, roles in rows:
        for role in set(roles):
            out.setdefault((unit_id, role), []).append(officer_id)
    return out


async def staff(session: AsyncSession) -> list[StaffMember]:
    """Every active officer's id, unit and name: whom a report may name (core.recusal)."""
    rows = await session.execute(
        select(OfficerRow.id, OfficerRow.unit_id, OfficerRow.name).where(OfficerRow.active).order_by(OfficerRow.id)
    )
    return [StaffMember(i, unit_id, name) for i, unit_id, name in rows]


async def officers_with_role(session: AsyncSession, unit_id: int, roles: Iterable[Role]) -> list[OfficerRow]:
    wanted = {r.value for r in roles}
    rows = (
        await session.execute(
            select(OfficerRow).where(OfficerRow.unit_id == unit_id, OfficerRow.active).order_by(OfficerRow.id)
        )
    ).scalars()
    return [o for o in rows if wanted & set(o.roles)]


async def checkpoint(session: AsyncSession) -> None:
    """SQLite: copy the write-ahead log into the database file and empty it, so values just erased or
    re-encrypted do not linger in the log (free pages are zeroed by ``secure_delete``, core.persistence.db)."""
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


async def refresh_statistics(session: AsyncSession, table: str) -> None:
    """PostgreSQL: re-read the planner's statistics of ``table`` after many rows were added at once. Besides the
    numbers, this drops the plans PostgreSQL cached for statements on it: a sweep's statement planned while
    ``reminders_sent`` was empty was reused all day, scanning the whole table once per deadline."""
    if session.get_bind().dialect.name == "postgresql":  # SKIP_LOCKED: never waits on another ANALYZE, or autovacuum
        await session.execute(text(f"ANALYZE (SKIP_LOCKED) {table}"))
