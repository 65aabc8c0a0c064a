"""``qingfeng setup``: the first run sets up the home unit and its first officer, from flags or answers typed on
stdin; re-running it changes nothing; bad input is one line and exit status 2 (issue 12, item 0)."""

from __future__ import annotations

import io

import pytest

from core.model import Role, UnitLevel
from core.persistence.office import stored_home
from qingfeng.app import App
from tests.factories import REGION, named_report, person

from .cli_run import run_cli

FLAGS = ("setup", "--name", "临安区纪委监委", "--unit-code", "LA", "--level", "county",
         "--region", "浙江省杭州市临安区", "--officer-name", "王芳", "--telegram-id", "123456789", "--yes")  # fmt: skip


async def home(app: App) -> str | None:
    async with app.ctx.uow() as uow:
        return await stored_home(uow.session)


async def test_flags_set_up_the_home_unit_and_officer_and_a_second_run_changes_nothing(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = await run_cli(app, monkeypatch, capsys, *FLAGS)
    assert code == 0, err
    assert "已设置本单位：LA 临安区纪委监委（县级，浙江省/杭州市/临安区）" in out and "make run" in out
    [unit] = await app.officers.list_units()
    assert (unit.code, unit.level, unit.region) == ("LA", "county", REGION)
    [officer] = await app.officers.list_officers()
    assert (officer.name, officer.telegram_id, officer.unit, officer.active) == ("王芳", 123456789, "LA", True)
    assert set(officer.roles) == {"intake", "supervisor"}  # one person receives and approves
    assert await home(app) == "LA" and await app.officers.home_unit_code() == "LA"

    code, out, err = await run_cli(app, monkeypatch, capsys, *FLAGS[:4], "XX", *FLAGS[5:])
    assert code == 0 and "已经设置过：本单位 LA" in out and "没有做任何更改" in out, err
    assert [u.code for u in await app.officers.list_units()] == ["LA"] and len(await app.officers.list_officers()) == 1


async def test_answers_typed_on_stdin_in_english_with_an_invite_code(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = [
        "杭州市纪委监委",  # name
        "not a code!",  # refused, asked again
        "HZ",
        "2",  # city
        "浙江省",
        "杭州市",
        "周信访",
        "intake, handler",
        "",  # no Telegram id: an invite
        "y",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers) + "\n"))
    code, out, err = await run_cli(app, monkeypatch, capsys, "setup", "--lang", "en")
    assert code == 0, err
    assert "Unit name" in out and "letters, digits" in out and "About to create" in out
    assert "home unit HZ 杭州市纪委监委 (city, 浙江省/杭州市)" in out
    join = next(line.strip() for line in out.splitlines() if line.strip().startswith("/join "))
    [unit] = await app.officers.list_units()
    assert (unit.code, unit.level, unit.region) == ("HZ", "city", "浙江省/杭州市")
    [invited] = await app.officers.list_officers()
    assert not invited.active and set(invited.roles) == {"intake", "handler"}
    terminal = 2**53 + invited.id  # without Telegram: joined from, and worked in, the terminal (tester's walk)
    assert f"qingfeng chat --chat-id {terminal}" in out and f"qingfeng chat --as officer {terminal}" in out
    actor = await app.officers.redeem(join.split()[1], 5550001)
    assert actor is not None and Role.INTAKE in actor.roles and await home(app) == "HZ"


async def test_bad_flags_and_ended_input_are_one_line_with_status_2_and_change_nothing(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def without(flag: str) -> list[str]:
        i = FLAGS.index(flag)
        return [*FLAGS[:i], *FLAGS[i + 2 :]]

    bad = {
        "--level": ("--level", "mayor"),
        "--unit-code": ("--unit-code", "临安"),
        "--region": ("--region", "/"),
        "--telegram-id": ("--telegram-id", "abc"),
    }
    for flag, (name, value) in bad.items():
        code, _, err = await run_cli(app, monkeypatch, capsys, *without(flag), name, value)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, (flag, err)
    code, _, err = await run_cli(app, monkeypatch, capsys, *without("--officer-name"))
    assert code == 2 and err.strip() == "error: 缺少 --officer-name（使用 --yes 时每一项都要用参数给出）。"
    code, _, err = await run_cli(app, monkeypatch, capsys, *FLAGS, "--invite")
    assert code == 2 and "只能选一个" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("临安区纪委监委\nLA\n"))  # Ctrl-D after two answers
    code, _, err = await run_cli(app, monkeypatch, capsys, "setup")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "没有做任何更改" in err
    assert await app.officers.list_units() == [] and await app.officers.list_officers() == []


async def test_home_can_be_moved_and_the_setting_still_overrides(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await app.officers.add_unit("HZ", "杭州市纪委监委", UnitLevel.CITY, "浙江省/杭州市")
    await app.officers.add_unit("LA", "临安区纪委监委", UnitLevel.COUNTY, REGION, parent="HZ")
    code, _, err = await run_cli(app, monkeypatch, capsys, "setup", "--home", "XX")
    assert code == 2 and err.strip() == "error: 没有单位 XX。现有单位：HZ, LA。"
    code, out, _ = await run_cli(app, monkeypatch, capsys, "setup", "--home", "LA")
    assert code == 0 and "已将 LA 临安区纪委监委 设为本单位" in out
    beijing = named_report(persons=(person(region="北京市/朝阳区"),))
    assert (await app.filing.file_report(beijing)).unit_code == "LA"
    app.ctx.home_unit = "HZ"  # QINGFENG_HOME_UNIT overrides what setup stored
    assert (await app.filing.file_report(named_report(persons=(person(region="北京市"),)))).unit_code == "HZ"
    app.ctx.home_unit = "GONE"  # a setting naming no unit: the stored home unit, with a warning
    assert (await app.filing.file_report(named_report(persons=(person(region="上海市"),)))).unit_code == "LA"


async def test_reports_kept_before_the_set_up_are_handed_to_the_new_office(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = await app.filing.file_report(named_report())
    assert first.unit_code == "UNROUTED"
    code, out, err = await run_cli(app, monkeypatch, capsys, *FLAGS)
    assert code == 0 and "设置之前收到的 1 件举报已归入本单位" in out, err
    assert (await app.queries.case_detail(first.number)).summary.unit == "LA"
    assert (await app.filing.file_report(named_report())).unit_code == "LA"
