"""Leaders' figures in the real bot (issue 17 item 4): ``/stats`` with a summary and the charts as photos, and the
monthly and quarterly reports pushed through the outbox by the scheduler, once, across a restart."""

from __future__ import annotations

from bot.callbacks import StatsPeriod
from core.clock import ManualClock
from core.model import Channel
from qingfeng.app import App
from qingfeng.scheduler import Timing
from tests.conftest import beijing
from tests.factories import Office, named_report
from tests.waiting import runs_after, until

from .conftest import BotHarness
from .fake_telegram_payloads import inline_rows
from .test_scheduler import scheduler_running

INTAKE, HANDLER, SUPERVISOR = 1001, 1002, 1004
FAST = Timing(outbox=0.2, sweep=0.2, late_factor=50)  # the report job runs with the sweeps: every 0.2 s here


async def september(app: App, office: Office) -> None:
    """Two reports on 2026-09-28 at 临安区 (the clock's day): one accepted by intake, one 交办 from above."""
    number = (await app.filing.file_report(named_report())).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.filing.file_report(named_report(channel=Channel.ASSIGNED_BY_HIGHER, chat_id=555009))


def pushes(h: BotHarness, start: str) -> list[str]:
    return [t for t in h.tg.texts(SUPERVISOR) if t.startswith(start)]


async def test_a_leader_reads_the_figures_and_others_are_told_they_are_for_leaders(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    await september(app, office)
    seen = await h.say(SUPERVISOR, "/stats")
    summary = seen[0]
    assert summary.startswith("📊 临安区纪委监委 2026年9月信访举报统计")
    assert "收到 2 件：受理 1 件" in summary and "目前在办 2 件" in summary
    # then the charts as photos (sendPhoto, not documents), each with its title as the caption; a chart with
    # nothing on it is not sent (no report was referred or rated yet, no duty fell due in these months)
    assert seen[1:] == ["每月收到的信访举报（按问题类别）", "在办案件（按已办理工作日）"]
    photos = [m for m in h.tg.sent(SUPERVISOR) if "photo" in m]
    assert len(photos) == 2 and len(h.tg.calls_to("sendPhoto", SUPERVISOR)) == 2
    png = h.tg.files.by_id[photos[0]["photo"][-1]["file_id"]].data
    assert png.startswith(b"\x89PNG") and len(png) > 20_000  # a drawn chart, not a placeholder
    quarter = await h.tap(SUPERVISOR, "本季度")
    assert quarter[0].startswith("📊 临安区纪委监委 2026年第3季度")
    assert any(t.startswith("📌 2026年第3季度交办件：收到 1 件") for t in quarter)
    # a handler and an intake officer: no figures, a polite refusal; /help lists /stats for leaders only
    assert (await h.say(HANDLER, "/stats")) == ["统计和图表只供分管领导查看。"]
    assert "/stats" not in (await h.say(INTAKE, "/help"))[0]
    assert "/stats" in (await h.say(SUPERVISOR, "/help"))[0]
    assert (await h.say(SUPERVISOR, "/stats 2026-13"))[0].startswith("“2026-13”不是月份或季度。")
    forged = await h.tap_data(HANDLER, StatsPeriod("2026-09").pack())
    assert forged == ["统计和图表只供分管领导查看。"]


async def test_the_monthly_and_quarterly_reports_are_pushed_once_across_a_restart(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    await september(app, office)
    clock.set(beijing(2026, 10, 7, 10, 0))  # National Day holiday: nothing yet
    async with scheduler_running(app, h.notifier(), FAST) as scheduler:
        await runs_after(scheduler, "reports")
        await runs_after(scheduler, "outbox")
    assert pushes(h, "📊") == []
    clock.set(beijing(2026, 10, 8, 9, 0))  # the first working day of October, and of the fourth quarter
    async with scheduler_running(app, h.notifier(), FAST) as scheduler:
        await until(lambda: pushes(h, "📊") and pushes(h, "📌"), "the monthly and the quarterly report")
    async with scheduler_running(app, h.notifier(), FAST) as scheduler:  # restarted the same morning
        await runs_after(scheduler, "reports")
        await runs_after(scheduler, "outbox")
    monthly, assigned = pushes(h, "📊"), pushes(h, "📌")
    assert len(monthly) == 1 and len(assigned) == 1
    assert monthly[0].startswith("📊 2026年9月信访举报月报（临安区纪委监委）") and "收到 2 件：受理 1 件" in monthly[0]
    assert assigned[0].startswith("📌 2026年第3季度交办件通报：收到 1 件") and "目前未报结 1 件" in assigned[0]
    assert not any(t.startswith(("📊", "📌")) for t in h.tg.texts(INTAKE))  # leaders only
    # the button under the quarterly push (the morning digest came since): that quarter's figures
    push = next(m for m in h.tg.sent(SUPERVISOR) if m.get("text", "").startswith("📌"))
    [[(label, data)]] = inline_rows(push["reply_markup"])
    assert label == "查看统计和图表" and data is not None
    before = len(h.tg.texts(SUPERVISOR))
    h.tg.user_taps(SUPERVISOR, data, push["message_id"])
    await h.settle()
    assert h.tg.texts(SUPERVISOR)[before].startswith("📊 临安区纪委监委 2026年第3季度")
