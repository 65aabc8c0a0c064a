"""``qingfeng cases …`` and ``qingfeng case show``: listing, showing and registering cases."""

from __future__ import annotations

import argparse

from core.clock import OFFICE_TZ
from core.model import CaseState
from core.reports import NewReport
from qingfeng.app import App
from qingfeng.cli_output import as_json, table


async def cmd_cases_add(app: App, args: argparse.Namespace) -> int:
    """``args.report`` was read and checked by the parser (qingfeng.report_file)."""
    from core.actor import Actor

    report: NewReport = args.report
    actor = await app.officers.actor_for_officer(args.officer_id) if args.officer_id else Actor.system("cli")
    receipt = await app.filing.file_report(report, actor)
    print(f"{receipt.number} registered ({report.channel.value}), routed to {receipt.unit_code}")
    return 0


async def cmd_cases_list(app: App, args: argparse.Namespace) -> int:
    states = [CaseState(s) for s in args.state] if args.state else None
    cases = await app.queries.list_cases(states=states, unit_code=args.unit)
    if args.json:
        print(as_json(cases))
        return 0
    table(
        [
            (
                c.number,
                c.state,
                c.report_type,
                "named" if c.named else "anon",
                c.unit,
                c.category,
                c.assignee,
                c.next_due,
                c.next_due_kind,
                "URGENT" if c.urgent else "",
            )
            for c in cases
        ],
        ("number", "state", "type", "reporter", "unit", "category", "assignee", "due", "deadline", ""),
    )
    print(f"{len(cases)} cases")
    return 0


async def cmd_case_show(app: App, args: argparse.Namespace) -> int:
    from core.actor import Actor

    number = await app.queries.resolve(args.number)  # 33, 2026-33 or XF-2026-000033
    detail = await app.queries.case_detail(number, viewer=Actor.system("cli"))  # the facts: an audited view
    if args.json:
        print(as_json(detail))
        return 0
    s = detail.summary
    print(f"{s.number}  {s.state}  {s.report_type}  {'named' if s.named else 'anonymous'}  unit {s.unit}")
    print(
        f"category {s.category}; channel {s.channel}; assignee {s.assignee or '-'}; "
        f"received {s.received_at.astimezone(OFFICE_TZ):%Y-%m-%d %H:%M}"
    )
    for p in detail.persons:
        print(f"reported: {p.name or '-'} / {p.unit} / {p.post or '-'} / {p.level} / {p.region}")
    print("facts:", detail.facts)
    for e in detail.evidence:
        print(f"evidence {e.id}: {e.kind} {e.original_name} {e.size} bytes sha256 {e.sha256[:16]}…")
    if detail.purged_at:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(detail.purged_evidence.items())) or "no files"
        print(f"purged {detail.purged_at.astimezone(OFFICE_TZ):%Y-%m-%d}: identity, facts and evidence erased "
              f"(retention); evidence: {kinds}")  # fmt: skip
    print("deadlines:")
    for d in detail.deadlines:
        print(
            f"  {d.ref:4} {d.kind:20} due {d.due_date} ({d.state}{', provisional' if d.provisional else ''}) {d.rule}"
        )
    print("history:")
    for ev in detail.events:
        print(
            f"  {ev.at:%Y-%m-%d %H:%M} {ev.actor:12} {ev.action:16} {ev.from_state or '-'} -> {ev.to_state or '-'} "
            f"[{ev.rule}] {ev.note}"
        )
    return 0
