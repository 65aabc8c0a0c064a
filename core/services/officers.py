"""Units of the office hierarchy and the officers who work in them; turning a Telegram user into an Actor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core.actor import Actor
from core.errors import InvalidInput, NotFound, NotPermitted
from core.jurisdiction import DEFAULT_HANDLES
from core.model import OPEN_STATES, Action, ActorKind, CadreLevel, RecipientKind, Role, UnitLevel
from core.permissions import manages_staff, takes_cases
from core.persistence import office
from core.persistence import repository as repo
from core.persistence.orm import CaseRow, OfficerRow, UnitRow
from core.secrets_ import new_query_code, normalise_code
from core.services import history
from core.services.context import CoreContext

_OPEN_VALUES = [s.value for s in OPEN_STATES]


@dataclass(frozen=True)
class UnitView:
    id: int
    code: str
    name: str
    level: str
    region: str
    parent: str | None
    handles_levels: list[str]


@dataclass(frozen=True)
class OfficerView:
    id: int
    telegram_id: int | None
    name: str
    unit: str
    roles: list[str]
    active: bool
    invited: bool = False  # an invite not yet redeemed with /join (not active until then)


class OfficerService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def add_unit(
        self,
        code: str,
        name: str,
        level: UnitLevel,
        region: str,
        parent: str | None = None,
        handles: Sequence[CadreLevel] | None = None,
    ) -> UnitView:
        async with self.ctx.uow() as uow:
            s = uow.session
            parent_row = None
            if parent:
                parent_row = (await s.execute(select(UnitRow).where(UnitRow.code == parent))).scalar_one_or_none()
                if parent_row is None:
                    raise NotFound("unit", parent)
            levels = list(handles) if handles is not None else list(DEFAULT_HANDLES[level])
            # The first unit takes over the placeholder of reports filed before any unit existed, with them.
            row = await office.placeholder(s)
            if row is None:
                row = UnitRow()
                s.add(row)
            row.code, row.name, row.level, row.region = code, name, level.value, region.strip("/")
            row.parent_id = parent_row.id if parent_row else None
            row.handles_levels, row.active = [lv.value for lv in levels], True
            try:
                await s.flush()
            except IntegrityError as exc:
                raise InvalidInput("code", f"unit {code} exists") from exc
            view = _unit_view(row, parent_row.code if parent_row else None)
            await uow.commit()
            return view

    async def list_units(self) -> list[UnitView]:
        async with self.ctx.uow() as uow:
            rows = list((await uow.session.execute(select(UnitRow).order_by(UnitRow.id))).scalars())
            codes = {r.id: r.code for r in rows}
            return [_unit_view(r, codes.get(r.parent_id) if r.parent_id else None) for r in rows]

    async def set_home_unit(self, code: str) -> UnitView:
        """Store which unit receives reports no routing rule places (``QINGFENG_HOME_UNIT`` still overrides)."""
        async with self.ctx.uow() as uow:
            s = uow.session
            row = (await s.execute(select(UnitRow).where(UnitRow.code == code, UnitRow.active))).scalar_one_or_none()
            if row is None:
                raise NotFound("unit", code)
            await office.store_home(s, code)
            parent = await s.get(UnitRow, row.parent_id) if row.parent_id else None
            view = _unit_view(row, parent.code if parent else None)
            await uow.commit()
            return view

    async def home_unit_code(self) -> str | None:
        """The home unit in force: the setting if it names an active unit, else the one stored by setup."""
        async with self.ctx.uow() as uow:
            s = uow.session
            active = set((await s.execute(select(UnitRow.code).where(UnitRow.active))).scalars())
            if self.ctx.home_unit in active:
                return self.ctx.home_unit
            stored = await office.stored_home(s)
            return stored if stored in active else None

    async def add_officer(
        self, name: str, unit_code: str, roles: Sequence[Role], telegram_id: int | None = None
    ) -> OfficerView:
        if not roles:
            raise InvalidInput("roles", "at least one role")
        async with self.ctx.uow() as uow:
            s = uow.session
            unit = (await s.execute(select(UnitRow).where(UnitRow.code == unit_code))).scalar_one_or_none()
            if unit is None:
                raise NotFound("unit", unit_code)
            row = OfficerRow(
                telegram_id=telegram_id,
                name=name.strip(),
                unit_id=unit.id,
                roles=sorted({r.value for r in roles}),
                active=True,
                created_at=self.ctx.now(),
            )
            s.add(row)
            try:
                await s.flush()
            except IntegrityError as exc:
                raise InvalidInput("telegram_id", "already registered to another officer") from exc
            view = _officer_view(row, unit.code)
            await uow.commit()
            return view

    async def list_officers(self) -> list[OfficerView]:
        async with self.ctx.uow() as uow:
            s = uow.session
            codes = {u.id: u.code for u in (await s.execute(select(UnitRow))).scalars()}
            rows = (await s.execute(select(OfficerRow).order_by(OfficerRow.id))).scalars()
            return [_officer_view(r, codes[r.unit_id]) for r in rows]

    async def invite(
        self, name: str, unit_code: str, roles: Sequence[Role], hours: int = 72
    ) -> tuple[OfficerView, str]:
        """Create an officer who joins by sending ``/join <code>`` in the bot; the code works once, for ``hours``."""
        code = new_query_code()
        async with self.ctx.uow() as uow:
            s = uow.session
            unit = (await s.execute(select(UnitRow).where(UnitRow.code == unit_code))).scalar_one_or_none()
            if unit is None:
                raise NotFound("unit", unit_code)
            if not roles:
                raise InvalidInput("roles", "at least one role")
            row = OfficerRow(name=name.strip(), unit_id=unit.id, roles=sorted({r.value for r in roles}), active=False,
                             created_at=self.ctx.now(), invite_expires_at=self.ctx.now() + timedelta(hours=hours),
                             invite_index=self.ctx.vault.index("invite", normalise_code(code)))  # fmt: skip
            s.add(row)
            await s.flush()
            view = _officer_view(row, unit.code)
            await uow.commit()
            return view, code

    async def redeem(self, code: str, telegram_id: int) -> Actor | None:
        """Bind the Telegram account to the invited officer; None for a wrong, used or expired code."""
        idx = self.ctx.vault.index("invite", normalise_code(code))
        async with self.ctx.uow() as uow:
            s = uow.session
            row = (await s.execute(select(OfficerRow).where(OfficerRow.invite_index == idx))).scalar_one_or_none()
            taken = (await s.execute(select(OfficerRow.id).where(OfficerRow.telegram_id == telegram_id))).first()
            if row is None or taken or row.invite_expires_at is None or row.invite_expires_at < self.ctx.now():
                return None
            row.telegram_id, row.active, row.invite_index, row.invite_expires_at = telegram_id, True, None, None
            await uow.commit()
            return _actor(row)

    async def deactivate(self, officer_id: int, reassign_to: int | None, actor: Actor) -> int:
        """An officer leaves: deactivated, and all their open cases moved to ``reassign_to`` in one step.

        Returns how many cases moved; each move is in the case's audit trail.
        """
        if not manages_staff(actor):
            raise NotPermitted("deactivate", actor.label())
        vault, now = self.ctx.vault, self.ctx.now()
        async with self.ctx.uow() as uow:
            s = uow.session
            leaving = await s.get(OfficerRow, officer_id)
            if leaving is None:
                raise NotFound("officer", officer_id)
            open_cases = list((await s.execute(
                select(CaseRow).where(CaseRow.assignee_id == officer_id, CaseRow.state.in_(_OPEN_VALUES))
            )).scalars())  # fmt: skip
            if open_cases:
                successor = await s.get(OfficerRow, reassign_to) if reassign_to is not None else None
                if (
                    successor is None
                    or not successor.active
                    or successor.id == officer_id
                    or successor.unit_id != leaving.unit_id
                    or not takes_cases(successor.roles)
                ):
                    raise InvalidInput("reassign_to", "an active handler of the same unit is needed")
                for case in open_cases:
                    case.assignee_id, case.updated_at = successor.id, now
                    history.record(s, vault, case, actor, Action.REASSIGN, now,
                                   note=f"{leaving.name} → {successor.name}")  # fmt: skip
                    repo.enqueue(
                        s,
                        vault,
                        kind=RecipientKind.OFFICER,
                        recipient_id=successor.id,
                        template="notify.officer.assigned",
                        params={"number": case.number},
                        now=now,
                    )
            leaving.active = False
            await uow.commit()
            return len(open_cases)

    async def actor_for_telegram(self, telegram_id: int) -> Actor | None:
        """The officer behind a Telegram account, or None: unknown users are citizens."""
        async with self.ctx.uow() as uow:
            row = (
                await uow.session.execute(
                    select(OfficerRow).where(OfficerRow.telegram_id == telegram_id, OfficerRow.active)
                )
            ).scalar_one_or_none()
            return _actor(row) if row else None

    async def actor_for_officer(self, officer_id: int) -> Actor:
        async with self.ctx.uow() as uow:
            row = await uow.session.get(OfficerRow, officer_id)
            if row is None or not row.active:
                raise NotFound("officer", officer_id)
            return _actor(row)


def _actor(row: OfficerRow) -> Actor:
    return Actor(
        ActorKind.OFFICER,
        officer_id=row.id,
        roles=frozenset(Role(r) for r in row.roles),
        unit_id=row.unit_id,
        name=row.name,
    )


def _unit_view(row: UnitRow, parent: str | None) -> UnitView:
    return UnitView(row.id, row.code, row.name, row.level, row.region, parent, list(row.handles_levels))


def _officer_view(row: OfficerRow, unit_code: str) -> OfficerView:
    invited = row.invite_index is not None and not row.active
    return OfficerView(row.id, row.telegram_id, row.name, unit_code, list(row.roles), row.active, invited)
