"""Who is typing in ``qingfeng chat``: the terminal's chat ids, and an officer found by Telegram id or officer id.

- a citizen (the default) chats as ``LOCAL_CHAT_BASE`` (2**53), or as ``--chat-id N`` to be another citizen.
  2**53 is above every Telegram user id (they have at most 52 significant bits), so a terminal citizen never
  shares a chat — dialogs, named cases, notifications — with a real Telegram account;
- ``--as officer ID``: the active officer whose Telegram id is ID; for officers without one ID may be the
  officer's id, and the terminal chats as ``LOCAL_CHAT_BASE + id`` (:class:`TerminalDesk`).
"""

from __future__ import annotations

from typing import TextIO

from bot.dialogs.officer import OfficerDesk
from bot.i18n import Translator
from core.actor import Actor
from core.errors import NotFound
from core.services.officers import OfficerView

LOCAL_CHAT_BASE = 2**53


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
