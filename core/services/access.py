"""Applying ``core.access`` inside a transaction: the officer as the database knows them now, and the case.

Refusals are one error for "no such case" and "not yours", so that trying numbers (they are sequential)
tells an officer nothing about cases they may not see.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from core.access import NO_ACCESS, CaseAccess, case_access
from core.actor import Actor
from core.errors import CaseUnavailable, NotFound
from core.model import Action, ActorKind, Role
from core.persistence import repository as repo
from core.persistence.orm import CaseRow, OfficerRow


async def fresh_officer(s: AsyncSession, actor: Actor) -> Actor | None:
    """The officer's roles and unit as stored now; None when deactivated or gone (the Actor may be stale)."""
    if actor.kind is not ActorKind.OFFICER or actor.officer_id is None:
        return None
    row = await s.get(OfficerRow, actor.officer_id, populate_existing=True)
    if row is None or not row.active:
        return None
    return Actor(ActorKind.OFFICER, officer_id=row.id, roles=frozenset(Role(r) for r in row.roles),
                 unit_id=row.unit_id, name=row.name)  # fmt: skip


async def officer_case(
    s: AsyncSession, number: str, actor: Actor, need: str, *, lock: bool = False
) -> tuple[CaseRow, Actor, CaseAccess]:
    """Load a case for an officer who needs ``need`` (a :class:`CaseAccess` field); refuse otherwise."""
    officer = await fresh_officer(s, actor)
    try:
        case = await repo.case_by_number(s, number, lock=lock)
    except NotFound:
        raise CaseUnavailable(need, actor.label()) from None
    access = case_access(officer, case) if officer is not None else NO_ACCESS
    if officer is None or not getattr(access, need):
        raise CaseUnavailable(need, actor.label())
    return case, replace(officer, following=access.follow is not None), access


async def officer_case_for(
    s: AsyncSession, number: str, actor: Actor, action: Action, *, lock: bool = False
) -> tuple[CaseRow, Actor, CaseAccess]:
    """Load a case for an officer about to take ``action``: refused unless their access covers it
    (:meth:`CaseAccess.may`: acting on the unit's case, receiving a transfer, following one sent down)."""
    case, officer, access = await officer_case(s, number, actor, "view", lock=lock)
    if not access.may(action):
        raise CaseUnavailable("act", actor.label())
    return case, replace(officer, following=access.follow is not None), access
