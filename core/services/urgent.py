"""Urgent content (rules.md §8; XF-25 "report at once"): recorded and pushed to officers before anything else."""

from __future__ import annotations

from sqlalchemy import select

from core.model import RecipientKind, Role
from core.persistence import repository as repo
from core.persistence.orm import OfficerRow, UrgentNoteRow
from core.services.context import CoreContext

EXCERPT = 300


class UrgentService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def raise_alert(self, text: str) -> int:
        """Store the note and queue a push to every on-duty officer (all supervisors if none is on duty)."""
        vault, now = self.ctx.vault, self.ctx.now()
        async with self.ctx.uow() as uow:
            s = uow.session
            note = UrgentNoteRow(at=now, text_enc=vault.enc_text(text) or b"")
            s.add(note)
            await s.flush()
            officers = list((await s.execute(select(OfficerRow).where(OfficerRow.active))).scalars())
            on_duty = [o for o in officers if o.on_duty] or [o for o in officers if Role.SUPERVISOR.value in o.roles]
            for officer in on_duty:
                repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=officer.id,
                             template="notify.officer.urgent_note",
                             params={"note": note.id, "excerpt": text[:EXCERPT]}, now=now,
                             dedupe_key=f"urgent:{note.id}:{officer.id}")  # fmt: skip
            await uow.commit()
            return note.id
