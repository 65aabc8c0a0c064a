"""The figures (core.stats) in the office's language: aligned tables, JSON, CSV files and an XLSX workbook.

Every label comes from locales/ (a table's title, its columns, each row); names people gave (regions, units) are
shown as they are. CSV files are UTF-8 with a BOM, so spreadsheet programs read the Chinese right.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import Translator
from core.clock import local_time
from core.stats.figures import Figures, Row, Table, Value
from qingfeng.cli_output import table as print_table

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_MAX = 31  # Excel's limit


class Rendered:
    """The figures' labels rendered once in one language."""

    def __init__(self, figures: Figures, tr: Translator, locale: str, tz: ZoneInfo) -> None:
        self.figures, self.tr, self.locale, self.tz = figures, tr, locale, tz

    def heading(self) -> str:
        f, t = self.figures, self.tr
        if f.unit is None:
            unit = t.t(self.locale, "stats.all_units")
        else:
            key = "stats.unit_alone" if f.alone else "stats.unit_with_subordinates"
            unit = t.t(self.locale, key, name=f.unit_name or f.unit)
        return t.t(self.locale, "stats.heading", first=f.first.isoformat(), last=f.last.isoformat(), unit=unit,
                   as_of=local_time(f.as_of, self.tz))  # fmt: skip

    def title(self, table: Table) -> str:
        return self.tr.t(self.locale, table.title)

    def header(self, table: Table) -> list[str]:
        return [self.tr.t(self.locale, "stats.col.item"), *(self.tr.t(self.locale, c) for c in table.columns)]

    def label(self, row: Row) -> str:
        return row.label if row.literal else self.tr.t(self.locale, row.label, **dict(row.params))

    def rows(self, table: Table) -> list[list[Any]]:
        """Label then values: numbers stay numbers (CSV and XLSX), None stays None."""
        return [[self.label(r), *r.values] for r in table.rows]


def cell(value: Value | str) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def print_tables(r: Rendered) -> None:
    print(r.heading())
    for t in r.figures.tables:
        print()
        print(f"== {r.title(t)}")
        print_table([[cell(v) for v in row] for row in r.rows(t)], r.header(t))


def as_data(r: Rendered) -> dict[str, Any]:
    """What ``--json`` prints: translated labels, with each table's stable key and its definition."""
    f = r.figures
    return {
        "from": f.first.isoformat(),
        "to": f.last.isoformat(),
        "unit": f.unit,
        "unit_name": f.unit_name,
        "with_subordinates": f.unit is not None and not f.alone,
        "as_of": f.as_of.astimezone(r.tz).isoformat(),
        "heading": r.heading(),
        "tables": [
            {
                "key": t.key,
                "title": r.title(t),
                "definition": t.definition,
                "columns": r.header(t),
                "rows": r.rows(t),
            }
            for t in f.tables
        ],
    }


def write_csv(r: Rendered, directory: Path) -> list[Path]:
    """One file per table, ``<key>.csv``, UTF-8 with a byte-order mark."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for t in r.figures.tables:
        path = directory / f"{t.key}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(r.header(t))
            out.writerows([["" if v is None else v for v in row] for row in r.rows(t)])
        written.append(path)
    return written


def write_xlsx(r: Rendered, path: Path) -> Path:
    """One sheet per table, named by its title (Excel allows 31 characters, without ``[]:*?/\\``); the heading on
    the first line of each sheet, then the header and the rows."""
    from openpyxl import Workbook

    book = Workbook()
    if book.active is not None:
        book.remove(book.active)
    used: set[str] = set()
    for t in r.figures.tables:
        sheet = book.create_sheet(_sheet_title(r.title(t), used))
        sheet.append([r.heading()])
        sheet.append(r.header(t))
        for row in r.rows(t):
            sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _sheet_title(title: str, used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub("-", title)[:SHEET_TITLE_MAX]
    name, n = base, 2
    while name.lower() in used:
        suffix = f" {n}"
        name, n = base[: SHEET_TITLE_MAX - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name
