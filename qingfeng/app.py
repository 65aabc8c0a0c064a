"""The composition root: settings → engine → vault → services (→ scheduler → bot, in ``qingfeng.runner``).

Everything that reads the environment, opens a database or loads keys happens here, on request, never at
import time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from core.clock import Clock, SystemClock
from core.crypto import Vault, load_vault
from core.evidence import EvidenceStore
from core.files import private_dir
from core.persistence import migrate
from core.persistence.db import make_engine, make_session_factory
from core.persistence.uow import UnitOfWorkFactory
from core.services.calendar import CalendarService
from core.services.cases import CaseService
from core.services.context import CoreContext
from core.services.filing import FilingService
from core.services.officers import OfficerService
from core.services.queries import CaseQueries
from core.services.urgent import UrgentService
from core.settings import Settings
from core.workcalendar import WorkCalendar

log = logging.getLogger(__name__)


@dataclass
class App:
    """Everything the bot, the CLI and the tests need, built once."""

    settings: Settings
    engine: AsyncEngine
    ctx: CoreContext
    filing: FilingService
    cases: CaseService
    queries: CaseQueries
    officers: OfficerService
    calendar: CalendarService
    urgent: UrgentService

    @property
    def vault(self) -> Vault:
        return self.ctx.vault

    async def close(self) -> None:
        await self.engine.dispose()


def build_vault(settings: Settings) -> Vault:
    return load_vault(
        settings.resolved_key_file,
        settings.encryption_keys.get_secret_value() if settings.encryption_keys else None,
        settings.index_key.get_secret_value() if settings.index_key else None,
    )


async def build_app(settings: Settings, *, clock: Clock | None = None, upgrade: bool = True) -> App:
    """Build the application; with ``upgrade`` (the default) the schema is brought up to date first."""
    private_dir(settings.data_dir)
    engine = make_engine(settings.db_url)
    if upgrade:
        await migrate.upgrade(engine)
    vault = build_vault(settings)
    ctx = CoreContext(
        uow_factory=UnitOfWorkFactory(make_session_factory(engine), vault),
        clock=clock or SystemClock(),
        calendar=WorkCalendar.from_directory(settings.calendar_dir),
        evidence=EvidenceStore(settings.evidence_dir, vault),
        home_unit=settings.home_unit,
    )
    app = App(
        settings=settings,
        engine=engine,
        ctx=ctx,
        filing=FilingService(ctx),
        cases=CaseService(ctx),
        queries=CaseQueries(ctx),
        officers=OfficerService(ctx),
        calendar=CalendarService(ctx),
        urgent=UrgentService(ctx),
    )
    if upgrade:
        moved = await app.calendar.recompute_open_deadlines()
        if moved:
            log.info("calendar data changed: %d open deadlines moved", moved)
    return app
