"""No transferred or assigned duty gets lost (issue 15 points 1, 4, 5; rules.md §10.3), through the real bot.

A case sent down is followed by its sender: a due date for the receiver's result, reminders before it, a 催办
and a 报结, and no archiving before the 报结. A 交办 case is handled here: never passed further down, extended
with a leader's approval, and reported back before it closes.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from core.clock import ManualClock
from core.errors import CaseUnavailable, NotPermitted
from core.model import Channel, DisposalMethod, Role
from core.persistence.orm import CaseEventRow, CaseRow, DeadlineRow, UnitRow
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import Office, anonymous_report, closure, named_report, person

from .conftest import BotHarness
from .test_officer import approved

LA_INTAKE, HANDLER, SUPERVISOR, CITY_INTAKE, CITY_SUPERVISOR = 1001, 1002, 1004, 2001, 2004  # tests/factories.py
CITY_SECOND = 2002  # a second city intake officer, added where a report names them


async def deliver(h: BotHarness, app: App) -> int:
    return await OutboxService(app.ctx, h.notifier()).send_due()


async def deadlines(app: App, number: str) -> dict[str, tuple[str, date]]:
    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        rows = (await uow.session.execute(select(DeadlineRow).where(DeadlineRow.case_id == case.id))).scalars()
        return {d.kind: (d.state, d.due_date) for d in rows}


async def events(app: App, number: str) -> list[tuple[str, str | None]]:
    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        query = select(CaseEventRow).where(CaseEventRow.case_id == case.id).order_by(CaseEventRow.id)
        rows = (await uow.session.execute(query)).scalars()
        return [(e.action, e.to_state) for e in rows if not e.action.startswith("view")]


async def test_a_case_sent_down_is_chased_reported_back_and_only_then_archived(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    await app.officers.add_officer("孙市领导", "HZ", [Role.SUPERVISOR], telegram_id=CITY_SUPERVISOR)  # approves 转出
    # a named report reaches the city commission (sent up by the county, taken in there)
    number = (await app.filing.file_report(named_report())).number
    await app.cases.register(number, office.intake)
    await app.cases.transfer(number, office.intake, "HZ", approved_by=office.supervisor)
    await app.cases.receive_transfer(number, office.city_intake)
    assert (await deadlines(app, number))["acceptance_notice"][0] == "open"  # D3 moved with the case (point 1)

    await h.say(CITY_INTAKE, f"/case {number}")
    await h.tap(CITY_INTAKE, "转交其他层级")
    await h.tap(CITY_INTAKE, "临安区纪委监委")
    assert "须经领导批准" in (await h.tap(CITY_INTAKE, "跳过"))[-1]  # rules.md §10.2 转出
    await deliver(h, app)
    [push] = [t for t in h.tg.texts(CITY_SUPERVISOR) if "请您审批" in t]
    assert "事项：转交下级 至 临安区纪委监委" in push and "说明" not in push  # no note: no line
    assert "已批准" in (await h.tap(CITY_SUPERVISOR, "批准"))[-1]
    moved = await h.say(CITY_INTAKE, f"/case {number}")
    assert "已转下级" in moved[-1]
    assert "转办跟踪：杭州市纪委监委 → 临安区纪委监委；报结期限 2027-03-29；待报结" in moved[-1]
    assert "转办件报结：2027-03-29 到期" in moved[-1]  # the receiver's result is due in six months (§10.3)
    labels = [t for row in h.tg.last_keyboard(CITY_INTAKE) for t, _ in row]
    assert "归档" in labels and "结束跟踪（归档）" not in labels  # still its own case: one way to close it
    due = await deadlines(app, number)
    assert due["transfer_result"] == ("open", date(2027, 3, 29))
    assert due["acceptance_notice"][0] == "open"  # still owed to the reporter, by whoever holds the case
    assert number in (await h.say(CITY_INTAKE, "/inbox"))[0] or any(
        number in t for row in h.tg.last_keyboard(CITY_INTAKE) for t, _ in row
    )  # the sender's intake keeps it in view until its 报结

    await h.say(CITY_INTAKE, f"/case {number}")
    refused = await h.tap(CITY_INTAKE, "归档")
    assert "须先报结" in refused[-1]
    assert (await app.queries.case_detail(number)).summary.state == "transferred_down"

    # reminders go to the sender's intake before the due date (the existing sweep)
    clock.set(beijing(2027, 3, 26, 9, 0))
    await app.reminders.sweep()
    await deliver(h, app)
    assert any("转办件报结" in t and number in t for t in h.tg.texts(CITY_INTAKE))

    await h.say(CITY_INTAKE, f"/case {number}")
    await h.tap(CITY_INTAKE, "催办")
    chased = await h.say(CITY_INTAKE, "请于本月底前报结")
    assert "已完成" in chased[-2] and "催办" in chased[-1]
    await deliver(h, app)
    [push] = [t for t in h.tg.texts(LA_INTAKE) if t.startswith("催办：")]  # not taken in yet: its intake only
    assert number in push and "杭州市纪委监委催办" in push and "催办意见：请于本月底前报结" in push
    assert not any(t.startswith("催办：") for t in h.tg.texts(HANDLER))

    await h.tap(CITY_INTAKE, "报结")
    reported = await h.say(CITY_INTAKE, "临安区纪委监委报结：经核实部分属实，已谈话提醒")
    assert "报结" in reported[-1] and "临安区纪委监委报结" in reported[-1]
    assert (await deadlines(app, number))["transfer_result"][0] == "met"
    assert "须经领导批准" in (await h.tap(CITY_INTAKE, "归档"))[-1]  # "经分管领导审核后统一归档" (§10.2)
    await deliver(h, app)
    assert "已批准" in (await h.tap(CITY_SUPERVISOR, "批准"))[-1]
    steps = [a for a, _ in await events(app, number) if a not in ("request_approval", "approve")]
    assert steps[-4:] == ["transfer_down", "chase", "report_result", "archive"]
    assert (await app.queries.case_detail(number)).summary.state == "archived"


async def test_an_assigned_case_is_handled_here_extended_and_reported_back(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    letter = dict(channel=Channel.ASSIGNED_BY_HIGHER, chat_id=None, query_password=None, due_on=date(2026, 12, 31))
    filed = await app.filing.file_report(anonymous_report(**letter))
    number = filed.number
    assert (await deadlines(app, number))["assigned_by_higher"] == ("open", date(2026, 12, 31))  # the 交办函's
    await app.cases.register(number, office.intake)

    await h.say(LA_INTAKE, f"/case {number}")
    await h.tap(LA_INTAKE, "转交其他层级")
    await h.tap(LA_INTAKE, "西湖区纪委监委")
    refused = await h.tap(LA_INTAKE, "跳过")
    assert "不能再向下转办" in refused[-1]  # permit() refuses, and says why (§10.3 县一级要自办)
    assert (await app.queries.case_detail(number)).summary.state == "registered"

    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await h.say(HANDLER, f"/case {number}")
    await h.tap(HANDLER, "申请延期")
    await h.say(HANDLER, "涉及多个部门，需调取银行流水")
    assert "日期格式不对" in (await h.say(HANDLER, "明年一月"))[0]
    assert "须经领导批准" in (await h.say(HANDLER, "2027-01-29"))[-1]  # rules.md §10.2 extensions
    await deliver(h, app)
    assert "2027-01-29" in h.tg.texts(SUPERVISOR)[-1]  # the leader sees the date asked for
    assert "已批准" in (await h.tap(SUPERVISOR, "批准"))[-1]
    extended = await h.say(HANDLER, f"/case {number}")
    assert "交办件报结：2027-01-29 到期" in extended[-1]
    assert (await deadlines(app, number))["assigned_by_higher"] == ("open", date(2027, 1, 29))

    await app.cases.dispose(number, office.supervisor, DisposalMethod.CLOSE)
    await app.cases.conclude(number, office.handler, closure(named=False), approved_by=office.supervisor)
    await h.say(LA_INTAKE, f"/case {number}")
    assert "须先报结" in (await h.tap(LA_INTAKE, "归档"))[-1]
    await h.say(HANDLER, f"/case {number}")
    await h.tap(HANDLER, "报结")
    await h.say(HANDLER, "已按交办函要求办结，结果报市纪委监委")
    assert (await deadlines(app, number))["assigned_by_higher"][0] == "met"
    await h.say(LA_INTAKE, f"/case {number}")
    assert "须经领导批准" in (await h.tap(LA_INTAKE, "归档"))[-1]
    assert "已批准" in (await approved(h, app))[-1]
    steps = [a for a, _ in await events(app, number)]
    assert steps.index("extend") < steps.index("conclude") < steps.index("report_result") < steps.index("archive")
    assert "transfer_down" not in steps


async def followed(app: App, number: str) -> tuple[str | None, str | None, str]:
    """(the following unit's code, the follow-up's state, the case's unit code) as stored."""
    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        sender = await uow.session.get(UnitRow, case.followed_by_id) if case.followed_by_id else None
        unit = await uow.session.get(UnitRow, case.unit_id)
        assert unit is not None
        return (sender.code if sender else None, case.follow_up, unit.code)


async def test_a_case_taken_in_below_is_still_followed_by_its_sender_to_the_report_and_the_close(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    """Point 5: after the lower unit takes the case in, the case is the receiver's, and the sender keeps its
    follow-up: in its inbox with the 报结 due date, 催办 (the receiver's intake told), the receiver's result shown
    and pushed when it concludes, the 报结 recorded, and only then its record closed (rules.md §10.3)."""
    h = harness
    recused = await app.officers.add_officer("钱市信访", "HZ", [Role.INTAKE], telegram_id=CITY_SECOND)
    await app.officers.add_officer("孙市领导", "HZ", [Role.SUPERVISOR], telegram_id=CITY_SUPERVISOR)  # approves 转出
    persons = (person(), person(name="钱市信访", region="浙江省/杭州市"))  # names a city officer: 回避 there
    number = (await app.filing.file_report(named_report(persons=persons))).number
    if (await followed(app, number))[2] == "LA":  # routed to the county: sent up and taken in by the city
        await app.cases.register(number, office.intake)
        await app.cases.transfer(number, office.intake, "HZ", approved_by=office.supervisor)
        await app.cases.receive_transfer(number, office.city_intake)
    else:
        await app.cases.register(number, office.city_intake)

    await h.say(CITY_INTAKE, f"/case {number}")
    asked = await h.tap(CITY_INTAKE, "转交其他层级")
    assert "转交给哪个单位" in asked[-1]
    units = [t for row in h.tg.last_keyboard(CITY_INTAKE) for t, _ in row]
    assert "临安区纪委监委" in units and "西湖区纪委监委" in units and not {"LA", "XH", "HZ"} & set(units)
    await h.tap(CITY_INTAKE, "临安区纪委监委")
    assert "须经领导批准" in (await h.say(CITY_INTAKE, "属临安区管辖，请转下级办理"))[-1]  # rules.md §10.2 转出
    await deliver(h, app)
    [push] = [t for t in h.tg.texts(CITY_SUPERVISOR) if "请您审批" in t]
    assert "事项：转交下级 至 临安区纪委监委" in push and "说明：属临安区管辖，请转下级办理" in push
    assert "已批准" in (await h.tap(CITY_SUPERVISOR, "批准"))[-1]
    await deliver(h, app)  # the requester is told of the approval
    assert "转办跟踪：杭州市纪委监委 → 临安区纪委监委" in (await h.say(CITY_INTAKE, f"/case {number}"))[-1]
    await h.say(LA_INTAKE, f"/case {number}")
    assert "已完成" in (await h.tap(LA_INTAKE, "接收转办"))[0]
    assert await followed(app, number) == ("HZ", "awaiting", "LA")  # the receiver's case, the sender's follow-up
    await app.cases.add_note(number, office.intake, "内部备注：已约谈村会计")  # the receiver's own note

    # the sender's intake keeps it in its inbox, due on the 报结's date; its card is the follow-up's, read-only
    box = await h.say(CITY_INTAKE, "/inbox")
    assert "待办 1 件" in box[0]
    assert [t for row in h.tg.last_keyboard(CITY_INTAKE) for t, _ in row if number in t] == [
        f"{number} · 已登记 · 期限 2027-03-29"
    ]
    card = await h.say(CITY_INTAKE, f"/case {number}")
    assert "报结期限 2027-03-29；待报结" in card[-1] and "已约谈村会计" not in card[-1]
    assert "刘举报" not in card[-1] and "13800138000" not in card[-1]  # no identity beyond what it had
    buttons = [t for row in h.tg.last_keyboard(CITY_INTAKE) for t, _ in row]
    assert buttons == ["催办", "报结", "结束跟踪（归档）", "返回收件箱"]  # no 受理, no identity, no evidence
    # the officer named in the report never sees it, in the sender's unit either
    assert "收件箱是空的" in (await h.say(CITY_SECOND, "/inbox"))[0]
    assert "权限" in (await h.say(CITY_SECOND, f"/case {number}"))[-1]

    # the receiver assigns a handler; a 催办 reaches its intake and the handler, with who chases and their words
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await deliver(h, app)
    await h.tap(CITY_INTAKE, "催办")
    chased = await h.say(CITY_INTAKE, "请于本月底前办结报结")
    assert "已完成" in chased[-2]
    await deliver(h, app)
    for receiver in (LA_INTAKE, HANDLER):
        [push] = [t for t in h.tg.texts(receiver) if t.startswith("催办：")]
        assert number in push and "杭州市纪委监委催办" in push and "催办意见：请于本月底前办结报结" in push
    assert not any(t.startswith("催办：") for t in h.tg.texts(CITY_INTAKE) + h.tg.texts(SUPERVISOR))
    refused = await h.tap(CITY_INTAKE, "结束跟踪（归档）")
    assert "须先报结" in refused[-1]  # the result is not recorded yet
    with pytest.raises(NotPermitted):
        await app.cases.close_follow_up(number, office.intake)  # the receiver holds it, it does not follow it
    with pytest.raises(CaseUnavailable):  # 回避: not even the sender's follow-up
        await app.cases.chase(number, await app.officers.actor_for_officer(recused.id), "催")

    # the receiver handles and concludes it; the sender is told, and sees the result
    await app.cases.dispose(number, office.supervisor, DisposalMethod.CLOSE)
    await app.cases.conclude(number, office.handler, closure(), approved_by=office.supervisor)
    await deliver(h, app)
    told = [t for t in h.tg.texts(CITY_INTAKE) if t.startswith("转办件报结：") and number in t]
    assert told and not any(number in t for t in h.tg.texts(CITY_SECOND))
    card = await h.say(CITY_INTAKE, f"/case {number}")
    assert "办结" in card[-1] and "责令退还违规低保金" in card[-1]  # the receiver's result

    await h.tap(CITY_INTAKE, "报结")
    reported = await h.say(CITY_INTAKE, "临安区纪委监委报结：部分属实，已谈话提醒并责令退还")
    assert "已完成" in reported[-2] and "已于 2026-" in reported[-1]
    assert (await deadlines(app, number))["transfer_result"][0] == "met"
    assert await followed(app, number) == ("HZ", "reported", "LA")
    assert [t for row in h.tg.last_keyboard(CITY_INTAKE) for t, _ in row] == ["结束跟踪（归档）", "返回收件箱"]
    closed = await h.tap(CITY_INTAKE, "结束跟踪（归档）")
    assert "已完成" in closed[0] and "跟踪已结束" in closed[-1]
    assert await followed(app, number) == ("HZ", "closed", "LA")
    assert "收件箱是空的" in (await h.say(CITY_INTAKE, "/inbox"))[0]  # nothing left to follow
    assert [t for row in h.tg.last_keyboard(CITY_INTAKE) for t, _ in row] == []
    steps = [a for a, _ in await events(app, number)]
    assert steps.index("receive_transfer") < steps.index("chase") < steps.index("conclude")
    assert steps.index("conclude") < steps.index("report_result") < steps.index("close_follow_up")
    assert (await app.queries.case_detail(number)).summary.state == "concluded"  # the receiver's case goes on
