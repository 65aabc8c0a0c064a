"""What a reporter can do after filing: add text and files to an open case (补充反映, both kinds of reporter); and
from a named reporter's own chat after feedback, rate it or object (异议) with new evidence — a 不满意 or an objection
goes to the unit's leaders, who decide (core.review, rules.md §10.4).

A named reporter's chat must be the one the report was filed from (its keyed index is stored with named reports
only), so a forged button from another chat changes nothing. An anonymous reporter proves the case is theirs with
code and password at /status, which hands the dialog a grant (:func:`add_grant`) for that case only.
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.actor import Actor
from core.crypto import Vault
from core.errors import NotPermitted
from core.model import Action, CaseState, Channel, ReportType, Satisfaction
from core.persistence import repository as repo
from core.persistence.orm import CaseRow, ReporterContactRow
from core.reports import StagedEvidence
from core.review import objection_open
from core.services import history
from core.services.cases import CaseService
from core.services.context import CoreContext
from core.workflow import ActionInput, permit

_RATABLE = {CaseState.FEEDBACK_GIVEN.value, CaseState.LEADER_REVIEW.value, CaseState.REOPENED.value,
            CaseState.ARCHIVED.value}  # fmt: skip


def add_grant(vault: Vault, case: CaseRow) -> str:
    """What an anonymous reporter holds after code and password: a keyed hash of the case and its password, so
    nothing but the right password (or the office's key) yields it, and a new password would void it."""
    return vault.index("add_grant", f"{case.id}:{case.password_hash}")


class ReporterService:
    def __init__(self, ctx: CoreContext, cases: CaseService) -> None:
        self.ctx = ctx
        self.cases = cases

    async def _own_case(self, s: AsyncSession, number: str, chat_id: int) -> CaseRow:
        case = await repo.case_by_number(s, number)
        contact = await s.get(ReporterContactRow, case.id)
        if contact is None or contact.chat_index != self.ctx.vault.index("chat", str(chat_id)):
            raise NotPermitted("reporter action", "citizen")
        return case

    async def rate(self, number: str, chat_id: int, rating: Satisfaction) -> bool:
        """Record the reporter's rating; True when a 不满意 went to the unit's leaders for a decision (§10.4).

        A 不满意 on a result not yet reviewed is the workflow's ``rate_dissatisfied`` step; any other rating, and a
        不满意 of a result a leader already confirmed (004 (十一)) or under review, is recorded and counted only."""
        async with self.ctx.uow() as uow:
            case = await self._own_case(uow.session, number, chat_id)
            state, report_type, channel = CaseState(case.state), ReportType(case.report_type), Channel(case.channel)
            confirmed = case.confirmed_at is not None
        if rating is Satisfaction.DISSATISFIED and not confirmed:
            actor = Actor.citizen()
            if permit(state, Action.RATE_DISSATISFIED, actor, channel=channel, report_type=report_type).allowed:
                await self.cases.perform(number, Action.RATE_DISSATISFIED, actor)
                return True
        async with self.ctx.uow() as uow:
            s = uow.session
            case = await self._own_case(s, number, chat_id)
            if case.state not in _RATABLE:
                raise NotPermitted("rate", "citizen")
            case.satisfaction = rating.value
            history.record(s, self.ctx.vault, case, Actor.citizen(), Action.RATE, self.ctx.now(), rule="§9 [U]",
                           note=rating.value)  # fmt: skip
            await uow.commit()
        return False

    async def objection_refusal(self, number: str, chat_id: int) -> str | None:
        """Why this reporter cannot object now, as a locale key, before they write the objection; None: they may.
        A result a leader confirmed on an objection is not reopened by an objection again (004 (十一))."""
        async with self.ctx.uow() as uow:
            case = await self._own_case(uow.session, number, chat_id)
            challenge = Action(case.challenge) if case.challenge else None
            if not objection_open(case.confirmed_at is not None, challenge):
                return "objection.final"
            allowed = permit(CaseState(case.state), Action.OBJECT, Actor.citizen(), channel=Channel(case.channel),
                             report_type=ReportType(case.report_type)).allowed  # fmt: skip
        return None if allowed else "objection.not_possible"

    async def object(self, number: str, chat_id: int, text: str, evidence: Sequence[StagedEvidence] = ()) -> CaseState:
        """The objection (R-28?) goes to the unit's leaders, who decide whether the case is reopened (§10.4); new
        evidence is linked to it. Refused (``guard.result_confirmed``) once a leader confirmed the result."""
        async with self.ctx.uow() as uow:
            await self._own_case(uow.session, number, chat_id)
        return await self.cases.perform(
            number, Action.OBJECT, Actor.citizen(), ActionInput(note=text, new_evidence=tuple(evidence))
        )

    async def add_to_case(self, number: str, text: str, evidence: Sequence[StagedEvidence] = (), *,
                          chat_id: int | None = None, grant: str = "") -> CaseState:  # fmt: skip
        """补充反映 (issue 15, item 12): the text kept in the case history and the files in the evidence store, both
        encrypted like the original; the handler (the intake while unassigned) is told. The workflow decides in
        which states (core.workflow, ``add_by_reporter``)."""
        async with self.ctx.uow() as uow:
            s = uow.session
            if grant:
                case = await repo.case_by_number(s, number)
                if case.named or not hmac.compare_digest(grant, add_grant(self.ctx.vault, case)):
                    raise NotPermitted("add to case", "citizen")
            elif chat_id is not None:
                await self._own_case(s, number, chat_id)
            else:
                raise NotPermitted("add to case", "citizen")
        inp = ActionInput(note=text.strip(), new_evidence=tuple(evidence))
        return await self.cases.perform(number, Action.ADD_BY_REPORTER, Actor.citizen(), inp)

    async def own_numbers(self, chat_id: int) -> list[str]:
        async with self.ctx.uow() as uow:
            idx = self.ctx.vault.index("chat", str(chat_id))
            rows = await uow.session.execute(
                select(CaseRow.number).join(ReporterContactRow, ReporterContactRow.case_id == CaseRow.id)
                .where(ReporterContactRow.chat_index == idx)
            )  # fmt: skip
            return list(rows.scalars())
