"""``qingfeng setup``: the first run — the office (its unit, level and region, stored as the home unit) and its
first officer (a Telegram id, or an invite code for ``/join``), asked for interactively or given as flags.

Without an office every report would wait unrouted and nobody would be told, so ``qingfeng run`` refuses to
start until this has been done (issue 12). Re-running it on a set-up database says so and changes nothing,
unless ``--home CODE`` asks to move the home unit. Bad input: one line on stderr, exit status 2; asked
interactively, the question is asked again instead.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO, TypeVar

from bot.dialogs.steps import Invalid
from bot.dialogs.validators import region_path
from bot.i18n import Translator, normalise_locale
from core.errors import DomainError
from core.model import Role, UnitLevel
from core.persistence.office import UNROUTED
from qingfeng.app import App

T = TypeVar("T")
LEVELS = (UnitLevel.PROVINCE, UnitLevel.CITY, UnitLevel.COUNTY, UnitLevel.TOWNSHIP, UnitLevel.CENTRAL)
DEFAULT_ROLES = (Role.INTAKE, Role.SUPERVISOR)  # one person receives and approves: enough for a small office
#: The parts of the region asked for at each level (a county's city may be empty: 直辖市的区县).
REGION_PARTS = {UnitLevel.CENTRAL: (), UnitLevel.PROVINCE: ("province",), UnitLevel.CITY: ("province", "city"),
                UnitLevel.COUNTY: ("province", "city?", "county"),
                UnitLevel.TOWNSHIP: ("province", "city?", "county", "township")}  # fmt: skip
INVITE_HOURS = 72


class Bad(Exception):
    """An answer that cannot be used: ``key`` is the locale message saying what is expected."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


class Ended(Exception):
    """The input ended (Ctrl-D, or a script's stdin ran out) before the answers were complete."""


def add_setup_command(sub: Any) -> None:
    """Register ``setup`` on the main parser's subparsers (called by ``qingfeng.cli.build_parser``)."""
    p = sub.add_parser("setup", help="first run: the office, its region and level, and its first officer")
    p.add_argument("--name", help="the unit's name, e.g. 杭州市临安区纪委监委")
    p.add_argument("--unit-code", help="a short code, e.g. LA")
    p.add_argument("--level", help=f"one of {', '.join(v.value for v in LEVELS)}")
    p.add_argument("--region", help="province/city/county, e.g. 浙江省/杭州市/临安区")
    p.add_argument("--officer-name", help="the first officer's name")
    p.add_argument("--role", action="append", help="roles, comma-separated (default intake,supervisor)")
    p.add_argument("--telegram-id", help="the officer's numeric Telegram id")
    p.add_argument("--invite", action="store_true", help="print a one-time /join code instead of a Telegram id")
    p.add_argument("--home", metavar="CODE", help="on a set-up database: make this existing unit the home unit")
    p.add_argument("--lang", help="zh-CN or en (default: QINGFENG_DEFAULT_LOCALE)")
    p.add_argument("--yes", action="store_true", help="ask nothing: every value from the flags, no confirmation")
    p.set_defaults(handler=cmd_setup)


async def cmd_setup(app: App, args: argparse.Namespace) -> int:
    if args.lang not in (None, "zh-CN", "en"):
        print("error: --lang must be zh-CN or en", file=sys.stderr)
        return 2
    return await setup(app, args, Translator.load(args.lang or app.settings.default_locale))


def setup_defaults() -> argparse.Namespace:
    """The arguments of a bare ``qingfeng setup`` (everything asked), for ``qingfeng run --setup``."""
    parser = argparse.ArgumentParser()
    add_setup_command(parser.add_subparsers())
    return parser.parse_args(["setup"])


async def office_units(app: App) -> list[str]:
    """Codes of the units set up (not the placeholder that keeps reports filed before there was one)."""
    return [u.code for u in await app.officers.list_units() if u.code != UNROUTED]


@dataclass(frozen=True)
class Plan:
    name: str
    code: str
    level: UnitLevel
    region: str
    officer: str
    roles: tuple[Role, ...]
    telegram_id: int | None  # None: an invite code


class Prompter:
    """Questions on ``stdout``, answers from ``stdin`` (a terminal or a script's pipe), in one language."""

    def __init__(self, tr: Translator, locale: str, stdin: TextIO, stdout: TextIO) -> None:
        self.tr, self.locale, self.stdin, self.stdout = tr, locale, stdin, stdout

    def t(self, key: str, **params: Any) -> str:
        return self.tr.t(self.locale, key, **params)

    def say(self, key: str, **params: Any) -> None:
        self.stdout.write(self.t(key, **params) + "\n")
        self.stdout.flush()

    def ask(self, key: str, check: Callable[[str], T], **params: Any) -> T:
        """Ask until the answer passes ``check``; :class:`Ended` at the end of the input."""
        while True:
            self.stdout.write(self.t(key, **params))
            self.stdout.flush()
            line = self.stdin.readline()
            if not line:
                self.stdout.write("\n")
                raise Ended
            try:
                return check(line.strip())
            except Bad as exc:
                self.say(exc.key, **exc.params)


# -- checks: each takes the raw text and returns the value, or raises Bad --------------------------------------


def check_name(raw: str) -> str:
    value = " ".join(raw.split())
    if not 1 <= len(value) <= 100:
        raise Bad("setup.bad.name")
    return value


def check_code(raw: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,32}", raw) or raw == UNROUTED:
        raise Bad("setup.bad.code")
    return raw


def check_level(raw: str) -> UnitLevel:
    value = raw.strip().lower() or UnitLevel.COUNTY.value
    if value.isdigit() and 1 <= int(value) <= len(LEVELS):
        return LEVELS[int(value) - 1]
    if value in {v.value for v in LEVELS}:
        return UnitLevel(value)
    raise Bad("setup.bad.level")


def check_region(raw: str, level: UnitLevel) -> str:
    if level is UnitLevel.CENTRAL and not raw.strip():
        return ""
    try:
        value = region_path(raw)
    except Invalid as exc:
        raise Bad("setup.bad.region") from exc
    if len(value.split("/")) > 4:
        raise Bad("setup.bad.region")
    return value


def check_part(raw: str) -> str:
    value = check_optional_part(raw)
    if not value:
        raise Bad("setup.bad.region_part")
    return value


def check_optional_part(raw: str) -> str:
    value = raw.strip()
    if "/" in value or len(value) > 30:
        raise Bad("setup.bad.region_part")
    return value


def check_officer(raw: str) -> str:
    value = " ".join(raw.split())
    if not 1 <= len(value) <= 50:
        raise Bad("setup.bad.officer")
    return value


def check_roles(raw: str) -> tuple[Role, ...]:
    parts = [p.strip().lower() for p in re.split(r"[,，、\s]+", raw) if p.strip()]
    if not parts:
        return DEFAULT_ROLES
    if any(p not in {r.value for r in Role} for p in parts):
        raise Bad("setup.bad.roles")
    return tuple(Role(p) for p in dict.fromkeys(parts))


def check_yes(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("", "y", "yes", "是", "好", "确认"):
        return True
    if value in ("n", "no", "否", "不"):
        return False
    raise Bad("setup.bad.yes_no")


def check_telegram(raw: str) -> int | None:
    """A Telegram user id, or None (empty: invite instead)."""
    if not raw:
        return None
    if not raw.isdigit() or not 0 < int(raw) < 2**53:
        raise Bad("setup.bad.telegram")
    return int(raw)


# -- the command ---------------------------------------------------------------------------------------------


async def setup(
    app: App, args: argparse.Namespace, tr: Translator, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    locale = normalise_locale(args.lang or app.settings.default_locale)
    p = Prompter(tr, locale, stdin or sys.stdin, stdout or sys.stdout)
    try:
        existing = await office_units(app)
        if args.home:
            return await _move_home(app, p, args.home, existing)
        if existing:
            home = await app.officers.home_unit_code()
            officers = sum(o.active for o in await app.officers.list_officers())
            p.say("setup.already", home=home or p.t("setup.no_home"), units=len(existing), officers=officers)
            return 0
        plan = _from_flags(args) if args.yes else _ask(p, args)
        if not args.yes:
            p.say("setup.summary", **_summary(p, plan))
            if not p.ask("setup.ask.confirm", check_yes):
                p.say("setup.cancelled")
                return 1
        return await _create(app, p, plan)
    except Bad as exc:
        print(f"error: {p.t(exc.key, **exc.params)}", file=sys.stderr)
        return 2
    except Ended:
        print(f"error: {p.t('setup.bad.ended')}", file=sys.stderr)
        return 2


async def _move_home(app: App, p: Prompter, code: str, existing: list[str]) -> int:
    if code not in existing:
        raise Bad("setup.bad.home", code=code, codes=", ".join(existing) or "-")
    unit = await app.officers.set_home_unit(code)
    p.say("setup.home_set", code=unit.code, name=unit.name)
    return 0


def _flag(args: argparse.Namespace, name: str, check: Callable[[str], T]) -> T | None:
    """A flag's value checked, or None when the flag was not given."""
    raw = getattr(args, name.replace("-", "_"))
    return None if raw is None else check(raw)


def _telegram_flag(args: argparse.Namespace) -> int | None:
    if args.invite and args.telegram_id is not None:
        raise Bad("setup.bad.both")
    if args.telegram_id is None:
        return None
    tid = check_telegram(args.telegram_id.strip())
    if tid is None:
        raise Bad("setup.bad.telegram")
    return tid


def _from_flags(args: argparse.Namespace) -> Plan:
    """``--yes``: every value from the flags; a missing one is an error (an invite when no Telegram id)."""

    def need(name: str, check: Callable[[str], T]) -> T:
        value = _flag(args, name, check)
        if value is None:
            raise Bad("setup.bad.missing", flag=f"--{name}")
        return value

    name, code, level = need("name", check_name), need("unit-code", check_code), need("level", check_level)
    region = check_region(args.region or "", level) if level is UnitLevel.CENTRAL else need(
        "region", lambda s: check_region(s, level))  # fmt: skip
    roles = check_roles(",".join(args.role)) if args.role else DEFAULT_ROLES
    return Plan(name, code, level, region, need("officer-name", check_officer), roles, _telegram_flag(args))


def _ask(p: Prompter, args: argparse.Namespace) -> Plan:
    """Flags given are checked first (bad: exit 2); the rest is asked."""
    name, code = _flag(args, "name", check_name), _flag(args, "unit-code", check_code)
    level = _flag(args, "level", check_level)
    region = _flag(args, "region", lambda s: check_region(s, level or UnitLevel.COUNTY))
    officer = _flag(args, "officer-name", check_officer)
    roles = check_roles(",".join(args.role)) if args.role else None
    tid = _telegram_flag(args)
    p.say("setup.intro")
    name = name or p.ask("setup.ask.name", check_name)
    code = code or p.ask("setup.ask.code", check_code)
    level = level or p.ask("setup.ask.level", check_level)
    if region is None:
        parts: list[str] = []
        for part in REGION_PARTS[level]:
            check = check_optional_part if part.endswith("?") else check_part
            parts.append(p.ask(f"setup.ask.{part.rstrip('?')}", check))
        region = "/".join(x for x in parts if x)
    officer = officer or p.ask("setup.ask.officer", check_officer)
    roles = roles or p.ask("setup.ask.roles", check_roles)
    if tid is None and not args.invite:
        tid = p.ask("setup.ask.telegram", check_telegram)
    return Plan(name, code, level, region, officer, roles, tid)


def _summary(p: Prompter, plan: Plan) -> dict[str, str]:
    access = p.t("setup.access_telegram", id=plan.telegram_id) if plan.telegram_id else p.t("setup.access_invite")
    return {"code": plan.code, "name": plan.name, "level": p.t(f"enum.UnitLevel.{plan.level.value}"),
            "region": plan.region or "-", "officer": plan.officer, "access": access,
            "roles": "、".join(p.t(f"enum.Role.{r.value}") for r in plan.roles)}  # fmt: skip


async def _create(app: App, p: Prompter, plan: Plan) -> int:
    waiting = await app.queries.list_cases(unit_code=UNROUTED)
    try:
        await app.officers.add_unit(plan.code, plan.name, plan.level, plan.region)
        await app.officers.set_home_unit(plan.code)
        if plan.telegram_id is not None:
            officer = await app.officers.add_officer(plan.officer, plan.code, plan.roles, plan.telegram_id)
            code = None
        else:
            officer, code = await app.officers.invite(plan.officer, plan.code, plan.roles, INVITE_HOURS)
    except DomainError as exc:  # e.g. the Telegram id already belongs to an officer
        raise Bad("setup.bad.refused", reason=str(exc)) from exc
    summary = _summary(p, plan)
    p.say("setup.done_unit", **summary)
    if code is None:
        p.say("setup.done_officer", name=officer.name, id=officer.id, roles=summary["roles"])
    else:
        from bot.runtimes.console.officer import terminal_chat  # the terminal runtime, loaded only here

        p.say("setup.done_invite", name=officer.name, id=officer.id, roles=summary["roles"], hours=INVITE_HOURS,
              code=code, chat=terminal_chat(officer.id))  # fmt: skip
    if waiting:
        p.say("setup.claimed", count=len(waiting))
    p.say("setup.next")
    return 0
