"""The citizen's filing flow (rules.md §6 form, §4 named vs anonymous, §3 scope, §10.1 three report types).

notice → scope (a sentence: accept, refer, clarify, urgent) → type → named? → [name, phone, ID] →
  检举控告: persons (loop) → category → facts (+ follow-ups) → other bodies →
  申诉: deciding body → when → kind of decision → what was decided → document number → grounds → other bodies →
  批评建议: subject → content →
evidence → [password ×2, notify?] → review (edit any section) → confirm → receipt.
"""

from __future__ import annotations

from typing import Any

from bot.dialogs import validators as v
from bot.dialogs.engine import Conversation, Flow, Step
from bot.dialogs.env import CitizenEnv
from bot.dialogs.filing_steps import (
    NEW_PERSONS,
    EvidenceStep,
    FactsStep,
    FollowUpStep,
    abandon_edit,
    after,
    after_or_review,
    discard_evidence,
)
from bot.dialogs.ids import Filing, FlowName
from bot.dialogs.review import ConfirmStep, ReviewStep
from bot.dialogs.scope_steps import scope_steps
from bot.dialogs.steps import Choice, Text
from core.model import AppealedDecision, CadreLevel, Category, PartyMembership, ReportType
from core.reports import PERSONS_MAX

OTHER = "__other"


def _enum_options(enum: Any) -> list[tuple[str, str]]:
    return [(m.value, f"enum.{enum.__name__}.{m.value}") for m in enum]


#: Where each report type's own questions begin (rules.md §10.1): an appeal and a suggestion accuse nobody.
FIRST_OF_TYPE = {ReportType.ACCUSATION: Filing.P_NAME, ReportType.APPEAL: Filing.A_BODY,
                 ReportType.SUGGESTION: Filing.S_SUBJECT}  # fmt: skip
_TYPE_STARTS = frozenset(FIRST_OF_TYPE.values())


def type_start(c: Conversation) -> str:
    return FIRST_OF_TYPE.get(ReportType(c.answers.get("report_type", "accusation")), Filing.P_NAME)


def _after_identity(c: Conversation, value: str) -> str:
    return Filing.R_NAME if value == "named" else type_start(c)


def _regions(c: Conversation) -> list[tuple[str, str]]:
    # Button values are indexes: callback data is limited to 64 bytes and region names are long.
    return [(str(i), r) for i, r in enumerate(c.answers.get("_regions", []))] + [(OTHER, "button.other_region")]


def _after_region_choice(c: Conversation, value: str) -> str:
    if value == OTHER:
        return Filing.P_REGION_TEXT
    c.answers["p_region"] = c.answers["_regions"][int(value)]
    return Filing.P_PARTY


def _entering(c: Conversation) -> list[dict[str, str]]:
    """The list the person steps add to: a new one during an edit from the review (it replaces the old list only
    when the citizen says it is complete), else the persons of the report."""
    a = c.answers
    return a[NEW_PERSONS] if NEW_PERSONS in a else a.setdefault("persons", [])


def _person_more(c: Conversation) -> list[tuple[str, str]]:
    more = [("more", "button.add_person")] if len(_entering(c)) + 1 < PERSONS_MAX else []
    return [*more, ("done", "button.persons_done")]


def _commit_person(c: Conversation, value: str) -> str:
    a = c.answers
    person = {k: a.pop(f"p_{k}", "") for k in ("name", "unit", "post", "level", "region", "party")}
    if person["name"] or person["unit"]:  # nothing entered (reached by /back after the commit): nothing to add
        _entering(c).append(person)
    if value != "more" and NEW_PERSONS in a:
        a["persons"] = a.pop(NEW_PERSONS)
    return Filing.P_NAME if value == "more" else after(c, Filing.CATEGORY)


def _after_evidence(c: Conversation) -> str:
    return after(c, Filing.PW1 if c.answers.get("identity") == "anonymous" else Filing.REVIEW)


def build_filing_flow() -> Flow[CitizenEnv]:
    f = Filing
    steps: list[Step[CitizenEnv]] = [
        Choice(id=f.NOTICE, key="start.notice", options=[("agree", "button.agree")], next=f.SCOPE),
        *scope_steps(),
        Choice(id=f.ENDED, key="filing.ended", options=[("restart", "button.restart")], next=f.NOTICE),
        Choice(id=f.TYPE, key="filing.type", options=_enum_options(ReportType), store="report_type",
               next=lambda c, val: after(c, f.IDENTITY), targets=after_or_review(f.IDENTITY)),
        Choice(id=f.IDENTITY, key="filing.identity",
               options=[("named", "button.named"), ("anonymous", "button.anonymous")], store="identity",
               next=_after_identity, targets=frozenset({f.R_NAME, *_TYPE_STARTS})),
        # identity messages are deleted from the chat at once, like passwords (issue 6: the chat is a credential)
        Text(id=f.R_NAME, key="filing.reporter_name", store="reporter_name", validate=v.reporter_name,
             next=f.R_PHONE, secret=True),
        Text(id=f.R_PHONE, key="filing.reporter_phone", store="reporter_phone", validate=v.phone, next=f.R_ID,
             secret=True),
        Text(id=f.R_ID, key="filing.reporter_id", store="reporter_id", validate=v.id_number,
             next=lambda c: after(c, type_start(c)), targets=after_or_review(*_TYPE_STARTS), skippable=True,
             secret=True),
        Text(id=f.P_NAME, key="filing.person_name", store="p_name", validate=v.person_name, next=f.P_UNIT,
             skippable=True, params=lambda c: {"n": len(_entering(c)) + 1}),
        Text(id=f.P_UNIT, key="filing.person_unit", store="p_unit", validate=v.unit, next=f.P_POST),
        Text(id=f.P_POST, key="filing.person_post", store="p_post", validate=v.post, next=f.P_LEVEL, skippable=True),
        Choice(id=f.P_LEVEL, key="filing.person_level", options=_enum_options(CadreLevel), store="p_level",
               next=f.P_REGION, columns=2),
        Choice(id=f.P_REGION, key="filing.person_region", options=_regions, next=_after_region_choice,
               targets=frozenset({f.P_REGION_TEXT, f.P_PARTY}), literal=True, keyed=frozenset({OTHER})),
        Text(id=f.P_REGION_TEXT, key="filing.person_region_text", store="p_region", validate=v.region,
             next=f.P_PARTY),
        Choice(id=f.P_PARTY, key="filing.person_party", options=_enum_options(PartyMembership), store="p_party",
               next=f.P_MORE, columns=3),
        Choice(id=f.P_MORE, key="filing.person_more", options=_person_more, next=_commit_person,
               targets=after_or_review(f.P_NAME, f.CATEGORY)),
        Choice(id=f.CATEGORY, key="filing.category", options=_enum_options(Category), store="category",
               next=f.FACTS, columns=2),
        # 申诉: the decision appealed (which body, when, what kind, what, document number) and why it is wrong
        Text(id=f.A_BODY, key="filing.appeal_body", store="a_body", validate=v.deciding_body, next=f.A_DATE),
        Text(id=f.A_DATE, key="filing.appeal_date", store="a_date", validate=v.decided_on, next=f.A_KIND),
        Choice(id=f.A_KIND, key="filing.appeal_kind", options=_enum_options(AppealedDecision), store="a_kind",
               next=f.A_DECISION),
        Text(id=f.A_DECISION, key="filing.appeal_decision", store="a_decision", validate=v.decision,
             next=f.A_DOCNO),
        Text(id=f.A_DOCNO, key="filing.appeal_docno", store="a_docno", validate=v.doc_number,
             next=lambda c: after(c, f.A_GROUNDS), targets=after_or_review(f.A_GROUNDS), skippable=True),
        Text(id=f.A_GROUNDS, key="filing.appeal_grounds", store="facts", validate=v.facts,
             next=lambda c: after(c, f.OTHER_BODIES), targets=after_or_review(f.OTHER_BODIES)),
        # 批评建议: what it is about and the suggestion itself
        Text(id=f.S_SUBJECT, key="filing.suggestion_subject", store="s_subject", validate=v.subject,
             next=lambda c: after(c, f.S_CONTENT), targets=after_or_review(f.S_CONTENT)),
        Text(id=f.S_CONTENT, key="filing.suggestion_content", store="facts", validate=v.facts,
             next=lambda c: after(c, f.EVIDENCE), targets=after_or_review(f.EVIDENCE)),
        FactsStep(id=f.FACTS, follow_up=f.FACTS_MORE, next_step=f.OTHER_BODIES),
        FollowUpStep(id=f.FACTS_MORE, next_step=f.OTHER_BODIES),
        Text(id=f.OTHER_BODIES, key="filing.other_bodies", store="other_bodies", validate=v.other_bodies,
             next=lambda c: after(c, f.EVIDENCE), targets=after_or_review(f.EVIDENCE), skippable=True),
        EvidenceStep(id=f.EVIDENCE, next_step=_after_evidence, targets=after_or_review(f.PW1)),
        Text(id=f.PW1, key="filing.password", store="password", validate=v.password, next=f.PW2, secret=True),
        # a second password unlike the first starts again at the first (validators.password_repeat)
        Text(id=f.PW2, key="filing.password_repeat", store="password_repeat", validate=v.password_repeat,
             next=f.NOTIFY, targets=frozenset({f.PW1}), secret=True),
        Choice(id=f.NOTIFY, key="filing.notify", options=[("yes", "button.notify_yes"), ("no", "button.notify_no")],
               store="notify", next=f.REVIEW),
        ReviewStep(id=f.REVIEW),
        ConfirmStep(id=f.CONFIRM),
    ]  # fmt: skip
    return Flow.of(FlowName.FILING, steps, on_cancel=discard_evidence, on_back=abandon_edit,
                   cancel_key="cancel.filing")  # fmt: skip
