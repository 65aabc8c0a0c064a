"""The end of the filing flow: the review (every section, an edit button each) and the confirmation.

The review offers submit only for a report the filing service will take: it builds the :class:`NewReport` and
runs the same :meth:`NewReport.validated` the service runs (rules.md §6 form limits), so what the citizen is
told to fix and what the service refuses cannot drift apart. A report that fails it shows what is missing and
the button that fixes it, never a submit that can only end in "an error occurred".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.callbacks import Wipe, option, option_arg
from bot.dialogs.engine import (
    END,
    Button,
    Conversation,
    Event,
    EventKind,
    Label,
    Lines,
    Outcome,
    Reply,
    Target,
    go,
    stay,
)
from bot.dialogs.env import CitizenEnv
from bot.dialogs.filing_steps import EDIT, NEW_PERSONS
from bot.dialogs.ids import Filing
from core.chats import channel_of
from core.errors import InvalidInput
from core.model import AppealedDecision, CadreLevel, Category, EvidenceKind, PartyMembership, ReportType
from core.reports import AppealedDecisionDetails, NewReport, PersonReported, ReporterIdentity, StagedEvidence
from core.services.filing import Receipt


def _enum_label(enum_name: str, value: str) -> Label:
    return Label(f"enum.{enum_name}.{value}")


def mask(value: str, keep_start: int, keep_end: int) -> str:
    """Identity is never echoed in full (issue 6): enough to recognise it, not enough to learn it."""
    hidden = max(len(value) - keep_start - keep_end, 1)
    return value[:keep_start] + "*" * hidden + (value[-keep_end:] if keep_end and len(value) > keep_end else "")


NOT_GIVEN = Label("review.not_given")  # an optional answer skipped: said in words, not a dash that reads as a glitch


def review_params(c: Conversation) -> dict[str, Any]:
    a = c.answers
    persons = tuple(
        Label("review.person", {"n": i + 1, "name": p["name"] or NOT_GIVEN, "unit": p["unit"],
                                "post": p["post"] or NOT_GIVEN, "level": _enum_label("CadreLevel", p["level"]),
                                "region": p["region"], "party": _enum_label("PartyMembership", p["party"])})
        for i, p in enumerate(a.get("persons", []))
    )  # fmt: skip
    reporter: Label = (
        Label(
            "review.named",
            {"name": mask(a.get("reporter_name", ""), 1, 0), "phone": mask(a.get("reporter_phone", ""), 3, 4)},
        )
        if a.get("identity") == "named"
        else Label("review.anonymous")
    )
    return {
        "type": _enum_label("ReportType", a.get("report_type", "accusation")),
        "reporter": reporter,
        "persons": Lines(persons) if persons else NOT_GIVEN,
        "category": _enum_label("Category", a.get("category", "other")),
        "body": a.get("a_body") or NOT_GIVEN,
        "day": a.get("a_date") or NOT_GIVEN,
        "decision": a.get("a_decision") or NOT_GIVEN,
        "kind": _enum_label("AppealedDecision", a["a_kind"]) if a.get("a_kind") else NOT_GIVEN,
        "doc": a.get("a_docno") or NOT_GIVEN,
        "subject": a.get("s_subject") or NOT_GIVEN,
        "facts": a.get("facts", ""),
        "other_bodies": a.get("other_bodies") or NOT_GIVEN,
        "evidence": Lines(tuple(f"· {f['original_name']} ({f['size'] // 1024 + 1} KB)" for f in a.get("evidence", [])))
        if a.get("evidence")
        else NOT_GIVEN,
    }


# section → the step that edits it; "password" is offered only when it is what is missing
_SECTIONS = {"type": Filing.TYPE, "reporter": Filing.R_NAME, "persons": Filing.P_NAME, "category": Filing.CATEGORY,
             "facts": Filing.FACTS, "other_bodies": Filing.OTHER_BODIES, "evidence": Filing.EVIDENCE,
             "password": Filing.PW1, "decision": Filing.A_BODY, "grounds": Filing.A_GROUNDS,
             "subject": Filing.S_SUBJECT, "content": Filing.S_CONTENT}  # fmt: skip
#: The sections of each report type's review, in order (rules.md §10.1), and its template.
_SHOWN_BY_TYPE = {
    ReportType.ACCUSATION: ("type", "reporter", "persons", "category", "facts", "other_bodies", "evidence"),
    ReportType.APPEAL: ("type", "reporter", "decision", "grounds", "other_bodies", "evidence"),
    ReportType.SUGGESTION: ("type", "reporter", "subject", "content", "evidence"),
}
_REVIEW_KEY = {ReportType.ACCUSATION: "filing.review", ReportType.APPEAL: "filing.review_appeal",
               ReportType.SUGGESTION: "filing.review_suggestion"}  # fmt: skip
#: A type's own name for the account (the grounds of an appeal, the content of a suggestion).
_FACTS_SECTION = {ReportType.ACCUSATION: "facts", ReportType.APPEAL: "grounds", ReportType.SUGGESTION: "content"}
# InvalidInput.field (core.reports) → the section that fixes it
_FIELD_SECTION = {"report_type": "type", "category": "category", "persons": "persons", "person": "persons",
                  "person_unit": "persons", "person_region": "persons", "person_name": "persons",
                  "person_post": "persons", "reporter_name": "reporter", "phone": "reporter",
                  "id_number": "reporter", "address": "reporter", "facts": "facts", "other_bodies": "other_bodies",
                  "evidence": "evidence", "query_password": "password", "appeal": "decision",
                  "appeal_body": "decision", "appeal_decided_on": "decision", "appeal_decision": "decision",
                  "appeal_doc_number": "decision", "subject": "subject"}  # fmt: skip


def _type(c: Conversation) -> ReportType:
    try:
        return ReportType(c.answers.get("report_type", "accusation"))
    except ValueError:
        return ReportType.ACCUSATION


def _section(field: str, c: Conversation) -> str:
    """The section that fixes a refused field, in the words of the report's type."""
    section = _FIELD_SECTION.get(field, "facts")
    return _FACTS_SECTION[_type(c)] if section == "facts" else section


def _enum(enum: type[StrEnum], value: Any, field: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        raise InvalidInput(field, "not chosen") from None


def build_report(c: Conversation, chat_id: int) -> NewReport:
    """The report as the answers stand; missing answers become values :meth:`NewReport.validated` refuses."""
    a = c.answers
    named = a.get("identity") == "named"
    kind = _enum(ReportType, a.get("report_type"), "report_type")
    accusation = kind is ReportType.ACCUSATION
    appeal = (
        AppealedDecisionDetails(a.get("a_body", ""), a.get("a_date", ""), _enum(AppealedDecision, a.get("a_kind"),
                                "appeal"), a.get("a_decision", ""), a.get("a_docno", ""))
        if kind is ReportType.APPEAL else None
    )  # fmt: skip
    persons = tuple(
        PersonReported(unit=p.get("unit", ""), region=p.get("region", ""), name=p.get("name", ""),
                       post=p.get("post", ""), level=_enum(CadreLevel, p.get("level"), "person"),
                       party=_enum(PartyMembership, p.get("party"), "person"))
        for p in (a.get("persons", []) if accusation else ())
    )  # fmt: skip
    return NewReport(
        report_type=kind,
        category=_enum(Category, a.get("category"), "category") if accusation else None,
        facts=a.get("facts", ""),
        persons=persons,
        appeal=appeal,
        subject=a.get("s_subject", "") if kind is ReportType.SUGGESTION else "",
        reporter=ReporterIdentity(a.get("reporter_name", ""), a.get("reporter_phone", ""), a.get("reporter_id", ""))
        if named
        else None,
        channel=channel_of(chat_id),
        other_bodies=a.get("other_bodies", ""),
        locale=c.locale,
        chat_id=chat_id,
        notify_opt_in=named or a.get("notify") == "yes",
        query_password=None if named else a.get("password"),
        staged=tuple(StagedEvidence(**{**f, "kind": EvidenceKind(f["kind"])}) for f in a.get("evidence", [])),
        submission_key=a.get("_submission"),
        urgent=bool(a.get("urgent")),
        # the referral the citizen was shown and filed past (scope_steps): officers see it on the card
        scope_refer_to=(a["refer_to"] or "none") if "refer_to" in a else "",
        scope_reason=a.get("refer_reason", ""),
    )


def missing_section(c: Conversation) -> str | None:
    """The section to fix before the filing service would take the report, or None when it would."""
    try:
        build_report(c, 0).validated()
    except InvalidInput as exc:
        return _section(exc.field, c)
    return None


def _missing(section: str) -> Reply:
    return Reply(f"review.missing.{section}")


@dataclass(kw_only=True)
class ReviewStep:
    """Everything at a glance, with an edit button per section and the way forward (when there is one)."""

    id: str = Filing.REVIEW

    def exits(self) -> frozenset[Target]:
        return frozenset({*_SECTIONS.values(), Filing.CONFIRM})

    def prompt(self, c: Conversation) -> Reply:
        missing = missing_section(c)
        shown = _SHOWN_BY_TYPE[_type(c)]
        sections = [s for s in shown if s != "reporter" or c.answers.get("identity") == "named"]
        if missing is not None and missing not in sections:
            sections.insert(0, missing)
        elif missing is not None:  # the button that fixes it first
            sections.insert(0, sections.pop(sections.index(missing)))
        edits = [Button(f"button.edit_{name}", option("edit", name)) for name in sections]
        rows = tuple(tuple(edits[i : i + 2]) for i in range(0, len(edits), 2))
        key = _REVIEW_KEY[_type(c)]
        if missing is not None:
            params = {**review_params(c), "missing": Label(f"review.missing.{missing}")}
            return Reply("filing.review_incomplete" if key == "filing.review" else f"{key}_incomplete", params, rows,
                         self.id)  # fmt: skip
        buttons = ((Button("button.submit", "submit"),), *rows)
        return Reply(key, review_params(c), buttons, self.id)

    async def answer(self, c: Conversation, e: Event, env: object) -> Outcome:
        c.answers.pop(EDIT, None)  # whatever edit led here is over
        c.answers.pop(NEW_PERSONS, None)
        if e.kind is not EventKind.CHOICE:
            return stay("dialog.use_buttons")
        if e.value == "submit":
            missing = missing_section(c)
            return Outcome(replies=(_missing(missing),)) if missing else go(Filing.CONFIRM)
        target = _SECTIONS.get(option_arg(e.value, "edit") or "")
        if target is None:
            return stay("dialog.earlier_button")
        c.answers[EDIT] = True
        if target == Filing.P_NAME:
            c.answers[NEW_PERSONS] = []  # entered afresh; the old list stays until the new one is complete
        return go(target)


@dataclass(kw_only=True)
class ConfirmStep:
    """The reporter's duties, stated once and neutrally (rules.md §4.2), then filing."""

    id: str = Filing.CONFIRM

    def exits(self) -> frozenset[Target]:
        return frozenset({Filing.REVIEW, END})

    def prompt(self, c: Conversation) -> Reply:
        buttons = ((Button("button.confirm_submit", "confirm"),), (Button("button.back_to_review", "review"),))
        return Reply("filing.confirm", {}, buttons, self.id)

    async def answer(self, c: Conversation, e: Event, env: CitizenEnv) -> Outcome:
        if e.kind is not EventKind.CHOICE:
            return stay("dialog.use_buttons")
        if e.value == "review":
            return go(Filing.REVIEW)
        if e.value != "confirm":
            return stay("dialog.earlier_button")
        if (missing := missing_section(c)) is not None:
            return go(Filing.REVIEW, _missing(missing))
        try:
            receipt = await env.file(build_report(c, env.chat_id))
        except InvalidInput as exc:  # refused after all (a limit changed meanwhile): say what, keep everything
            return go(Filing.REVIEW, _missing(_section(exc.field, c)))
        c.memo["last_receipt"] = receipt.number
        return go(END, *receipt_replies(receipt))


def receipt_replies(receipt: Receipt, *, again: bool = False) -> tuple[Reply, Reply]:
    """The receipt, and under the next message the button that deletes the report from the chat (the chat is a
    credential too: issue 6, item 6). ``again``: a receipt Telegram did not deliver, shown at the next update."""
    if receipt.query_code:
        key = "receipt.anonymous_again" if again else "receipt.anonymous"
        reply = Reply(key, {"number": receipt.number, "code": receipt.query_code})
    else:  # the words fit the report type: an appeal is answered with reasons, a suggestion with a reply (§10.1)
        key = {ReportType.APPEAL: "receipt.named_appeal", ReportType.SUGGESTION: "receipt.named_suggestion"}.get(
            receipt.report_type, "receipt.named"
        )
        reply = Reply(key, {"number": receipt.number})
    return reply, Reply("receipt.next", {}, ((Button("button.wipe", Wipe()),),), "")
