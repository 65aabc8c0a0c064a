"""``qingfeng chat [--as citizen|officer ID]``: the real dialogs in a terminal, against the configured database.

The same composition as ``qingfeng run`` — :func:`~qingfeng.app.build_app` (which creates and migrates the
database), the dialog runner and officer desk behind :class:`~bot.front.ChatFront`, the scheduler of
:mod:`qingfeng.scheduler` — with the terminal instead of Telegram (:mod:`bot.runtimes.console`). It imports no chat
framework: aiogram alone takes seconds to import, and none is needed here.

Who is typing (a citizen, or an officer by Telegram id or officer id): :mod:`bot.runtimes.console.officer`.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import sys
from pathlib import Path
from typing import Any, TextIO

from bot.front import ChatFront
from bot.i18n import Translator, normalise_locale
from core.knowledge.ready import knowledge
from core.scope import classifier
from core.settings import Settings
from qingfeng.app import bot_deps, build_app, build_chat_outbox, build_scheduler
from qingfeng.cli_setup import office_units
from qingfeng.logs import log_to_file
from qingfeng.scheduler import stop_scheduler

log = logging.getLogger(__name__)


def add_chat_command(sub: Any) -> None:
    """The ``chat`` subcommand (``sub`` is the CLI's subparsers)."""
    p = sub.add_parser("chat", help="the bot's dialogs in this terminal (no Telegram needed)")
    p.add_argument("--as", dest="as_", nargs="+", default=["citizen"], metavar=("citizen|officer", "ID"),
                   help="officer ID: a Telegram id, or an officer id from 'qingfeng officers list'")  # fmt: skip
    p.add_argument(
        "--chat-id",
        type=int,
        default=None,
        help="the citizen's local chat id (default 2**53, above every Telegram id)",
    )
    p.add_argument("--lang", choices=["zh-CN", "en"], help="language (default: QINGFENG_DEFAULT_LOCALE)")
    p.add_argument("--save-dir", type=Path, help="write evidence an officer opens here (default: not to disk)")
    p.set_defaults(plain=cmd_chat)


def chat_log(settings: Settings) -> Path:
    """Where ``qingfeng chat`` writes its log: the data directory, beside the database."""
    return Path(settings.data_dir) / "logs" / "chat.log"


def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    role, rest = args.as_[0], args.as_[1:]
    if role not in ("citizen", "officer") or (role == "citizen" and rest) or (role == "officer" and len(rest) != 1):
        print("usage: qingfeng chat [--as citizen | --as officer ID]", file=sys.stderr)
        return 2
    if role == "officer" and not rest[0].isdigit():
        print(f"error: officer ID must be a number, not {rest[0]!r}", file=sys.stderr)
        return 2
    log_to_file(chat_log(settings))  # the chat owns the terminal: no log line between its messages
    officer = int(rest[0]) if rest else None
    return asyncio.run(run_chat(settings, officer, chat_id=args.chat_id, lang=args.lang, save_dir=args.save_dir))


async def run_chat(
    settings: Settings,
    officer_ref: int | None = None,
    *,
    chat_id: int | None = None,
    lang: str | None = None,
    save_dir: Path | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    # the terminal runtime, imported only when it runs
    from bot.runtimes.console.officer import LOCAL_CHAT_BASE, TerminalDesk, find_officer, terminal_chat, unknown_officer
    from bot.runtimes.console.screen import Screen
    from bot.runtimes.console.session import ConsoleChat, ConsoleNotifier, LineReader

    chat_id = LOCAL_CHAT_BASE if chat_id is None else chat_id
    out = stdout or sys.stdout
    locale = normalise_locale(lang or settings.default_locale)
    translator = Translator.load(settings.default_locale)
    app = await build_app(settings)
    try:
        deps = bot_deps(app, translator)
        officer = None
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
            await asyncio.to_thread(knowledge)  # and the knowledge base's indexes (issue 16)
        screen = Screen(out, translator, locale, tty=out.isatty(), save_dir=save_dir)
        notifier = ConsoleNotifier(screen, translator, chat_id)
        outbox = build_chat_outbox(app, notifier, chat_id, officer.id if officer else None)
        reader = LineReader(stdin, out)  # on a terminal, from here on keys are read by the console itself
        screen.typing = reader.pending
        try:
            if officer is not None:  # the unit's name and the roles' labels, in the chat's language
                units = {u.code: u.name for u in await app.officers.list_units()}
                roles = translator.t(locale, "console.role_separator").join(
                    translator.t(locale, f"enum.Role.{r}") for r in officer.roles)  # fmt: skip
                screen.note("console.banner_officer", name=officer.name, unit=units.get(officer.unit, officer.unit),
                            roles=roles)  # fmt: skip
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
                chat = ConsoleChat(ChatFront(deps), screen, reader, chat_id, locale)
                if officer is None:
                    await chat.resume()
                await chat.run()
            finally:
                await stop_scheduler(scheduler)
        finally:
            reader.close()
        screen.note("console.bye")
        return 0
    finally:
        await app.close()
