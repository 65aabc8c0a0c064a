"""Issue 15 journeys the other bot tests leave a gap in, through the real runtimes and checked in the database
(states, history rows with who and when, deadlines, notices).

- 回避 (point 11) from the citizen's own typing: test_recusal.py files through the service; here the citizen names
  the county officer in the bot's form, and the report goes up without the officer ever seeing it.
- 交办 (point 4) extended by a leader acting himself, who needs no approval (rules.md §10.2 [U]); the handler's
  extension with a leader's approval is test_transfers.py's; the intake's archiving waits for the leader's
  approval from the push (point 3).
- 暂存待查 (point 9) reviewed when the real scheduler's deadline job runs at the review date, and reminded once.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from core.clock import ManualClock
from core.model import Channel, DisposalMethod
from core.persistence.orm import CaseEventRow, CaseRow, DeadlineRow, UnitRow
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import FACTS, Office, anonymous_report, closure, named_report
from tests.integration.helpers import outbox
from tests.waiting import runs_after, until
from tests.walks import walk_to_identity

from .conftest import BotHarness
from .test_scheduler import scheduler_running

LA_INTAKE, LA_HANDLER, SUPERVISOR, HZ_INTAKE = 1001, 1002, 1004, 2001  # Telegram ids in tests/factories.py
CITIZEN = 700301


async def deliver(h: BotHarness, app: App) -> int:
    return await OutboxService(app.ctx, h.notifier()).send_due()


async def case_row(app: App, number: str) -> CaseRow:
    async with app.ctx.uow() as uow:
        return (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()


async def history(app: App, number: str) -> list[CaseEventRow]:
    """The case's history steps in order, without the reads (view_*) recorded beside them."""
    async with app.ctx.uow() as uow:
        case_id = (await uow.session.execute(select(CaseRow.id).where(CaseRow.number == number))).scalar_one()
        query = select(CaseEventRow).where(CaseEventRow.case_id == case_id).order_by(CaseEventRow.id)
        return [e for e in (await uow.session.execute(query)).scalars() if not e.action.startswith("view")]


def step(events: list[CaseEventRow], action: str) -> CaseEventRow:
    [event] = [e for e in events if e.action == action]
    return event


async def deadlines(app: App, number: str) -> dict[str, tuple[str, date]]:
    async with app.ctx.uow() as uow:
        case_id = (await uow.session.execute(select(CaseRow.id).where(CaseRow.number == number))).scalar_one()
        rows = (await uow.session.execute(select(DeadlineRow).where(DeadlineRow.case_id == case_id))).scalars()
        return {d.kind: (d.state, d.due_date) for d in rows}


async def notices_to(app: App, officer_id: int | None) -> list[str]:
    """The templates queued for an officer, in order."""
    return [m.template for m in await outbox(app) if m.recipient_kind == "officer" and m.recipient_id == officer_id]


# -- point 11: the citizen names the county's own officer ---------------------------------------------------------
async def test_a_citizen_who_names_a_county_officer_reaches_the_city_and_the_officer_never_sees_it(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    await walk_to_identity(h, CITIZEN, "实名举报")
    await h.say(CITIZEN, "刘举报")
    await h.say(CITIZEN, "138 0013 8000")
    await h.tap(CITIZEN, "跳过")  # ID number
    await h.say(CITIZEN, "李 承办")  # the LA handler, written as a citizen may write the name
    await h.say(CITIZEN, "临安区纪委监委")
    await h.say(CITIZEN, "信访室干部")
    await h.tap(CITIZEN, "一般干部")
    await h.tap(CITIZEN, "浙江省/杭州市/临安区")
    await h.tap(CITIZEN, "中共党员")
    await h.tap(CITIZEN, "没有了")
    await h.tap(CITIZEN, "群众纪律")
    await h.say(CITIZEN, FACTS)
    await h.tap(CITIZEN, "跳过")  # other bodies
    await h.tap(CITIZEN, "完成")  # no evidence
    await h.tap(CITIZEN, "内容无误")
    filed = await h.tap(CITIZEN, "确认提交")
    receipt = next(t for t in filed if "已提交" in t)
    number = receipt.split("编号：")[1].split("\n")[0]

    case = await case_row(app, number)
    async with app.ctx.uow() as uow:
        unit = await uow.session.get(UnitRow, case.unit_id)
    assert unit is not None and unit.code == "HZ"  # the level above 临安 (XF-28 ¶3, JC-67, rules.md §10.4)
    assert case.state == "received" and case.recused_officer_ids == [office.handler.officer_id]
    [filing] = await history(app, number)
    assert (filing.to_state, filing.officer_id) == ("received", None)  # filed by the citizen, not an officer
    assert filing.at == app.ctx.clock.now()

    await deliver(h, app)
    assert await notices_to(app, office.city_intake.officer_id) == ["notify.officer.new_case"]
    assert await notices_to(app, office.handler.officer_id) == []  # never pushed to the officer named ...
    assert await notices_to(app, office.intake.officer_id) == []  # ... nor to his unit
    assert any(number in t for t in h.tg.texts(HZ_INTAKE))
    assert not any(number in t for t in h.tg.texts(LA_HANDLER) + h.tg.texts(LA_INTAKE))
    assert number not in "".join((await h.say(LA_HANDLER, "/inbox")) + [str(h.tg.last_keyboard(LA_HANDLER))])
    refused = await h.say(LA_HANDLER, f"/case {number}")
    assert "权限" in refused[-1] and FACTS[:10] not in refused[-1]

    # the city works it as any case: its intake registers it, and the history says who and when
    await h.say(HZ_INTAKE, f"/case {number}")
    registered = await h.tap(HZ_INTAKE, "登记")
    assert "已登记" in registered[-1]
    registering = step(await history(app, number), "register")
    assert (registering.officer_id, registering.to_state) == (office.city_intake.officer_id, "registered")
    status = "\n".join(await h.say(CITIZEN, "/status"))
    assert number in status and "李" not in status.split(number)[1][:40]  # the reporter sees the case, no names


# -- point 4: a 交办 case extended by the leader himself ----------------------------------------------------------
async def test_an_assigned_case_is_refused_transfer_down_extended_by_the_leader_and_reported_back(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    letter = dict(channel=Channel.ASSIGNED_BY_HIGHER, chat_id=None, query_password=None, due_on=date(2026, 12, 31))
    number = (await app.filing.file_report(anonymous_report(**letter))).number  # entered from the 交办函 (CLI)
    assert (await deadlines(app, number))["assigned_by_higher"] == ("open", date(2026, 12, 31))

    await h.say(LA_INTAKE, f"/case {number}")
    await h.tap(LA_INTAKE, "登记")
    await h.tap(LA_INTAKE, "转交其他层级")
    await h.tap(LA_INTAKE, "西湖区纪委监委")
    refused = await h.tap(LA_INTAKE, "跳过")
    assert "不能再向下转办" in refused[-1]  # §10.3 交办: 县一级要自办
    assert (await case_row(app, number)).state == "registered"
    assert "transfer_down" not in [e.action for e in await history(app, number)]  # a refusal is no step
    await h.say(LA_INTAKE, f"/case {number}")
    await h.tap(LA_INTAKE, "受理")
    await h.tap(LA_INTAKE, "分配承办")
    await h.tap(LA_INTAKE, "李承办")

    clock.set(beijing(2026, 12, 21, 10, 30))  # the 交办函's date draws near: the leader asks the higher body
    await h.say(SUPERVISOR, f"/case {number}")
    await h.tap(SUPERVISOR, "申请延期")
    await h.say(SUPERVISOR, "需调取三年银行流水，市纪委监委同意延期")
    extended = await h.say(SUPERVISOR, "2027-01-29")
    assert not any("领导批准" in t for t in extended)  # a leader's own step is its approval (§10.2 [U])
    assert "已完成" in extended[0] and "交办件报结：2027-01-29 到期" in extended[-1]
    assert (await deadlines(app, number))["assigned_by_higher"] == ("open", date(2027, 1, 29))
    extension = step(await history(app, number), "extend")
    assert extension.officer_id == office.supervisor.officer_id and extension.at == clock.now()
    assert extension.from_state == extension.to_state == "assigned"  # a step, no move
    assert extension.note_enc and "银行流水".encode() not in extension.note_enc  # the reason, encrypted

    await app.cases.dispose(number, office.supervisor, DisposalMethod.CLOSE)
    await app.cases.conclude(number, office.handler, closure(named=False), approved_by=office.supervisor)
    await h.say(LA_INTAKE, f"/case {number}")
    assert "须先报结" in (await h.tap(LA_INTAKE, "归档"))[-1]  # no archive before the 报结
    assert (await case_row(app, number)).state == "concluded"

    clock.set(beijing(2027, 1, 20, 15, 0))
    await h.say(LA_HANDLER, f"/case {number}")
    await h.tap(LA_HANDLER, "报结")
    await h.say(LA_HANDLER, "已按交办函要求办结，结果书面报市纪委监委")
    assert (await deadlines(app, number))["assigned_by_higher"][0] == "met"
    reported = step(await history(app, number), "report_result")
    assert reported.officer_id == office.handler.officer_id and reported.at == clock.now()
    await h.say(LA_INTAKE, f"/case {number}")
    assert "须经领导批准" in (await h.tap(LA_INTAKE, "归档"))[-1]  # 经分管领导审核后统一归档 (§10.2)
    assert (await case_row(app, number)).state == "concluded"
    await deliver(h, app)
    assert "已批准" in (await h.tap(SUPERVISOR, "批准"))[-1]
    steps = await history(app, number)
    assert [e.action for e in steps] == [
        "file", "register", "accept", "assign", "extend", "dispose", "approve", "conclude", "report_result",
        "request_approval", "approve", "archive",
    ]  # fmt: skip
    assert step(steps, "archive").officer_id == office.intake.officer_id
    assert {e.officer_id for e in steps if e.action == "approve"} == {office.supervisor.officer_id}
    assert (await case_row(app, number)).state == "archived"


# -- point 9: a parked case comes back when the scheduler's deadline job runs --------------------------------------
async def test_a_parked_case_is_brought_back_by_the_scheduler_once_and_its_review_recorded(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    number = (await app.filing.file_report(named_report(chat_id=CITIZEN))).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await h.say(SUPERVISOR, f"/case {number}")
    parked = await h.tap(SUPERVISOR, "暂存待查")
    assert not any("领导批准" in t for t in parked)  # the leader's own step
    assert "暂存待查" in parked[-1]
    parking = step(await history(app, number), "park")
    assert (parking.officer_id, parking.to_state, parking.at) == (office.supervisor.officer_id, "parked", clock.now())
    [(state, due)] = [v for k, v in (await deadlines(app, number)).items() if k == "park_review"]
    assert state == "open" and due == app.ctx.calendar.add_months(date(2026, 9, 28), 3)  # the office's setting

    def reminded() -> list[str]:
        return [t for t in h.tg.texts(LA_HANDLER) if number in t and "暂存待查复查" in t]

    clock.set(beijing(due.year, due.month, due.day, 9, 0))
    async with scheduler_running(app, h.notifier()) as scheduler:  # the deadline job runs at start
        await until(reminded, "the park review reminder to the handler")
        await runs_after(scheduler, "outbox")
    async with scheduler_running(app, h.notifier()) as scheduler:  # restarted the same day: not sent twice
        await runs_after(scheduler, "deadlines", more=1)
        await runs_after(scheduler, "outbox")
    assert len(reminded()) == 1
    assert not any(number in t and "暂存待查复查" in t for t in h.tg.texts(LA_INTAKE))  # the handler's duty

    clock.set(beijing(due.year, due.month, due.day, 14, 0))
    await h.say(LA_HANDLER, f"/case {number}")
    await h.tap(LA_HANDLER, "复查：继续暂存")
    reviewed = await h.say(LA_HANDLER, "走访未发现新线索，继续暂存。")
    assert "已完成" in reviewed[0]
    review = step(await history(app, number), "review_parked")
    assert (review.officer_id, review.at, review.to_state) == (office.handler.officer_id, clock.now(), "parked")
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(select(DeadlineRow).where(DeadlineRow.kind == "park_review")
                                          .order_by(DeadlineRow.id))).scalars().all()  # fmt: skip
    assert [(r.state, r.due_date) for r in rows] == [
        ("met", due), ("open", app.ctx.calendar.add_months(due, 3))]  # fmt: skip
