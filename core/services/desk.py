"""The officer's desk: an inbox of cases waiting for them, most urgent first, and a case card.

Who sees what is decided here, not in the bot: officers see their own unit's cases (plus cases being
transferred to it); handlers' inboxes hold what is assigned to them; reporter identity is shown only to the
roles rules.md §4.1 lets handle it (intake, supervisor), and every such view is written to the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from core.actor import Actor
from core.errors import NotFound, NotPermitted
from core.model import Action, ActorKind, CaseState, Role
from core.persistence import repository as repo
from core.persistence.orm import CaseRow, EvidenceRow
from core.services.context import CoreContext
from core.services.queries import CaseQueries, summaries
from core.services.views import CaseDetail, CaseSummary
from core.workflow import allowed_actions

#: Roles entitled to see a reporter's identity (rules.md §4.1: the 信访举报部门 keeps it; [U] leaders too).
IDENTITY_ROLES = frozenset({Role.INTAKE, Role.SUPERVISOR})

#: What waits for each role (in their unit): intake routes and answers, handlers handle, supervisors see all.
_INTAKE_STATES = (CaseState.RECEIVED, CaseState.REGISTERED, CaseState.ACCEPTED, CaseState.NOT_ACCEPTED,
                  CaseState.DUPLICATE, CaseState.CONCLUDED, CaseState.FEEDBACK_GIVEN)  # fmt: skip
_HANDLER_STATES = (CaseState.ASSIGNED, CaseState.DISPOSAL, CaseState.PARKED, CaseState.INVESTIGATION,
                   CaseState.REOPENED, CaseState.CONCLUDED)  # fmt: skip
PAGE_SIZE = 8


@dataclass(frozen=True)
class InboxPage:
    items: list[CaseSummary]
    page: int
    pages: int
    total: int


@dataclass(frozen=True)
class CaseCard:
    detail: CaseDetail
    actions: list[Action]
    identity_visible: bool


def _sort_key(c: CaseSummary) -> tuple[bool, date, str]:
    # Urgent first, then the nearest deadline (none: last), then the oldest case.
    return (not c.urgent, c.next_due or date.max, c.number)


class Desk:
    def __init__(self, ctx: CoreContext, queries: CaseQueries) -> None:
        self.ctx = ctx
        self.queries = queries

    async def inbox(self, actor: Actor, page: int = 0, page_size: int = PAGE_SIZE) -> InboxPage:
        _officer_only(actor, "inbox")
        async with self.ctx.uow() as uow:
            s = uow.session
            unit = actor.unit_id
            conditions = []
            if Role.SUPERVISOR in actor.roles:
                conditions.append(CaseRow.unit_id == unit)
            if Role.INTAKE in actor.roles:
                conditions.append((CaseRow.unit_id == unit) & CaseRow.state.in_([st.value for st in _INTAKE_STATES]))
                conditions.append(CaseRow.transfer_to_id == unit)
            if Role.HANDLER in actor.roles:
                conditions.append((CaseRow.assignee_id == actor.officer_id)
                                  & CaseRow.state.in_([st.value for st in _HANDLER_STATES]))  # fmt: skip
            if not conditions:
                return InboxPage([], 0, 0, 0)
            stmt = select(CaseRow).where(or_(*conditions), CaseRow.state != CaseState.ARCHIVED.value)
            rows = list((await s.execute(stmt)).scalars())
            items = sorted(await summaries(s, rows), key=_sort_key)
        pages = max(1, -(-len(items) // page_size))
        page = min(max(page, 0), pages - 1)
        return InboxPage(items[page * page_size : (page + 1) * page_size], page, pages, len(items))

    async def evidence_file(self, actor: Actor, number: str, evidence_id: int) -> tuple[str, str, bytes]:
        """(file name, MIME type, bytes) of one evidence file, decrypted in memory; the access is recorded."""
        _officer_only(actor, "evidence")
        vault = self.ctx.vault
        async with self.ctx.uow() as uow:
            s = uow.session
            case = await repo.case_by_number(s, number)
            item = await s.get(EvidenceRow, evidence_id)
            if item is None or item.case_id != case.id or item.purged_at is not None:
                raise NotFound("evidence", evidence_id)  # a purged file is gone (core.services.retention)
            if not _entitled_to_evidence(actor, case):
                raise NotPermitted("evidence", actor.label())
            repo.add_event(s, vault, case, at=self.ctx.now(), actor=actor.label(), officer_id=actor.officer_id,
                           action=Action.VIEW_EVIDENCE.value, from_state=None, to_state=None, rule="R-47",
                           note=f"evidence {evidence_id}")  # fmt: skip
            name, mime, key = vault.dec_text(item.original_name_enc) or "file", item.mime_type, item.storage_key
            await uow.commit()
        return name, mime, await self.ctx.evidence.get(key)

    async def card(self, actor: Actor, number: str, *, with_identity: bool = False) -> CaseCard:
        """The card of a case the officer may work on; identity only when asked for and entitled (audited)."""
        _officer_only(actor, "view")
        async with self.ctx.uow() as uow:
            case = await repo.case_by_number(uow.session, number)
            unit_ok = actor.unit_id in (case.unit_id, case.transfer_to_id)
            if not unit_ok:
                raise NotPermitted("view", actor.label())
            state = CaseState(case.state)
        detail = await self.queries.case_detail(number)
        entitled = bool(IDENTITY_ROLES & actor.roles) and detail.summary.named and detail.purged_at is None
        if with_identity and entitled:
            reporter = await self.queries.reporter_identity(number, actor)
            detail = CaseDetail(**{**detail.__dict__, "reporter": reporter})
        return CaseCard(detail, allowed_actions(state, actor), entitled)


def _entitled_to_evidence(actor: Actor, case: CaseRow) -> bool:
    """Evidence is for the unit's intake and supervisors and for the assigned handler (rules.md §4.1)."""
    if actor.unit_id != case.unit_id:
        return False
    return bool(IDENTITY_ROLES & actor.roles) or case.assignee_id == actor.officer_id


def _officer_only(actor: Actor, what: str) -> None:
    if actor.kind is not ActorKind.OFFICER:
        raise NotPermitted(what, actor.label())
