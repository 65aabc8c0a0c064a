"""The per-person ledger of repeat reports (台账; rules.md §10.4 "对重信重访案件，要逐一建立台账"; issue 17, item 5).

A person is known by the blind index of their name (``reported_persons.name_index``) and, since names repeat,
the blind index of their unit or the same region (core.services.repeats). The ledger lists the reports about
them: when, at which unit, how far, how each ended. It shows no facts and nothing of any reporter.

In the bot it is intake's and the leaders' (``core.permissions.keeps_ledger``), opened from a case of their unit,
and lists only the cases they may see (``core.access``). ``qingfeng person-ledger`` (the operator, with the keys)
lists all of them, by a case number or by a name. Every case listed gets a ``view_ledger`` event: who looked
at whose ledger is in the audit trail (R-47).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.actor import Actor
from core.errors import NotFound, NotPermitted
from core.model import Action, ActorKind
from core.permissions import keeps_ledger
from core.persistence import repository as repo
from core.persistence.orm import CaseRow, ReportedPersonRow, UnitRow
from core.services import history
from core.services.access import officer_case
from core.services.context import CoreContext
from core.services.queries import outcome_key
from core.services.repeats import person_index, sees
from core.services.views import LedgerEntry, PersonLedger

LIMIT = 200  # reports listed per person, the latest (a ledger longer than that is read in the CLI's JSON)


class LedgerService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def for_case(self, actor: Actor, number: str) -> list[PersonLedger]:
        """The ledger of each named person of a case. An officer must keep ledgers and hold the case (act on it);
        the entries are the cases they may see. The system (the CLI) sees every case."""
        async with self.ctx.uow() as uow:
            s = uow.session
            if actor.kind is ActorKind.SYSTEM:
                case = await repo.case_by_number(s, number)
                viewer = actor
            else:
                if actor.kind is not ActorKind.OFFICER or not keeps_ledger(actor.roles):
                    raise NotPermitted("ledger", actor.label())
                # from a case of their own unit: not from one they only receive or follow (§10.3, R-47)
                case, viewer, _ = await officer_case(s, number, actor, "act")
                if not keeps_ledger(viewer.roles):  # roles as stored now
                    raise NotPermitted("ledger", actor.label())
            vault, ledgers = self.ctx.vault, []
            for p in await repo.persons_of(s, case):
                if not p.name_index:
                    continue
                same = ReportedPersonRow.region == p.region
                if p.unit_index:
                    same = or_(ReportedPersonRow.unit_index == p.unit_index, same)
                entries = await self._entries(s, viewer, p.name_index, same)
                ledgers.append(PersonLedger(vault.dec_text(p.name_enc) or "", vault.decrypt(p.unit_enc).decode(),
                                            p.region, entries))  # fmt: skip
            await uow.commit()
        return ledgers

    async def for_name(self, actor: Actor, name: str, region: str | None = None) -> PersonLedger:
        """Every report naming ``name`` (optionally in ``region``): the CLI's look-up, whose rows show each
        report's unit of the person so that namesakes can be told apart."""
        if actor.kind is not ActorKind.SYSTEM:
            raise NotPermitted("ledger", actor.label())
        if not name.strip():
            raise NotFound("person", "")
        async with self.ctx.uow() as uow:
            s = uow.session
            index = person_index(self.ctx.vault, name)
            entries = await self._entries(s, actor, index, ReportedPersonRow.region == region if region else None)
            await uow.commit()
        if not entries:
            raise NotFound("person", name.strip())
        return PersonLedger(" ".join(name.split()), "", region or "", entries)

    async def _entries(
        self, s: AsyncSession, viewer: Actor, name_index: str, same: ColumnElement[bool] | None
    ) -> tuple[LedgerEntry, ...]:
        """The reports naming the person that ``viewer`` may see, oldest first; each listed one audited."""
        vault = self.ctx.vault
        stmt = (
            select(CaseRow, ReportedPersonRow, UnitRow.name)
            .join(ReportedPersonRow, ReportedPersonRow.case_id == CaseRow.id)
            .join(UnitRow, UnitRow.id == CaseRow.unit_id)
            .where(ReportedPersonRow.name_index == name_index)
            .order_by(CaseRow.id.desc())
            .limit(LIMIT)
        )
        if same is not None:
            stmt = stmt.where(same)
        entries: dict[int, LedgerEntry] = {}
        cases: list[CaseRow] = []
        for case, p, unit in await s.execute(stmt):
            if case.id in entries or not sees(viewer, case):
                continue
            cases.append(case)
            entries[case.id] = LedgerEntry(
                number=case.number, received_at=case.received_at, unit=unit, state=case.state,
                report_type=case.report_type, disposal_method=case.disposal_method, outcome=outcome_key(case),
                concluded_at=case.concluded_at, person_unit=vault.decrypt(p.unit_enc).decode(), region=p.region,
            )  # fmt: skip
        now = self.ctx.now()
        for case in cases:  # who saw whose ledger; not on the card's history (core.services.queries)
            history.record(s, vault, case, viewer, Action.VIEW_LEDGER, now, rule="R-47", view=True)
        return tuple(sorted(entries.values(), key=lambda e: (e.received_at, e.number)))
