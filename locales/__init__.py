"""Translations: gettext catalogues, one per language, keyed by message id (``locales/<lang>/LC_MESSAGES``)."""
