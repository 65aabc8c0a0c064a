"""The figures drawn (issue 17 item 3): :mod:`core.stats` tables and month-by-month series turned into the values
of :mod:`qingfeng.charts.data`, every word from the catalogues in the reader's language, and drawn as PNGs.

One function for both readers: the bot's ``/stats`` (passed to the officer desk by the bootstrap, run in a
thread) and ``qingfeng stats --charts DIR``. matplotlib is imported on the first chart, never at start-up.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from bot.dialogs.officer_stats import Chart
from bot.i18n import Translator
from core.stats.figures import Figures, Table
from core.stats.frame import TOTAL
from core.stats.series import MonthlySeries
from qingfeng.charts.data import Counts, PerPeriod, Rates, Series
from qingfeng.charts.labels import chart_text, target_label

#: The on-time line an office aims at, drawn on the rates chart [U: the policy texts ask for 按期结案率 but set no
#: figure; 90 % is this product's choice].
ON_TIME_TARGET = 0.9


def _counts(t: partial[str], table: Table, labels: tuple[str, ...] | None = None) -> Counts:
    """A table's rows (without the total) as labelled counts; ``labels`` keeps only those rows, in that order."""
    rows = [r for r in table.rows if r.label != TOTAL and (labels is None or r.label in labels)]
    if labels is not None:
        rows.sort(key=lambda r: labels.index(r.label))
    return Counts(tuple((r.label if r.literal else t(r.label, **dict(r.params)), int(r.values[0] or 0))
                        for r in rows))  # fmt: skip


def draw_stats(
    figures: Figures, series: MonthlySeries, locale: str, tr: Translator, *, with_data_only: bool = False
) -> list[Chart]:
    """The five charts of a period: reports per month by category, on-time rates per month against the target,
    open cases by age, referrals by body, satisfaction. CPU work of ~2 s: call it off the event loop.

    ``with_data_only`` leaves out a chart with nothing on it: on a phone five photos of which three say "no data"
    are noise (the bot); a directory of files keeps all five, so their names can be relied on (the CLI)."""
    from qingfeng.charts import draw  # matplotlib: loaded when a chart is drawn

    t = partial(tr.t, locale)
    unit = figures.unit_name or t("stats.all_units")
    period = t("stats.chart.period", first=figures.first.isoformat(), last=figures.last.isoformat())
    months = tuple(t("stats.period.month", year=m.year, month=m.month) for m in series.months)
    received = PerPeriod(months, tuple(Series(t(key), tuple(float(v) for v in values))
                                       for key, values in series.received))  # fmt: skip
    rates = Rates(PerPeriod(months, tuple(Series(t(key), tuple(None if v is None else v / 100 for v in values))
                                          for key, values in series.rates)),
                  ON_TIME_TARGET, target_label(t, ON_TIME_TARGET))  # fmt: skip
    satisfaction = tuple(r.label for r in figures.table("satisfaction").rows if r.label.startswith("enum."))
    planned: list[tuple[str, str, Any, Any, dict[str, str]]] = [
        ("reports_by_month", "by_month", draw.reports_by_month, received, {}),
        ("on_time", "on_time", draw.on_time_rates, rates, {}),
        ("open_by_age", "open_age", draw.open_cases_by_age, _counts(t, figures.table("open_by_age")), {}),
        ("referrals", "referrals", draw.referrals_by_body, _counts(t, figures.table("not_accepted_referred_to")),
         {"period": period}),
        ("satisfaction", "satisfaction", draw.satisfaction,
         _counts(t, figures.table("satisfaction"), satisfaction), {"period": period}),
    ]  # fmt: skip
    return [Chart(f"{name}.png", t(f"stats.chart.{key}.title"),
                  draw.png(drawer(data, chart_text(t, key, unit=unit, **extra))))
            for name, key, drawer, data, extra in planned
            if not (with_data_only and data.is_empty())]  # fmt: skip


def chart_maker(tr: Translator) -> partial[list[Chart]]:
    """What the officer desk calls: (figures, series, locale) → charts."""
    return partial(draw_stats, tr=tr, with_data_only=True)
