"""Draw the example charts of the README from made-up figures of an imagined district office.

``chart_example.py`` writes docs/stats-example.png (reports per month by category); ``--all DIR`` writes all
five charts into DIR, in Chinese, or in English with ``--locale en``. The numbers are invented but shaped like
a real year: more reports after the spring festival and before National Day, few referrals, most ratings 满意.
"""

from __future__ import annotations

import argparse
import calendar
import functools
from pathlib import Path

from bot.i18n import Translator
from qingfeng.charts import draw
from qingfeng.charts.data import Counts, PerPeriod, Rates, Series
from qingfeng.charts.labels import chart_text, target_label

ROOT = Path(__file__).resolve().parent.parent
UNIT = "示例区纪委监委"
PER_CATEGORY = {  # category → reports per month, January to December
    "integrity": (9, 6, 12, 11, 10, 13, 9, 8, 12, 14, 11, 10),
    "masses": (6, 4, 8, 7, 9, 8, 6, 7, 9, 10, 8, 7),
    "work": (5, 3, 6, 6, 5, 7, 5, 4, 6, 8, 6, 5),
    "organisational": (2, 1, 3, 2, 3, 2, 2, 3, 2, 4, 3, 2),
    "corruption_bribery": (2, 1, 2, 3, 2, 2, 3, 1, 2, 3, 2, 2),
    "other": (3, 2, 4, 3, 3, 4, 2, 3, 3, 4, 3, 3),
}
ON_TIME = {  # 按期受理告知率, 按期反馈率, 按期办结率 per month (None: nothing fell due)
    "按期受理告知率": (1.0, 0.96, 0.97, 1.0, 0.98, 1.0, 0.95, 1.0, 0.97, 0.93, 1.0, 0.98),
    "按期反馈率": (0.92, 0.88, 0.9, 0.94, 0.91, 0.95, 0.9, 0.93, 0.96, 0.89, 0.94, 0.95),
    "按期办结率": (None, 0.8, 0.83, 0.86, 0.82, 0.88, 0.85, 0.9, 0.87, 0.84, 0.9, 0.91),
}
EN_RATES = {
    "按期受理告知率": "Acknowledged on time",
    "按期反馈率": "Feedback on time",
    "按期办结率": "Concluded on time",
}


def charts(locale: str) -> dict[str, bytes]:
    tr = Translator.load()
    t = functools.partial(tr.t, locale)
    months = tuple(f"{m}月" if locale == "zh-CN" else calendar.month_abbr[m] for m in range(1, 13))
    period = "2026年" if locale == "zh-CN" else "2026"
    unit = UNIT if locale == "zh-CN" else "Example District Commission"
    by_month = PerPeriod(months, tuple(Series(t(f"enum.Category.{c}"), v) for c, v in PER_CATEGORY.items()))
    rates = Rates(
        PerPeriod(months, tuple(Series(k if locale == "zh-CN" else EN_RATES[k], v) for k, v in ON_TIME.items())),
        target=0.9,
        target_label=target_label(t, 0.9),
    )
    ages = ("0–15", "16–30", "31–60", "61–90", "> 90")
    open_cases = Counts(tuple(zip(ages, (14, 9, 6, 3, 1), strict=True)))
    bodies = ("market", "labor", "political_legal", "government", "police", "mediation")
    referrals = Counts(tuple(zip((t(f"enum.ReferTo.{b}") for b in bodies), (11, 8, 6, 5, 3, 1), strict=True)))
    ratings = Counts(tuple(zip((t(f"enum.Satisfaction.{r}") for r in ("satisfied", "fairly", "dissatisfied")),
                               (46, 12, 4), strict=True)))  # fmt: skip
    text = functools.partial(chart_text, t, unit=unit, period=period)
    return {
        "by_month": draw.png(draw.reports_by_month(by_month, text("by_month"))),
        "on_time": draw.png(draw.on_time_rates(rates, text("on_time"))),
        "open_age": draw.png(draw.open_cases_by_age(open_cases, text("open_age"))),
        "referrals": draw.png(draw.referrals_by_body(referrals, text("referrals"))),
        "satisfaction": draw.png(draw.satisfaction(ratings, text("satisfaction"))),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", type=Path, metavar="DIR", help="write all five charts into DIR")
    parser.add_argument("--locale", default="zh-CN", choices=("zh-CN", "en"))
    args = parser.parse_args()
    drawn = charts(args.locale)
    if args.all:
        args.all.mkdir(parents=True, exist_ok=True)
        for name, image in drawn.items():
            (args.all / f"stats-{name}.png").write_bytes(image)
    else:
        (ROOT / "docs" / "stats-example.png").write_bytes(drawn["by_month"])


if __name__ == "__main__":
    main()
