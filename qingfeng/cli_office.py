"""``qingfeng units …`` and ``qingfeng officers …``: the office hierarchy and its staff."""

from __future__ import annotations

import argparse

from core.model import CadreLevel, Role, UnitLevel
from qingfeng.app import App
from qingfeng.cli_output import as_json, table


async def cmd_units_add(app: App, args: argparse.Namespace) -> int:
    handles = [CadreLevel(v) for v in args.handles] if args.handles else None
    unit = await app.officers.add_unit(args.code, args.name, UnitLevel(args.level), args.region, args.parent, handles)
    print(f"unit {unit.code} added (id {unit.id})")
    return 0


async def cmd_units_list(app: App, args: argparse.Namespace) -> int:
    units = await app.officers.list_units()
    if args.json:
        print(as_json(units))
    else:
        table(
            [(u.code, u.name, u.level, u.region, u.parent, ",".join(u.handles_levels)) for u in units],
            ("code", "name", "level", "region", "parent", "handles"),
        )
    return 0


async def cmd_officers_add(app: App, args: argparse.Namespace) -> int:
    roles = [Role(r) for part in args.role for r in part]
    officer = await app.officers.add_officer(args.name, args.unit, roles, args.telegram_id)
    print(f"officer {officer.name} added (id {officer.id}, roles {','.join(officer.roles)})")
    return 0


async def cmd_officers_deactivate(app: App, args: argparse.Namespace) -> int:
    from core.actor import Actor

    moved = await app.officers.deactivate(args.id, args.reassign_to, Actor.system("cli"))
    print(f"officer {args.id} deactivated; {moved} open cases reassigned")
    return 0


async def cmd_officers_invite(app: App, args: argparse.Namespace) -> int:
    roles = [Role(r) for part in args.role for r in part]
    officer, code = await app.officers.invite(args.name, args.unit, roles, args.hours)
    print(f"officer {officer.name} (id {officer.id}) invited; valid {args.hours} h, once. In the bot they send:")
    print(f"  /join {code}")
    return 0


async def cmd_officers_list(app: App, args: argparse.Namespace) -> int:
    officers = await app.officers.list_officers()
    if args.json:
        print(as_json(officers))
    else:
        table(
            [(o.id, o.name, o.unit, ",".join(o.roles), o.telegram_id, "yes" if o.active else "no") for o in officers],
            ("id", "name", "unit", "roles", "telegram", "active"),
        )
    return 0
