"""The composition root: settings → engine → vault → services (→ scheduler → bot, in ``qingfeng.runner``).

Everything that reads the environment, opens a database or loads keys happens here, on request, never at
import time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from core.calendar.workdays import WorkCalendar
from core.clock import Clock, SystemClock, office_zone
from core.crypto import KeyFileMissing, KeysUnavailable, Vault, create_key_file, load_vault
from core.evidence import EvidenceStore
from core.files import private_dir
from core.persistence import migrate
from core.persistence.db import make_engine, make_session_factory
from core.persistence.uow import UnitOfWorkFactory
from core.services.calendar import CalendarService
from core.services.cases import CaseService
from core.services.context import CoreContext
from core.services.filing import FilingService
from core.services.keys import keys_fit, sample_stored
from core.services.officers import OfficerService
from core.services.queries import CaseQueries
from core.services.urgent import UrgentService
from core.settings import Settings

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


def _test_vault(settings: Settings) -> Vault:
    """Without the check (``upgrade=False``: tests, whose databases are emptied after building the app)."""
    try:
        return build_vault(settings)
    except KeyFileMissing:
        create_key_file(settings.resolved_key_file)
        return build_vault(settings)


def build_vault(settings: Settings) -> Vault:
    return load_vault(
        settings.resolved_key_file,
        settings.encryption_keys.get_secret_value() if settings.encryption_keys else None,
        settings.index_key.get_secret_value() if settings.index_key else None,
    )


def _where_keys_are(settings: Settings) -> str:
    if settings.encryption_keys is not None and settings.index_key is not None:
        return "the keys in QINGFENG_ENCRYPTION_KEYS and QINGFENG_INDEX_KEY"
    extra = " with QINGFENG_ENCRYPTION_KEYS" if settings.encryption_keys is not None else ""
    return f"the keys in {settings.resolved_key_file}{extra}"


def _restore(settings: Settings) -> str:
    return (
        f"Restore {settings.resolved_key_file} from your key backup, or set QINGFENG_KEY_FILE to where the key "
        "file is, or give the keys in QINGFENG_ENCRYPTION_KEYS and QINGFENG_INDEX_KEY"
    )


async def open_vault(settings: Settings, engine: AsyncEngine) -> Vault:
    """The configured keys, checked against the stored data. A key file is created only when the database and
    the evidence directory hold nothing encrypted: a missing key file (a volume not mounted) or keys that do not
    fit (another installation's) are refused with :class:`KeysUnavailable`, or the bot would file new reports
    under a key the old ones cannot be read with, and the other way round (issue 11, item 5)."""
    async with engine.connect() as conn:
        sample = await sample_stored(conn)
    evidence = settings.evidence_dir.is_dir() and any(settings.evidence_dir.glob("*.bin"))
    try:
        vault = build_vault(settings)
    except KeyFileMissing:
        path = settings.resolved_key_file
        if sample.keyed or evidence:
            raise KeysUnavailable(
                f"the key file {path} is missing, but the database holds data encrypted with it; no new key was "
                f"made. {_restore(settings)}"
            ) from None
        create_key_file(path)
        log.info("new key file created at %s: back it up apart from the database", path)
        vault = build_vault(settings)
    if not keys_fit(vault, sample):
        raise KeysUnavailable(
            f"{_where_keys_are(settings)} do not decrypt the data in the database; nothing was changed. "
            + _restore(settings)
        )
    return vault


async def build_app(settings: Settings, *, clock: Clock | None = None, upgrade: bool = True) -> App:
    """Build the application; with ``upgrade`` (the default: every command and runtime) the schema is brought
    up to date first and the keys are checked against the data (tests skip both: they make their own)."""
    private_dir(settings.data_dir)
    engine = make_engine(settings.db_url)
    if upgrade:
        await migrate.upgrade(engine)
    try:
        vault = await open_vault(settings, engine) if upgrade else _test_vault(settings)
    except BaseException:
        await engine.dispose()
        raise
    ctx = CoreContext(
        uow_factory=UnitOfWorkFactory(make_session_factory(engine), vault),
        clock=clock or SystemClock(),
        calendar=WorkCalendar.from_directory(settings.calendar_dir),
        evidence=EvidenceStore(settings.evidence_dir, vault),
        home_unit=settings.home_unit,
        tz=office_zone(settings.timezone),
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
