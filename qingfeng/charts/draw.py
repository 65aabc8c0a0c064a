"""The statistics charts (issue 17 item 3) as PNG images for supervisors' phones.

Each builder takes plain values (:mod:`qingfeng.charts.data`) with the words already translated and returns a
matplotlib :class:`~matplotlib.figure.Figure`; :func:`png` turns it into bytes. Figures are made directly with
the Agg canvas, never through pyplot, so no global backend or rcParams is set and nothing is kept between
charts; every text names its fonts itself (:mod:`qingfeng.charts.fonts`). Importing this module imports
matplotlib and numpy (~0.7 s of CPU, ~55 MB): import it inside the function that draws, never at the top of a
module the bot or other commands load. A chart takes 0.15–0.45 s of CPU (2026-12, 2 cores), all of it holding
the GIL: the bot should draw off its event loop (``asyncio.to_thread``), one chart at a time.
"""

from __future__ import annotations

import io
import logging
import math
import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator, PercentFormatter

from qingfeng.charts import fonts
from qingfeng.charts.data import ChartText, Counts, PerPeriod, Rates

log = logging.getLogger(__name__)

# Okabe–Ito, which readers with colour-blindness tell apart, then a few more for long category lists
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999", "#882255")
TARGET_COLOUR = "#C0392B"
TONES = ("#009E73", "#E69F00", "#D55E00")  # 满意, 基本满意, 不满意; anything after them is grey
MUTED = "#555555"


@dataclass(frozen=True)
class Style:
    """Sizes for a phone: 1280×960 px (Telegram keeps photos up to 1280 px), type large enough at a third of that.

    ``system_fonts=False`` draws with the shipped font only, as on a fresh machine (the tests use it).
    """

    width_in: float = 6.4
    height_in: float = 4.8
    dpi: int = 200
    title_size: float = 15.0
    text_size: float = 11.5
    small_size: float = 10.0
    max_period_labels: int = 12  # more periods than this and only every n-th is labelled
    label_columns: int = 20  # category labels wrap at this width (a hanzi is two columns)
    band_columns: int = 12  # the labels under vertical bars (age bands), narrower
    system_fonts: bool = True

    @property
    def pixels(self) -> tuple[int, int]:
        return round(self.width_in * self.dpi), round(self.height_in * self.dpi)


STYLE = Style()


class _Chart:
    """One figure being built: its axes and the font properties every text of it uses."""

    def __init__(self, text: ChartText, style: Style) -> None:
        self.style, self.text = style, text
        self.chain = fonts.families(style.system_fonts)
        self.figure = Figure(figsize=(style.width_in, style.height_in), dpi=style.dpi, layout="constrained")
        FigureCanvasAgg(self.figure)
        self.ax: Axes = self.figure.add_subplot()
        self.figure.suptitle(text.title, fontproperties=self.font(style.title_size))
        if text.subtitle:
            self.ax.set_title(text.subtitle, loc="left", color=MUTED, fontproperties=self.font(style.small_size))
        self.ax.set_xlabel(text.x_label, fontproperties=self.font(style.text_size))
        self.ax.set_ylabel(text.y_label, fontproperties=self.font(style.text_size))
        self.ax.tick_params(labelsize=style.text_size, labelfontfamily=list(self.chain))
        self.ax.spines[["top", "right"]].set_visible(False)

    def font(self, size: float) -> FontProperties:
        return fonts.properties(self.chain, size)

    def empty(self) -> Figure:
        """The title and "no data" where the chart would be: a month without referrals still gets its picture."""
        self.ax.xaxis.set_visible(False)  # the axes stay: the subtitle is their title
        self.ax.yaxis.set_visible(False)
        self.ax.spines[:].set_visible(False)
        self.ax.text(0.5, 0.5, self.text.no_data, transform=self.ax.transAxes, ha="center", va="center",
                     color=MUTED, fontproperties=self.font(self.style.text_size))  # fmt: skip
        return self.figure

    def period_ticks(self, periods: tuple[str, ...]) -> None:
        step = max(1, -(-len(periods) // self.style.max_period_labels))
        x = np.arange(len(periods))[::step]
        rotate = len(x) > 6
        self.ax.set_xticks(x, labels=periods[::step], rotation=40 if rotate else 0, ha="right" if rotate else "center",
                           rotation_mode="anchor")  # fmt: skip

    def counts_axis(self, axis: Literal["x", "y"] = "y") -> None:
        (self.ax.yaxis if axis == "y" else self.ax.xaxis).set_major_locator(MaxNLocator(integer=True))
        self.ax.grid(axis=axis, color="#DDDDDD", linewidth=0.8)
        self.ax.set_axisbelow(True)

    def legend(self, columns: int) -> None:
        """Below the chart, in as many columns (up to ``columns``) as fit the figure's width: long labels (English
        category names) take fewer columns and wrap rather than run off the picture."""
        handles, labels = self.ax.get_legend_handles_labels()
        labels = [_wrap(label, 2 * self.style.label_columns) for label in labels]
        renderer = self.figure.canvas.get_renderer()  # type: ignore[attr-defined]
        for n in range(columns, 0, -1):
            legend = self.figure.legend(handles, labels, loc="outside lower center", ncols=n, frameon=False,
                                        prop=self.font(self.style.small_size))  # fmt: skip
            if n == 1 or legend.get_window_extent(renderer).width <= 0.98 * self.figure.bbox.width:
                return
            legend.remove()

    def category_ticks(self, labels: list[str]) -> None:
        """Labels beside horizontal bars, wrapped wider and then smaller until each fits the height of its bar."""
        style, room = self.style, self.style.height_in * 72 * 0.8 / max(1, len(labels))  # points per bar
        for size in (style.text_size, style.small_size, 0.8 * style.small_size):
            for columns in (style.label_columns, round(1.3 * style.label_columns), round(1.6 * style.label_columns)):
                wrapped = [_wrap(label, columns) for label in labels]
                if max(w.count("\n") + 1 for w in wrapped) * size * 1.2 <= room:
                    break
            else:
                continue
            break
        self.ax.set_yticks(np.arange(len(labels)), labels=wrapped)
        self.ax.tick_params(axis="y", labelsize=size)


def reports_by_month(data: PerPeriod, text: ChartText, style: Style = STYLE) -> Figure:
    """Reports received per period, stacked by category (or channel, type…), with each period's total on top."""
    chart = _Chart(text, style)
    if data.is_empty():
        return chart.empty()
    x = np.arange(len(data.periods))
    bottom = np.zeros(len(data.periods))
    for i, series in enumerate(data.series):
        values = np.array([v or 0 for v in series.values], dtype=float)
        chart.ax.bar(x, values, bottom=bottom, width=0.72, label=series.label, color=PALETTE[i % len(PALETTE)])
        bottom += values
    for xi, total in zip(x, bottom, strict=True):
        if total:
            chart.ax.annotate(f"{total:g}", (xi, total), xytext=(0, 2), textcoords="offset points", ha="center",
                              va="bottom", fontproperties=chart.font(style.small_size))  # fmt: skip
    chart.ax.margins(y=0.1)
    chart.period_ticks(data.periods)
    chart.counts_axis()
    chart.legend(min(3, len(data.series)))
    return chart.figure


def on_time_rates(data: Rates, text: ChartText, style: Style = STYLE) -> Figure:
    """Shares done on time per period (按期受理告知率, 按期反馈率, 按期办结率) as lines, the target dashed.

    A period where nothing fell due has no point (a gap), not a 0 % or 100 % nobody earned.
    """
    chart = _Chart(text, style)
    if data.is_empty():
        return chart.empty()
    periods = data.per_period.periods
    x = np.arange(len(periods))
    lines = [c for c in PALETTE if c != "#D55E00"]  # the target is red
    for i, series in enumerate(data.per_period.series):
        values = np.array([np.nan if v is None else v for v in series.values], dtype=float)
        chart.ax.plot(x, values, marker="o", markersize=5, linewidth=2, label=series.label, color=lines[i % len(lines)])
    if data.target is not None:
        chart.ax.axhline(data.target, color=TARGET_COLOUR, linestyle="--", linewidth=1.5, label=data.target_label)
    shown = [v for s in data.per_period.series for v in s.values if v is not None]
    lowest = min([*shown, *([data.target] if data.target is not None else [])])
    bottom = max(0.0, math.floor((lowest - 0.05) * 10) / 10)  # lines, not bars: 0 % need not show
    chart.ax.set_ylim(bottom, 1 + 0.04 * (1 - bottom))  # room for a marker at 100 %
    chart.ax.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
    chart.ax.set_xlim(-0.5, len(periods) - 0.5)
    chart.ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
    chart.period_ticks(periods)
    chart.legend(min(2, len(data.per_period.series) + (data.target is not None)))
    return chart.figure


def open_cases_by_age(data: Counts, text: ChartText, style: Style = STYLE) -> Figure:
    """Open cases per age band, youngest first, the older bands darker (they are the ones to look at)."""
    chart = _Chart(text, style)
    if data.is_empty():
        return chart.empty()
    x = np.arange(len(data.items))
    shades = _shades(len(data.items))
    bars = chart.ax.bar(x, data.values, width=0.65, color=shades)
    chart.ax.bar_label(bars, padding=2, fontproperties=chart.font(style.small_size))
    chart.ax.set_xticks(x, labels=[_wrap(label, style.band_columns) for label in data.labels])
    chart.ax.margins(y=0.12)
    chart.counts_axis()
    return chart.figure


def referrals_by_body(data: Counts, text: ChartText, style: Style = STYLE) -> Figure:
    """Reports referred or transferred out, per receiving body, the largest on top."""
    chart = _Chart(text, style)
    if data.is_empty():
        return chart.empty()
    items = sorted(data.items, key=lambda item: -item[1])
    y = np.arange(len(items))
    bars = chart.ax.barh(y, [n for _, n in items], height=0.6, color=PALETTE[0])
    chart.ax.bar_label(bars, padding=3, fontproperties=chart.font(style.small_size))
    chart.category_ticks([label for label, _ in items])
    chart.ax.invert_yaxis()
    chart.ax.margins(x=0.12)
    chart.counts_axis("x")
    return chart.figure


def satisfaction(data: Counts, text: ChartText, style: Style = STYLE) -> Figure:
    """Reporters' ratings, in the order 满意, 基本满意, 不满意 (then e.g. 未评价, grey), each with its share."""
    chart = _Chart(text, style)
    if data.is_empty():
        return chart.empty()
    total = sum(data.values)
    y = np.arange(len(data.items))
    colours = [TONES[i] if i < len(TONES) else "#AAAAAA" for i in range(len(data.items))]
    bars = chart.ax.barh(y, data.values, height=0.6, color=colours)
    labels = [text.count_share.format(count=n, share=f"{n / total:.0%}") for n in data.values]
    chart.ax.bar_label(bars, labels=labels, padding=3, fontproperties=chart.font(style.small_size))
    chart.category_ticks(list(data.labels))
    chart.ax.invert_yaxis()
    chart.ax.margins(x=0.2)
    chart.counts_axis("x")
    return chart.figure


def png(figure: Figure) -> bytes:
    """The figure as PNG bytes; a character no font has is logged first (it will be drawn as a box)."""
    for text in figure.findobj(Text):
        if isinstance(text, Text) and text.get_text():
            missing = fonts.uncovered([text.get_text()], tuple(text.get_fontfamily()))
            if missing:
                log.warning("chart text %r has characters no font can draw: %s", text.get_text(), missing)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _shades(n: int) -> list[str]:
    """``n`` oranges from light to dark: the sequential scale of an ordered variable (age)."""
    from matplotlib import colormaps

    cmap = colormaps["OrRd"]
    return [to_hex(cmap(0.35 + 0.55 * i / max(1, n - 1))) for i in range(n)]


def _wrap(label: str, columns: int) -> str:
    """Break a label into lines of at most ``columns`` columns (a CJK character takes two), as even as they can be
    (no lone last character): between hanzi, or at a space between Latin words; a closing bracket or comma never
    starts a line, an opening one never ends one."""
    lines = _lines(label, columns)
    if len(lines) > 1:  # the fewest lines, then the narrowest width that still needs no more of them
        even = _lines(label, -(-_width(label) // len(lines)) + 1)
        lines = even if len(even) == len(lines) else lines
    return "\n".join(lines)


def _lines(label: str, columns: int) -> list[str]:
    lines, line = [], ""
    for token in _TOKEN.findall(label):
        if line.strip() and not token.isspace() and token not in _NO_LINE_START and _width(line + token) > columns:
            lines.append(line.rstrip())
            line = ""
        if line or not token.isspace():
            line += token
    lines.append(line.rstrip())
    return lines


# one hanzi or one Latin word (with any opening bracket before it: none ends a line), or spaces
_TOKEN = re.compile(r"[（(［\[【《「『]*(?:[\u2e80-\U0010ffff]|[^\s\u2e80-\U0010ffff]+)|\s+")
_NO_LINE_START = set("）)］]】》」』，,。.、：:；;！!？?")


def _width(text: str) -> int:
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)
