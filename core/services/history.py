"""One way to write a step into a case's history: who, when, what, under which rule (issue 14).

rules.md §1: "Every transition writes an append-only event (actor, time, reason, rule id)"; R-47 (§4.1) makes
every view of the facts, the identity or the evidence a step too, so that who could have leaked is knowable.
The note may quote the report: it is stored encrypted. Reading the trail: ``core.services.audit``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from core.actor import Actor
from core.crypto import Vault
from core.model import Action, CaseState
from core.persistence.orm import CaseEventRow, CaseRow


def record(
    session: AsyncSession,
    vault: Vault,
    case: CaseRow,
    who: Actor,
    what: Action,
    at: datetime,
    *,
    rule: str = "",
    note: str = "",
    public: bool = False,
    change: tuple[CaseState | None, CaseState] | None = None,
    view: bool = False,
) -> CaseEventRow:
    """Add the step to the session (flushed with the unit of work) and return it.

    ``change`` is a transition's (from, to) — from ``None`` when the case is filed; ``view`` an access, which
    records no state; any other step records the state the case stays in. ``public`` steps are shown to the
    reporter (their coarse status changed). The actor is recorded by label only: "citizen" names nobody.
    """
    if view:
        states: tuple[str | None, str | None] = (None, None)
    elif change is not None:
        states = (change[0].value if change[0] is not None else None, change[1].value)
    else:
        states = (case.state, case.state)
    event = CaseEventRow(
        case_id=case.id,
        at=at,
        actor=who.label(),
        officer_id=who.officer_id,
        action=what.value,
        from_state=states[0],
        to_state=states[1],
        rule=rule,
        note_enc=vault.enc_text(note) if note else None,
        public=public,
    )
    session.add(event)
    return event
