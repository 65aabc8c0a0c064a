"""What handlers may use: the dialog runner, core services (never the ORM) and the translator."""

from __future__ import annotations

from dataclasses import dataclass

from bot.dialogs.officer import OfficerDesk
from bot.dialogs.runner import DialogRunner
from bot.i18n import Translator, normalise_locale


@dataclass(frozen=True)
class BotDeps:
    translator: Translator
    runner: DialogRunner
    desk: OfficerDesk

    def locale_for(self, language_code: str | None) -> str:
        return normalise_locale(language_code, self.translator.default)
