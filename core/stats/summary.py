"""The few figures a leader reads first (issue 17 item 4): the short text of ``/stats`` and of the monthly push.

Plain values for a notification's parameters (the outbox stores them as JSON): counts as numbers, rates as text
("93.3%", or "—" when nothing was due), so the template needs no logic and the push reads the same in any runtime.
"""

from __future__ import annotations

from typing import Any

from core.model import Satisfaction, label_key
from core.stats.figures import Figures, Table, Value
from core.stats.frame import TOTAL

NO_RATE = "—"


def _cell(table: Table, label: str, column: int = 0) -> Value:
    try:
        return table.value(label, column)
    except KeyError:
        return None


def _rate(value: Value) -> str:
    return NO_RATE if value is None else f"{value:g}%"


def summary_params(figures: Figures) -> dict[str, Any]:
    """Received, accepted, the three on-time rates, open and overdue now, satisfaction: the monthly message."""
    on_time = figures.table("on_time")
    decisions = figures.table("decisions")
    satisfaction = figures.table("satisfaction")
    rate_column = len(on_time.columns) - 1
    return {
        "first": figures.first.isoformat(),
        "last": figures.last.isoformat(),
        "unit": figures.unit_name or "",
        "received": _cell(figures.table("received_by_type"), TOTAL) or 0,
        "accepted": _cell(decisions, "stats.row.accepted") or 0,
        "not_accepted": _cell(decisions, "stats.row.not_accepted") or 0,
        "acceptance_rate": _rate(_cell(on_time, "stats.row.acceptance_notice_on_time", rate_column)),
        "feedback_rate": _rate(_cell(on_time, "stats.row.feedback_on_time", rate_column)),
        "concluded_rate": _rate(_cell(on_time, "stats.row.concluded_on_time", rate_column)),
        "open": _cell(figures.table("open_by_age"), TOTAL) or 0,
        "overdue": _cell(figures.table("overdue_now"), TOTAL) or 0,
        "satisfied": _cell(satisfaction, label_key(Satisfaction.SATISFIED)) or 0,
        "fairly": _cell(satisfaction, label_key(Satisfaction.FAIRLY)) or 0,
        "dissatisfied": _cell(satisfaction, label_key(Satisfaction.DISSATISFIED)) or 0,
        "objections": _cell(satisfaction, "stats.row.objections") or 0,
    }


def assigned_params(table: Table, first: str, last: str, unit: str) -> dict[str, Any]:
    """The quarterly 交办 message: each row of :func:`core.stats.assigned.assigned_table` by its short name."""
    values: dict[str, Any] = {row.label.rsplit(".", 1)[1]: row.values[0] for row in table.rows}
    values["on_time_rate"] = _rate(values.get("on_time_rate"))
    return {"first": first, "last": last, "unit": unit, **values}
