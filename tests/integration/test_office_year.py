"""A quarter of a county office, simulated (issue 20: qingfeng/simulation, bench/office_year.py runs the year).

Two hundred reports from a seed go through the real services, the officers act on their working days (one never
acts, some are slow or on leave), and the scheduler's own jobs run at their times on the moved clock. Then what
the product promises an office is checked against the database and the notifications delivered: every duty that
needed a reminder got one before it fell due (or was opened too late for any), every missed duty was escalated
by the next working day, no notification went twice, no named reporter's case was archived without its feedback.
The second test breaks the sweep's early reminder and sees the accounting say so: the check can fail.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from core.calendar import reminders as reminder_slots
from core.calendar.reminders import Slot
from qingfeng.app import App
from qingfeng.simulation.report import as_json, as_text
from qingfeng.simulation.run import simulate


async def test_a_quarter_meets_or_escalates_every_duty_and_tells_every_named_reporter(app: App) -> None:
    out = await simulate(app, 200, seed=11, first=date(2026, 1, 1), last=date(2026, 3, 31))
    a, t = out.accounting, out.accounting.total
    assert out.reports >= 190 and out.staff.steps["filed"] == out.reports - out.staff.steps["urgent"]
    assert not out.staff.refused, out.staff.refused  # every step the simulated officers took was a legal one
    # the quarter exercised what is checked: reminders before due, missed duties, escalations, feedback
    assert t.due > 200 and t.reminded_before_due > 20 and t.missed > 5 and a.results_given > 20
    assert t.not_reminded == 0, a.failures
    assert t.not_escalated == 0 and t.escalated_next_working_day == t.missed, a.failures
    assert a.duplicates == 0, a.duplicate_examples
    assert not a.ended_without_feedback
    assert a.ok
    assert out.urgent["messages"] >= 1 and out.urgent["handled"] == out.urgent["messages"]
    assert out.clockwork.job_failures == {}  # no job run failed
    report = as_json(out)
    assert report["totals"]["duplicate_notifications"] == 0 and report["invariants_hold"] is True
    assert set(report["duties"]) >= {"acceptance_notice", "register_and_route", "result_feedback"}
    assert "Invariants: hold" in as_text(out)


@pytest.mark.parametrize(
    ("dropped", "failure"),
    [((Slot.SOON, Slot.DUE), "no reminder before it fell due"), ((Slot.ESCALATED,), "missed, escalated never")],
    ids=["no reminders before due", "no escalation"],
)
async def test_a_broken_sweep_is_caught(
    app: App, monkeypatch: pytest.MonkeyPatch, dropped: tuple[Slot, ...], failure: str
) -> None:
    """The invariants are not true by construction: a sweep that sends no reminder before the due day, or never
    escalates, leaves duties the accounting counts as failures."""
    kept = reminder_slots.slot_windows

    def broken(*args: Any, **kw: Any) -> list[reminder_slots.SlotWindow]:
        return [w for w in kept(*args, **kw) if w.slot not in {s.value for s in dropped}]

    monkeypatch.setattr("core.services.reminders.slot_windows", broken)
    out = await simulate(app, 60, seed=3, first=date(2026, 3, 1), last=date(2026, 3, 31))
    assert not out.accounting.ok and any(failure in line for line in out.accounting.failures)
