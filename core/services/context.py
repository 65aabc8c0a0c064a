"""What every service needs: units of work, a clock, the calendar, the evidence store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.calendar.workdays import WorkCalendar
from core.clock import OFFICE_TZ, Clock, office_date
from core.crypto import Vault
from core.evidence import EvidenceStore
from core.persistence.uow import UnitOfWork, UnitOfWorkFactory


@dataclass
class CoreContext:
    uow_factory: UnitOfWorkFactory
    clock: Clock
    calendar: WorkCalendar
    evidence: EvidenceStore
    home_unit: str | None = None
    tz: ZoneInfo = OFFICE_TZ  # the office's zone (QINGFENG_TIMEZONE): its days, its year, every time shown

    @property
    def vault(self) -> Vault:
        return self.uow_factory.vault

    def uow(self) -> UnitOfWork:
        return self.uow_factory()

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return office_date(self.clock.now(), self.tz)
