"""``qingfeng``: the operator's command line. Every command that uses the database migrates it first."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import date

from pydantic import ValidationError

from core.calendar.deadlines import DEADLINES
from core.crypto import KeysUnavailable
from core.errors import DomainError
from core.model import CadreLevel, CaseState, Role, UnitLevel
from core.settings import Settings, listen_address, webhook_url
from qingfeng.app import App, build_app, load_calendar
from qingfeng.chat import add_chat_command
from qingfeng.cli_args import (
    CASE_NUMBER_HELP,
    ID_MAX,
    INVITE_HOURS_MAX,
    TELEGRAM_ID_MAX,
    WORKING_DAYS_MAX,
    Parser,
    argument,
    bounded,
    iso_date,
    values_of,
    year,
)
from qingfeng.cli_cases import cmd_case_show, cmd_cases_add, cmd_cases_list, cmd_cases_satisfaction
from qingfeng.cli_ledger import add_ledger_command
from qingfeng.cli_office import (
    cmd_officers_add,
    cmd_officers_deactivate,
    cmd_officers_invite,
    cmd_officers_list,
    cmd_units_add,
    cmd_units_list,
)
from qingfeng.cli_output import table
from qingfeng.cli_scheduler import cmd_scheduler_status
from qingfeng.cli_security import add_security_commands
from qingfeng.cli_setup import add_setup_command
from qingfeng.cli_stats import add_stats_command
from qingfeng.cli_urgent import add_urgent_commands
from qingfeng.logs import configure_logging
from qingfeng.report_file import report_file_argument
from qingfeng.web import add_web_command

Handler = Callable[[App, argparse.Namespace], Awaitable[int]]


async def cmd_db_upgrade(app: App, args: argparse.Namespace) -> int:
    from core.persistence.migrate import current

    print(f"schema at revision {await current(app.engine)}")
    return 0


async def cmd_calendar_recompute(app: App, args: argparse.Namespace) -> int:
    moved = await app.calendar.recompute_open_deadlines(force=True)
    print(f"{moved} open deadlines moved")
    return 0


async def cmd_demo_data(app: App, args: argparse.Namespace) -> int:
    from qingfeng.demo import load_demo

    return await load_demo(app)


# -- commands without the database ---------------------------------------------------------------------------


def cmd_deadline(settings: Settings, args: argparse.Namespace) -> int:
    cal = load_calendar(settings)
    start: date = args.from_
    due = cal.add_working_days(start, args.working_days)
    print(due.isoformat())
    if cal.uses_fallback(start, due):
        print(
            f"warning: no holiday data for part of {start.year}-{due.year}; counted Monday-Friday "
            f"(add a file to {settings.calendar_dir}, see 'qingfeng calendar show')",
            file=sys.stderr,
        )
    return 0


def cmd_calendar_show(settings: Settings, args: argparse.Namespace) -> int:
    info = load_calendar(settings).year_info(args.year)
    print(
        f"{info.year}: {info.origin.value}{' — ' + info.source if info.source else ''}; "
        f"{info.working_days} working days"
    )
    print("holidays:        ", " ".join(d.isoformat() for d in info.holidays) or "-")
    print("make-up workdays:", " ".join(d.isoformat() for d in info.makeup_workdays) or "-")
    if info.origin.value == "fallback":
        print(
            f"No data for {info.year}: deadlines count Monday-Friday. Add {settings.calendar_dir}/{info.year}.json:\n"
            f'  {{"year": {info.year}, "source": "国务院办公厅关于{info.year}年部分节假日安排的通知",\n'
            f'   "holidays": ["{info.year}-01-01", "{info.year}-02-05..{info.year}-02-11"], '
            f'"workdays": ["{info.year}-02-13"]}}\n'
            "then run 'qingfeng calendar recompute' (the bot also picks it up nightly)."
        )
    return 0


def cmd_deadline_kinds(settings: Settings, args: argparse.Namespace) -> int:
    table(
        [(s.ref, s.kind.value, s.length, s.unit.value, s.rule, s.duty) for s in DEADLINES.values()],
        ("ref", "kind", "len", "unit", "rule", "duty"),
    )
    return 0


def cmd_scope(settings: Settings, args: argparse.Namespace) -> int:
    """JSON lines in (each with ``text``), the same objects out with the decision added, one line each, in order."""
    from bot.i18n import Translator
    from core.scope import KIND_LABELS, classifier

    clf, tr = classifier(), Translator.load(settings.default_locale)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (ValueError, KeyError, TypeError) as exc:
            print(json.dumps({"error": f"bad input line: {exc}"}, ensure_ascii=False), flush=True)
            continue
        d = clf.classify(text)
        item.update(verdict=d.verdict.value, kind=KIND_LABELS.get(d.kind) if d.kind else None,
                    refer_to=d.refer_to.value if d.refer_to else None,
                    reason=f"{tr.t(settings.default_locale, d.reason)} [{d.rule}]")  # fmt: skip
        if d.possibly_urgent:  # the learned backstop's: the bot asks whether anyone is in danger (issue 16)
            item["possibly_urgent"] = True
        print(json.dumps(item, ensure_ascii=False), flush=True)
    return 0


def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    """What the bot would answer (issue 16): the entry and its answer, or the candidates, or nothing; for an
    office reviewing core/knowledge/entries.toml."""
    from core.knowledge.ready import knowledge

    found = knowledge().ask(" ".join(args.question))
    locale = "en" if found.lang == "en" else "zh-CN"
    if found.entry is not None:
        print(f"{found.entry.id} (score {found.score:.1f})\n{found.entry.answer(locale)}")
    elif found.candidates:
        print("candidates: " + ", ".join(f"{e.id} ({e.question(locale)})" for e in found.candidates))
    else:
        print("no answer")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="qingfeng", description="清风 Qingfeng: reports to a discipline-inspection office")
    sub = p.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="start the bot (polling) with the scheduler")
    run.add_argument(
        "--runtime", choices=("aiogram", "ptb"), help="Telegram library (default: QINGFENG_RUNTIME or aiogram)"
    )
    run.add_argument("--setup", action="store_true", help="no office yet and a terminal: 'qingfeng setup' first")
    run.add_argument("--webhook", metavar="URL", type=argument(webhook_url),
                     help="webhook mode: the public URL Telegram posts updates to (default: QINGFENG_WEBHOOK_URL; "
                          "none: polling)")  # fmt: skip
    run.add_argument("--listen", metavar="HOST:PORT", type=argument(listen_address),
                     help="where webhook mode listens, behind the reverse proxy (default: QINGFENG_LISTEN or "
                          "127.0.0.1:8080); also /healthz and /readyz")  # fmt: skip
    run.add_argument("--web", action="store_true",
                     help="serve the web chat too, on QINGFENG_WEB_LISTEN (default 127.0.0.1:8081)")  # fmt: skip
    add_chat_command(sub)
    add_web_command(sub)
    add_setup_command(sub)

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="sub", required=True)
    db.add_parser("upgrade", help="bring the schema up to date").set_defaults(handler=cmd_db_upgrade)

    units = sub.add_parser("units", help="units of the office hierarchy").add_subparsers(dest="sub", required=True)
    ua = units.add_parser("add", help="add a unit (a commission) to the hierarchy")
    ua.add_argument("--code", required=True, help="a short code, e.g. LA")
    ua.add_argument("--name", required=True, help="the unit's name, e.g. 杭州市临安区纪委监委")
    ua.add_argument("--level", required=True, choices=[v.value for v in UnitLevel], help="the unit's level")
    ua.add_argument("--region", required=True, help="path such as 浙江省/杭州市/临安区")
    ua.add_argument("--parent", help="code of the unit one level up")
    ua.add_argument(
        "--handles", type=values_of(CadreLevel), help="comma-separated cadre levels (default by unit level)"
    )
    ua.set_defaults(handler=cmd_units_add)
    ul = units.add_parser("list", help="the units, their levels and regions")
    ul.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ul.set_defaults(handler=cmd_units_list)

    officers = sub.add_parser("officers", help="officers and roles").add_subparsers(dest="sub", required=True)
    oa = officers.add_parser("add", help="add an officer with a known Telegram id (else use 'officers invite')")
    oa.add_argument("--telegram-id", type=bounded(1, TELEGRAM_ID_MAX), help="the officer's numeric Telegram id")
    oa.add_argument("--name", required=True, help="the officer's name as colleagues know it")
    oa.add_argument("--unit", required=True, help="unit code")
    roles = f"comma-separated, of {', '.join(r.value for r in Role)}"
    oa.add_argument("--role", required=True, action="append", type=values_of(Role), help=roles)
    oa.set_defaults(handler=cmd_officers_add)
    od = officers.add_parser("deactivate", help="deactivate an officer and hand their open cases to another")
    od.add_argument("--id", type=bounded(1, ID_MAX), required=True, help="officer id from 'officers list'")
    od.add_argument("--reassign-to", type=bounded(1, ID_MAX), help="officer id of the handler taking over the cases")
    od.set_defaults(handler=cmd_officers_deactivate)
    oi = officers.add_parser("invite", help="a one-time code the officer redeems in the bot with /join")
    oi.add_argument("--name", required=True, help="the officer's name as colleagues know it")
    oi.add_argument("--unit", required=True, help="unit code")
    oi.add_argument("--role", required=True, action="append", type=values_of(Role), help=roles)
    oi.add_argument(
        "--hours",
        type=bounded(1, INVITE_HOURS_MAX),
        default=72,
        help="the code expires after this many hours (default 72)",
    )
    oi.set_defaults(handler=cmd_officers_invite)
    ol = officers.add_parser("list", help="officers, their units, roles and whether active")
    ol.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ol.set_defaults(handler=cmd_officers_list)

    cases = sub.add_parser("cases", help="cases").add_subparsers(dest="sub", required=True)
    ca = cases.add_parser("add", help="register a report received by phone, letter or visit (JSON file)")
    ca.add_argument("--file", dest="report", required=True, metavar="FILE", type=report_file_argument,
                    help="JSON, see README: channel, report_type, category, facts, persons, reporter")  # fmt: skip
    ca.add_argument("--officer-id", type=bounded(1, ID_MAX), help="the intake officer registering it (audit trail)")
    ca.set_defaults(handler=cmd_cases_add)
    cl = cases.add_parser("list", help="cases with state, unit, handler and next deadline")
    cl.add_argument("--json", action="store_true", help="print JSON instead of a table")
    cl.add_argument("--state", type=values_of(CaseState), help="comma-separated states")
    cl.add_argument("--unit", help="unit code")
    cl.set_defaults(handler=cmd_cases_list)
    cr = cases.add_parser("satisfaction", help="per unit: ratings, objections, challenges awaiting a leader, "
                          "sent back, confirmed (rules.md §10.4)")  # fmt: skip
    cr.add_argument("--json", action="store_true", help="print JSON instead of a table")
    cr.add_argument("--unit", help="unit code")
    cr.set_defaults(handler=cmd_cases_satisfaction)

    case = sub.add_parser("case", help="one case").add_subparsers(dest="sub", required=True)
    cs = case.add_parser(
        "show", help="one case's card: facts, persons, result, deadlines, history (the view is audited)"
    )
    cs.add_argument("number", help=CASE_NUMBER_HELP)
    cs.add_argument("--json", action="store_true", help="print JSON instead of the card")
    cs.add_argument("--lang", choices=["zh-CN", "en"], help="language of the card (default: QINGFENG_DEFAULT_LOCALE)")
    cs.set_defaults(handler=cmd_case_show)

    dl = sub.add_parser("deadline", help="working-day arithmetic")
    dl.add_argument("--from", dest="from_", required=True, metavar="YYYY-MM-DD", type=iso_date,
                    help="the trigger day (not counted)")  # fmt: skip
    dl.add_argument("--working-days", type=bounded(0, WORKING_DAYS_MAX), required=True,
                    help="how many Chinese working days after it")  # fmt: skip
    dl.set_defaults(plain=cmd_deadline)
    sub.add_parser("deadlines", help="the deadline table of rules.md §2").set_defaults(plain=cmd_deadline_kinds)

    cal = sub.add_parser("calendar", help="holiday calendar").add_subparsers(dest="sub", required=True)
    show = cal.add_parser("show", help="a year's holidays and make-up workdays, and where they come from")
    show.add_argument("year", type=year, help="e.g. 2026")
    show.set_defaults(plain=cmd_calendar_show)
    cal.add_parser("recompute", help="recompute open deadlines").set_defaults(handler=cmd_calendar_recompute)

    sub.add_parser("demo-data", help="load a demo office with cases").set_defaults(handler=cmd_demo_data)
    sch = sub.add_parser("scheduler", help="periodic jobs").add_subparsers(dest="sub", required=True)
    status = sch.add_parser(
        "status",
        help="is the bot's scheduler alive: each job's last and next run (exit 1: "
        "late, stopped, failing or never started); reminders due in 7 days",
    )
    status.set_defaults(handler=cmd_scheduler_status)
    sc = sub.add_parser("scope", help="classify texts: accept, refer, urgent or unclear")
    sc.add_argument("--jsonl", action="store_true", required=True, help="JSON lines with a 'text' field on stdin")
    sc.set_defaults(plain=cmd_scope)
    ask = sub.add_parser("ask", help="what the bot answers to a question (the knowledge base)")
    ask.add_argument("question", nargs="+", help="the question, as a citizen would type it")
    ask.set_defaults(plain=cmd_ask)
    add_security_commands(sub)
    add_urgent_commands(sub)
    add_stats_command(sub)
    add_ledger_command(sub)
    return p


async def _with_app(settings: Settings, handler: Handler, args: argparse.Namespace) -> int:
    app = await build_app(settings)
    try:
        return await handler(app, args)
    finally:
        await app.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if (check := getattr(args, "check", None)) is not None:  # choices argparse cannot check alone: exit status 2
        check(args)
    try:
        settings = Settings()
    except ValidationError as exc:  # a bad setting, like a bad argument: one line, status 2
        problems = "; ".join(f"QINGFENG_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors())
        print(f"error: {problems}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    try:
        if args.command == "run":
            from qingfeng.runner import run_bot

            if args.webhook:
                settings.webhook_url = args.webhook
            if args.listen:
                settings.listen = "{}:{}".format(*args.listen)
            return asyncio.run(run_bot(settings, args.runtime, setup=args.setup, web=args.web))
        if hasattr(args, "plain"):
            return int(args.plain(settings, args))
        return asyncio.run(_with_app(settings, args.handler, args))
    except KeysUnavailable as exc:  # refusing to start: nothing ran, as with a bad argument
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except DomainError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `qingfeng cases list | head`: the reader left; no traceback, stdout is gone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's exit-time flush would raise again
        return 141


if __name__ == "__main__":
    sys.exit(main())
