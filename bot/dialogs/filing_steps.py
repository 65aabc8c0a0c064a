"""Steps of the filing flow that need more than a button or a line of text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.dialogs import validators as v
from bot.dialogs.engine import (
    Button,
    Conversation,
    Event,
    EventKind,
    Label,
    Lines,
    Outcome,
    Reply,
    go,
    stay,
)
from bot.dialogs.steps import SKIP, Invalid, Next, resolve
from core.errors import InvalidInput
from core.model import CadreLevel, Category, Channel, EvidenceKind, PartyMembership, ReportType
from core.reports import (
    EVIDENCE_MAX_FILES,
    EVIDENCE_MAX_TOTAL,
    NewReport,
    PersonReported,
    ReporterIdentity,
    StagedEvidence,
)
from core.services.filing import Receipt
from core.specificity import follow_ups, meaningful_length

EDIT = "_edit"
USE_DRAFT = "use_draft"
DRAFT_MIN = 20  # what the citizen wrote at the scope check is offered as the start of the account

WIPE = "wipe"  # the button under the receipt: delete the report's messages from this chat


def after(c: Conversation, default: str) -> str:
    """Where a section ends: back to the review when the user came from it to edit, else onwards."""
    return "review" if c.answers.pop(EDIT, False) else default


@dataclass
class FactsStep:
    """The account itself; a short or vague one gets specific follow-up questions, never a refusal."""

    id: str

    def prompt(self, c: Conversation) -> Reply:
        draft = c.answers.get("scope_text", "")
        if meaningful_length(draft) >= DRAFT_MIN and not c.answers.get("facts"):
            return Reply("filing.facts_with_draft", {"draft": draft}, ((Button("button.use_draft", USE_DRAFT),),),
                         self.id)  # fmt: skip
        return Reply("filing.facts", {}, (), self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        if e.kind is EventKind.CHOICE and e.value == USE_DRAFT and c.answers.get("scope_text"):
            e = Event(EventKind.TEXT, text=c.answers["scope_text"])
        if e.kind is not EventKind.TEXT:
            return stay("dialog.text_expected")
        try:
            text = v.facts(e.text, c)
        except Invalid as exc:
            return stay(exc.key, **exc.params)
        c.answers["facts"] = text
        category = Category(c.answers["category"]) if c.answers.get("category") else None
        pending = [el.value for el in follow_ups(text, category)]
        c.answers["_followups"] = pending
        return go("facts_more") if pending else go(after(c, "other_bodies"))


@dataclass
class FollowUpStep:
    """Asks about one missing element at a time (when, where, how much, how known); each may be skipped."""

    id: str
    next_step: str

    def prompt(self, c: Conversation) -> Reply:
        pending = c.answers.get("_followups") or ["when"]
        skip = ((Button("button.dont_know", SKIP),),)
        return Reply(f"filing.followup.{pending[0]}", {}, skip, self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        pending: list[str] = list(c.answers.get("_followups") or [])
        if e.kind is EventKind.TEXT:
            try:
                extra = v.short_answer(e.text, c)
            except Invalid as exc:
                return stay(exc.key, **exc.params)
            joined = f"{c.answers['facts']}\n+ {extra}"
            if len(joined) > 4000:
                return stay("invalid.facts_too_long", max=4000, length=len(joined))
            c.answers["facts"] = joined
        elif not (e.kind is EventKind.CHOICE and e.value == SKIP):
            return stay("dialog.text_expected")
        pending = pending[1:]
        c.answers["_followups"] = pending
        return go(self.id) if pending else go(after(c, self.next_step))


DONE, CLEAR = "done", "clear"


def _evidence_buttons(c: Conversation) -> tuple[tuple[Button, ...], ...]:
    rows = [(Button("button.evidence_done", DONE),)]
    if c.answers.get("evidence"):
        rows.append((Button("button.evidence_clear", CLEAR),))
    return tuple(rows)


@dataclass
class EvidenceStep:
    """Photos, documents, voice and video; each checked and stored encrypted at once (rules.md §6)."""

    id: str
    next_step: Next

    def prompt(self, c: Conversation) -> Reply:
        n = len(c.answers.get("evidence", []))
        return Reply("filing.evidence", {"count": n, "max": EVIDENCE_MAX_FILES}, _evidence_buttons(c), self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        files: list[dict[str, Any]] = c.answers.setdefault("evidence", [])
        if e.kind is EventKind.CHOICE and e.value == DONE:
            return go(resolve(self.next_step, c))
        if e.kind is EventKind.CHOICE and e.value == CLEAR:
            await env.discard([StagedEvidence(**f) for f in files])
            files.clear()
            return stay("evidence.cleared")
        if e.kind is not EventKind.MEDIA or e.media is None:
            return stay("evidence.expect_file")
        if len(files) >= EVIDENCE_MAX_FILES:
            return stay("evidence.too_many", max=EVIDENCE_MAX_FILES)
        try:
            staged: StagedEvidence = await env.stage(e.media)
        except InvalidInput as exc:
            return stay(f"evidence.{exc.problem}", name=e.media.name)
        if sum(f["size"] for f in files) + staged.size > EVIDENCE_MAX_TOTAL:
            await env.discard([staged])
            return stay("evidence.total")
        files.append({**staged.__dict__, "kind": staged.kind.value})
        reply = Reply("evidence.received", {"count": len(files), "max": EVIDENCE_MAX_FILES},
                      _evidence_buttons(c), self.id)  # fmt: skip
        return Outcome(replies=(reply,), reprompt=False)


async def discard_evidence(c: Conversation, env: Any) -> None:
    """On /cancel nothing filed is kept: staged files are deleted."""
    files = c.answers.get("evidence", [])
    if files:
        await env.discard([StagedEvidence(**{**f, "kind": EvidenceKind(f["kind"])}) for f in files])


def _enum_label(enum_name: str, value: str) -> Label:
    return Label(f"enum.{enum_name}.{value}")


def mask(value: str, keep_start: int, keep_end: int) -> str:
    """Identity is never echoed in full (issue 6): enough to recognise it, not enough to learn it."""
    hidden = max(len(value) - keep_start - keep_end, 1)
    return value[:keep_start] + "*" * hidden + (value[-keep_end:] if keep_end and len(value) > keep_end else "")


def review_params(c: Conversation) -> dict[str, Any]:
    a = c.answers
    persons = tuple(
        Label("review.person", {"n": i + 1, "name": p["name"] or "-", "unit": p["unit"], "post": p["post"] or "-",
                                "level": _enum_label("CadreLevel", p["level"]), "region": p["region"],
                                "party": _enum_label("PartyMembership", p["party"])})
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
        "persons": Lines(persons),
        "category": _enum_label("Category", a.get("category", "other")),
        "facts": a.get("facts", ""),
        "other_bodies": a.get("other_bodies") or "-",
        "evidence": Lines(tuple(f"· {f['original_name']} ({f['size'] // 1024 + 1} KB)" for f in a.get("evidence", [])))
        if a.get("evidence")
        else "-",
    }


_SECTIONS = (("type", "type"), ("reporter", "r_name"), ("persons", "p_name"), ("category", "category"),
             ("facts", "facts"), ("other_bodies", "other_bodies"), ("evidence", "evidence"))  # fmt: skip


@dataclass
class ReviewStep:
    """Everything at a glance, with an edit button per section and the way forward."""

    id: str

    def prompt(self, c: Conversation) -> Reply:
        sections = [s for s in _SECTIONS if s[0] != "reporter" or c.answers.get("identity") == "named"]
        edits = [Button(f"button.edit_{name}", f"edit:{name}") for name, _ in sections]
        rows = tuple(tuple(edits[i : i + 2]) for i in range(0, len(edits), 2))
        buttons = ((Button("button.submit", "submit"),), *rows)
        return Reply("filing.review", review_params(c), buttons, self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        if e.kind is not EventKind.CHOICE:
            return stay("dialog.use_buttons")
        if e.value == "submit":
            return go("confirm")
        target = dict(_SECTIONS).get(e.value.removeprefix("edit:"))
        if target is None:
            return stay("dialog.use_buttons")
        c.answers[EDIT] = True
        if target == "p_name":
            c.answers["persons"] = []  # the persons are entered afresh
        return go(target)


def build_report(c: Conversation, chat_id: int) -> NewReport:
    a = c.answers
    named = a.get("identity") == "named"
    persons = tuple(
        PersonReported(unit=p["unit"], region=p["region"], name=p["name"], post=p["post"],
                       level=CadreLevel(p["level"]), party=PartyMembership(p["party"]))
        for p in a.get("persons", [])
    )  # fmt: skip
    return NewReport(
        report_type=ReportType(a["report_type"]),
        category=Category(a["category"]),
        facts=a["facts"],
        persons=persons,
        reporter=ReporterIdentity(a["reporter_name"], a["reporter_phone"], a.get("reporter_id", "")) if named else None,
        channel=Channel.TELEGRAM,
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


@dataclass
class ConfirmStep:
    """The reporter's duties, stated once and neutrally (rules.md §4.2), then filing."""

    id: str

    def prompt(self, c: Conversation) -> Reply:
        buttons = ((Button("button.confirm_submit", "confirm"),), (Button("button.back_to_review", "review"),))
        return Reply("filing.confirm", {}, buttons, self.id)

    async def answer(self, c: Conversation, e: Event, env: Any) -> Outcome:
        if e.kind is not EventKind.CHOICE:
            return stay("dialog.use_buttons")
        if e.value == "review":
            return go("review")
        if e.value != "confirm":
            return stay("dialog.use_buttons")
        receipt = await env.file(build_report(c, env.chat_id))
        c.memo["last_receipt"] = receipt.number
        return Outcome(replies=receipt_replies(receipt), done=True)


def receipt_replies(receipt: Receipt, *, again: bool = False) -> tuple[Reply, Reply]:
    """The receipt, and under the next message the button that deletes the report from the chat (the chat is a
    credential too: issue 6, item 6). ``again``: a receipt Telegram did not deliver, shown at the next update."""
    if receipt.query_code:
        key = "receipt.anonymous_again" if again else "receipt.anonymous"
        reply = Reply(key, {"number": receipt.number, "code": receipt.query_code})
    else:
        reply = Reply("receipt.named", {"number": receipt.number})
    return reply, Reply("receipt.next", {}, ((Button("button.wipe", WIPE),),), "")
