"""The case as the workflow sees it (``core.workflow.CaseSnapshot``), loaded from its rows: for a step
(``core.services.cases``) and for the buttons of its card (``core.services.desk``), so both ask the same."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.calendar.deadlines import REPORT_BACK, DeadlineKind
from core.crypto import Vault
from core.model import Action, AppealedDecision, CaseState, Channel, DeadlineState, FollowUp, ReportType
from core.persistence.orm import CaseRow, DeadlineRow
from core.workflow import CaseSnapshot


async def case_snapshot(s: AsyncSession, vault: Vault, case: CaseRow) -> CaseSnapshot:
    """What the workflow asks of a stored case (core.workflow.CaseSnapshot): for a step, and for the card's buttons."""
    return CaseSnapshot(CaseState(case.state), case.named, ReportType(case.report_type), Channel(case.channel),
                        report_due=await _report_due(s, case), appealed=_appealed(vault, case),
                        challenge=Action(case.challenge) if case.challenge else None,
                        confirmed=case.confirmed_at is not None,
                        follow_up=FollowUp(case.follow_up) if case.follow_up else None,
                        joined=await _joined_named(s, case))  # fmt: skip


async def _joined_named(s: AsyncSession, case: CaseRow) -> bool:
    """Whether a named reporter's duplicate is joined to the case: owed its result (R-14, D4; issue 15 item 8)."""
    query = select(CaseRow.id).where(CaseRow.duplicate_of_id == case.id, CaseRow.named).limit(1)
    return (await s.execute(query)).first() is not None


async def _report_due(s: AsyncSession, case: CaseRow) -> bool:
    """Whether the unit holding the case owes a 报结 (rules.md §10.3): an open deadline of a report-back kind —
    except the one its sender awaits once the case was taken in here, which is the sender's to record."""
    kinds = [k.value for k in REPORT_BACK if not (k is DeadlineKind.TRANSFER_RESULT and followed_elsewhere(case))]
    query = select(DeadlineRow.id).where(DeadlineRow.case_id == case.id,
                                         DeadlineRow.state == DeadlineState.OPEN.value,
                                         DeadlineRow.kind.in_(kinds)).limit(1)  # fmt: skip
    return (await s.execute(query)).first() is not None


def followed_elsewhere(case: CaseRow) -> bool:
    """Another unit sent this case down and still awaits its result (§10.3)."""
    return (case.follow_up == FollowUp.AWAITING.value and case.followed_by_id is not None
            and case.followed_by_id != case.unit_id)  # fmt: skip


def _appealed(vault: Vault, case: CaseRow) -> AppealedDecision | None:
    """An appeal's kind of decision (its answer deadline, D12/D14), from the particulars stored at filing."""
    if case.report_type != ReportType.APPEAL or case.particulars_enc is None:
        return None
    kind = vault.dec_json(case.particulars_enc).get("kind")
    return AppealedDecision(kind) if kind in AppealedDecision.__members__.values() else None
