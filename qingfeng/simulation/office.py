"""The office simulated: a county commission with the city's above it and three townships' below, twenty officers.

Each officer has a pace (how long they take, how often they are late), leave, and the working days of the
official calendar (make-up Saturdays included): they act on those days only, between 09:00 and 17:30 office time.
One handler takes three months' leave in the middle of the year; one never acts at all. Built through the same
service calls as ``qingfeng setup`` and ``qingfeng officers add``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from core.actor import Actor
from core.calendar.workdays import WorkCalendar
from core.model import Role, UnitLevel
from qingfeng.app import App


class Pace(StrEnum):
    PROMPT = "prompt"  # most: on time, now and then late
    SLOW = "slow"  # takes longer, late more often
    NEVER = "never"  # never acts: every duty of theirs is missed, and must be seen to be


@dataclass(frozen=True)
class OfficerSpec:
    name: str
    unit: str
    roles: tuple[Role, ...]
    pace: Pace = Pace.PROMPT
    leave: tuple[tuple[date, date], ...] = ()  # first and last day away (both included)


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    level: UnitLevel
    region: str
    parent: str | None


CITY, COUNTY = "HZ", "LA"
TOWNSHIPS = ("JC", "THY", "YQ")
REGION = "浙江省/杭州市/临安区"

UNITS = (
    UnitSpec("ZJ", "浙江省纪委监委", UnitLevel.PROVINCE, "浙江省", None),
    UnitSpec(CITY, "杭州市纪委监委", UnitLevel.CITY, "浙江省/杭州市", "ZJ"),
    UnitSpec(COUNTY, "杭州市临安区纪委监委", UnitLevel.COUNTY, REGION, CITY),
    UnitSpec("JC", "锦城街道纪工委", UnitLevel.TOWNSHIP, f"{REGION}/锦城街道", COUNTY),
    UnitSpec("THY", "太湖源镇纪委", UnitLevel.TOWNSHIP, f"{REGION}/太湖源镇", COUNTY),
    UnitSpec("YQ", "於潜镇纪委", UnitLevel.TOWNSHIP, f"{REGION}/於潜镇", COUNTY),
)

IN, HA, SU = Role.INTAKE, Role.HANDLER, Role.SUPERVISOR


def _leave(start: str, end: str) -> tuple[tuple[date, date], ...]:
    return ((date.fromisoformat(start), date.fromisoformat(end)),)


OFFICERS = (
    OfficerSpec("周立", CITY, (IN,)),
    OfficerSpec("孙浩", CITY, (HA,)),
    OfficerSpec("吴军", CITY, (SU,)),
    OfficerSpec("王芳", COUNTY, (IN,), leave=_leave("2026-08-03", "2026-08-14")),
    OfficerSpec("刘伟", COUNTY, (IN,), Pace.SLOW),
    OfficerSpec("李强", COUNTY, (HA,)),
    OfficerSpec("张敏", COUNTY, (HA,), leave=_leave("2026-10-12", "2026-10-23")),
    OfficerSpec("赵磊", COUNTY, (HA,), Pace.SLOW),
    OfficerSpec("钱丽", COUNTY, (HA,)),
    OfficerSpec("孙杰", COUNTY, (HA,), leave=_leave("2026-04-13", "2026-07-10")),  # three months away
    OfficerSpec("周涛", COUNTY, (HA,), Pace.NEVER),  # never acts
    OfficerSpec("吴静", COUNTY, (HA,)),
    OfficerSpec("陈建国", COUNTY, (SU,)),
    OfficerSpec("郑华", COUNTY, (SU,), leave=_leave("2026-07-20", "2026-07-31")),
    OfficerSpec("冯敏", "JC", (IN, HA)),
    OfficerSpec("褚平", "JC", (SU,)),
    OfficerSpec("卫东", "THY", (IN, HA), Pace.SLOW),
    OfficerSpec("蒋英", "THY", (SU,)),
    OfficerSpec("沈涛", "YQ", (IN, HA)),
    OfficerSpec("韩雪", "YQ", (SU,)),
)

TELEGRAM_BASE = 7_000_000_000  # the simulated officers' Telegram ids: the digest goes to officers with one
WORK_STARTS, WORK_ENDS = time(9, 0), time(17, 30)


@dataclass
class Officer:
    spec: OfficerSpec
    id: int
    actor: Actor
    chat: int

    @property
    def name(self) -> str:
        return self.spec.name

    def away(self, day: date) -> bool:
        return any(first <= day <= last for first, last in self.spec.leave)

    def has(self, role: Role) -> bool:
        return role in self.spec.roles


@dataclass
class Office:
    officers: list[Officer]
    calendar: WorkCalendar
    tz: ZoneInfo
    by_chat: dict[int, Officer] = field(init=False)

    def __post_init__(self) -> None:
        self.by_chat = {o.chat: o for o in self.officers}

    def of(self, unit: str, role: Role) -> list[Officer]:
        return [o for o in self.officers if o.spec.unit == unit and o.has(role)]

    def works(self, officer: Officer, day: date) -> bool:
        return self.calendar.is_workday(day) and not officer.away(day) and officer.spec.pace is not Pace.NEVER

    def at_work(self, officer: Officer, after: datetime, working_days: float, rng: random.Random) -> datetime | None:
        """When ``officer`` does what takes ``working_days`` from ``after``: that many of their working days on,
        at a time of their working day (never: None). Fractions are hours of the day they fall in."""
        if officer.spec.pace is Pace.NEVER:
            return None
        local = after.astimezone(self.tz)
        day, whole = local.date(), int(working_days)
        start = max(local.time(), WORK_STARTS) if self.works(officer, day) and local.time() < WORK_ENDS else None
        if start is None:  # after hours or not a day of theirs: the next one begins
            day, start = self._next_day(officer, day), WORK_STARTS
        for _ in range(whole):
            day, start = self._next_day(officer, day), WORK_STARTS
        span = (datetime.combine(day, WORK_ENDS) - datetime.combine(day, start)).total_seconds()
        offset = min(span, span * (working_days - whole) + rng.uniform(0, 1800))
        return datetime.combine(day, start, self.tz) + timedelta(seconds=offset)

    def _next_day(self, officer: Officer, day: date) -> date:
        return self.first_day(officer, day + timedelta(days=1))

    def first_day(self, officer: Officer, day: date) -> date:
        """The officer's first working day on or after ``day``."""
        for _ in range(400):
            if self.works(officer, day):
                return day
            day += timedelta(days=1)
        raise ValueError(f"{officer.name} has no working day within 400 days of {day}")


async def build_office(app: App) -> Office:
    """The units and officers through the services ``qingfeng setup`` and ``qingfeng officers add`` call; the
    county is the home unit (where a report nobody else handles goes)."""
    for u in UNITS:
        await app.officers.add_unit(u.code, u.name, u.level, u.region, u.parent)
    await app.officers.set_home_unit(COUNTY)
    officers = []
    for i, spec in enumerate(OFFICERS):
        view = await app.officers.add_officer(spec.name, spec.unit, list(spec.roles), TELEGRAM_BASE + i)
        officers.append(Officer(spec, view.id, await app.officers.actor_for_officer(view.id), TELEGRAM_BASE + i))
    return Office(officers, app.ctx.calendar, app.ctx.tz)
