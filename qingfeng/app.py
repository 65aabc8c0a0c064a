"""The bootstrap: the one place the application's objects are built, once each, in dependency order, for every
entry point (``qingfeng run`` with aiogram or python-telegram-bot, ``qingfeng chat``, the CLI, the scheduler,
the tests' fixtures, the benchmarks). Other modules receive what they need from here.

- :func:`build_app`: settings → engine → vault → :class:`CoreContext` → every core service and store → :class:`App`.
- :func:`bot_deps`: the App's services → the dialog runner, the officer desk and the flood gate every chat
  runtime reads (:class:`~bot.deps.BotDeps`).
- :func:`build_outbox`, :func:`build_chat_outbox`, :func:`build_scheduler`: what needs a runtime's notifier
  (made by the runtime from its library's bot), built once the runtime has one.

Everything that reads the environment, opens a database or loads keys happens here, on request, never at
import time.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.deps import BotDeps, Gate
from bot.dialogs.officer import OfficerDesk, OfficerServices
from bot.dialogs.runner import DialogRunner, DialogServices
from bot.floodgate import Floodgate
from bot.i18n import Translator
from core.calendar.reminders import ReminderPolicy
from core.calendar.workdays import WorkCalendar
from core.chats import not_web_chat
from core.clock import Clock, SystemClock, office_zone
from core.crypto import KeyFileMissing, KeysUnavailable, Vault, create_key_file, load_vault
from core.evidence import EvidenceStore
from core.files import private_dir
from core.persistence import migrate
from core.persistence.db import make_engine, make_session_factory
from core.persistence.uow import UnitOfWorkFactory
from core.ports import Notifier
from core.services.approvals import ApprovalService
from core.services.audit import AuditService
from core.services.calendar import CalendarService
from core.services.cases import CaseService
from core.services.chat_locks import ChatLocks, chat_locks_for
from core.services.chat_outbox import ChatOutbox
from core.services.context import CoreContext
from core.services.desk import Desk
from core.services.dialog_store import DialogStore
from core.services.filing import FilingService
from core.services.flood_buckets import SharedFloodgate
from core.services.job_runs import JobRunStore
from core.services.keys import KeyService, keys_fit, sample_stored
from core.services.lockout import Lockout
from core.services.messaging import MessagingService
from core.services.officers import OfficerService
from core.services.outbox import OutboxService
from core.services.queries import CaseQueries
from core.services.reminders import ReminderService
from core.services.reporter import ReporterService
from core.services.retention import RetentionService
from core.services.stats import StatsService
from core.services.stats_reports import StatsReportService
from core.services.urgent import UrgentService
from core.settings import Settings
from qingfeng.stats_charts import chart_maker

if TYPE_CHECKING:
    from qingfeng.scheduler import JobScheduler, Timing

log = logging.getLogger(__name__)


@dataclass
class App:
    """The built graph: every core service and store, once. Runtimes, the CLI, the scheduler and tests read it."""

    settings: Settings
    engine: AsyncEngine
    ctx: CoreContext
    filing: FilingService
    cases: CaseService
    queries: CaseQueries
    officers: OfficerService
    calendar: CalendarService
    urgent: UrgentService
    approvals: ApprovalService
    reporter: ReporterService
    messaging: MessagingService
    dialogs: DialogStore
    desk: Desk
    lockout: Lockout
    reminders: ReminderService
    audit: AuditService
    retention: RetentionService
    keys: KeyService
    job_runs: JobRunStore
    stats: StatsService
    stats_reports: StatsReportService
    chat_locks: ChatLocks  # one update of a chat at a time, across instances on PostgreSQL

    @property
    def vault(self) -> Vault:
        return self.ctx.vault

    async def close(self) -> None:
        await self.chat_locks.close()
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
        calendar=load_calendar(settings),
        evidence=EvidenceStore(settings.evidence_dir, vault),
        home_unit=settings.home_unit,
        tz=office_zone(settings.timezone),
    )
    app = _services(settings, engine, ctx)
    if upgrade:
        moved = await app.calendar.recompute_open_deadlines()
        if moved:
            log.info("calendar data changed: %d open deadlines moved", moved)
    return app


def load_calendar(settings: Settings) -> WorkCalendar:
    """The working-day calendar with the operators' holiday files (at start, daily in the scheduler, and by the
    CLI's commands that need no database)."""
    return WorkCalendar.from_directory(settings.calendar_dir)


def _services(settings: Settings, engine: AsyncEngine, ctx: CoreContext) -> App:
    """Each service once, those another needs first."""
    lockout, cases, urgent = Lockout(ctx), CaseService(ctx), UrgentService(ctx)
    queries = CaseQueries(ctx, lockout)
    policy = ReminderPolicy(settings.reminder_days_before, settings.urgent_repush_minutes)
    return App(
        settings=settings,
        engine=engine,
        ctx=ctx,
        filing=FilingService(ctx),
        cases=cases,
        queries=queries,
        officers=OfficerService(ctx),
        calendar=CalendarService(ctx),
        urgent=urgent,
        approvals=ApprovalService(ctx, cases),
        reporter=ReporterService(ctx, cases),
        messaging=MessagingService(ctx),
        dialogs=DialogStore(ctx),
        desk=Desk(ctx, queries),
        lockout=lockout,
        reminders=ReminderService(ctx, urgent, policy),
        audit=AuditService(ctx),
        retention=RetentionService(ctx),
        keys=KeyService(ctx),
        job_runs=JobRunStore(ctx),
        stats=StatsService(ctx),
        stats_reports=StatsReportService(ctx),
        chat_locks=chat_locks_for(settings.db_url, ctx.vault),
    )


def dialog_services(app: App) -> DialogServices:
    """The citizen dialogs' services, the App's own."""
    return DialogServices(store=app.dialogs, filing=app.filing, queries=app.queries, officers=app.officers,
                          urgent=app.urgent, reporter=app.reporter, messaging=app.messaging)  # fmt: skip


def bot_deps(app: App, translator: Translator) -> BotDeps:
    """What every chat runtime reads, from the App's services (none built twice)."""
    locale = app.settings.default_locale
    officer = OfficerServices(desk=app.desk, cases=app.cases, officers=app.officers, store=app.dialogs,
                              messaging=app.messaging, urgent=app.urgent, approvals=app.approvals,
                              stats=app.stats)  # fmt: skip
    burst, refill = app.settings.flood_burst, app.settings.flood_per_minute / 60
    # several instances count a chat's updates together (issue 18)
    gate: Gate = Floodgate(burst, refill) if app.chat_locks.alone else SharedFloodgate(app.ctx, burst, refill)
    desk = OfficerDesk(officer, locale, charts=chart_maker(translator))
    return BotDeps(translator, DialogRunner(dialog_services(app), locale, app.chat_locks), desk, gate)


def build_outbox(app: App, notifier: Notifier, *, web: bool = False) -> OutboxService:
    """The outbox sent through a runtime's notifier (one per running bot). ``web``: the notifier writes web chats'
    notices to their pages too (``qingfeng run --web``); otherwise they are left for the web chat's own outbox,
    never sent to Telegram (who would refuse a chat it does not know, after the text had left the office)."""
    return OutboxService(app.ctx, notifier, reach=None if web else not_web_chat)


def build_chat_outbox(app: App, notifier: Notifier, chat_id: int, officer_id: int | None) -> ChatOutbox:
    """The outbox of one terminal chat: only that chat's rows (``qingfeng chat``)."""
    return ChatOutbox(app.ctx, notifier, chat_id, officer_id)


def build_scheduler(
    app: App,
    outbox: OutboxService,
    *,
    name: str = "qingfeng",
    outbox_seconds: float | None = None,
    timing: Timing | None = None,
    record: bool = True,
) -> JobScheduler:
    """The periodic jobs over ``outbox`` and the App's services, created, not started; ``record``: save the
    heartbeat (the bot's, not the terminal's). Imported here, not at the top: ``qingfeng.scheduler`` reads
    :class:`App` from this module."""
    from qingfeng.scheduler import JobScheduler, Timing

    timing = timing or Timing()
    if outbox_seconds is not None:
        timing = dataclasses.replace(timing, outbox=outbox_seconds)
    return JobScheduler(app, outbox, name=name, timing=timing, record=record)
