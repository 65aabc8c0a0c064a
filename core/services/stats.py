"""A leader's figures in the bot (issue 17 item 4): their unit and the units below it, for a month or a quarter.

Aggregates only — no case, no reporter — so reading them is not audited; who may read them is
:func:`core.permissions.sees_statistics`.
"""

from __future__ import annotations

from core.actor import Actor
from core.errors import NotPermitted
from core.permissions import sees_statistics
from core.persistence.orm import UnitRow
from core.services.context import CoreContext
from core.stats.figures import Figures
from core.stats.period import Period
from core.stats.series import MonthlySeries, monthly_series
from core.stats.service import compute_figures


class StatsService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def _unit(self, actor: Actor) -> str:
        if not sees_statistics(actor.roles) or actor.unit_id is None:
            raise NotPermitted("stats", actor.label())
        async with self.ctx.uow() as uow:
            unit = await uow.session.get(UnitRow, actor.unit_id)
            if unit is None:
                raise NotPermitted("stats", actor.label())
            return unit.code

    async def figures(self, actor: Actor, period: Period) -> Figures:
        return await compute_figures(self.ctx, period, await self._unit(actor))

    async def series(self, actor: Actor, period: Period) -> MonthlySeries:
        """The months up to the period's last, for the charts over time."""
        return await monthly_series(self.ctx, period.last, await self._unit(actor))
