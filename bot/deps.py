"""What handlers may use: core services (never the ORM) and the translator."""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import Translator, normalise_locale
from core.services.officers import OfficerService
from core.services.queries import CaseQueries


@dataclass(frozen=True)
class BotDeps:
    translator: Translator
    queries: CaseQueries
    officers: OfficerService

    def locale_for(self, language_code: str | None) -> str:
        return normalise_locale(language_code, self.translator.default)
