"""The commands each audience has, written once: /help and Telegram's command menu are built from the same list,
so they cannot drift apart (issue 12).

Citizens and officers get different lists. Telegram shows the menu chosen by scope and language: the default
scope in the office's language, one list per language we have, and one per officer's private chat (a chat
scope wins over any language list).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.dialogs.engine import Label, Lines, Reply
from bot.i18n import LOCALES, Translator

CITIZEN = ("start", "status", "faq", "ask", "back", "cancel", "lang", "help")
OFFICER = ("inbox", "case", "faq", "join", "cancel", "help")
LEADER = ("inbox", "case", "stats", "faq", "join", "cancel", "help")  # /stats: core.permissions.sees_statistics


@dataclass(frozen=True)
class Menu:
    """One setMyCommands call: ``commands`` empty means deleteMyCommands for that scope (a deactivated officer)."""

    commands: tuple[tuple[str, str], ...]
    language: str | None = None  # ISO 639-1, as Telegram wants it; None: every language without its own list
    chat_id: int | None = None  # an officer's private chat (BotCommandScopeChat); None: the default scope


def help_reply(commands: tuple[str, ...], key: str) -> Reply:
    lines = tuple(Label("help.line", {"command": name, "text": Label(f"command.{name}")}) for name in commands)
    return Reply(key, {"commands": Lines(lines)})


def citizen_help() -> Reply:
    return help_reply(CITIZEN, "help.citizen")


def officer_help(leader: bool = False) -> Reply:
    return help_reply(LEADER if leader else OFFICER, "help.officer")


def menu(tr: Translator, locale: str, commands: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((name, tr.t(locale, f"command.{name}")) for name in commands)


def citizen_menus(tr: Translator, default_locale: str) -> list[Menu]:
    """The default list in the office's language, then one per language the catalogues have."""
    return [Menu(menu(tr, default_locale, CITIZEN)),
            *(Menu(menu(tr, locale, CITIZEN), language=locale[:2]) for locale in LOCALES)]  # fmt: skip


def officer_menu(tr: Translator, locale: str, chat_id: int, active: bool = True, leader: bool = False) -> Menu:
    return Menu(menu(tr, locale, LEADER if leader else OFFICER) if active else (), chat_id=chat_id)
