"""``/stats`` for leaders (issue 17 item 4; rules.md §10.5 定期分析): a short summary of their unit's figures and
the charts as photos, for this month, last month or this quarter (a quarter adds the 交办 table, §10.3).

The charts are drawn by a :class:`ChartMaker` the bootstrap passes in (matplotlib lives outside the dialogs);
drawing is CPU work, so it runs in a thread and other chats are answered meanwhile.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from bot.callbacks import StatsPeriod
from bot.dialogs.engine import Button, Label, Reply
from core.actor import Actor
from core.errors import InvalidInput
from core.permissions import sees_statistics
from core.services.stats import StatsService
from core.services.stats_reports import month_key, previous_month, quarter_key
from core.stats.figures import Figures
from core.stats.period import Period
from core.stats.series import MonthlySeries
from core.stats.summary import assigned_params, summary_params


@dataclass(frozen=True)
class Chart:
    name: str  # file name of the PNG
    title: str  # already in the reader's language: the photo's caption
    png: bytes


#: Figures, the months before and a locale → the charts, drawn (bootstrap: qingfeng.stats_charts).
ChartMaker = Callable[[Figures, MonthlySeries, str], Sequence[Chart]]


def this_quarter(today: date) -> Period:
    return Period.quarter(f"{today.year}Q{(today.month - 1) // 3 + 1}")


def choices(today: date) -> tuple[tuple[str, str], ...]:
    """(period code, button label key): this month, last month, this quarter."""
    return ((month_key(Period.month(f"{today:%Y-%m}")), "stats.button.this_month"),
            (month_key(previous_month(today)), "stats.button.last_month"),
            (quarter_key(this_quarter(today)), "stats.button.this_quarter"))  # fmt: skip


def parse_period(code: str) -> Period:
    """``2026-11`` or ``2026Q4``; InvalidInput otherwise (a forged button)."""
    return Period.quarter(code) if "Q" in code.upper() else Period.month(code)


def _period_label(code: str) -> Label:
    if "Q" in code.upper():
        year, q = code.upper().split("Q")
        return Label("stats.period.quarter", {"year": year, "quarter": q})
    year, month = code.split("-")
    return Label("stats.period.month", {"year": year, "month": str(int(month))})


async def stats_replies(stats: StatsService, charts: ChartMaker | None, actor: Actor, code: str | None,
                        today: date, locale: str) -> list[Reply]:  # fmt: skip
    """The summary with the period buttons, then one photo per chart; a quarter adds its 交办 table."""
    if not sees_statistics(actor.roles):
        return [Reply("stats.leaders_only")]
    code = code or choices(today)[0][0]
    try:
        period = parse_period(code)
    except InvalidInput:  # typed after /stats (a button carries a good one)
        return [Reply("stats.bad_period", {"given": code[:20]})]
    figures = await stats.figures(actor, period)
    params = {**summary_params(figures), "period": _period_label(code)}
    replies = [Reply("stats.summary", params)]
    if "Q" in code.upper():
        table = figures.table("assigned")
        replies.append(Reply("stats.assigned", {**assigned_params(table, "", "", ""), "period": _period_label(code)}))
    if charts is not None:
        series = await stats.series(actor, period)
        for chart in await asyncio.to_thread(charts, figures, series, locale):
            replies.append(Reply("stats.chart", {"title": chart.title}, photo=(chart.name, chart.png)))
    buttons = (tuple(Button(key, StatsPeriod(c)) for c, key in choices(today) if c != code),)
    return [*replies[:-1], replace(replies[-1], buttons=buttons)]  # under the last message: the one in view
