"""Rendering message keys in the user's language from the gettext catalogues in ``locales/``.

The core speaks in keys and parameters; this is the only place they become sentences.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from importlib import resources
from typing import Any

from babel.messages.pofile import read_po

from bot.dialogs.engine import Button, Label, Lines
from core.text import displayable

log = logging.getLogger(__name__)

DEFAULT_LOCALE = "zh-CN"
LOCALES = ("zh-CN", "en")


def normalise_locale(code: str | None, default: str = DEFAULT_LOCALE) -> str:
    """Map Telegram's ``language_code`` (``zh-hans``, ``en-US``…) to a supported locale."""
    if not code:
        return default
    code = code.lower()
    if code.startswith("zh"):
        return "zh-CN"
    if code.startswith("en"):
        return "en"
    return default


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        log.warning("message parameter %r missing", key)
        return "{" + key + "}"


class Translator:
    def __init__(self, catalogues: dict[str, dict[str, str]], default: str = DEFAULT_LOCALE) -> None:
        self.catalogues = catalogues
        self.default = default

    @classmethod
    def load(cls, default: str = DEFAULT_LOCALE) -> Translator:
        catalogues: dict[str, dict[str, str]] = {}
        for locale in LOCALES:
            folder = locale.replace("-", "_")
            source = resources.files("locales").joinpath(folder, "LC_MESSAGES", "messages.po")
            with source.open("rb") as fh:
                catalogue = read_po(fh)
            catalogues[locale] = {str(m.id): str(m.string) for m in catalogue if m.id and m.string}
        return cls(catalogues, normalise_locale(default))

    def has(self, key: str, locale: str | None = None) -> bool:
        return key in self.catalogues.get(normalise_locale(locale, self.default), {})

    def t(self, locale: str | None, key: str, **params: Any) -> str:
        loc = normalise_locale(locale, self.default)
        text = self.catalogues.get(loc, {}).get(key) or self.catalogues[self.default].get(key)
        if text is None:
            log.error("message key %r missing from the catalogues", key)
            return key
        if not params:
            return text
        # values come from people (a reporter's name, facts, file names): whatever is stored, no bidi control
        # may reverse what follows it (a phone number) and no control character reaches a screen or terminal
        return text.format_map(_Missing({k: displayable(v) if isinstance(v, str) else v for k, v in params.items()}))

    def render(self, locale: str | None, key: str, params: Mapping[str, Any] | None = None,
               variant: str | None = None) -> str:  # fmt: skip
        """A message with its parameters; :class:`Label` and :class:`Lines` parameters are rendered too.
        ``variant``: a channel's own wording where the catalogue has one (``key@web``: what a browser shows)."""
        if variant is not None and f"{key}@{variant}" in self.catalogues.get(
            normalise_locale(locale, self.default), {}
        ):
            key = f"{key}@{variant}"
        values = {name: self._value(locale, value) for name, value in (params or {}).items()}
        return self.t(locale, key, **values)

    def _value(self, locale: str | None, value: Any) -> Any:
        if isinstance(value, Label):
            return self.render(value.locale or locale, value.key, value.params)
        if isinstance(value, Lines):
            return "\n".join(str(self._value(locale, item)) for item in value.items)
        return value

    def button(self, locale: str | None, button: Button) -> str:
        return displayable(button.label) if button.literal else self.render(locale, button.label, button.params)

    def notification(self, locale: str | None, template: str, params: dict[str, Any]) -> str:
        """Render an outbox notification, turning enum values in its parameters into labels."""
        values = dict(params)
        if "status" in values:
            values["status_label"] = self.t(locale, f"public.{values['status']}")
        if "kind" in values:
            values["kind_label"] = self.t(locale, f"deadline.{values['kind']}")
        if isinstance(values.get("reason"), str):  # typed by an officer, often with its own full stop: the
            values["reason"] = values["reason"].strip().rstrip("。．.！!；;，,、 ")  # template adds one ("。。")
        if "action" in values:  # a step put to a leader (core.services.approvals), with its method if any
            values["action_label"] = self.t(locale, f"action.{values['action']}")
            method, outcome = values.get("method"), values.get("approval_outcome")
            detail = self.t(locale, outcome) if outcome else values.get("due_on") or ""  # an outcome, a new date
            if values.get("unit_name"):  # a transfer's destination
                detail = self.t(locale, "approval.to_unit", unit=values["unit_name"])
            values["method_label"] = self.t(locale, f"enum.DisposalMethod.{method}") if method else detail
            note = values.get("note")  # the requester's note, if any (a request of an older version: "-")
            values["note_line"] = self.t(locale, "approval.note_line", note=note) if note and note != "-" else ""
        if "type" in values and "category" in values:  # an appeal or a suggestion has no discipline category
            kind, category = self.t(locale, f"enum.ReportType.{values['type']}"), values["category"]
            values["case_label"] = (self.t(locale, "approval.case_kind", kind=kind,
                                           category=self.t(locale, f"enum.Category.{category}"))
                                    if category else kind)  # fmt: skip
        if isinstance(values.get("outcome_key"), str) and values["outcome_key"].startswith("enum."):
            values["outcome_label"] = self.t(locale, values["outcome_key"])  # an appeal's or suggestion's outcome
        if "report_type" in values:  # e.g. the leaders' push of a reporter's challenge (core.review)
            values["report_type_label"] = self.t(locale, f"enum.ReportType.{values['report_type']}")
        if "refer_to" in values:
            values["refer_to_label"] = self.t(locale, f"enum.ReferTo.{values['refer_to'] or 'none'}")
        return self.t(locale, template, **values)
