"""The officer's desk: an inbox of cases waiting for them, most urgent first, and a case card.

Who sees what is decided in ``core.access``, not in the bot: a card, an evidence file or the reporter's
identity is given only to an officer whose role covers the case, and every such view is written to the audit
trail (R-47). Handlers' inboxes hold what is assigned to them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import or_, select

from core.access import CaseAccess, case_access
from core.actor import Actor
from core.casenumbers import choose, parse_case_ref
from core.errors import CaseUnavailable, NotFound, NotPermitted
from core.model import Action, ActorKind, CaseState, FollowUp
from core.permissions import Inbox, inbox_parts
from core.persistence import repository as repo
from core.persistence.orm import CaseEventRow, CaseRow, EvidenceRow, OfficerRow
from core.services import history, repeats
from core.services.access import fresh_officer, officer_case, officer_case_for
from core.services.case_snapshot import case_snapshot
from core.services.context import CoreContext
from core.services.ledger import LedgerService
from core.services.queries import CaseQueries, case_detail, record_view, reveal_identity, summaries
from core.services.repeats import RepeatService
from core.services.views import CaseDetail, CaseSummary
from core.workflow import offered_actions

#: What waits for each role (in their unit): intake routes and answers, handlers handle, supervisors see all.
#: A case transferred down stays in its sender's intake until its 报结 (rules.md §10.3 督办), and once the receiver
#: took it in, until the sender closes its follow-up.
_INTAKE_STATES = (CaseState.RECEIVED, CaseState.REGISTERED, CaseState.ACCEPTED, CaseState.NOT_ACCEPTED,
                  CaseState.DUPLICATE, CaseState.CONCLUDED, CaseState.FEEDBACK_GIVEN,
                  CaseState.TRANSFERRED_DOWN)  # fmt: skip
_HANDLER_STATES = (CaseState.ASSIGNED, CaseState.DISPOSAL, CaseState.PARKED, CaseState.INVESTIGATION,
                   CaseState.REOPENED, CaseState.CONCLUDED)  # fmt: skip
_FOLLOWING = (FollowUp.AWAITING.value, FollowUp.REPORTED.value)
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
    access: CaseAccess


def _sort_key(c: CaseSummary) -> tuple[bool, bool, date, str]:
    # Urgent first, then what waits for a leader's own decision (a reporter's challenge, rules.md §10.4: only
    # leaders' inboxes hold it), then the nearest deadline (none: last), then the oldest case.
    return (not c.urgent, c.state != CaseState.LEADER_REVIEW, c.next_due or date.max, c.number)


class Desk:
    def __init__(self, ctx: CoreContext, queries: CaseQueries) -> None:
        self.ctx = ctx
        self.queries = queries
        self.repeats = RepeatService(ctx)  # linking possible repeats from the card (issue 17)
        self.ledger = LedgerService(ctx)  # the per-person ledger (台账), intake's and the leaders'

    async def inbox(self, actor: Actor, page: int = 0, page_size: int = PAGE_SIZE) -> InboxPage:
        _officer_only(actor, "inbox")
        async with self.ctx.uow() as uow:
            s = uow.session
            current = await fresh_officer(s, actor)  # roles as they are now; none once deactivated
            if current is None:
                raise NotPermitted("inbox", actor.label())
            actor, unit = current, current.unit_id
            conditions = []
            parts = inbox_parts(actor.roles)
            following = (CaseRow.followed_by_id == unit) & CaseRow.follow_up.in_(_FOLLOWING)
            if Inbox.UNIT in parts:
                conditions += [CaseRow.unit_id == unit, following]
            if Inbox.ROUTING in parts:
                conditions.append((CaseRow.unit_id == unit) & CaseRow.state.in_([st.value for st in _INTAKE_STATES]))
                conditions += [CaseRow.transfer_to_id == unit, following]
            if Inbox.ASSIGNED in parts:
                conditions.append((CaseRow.assignee_id == actor.officer_id)
                                  & CaseRow.state.in_([st.value for st in _HANDLER_STATES]))  # fmt: skip
            if not conditions:
                return InboxPage([], 0, 0, 0)
            # a followed case stays until the sender closes its record, even once archived by its receiver
            stmt = select(CaseRow).where(or_(*conditions), (CaseRow.state != CaseState.ARCHIVED.value) | following)
            rows = [
                r for r in (await s.execute(stmt)).scalars() if actor.officer_id not in (r.recused_officer_ids or ())
            ]
            items = sorted(await summaries(s, rows, following_unit=unit), key=_sort_key)
        pages = max(1, -(-len(items) // page_size))
        page = min(max(page, 0), pages - 1)
        return InboxPage(items[page * page_size : (page + 1) * page_size], page, pages, len(items))

    async def evidence_file(self, actor: Actor, number: str, evidence_id: int) -> tuple[str, str, bytes]:
        """(file name, MIME type, bytes) of one evidence file, decrypted in memory; the access is recorded."""
        _officer_only(actor, "evidence")
        vault = self.ctx.vault
        async with self.ctx.uow() as uow:
            s = uow.session
            case, officer, _ = await officer_case(s, number, actor, "evidence")
            item = await s.get(EvidenceRow, evidence_id)
            if item is None or item.case_id != case.id or item.purged_at is not None:
                raise NotFound("evidence", evidence_id)  # a purged file is gone (core.services.retention)
            history.record(s, vault, case, officer, Action.VIEW_EVIDENCE, self.ctx.now(), rule="R-47",
                           note=f"evidence {evidence_id}", view=True)  # fmt: skip
            name, mime, key = vault.dec_text(item.original_name_enc) or "file", item.mime_type, item.storage_key
            await uow.commit()
        return name, mime, await self.ctx.evidence.get(key)

    async def card(self, actor: Actor, number: str, *, with_identity: bool = False) -> CaseCard:
        """The card of a case the officer's role covers (the view is audited); identity only when asked for and
        entitled (audited too)."""
        _officer_only(actor, "view")
        async with self.ctx.uow() as uow:
            s = uow.session
            case, officer, access = await officer_case(s, number, actor, "view")
            record_view(s, self.ctx, case, officer)
            followed_only = not access.act and case.followed_by_id == officer.unit_id  # §10.3: the sender's view
            detail = await case_detail(s, self.ctx.vault, case, follower_view=followed_only)
            entitled = access.identity and detail.summary.named and detail.purged_at is None
            if with_identity and entitled:
                detail = replace(detail, reporter=reveal_identity(s, self.ctx, case, officer))
            detail = replace(detail, related=await repeats.related(s, case, officer),
                             events=await repeats.mask_link_notes(s, detail.events, officer))  # fmt: skip
            actions = offered_actions(await case_snapshot(s, self.ctx.vault, case), officer)
            await uow.commit()
        # a transfer's target unit may only receive it, its sender only follow it (§10.3)
        actions = [a for a in actions if access.may(a)]
        if Action.ARCHIVE in actions:  # a sender still holding the case archives it, closing its follow-up too
            actions = [a for a in actions if a is not Action.CLOSE_FOLLOW_UP]
        return CaseCard(detail, actions, entitled, access)

    async def resolve(self, actor: Actor, raw: str) -> str:
        """The case number an officer means by ``raw`` (``33``, ``2026-33`` or in full), among the cases they may
        see: for others the answer is the same as for a number that does not exist (core.access).

        Raises :class:`CaseUnavailable`, or :class:`AmbiguousCase` with the cases of several years to choose from.
        """
        _officer_only(actor, "view")
        ref = parse_case_ref(raw)
        if ref is None:
            raise CaseUnavailable("view", actor.label())
        async with self.ctx.uow() as uow:
            s = uow.session
            officer = await fresh_officer(s, actor)
            rows = await repo.cases_by_numbers(s, ref.numbers(self.ctx.today().year)) if officer else []
            found = [c.number for c in rows if officer is not None and case_access(officer, c).view]
        try:
            return choose(raw, ref, found, self.ctx.today().year)
        except NotFound:
            raise CaseUnavailable("view", actor.label()) from None

    async def prepared_feedback(self, actor: Actor, number: str) -> str:
        """The result text for the reporter written at closure (core.closure), for an officer who may act: the
        feedback step offers it instead of asking again."""
        _officer_only(actor, "act")
        async with self.ctx.uow() as uow:
            case, _, _ = await officer_case(uow.session, number, actor, "act")
            result = self.ctx.vault.dec_json(case.result_enc) if case.result_enc else {}
        return str(result.get("feedback_text") or "")

    async def summary(self, actor: Actor, number: str, action: Action = Action.ADD_NOTE) -> CaseSummary:
        """A case's summary line (no facts, so not audited) for an officer who may take ``action`` on it (by
        default: any): what an action's input needs (its unit, named or not)."""
        _officer_only(actor, "act")
        async with self.ctx.uow() as uow:
            case, _, _ = await officer_case_for(uow.session, number, actor, action)
            return (await summaries(uow.session, [case]))[0]

    async def review_decision(self, actor: Actor, number: str) -> tuple[str, str] | None:
        """Once no challenge waits for a leader (rules.md §10.4): how the last one was decided and by whom, for a
        leader tapping a decision under an older push; None while one waits (or none was ever decided)."""
        _officer_only(actor, "act")
        async with self.ctx.uow() as uow:
            s = uow.session
            case, _, _ = await officer_case(s, number, actor, "act")
            if case.state == CaseState.LEADER_REVIEW.value:
                return None
            decisions = (Action.SEND_BACK.value, Action.CONFIRM_RESULT.value)
            last = (await s.execute(
                select(CaseEventRow.action, OfficerRow.name)
                .outerjoin(OfficerRow, OfficerRow.id == CaseEventRow.officer_id)
                .where(CaseEventRow.case_id == case.id, CaseEventRow.action.in_(decisions))
                .order_by(CaseEventRow.id.desc()).limit(1)
            )).first()  # fmt: skip
            return (last[0], last[1] or "-") if last else None


def _officer_only(actor: Actor, what: str) -> None:
    if actor.kind is not ActorKind.OFFICER:
        raise NotPermitted(what, actor.label())
