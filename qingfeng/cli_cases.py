"""``qingfeng cases …`` and ``qingfeng case show``: listing, showing and registering cases."""

from __future__ import annotations

import argparse

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
        print(as_json(cases, app.ctx.tz))
        return 0
    table(
        [
            (
                c.number,
                c.state,
                c.report_type,
                "named" if c.named else "anon",
                c.unit,
                c.category or "-",
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


async def cmd_cases_satisfaction(app: App, args: argparse.Namespace) -> int:
    """Ratings and reporters' challenges per unit (rules.md §10.4): counts only."""
    from core.services.review_counts import review_counts

    counts = await review_counts(app.ctx, args.unit)
    if args.json:
        print(as_json(counts))
        return 0
    table([(u.unit, u.satisfied, u.fairly, u.dissatisfied, u.objections, u.awaiting_leader, u.sent_back, u.confirmed)
           for u in counts],
          ("unit", "satisfied", "fairly", "dissatisfied", "objections", "awaiting leader", "sent back",
           "confirmed"))  # fmt: skip
    return 0


async def cmd_case_show(app: App, args: argparse.Namespace) -> int:
    """The card officers read in the bot (bot.dialogs.card), with the whole history; never the reporter's identity.
    Times in the office's zone (QINGFENG_TIMEZONE), which the card names."""
    from bot.dialogs.card import card_key, card_params
    from bot.i18n import Translator, normalise_locale
    from core.actor import Actor

    number = await app.queries.resolve(args.number)  # 33, 2026-33 or XF-2026-000033
    detail = await app.queries.case_detail(number, viewer=Actor.system("cli"))  # the facts: an audited view
    if args.json:
        print(as_json(detail, app.ctx.tz))
        return 0
    locale = normalise_locale(args.lang or app.settings.default_locale)
    card = card_params(detail, app.ctx.tz, history=None)
    print(Translator.load(app.settings.default_locale).render(locale, card_key(detail), card))
    return 0
