"""Leaders' approvals, recorded (issue 15, rules.md §10.2 "由分管领导阅批", R-17).

When :func:`core.workflow.permit` says a step waits for a leader (``Permit.waits_for_leader``), the officer's step
is not taken: :func:`open_request` records it — the action and its answers, encrypted — and pushes it to the
unit's leaders with approve and decline buttons. The step happens only when a leader approves
(:meth:`ApprovalService.approve`): it is carried out as the requester's step (``CaseService.perform``), and the
approval (:func:`settle`), the approver and the time are written in the same transaction, in the case history and
so in the audit trail. A decline gives a reason, which the requester is told; they may ask again.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.actor import Actor
from core.closure import closure_from_record
from core.crypto import Vault
from core.errors import AlreadyDecided, GuardFailed, NotPermitted
from core.model import (
    Action,
    ActorKind,
    AppealOutcome,
    ApprovalState,
    CaseState,
    Channel,
    DisposalMethod,
    RecipientKind,
    ReferTo,
    ReportType,
    SuggestionOutcome,
)
from core.permissions import LEADERS, Verdict, is_leader
from core.persistence import repository as repo
from core.persistence.orm import ApprovalRow, CaseRow, OfficerRow, UnitRow
from core.services import history
from core.services.access import fresh_officer, officer_case
from core.services.context import CoreContext
from core.services.views import ApprovalView
from core.workflow import LEADER_DECIDES, ActionInput, permit

if TYPE_CHECKING:
    from core.services.cases import CaseService

PUSH = "notify.officer.approval_requested"  # to each leader of the unit, with approve / decline buttons
INBOX_MAX = 20  # pending requests shown at the top of a leader's inbox


def _params(inp: ActionInput) -> dict[str, Any]:
    """The answers of a step that needs approval (which steps: core.workflow.LEADER_DECIDES): a disposal's method,
    a referral, a transfer's unit, an appeal's or a suggestion's outcome (§10.1), an extension's new date (§10.3)."""
    return {"note": inp.note, "method": inp.method.value if inp.method else None,
            "refer_to": inp.refer_to.value if inp.refer_to else None, "target_unit_id": inp.target_unit_id,
            "lacks_facts": inp.lacks_facts, "outcome": inp.outcome.value if inp.outcome else None,
            "due_on": inp.due_on.isoformat() if inp.due_on else None,
            "closure": dataclasses.asdict(inp.closure) if inp.closure else None}  # fmt: skip


#: An outcome's kind, by the step that gives it.
_OUTCOMES: dict[Action, type[AppealOutcome] | type[SuggestionOutcome]] = {
    Action.DECIDE_APPEAL: AppealOutcome, Action.ANSWER_SUGGESTION: SuggestionOutcome}  # fmt: skip


def _input(action: Action, p: dict[str, Any]) -> ActionInput:
    outcome = _OUTCOMES[action](p["outcome"]) if p.get("outcome") and action in _OUTCOMES else None
    return ActionInput(note=p.get("note") or "", method=DisposalMethod(p["method"]) if p.get("method") else None,
                       refer_to=ReferTo(p["refer_to"]) if p.get("refer_to") else None,
                       target_unit_id=p.get("target_unit_id"), lacks_facts=bool(p.get("lacks_facts")),
                       outcome=outcome, closure=closure_from_record(p["closure"]) if p.get("closure") else None,
                       due_on=date.fromisoformat(p["due_on"]) if p.get("due_on") else None)  # fmt: skip


def _outcome_key(action: str, p: dict[str, Any]) -> str | None:
    """The label key of the outcome a request carries (an appeal's or a suggestion's answer, a conclusion's
    finding), if any."""
    kind = _OUTCOMES.get(Action(action))
    findings = (p.get("closure") or {}).get("findings")
    if findings:  # a conclusion: its (first) finding, e.g. 部分属实 (§7.1 item 1)
        return f"enum.Finding.{findings[0]['finding']}"
    return f"enum.{kind.__name__}.{p['outcome']}" if kind and p.get("outcome") else None


def _rule(action: Action) -> str:
    return LEADER_DECIDES[action][1] if action in LEADER_DECIDES else ""


async def open_request(
    s: AsyncSession, vault: Vault, case: CaseRow, action: Action, actor: Actor, inp: ActionInput, now: datetime
) -> ApprovalRow:
    """Record the step as a request and push it to the unit's leaders, in the caller's transaction. One request
    waits per case at a time: a second is refused until the first is decided."""
    waiting = select(ApprovalRow.id).where(ApprovalRow.case_id == case.id,
                                           ApprovalRow.state == ApprovalState.PENDING.value).limit(1)  # fmt: skip
    if (await s.execute(waiting)).first() is not None:
        raise GuardFailed(action.value, ["guard.approval_pending"])
    assert actor.officer_id is not None
    row = ApprovalRow(case_id=case.id, unit_id=case.unit_id, action=action.value,
                      params_enc=vault.enc_json(_params(inp)), requested_by=actor.officer_id, requested_at=now,
                      state=ApprovalState.PENDING.value)  # fmt: skip
    s.add(row)
    await s.flush()
    history.record(s, vault, case, actor, Action.REQUEST_APPROVAL, now, rule=_rule(action), note=action.value)
    push = {"number": case.number, "request": row.id, "action": action.value, "requester": actor.name,
            "type": case.report_type, "category": case.category,
            "method": inp.method.value if inp.method else "", "note": inp.note,
            "unit_name": target.name if inp.target_unit_id and (target := await s.get(UnitRow, inp.target_unit_id))
            else "",  # a transfer's destination
            "approval_outcome": _outcome_key(action.value, _params(inp)) or "",
            "due_on": inp.due_on.isoformat() if inp.due_on else ""}  # fmt: skip
    for leader in await repo.officers_with_role(s, case.unit_id, LEADERS):
        repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=leader.id, template=PUSH, params=push, now=now)
    return row


async def settle(
    s: AsyncSession,
    vault: Vault,
    case: CaseRow,
    action: Action,
    leader: Actor,
    request_id: int | None,
    now: datetime,
    requester: Actor,
    inp: ActionInput,
) -> Actor:
    """A leader approves ``requester``'s step about to be taken, in the same transaction: the leader may take it
    himself now (``permit``) and sees the case; the request is marked approved (a leader's approval given at the
    desk, without a request, is recorded as the requester's request). Returns the leader as stored now."""
    officer = await fresh_officer(s, leader)
    if officer is None or not is_leader(officer.roles) or officer.unit_id != case.unit_id:
        raise NotPermitted(Action.APPROVE.value, leader.label())
    own = permit(CaseState(case.state), action, officer, channel=Channel(case.channel),
                 report_type=ReportType(case.report_type))  # fmt: skip
    if own.verdict is not Verdict.ALLOWED:
        raise NotPermitted(action.value, leader.label())
    if request_id is None:
        row = ApprovalRow(case_id=case.id, unit_id=case.unit_id, action=action.value,
                          params_enc=vault.enc_json(_params(inp)),
                          requested_by=requester.officer_id or officer.officer_id, requested_at=now)  # fmt: skip
        s.add(row)
    else:
        found = await s.get(ApprovalRow, request_id, with_for_update=True)
        if found is None or found.case_id != case.id:
            raise GuardFailed(action.value, ["guard.approval_not_pending"])
        if found.state != ApprovalState.PENDING.value:  # another leader was first
            raise await _decided(s, found, case.number)
        row = found
        if row.requested_by != officer.officer_id:
            repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=row.requested_by,
                         template="notify.officer.approval_granted",
                         params={"number": case.number, "action": action.value, "leader": officer.name},
                         now=now)  # fmt: skip
    row.state, row.decided_by, row.decided_at = ApprovalState.APPROVED.value, officer.officer_id, now
    history.record(s, vault, case, officer, Action.APPROVE, now, rule=_rule(action), note=action.value)
    return officer


async def approvals_of(s: AsyncSession, vault: Vault, case_id: int | None = None, *, unit_id: int | None = None,
                       pending: bool = False) -> list[ApprovalView]:  # fmt: skip
    """The requests of a case (its card), or those waiting in a unit (a leader's inbox), oldest first."""
    q = select(ApprovalRow, CaseRow.number).join(CaseRow, CaseRow.id == ApprovalRow.case_id)
    if case_id is not None:
        q = q.where(ApprovalRow.case_id == case_id)
    if unit_id is not None:
        q = q.where(ApprovalRow.unit_id == unit_id)
    if pending:
        q = q.where(ApprovalRow.state == ApprovalState.PENDING.value).limit(INBOX_MAX)
    rows = list((await s.execute(q.order_by(ApprovalRow.id))).all())
    ids = {r.requested_by for r, _ in rows} | {r.decided_by for r, _ in rows if r.decided_by}
    names = {o.id: o.name for o in (await s.execute(select(OfficerRow).where(OfficerRow.id.in_(ids)))).scalars()}
    out = []
    for r, number in rows:
        p = vault.dec_json(r.params_enc)
        out.append(ApprovalView(id=r.id, number=number, action=r.action, state=r.state, method=p.get("method"),
                                note=p.get("note") or "", requested_by=names.get(r.requested_by, "-"),
                                requested_at=r.requested_at,
                                decided_by=names.get(r.decided_by) if r.decided_by else None,
                                decided_at=r.decided_at, reason=vault.dec_text(r.reason_enc) or "",
                                outcome=_outcome_key(r.action, p), due_on=p.get("due_on")))  # fmt: skip
    return out


class ApprovalService:
    """What a leader does with the requests of their unit: list, approve, decline."""

    def __init__(self, ctx: CoreContext, cases: CaseService) -> None:
        self.ctx = ctx
        self.cases = cases

    async def pending(self, actor: Actor) -> list[ApprovalView]:
        """The requests waiting for this officer's decision: none unless a leader (core.permissions)."""
        async with self.ctx.uow() as uow:
            officer = await fresh_officer(uow.session, actor)
            if officer is None or not is_leader(officer.roles) or officer.unit_id is None:
                return []
            return await approvals_of(uow.session, self.ctx.vault, unit_id=officer.unit_id, pending=True)

    async def request(self, request_id: int, actor: Actor) -> ApprovalView:
        """One request, for a leader of its unit (the decline dialog shows what is declined)."""
        async with self.ctx.uow() as uow:
            row, _ = await self._pending(uow.session, request_id, actor)
            return (await approvals_of(uow.session, self.ctx.vault, row.case_id))[-1]

    async def approve(self, request_id: int, leader: Actor) -> CaseState:
        """The step is taken, as the requester's, approved by ``leader`` (both in the history)."""
        async with self.ctx.uow() as uow:
            s = uow.session
            row, case = await self._pending(s, request_id, leader)
            requester = await fresh_officer(s, Actor(ActorKind.OFFICER, officer_id=row.requested_by))
            if requester is None:  # the requester left meanwhile: the leader takes the step himself, or asks again
                raise GuardFailed(Action.APPROVE.value, ["guard.approval_requester_gone"])
            action = Action(row.action)
            number, inp = case.number, _input(action, self.ctx.vault.dec_json(row.params_enc))
        return await self.cases.perform(number, action, requester, inp, approved_by=leader, request_id=request_id)

    async def decline(self, request_id: int, leader: Actor, reason: str) -> str:
        """Declined with a reason, told to the requester; the case does not change. Returns the case number."""
        vault, now = self.ctx.vault, self.ctx.now()
        async with self.ctx.uow() as uow:
            s = uow.session
            row, case = await self._pending(s, request_id, leader, lock=True)
            officer = await fresh_officer(s, leader)
            assert officer is not None
            row.state, row.decided_by, row.decided_at = ApprovalState.DECLINED.value, officer.officer_id, now
            row.reason_enc = vault.enc_text(reason)
            history.record(s, vault, case, officer, Action.DECLINE, now, rule=_rule(Action(row.action)), note=reason)
            repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=row.requested_by,
                         template="notify.officer.approval_declined",
                         params={"number": case.number, "action": row.action, "leader": officer.name,
                                 "reason": reason}, now=now)  # fmt: skip
            number = case.number
            await uow.commit()
        return number

    async def _pending(self, s: AsyncSession, request_id: int, leader: Actor, *,
                       lock: bool = False) -> tuple[ApprovalRow, CaseRow]:  # fmt: skip
        """A request still waiting and its case, for a leader who sees the case (core.access); refused otherwise."""
        row = await s.get(ApprovalRow, request_id, with_for_update=lock)
        number = None
        if row is not None:  # the number only: officer_case loads the case, once (and it is kept: the session
            # holds rows weakly, so a case dropped here would be read again by the caller)
            number = (await s.execute(select(CaseRow.number).where(CaseRow.id == row.case_id))).scalar_one_or_none()
        if row is None or number is None:
            raise GuardFailed(Action.APPROVE.value, ["guard.approval_not_pending"])
        case, officer, _ = await officer_case(s, number, leader, "act")
        if not is_leader(officer.roles) or officer.unit_id != row.unit_id:
            raise NotPermitted(Action.APPROVE.value, leader.label())
        if row.state != ApprovalState.PENDING.value:  # decided meanwhile: say by whom and how
            raise await _decided(s, row, number)
        return row, case


async def _decided(s: AsyncSession, row: ApprovalRow, number: str) -> AlreadyDecided:
    leader = await s.get(OfficerRow, row.decided_by) if row.decided_by else None
    return AlreadyDecided(number, row.state, leader.name if leader else "-")
