"""Reading a case's audit trail: who did what and when, above all who saw the facts, the identity or evidence.

R-47 (rules.md §4.1) makes leaks punishable; the trail is how an office finds out who could have leaked. It is
read without decrypting notes (they may quote the report), so showing it reveals neither identity nor facts.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from core.model import Action
from core.persistence import repository as repo
from core.persistence.orm import CaseEventRow, OfficerRow, UnitRow
from core.services.context import CoreContext
from core.services.views import AuditEntry, AuditTrail

#: The note an evidence download records (core.services.desk): fixed text, no content.
_EVIDENCE_NOTE = re.compile(r"evidence \d+")


class AuditService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def trail(self, number: str) -> AuditTrail:
        vault = self.ctx.vault
        async with self.ctx.uow() as uow:
            s = uow.session
            case = await repo.case_by_number(s, number)
            rows = list(
                (await s.execute(select(CaseEventRow).where(CaseEventRow.case_id == case.id).order_by(CaseEventRow.id)))
                .scalars()
            )  # fmt: skip
            ids = {r.officer_id for r in rows if r.officer_id is not None}
            officers = {o.id: o for o in (await s.execute(select(OfficerRow).where(OfficerRow.id.in_(ids)))).scalars()}
            units = {u.id: u.code for u in (await s.execute(select(UnitRow))).scalars()}
            entries = []
            for r in rows:
                officer = officers.get(r.officer_id) if r.officer_id is not None else None
                detail = ""
                if r.action == Action.VIEW_EVIDENCE.value and r.note_enc is not None:
                    note = vault.dec_text(r.note_enc) or ""
                    detail = note if _EVIDENCE_NOTE.fullmatch(note) else ""
                entries.append(
                    AuditEntry(
                        at=r.at,
                        actor=r.actor,
                        officer_id=r.officer_id,
                        officer_name=officer.name if officer else None,
                        roles=tuple(officer.roles) if officer else (),
                        unit=units.get(officer.unit_id) if officer else None,
                        action=r.action,
                        from_state=r.from_state,
                        to_state=r.to_state,
                        rule=r.rule,
                        detail=detail,
                    )
                )
            return AuditTrail(
                number=case.number,
                state=case.state,
                entries=entries,
                identity_views=sum(e.action == Action.VIEW_IDENTITY.value for e in entries),
                evidence_views=sum(e.action == Action.VIEW_EVIDENCE.value for e in entries),
                purged_at=case.purged_at,
                case_views=sum(e.action == Action.VIEW_CASE.value for e in entries),
            )
