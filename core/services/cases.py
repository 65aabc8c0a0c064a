"""Case transitions: load, check scope, ask the workflow, apply its decision, commit — one transaction each."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.actor import Actor
from core.calendar.deadlines import DeadlineKind
from core.closure import ClosureReport
from core.errors import ApprovalRequested, GuardFailed, NotFound
from core.model import (
    Action,
    ActorKind,
    AppealOutcome,
    CaseState,
    DeadlineState,
    DisposalMethod,
    RecipientKind,
    ReferTo,
    ReportType,
    SuggestionOutcome,
    UnitLevel,
    label_key,
)
from core.permissions import INTAKE_DESK, LEADERS, is_leader, takes_cases
from core.persistence import repository as repo
from core.persistence.orm import CaseRow, DeadlineRow, OfficerRow, OutboxRow, UnitRow
from core.services import approvals, duplicates, history, officer_notices
from core.services.access import officer_case, officer_case_for
from core.services.case_fields import apply_fields, history_note, record_assessment
from core.services.case_snapshot import case_snapshot, followed_elsewhere
from core.services.context import CoreContext
from core.workflow import PUBLIC_STATUS, ActionInput, Decision, OfficerTarget, decide, permit

log = logging.getLogger(__name__)

#: Higher rank = higher commission (rules.md §5).
_RANK = {UnitLevel.TOWNSHIP: 0, UnitLevel.COUNTY: 1, UnitLevel.CITY: 2, UnitLevel.PROVINCE: 3, UnitLevel.CENTRAL: 4}


class CaseService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    # -- named entry points: what the bot's buttons and the CLI call ------------------------------------
    async def register(self, number: str, actor: Actor, note: str = "") -> CaseState:
        return await self.perform(number, Action.REGISTER, actor, ActionInput(note=note))

    async def accept(self, number: str, actor: Actor, note: str = "") -> CaseState:
        return await self.perform(number, Action.ACCEPT, actor, ActionInput(note=note))

    async def refer(
        self,
        number: str,
        actor: Actor,
        refer_to: ReferTo | None,
        reason: str,
        *,
        lacks_facts: bool = False,
        approved_by: Actor | None = None,
    ) -> CaseState:
        """不予受理 and tell the reporter where to go (rules.md §3.2–3.3), or, with ``lacks_facts`` (§3.2 item 3),
        which facts are missing: such a report is nobody else's business, it needs facts."""
        inp = ActionInput(note=reason, refer_to=None if lacks_facts else refer_to, lacks_facts=lacks_facts)
        return await self.perform(number, Action.NOT_ACCEPT, actor, inp, approved_by=approved_by)

    async def mark_duplicate(self, number: str, actor: Actor, duplicate_of: str, note: str = "") -> CaseState:
        return await self.perform(
            number, Action.MARK_DUPLICATE, actor, ActionInput(note=note, duplicate_of=duplicate_of)
        )

    async def transfer(
        self, number: str, actor: Actor, unit_code: str, note: str = "", approved_by: Actor | None = None
    ) -> CaseState:
        """Send to another level; up or down is decided by the target unit's level (R-15, R-16)."""
        async with self.ctx.uow() as uow:
            if actor.kind is ActorKind.OFFICER:  # refused before anything about the case or the unit is said
                case, _, _ = await officer_case(uow.session, number, actor, "act")
            else:
                case = await repo.case_by_number(uow.session, number)
            target = await _unit_by_code(uow.session, unit_code)
            own = await uow.session.get(UnitRow, case.unit_id)
            assert own is not None
            up = _RANK[UnitLevel(target.level)] > _RANK[UnitLevel(own.level)]
            target_id = target.id
        action = Action.TRANSFER_UP if up else Action.TRANSFER_DOWN
        return await self.perform(number, action, actor, ActionInput(note=note, target_unit_id=target_id),
                                  approved_by=approved_by)  # fmt: skip

    async def receive_transfer(self, number: str, actor: Actor, note: str = "") -> CaseState:
        return await self.perform(number, Action.RECEIVE_TRANSFER, actor, ActionInput(note=note))

    async def assign(self, number: str, actor: Actor, handler_id: int, note: str = "") -> CaseState:
        return await self.perform(number, Action.ASSIGN, actor, ActionInput(note=note, handler_id=handler_id))

    async def return_to_intake(
        self, number: str, actor: Actor, reason: str, approved_by: Actor | None = None
    ) -> CaseState:
        return await self.perform(number, Action.RETURN_TO_INTAKE, actor, ActionInput(note=reason),
                                  approved_by=approved_by)  # fmt: skip

    async def dispose(
        self, number: str, actor: Actor, method: DisposalMethod, note: str = "", approved_by: Actor | None = None
    ) -> CaseState:
        """Choose one of the five methods of rules.md §7; each has its own row in the transition table."""
        action = {DisposalMethod.PARK: Action.PARK, DisposalMethod.INVESTIGATE: Action.SEND_TO_INVESTIGATION}.get(
            method, Action.DISPOSE
        )
        return await self.perform(number, action, actor, ActionInput(note=note, method=method),
                                  approved_by=approved_by)  # fmt: skip

    async def conclude(
        self, number: str, actor: Actor, report: ClosureReport, approved_by: Actor | None = None
    ) -> CaseState:
        """办结 through the closure checklist (§7.1); signed off by a leader: the officer's own step if a leader,
        else on a leader's approval (§7.1 item 5, the approver's name is the report's sign-off)."""
        inp = ActionInput(note=report.summary, closure=report)
        return await self.perform(number, Action.CONCLUDE, actor, inp, approved_by=approved_by)

    async def decide_appeal(
        self, number: str, actor: Actor, outcome: AppealOutcome, reasons: str, approved_by: Actor | None = None
    ) -> CaseState:
        """申诉: the decision appealed is upheld, changed or revoked, with reasons (rules.md §10.1); the reasons are
        the result a named appellant is told (D4). A leader decides it, or approves it (§10.2)."""
        inp = ActionInput(note=reasons, outcome=outcome)
        return await self.perform(number, Action.DECIDE_APPEAL, actor, inp, approved_by=approved_by)

    async def answer_suggestion(
        self, number: str, actor: Actor, outcome: SuggestionOutcome, reply: str, approved_by: Actor | None = None
    ) -> CaseState:
        """批评建议: adopted, partly or not, with a reply to the suggester (rules.md §10.1, 002 item 18)."""
        inp = ActionInput(note=reply, outcome=outcome)
        return await self.perform(number, Action.ANSWER_SUGGESTION, actor, inp, approved_by=approved_by)

    async def give_feedback(self, number: str, actor: Actor, text: str) -> CaseState:
        return await self.perform(number, Action.GIVE_FEEDBACK, actor, ActionInput(feedback_text=text))

    async def object(self, number: str, actor: Actor, text: str) -> CaseState:
        """The reporter's 异议 (R-28?): recorded, and the case reopens for the handler."""
        return await self.perform(number, Action.OBJECT, actor, ActionInput(note=text))

    async def send_back(self, number: str, actor: Actor, instructions: str) -> CaseState:
        """A leader sends a challenged result back to its handler for further handling (§10.4 退回进一步查处)."""
        return await self.perform(number, Action.SEND_BACK, actor, ActionInput(note=instructions))

    async def confirm_result(self, number: str, actor: Actor, reply: str) -> CaseState:
        """A leader confirms a challenged result; the reply is what the reporter is told (§10.4, 004 (十一))."""
        return await self.perform(number, Action.CONFIRM_RESULT, actor, ActionInput(note=reply))

    async def review_parked(self, number: str, actor: Actor, note: str) -> CaseState:
        """A parked case reviewed at its date and kept parked until the next review (rules.md §7 [U])."""
        return await self.perform(number, Action.REVIEW_PARKED, actor, ActionInput(note=note))

    async def archive(self, number: str, actor: Actor, note: str = "", approved_by: Actor | None = None) -> CaseState:
        return await self.perform(number, Action.ARCHIVE, actor, ActionInput(note=note), approved_by=approved_by)

    async def chase(self, number: str, actor: Actor, note: str) -> CaseState:
        """催办: the sender presses the receiving unit for the result of a case transferred down (§10.3)."""
        return await self.perform(number, Action.CHASE, actor, ActionInput(note=note))

    async def report_result(self, number: str, actor: Actor, result: str) -> CaseState:
        """报结: the receiver's result recorded by the sender, or a 交办 case's result reported up (§10.3)."""
        return await self.perform(number, Action.REPORT_RESULT, actor, ActionInput(note=result))

    async def extend(
        self, number: str, actor: Actor, reason: str, due_on: date, approved_by: Actor | None = None
    ) -> CaseState:
        """申请延长: a 交办 case's deadline moved to ``due_on``, with the reason, once a leader approves (§10.3)."""
        inp = ActionInput(note=reason, due_on=due_on)
        return await self.perform(number, Action.EXTEND, actor, inp, approved_by=approved_by)

    async def close_follow_up(self, number: str, actor: Actor, note: str = "") -> CaseState:
        """The sender archives its follow-up of a case it sent down, once the receiver's result is recorded (§10.3)."""
        return await self.perform(number, Action.CLOSE_FOLLOW_UP, actor, ActionInput(note=note))

    async def add_note(self, number: str, actor: Actor, note: str) -> CaseState:
        return await self.perform(number, Action.ADD_NOTE, actor, ActionInput(note=note))

    # -- the one generic path -----------------------------------------------------------------------------
    async def perform(self, number: str, action: Action, actor: Actor, inp: ActionInput | None = None, *,
                      approved_by: Actor | None = None, request_id: int | None = None) -> CaseState:  # fmt: skip
        """Take the step, or — when ``permit`` says it waits for a leader and no leader ``approved_by`` it — record
        it as a request to the unit's leaders and raise :class:`ApprovalRequested` (core.services.approvals).
        ``request_id``: the request a leader approved (:meth:`ApprovalService.approve`)."""
        inp = inp or ActionInput()
        ctx, vault, now = self.ctx, self.ctx.vault, self.ctx.now()
        async with ctx.uow() as uow:
            s = uow.session
            if actor.kind is ActorKind.OFFICER:  # core.access: this case, as this officer is now
                case, actor, _ = await officer_case_for(s, number, actor, action, lock=True)
            else:
                case = await repo.case_by_number(s, number, lock=True)
            snapshot = await case_snapshot(s, vault, case)
            decision = decide(snapshot, action, actor, inp)
            await _check_entities(s, case, action, inp)
            signoff = actor.name if is_leader(actor.roles) else ""  # the leader who decided: the step's own or
            asked = permit(snapshot.state, action, actor, channel=snapshot.channel, report_type=snapshot.report_type)
            if asked.waits_for_leader:  # the approver (rules.md §10.2)
                if approved_by is None:
                    request = await approvals.open_request(s, vault, case, action, actor, inp, now)
                    await uow.commit()
                    log.info("case %s: %s requested by %s", number, action.value, actor.label())
                    raise ApprovalRequested(number, action.value, request.id)
                signoff = (
                    await approvals.settle(s, vault, case, action, approved_by, request_id, now, actor, inp)
                ).name
            case.updated_at = now  # before the fields: a conclusion is dated by it
            previous = case.assignee_id
            apply_fields(case, decision, inp, vault.enc_json, signoff)
            note = history_note(action, inp)
            if action is Action.ASSIGN and (handler := await s.get(OfficerRow, case.assignee_id)) is not None:
                note = " · ".join(x for x in (handler.name, note) if x)  # who was given the case, by name
                if previous is not None and previous != handler.id:  # taken from an officer: they are told
                    repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=previous,
                                 template="notify.officer.reassigned",
                                 params={"number": case.number, "handler": handler.name}, now=now)  # fmt: skip
            history.record(s, vault, case, actor, action, now, rule=decision.rule, note=note,
                           public=decision.public_status_changed,
                           change=(decision.source, decision.target))  # fmt: skip
            if action is Action.CONCLUDE and inp.closure is not None and inp.closure.assessment is not None:
                record_assessment(s, vault, case, actor, inp.closure, now)
            repo.add_evidence(s, vault, case, inp.new_evidence, now)
            await self._apply_deadlines(s, case, decision, inp)
            await self._notify(s, case, decision, inp)
            await uow.commit()
        # case number, step and officer only: never the note, the finding or the reporter
        log.info("case %s: %s, %s → %s by %s", number, action.value, decision.source.value, decision.target.value,
                 actor.label())  # fmt: skip
        return decision.target

    async def _apply_deadlines(self, s: AsyncSession, case: CaseRow, d: Decision, inp: ActionInput) -> None:
        now = self.ctx.now()
        if d.cancel_all_deadlines:  # but not the 报结 a sender still awaits of the case it sent (§10.3)
            kept = (DeadlineKind.TRANSFER_RESULT,) if followed_elsewhere(case) else ()
            kinds = [k for k in DeadlineKind if k not in kept] if kept else None
            await repo.close_deadlines(s, case.id, kinds, DeadlineState.CANCELLED, now)
        await repo.close_deadlines(s, case.id, d.meet_deadlines, DeadlineState.MET, now)
        await repo.close_deadlines(s, case.id, d.cancel_deadlines, DeadlineState.CANCELLED, now)
        if d.move_deadlines and inp.due_on is not None:
            await _move_deadlines(s, case.id, d, inp.due_on)
        # One open deadline per duty: a duty still open keeps its (earlier) due date. E.g. the D4 an objection
        # opened is not pushed back by concluding again: the objection is answered by the earlier date.
        open_now = select(DeadlineRow.kind).where(DeadlineRow.case_id == case.id,
                                                  DeadlineRow.state == DeadlineState.OPEN.value)  # fmt: skip
        still_open = set((await s.execute(open_now)).scalars()) if d.open_deadlines else set()
        for kind in d.open_deadlines:
            if kind.value not in still_open:
                repo.open_deadline(s, case, kind, inp.trigger_date or self.ctx.today(), self.ctx.calendar, now)

    async def _notify(self, s: AsyncSession, case: CaseRow, d: Decision, inp: ActionInput) -> None:
        vault, now = self.ctx.vault, self.ctx.now()
        if d.reporter_notice:
            # Anonymous reporters get a contentless nudge, and only if they opted in (a push reveals timing).
            template = d.reporter_notice if case.named else NUDGE
            if case.named or (case.notify_opt_in and not await _nudged_lately(s, case, now)):
                params: dict[str, Any] = {"number": case.number, "status": PUBLIC_STATUS[d.target].value}
                if case.named and d.action is Action.GIVE_FEEDBACK:
                    params["feedback"] = inp.feedback_text
                    if case.outcome:  # an appeal's or a suggestion's outcome, named (bot.i18n renders the label)
                        params["outcome_key"] = label_key(_OUTCOMES[ReportType(case.report_type)](case.outcome))
                if case.named and d.action is Action.NOT_ACCEPT:
                    params["refer_to"] = inp.refer_to.value if inp.refer_to else ""
                    params["reason"] = inp.note
                if case.named and d.action is Action.CONFIRM_RESULT:
                    params["reply"] = inp.note  # the leader's reply: why the result stands (§10.4)
                if case.named and d.action is Action.MARK_DUPLICATE:
                    original = await s.get(CaseRow, case.duplicate_of_id)
                    params["original"] = original.number if original else ""
                repo.enqueue(
                    s,
                    vault,
                    kind=RecipientKind.REPORTER,
                    recipient_id=case.id,
                    template=template,
                    params=params,
                    now=now,
                )
        if d.action is Action.GIVE_FEEDBACK:
            await duplicates.feedback_to_duplicates(s, self.ctx, case, inp.feedback_text)
        if d.action is Action.MARK_DUPLICATE and case.named:
            await duplicates.joined_after_the_result(s, self.ctx, case)
        told: set[tuple[int, str]] = set()  # one push per officer and template (an intake who is the handler)
        for target, template in d.officer_notices:
            officer_params = await officer_notices.officer_params(s, case, d.action, inp)
            for officer_id in await _resolve(s, case, target, inp):
                if (officer_id, template) in told:
                    continue
                told.add((officer_id, template))
                repo.enqueue(
                    s,
                    vault,
                    kind=RecipientKind.OFFICER,
                    recipient_id=officer_id,
                    template=template,
                    params=officer_params,
                    now=now,
                )


async def _move_deadlines(s: AsyncSession, case_id: int, d: Decision, due_on: date) -> None:
    """An extension (§10.3 申请延长): the open deadline gets the later date; an earlier one is refused."""
    query = select(DeadlineRow).where(DeadlineRow.case_id == case_id, DeadlineRow.state == DeadlineState.OPEN.value,
                                      DeadlineRow.kind.in_([k.value for k in d.move_deadlines]))  # fmt: skip
    rows = list((await s.execute(query)).scalars())
    if not rows:
        raise GuardFailed(d.action.value, ["guard.nothing_to_extend"])
    if any(due_on <= row.due_date for row in rows):
        raise GuardFailed(d.action.value, ["guard.new_date_later"])
    for row in rows:
        row.due_date = due_on  # the next sweep works out its reminders afresh (DeadlineRow validator)


_OUTCOMES: dict[ReportType, type[AppealOutcome] | type[SuggestionOutcome]] = {
    ReportType.APPEAL: AppealOutcome,
    ReportType.SUGGESTION: SuggestionOutcome,
}


NUDGE = "notify.reporter.update"  # an anonymous reporter's contentless push: "something changed, see /status"
NUDGE_GAP = timedelta(hours=1)  # at most one per case in this time: steps in a row (a transfer taken in) are one


async def _nudged_lately(s: AsyncSession, case: CaseRow, now: datetime) -> bool:
    """Whether the anonymous reporter was nudged about this case within :data:`NUDGE_GAP` (their /status shows
    every step; a push per step would only say more about the office's timing)."""
    query = select(OutboxRow.id).where(OutboxRow.recipient_kind == RecipientKind.REPORTER.value,
                                       OutboxRow.recipient_id == case.id, OutboxRow.template == NUDGE,
                                       OutboxRow.created_at > now - NUDGE_GAP).limit(1)  # fmt: skip
    return (await s.execute(query)).first() is not None


async def _unit_by_code(s: AsyncSession, code: str) -> UnitRow:
    unit = (await s.execute(select(UnitRow).where(UnitRow.code == code))).scalar_one_or_none()
    if unit is None:
        raise NotFound("unit", code)
    return unit


async def _check_entities(s: AsyncSession, case: CaseRow, action: Action, inp: ActionInput) -> None:
    """Guards that need the database: the handler, the duplicate, the target unit must exist and fit."""
    if action is Action.ASSIGN:
        handler = await s.get(OfficerRow, inp.handler_id)
        if handler is None or not handler.active or handler.unit_id != case.unit_id or not takes_cases(handler.roles):
            raise GuardFailed(action.value, ["guard.handler_invalid"])
        if handler.id in (case.recused_officer_ids or ()):  # named in the report: steps aside (core.recusal)
            raise GuardFailed(action.value, ["guard.handler_recused"])
    elif action is Action.MARK_DUPLICATE:
        assert inp.duplicate_of is not None
        original = await repo.case_by_number(s, inp.duplicate_of)
        if original.id == case.id:
            raise GuardFailed(action.value, ["guard.duplicate_of_self"])
        case.duplicate_of_id = original.id
    elif action in (Action.TRANSFER_UP, Action.TRANSFER_DOWN):
        target = await s.get(UnitRow, inp.target_unit_id)
        if target is None or target.id == case.unit_id:
            raise GuardFailed(action.value, ["guard.target_unit_invalid"])


async def _resolve(s: AsyncSession, case: CaseRow, target: OfficerTarget, inp: ActionInput) -> list[int]:
    if target is OfficerTarget.ASSIGNEE:
        return [case.assignee_id] if case.assignee_id else []
    if target is OfficerTarget.HANDLER_OR_INTAKE and case.assignee_id:
        return [case.assignee_id]
    if target is OfficerTarget.RECEIVER_HANDLER:  # once taken in (§10.3): an assignee before it is the sender's
        return [case.assignee_id] if case.assignee_id and case.transfer_to_id is None else []
    recused = case.recused_officer_ids or ()
    if target is OfficerTarget.UNIT_LEADERS:
        return [o.id for o in await repo.officers_with_role(s, case.unit_id, LEADERS) if o.id not in recused]
    unit_id: int | None = case.unit_id
    if target is OfficerTarget.TARGET_UNIT_INTAKE:  # where it goes or waits; once taken in, the receiver (§10.3)
        unit_id = inp.target_unit_id or case.transfer_to_id or case.unit_id
    elif target is OfficerTarget.FOLLOWER_INTAKE:
        unit_id = case.followed_by_id
    if unit_id is None:
        return []
    return [o.id for o in await repo.officers_with_role(s, unit_id, INTAKE_DESK) if o.id not in recused]
