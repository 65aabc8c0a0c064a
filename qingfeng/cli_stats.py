"""``qingfeng stats``: the office's figures (issue 17) for a period and a unit, as tables, JSON, CSV or XLSX.

The period is ``--from``/``--to`` (local days, both included; ``--to`` defaults to today), ``--period 2026Q3`` or
``--month 2026-10``; without any, the current month so far. A bad argument is one line and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import InvalidInput, NotFound
from core.stats.period import Period
from qingfeng.app import App
from qingfeng.cli_args import iso_date

if TYPE_CHECKING:
    from bot.i18n import Translator
    from core.stats.figures import Figures


def _quarter(text: str) -> Period:
    try:
        return Period.quarter(text)
    except InvalidInput:
        raise argparse.ArgumentTypeError(f"{text!r} is not a quarter such as 2026Q3") from None


def _month(text: str) -> Period:
    try:
        return Period.month(text)
    except InvalidInput:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month such as 2026-10") from None


def add_stats_command(sub: Any) -> None:
    st = sub.add_parser("stats", help="the office's figures for a period: received, decided, on time, open, rated")
    st.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", type=iso_date, help="first day (included)")
    st.add_argument("--to", metavar="YYYY-MM-DD", type=iso_date, help="last day (included; default: today)")
    st.add_argument("--period", type=_quarter, metavar="YYYYQn", help="a quarter, e.g. 2026Q3")
    st.add_argument("--month", type=_month, metavar="YYYY-MM", help="a month, e.g. 2026-10")
    st.add_argument("--unit", metavar="CODE", help="a unit's code (default: every unit)")
    st.add_argument("--alone", action="store_true", help="the unit without its subordinate units")
    st.add_argument("--json", action="store_true", help="print JSON instead of tables")
    st.add_argument("--csv", metavar="DIR", type=Path, help="also write one CSV file per table into DIR")
    st.add_argument("--xlsx", metavar="FILE", type=Path, help="also write a workbook, one sheet per table")
    st.add_argument("--charts", metavar="DIR", type=Path, help="also draw the charts as PNG files into DIR")
    st.add_argument("--lang", choices=["zh-CN", "en"], help="language of the labels (default: QINGFENG_DEFAULT_LOCALE)")
    st.set_defaults(handler=cmd_stats, check=lambda args: check_stats_args(st, args))


def check_stats_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse contradictory choices before anything runs (parser.error: one line, exit status 2)."""
    chosen = [name for name, given in (("--from/--to", args.from_ or args.to), ("--period", args.period),
                                       ("--month", args.month)) if given]  # fmt: skip
    if len(chosen) > 1:
        parser.error(f"choose one of {', '.join(chosen)}")
    if args.to and not args.from_:
        parser.error("--to needs --from")
    if args.from_ and args.to and args.to < args.from_:
        parser.error(f"--to {args.to} is before --from {args.from_}")
    if args.alone and not args.unit:
        parser.error("--alone needs --unit")
    if args.xlsx is not None and args.xlsx.suffix.lower() != ".xlsx":
        parser.error(f"--xlsx {args.xlsx}: the file name must end in .xlsx")


async def _charts(app: App, args: argparse.Namespace, figures: Figures, tr: Translator, locale: str) -> list[Path]:
    """The five charts (qingfeng.stats_charts) of the period, the months up to its last, as PNG files in DIR."""
    import asyncio

    from core.stats.series import monthly_series
    from qingfeng.stats_charts import draw_stats

    series = await monthly_series(app.ctx, figures.last, args.unit, alone=args.alone)
    charts = await asyncio.to_thread(draw_stats, figures, series, locale, tr)
    args.charts.mkdir(parents=True, exist_ok=True)
    paths = []
    for chart in charts:
        path = args.charts / chart.name
        path.write_bytes(chart.png)
        paths.append(path)
    return paths


def period_of(args: argparse.Namespace, today: date) -> Period:
    if args.period or args.month:
        return args.period or args.month
    if args.from_:
        return Period(args.from_, args.to or today)
    return Period(today.replace(day=1), today)


async def cmd_stats(app: App, args: argparse.Namespace) -> int:
    from bot.i18n import Translator, normalise_locale
    from core.stats.service import compute_figures
    from qingfeng.stats_output import Rendered, as_data, print_tables, write_csv, write_xlsx

    period = period_of(args, app.ctx.today())
    try:
        figures = await compute_figures(app.ctx, period, args.unit, alone=args.alone)
    except NotFound:
        print(f"qingfeng stats: error: no unit with code {args.unit!r} (see 'qingfeng units list')", file=sys.stderr)
        return 2
    locale = normalise_locale(args.lang or app.settings.default_locale)
    tr = Translator.load(app.settings.default_locale)
    rendered = Rendered(figures, tr, locale, app.ctx.tz)
    written = []
    try:
        if args.csv is not None:
            written += write_csv(rendered, args.csv)
        if args.xlsx is not None:
            written.append(write_xlsx(rendered, args.xlsx))
        if args.charts is not None:
            written += await _charts(app, args, figures, tr, locale)
    except OSError as exc:  # a directory that is a file, no permission: the path given is wrong, as an argument
        print(f"qingfeng stats: error: cannot write {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(as_data(rendered), ensure_ascii=False, indent=2))
        return 0
    print_tables(rendered)
    for path in written:
        print(tr.t(locale, "stats.written", path=str(path)))
    return 0
