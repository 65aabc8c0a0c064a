"""回避 through the real runtimes (issue 15, point 11): a report about a commission's own officer goes to the level
above, and the officer named never sees it — not pushed, not in the inbox, not by /case, not offered as handler."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.errors import GuardFailed
from core.model import Role
from core.persistence.orm import CaseRow, UnitRow
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import Office, named_report, person

from .conftest import BotHarness

LA_INTAKE, LA_HANDLER, HZ_INTAKE, HZ_SECOND = 1001, 1002, 2001, 2002  # tests/factories.py, and one added here


async def deliver(h: BotHarness, app: App) -> int:
    return await OutboxService(app.ctx, h.notifier()).send_due()


async def unit_of(app: App, number: str) -> str:
    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        return (await uow.session.get(UnitRow, case.unit_id)).code  # type: ignore[union-attr]


async def test_a_report_about_a_county_officer_goes_to_the_city_and_the_officer_cannot_open_it(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    report = named_report(persons=(person(name="李 承办"),))  # the LA handler, as a citizen may write the name
    number = (await app.filing.file_report(report)).number
    assert await unit_of(app, number) == "HZ"  # the level above 临安 (XF-28 ¶3, JC-67)
    await deliver(h, app)
    assert any(number in t for t in h.tg.texts(HZ_INTAKE))  # the city's intake is told
    assert not any(number in t for t in h.tg.texts(LA_INTAKE) + h.tg.texts(LA_HANDLER))
    box = await h.say(HZ_INTAKE, "/inbox")
    assert "待办 1 件" in box[0] and number in h.tg.last_keyboard(HZ_INTAKE)[0][0][0]
    assert "权限" in (await h.say(LA_HANDLER, f"/case {number}"))[-1]


async def test_with_no_level_above_the_case_stays_and_the_officer_named_never_sees_it(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    second = await app.officers.add_officer("钱市信访", "HZ", [Role.INTAKE], telegram_id=HZ_SECOND)
    named_handler = await app.officers.add_officer("孙市承办", "HZ", [Role.HANDLER], telegram_id=2003)
    await app.officers.add_officer("郑市承办", "HZ", [Role.HANDLER], telegram_id=2004)
    # the city's own intake officer and one of its handlers; HZ has no unit above
    persons = (person(name="周市信访", region="浙江省/杭州市"), person(name="孙市承办", region="浙江省/杭州市"))
    number = (await app.filing.file_report(named_report(persons=persons))).number
    assert await unit_of(app, number) == "HZ"
    await deliver(h, app)
    assert not any(number in t for t in h.tg.texts(HZ_INTAKE))  # no push to the officer named
    assert any(number in t for t in h.tg.texts(HZ_SECOND))  # the other intake officer has it
    assert "收件箱是空的" in (await h.say(HZ_INTAKE, "/inbox"))[0]
    refused = await h.say(HZ_INTAKE, f"/case {number}")
    assert "权限" in refused[-1] and "周市信访" not in refused[-1]
    # the other intake officer works it; the officer named is not offered as its handler
    await h.say(HZ_SECOND, f"/case {number}")
    await h.tap(HZ_SECOND, "登记")
    await h.tap(HZ_SECOND, "受理")
    await h.tap(HZ_SECOND, "分配承办")
    offered = [text for row in h.tg.last_keyboard(HZ_SECOND) for text, _ in row]
    assert offered == ["郑市承办"]  # not the handler named
    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        assert case.recused_officer_ids == sorted([office.city_intake.officer_id, named_handler.id])  # ids only
    with pytest.raises(GuardFailed) as refused_assign:  # and a forged button cannot assign it to them either
        await app.cases.assign(number, await app.officers.actor_for_officer(second.id), named_handler.id)
    assert refused_assign.value.problems == ["guard.handler_recused"]
