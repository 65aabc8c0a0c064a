"""The figures as typed data: what every output (tables, JSON, CSV, XLSX, later charts and the bot) reads.

Labels are locale keys (``enum.Channel.phone``, ``stats.row.total``) rendered at the edge, or, where the label is
a name people gave (a region path, a unit's name), the text itself (``literal``). Never an internal id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

#: A cell: a count, a rate in percent or a number of working days (None: no case to measure it on).
Value = int | float | None


@dataclass(frozen=True)
class Row:
    label: str  # a locale key, or the text itself when ``literal``
    values: tuple[Value, ...]
    literal: bool = False
    params: tuple[tuple[str, int], ...] = ()  # the label's parameters (an age band's bounds)


@dataclass(frozen=True)
class Table:
    """One table of figures. ``key`` is stable (file and sheet names, JSON); ``title`` and ``columns`` are
    locale keys; ``definition`` says once, in English, what is counted (docs/stats.md copies it)."""

    key: str
    title: str
    columns: tuple[str, ...]  # locale keys of the value columns (the label column is ``stats.col.item``)
    rows: tuple[Row, ...]
    definition: str

    def value(self, label: str, column: int = 0) -> Value:
        """The cell of the row labelled ``label`` (tests, summaries); KeyError when there is no such row."""
        for row in self.rows:
            if row.label == label:
                return row.values[column]
        raise KeyError(label)


@dataclass(frozen=True)
class Figures:
    first: date
    last: date
    unit: str | None  # unit code; None: every unit
    unit_name: str | None
    alone: bool  # the unit without its subordinate units
    as_of: datetime  # when the snapshot figures (open, overdue, awaiting 报结) were read
    tables: tuple[Table, ...] = field(default_factory=tuple)

    def table(self, key: str) -> Table:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)


def rate(met: int, due: int) -> float | None:
    """Percent with one decimal; None when nothing was due (no rate, rather than 0 % or 100 %)."""
    return round(100 * met / due, 1) if due else None
