"""``qingfeng chat [--as citizen|officer ID]``: the real dialogs in a terminal, against the configured database.

The same composition as ``qingfeng run`` — :func:`~qingfeng.app.build_app` (which creates and migrates the
database), the dialog runner and officer desk behind :class:`~bot.front.ChatFront`, the scheduler of
:mod:`qingfeng.scheduler` — with the terminal instead of Telegram (:mod:`bot.runtimes.console`). It imports no chat
framework: aiogram alone takes seconds to import, and none is needed here.

Who is typing:

- a citizen (the default) chats as ``LOCAL_CHAT_BASE`` (2**53), or as ``--chat-id N`` to be another citizen.
  2**53 is above every Telegram user id (they have at most 52 significant bits), so a terminal citizen never
  shares a chat — dialogs, named cases, notifications — with a real Telegram account;
- ``--as officer ID``: the active officer whose Telegram id is ID (``qingfeng officers add --telegram-id``);
  for officers without one (``qingfeng demo-data`` registers none) ID may be the officer's id, the first
  column of ``qingfeng officers list``, and the terminal chats as ``LOCAL_CHAT_BASE + id``.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import sys
from pathlib import Path
from typing import Any, TextIO

from bot.dialogs.officer import OfficerDesk
from bot.front import ChatFront
from bot.i18n import Translator, normalise_locale
from bot.runtimes.console.screen import Screen
from bot.runtimes.console.session import ConsoleChat, ConsoleNotifier, LineReader
from core.actor import Actor
from core.errors import NotFound
from core.scope import classifier
from core.services.chat_outbox import ChatOutbox
from core.services.officers import OfficerView
from core.settings import Settings
from qingfeng.app import build_app
from qingfeng.cli_setup import office_units
from qingfeng.scheduler import build_scheduler, stop_scheduler
from qingfeng.wiring import bot_deps

log = logging.getLogger(__name__)
LOCAL_CHAT_BASE = 2**53


def add_chat_command(sub: Any) -> None:
    """The ``chat`` subcommand (``sub`` is the CLI's subparsers)."""
    p = sub.add_parser("chat", help="the bot's dialogs in this terminal (no Telegram needed)")
    p.add_argument("--as", dest="as_", nargs="+", default=["citizen"], metavar=("citizen|officer", "ID"),
                   help="officer ID: a Telegram id, or an officer id from 'qingfeng officers list'")  # fmt: skip
    p.add_argument(
        "--chat-id",
        type=int,
        default=LOCAL_CHAT_BASE,
        help="the citizen's local chat id (default 2**53, above every Telegram id)",
    )
    p.add_argument("--lang", choices=["zh-CN", "en"], help="language (default: QINGFENG_DEFAULT_LOCALE)")
    p.add_argument("--save-dir", type=Path, help="write evidence an officer opens here (default: not to disk)")
    p.set_defaults(plain=cmd_chat)


def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    role, rest = args.as_[0], args.as_[1:]
    if role not in ("citizen", "officer") or (role == "citizen" and rest) or (role == "officer" and len(rest) != 1):
        print("usage: qingfeng chat [--as citizen | --as officer ID]", file=sys.stderr)
        return 2
    if role == "officer" and not rest[0].isdigit():
        print(f"error: officer ID must be a number, not {rest[0]!r}", file=sys.stderr)
        return 2
    if logging.getLogger().level < logging.WARNING:  # the chat shares the terminal with the log
        logging.getLogger().setLevel(logging.WARNING)
    officer = int(rest[0]) if rest else None
    return asyncio.run(run_chat(settings, officer, chat_id=args.chat_id, lang=args.lang, save_dir=args.save_dir))


class TerminalDesk(OfficerDesk):
    """The officer desk for an officer without a Telegram id: this terminal's local user id is that officer."""

    def __init__(self, desk: OfficerDesk, user_id: int, officer_id: int) -> None:
        super().__init__(desk.s, desk.default_locale)
        self.user_id, self.officer_id = user_id, officer_id

    async def actor(self, telegram_id: int) -> Actor | None:
        if telegram_id == self.user_id:  # looked up each time: a deactivation ends the desk at once
            try:
                return await self.s.officers.actor_for_officer(self.officer_id)
            except NotFound:
                return None
        return await super().actor(telegram_id)


def find_officer(officers: list[OfficerView], ref: int) -> OfficerView | None:
    """By Telegram id first; by officer id only for an officer without a Telegram id (no one is impersonated
    by a number that happens to be both)."""
    active = [o for o in officers if o.active]
    return next((o for o in active if o.telegram_id == ref), None) or next(
        (o for o in active if o.id == ref and o.telegram_id is None), None
    )


def terminal_chat(officer_id: int) -> int:
    """The chat an officer without Telegram joins from and works in (above every Telegram id, one per officer)."""
    return LOCAL_CHAT_BASE + officer_id


def unknown_officer(out: TextIO, tr: Translator, locale: str, ref: int, officers: list[OfficerView]) -> None:
    """Not an officer to work as. An invited officer who has not joined yet is told how to join here: the
    invite code is needed, so no one becomes an officer by knowing a number."""
    invited = next((o for o in officers if o.invited and o.id == ref and o.telegram_id is None), None)
    if invited is not None:
        out.write(tr.t(locale, "console.officer_invited", ref=ref, name=invited.name,
                       chat=terminal_chat(invited.id)) + "\n")  # fmt: skip
        out.flush()
        return
    out.write(tr.t(locale, "console.officer_unknown", ref=ref) + "\n")
    if not any(o.active for o in officers):
        out.write("  -\n")
    for o in (o for o in officers if o.active):
        tg = o.telegram_id if o.telegram_id is not None else "-"
        out.write(f"  id {o.id:<4} telegram {tg!s:<12} {o.name}  {o.unit}  {','.join(o.roles)}\n")
    out.flush()


async def run_chat(
    settings: Settings,
    officer_ref: int | None = None,
    *,
    chat_id: int = LOCAL_CHAT_BASE,
    lang: str | None = None,
    save_dir: Path | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    out = stdout or sys.stdout
    locale = normalise_locale(lang or settings.default_locale)
    translator = Translator.load(settings.default_locale)
    app = await build_app(settings)
    try:
        deps = bot_deps(app, translator)
        officer: OfficerView | None = None
        if officer_ref is not None:
            officers = await app.officers.list_officers()
            officer = find_officer(officers, officer_ref)
            if officer is None:
                unknown_officer(out, translator, locale, officer_ref, officers)
                return 2
            chat_id = officer.telegram_id or terminal_chat(officer.id)
            if officer.telegram_id is None:
                deps = dataclasses.replace(deps, desk=TerminalDesk(deps.desk, chat_id, officer.id))
        else:
            await asyncio.to_thread(classifier)  # jieba's dictionary loads now, not at the first sentence
        screen = Screen(out, translator, locale, tty=out.isatty(), save_dir=save_dir)
        outbox = ChatOutbox(app.ctx, ConsoleNotifier(screen, translator, chat_id), chat_id,
                            officer.id if officer else None)  # fmt: skip
        reader = LineReader(stdin, out)  # on a terminal, from here on keys are read by the console itself
        screen.typing = reader.pending
        try:
            if officer is not None:
                screen.note("console.banner_officer", name=officer.name, unit=officer.unit,
                            roles=",".join(officer.roles))  # fmt: skip
            else:
                screen.note("console.banner_citizen", chat=chat_id)
            screen.note("console.help")
            if not await office_units(app):  # reports are kept unrouted; say how to set up an office or try the demo
                screen.note("console.no_office")
            # The bot's jobs, for this chat's outbox; the heartbeat in the database is the bot's ('scheduler status').
            scheduler = build_scheduler(app, outbox, name=f"console-{chat_id}", record=False)
            scheduler.start()
            try:
                await outbox.send_due()  # what waited for this chat, at once
                await ConsoleChat(ChatFront(deps), screen, reader, chat_id, locale).run()
            finally:
                await stop_scheduler(scheduler)
        finally:
            reader.close()
        screen.note("console.bye")
        return 0
    finally:
        await app.close()
