"""The citizen's filing flow (rules.md §6 form, §4 named vs anonymous, §3 scope).

notice → scope (a sentence: accept, refer, clarify, urgent) → type → named? → [name, phone, ID] →
persons (loop) → category → facts (+ follow-ups) → other bodies → evidence → [password ×2, notify?] →
review (edit any section) → confirm → receipt.
"""

from __future__ import annotations

from typing import Any

from bot.dialogs import validators as v
from bot.dialogs.engine import Conversation, Flow, Step
from bot.dialogs.filing_steps import (
    NEW_PERSONS,
    EvidenceStep,
    FactsStep,
    FollowUpStep,
    abandon_edit,
    after,
    discard_evidence,
)
from bot.dialogs.review import ConfirmStep, ReviewStep
from bot.dialogs.scope_steps import scope_steps
from bot.dialogs.steps import Choice, Text
from core.model import CadreLevel, Category, PartyMembership, ReportType
from core.reports import PERSONS_MAX

OTHER = "__other"


def _enum_options(enum: Any) -> list[tuple[str, str]]:
    return [(m.value, f"enum.{enum.__name__}.{m.value}") for m in enum]


def _after_identity(c: Conversation, value: str) -> str:
    return "r_name" if value == "named" else "p_name"


def _regions(c: Conversation) -> list[tuple[str, str]]:
    # Button values are indexes: callback data is limited to 64 bytes and region names are long.
    return [(str(i), r) for i, r in enumerate(c.answers.get("_regions", []))] + [(OTHER, "button.other_region")]


def _after_region_choice(c: Conversation, value: str) -> str:
    if value == OTHER:
        return "p_region_text"
    c.answers["p_region"] = c.answers["_regions"][int(value)]
    return "p_party"


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
    return "p_name" if value == "more" else after(c, "category")


def _after_notify(c: Conversation, value: str) -> str:
    return "review"


def _after_evidence(c: Conversation) -> str:
    return after(c, "pw1" if c.answers.get("identity") == "anonymous" else "review")


def build_filing_flow() -> Flow:
    steps: list[Step] = [
        Choice("notice", "start.notice", [("agree", "button.agree")], None, "scope"),
        *scope_steps(),
        Choice("ended", "filing.ended", [("restart", "button.restart")], None, "notice"),
        Choice("type", "filing.type", _enum_options(ReportType), "report_type", lambda c, val: after(c, "identity")),
        Choice(
            "identity",
            "filing.identity",
            [("named", "button.named"), ("anonymous", "button.anonymous")],
            "identity",
            _after_identity,
        ),
        # identity messages are deleted from the chat at once, like passwords (issue 6: the chat is a credential)
        Text("r_name", "filing.reporter_name", "reporter_name", v.reporter_name, "r_phone", secret=True),
        Text("r_phone", "filing.reporter_phone", "reporter_phone", v.phone, "r_id", secret=True),
        Text(
            "r_id",
            "filing.reporter_id",
            "reporter_id",
            v.id_number,
            lambda c: after(c, "p_name"),
            skippable=True,
            secret=True,
        ),
        Text(
            "p_name",
            "filing.person_name",
            "p_name",
            v.person_name,
            "p_unit",
            skippable=True,
            params=lambda c: {"n": len(_entering(c)) + 1},
        ),
        Text("p_unit", "filing.person_unit", "p_unit", v.unit, "p_post"),
        Text("p_post", "filing.person_post", "p_post", v.post, "p_level", skippable=True),
        Choice("p_level", "filing.person_level", _enum_options(CadreLevel), "p_level", "p_region", columns=2),
        Choice(
            "p_region",
            "filing.person_region",
            _regions,
            None,
            _after_region_choice,
            literal=True,
            keyed=frozenset({OTHER}),
        ),
        Text("p_region_text", "filing.person_region_text", "p_region", v.region, "p_party"),
        Choice("p_party", "filing.person_party", _enum_options(PartyMembership), "p_party", "p_more", columns=3),
        Choice("p_more", "filing.person_more", _person_more, None, _commit_person),
        Choice("category", "filing.category", _enum_options(Category), "category", lambda c, val: "facts", columns=2),
        FactsStep("facts"),
        FollowUpStep("facts_more", next_step="other_bodies"),
        Text(
            "other_bodies",
            "filing.other_bodies",
            "other_bodies",
            v.other_bodies,
            lambda c: after(c, "evidence"),
            skippable=True,
        ),
        EvidenceStep("evidence", next_step=_after_evidence),
        Text("pw1", "filing.password", "password", v.password, "pw2", secret=True),
        Text("pw2", "filing.password_repeat", "password_repeat", v.password_repeat, "notify", secret=True),
        Choice(
            "notify",
            "filing.notify",
            [("yes", "button.notify_yes"), ("no", "button.notify_no")],
            "notify",
            _after_notify,
        ),
        ReviewStep("review"),
        ConfirmStep("confirm"),
    ]
    return Flow.of("filing", steps, on_cancel=discard_evidence, on_back=abandon_edit, cancel_key="cancel.filing")
