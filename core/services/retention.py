"""Retention: archived cases past the retention period keep their statistics and lose everything personal.

rules.md §1 and §9 leave the archive retention period unconfirmed ([U]): no rule text sets it, so the period is
a setting (``QINGFENG_RETENTION_DAYS``, five years by default) for the office to set to its own archive rules.

A purge erases: the reporter's identity, the facts (and their keyed sketch, core.similarity), other bodies
approached, the reported persons' names, units and posts (with their blind indexes), the closure report except its
findings, every event note (except the contentless notes of the filing and of evidence downloads), the reporter's
chat binding, the query code and password hash, messages to the reporter, and the evidence files (their rows keep
kind and size). It keeps: the number, type, category, channel, unit, dates, state history and who acted, disposal
method, findings, the clearing and assessment of an unconfirmed report (rules.md §10.4), satisfaction rating, and
the counts of evidence by kind.
A ``purge`` event records it. Urgent messages (rules.md
§8), which belong to no case, are erased once older than the period, with the officer pushes that quote them.

Each case is purged in its own transaction; files are deleted after the commit, and every run also deletes
any file of an already purged evidence row that is still on disk, so an interrupted run is finished by the next.
On SQLite the write-ahead log is checkpointed afterwards; erased pages are zeroed (``secure_delete``, see
core.persistence.db). On PostgreSQL old row versions stay in the data files until VACUUM reuses the space; they
hold ciphertext only, unreadable once the keys have been rotated (``qingfeng keys rotate --drop-old``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.actor import Actor
from core.crypto import Vault
from core.model import Action, CaseState, RecipientKind
from core.persistence import repository as repo
from core.persistence.orm import (
    ApprovalRow,
    CaseEventRow,
    CaseRow,
    EvidenceRow,
    OutboxRow,
    ReportedPersonRow,
    ReporterContactRow,
    UrgentEventRow,
    UrgentNoteRow,
)
from core.persistence.orm_repeats import CaseBucketRow, CaseSketchRow
from core.services import history
from core.services.context import CoreContext
from core.services.views import PurgeReport

#: Event notes that are fixed, contentless text written by the system, kept through a purge.
_KEEP_NOTES = (Action.FILE.value, Action.VIEW_EVIDENCE.value, Action.PURGE.value)
RULE = "retention [U]"


class RetentionService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def due(self, older_than_days: int) -> tuple[datetime, list[str]]:
        """The cutoff and the archived, not yet purged cases archived at or before it."""
        cutoff = self.ctx.now() - timedelta(days=older_than_days)
        archived_at = (
            select(CaseEventRow.case_id, func.max(CaseEventRow.at).label("at"))
            .where(CaseEventRow.action == Action.ARCHIVE.value)
            .group_by(CaseEventRow.case_id)
            .subquery()
        )
        async with self.ctx.uow() as uow:
            rows = await uow.session.execute(
                select(CaseRow.number)
                .join(archived_at, archived_at.c.case_id == CaseRow.id)
                .where(CaseRow.state == CaseState.ARCHIVED.value, CaseRow.purged_at.is_(None),
                       archived_at.c.at <= cutoff)
                .order_by(CaseRow.id)
            )  # fmt: skip
            return cutoff, list(rows.scalars())

    async def purge(self, actor: Actor, older_than_days: int, *, dry_run: bool = False) -> PurgeReport:
        if older_than_days < 0:
            raise ValueError("older_than_days must not be negative")
        cutoff, numbers = await self.due(older_than_days)
        if dry_run:
            return PurgeReport(cutoff, numbers, await self._file_count(numbers), dry_run=True)
        done: list[str] = []
        for number in numbers:
            if await self._purge_case(number, actor, older_than_days):
                done.append(number)
        files = await self._delete_purged_files()
        notes = await self._purge_urgent_notes(cutoff)
        await self._checkpoint()
        return PurgeReport(cutoff, done, files, dry_run=False, urgent_notes=notes)

    async def _purge_urgent_notes(self, cutoff: datetime) -> int:
        """Urgent messages (rules.md §8) belong to no case: they go by age, with the pushes that quoted them."""
        async with self.ctx.uow() as uow:
            s = uow.session
            ids = list((await s.execute(select(UrgentNoteRow.id).where(UrgentNoteRow.at <= cutoff))).scalars())
            for note_id in ids:
                await s.execute(delete(OutboxRow).where(OutboxRow.dedupe_key.like(f"urgent:{note_id}:%")))
            if ids:  # with what officers did about them: answers and notes quote the danger too
                old = select(UrgentNoteRow.id).where(UrgentNoteRow.at <= cutoff).scalar_subquery()
                await s.execute(delete(UrgentEventRow).where(UrgentEventRow.note_id.in_(old)))
                await s.execute(delete(UrgentNoteRow).where(UrgentNoteRow.at <= cutoff))
            await uow.commit()
        return len(ids)

    async def _file_count(self, numbers: list[str]) -> int:
        if not numbers:
            return 0
        async with self.ctx.uow() as uow:
            stmt = (
                select(func.count(EvidenceRow.id))
                .join(CaseRow, CaseRow.id == EvidenceRow.case_id)
                .where(CaseRow.number.in_(numbers))
            )
            return int((await uow.session.execute(stmt)).scalar_one())

    async def _purge_case(self, number: str, actor: Actor, days: int) -> bool:
        vault, now = self.ctx.vault, self.ctx.now()
        async with self.ctx.uow() as uow:
            s = uow.session
            case = await repo.case_by_number(s, number, lock=True)
            if case.state != CaseState.ARCHIVED.value or case.purged_at is not None:
                return False  # changed since it was listed: nothing to do
            _erase_case(case, await repo.persons_of(s, case), vault, now)
            await _erase_related(s, vault, case.id, now)
            history.record(s, vault, case, actor, Action.PURGE, now, rule=RULE, note=f"retention {days} days")
            await uow.commit()
            return True

    async def _delete_purged_files(self) -> int:
        """Delete the files of purged evidence rows still on disk (all of this run's, and any a crash left)."""
        async with self.ctx.uow() as uow:
            keys = list(
                (await uow.session.execute(select(EvidenceRow.storage_key).where(EvidenceRow.purged_at.is_not(None))))
                .scalars()
            )  # fmt: skip
        store, deleted = self.ctx.evidence, 0
        for key in keys:
            if store.exists(key):
                await store.delete(key)
                deleted += 1
        return deleted

    async def _checkpoint(self) -> None:
        async with self.ctx.uow() as uow:
            await repo.checkpoint(uow.session)


def _erase_case(case: CaseRow, persons: list[ReportedPersonRow], vault: Vault, now: datetime) -> None:
    findings: list[Any] = []
    if case.result_enc is not None:
        findings = [f.get("finding") for f in vault.dec_json(case.result_enc).get("findings", [])]
    case.reporter_enc = None
    case.facts_enc = vault.encrypt(b"")
    case.other_bodies_enc = None
    case.particulars_enc = None  # an appeal's decision, a suggestion's subject; the outcome stays for statistics
    case.result_enc = vault.enc_json({"findings": [{"finding": f} for f in findings]}) if case.result_enc else None
    case.query_code_index = None
    case.password_hash = None
    case.receipt_code_enc = None
    case.notify_opt_in = False
    case.purged_at = now
    for p in persons:
        p.name_enc, p.unit_enc, p.post_enc, p.name_index, p.unit_index = None, vault.encrypt(b""), None, None, None


async def _erase_related(s: AsyncSession, vault: Vault, case_id: int, now: datetime) -> None:
    await s.execute(delete(ReporterContactRow).where(ReporterContactRow.case_id == case_id))
    # the facts' keyed sketch goes with the facts (core.similarity); links and matches name no content
    await s.execute(delete(CaseSketchRow).where(CaseSketchRow.case_id == case_id))
    await s.execute(delete(CaseBucketRow).where(CaseBucketRow.case_id == case_id))
    await s.execute(
        update(EvidenceRow)
        .where(EvidenceRow.case_id == case_id)
        .values(original_name_enc=None, sha256="", purged_at=now)
    )
    await s.execute(
        update(CaseEventRow)
        .where(CaseEventRow.case_id == case_id, CaseEventRow.action.not_in(_KEEP_NOTES))
        .values(note_enc=None)
    )
    await s.execute(
        delete(OutboxRow).where(
            OutboxRow.recipient_kind == RecipientKind.REPORTER.value, OutboxRow.recipient_id == case_id
        )
    )
    await s.execute(update(UrgentNoteRow).where(UrgentNoteRow.case_id == case_id).values(text_enc=vault.encrypt(b"")))
    # approvals keep what was decided, by whom and when; their notes and reasons may quote the report
    await s.execute(update(ApprovalRow).where(ApprovalRow.case_id == case_id)
                    .values(params_enc=vault.enc_json({}), reason_enc=None))  # fmt: skip
