"""The per-person ledger (台账, rules.md §10.4; issue 17) as officers read it, in the bot and on the command line:
who, how many reports, and per report when, where, how far and how it ended. No facts, no reporter."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.dialogs.engine import Label, Lines, Reply
from core.services.views import LedgerEntry, PersonLedger

SHOWN = 30  # the latest entries in one bot message (Telegram's 4096 characters); the CLI prints them all


def ledger_replies(ledgers: list[PersonLedger], tz: ZoneInfo, *, shown: int | None = SHOWN) -> list[Reply]:
    if not ledgers:
        return [Reply("officer.ledger_none")]
    return [Reply("officer.ledger", ledger_params(ledger, tz, shown=shown)) for ledger in ledgers]


def ledger_params(ledger: PersonLedger, tz: ZoneInfo, *, shown: int | None = SHOWN) -> dict[str, object]:
    entries = ledger.entries if shown is None else ledger.entries[-shown:]
    lines: list[Label | Lines | str] = [_entry(e, tz) for e in entries]
    if len(entries) < len(ledger.entries):
        lines.insert(0, Label("officer.ledger_earlier", {"count": len(ledger.entries) - len(entries)}))
    concluded = sum(e.concluded_at is not None for e in ledger.entries)
    return {"name": ledger.name or "-", "unit": ledger.unit or "-", "region": ledger.region or "-",
            "count": len(ledger.entries), "concluded": concluded, "entries": Lines(tuple(lines))}  # fmt: skip


def _entry(e: LedgerEntry, tz: ZoneInfo) -> Label:
    if e.outcome:
        result: Label | str = Label(e.outcome)
    elif e.disposal_method:
        result = Label(f"enum.DisposalMethod.{e.disposal_method}")
    else:
        result = "-"
    return Label("officer.ledger_entry", {
        "number": e.number, "day": f"{e.received_at.astimezone(tz):%Y-%m-%d}", "unit": e.unit,
        "state": Label(f"state.{e.state}"), "result": result, "person_unit": e.person_unit or "-",
        "concluded": f"{e.concluded_at.astimezone(tz):%Y-%m-%d}" if e.concluded_at else "-"})  # fmt: skip
