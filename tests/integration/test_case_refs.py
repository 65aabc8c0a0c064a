"""``qingfeng case show`` and ``qingfeng audit --case`` take the short number too (issue 12, item 18)."""

from __future__ import annotations

import pytest

from core.clock import ManualClock
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import named_report, person, seed_office
from tests.integration.cli_run import run_cli


async def test_case_show_and_audit_accept_the_short_number(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await seed_office(app)
    numbers = []
    for year, region in ((2025, None), (2025, "浙江省/杭州市/西湖区"), (2026, None)):
        clock.set(beijing(year, 11, 2, 9, 0))
        report = named_report(persons=(person(region=region),)) if region else named_report()
        numbers.append((await app.filing.file_report(report)).number)
    assert numbers == ["XF-2025-000001", "XF-2025-000002", "XF-2026-000001"]
    clock.set(beijing(2026, 11, 3, 9, 0))
    monkeypatch.setattr("core.clock.SystemClock.now", lambda self: clock.now())  # the CLI's clock: the test's

    for ref, number in (("1", "XF-2026-000001"), ("2", "XF-2025-000002"), ("2025-1", "XF-2025-000001"),
                        ("xf-2025-000002", "XF-2025-000002")):  # fmt: skip
        code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", ref)
        assert code == 0, err
        assert out.startswith(number), (ref, out[:80])
        code, out, err = await run_cli(app, monkeypatch, capsys, "audit", "--case", ref)
        assert code == 0 and out.startswith(number), (ref, err)

    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", "7")
    assert code == 1 and "not found" in err and not out


async def test_a_short_number_of_several_years_lists_them(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await seed_office(app)
    for year in (2024, 2025):
        clock.set(beijing(year, 11, 2, 9, 0))
        await app.filing.file_report(named_report())
    clock.set(beijing(2026, 11, 3, 9, 0))
    monkeypatch.setattr("core.clock.SystemClock.now", lambda self: clock.now())
    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", "1")
    assert code == 1 and not out
    assert err.count("\n") == 1 and "XF-2024-000001" in err and "XF-2025-000001" in err
