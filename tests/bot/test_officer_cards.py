"""What an officer reads on a case card, and how they open one (issue 12, items 13, 14, 18, 20), through the real
runtimes."""

from __future__ import annotations

from core.clock import ManualClock
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import Office, named_report, person

from .conftest import BotHarness

INTAKE = 1001  # Telegram ids in tests/factories.py
XH = "浙江省/杭州市/西湖区"


async def file_in(app: App, clock: ManualClock, year: int, region: str | None = None) -> str:
    clock.set(beijing(year, 11, 2, 9, 0))
    report = named_report(persons=(person(region=region),)) if region else named_report()
    return (await app.filing.file_report(report)).number


async def test_a_case_opens_by_its_short_number(harness: BotHarness, app: App, clock: ManualClock,
                                                office: Office) -> None:  # fmt: skip
    """``/case 33`` is this year's case 33, or the only one with that number the officer may see; several: a
    choice among those the officer may see, never a word about the others (core.access)."""
    h = harness
    filed = [await file_in(app, clock, 2024, r) for r in (None, XH, None)]  # 2024: 1 LA, 2 XH, 3 LA
    filed += [await file_in(app, clock, 2025) for _ in range(3)]  # 2025: 1, 2, 3 LA
    filed.append(await file_in(app, clock, 2026))  # 2026: 1 LA
    assert filed[-1] == "XF-2026-000001" and filed[1] == "XF-2024-000002"

    for ref, number in (("1", "XF-2026-000001"), ("2", "XF-2025-000002"), ("2024-3", "XF-2024-000003"),
                        ("xf-2025-3", "XF-2025-000003"), ("XF-2025-000001", "XF-2025-000001")):  # fmt: skip
        card = await h.say(INTAKE, f"/case {ref}")
        assert card[0].startswith(number) or card[0].startswith(f"⚠️ {number}"), (ref, card)
        assert number in str(h.tg.last_keyboard(INTAKE)) or "返回收件箱" in str(h.tg.last_keyboard(INTAKE))

    # 2 exists in 2024 too, but in another unit: it is not offered, not even named
    assert "XF-2024-000002" not in " ".join(h.tg.texts(INTAKE))

    choice = await h.say(INTAKE, "/case 3")
    assert "XF-2024-000003" in choice[0] and "XF-2025-000003" in choice[0]
    labels = [t for row in h.tg.last_keyboard(INTAKE) for t, _ in row]
    assert labels == ["XF-2024-000003", "XF-2025-000003"]
    opened = await h.tap(INTAKE, "XF-2025-000003")
    assert opened[0].startswith("XF-2025-000003")

    for ref in ("9", "2023-1", "abc"):
        assert "编号不存在" in (await h.say(INTAKE, f"/case {ref}"))[0]
