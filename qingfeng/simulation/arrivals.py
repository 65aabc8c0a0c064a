"""The year's reports, drawn from a seed: when each arrives, how, from whom, and what becomes of it.

The mix follows what a county office sees (the weights below): mostly accusations, some appeals and suggestions;
Telegram, the web page, phone, letters and visits (phone and visits on working days in office hours, letters
entered by intake); over half named; some outside the commission's remit, some repeats of an earlier report,
some sent down to a township or up to the city, some sent down by the city, some 交办 with a period, and a few
urgent messages that are no report at all. The fate is drawn here; the officers carry it out (:mod:`.staff`).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

from core.calendar.workdays import WorkCalendar
from core.chats import WEB_CHATS
from core.model import (
    AppealedDecision,
    CadreLevel,
    Category,
    Channel,
    DisposalMethod,
    ReferTo,
    ReportType,
    Satisfaction,
)
from core.reports import AppealedDecisionDetails, NewReport, PersonReported, ReporterIdentity
from qingfeng.simulation.office import REGION, TOWNSHIPS

T = TypeVar("T")


class Fate(StrEnum):
    HANDLED = "handled"  # accepted and handled here (an appeal decided, a suggestion answered)
    REFERRED = "referred"  # another body's business: not accepted, the reporter told where to go
    REPEAT = "repeat"  # the same matter as an earlier report: marked a duplicate of it
    DOWN = "down"  # sent down to a township, which handles it; the county follows it to its 报结
    UP = "up"  # the person turns out to be the city's to handle: sent up, handled there
    FROM_CITY = "from_city"  # about a cadre the city handles, sent down by it to the county with results asked
    ASSIGNED = "assigned"  # 交办 by the city with the period its letter sets
    URGENT = "urgent"  # danger now: an urgent message to the officers on duty, no report


TYPES = ((ReportType.ACCUSATION, 85), (ReportType.APPEAL, 7), (ReportType.SUGGESTION, 8))
FATES = ((Fate.HANDLED, 60), (Fate.REFERRED, 14), (Fate.REPEAT, 8), (Fate.DOWN, 7), (Fate.UP, 3),
         (Fate.FROM_CITY, 3), (Fate.ASSIGNED, 4), (Fate.URGENT, 1))  # fmt: skip
CHANNELS = ((Channel.TELEGRAM, 45), (Channel.WEB, 10), (Channel.PHONE, 15), (Channel.LETTER, 20), (Channel.VISIT, 10))
METHODS = ((DisposalMethod.TALK_OR_LETTER, 30), (DisposalMethod.PRELIMINARY_CHECK, 35), (DisposalMethod.CLOSE, 20),
           (DisposalMethod.PARK, 10), (DisposalMethod.INVESTIGATE, 5))  # fmt: skip
RATINGS = ((Satisfaction.SATISFIED, 60), (Satisfaction.FAIRLY, 25), (Satisfaction.DISSATISFIED, 15))
NAMED = 0.55
OPT_IN = 0.5  # anonymous online reporters who ask for contentless pushes
RATES = 0.6  # named online reporters who rate the result
OBJECTS = 0.05  # ... and who object to it instead
IN_OFFICE_HOURS = (Channel.PHONE, Channel.VISIT, Channel.LETTER, Channel.ASSIGNED_BY_HIGHER)

LEVELS = ((CadreLevel.VILLAGE, 40), (CadreLevel.TOWNSHIP_SECTION, 25), (CadreLevel.STAFF, 20),
          (CadreLevel.SOE_MANAGER, 5), (CadreLevel.INSTITUTION_MANAGER, 5), (CadreLevel.UNKNOWN, 5))  # fmt: skip
POSTS = {CadreLevel.VILLAGE: "村党支部书记", CadreLevel.TOWNSHIP_SECTION: "副镇长", CadreLevel.STAFF: "科员",
         CadreLevel.SOE_MANAGER: "总经理", CadreLevel.INSTITUTION_MANAGER: "院长", CadreLevel.UNKNOWN: "工作人员",
         CadreLevel.COUNTY_DIVISION: "局长"}  # fmt: skip
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
DEEDS = ("把低保名额给了自己的亲戚", "多次开公车办私事", "在工程招标中收受好处费约两万元", "违规收取办证费用",
         "截留村集体土地补偿款", "在扶贫资金发放中优亲厚友", "借操办婚宴收受下属礼金")  # fmt: skip


@dataclass(frozen=True)
class Arrival:
    """One report (or urgent message) and what will become of it."""

    seq: int
    at: datetime
    report_type: ReportType
    fate: Fate
    channel: Channel
    named: bool
    opt_in: bool
    chat: int | None  # the reporter's chat (online channels), where the office's notices go
    person: PersonReported | None
    method: DisposalMethod  # how an accepted accusation is handled
    township: str  # where a case sent down goes
    rating: Satisfaction | None  # what the reporter says of the result, if they rate it
    objects: bool  # the reporter objects to the result
    refer_to: ReferTo
    facts: str

    @property
    def online(self) -> bool:
        return self.channel in (Channel.TELEGRAM, Channel.WEB)

    def report(self, due_on: date | None = None) -> NewReport:
        """The report as the bot (online) or intake (phone, letter, visit, 交办函) files it."""
        appeal = None
        if self.report_type is ReportType.APPEAL:
            appeal = AppealedDecisionDetails("临安区某镇党委", "2026年3月", AppealedDecision.PARTY_SANCTION,
                                             "给予党内警告处分")  # fmt: skip
        return NewReport(
            report_type=self.report_type,
            category=Category.MASSES if self.report_type is ReportType.ACCUSATION else None,
            facts=self.facts,
            persons=(self.person,) if self.person else (),
            reporter=ReporterIdentity(f"举报人{self.seq}", f"138{self.seq:08d}") if self.named else None,
            channel=self.channel,
            chat_id=self.chat,
            notify_opt_in=self.opt_in,
            query_password=None if self.named else f"pw-{self.seq:06d}-x" if self.online else None,
            submission_key=f"sim-{self.seq}",
            due_on=due_on,
            appeal=appeal,
            subject="村务公开的方式" if self.report_type is ReportType.SUGGESTION else "",
        )


def pick(rng: random.Random, weighted: Sequence[tuple[T, int]]) -> T:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def arrivals(rng: random.Random, n: int, first: date, last: date, calendar: WorkCalendar,
             tz: ZoneInfo) -> list[Arrival]:  # fmt: skip
    """``n`` reports between ``first`` and ``last`` (office days, both included), in time order."""
    days = (last - first).days + 1
    out: list[Arrival] = []
    for seq in range(1, n + 1):
        kind = pick(rng, TYPES)
        fate = pick(rng, FATES) if kind is ReportType.ACCUSATION else Fate.HANDLED
        channel = Channel.ASSIGNED_BY_HIGHER if fate is Fate.ASSIGNED else pick(rng, CHANNELS)
        if fate is Fate.URGENT:
            channel = Channel.TELEGRAM
        day = first + timedelta(days=rng.randrange(days))
        if channel in IN_OFFICE_HOURS:
            day = _workday_on_or_after(day, calendar)
            moment = time(9 + rng.randrange(8), rng.randrange(60))
        else:
            moment = time(rng.randrange(24), rng.randrange(60))
        named = fate is not Fate.ASSIGNED and fate is not Fate.URGENT and rng.random() < NAMED
        online = channel in (Channel.TELEGRAM, Channel.WEB)
        chat = (WEB_CHATS + seq if channel is Channel.WEB else 5_000_000_000 + seq) if online else None
        rates = named and online and rng.random() < RATES
        out.append(Arrival(
            seq=seq, at=datetime.combine(day, moment, tz), report_type=kind, fate=fate, channel=channel,
            named=named, opt_in=online and not named and rng.random() < OPT_IN, chat=chat,
            person=_person(rng, fate) if kind is ReportType.ACCUSATION else None, method=pick(rng, METHODS),
            township=rng.choice(TOWNSHIPS), rating=pick(rng, RATINGS) if rates else None,
            objects=named and online and not rates and rng.random() < OBJECTS / (1 - RATES),
            refer_to=rng.choice(list(ReferTo)), facts=_facts(rng, kind),
        ))  # fmt: skip
    out = [a for a in out if a.at.date() <= last]  # a working day after the last day: not this period's
    return sorted(out, key=lambda a: (a.at, a.seq))


def _workday_on_or_after(day: date, calendar: WorkCalendar) -> date:
    while not calendar.is_workday(day):
        day += timedelta(days=1)
    return day


def _person(rng: random.Random, fate: Fate) -> PersonReported:
    level = CadreLevel.COUNTY_DIVISION if fate is Fate.FROM_CITY else pick(rng, LEVELS)
    name = rng.choice(SURNAMES) + "某" + rng.choice(GIVEN)
    place = rng.choice(("锦城街道", "太湖源镇", "於潜镇", "昌化镇"))
    return PersonReported(f"临安区{place}", REGION, name, POSTS[level], level)


def _facts(rng: random.Random, kind: ReportType) -> str:
    if kind is ReportType.APPEAL:
        return "处分认定我未及时上报隐患，但我已书面报告分管领导，有签收记录，请求复查。"
    if kind is ReportType.SUGGESTION:
        return "建议村务公开同时发在村民微信群并保留一个月，方便在外打工的村民监督。"
    month = rng.randrange(1, 13)
    return f"2025年{month}月起，此人{rng.choice(DEEDS)}，村里很多人都知道，有账本和照片可以证明。"
