"""What handlers may use: the dialog runner, the officer desk, the translator and the flood gate."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bot.dialogs.officer import OfficerDesk
from bot.dialogs.runner import DialogRunner
from bot.floodgate import Floodgate
from bot.i18n import Translator, normalise_locale
from core.flood import Verdict


class Gate(Protocol):
    """The flood limit per chat: in this process (bot/floodgate.py) or shared (core/services/flood_buckets.py)."""

    async def check(self, chat_id: int) -> Verdict: ...

    async def reset(self) -> None: ...


@dataclass(frozen=True)
class BotDeps:
    translator: Translator
    runner: DialogRunner
    desk: OfficerDesk
    floodgate: Gate = field(default_factory=Floodgate)

    def locale_for(self, language_code: str | None) -> str:
        return normalise_locale(language_code, self.translator.default)
