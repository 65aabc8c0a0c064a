"""The one audit helper (core.services.history.record): who, when, what, which states, the note encrypted."""

from __future__ import annotations

from sqlalchemy import select

from core.actor import Actor
from core.clock import ManualClock
from core.model import Action, CaseState
from core.persistence import repository as repo
from core.persistence.orm import CaseEventRow
from core.services import history
from qingfeng.app import App
from tests.factories import named_report, seed_office


async def test_record_writes_a_transition_a_stay_and_a_view(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    number = (await app.filing.file_report(named_report())).number
    vault, at = app.ctx.vault, clock.now()
    async with app.ctx.uow() as uow:
        s = uow.session
        case = await repo.case_by_number(s, number)
        moved = history.record(s, vault, case, office.intake, Action.REGISTER, at, rule="R-14", note="登记",
                               public=True, change=(CaseState.RECEIVED, CaseState.REGISTERED))  # fmt: skip
        stayed = history.record(s, vault, case, Actor.citizen(), Action.RATE, at, note="satisfied")
        seen = history.record(s, vault, case, office.supervisor, Action.VIEW_CASE, at, rule="R-47", view=True)
        await s.flush()
        ids = (moved.id, stayed.id, seen.id)
        await uow.commit()
    async with app.ctx.uow() as uow:
        query = select(CaseEventRow).where(CaseEventRow.id.in_(ids)).order_by(CaseEventRow.id)
        rows = (await uow.session.execute(query)).scalars()
        got = [(r.actor, r.officer_id, r.action, r.from_state, r.to_state, r.rule, r.public, vault.dec_text(r.note_enc))
               for r in rows]  # fmt: skip
    assert got == [
        (office.intake.label(), office.intake.officer_id, "register", "received", "registered", "R-14", True, "登记"),
        ("citizen", None, "rate", "received", "received", "", False, "satisfied"),  # stays in its state
        (office.supervisor.label(), office.supervisor.officer_id, "view_case", None, None, "R-47", False, None),
    ]
