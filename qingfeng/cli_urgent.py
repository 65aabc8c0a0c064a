"""``qingfeng urgent …``: urgent messages (rules.md §8) as items to handle from the command line too.

The CLI acts as the system: what it does is recorded as "cli" in the message's record, like the bot's actions
are recorded with the officer. The sender's chat is never printed.
"""

from __future__ import annotations

import argparse
from typing import Any

from core.actor import Actor
from core.clock import OFFICE_TZ
from qingfeng.app import App
from qingfeng.cli_args import ID_MAX, bounded
from qingfeng.cli_output import as_json, table

CLI = Actor.system("cli")


def add_urgent_commands(sub: Any) -> None:
    """The ``urgent`` subcommands (``sub`` is the CLI's subparsers)."""
    urgent = sub.add_parser("urgent", help="urgent messages: list, show, note, close; who is on duty")
    u = urgent.add_subparsers(dest="sub", required=True)
    ls = u.add_parser("list", help="open urgent messages, oldest first")
    ls.add_argument("--all", action="store_true", help="closed ones too")
    ls.add_argument("--json", action="store_true", help="one JSON object per line")
    ls.set_defaults(handler=cmd_urgent_list)
    show = u.add_parser("show", help="one message in full, with what was done (recorded as a view)")
    show.add_argument("id", type=bounded(1, ID_MAX), help="the urgent message's number (urgent list)")
    show.set_defaults(handler=cmd_urgent_show)
    for name, what in (("note", "note what was done"), ("close", "close it, noting what was done")):
        p = u.add_parser(name, help=what)
        p.add_argument("id", type=bounded(1, ID_MAX), help="the urgent message's number (urgent list)")
        p.add_argument("--note", required=True, help="e.g. '110 called, police on the way'")
        p.set_defaults(handler=cmd_urgent_note if name == "note" else cmd_urgent_close)
    duty = u.add_parser("duty", help="put an officer on duty (first to receive urgent messages) or off")
    duty.add_argument("--officer", type=bounded(1, ID_MAX), required=True, help="officer id ('officers list')")
    on_off = duty.add_mutually_exclusive_group(required=True)
    on_off.add_argument(
        "--on", dest="on", action="store_true", help="on duty: urgent messages are pushed to them first"
    )
    on_off.add_argument("--off", dest="on", action="store_false", help="off duty")
    duty.set_defaults(handler=cmd_urgent_duty)


async def cmd_urgent_list(app: App, args: argparse.Namespace) -> int:
    items = await app.urgent.open_items(CLI, include_closed=args.all)
    if args.json:
        print(as_json([{"id": i.id, "at": i.at.isoformat(), "excerpt": i.excerpt, "handled": i.handled,
                        "closed_at": i.closed_at.isoformat() if i.closed_at else None} for i in items]))  # fmt: skip
        return 0
    table(
        [(i.id, f"{i.at.astimezone(OFFICE_TZ):%Y-%m-%d %H:%M}", _state(i.handled, i.closed_at is not None), i.excerpt)
         for i in items],
        ("id", "received", "state", "message"),
    )  # fmt: skip
    return 0


async def cmd_urgent_show(app: App, args: argparse.Namespace) -> int:
    item = await app.urgent.item(CLI, args.id)
    print(f"urgent message {item.id}, received {item.at.astimezone(OFFICE_TZ):%Y-%m-%d %H:%M}, "
          f"{_state(item.handled, item.closed_at is not None)}")  # fmt: skip
    print(item.text)
    for e in item.events:
        who = e.who or ("sender" if e.action == "follow_up" else "system/cli")
        print(f"  {e.at.astimezone(OFFICE_TZ):%m-%d %H:%M}  {who}  {e.action}  {e.text}".rstrip())
    return 0


async def cmd_urgent_note(app: App, args: argparse.Namespace) -> int:
    await app.urgent.add_note(CLI, args.id, args.note)
    print(f"urgent message {args.id}: noted")
    return 0


async def cmd_urgent_close(app: App, args: argparse.Namespace) -> int:
    await app.urgent.close(CLI, args.id, args.note)
    print(f"urgent message {args.id} closed")
    return 0


async def cmd_urgent_duty(app: App, args: argparse.Namespace) -> int:
    name = await app.urgent.set_on_duty(args.officer, args.on)
    print(f"{name} is {'on' if args.on else 'off'} duty")
    return 0


def _state(handled: bool, closed: bool) -> str:
    return "closed" if closed else "handling" if handled else "OPEN"
