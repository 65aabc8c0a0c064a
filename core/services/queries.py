"""Reading cases: lists and cards for officers and the CLI, public status for reporters."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.actor import Actor
from core.calendar.deadlines import DEADLINES, DeadlineKind
from core.casenumbers import choose, parse_case_ref
from core.clock import office_date
from core.crypto import Vault
from core.errors import NotFound
from core.model import (
    OPEN_STATES,
    Action,
    AppealOutcome,
    CaseState,
    DeadlineState,
    OutboxStatus,
    RecipientKind,
    ReportType,
    SuggestionOutcome,
    label_key,
)
from core.persistence import repository as repo
from core.persistence.orm import (
    CaseEventRow,
    CaseRow,
    DeadlineRow,
    EvidenceRow,
    OfficerRow,
    OutboxRow,
    ReporterContactRow,
    UnitRow,
)
from core.secrets_ import normalise_code, verify_password
from core.services import history, repeats
from core.services.approvals import approvals_of
from core.services.context import CoreContext
from core.services.lockout import LockedOut, Lockout
from core.services.reporter import add_grant
from core.services.views import (
    PURGED,
    CaseDetail,
    CaseSummary,
    DeadlineView,
    EventView,
    EvidenceView,
    FollowUpView,
    PersonView,
    PublicHistoryItem,
    PublicQuestion,
    PublicStatusView,
)
from core.workflow import PUBLIC_STATUS, permit


class CaseQueries:
    def __init__(self, ctx: CoreContext, lockout: Lockout) -> None:
        self.ctx, self.lockout = ctx, lockout

    async def list_cases(
        self, *, states: Sequence[CaseState] | None = None, unit_code: str | None = None, limit: int = 500
    ) -> list[CaseSummary]:
        async with self.ctx.uow() as uow:
            s = uow.session
            stmt = select(CaseRow).order_by(CaseRow.id).limit(limit)
            if states:
                stmt = stmt.where(CaseRow.state.in_([st.value for st in states]))
            if unit_code:
                stmt = stmt.join(UnitRow, UnitRow.id == CaseRow.unit_id).where(UnitRow.code == unit_code)
            rows = list((await s.execute(stmt)).scalars())
            return await summaries(s, rows)

    async def resolve(self, raw: str) -> str:
        """The case number meant by ``raw`` (``33``, ``2026-33`` or in full), among all cases (the CLI, which the
        operator runs with the keys): this year's, else the only one; :class:`AmbiguousCase` lists several."""
        ref = parse_case_ref(raw)
        if ref is None:
            raise NotFound("case", raw.strip())
        this_year = self.ctx.today().year
        async with self.ctx.uow() as uow:
            found = [c.number for c in await repo.cases_by_numbers(uow.session, ref.numbers(this_year))]
        return choose(raw, ref, found, this_year)

    async def case_detail(self, number: str, viewer: Actor | None = None) -> CaseDetail:
        """A case card, unchecked (the CLI, tests); with a ``viewer`` the view is recorded in the audit trail.

        Officers get cards through ``core.services.desk.Desk.card``, which checks ``core.access`` first.
        Reporter identity is not included here: see the audited identity view.
        """
        async with self.ctx.uow() as uow:
            s = uow.session
            case = await repo.case_by_number(s, number)
            if viewer is not None:
                record_view(s, self.ctx, case, viewer)
            detail = await case_detail(s, self.ctx.vault, case)
            detail = replace(detail, related=await repeats.related(s, case, viewer or Actor.system()))
            await uow.commit()
            return detail

    async def status_by_code(self, code: str, password: str, chat_id: int | None = None) -> PublicStatusView | None:
        """Anonymous follow-up: the same ``None`` whether the code or the password was wrong.

        Attempts are counted per chat and per code before the password is checked (core.services.lockout);
        after ``LOCK_AFTER`` of either, queries are refused for a growing time (rules.md §6), raising
        :class:`LockedOut` — even with the right password.
        """
        vault = self.ctx.vault
        idx = vault.index("query_code", normalise_code(code))
        keys = self._attempt_keys(code, chat_id)
        lockout = self.lockout
        await lockout.count_attempt(keys)
        async with self.ctx.uow() as uow:
            s = uow.session
            case = (await s.execute(select(CaseRow).where(CaseRow.query_code_index == idx))).scalar_one_or_none()
            if case is None or not case.password_hash or not verify_password(password, case.password_hash):
                return None
            view = replace(await _public(s, vault, case, self.ctx.tz), grant=add_grant(vault, case))
        await lockout.clear(keys)
        return view

    async def lock_minutes(self, code: str | None, chat_id: int | None) -> int | None:
        """Minutes left of a lock on the chat (and on the code, once typed), or None: told before the citizen
        types the code or the password again (issue 12), counting nothing."""
        locked = await self.lockout.locked(self._attempt_keys(code, chat_id))
        return locked.minutes if locked else None

    def _attempt_keys(self, code: str | None, chat_id: int | None) -> list[str]:
        vault = self.ctx.vault
        keys = [vault.index("attempt", f"chat:{chat_id}")] if chat_id else []
        if code is not None:
            keys.insert(0, vault.index("attempt", f"code:{vault.index('query_code', normalise_code(code))}"))
        return keys

    async def status_for_chat(self, chat_id: int) -> list[PublicStatusView]:
        """A named reporter's own cases, found by the chat they filed from."""
        async with self.ctx.uow() as uow:
            s = uow.session
            idx = self.ctx.vault.index("chat", str(chat_id))
            rows = (
                await s.execute(
                    select(CaseRow)
                    .join(ReporterContactRow, ReporterContactRow.case_id == CaseRow.id)
                    .where(ReporterContactRow.chat_index == idx)
                    .order_by(CaseRow.id)
                )
            ).scalars()
            return [await _public(s, self.ctx.vault, c, self.ctx.tz) for c in rows]


def record_view(s: AsyncSession, ctx: CoreContext, case: CaseRow, viewer: Actor) -> None:
    """Audit a view of the case's facts (R-47: who could have leaked must be knowable), like identity views."""
    history.record(s, ctx.vault, case, viewer, Action.VIEW_CASE, ctx.now(), rule="R-47", view=True)


def reveal_identity(s: AsyncSession, ctx: CoreContext, case: CaseRow, viewer: Actor) -> dict[str, str] | None:
    """Decrypt a named reporter's identity for an entitled officer, and record the view (rules.md §4.1)."""
    if case.reporter_enc is None:
        return None
    identity: dict[str, str] = ctx.vault.dec_json(case.reporter_enc)
    history.record(s, ctx.vault, case, viewer, Action.VIEW_IDENTITY, ctx.now(), rule="R-47", view=True)
    return identity


async def case_detail(s: AsyncSession, vault: Vault, case: CaseRow, *, follower_view: bool = False) -> CaseDetail:
    """The full card of a loaded case, decrypted; views are not listed in its history (see the audit trail).

    ``follower_view``: for the unit that sent the case down and follows it once taken in (rules.md §10.3, R-47 "no
    widening of who knows"): what it had when it sent the case, the receiver's steps without their notes or new
    files, the follow-up's own steps, and the receiver's result once concluded."""
    summary = (await summaries(s, [case], following_unit=case.followed_by_id if follower_view else None))[0]
    events = list((
        await s.execute(
            select(CaseEventRow)
            .where(CaseEventRow.case_id == case.id,
                   CaseEventRow.action.not_in((Action.VIEW_CASE.value, Action.VIEW_LEDGER.value)))
            .order_by(CaseEventRow.id)
        )
    ).scalars())  # fmt: skip
    # the receiver's taking it in (the last, should the case have passed through several units)
    received = [e for e in events if e.action == Action.RECEIVE_TRANSFER.value] if follower_view else []
    taken_in = received[-1] if received else None
    deadlines = (
        await s.execute(select(DeadlineRow).where(DeadlineRow.case_id == case.id).order_by(DeadlineRow.id))
    ).scalars()
    evidence = list(
        (await s.execute(select(EvidenceRow).where(EvidenceRow.case_id == case.id).order_by(EvidenceRow.id))).scalars()
    )
    purged = case.purged_at is not None
    names = {o.id: o.name for o in (await s.execute(select(OfficerRow))).scalars()}
    return CaseDetail(
        summary=summary,
        facts=PURGED if purged else vault.decrypt(case.facts_enc).decode(),
        other_bodies=vault.dec_text(case.other_bodies_enc) or "",
        persons=[_person(vault, p, purged) for p in await repo.persons_of(s, case)],
        evidence=[
            EvidenceView(e.id, e.kind, vault.dec_text(e.original_name_enc) or "", e.mime_type, e.size, e.sha256)
            for e in evidence
            if e.purged_at is None and (taken_in is None or e.created_at <= taken_in.at)
        ],
        events=[
            EventView(e.at, e.actor, e.action, e.from_state, e.to_state, e.rule,
                      "" if _receivers_own(e, taken_in) else vault.dec_text(e.note_enc) or "",
                      names.get(e.officer_id) if e.officer_id else None)
            for e in events
            if not _receivers_own(e, taken_in) or e.from_state != e.to_state  # the receiver's progress, no notes
        ],
        deadlines=[_deadline(d) for d in deadlines],
        disposal_method=case.disposal_method,
        refer_to=case.refer_to,
        result=vault.dec_json(case.result_enc) if case.result_enc else None,
        undelivered=int((await s.execute(
            select(func.count(OutboxRow.id)).where(
                OutboxRow.recipient_kind == RecipientKind.REPORTER.value, OutboxRow.recipient_id == case.id,
                OutboxRow.status.in_([OutboxStatus.UNDELIVERABLE.value, OutboxStatus.FAILED.value]))
        )).scalar_one()),
        purged_at=case.purged_at,
        purged_evidence=dict(Counter(e.kind for e in evidence if e.purged_at is not None)),
        scope_refer_to=case.scope_refer_to, scope_reason=case.scope_reason,
        approvals=await approvals_of(s, vault, case.id),
        transfer_to=(target.name if case.transfer_to_id and (target := await s.get(UnitRow, case.transfer_to_id))
                     else None),
        particulars=None if purged or case.particulars_enc is None else vault.dec_json(case.particulars_enc),
        outcome=outcome_key(case),
        **await _duplicate_links(s, case),
        follow_up=await _follow_up(s, case),
    )  # fmt: skip


_FOLLOW_UP_STEPS = frozenset({Action.CHASE.value, Action.REPORT_RESULT.value, Action.CLOSE_FOLLOW_UP.value})


def _receivers_own(e: CaseEventRow, taken_in: CaseEventRow | None) -> bool:
    """A step of the receiving unit after it took the case in (its notes are not the follower's to read); the
    follow-up's own steps are the follower's."""
    return taken_in is not None and e.id > taken_in.id and e.action not in _FOLLOW_UP_STEPS


async def _follow_up(s: AsyncSession, case: CaseRow) -> FollowUpView | None:
    """The sender's follow-up of a case it sent down (rules.md §10.3), for both ends' cards and the CLI."""
    if case.followed_by_id is None or case.follow_up is None:
        return None
    sender = await s.get(UnitRow, case.followed_by_id)
    receiver_id = case.transfer_to_id or (case.unit_id if case.unit_id != case.followed_by_id else None)
    receiver = await s.get(UnitRow, receiver_id) if receiver_id else None
    due = (await s.execute(
        select(DeadlineRow)
        .where(DeadlineRow.case_id == case.id, DeadlineRow.kind == DeadlineKind.TRANSFER_RESULT.value)
        .order_by(DeadlineRow.id.desc()).limit(1)
    )).scalar_one_or_none()  # fmt: skip
    met = due is not None and due.state == DeadlineState.MET.value and due.closed_at is not None
    return FollowUpView(sender.name if sender else "?", receiver.name if receiver else None,
                        due.due_date if due else None, case.follow_up,
                        office_date(due.closed_at) if met and due and due.closed_at else None)  # fmt: skip


def outcome_key(case: CaseRow) -> str | None:
    """The label key of an appeal's or a suggestion's outcome (rules.md §10.1), None before it is decided."""
    if not case.outcome:
        return None
    enum = AppealOutcome if case.report_type == ReportType.APPEAL else SuggestionOutcome
    return label_key(enum(case.outcome))


async def _duplicate_links(s: AsyncSession, case: CaseRow) -> dict[str, Any]:
    """Both ends of a duplicate link (R-14): the case this one joined, and the cases that joined it."""
    original = await s.get(CaseRow, case.duplicate_of_id) if case.duplicate_of_id else None
    joined = (await s.execute(
        select(CaseRow.number).where(CaseRow.duplicate_of_id == case.id).order_by(CaseRow.id)
    )).scalars()  # fmt: skip
    return {"duplicate_of": original.number if original else None, "duplicates": tuple(joined)}


def _deadline(d: DeadlineRow) -> DeadlineView:
    spec = DEADLINES[DeadlineKind(d.kind)]
    return DeadlineView(d.kind, spec.ref, spec.rule, d.trigger_date, d.due_date, d.state, d.provisional)


def _person(vault: Vault, p: object, purged: bool = False) -> PersonView:
    from core.persistence.orm import ReportedPersonRow

    assert isinstance(p, ReportedPersonRow)
    return PersonView(
        vault.dec_text(p.name_enc) or "",
        PURGED if purged else vault.decrypt(p.unit_enc).decode(),
        vault.dec_text(p.post_enc) or "",
        p.level,
        p.region,
        p.party,
    )


async def summaries(s: AsyncSession, rows: list[CaseRow], *, following_unit: int | None = None) -> list[CaseSummary]:
    """Summary lines; for the cases ``following_unit`` sent down and follows (not holding them any more), the
    due date shown is its own: the 报结's (rules.md §10.3), not the receiver's deadlines."""
    if not rows:
        return []
    ids = [c.id for c in rows]
    units = {u.id: u.code for u in (await s.execute(select(UnitRow))).scalars()}
    officers = {o.id: o.name for o in (await s.execute(select(OfficerRow))).scalars()}
    next_due: dict[int, tuple[date, str]] = {}
    open_rows = (
        await s.execute(
            select(DeadlineRow)
            .where(DeadlineRow.case_id.in_(ids), DeadlineRow.state == DeadlineState.OPEN.value)
            .order_by(DeadlineRow.due_date)
        )
    ).scalars()
    followed = {c.id for c in rows if following_unit is not None and c.followed_by_id == following_unit != c.unit_id}
    for d in open_rows:
        if d.case_id not in followed or d.kind == DeadlineKind.TRANSFER_RESULT.value:
            next_due.setdefault(d.case_id, (d.due_date, d.kind))
    return [
        CaseSummary(
            number=c.number,
            state=c.state,
            report_type=c.report_type,
            named=c.named,
            channel=c.channel,
            category=c.category,
            unit=units.get(c.unit_id, "?"),
            urgent=c.urgent,
            received_at=c.received_at,
            assignee=officers.get(c.assignee_id) if c.assignee_id else None,
            next_due=next_due[c.id][0] if c.id in next_due else None,
            next_due_kind=next_due[c.id][1] if c.id in next_due else None,
            satisfaction=c.satisfaction,
            recused_officer_ids=tuple(c.recused_officer_ids or ()),
            challenge=c.challenge,
            confirmed_at=c.confirmed_at,
        )
        for c in rows
    ]


async def _public(s: AsyncSession, vault: Vault, case: CaseRow, tz: ZoneInfo) -> PublicStatusView:
    events = (
        await s.execute(
            select(CaseEventRow)
            .where(CaseEventRow.case_id == case.id,
                   or_(CaseEventRow.public, CaseEventRow.action == Action.GIVE_FEEDBACK.value))  # a joined case's too
            .order_by(CaseEventRow.id)
        )
    ).scalars()  # fmt: skip
    history: list[PublicHistoryItem] = []
    feedback = None
    for e in events:
        if e.public and e.to_state:
            history.append(PublicHistoryItem(office_date(e.at, tz), PUBLIC_STATUS[CaseState(e.to_state)].value))
        if e.action == "give_feedback" and case.named:
            feedback = vault.dec_text(e.note_enc)
    outcome = outcome_key(case)
    if outcome and not case.named and case.result_enc is not None:
        # an anonymous appellant or suggester has no feedback duty (D4 is for named reporters): the outcome with
        # its reasons or reply is shown here, to whoever holds the code and the password (rules.md §4, §10.1)
        feedback = vault.dec_json(case.result_enc).get("feedback_text") or None
    return PublicStatusView(
        case.number,
        PUBLIC_STATUS[CaseState(case.state)].value,
        office_date(case.received_at, tz),
        history,
        feedback,
        case.satisfaction if case.named else None,
        await _open_questions(s, vault, case),
        outcome if feedback else None,
        _referral(case, history),
        permit(CaseState(case.state), Action.ADD_BY_REPORTER, Actor.citizen()).allowed,
    )


def _referral(case: CaseRow, history: list[PublicHistoryItem]) -> str | None:
    """Where a case that was not accepted should go (rules.md §3.3), also once it is archived."""
    if not any(h.status == PUBLIC_STATUS[CaseState.NOT_ACCEPTED].value for h in history):
        return None
    return case.refer_to or ""


async def _open_questions(s: AsyncSession, vault: Vault, case: CaseRow) -> list[PublicQuestion]:
    """Officers' questions asked since the reporter's last reply, while the case is open (a reply answers what
    was asked before it; replies do not name their question)."""
    if case.state not in {st.value for st in OPEN_STATES}:
        return []
    rows = (await s.execute(
        select(CaseEventRow)
        .where(CaseEventRow.case_id == case.id,
               CaseEventRow.action.in_([Action.ASK_REPORTER.value, Action.REPORTER_REPLY.value]))
        .order_by(CaseEventRow.id)
    )).scalars()  # fmt: skip
    questions: list[PublicQuestion] = []
    for e in rows:
        if e.action == Action.REPORTER_REPLY.value:
            questions = []
        elif text := vault.dec_text(e.note_enc):  # erased by the retention purge: nothing to show
            questions.append(PublicQuestion(e.id, office_date(e.at), text))
    return questions


__all__ = ["CaseQueries", "LockedOut", "NotFound"]
