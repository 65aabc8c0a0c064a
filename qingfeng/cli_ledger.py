"""``qingfeng person-ledger``: the ledger (台账) of a person reported (rules.md §10.4; issue 17, item 5).

By a case number (the ledger of each person that case names: same name, and same unit or region) or by a name
(every report naming it, optionally in one region; each row shows the unit the report gave, so namesakes can be
told apart). The operator runs it with the keys: every case listed gets a ``view_ledger`` event by the system,
as ``case show`` records its views (core.services.ledger). No facts and nothing of any reporter are printed.
"""

from __future__ import annotations

import argparse
from typing import Any

from core.actor import Actor
from qingfeng.app import App
from qingfeng.cli_args import CASE_NUMBER_HELP
from qingfeng.cli_output import as_json

CLI = Actor.system("cli")


def add_ledger_command(sub: Any) -> None:
    """The ``person-ledger`` command (``sub`` is the CLI's subparsers)."""
    p = sub.add_parser("person-ledger", help="the ledger (台账) of a person reported: every report about them, "
                       "when, where, how it ended (each case listed is recorded as viewed)")  # fmt: skip
    p.add_argument("number", nargs="?", help=f"a case: the ledger of each person it names ({CASE_NUMBER_HELP})")
    p.add_argument("--name", help="instead of a case: every report naming this person")
    p.add_argument("--region", help="with --name: only reports giving this region, e.g. 浙江省/杭州市/临安区")
    p.add_argument("--json", action="store_true", help="print JSON instead of the ledger")
    p.add_argument("--lang", choices=["zh-CN", "en"], help="language (default: QINGFENG_DEFAULT_LOCALE)")
    p.set_defaults(handler=cmd_person_ledger, check=lambda args: _check(p, args))


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """One of a case number or a name, as argparse errors: one line, exit status 2."""
    if (args.number is None) == (args.name is None):
        parser.error("give a case number or --name, not both")
    if args.name is not None and not args.name.strip():
        parser.error("--name is empty")
    if args.region is not None and args.name is None:
        parser.error("--region goes with --name")


async def cmd_person_ledger(app: App, args: argparse.Namespace) -> int:
    from bot.dialogs.ledger import ledger_replies
    from bot.i18n import Translator, normalise_locale

    if args.name is not None:
        ledgers = [await app.desk.ledger.for_name(CLI, args.name, args.region)]
    else:
        number = await app.queries.resolve(args.number)
        ledgers = await app.desk.ledger.for_case(CLI, number)
    if args.json:
        print(as_json(ledgers, app.ctx.tz))
        return 0
    locale = normalise_locale(args.lang or app.settings.default_locale)
    tr = Translator.load(app.settings.default_locale)
    for reply in ledger_replies(ledgers, app.ctx.tz, shown=None):
        print(tr.render(locale, reply.key, reply.params))
    return 0
