"""Reading a report received by phone, letter or visit from a JSON file (``qingfeng cases add --file``).

The file comes from an operator's hands or script: it is read up to a bound (``/dev/zero`` is not read for
ever), and its shape is checked field by field — an object of known fields, strings where strings belong,
values from the model's lists — so every mistake is a :class:`ReportFileError` with one line saying which
field is wrong, never a traceback (issue 11, item 13). The content limits are the form's (``NewReport.validated``).

Each report type has its own fields (rules.md §10.1): an accusation its ``persons`` and ``category``; an appeal the
decision it contests (``appeal``: body, decided_on, kind, decision, doc_number) and no person; a suggestion its
``subject`` and no person.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from core.errors import DomainError
from core.model import AppealedDecision, CadreLevel, Category, Channel, PartyMembership, ReportType
from core.reports import PERSONS_MAX, AppealedDecisionDetails, NewReport, PersonReported, ReporterIdentity

FILE_MAX_BYTES = 256 * 1024  # the form's longest report is a few tens of kilobytes of UTF-8
FIELDS = ("channel", "report_type", "category", "facts", "persons", "reporter", "other_bodies", "due", "appeal",
          "subject")  # fmt: skip
APPEAL_FIELDS = ("body", "decided_on", "kind", "decision", "doc_number")
PERSON_FIELDS = ("name", "unit", "post", "level", "region", "party")
REPORTER_FIELDS = ("name", "phone", "id_number", "address")
_KEEP = frozenset("\n\t")
E = TypeVar("E", bound=Enum)


class ReportFileError(Exception):
    """What is wrong with the file, in one line."""


def report_file_argument(text: str) -> NewReport:
    """``--file``'s argparse type: a bad file is refused like a bad argument, before the database is opened."""
    try:
        return read_report_file(Path(text))
    except ReportFileError as exc:
        raise argparse.ArgumentTypeError(f"{text}: {exc}") from None


def read_report_file(path: Path) -> NewReport:
    """Read, parse and check; the report returned has passed the form's validation."""
    try:
        with path.open("rb") as fh:
            data = fh.read(FILE_MAX_BYTES + 1)
    except OSError as exc:
        raise ReportFileError(exc.strerror or type(exc).__name__) from None
    if len(data) > FILE_MAX_BYTES:
        raise ReportFileError(f"larger than {FILE_MAX_BYTES // 1024} KB: not a report file")
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ReportFileError("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ReportFileError(f"not JSON ({exc.msg}, line {exc.lineno} column {exc.colno})") from None
    except RecursionError:
        raise ReportFileError("not a report: nested too deeply") from None
    report = _report(_object(raw, "the file", FIELDS))
    try:
        return report.validated()
    except DomainError as exc:
        raise ReportFileError(str(exc)) from None


def _report(raw: dict[str, Any]) -> NewReport:
    channel = _enum(raw, "channel", Channel, "phone")
    if channel is Channel.TELEGRAM:
        raise ReportFileError("channel: telegram reports are filed in the bot")
    report_type = _enum(raw, "report_type", ReportType, "accusation")
    accusation = report_type is ReportType.ACCUSATION
    persons: Any = raw.get("persons", None if accusation else [])
    if accusation and (not isinstance(persons, list) or not 1 <= len(persons) <= PERSONS_MAX):
        raise ReportFileError(f"persons: a list of 1-{PERSONS_MAX} objects is required")
    if not accusation and persons != []:
        raise ReportFileError(f"persons: an {report_type.value} names no person reported (leave persons out)")
    if not accusation and "category" in raw:
        raise ReportFileError(f"category: only an accusation has one, not an {report_type.value}")
    appeal = raw.get("appeal")
    if (appeal is not None) != (report_type is ReportType.APPEAL):
        raise ReportFileError("appeal: an appeal, and only an appeal, names the decision it contests")
    reporter = raw.get("reporter")
    return NewReport(
        report_type=report_type,
        category=_enum(raw, "category", Category, "other") if accusation else None,
        facts=_text(raw, "facts", required=True),
        channel=channel,
        other_bodies=_text(raw, "other_bodies"),
        reporter=None if reporter is None else _reporter(_object(reporter, "reporter", REPORTER_FIELDS)),
        persons=tuple(_person(_object(p, f"persons[{i}]", PERSON_FIELDS), i) for i, p in enumerate(persons)),
        due_on=_due(raw, channel),
        appeal=None if appeal is None else _appeal(_object(appeal, "appeal", APPEAL_FIELDS)),
        subject=_text(raw, "subject", required=report_type is ReportType.SUGGESTION),
    )


def _appeal(raw: dict[str, Any]) -> AppealedDecisionDetails:
    """The decision an appeal contests (rules.md §10.1); why it is wrong is the report's ``facts``."""
    return AppealedDecisionDetails(
        body=_text(raw, "body", required=True, where="appeal"),
        decided_on=_text(raw, "decided_on", required=True, where="appeal"),
        kind=_enum(raw, "kind", AppealedDecision, "other_decision", where="appeal"),
        decision=_text(raw, "decision", required=True, where="appeal"),
        doc_number=_text(raw, "doc_number", where="appeal"),
    )


def _due(raw: dict[str, Any], channel: Channel) -> date | None:
    """``due``: the period a 交办函 sets (YYYY-MM-DD), for channel assigned_by_higher only (rules.md §10.3)."""
    value = raw.get("due")
    if value is None:
        return None
    if channel is not Channel.ASSIGNED_BY_HIGHER:
        raise ReportFileError("due: only for channel assigned_by_higher (the 交办函's period)")
    try:
        if isinstance(value, str):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise ReportFileError(f"due: {repr(value)[:40]} is not a date YYYY-MM-DD")


def _reporter(raw: dict[str, Any]) -> ReporterIdentity:
    return ReporterIdentity(
        name=_text(raw, "name", required=True, where="reporter"),
        phone=_text(raw, "phone", required=True, where="reporter"),
        id_number=_text(raw, "id_number", where="reporter"),
        address=_text(raw, "address", where="reporter"),
    )


def _person(raw: dict[str, Any], i: int) -> PersonReported:
    where = f"persons[{i}]"
    return PersonReported(
        unit=_text(raw, "unit", required=True, where=where),
        region=_text(raw, "region", required=True, where=where),
        name=_text(raw, "name", where=where),
        post=_text(raw, "post", where=where),
        level=_enum(raw, "level", CadreLevel, "unknown", where=where),
        party=_enum(raw, "party", PartyMembership, "unknown", where=where),
    )


def _object(value: Any, where: str, fields: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ReportFileError(f"{where}: an object with {', '.join(fields)} is required")
    unknown = [k for k in value if k not in fields]
    if unknown:
        raise ReportFileError(f"{where}: unknown field {unknown[0]!r} (known: {', '.join(fields)})")
    return value


def _text(raw: dict[str, Any], key: str, *, required: bool = False, where: str = "") -> str:
    name = f"{where}.{key}" if where else key
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise ReportFileError(f"{name}: text is required")
    # control characters (a NUL is refused by PostgreSQL) are dropped at the edge; line breaks stay
    return "".join(ch for ch in value if ch in _KEEP or unicodedata.category(ch) != "Cc")


def _enum(raw: dict[str, Any], key: str, enum: type[E], default: str, *, where: str = "") -> E:
    value = raw.get(key, default)
    try:
        return enum(value)
    except (ValueError, TypeError):
        name = f"{where}.{key}" if where else key
        allowed = ", ".join(str(m.value) for m in enum if m is not Channel.TELEGRAM)
        raise ReportFileError(f"{name}: {repr(value)[:40]} is not one of {allowed}") from None
