"""The words of each chart from the message catalogues (``stats.chart.*`` in locales/), in the reader's language.

``t`` is a translator bound to one language, e.g. ``functools.partial(Translator.load().t, "zh-CN")``; the
series and category labels (categories, referral bodies, ratings) come from the caller, who has the enum keys.
"""

from __future__ import annotations

from collections.abc import Callable

from qingfeng.charts.data import ChartText

Translate = Callable[..., str]

# which axis of each chart has a title of its own (the other one is periods, categories or bodies)
AXES: dict[str, tuple[bool, bool]] = {
    "by_month": (False, True),
    "on_time": (False, True),
    "open_age": (True, True),
    "referrals": (True, False),
    "satisfaction": (True, False),
}


def chart_text(t: Translate, chart: str, *, unit: str = "", period: str = "") -> ChartText:
    """Title, "unit, period" subtitle, axis titles and the empty-chart text of ``chart`` (a key of :data:`AXES`)."""
    has_x, has_y = AXES[chart]
    subtitle = t("stats.chart.subtitle", unit=unit, period=period).strip(" ,　") if unit or period else ""
    return ChartText(
        title=t(f"stats.chart.{chart}.title"),
        subtitle=subtitle,
        x_label=t(f"stats.chart.{chart}.x") if has_x else "",
        y_label=t(f"stats.chart.{chart}.y") if has_y else "",
        no_data=t("stats.chart.no_data"),
        count_share=t("stats.chart.count_share"),
    )


def target_label(t: Translate, target: float) -> str:
    """The legend entry of the on-time target line, e.g. "目标 90%" for 0.9."""
    return t("stats.chart.on_time.target", percent=f"{target * 100:g}")
