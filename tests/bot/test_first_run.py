"""First run (issue 12, item 0): a report is never refused for want of routing, and a failure is diagnosable.

- On a database with no unit at all (``qingfeng run`` refuses it, but the filing service must still not lose a
  report) the citizen gets a case number; the first unit set up takes the report over, and its intake officer
  sees it in /inbox.
- A report about a place no unit covers goes to the home unit stored in the database (``qingfeng setup``),
  not to whichever unit happens to be first.
- An update that fails logs the traceback's frames, never the exception's message (which may quote the user).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from bot.i18n import Translator
from core.model import Role, UnitLevel
from core.persistence.orm import CaseRow, UnitRow
from qingfeng.app import App
from tests.factories import FACTS, REGION, Office
from tests.walks import walk_to_identity

from .conftest import RUNTIMES, BotHarness
from .fake_telegram import FakeTelegram

CHAT = 720001
INTAKE = 1001
SECRET = "王某某 13912345678"


@pytest.fixture(params=RUNTIMES)
async def bare(
    request: pytest.FixtureRequest, app: App, tg: FakeTelegram, translator: Translator
) -> AsyncIterator[BotHarness]:
    """The bot on a database where nothing was set up: no unit, no officer."""
    h = BotHarness(app, tg, translator, request.param)
    await h.start()
    try:
        yield h
    finally:
        await h.stop()


async def file_named(h: BotHarness, chat: int, region: str) -> list[str]:
    """A whole named filing whose person reported is in ``region``, typed (no unit offers it as a button)."""
    await walk_to_identity(h, chat, "实名举报")
    await h.say(chat, "刘举报")
    await h.say(chat, "138 0013 8000")
    await h.tap(chat, "跳过")
    for text in ("张某某", "某镇某村村委会", "村党支部书记"):
        await h.say(chat, text)
    await h.tap(chat, "村（社区）干部")
    await h.tap(chat, "其他地区")
    await h.say(chat, region)
    for label in ("中共党员", "没有了", "群众纪律"):
        await h.tap(chat, label)
    await h.say(chat, FACTS)
    await h.tap(chat, "跳过")
    await h.tap(chat, "完成")
    await h.tap(chat, "内容无误")
    return await h.tap(chat, "确认提交")


def number_in(seen: list[str]) -> str:
    receipt = next((t for t in seen if "编号：" in t), None)
    assert receipt is not None, f"no case number in {seen}"
    return receipt.split("编号：")[1].split("\n")[0]


async def unit_of(app: App, number: str) -> str:
    async with app.ctx.uow() as uow:
        return (
            await uow.session.execute(
                select(UnitRow.code).join(CaseRow, CaseRow.unit_id == UnitRow.id).where(CaseRow.number == number)
            )
        ).scalar_one()


async def test_with_no_unit_at_all_the_report_is_stored_and_the_first_office_takes_it_over(
    bare: BotHarness, app: App
) -> None:
    h = bare
    seen = await file_named(h, CHAT, REGION)
    assert not any("处理时出现问题" in t for t in seen)
    number = number_in(seen)
    assert (await app.queries.case_detail(number)).facts == FACTS

    await app.officers.add_unit("LA", "临安区纪委监委", UnitLevel.COUNTY, REGION)  # what 'qingfeng setup' does
    await app.officers.add_officer("王信访", "LA", [Role.INTAKE, Role.SUPERVISOR], telegram_id=INTAKE)
    assert await unit_of(app, number) == "LA"
    box = await h.say(INTAKE, "/inbox")
    assert "待办 1 件" in box[0] and number in h.tg.last_keyboard(INTAKE)[0][0][0]
    assert [u.code for u in await app.officers.list_units()] == ["LA"]  # no placeholder left behind


async def test_a_report_no_unit_covers_goes_to_the_stored_home_unit(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    await app.officers.set_home_unit("LA")  # stored in the database by 'qingfeng setup'; no .env edit
    number = number_in(await file_named(h, CHAT, "北京市/朝阳区"))
    assert await unit_of(app, number) == "LA"  # not HZ, the first unit
    await h.say(INTAKE, "/inbox")
    assert number in h.tg.last_keyboard(INTAKE)[0][0][0]


async def test_without_a_home_unit_an_unmatched_report_goes_to_the_top_unit_with_an_intake_officer(
    bare: BotHarness, app: App
) -> None:
    h, o = bare, app.officers
    await o.add_unit("XH", "西湖区纪委监委", UnitLevel.COUNTY, "浙江省/杭州市/西湖区")
    await o.add_unit("HZ", "杭州市纪委监委", UnitLevel.CITY, "浙江省/杭州市")
    await o.add_unit("ZJ", "浙江省纪委监委", UnitLevel.PROVINCE, "浙江省")  # nobody works there yet
    await o.add_officer("郑西湖", "XH", [Role.INTAKE], telegram_id=3001)
    await o.add_officer("周市信访", "HZ", [Role.INTAKE], telegram_id=2001)
    number = number_in(await file_named(h, CHAT, "北京市/朝阳区"))
    assert await unit_of(app, number) == "HZ"  # the most senior unit whose intake officers will see it


async def test_a_failed_update_logs_its_traceback_without_the_message(
    harness: BotHarness, app: App, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness

    async def broken() -> None:
        try:
            raise KeyError(f"inner {SECRET}")
        except KeyError as exc:
            raise ValueError(f"outer {SECRET}") from exc

    monkeypatch.setattr(app.officers, "list_units", broken)
    h.errors_expected = True
    with caplog.at_level(logging.ERROR):
        failed = await h.say(CHAT, "/start")  # the filing dialog starts by listing the units' regions: it breaks
    assert "处理时出现问题" in failed[-1]
    logged = caplog.text
    assert "update" in logged and "ValueError" in logged
    assert "Traceback" in logged and "in broken" in logged and "_start_filing" in logged  # the frames
    assert "KeyError" in logged  # the cause, too
    assert SECRET not in logged and "13912345678" not in logged
