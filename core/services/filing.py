"""Filing a report: validation, routing, case number, encrypted storage, first deadlines and notices."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from core.actor import Actor
from core.calendar.deadlines import DeadlineKind
from core.casenumbers import case_number
from core.crypto import Vault
from core.evidence.filetypes import check_file
from core.jurisdiction import belongs_higher, route
from core.model import Action, CaseState, EvidenceKind, RecipientKind, ReportType
from core.permissions import told_of_new_case
from core.persistence import office
from core.persistence import repository as repo
from core.persistence.orm import CaseRow, ReportedPersonRow, ReporterContactRow, UnitRow
from core.recusal import recuse
from core.reports import EvidenceUpload, NewReport, StagedEvidence
from core.scope import ready_classifier
from core.secrets_ import hash_password, new_query_code, normalise_code
from core.services import history, repeats
from core.services.context import CoreContext
from core.workflow import CaseSnapshot, filing_deadlines

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Receipt:
    """What the reporter gets back. ``query_code`` is shown once and stored as a keyed hash; with ``keep_code``
    it is also kept encrypted until the receipt is delivered (then erased)."""

    number: str
    unit_code: str
    query_code: str | None = None
    repeated: bool = False  # the submission key had already filed this case
    report_type: ReportType = ReportType.ACCUSATION  # the receipt's words fit the type (rules.md §10.1)


class FilingService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def stage_evidence(self, upload: EvidenceUpload) -> StagedEvidence:
        """Check a file (type by name and by content, size) and store it encrypted until the report is filed."""
        kind = await asyncio.to_thread(check_file, upload.original_name, upload.data)  # a 20 MB csv takes a while
        if kind is EvidenceKind.AUDIO and upload.kind is EvidenceKind.VOICE:
            kind = EvidenceKind.VOICE
        key = await self.ctx.evidence.put(upload.data)
        return StagedEvidence(
            kind, upload.original_name, upload.mime_type, len(upload.data), hashlib.sha256(upload.data).hexdigest(), key
        )

    async def discard_staged(self, staged: Iterable[StagedEvidence]) -> None:
        for item in staged:
            await self.ctx.evidence.delete(item.storage_key)

    async def file_report(self, report: NewReport, actor: Actor | None = None, *, keep_code: bool = False) -> Receipt:
        """Register a new report as a case in state ``received`` (rules.md §1) and start its clocks (§2).

        With a ``submission_key``, a second call (double tap, retry after a lost reply) returns the first
        receipt instead of filing again. With ``keep_code`` an anonymous reporter's query code is also kept,
        encrypted, in the same transaction as the case, until :meth:`receipt_delivered`: a receipt the chat did
        not get can then be shown again (issue 11, item 2), even after a crash right after filing.
        """
        report = report.validated()
        actor = actor or Actor.citizen()
        if report.submission_key and (earlier := await self._earlier(report.submission_key)):
            return earlier
        stored: list[str] = []
        try:
            for upload in report.evidence:
                stored.append(await self.ctx.evidence.put(upload.data))
            return await self._store(report, actor, stored, keep_code)
        except IntegrityError:
            for key in stored:
                await self.ctx.evidence.delete(key)
            if report.submission_key and (earlier := await self._earlier(report.submission_key)):
                return earlier
            raise
        except BaseException:
            for key in stored:
                await self.ctx.evidence.delete(key)
            raise

    async def _earlier(self, submission_key: str) -> Receipt | None:
        async with self.ctx.uow() as uow:
            row = (
                await uow.session.execute(
                    select(CaseRow.number, UnitRow.code, CaseRow.receipt_code_enc, CaseRow.report_type)
                    .join(UnitRow, UnitRow.id == CaseRow.unit_id)
                    .where(CaseRow.submission_key == submission_key)
                )
            ).first()
            if row is None:
                return None
            return Receipt(row[0], row[1], self.ctx.vault.dec_text(row[2]), repeated=True,
                           report_type=ReportType(row[3]))  # fmt: skip

    async def undelivered_receipt(self, submission_key: str) -> Receipt | None:
        """The receipt of that submission if its query code is still kept (not yet delivered), else None."""
        receipt = await self._earlier(submission_key)
        return receipt if receipt is not None and receipt.query_code else None

    async def receipt_delivered(self, submission_key: str) -> None:
        """The receipt reached the chat: the kept query code is erased (from here on, only its keyed hash)."""
        async with self.ctx.uow() as uow:
            await uow.session.execute(
                update(CaseRow)
                .where(CaseRow.submission_key == submission_key, CaseRow.receipt_code_enc.is_not(None))
                .values(receipt_code_enc=None)
            )
            await uow.commit()

    async def _store(self, report: NewReport, actor: Actor, storage_keys: list[str], keep_code: bool) -> Receipt:
        ctx, vault, now, today = self.ctx, self.ctx.vault, self.ctx.now(), self.ctx.today()
        code = None if report.named or report.query_password is None else new_query_code()
        # the facts' keyed sketch, made while the plaintext is in hand (core.similarity says why it may be stored)
        facts_sketch = repeats.fact_sketch(vault, (await ready_classifier()).tokens(report.facts))
        async with ctx.uow() as uow:
            s = uow.session
            unit_rows = await repo.units(s)
            infos = [repo.unit_info(u) for u in unit_rows]
            recused: tuple[int, ...] = ()
            moved_up = False
            if infos:
                home = await office.home_for_routing(s, ctx.home_unit, infos)
                # an appeal or a suggestion names nobody to place it by (rules.md §10.1): the office's home unit
                target = (route([p.level for p in report.persons], report.persons[0].region, infos, home)
                          if report.persons else home)  # fmt: skip
                # 回避 (XF-28 ¶3, JC-67): officers named in it step aside; their commission's case goes up
                recusal = recuse([p.name for p in report.persons if p.name], target, await repo.staff(s), infos,
                                 {u.id: u.parent_id for u in unit_rows})  # fmt: skip
                target, recused, moved_up = recusal.unit, recusal.officer_ids, recusal.moved_up
            else:  # no unit set up yet ('qingfeng run' refuses to start): kept for the first unit, never refused
                target = repo.unit_info(await office.unrouted_unit(s))
                log.warning("no unit is set up: the report is kept unrouted until one is ('qingfeng setup')")
            seq = await repo.next_value(s, f"case:{today.year}")
            reporter = report.reporter
            case = CaseRow(
                number=case_number(today.year, seq),
                unit_id=target.id,
                state=CaseState.RECEIVED.value,
                report_type=report.report_type.value,
                named=report.named,
                channel=report.channel.value,
                category=report.category.value if report.category else None,
                urgent=report.urgent,
                locale=report.locale,
                notify_opt_in=report.notify_opt_in,
                reporter_enc=vault.enc_json(reporter.__dict__) if reporter else None,
                facts_enc=vault.encrypt(report.facts.encode()),
                particulars_enc=_particulars(vault, report),
                other_bodies_enc=vault.enc_text(report.other_bodies) if report.other_bodies else None,
                scope_refer_to=report.scope_refer_to or None,
                scope_reason=report.scope_reason or None,
                query_code_index=vault.index("query_code", normalise_code(code)) if code else None,
                password_hash=hash_password(report.query_password) if code and report.query_password else None,
                receipt_code_enc=vault.enc_text(code) if code and keep_code and report.submission_key else None,
                received_at=now,
                submission_key=report.submission_key,
                recused_officer_ids=list(recused),
                updated_at=now,
            )
            case.persons = [
                ReportedPersonRow(
                    position=i,
                    name_enc=vault.enc_text(p.name) if p.name else None,
                    unit_enc=vault.encrypt(p.unit.encode()),
                    post_enc=vault.enc_text(p.post) if p.post else None,
                    level=p.level.value,
                    region=p.region,
                    party=p.party.value,
                    name_index=repeats.person_index(vault, p.name) if p.name else None,
                    unit_index=repeats.unit_index(vault, p.unit) if p.unit else None,
                )
                for i, p in enumerate(report.persons)
            ]
            s.add(case)
            await s.flush()
            await repeats.record_at_filing(s, case, facts_sketch)  # earlier reports it may repeat (issue 17)
            if report.chat_id is not None:
                s.add(
                    ReporterContactRow(
                        case_id=case.id,
                        chat_enc=vault.encrypt(str(report.chat_id).encode()),
                        chat_index=vault.index("chat", str(report.chat_id)) if report.named else None,
                    )
                )
            uploaded = [
                StagedEvidence(u.kind, u.original_name, u.mime_type, len(u.data), hashlib.sha256(u.data).hexdigest(), k)
                for u, k in zip(report.evidence, storage_keys, strict=True)
            ]
            repo.add_evidence(s, vault, case, [*uploaded, *report.staged], now)
            note = f"channel={report.channel.value}" + ("; recusal: routed to the level above" if moved_up else "")
            history.record(s, vault, case, actor, Action.FILE, now, rule="XF-28" if moved_up else "R-14", note=note,
                           public=True, change=(None, CaseState.RECEIVED))  # fmt: skip
            snapshot = CaseSnapshot(CaseState.RECEIVED, report.named, report.report_type, report.channel,
                                    appealed=report.appeal.kind if report.appeal else None)  # fmt: skip
            kinds = list(filing_deadlines(snapshot))
            if report.persons and belongs_higher(target, [p.level for p in report.persons]):
                kinds.append(DeadlineKind.TRANSFER_UP)  # D1: no competent unit here; send it up in 5 wd
            for kind in kinds:  # a 交办函's own period replaces D15 (rules.md §10.3)
                due = report.due_on if kind is DeadlineKind.ASSIGNED_BY_HIGHER else None
                repo.open_deadline(s, case, kind, today, ctx.calendar, now, due)
            for officer in await repo.officers_with_role(s, target.id, told_of_new_case(report.urgent)):
                if officer.id in recused:
                    continue
                repo.enqueue(
                    s,
                    vault,
                    kind=RecipientKind.OFFICER,
                    recipient_id=officer.id,
                    template="notify.officer.urgent_case" if report.urgent else "notify.officer.new_case",
                    params={"number": case.number},
                    now=now,
                )
            await uow.commit()
            # what an operator needs and nothing that identifies: no chat, no name, no facts
            log.info("case %s filed: %s, %s, %s, routed to %s", case.number, report.report_type.value,
                     "named" if report.named else "anonymous", report.channel.value, target.code)  # fmt: skip
            return Receipt(number=case.number, unit_code=target.code, query_code=code,
                           report_type=report.report_type)  # fmt: skip


def _particulars(vault: Vault, report: NewReport) -> bytes | None:
    """An appeal's contested decision, or a suggestion's subject (rules.md §10.1), encrypted like the facts."""
    if report.appeal is not None:
        a = report.appeal
        return vault.enc_json({"body": a.body, "decided_on": a.decided_on, "kind": a.kind.value,
                               "decision": a.decision, "doc_number": a.doc_number})  # fmt: skip
    if report.subject:
        return vault.enc_json({"subject": report.subject})
    return None
