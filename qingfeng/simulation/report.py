"""The simulated period's figures: a text report for people, one JSON object for machines (``--json``)."""

from __future__ import annotations

from typing import Any

from qingfeng.simulation.clockwork import TICKS
from qingfeng.simulation.duties import TELEGRAM_PER_SECOND, KindFigures
from qingfeng.simulation.run import Outcome

#: How the duties are named in the report (rules.md §2 ids).
DUTY_NAMES = {
    "transfer_up": "D1 send up (转送上级)", "transfer_received": "D2 take in a transfer (转来登记)",
    "acceptance_notice": "D3 acceptance notice (受理告知)", "result_feedback": "D4 result feedback (结果反馈)",
    "letter_reply": "D6 函询 reply", "register_and_route": "D7 register and route (登记转办)",
    "review_answer": "D12 appeal answer (申诉答复)", "supervision_appeal": "D14 监察 appeal answer",
    "assigned_by_higher": "D15 交办 report back (交办报结)", "transfer_result": "报结 of a case sent down (督办)",
    "park_review": "parked case review (暂存复查)", "disposal_proposal": "handling decided (处置意见, a month)",
}  # fmt: skip


def as_json(o: Outcome) -> dict[str, Any]:
    a, t = o.accounting, o.accounting.total
    cw = o.clockwork
    return {
        "period": {"first": o.first.isoformat(), "last": o.last.isoformat()},
        "seed": o.seed, "reports": o.reports, "database": o.database,
        "duties": {kind: f.row() for kind, f in a.kinds.items()},
        "totals": {
            "due": t.due, "met_on_time": t.met_on_time, "met_before_reminders": t.met_before_reminders,
            "reminded_before_due": t.reminded_before_due, "too_late_to_remind": t.too_late_to_remind,
            "not_reminded": t.not_reminded, "missed": t.missed,
            "escalated_next_working_day": t.escalated_next_working_day, "not_escalated": t.not_escalated,
            "duplicate_notifications": a.duplicates, "not_yet_due": a.not_yet_due,
        },
        "invariants_hold": a.ok, "failures": a.failures[:50], "duplicate_examples": a.duplicate_examples,
        "feedback": {"results_owed": a.results_owed, "results_given": a.results_given,
                     "results_delivered_to_chats": o.results_delivered,
                     "ended_without_feedback": a.ended_without_feedback},
        "on_time_rates": {k: {"due": due, "on_time": ok, "rate": rate} for k, (due, ok, rate) in o.on_time.items()},
        "notifications": {
            "sent": sum(a.notifications.values()), "by_template": dict(a.notifications.most_common()),
            "peak_per_outbox_run": a.peak_per_run, "peak_to_one_chat_per_run": a.peak_to_one_chat,
            "telegram_limit_per_second": TELEGRAM_PER_SECOND, "peak_run_seconds_at_limit": round(a.peak_seconds, 2),
        },
        "urgent": o.urgent, "case_states": o.states,
        "idle_without_duty": {"cases": len(a.idle), "examples": a.idle[:10]},
        "office": {"steps": dict(o.staff.steps), "refused_steps": dict(o.staff.refused),
                   "reassigned_after_escalation": o.staff.reassigned,
                   "steps_brought_forward_by_reminders": o.staff.pulled_forward},
        "wall_seconds": round(o.wall_seconds, 1), "setup_seconds": round(o.setup_seconds, 1), "events": cw.events,
        "jobs": {job: {"runs": cw.job_runs[job], "seconds": round(cw.job_seconds.get(job, 0.0), 2),
                       "mean_ms": round(1000 * cw.job_seconds.get(job, 0.0) / max(1, cw.job_runs[job]), 2),
                       "slowest_ms": round(1000 * cw.slowest.get(job, 0.0), 1), "failed": cw.job_failures[job]}
                 for job in sorted(cw.job_runs)},
    }  # fmt: skip


def as_text(o: Outcome) -> str:
    a, t = o.accounting, o.accounting.total
    explained, needed = t.reminded_before_due + t.too_late_to_remind, t.due - t.met_before_reminders
    lines = [
        f"A county office, {o.first} to {o.last}: {o.reports} reports (seed {o.seed}) on {o.database}; "
        f"jobs at {', '.join(x.strftime('%H:%M') for x in TICKS)} daily, the outbox every 30 minutes",
        "",
        f"{'due':>5} {'on time':>7} {'no rem.':>7} {'reminded':>8} {'too late':>8} {'missed':>6} {'escal.':>6} "
        f"{'FAIL':>4}  duty",
    ]
    for kind, f in [*a.kinds.items(), ("total", t)]:
        lines.append(_duty_line(DUTY_NAMES.get(kind, kind), f))
    lines += [
        "",
        "  no rem.: met before its first reminder was due; reminded: a reminder before the due day passed; too "
        "late: opened on or after its due day; escal.: missed and escalated to the leaders by the next working "
        "day; FAIL: needed a reminder and got none, or missed and not escalated in time.",
        f"  reminders came {_days_before(t)} working days before the due day; {a.not_yet_due} duties open are due "
        "after the period.",
        "",
        f"Invariants: {'hold' if a.ok else 'BROKEN'} — reminded or explained {explained}/{needed}, escalated "
        f"{t.escalated_next_working_day}/{t.missed}, duplicate notifications {a.duplicates}, named results owed "
        f"{a.results_owed}, given {a.results_given}, archived without feedback {len(a.ended_without_feedback)}",
    ]
    lines += [f"  {line}" for line in a.failures[:20] + a.duplicate_examples]
    rates = "; ".join(f"{k.removesuffix('_on_time')} {ok}/{due} = {rate}%" for k, (due, ok, rate)
                      in o.on_time.items())  # fmt: skip
    u = o.urgent
    lines += [
        f"On-time rates (the statistics module, county and townships): {rates}",
        f"Urgent messages: {u['messages']}, acted on after {u['median_minutes']} min (median), longest "
        f"{u['longest_minutes']} min, {u['repushes']} re-pushes",
        f"Notifications: {sum(a.notifications.values())} sent; the busiest outbox run sent {a.peak_per_run} "
        f"({a.peak_seconds:.1f} s at Telegram's {TELEGRAM_PER_SECOND}/s), at most {a.peak_to_one_chat} to one chat",
        f"Cases open with no duty pending and idle 30+ working days: {len(a.idle)}"
        + (f" (e.g. {', '.join(a.idle[:5])})" if a.idle else ""),
        f"Office: {sum(o.staff.steps.values())} steps, {sum(o.staff.refused.values())} refused, "
        f"{o.staff.pulled_forward} brought forward by a reminder, {o.staff.reassigned} reassigned after an "
        f"escalation; case states now: {', '.join(f'{k} {v}' for k, v in o.states.items())}",
        f"Wall time: {o.wall_seconds:.1f} s ({o.clockwork.events} events); jobs: "
        + "; ".join(
            f"{job} {o.clockwork.job_runs[job]} runs, {o.clockwork.job_seconds.get(job, 0.0):.1f} s, "
            f"slowest {1000 * o.clockwork.slowest.get(job, 0.0):.0f} ms"
            for job in sorted(o.clockwork.job_runs)
        ),
    ]
    return "\n".join(lines)


def _duty_line(name: str, f: KindFigures) -> str:
    fail = f.not_reminded + f.not_escalated
    return (f"{f.due:>5} {f.met_on_time:>7} {f.met_before_reminders:>7} {f.reminded_before_due:>8} "
            f"{f.too_late_to_remind:>8} {f.missed:>6} {f.escalated_next_working_day:>6} {fail:>4}  {name}")  # fmt: skip


def _days_before(f: KindFigures) -> str:
    return ", ".join(f"{n}× {d}" for d, n in sorted(f.days_before.items(), reverse=True)) or "-"
