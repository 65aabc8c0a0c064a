"""A small office for the statistics tests (issue 17), built through the real services at known Beijing times.

Every right answer in test_stats_figures.py is worked out by hand from these dates and the 2026 holiday notice
(国务院办公厅: 中秋 09-25; National Day 10-01..10-07; make-up workdays Sunday 09-20 and Saturday 10-10).

Cases (all at 临安区 LA unless said; persons all of 浙江省/杭州市/临安区):

=====  =======================================================================================================
A      named, Telegram, 群众纪律, 张一 (village). Filed 09-28 09:00 (Mon). Accepted 10-23 16:00: D3 due 10-23, met on
       its due day. Talk/letter 10-26; concluded 10-30 (20 wd after receipt); feedback 11-03 (D4 due 11-20);
       rated 满意 11-04.
B      named, phone, 廉洁纪律, 李二 (village). Filed 09-29 10:00. Accepted 10-27: D3 due 10-26, late. Preliminary
       check 10-28; concluded 11-09 (25 wd); feedback 11-10 10:00 (D4 due 11-30); rated 不满意 11-10 10:30: the
       case waits for a leader (open again) and owes a new D4, not yet due.
C      anonymous, letter, 工作纪律, 王三 (village). Filed 09-30 23:30; not accepted 10-09, referred to the police.
D      named, Telegram, 群众纪律, 张一 again. Filed 10-01 07:00 Beijing (09-30 23:00 UTC: October here, September
       in UTC); marked a duplicate of A on 10-10 (a Saturday make-up workday): its D3 is cancelled.
E      named, visit, 组织纪律, 赵四 (township section). Filed 10-12 09:00, never registered: D3 due 11-02 and D7 due
       10-27 are overdue on 11-10.
F      named, Telegram, 群众纪律, 张一 a third time. Filed 11-06 09:00; nothing done (its D3 is not due yet).
G      anonymous, Telegram, 廉洁纪律, 孙五. Filed 08-03 09:00, accepted 08-05, nothing since (67 wd old on 11-10).
H      anonymous, letter, 周六. Filed 10-13 09:00; LA sends it up to the city (HZ) 10-14; HZ takes it in 10-15 and
       sends it down to 西湖区 (XH) 10-16, followed by HZ until its 报结 (due 2027-04-16); not yet taken in at XH.
I      anonymous, letter, 吴七. Filed 03-02; up to HZ 03-03, taken in 03-04, down to XH 03-05: its 报结 was due
       09-07 (six months: 09-05, a Saturday, rolled to Monday); still not taken in at XH: overdue.
J, J2  anonymous, 交办 by the city with the 交办函's dates 10-30 (J) and 10-16 (J2), 廉洁纪律, 郑九 and 冯十. Filed
       09-14 09:00, accepted 09-15, closed (予以了结) 10-12; J concluded 10-20 (22 wd) and reported back 10-21 (on
       time), J2 concluded 10-21 (23 wd) and reported back 10-22 (late).
K      named, Telegram, 群众纪律, 钱八. Filed 09-01; accepted 09-02, closed 09-03, concluded 09-08, feedback 09-09;
       the reporter objects on 10-20: with a leader (open), D4 due 11-10 (today: not overdue yet).
=====  =======================================================================================================

The figures are read on 2026-11-10 at 12:00 Beijing (:data:`NOW`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.clock import ManualClock
from core.model import CadreLevel, Category, Channel, DisposalMethod, ReferTo, Role, Satisfaction
from core.reports import NewReport
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import Office, anonymous_report, closure, named_report, person, seed_office

NOW = beijing(2026, 11, 10, 12, 0)


@dataclass
class StatsOffice:
    office: Office
    numbers: dict[str, str]


async def build_stats_office(app: App, clock: ManualClock) -> StatsOffice:
    office = await seed_office(app)
    city_leader = await app.officers.actor_for_officer(
        (await app.officers.add_officer("钱市领导", "HZ", [Role.SUPERVISOR], telegram_id=2002)).id
    )
    intake, handler, leader, city = office.intake, office.handler, office.supervisor, office.city_intake
    cases, numbers = app.cases, {}

    async def file(key: str, when: tuple[int, ...], report: NewReport) -> str:
        clock.set(beijing(*when))
        numbers[key] = (await app.filing.file_report(report)).number
        return numbers[key]

    async def at(when: tuple[int, ...]) -> None:
        clock.set(beijing(*when))

    async def accept(number: str, when: tuple[int, ...]) -> None:
        await at(when)
        await cases.register(number, intake)
        await cases.accept(number, intake)
        await cases.assign(number, intake, handler.officer_id or 0)

    async def dispose(number: str, when: tuple[int, ...], method: DisposalMethod) -> None:
        await at(when)
        await cases.dispose(number, handler, method, approved_by=leader)

    async def conclude(number: str, when: tuple[int, ...], named: bool) -> None:
        await at(when)
        await cases.conclude(number, handler, closure(named), approved_by=leader)

    def named(chat: int, name: str, channel: Channel = Channel.TELEGRAM, category: Category = Category.MASSES,
              level: CadreLevel = CadreLevel.VILLAGE) -> NewReport:  # fmt: skip
        return named_report(chat_id=chat, channel=channel, category=category, persons=(person(level, name=name),))

    def anonymous(chat: int, name: str, channel: Channel, category: Category = Category.INTEGRITY,
                  **kw: object) -> NewReport:  # fmt: skip
        return anonymous_report(chat_id=chat, channel=channel, category=category, persons=(person(name=name),),
                                query_password=None if channel is not Channel.TELEGRAM else "correct horse",
                                notify_opt_in=False, **kw)  # fmt: skip

    # I: transferred up, taken in, sent down in March; its 报结 is overdue.
    i = await file("I", (2026, 3, 2, 9, 0), anonymous(601, "吴七", Channel.LETTER))
    await at((2026, 3, 2, 10, 0))
    await cases.register(i, intake)
    await at((2026, 3, 3, 10, 0))
    await cases.transfer(i, intake, "HZ", "市管", approved_by=leader)
    await at((2026, 3, 4, 10, 0))
    await cases.receive_transfer(i, city)
    await at((2026, 3, 5, 10, 0))
    await cases.transfer(i, city, "XH", "属地", approved_by=city_leader)

    g = await file("G", (2026, 8, 3, 9, 0), anonymous(602, "孙五", Channel.TELEGRAM))
    await at((2026, 8, 5, 9, 0))
    await cases.register(g, intake)
    await cases.accept(g, intake)

    k = await file("K", (2026, 9, 1, 9, 0), named(603, "钱八"))
    await accept(k, (2026, 9, 2, 9, 0))
    await dispose(k, (2026, 9, 3, 9, 0), DisposalMethod.CLOSE)
    await conclude(k, (2026, 9, 8, 9, 0), named=True)
    await at((2026, 9, 9, 9, 0))
    await cases.give_feedback(k, handler, "经核查，反映问题不属实。")

    j = await file("J", (2026, 9, 14, 9, 0), anonymous(604, "郑九", Channel.ASSIGNED_BY_HIGHER, due_on=_d(10, 30)))
    j2 = await file("J2", (2026, 9, 14, 9, 0), anonymous(605, "冯十", Channel.ASSIGNED_BY_HIGHER, due_on=_d(10, 16)))
    for number in (j, j2):
        await accept(number, (2026, 9, 15, 9, 0))
        await dispose(number, (2026, 10, 12, 9, 0), DisposalMethod.CLOSE)
    await conclude(j, (2026, 10, 20, 9, 0), named=False)
    await at((2026, 10, 21, 9, 0))
    await cases.report_result(j, handler, "已办结，报上级")
    await conclude(j2, (2026, 10, 21, 10, 0), named=False)
    await at((2026, 10, 22, 9, 0))
    await cases.report_result(j2, handler, "已办结，报上级")

    a = await file("A", (2026, 9, 28, 9, 0), named(606, "张一"))
    await at((2026, 9, 28, 10, 0))
    await cases.register(a, intake)
    b = await file("B", (2026, 9, 29, 10, 0), named(607, "李二", Channel.PHONE, Category.INTEGRITY))
    await at((2026, 9, 29, 11, 0))
    await cases.register(b, intake)
    c = await file("C", (2026, 9, 30, 23, 30), anonymous(608, "王三", Channel.LETTER, Category.WORK))
    d = await file("D", (2026, 10, 1, 7, 0), named(609, "张一"))

    await at((2026, 10, 9, 9, 0))
    await cases.register(c, intake)
    await cases.refer(c, intake, ReferTo.POLICE, "治安案件", approved_by=leader)
    await at((2026, 10, 9, 9, 30))
    await cases.register(d, intake)
    await at((2026, 10, 10, 10, 0))
    await cases.mark_duplicate(d, intake, a, "同一事项")

    await file("E", (2026, 10, 12, 9, 0),
               named(610, "赵四", Channel.VISIT, Category.ORGANISATIONAL, CadreLevel.TOWNSHIP_SECTION))  # fmt: skip
    h = await file("H", (2026, 10, 13, 9, 0), anonymous(611, "周六", Channel.LETTER))
    await at((2026, 10, 13, 10, 0))
    await cases.register(h, intake)
    await at((2026, 10, 14, 10, 0))
    await cases.transfer(h, intake, "HZ", "市管", approved_by=leader)
    await at((2026, 10, 15, 10, 0))
    await cases.receive_transfer(h, city)
    await at((2026, 10, 16, 10, 0))
    await cases.transfer(h, city, "XH", "属地", approved_by=city_leader)

    await at((2026, 10, 20, 15, 0))
    await app.reporter.object(k, 603, "处理结果不对，张某仍在任。")

    await at((2026, 10, 23, 16, 0))
    await cases.accept(a, intake)
    await cases.assign(a, intake, handler.officer_id or 0)
    await dispose(a, (2026, 10, 26, 9, 0), DisposalMethod.TALK_OR_LETTER)
    await at((2026, 10, 27, 9, 0))
    await cases.accept(b, intake)
    await cases.assign(b, intake, handler.officer_id or 0)
    await dispose(b, (2026, 10, 28, 9, 0), DisposalMethod.PRELIMINARY_CHECK)
    await conclude(a, (2026, 10, 30, 10, 0), named=True)
    await at((2026, 11, 3, 10, 0))
    await cases.give_feedback(a, handler, "经核查，反映问题部分属实，已责令整改。")
    await at((2026, 11, 4, 10, 0))
    await app.reporter.rate(a, 606, Satisfaction.SATISFIED)

    await file("F", (2026, 11, 6, 9, 0), named(612, "张一"))
    await conclude(b, (2026, 11, 9, 10, 0), named=True)
    await at((2026, 11, 10, 10, 0))
    await cases.give_feedback(b, handler, "经核查，反映问题不属实。")
    await at((2026, 11, 10, 10, 30))
    await app.reporter.rate(b, 607, Satisfaction.DISSATISFIED)
    clock.set(NOW)
    return StatsOffice(office, numbers)


def _d(month: int, day: int) -> date:
    return date(2026, month, day)
