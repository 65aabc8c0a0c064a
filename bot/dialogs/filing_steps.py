"""Steps of the filing flow that need more than a button or a line of text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.callbacks import option, option_arg
from bot.dialogs import validators as v
from bot.dialogs.engine import (
    Button,
    Conversation,
    Event,
    EventKind,
    Outcome,
    Reply,
    Target,
    go,
    stay,
)
from bot.dialogs.env import CitizenEnv
from bot.dialogs.ids import Filing
from bot.dialogs.steps import SKIP, Invalid, Next, declared, resolve
from core.errors import InvalidInput
from core.model import Category, EvidenceKind
from core.reports import (
    EVIDENCE_MAX_FILES,
    EVIDENCE_MAX_TOTAL,
    StagedEvidence,
)
from core.specificity import follow_ups, meaningful_length

EDIT = "_edit"
NEW_PERSONS = "_new_persons"  # an edit of the persons collects the new list here (the old one stays till it is done)
USE_DRAFT = "use_draft"
DRAFT_MIN = 20  # what the citizen wrote at the scope check is offered as the start of the account


def after(c: Conversation, default: str) -> str:
    """Where a section ends: back to the review when the user came from it to edit, else onwards."""
    return Filing.REVIEW if c.answers.pop(EDIT, False) else default


def after_or_review(*defaults: str) -> frozenset[Target]:
    """The exits of a section's last step: its defaults, or back to the review (:func:`after`)."""
    return frozenset({*defaults, Filing.REVIEW})


def abandon_edit(c: Conversation, left: str) -> None:
    """/back into the review, or out of it: an edit under way is dropped and what it would replace stays."""
    if Filing.REVIEW in (c.step, left):
        c.answers.pop(EDIT, None)
        c.answers.pop(NEW_PERSONS, None)


@dataclass(kw_only=True)
class FactsStep:
    """The account itself; a short or vague one gets specific follow-up questions, never a refusal."""

    id: str = Filing.FACTS
    follow_up: str = Filing.FACTS_MORE
    next_step: str = Filing.OTHER_BODIES

    def exits(self) -> frozenset[Target]:
        return after_or_review(self.follow_up, self.next_step)

    def prompt(self, c: Conversation) -> Reply:
        draft = c.answers.get("scope_text", "")
        if meaningful_length(draft) >= DRAFT_MIN and not c.answers.get("facts"):
            return Reply("filing.facts_with_draft", {"draft": draft}, ((Button("button.use_draft", USE_DRAFT),),),
                         self.id)  # fmt: skip
        return Reply("filing.facts", {}, (), self.id)

    async def answer(self, c: Conversation, e: Event, env: object) -> Outcome:
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
        return go(self.follow_up) if pending else go(after(c, self.next_step))


@dataclass(kw_only=True)
class FollowUpStep:
    """Asks about one missing element at a time (when, where, how much, how known); each may be skipped."""

    id: str = Filing.FACTS_MORE
    next_step: str

    def exits(self) -> frozenset[Target]:
        return after_or_review(self.next_step)

    def prompt(self, c: Conversation) -> Reply:
        pending = c.answers.get("_followups") or ["when"]
        # the button names its question: "don't know" under "when?" must not skip "where?" if tapped later
        skip = ((Button("button.dont_know", option(SKIP, pending[0])),),)
        return Reply(f"filing.followup.{pending[0]}", {}, skip, self.id)

    async def answer(self, c: Conversation, e: Event, env: object) -> Outcome:
        pending: list[str] = list(c.answers.get("_followups") or [])
        if e.kind is EventKind.CHOICE and e.value != option(SKIP, (pending or ["when"])[0]):
            return stay("dialog.earlier_button")
        if e.kind is EventKind.TEXT:
            try:
                extra = v.short_answer(e.text, c)
            except Invalid as exc:
                return stay(exc.key, **exc.params)
            joined = f"{c.answers['facts']}\n+ {extra}"
            if len(joined) > 4000:
                return stay("invalid.facts_too_long", max=4000, length=len(joined))
            c.answers["facts"] = joined
        elif e.kind is not EventKind.CHOICE:
            return stay("dialog.text_expected")
        pending = pending[1:]
        c.answers["_followups"] = pending
        return go(self.id) if pending else go(after(c, self.next_step))


DONE, CLEAR, REMOVE, KEEP, DELETE = "done", "clear", "remove", "keep", "del"
NAME_SHOWN = 40  # characters of a file name on a button


def _evidence_buttons(c: Conversation) -> tuple[tuple[Button, ...], ...]:
    files = c.answers.get("evidence", [])
    rows = [(Button("button.evidence_done", DONE),)]
    if files:
        rows.append((Button("button.evidence_remove_one", REMOVE),))
    if len(files) > 1:
        rows.append((Button("button.evidence_clear", CLEAR),))
    return tuple(rows)


def _file_label(f: dict[str, Any]) -> str:
    name = f["original_name"]
    name = name if len(name) <= NAME_SHOWN else name[: NAME_SHOWN - 1] + "…"
    return f"🗑 {name} ({f['size'] // 1024 + 1} KB)"


@dataclass(kw_only=True)
class EvidenceStep:
    """Photos, documents, spreadsheets, voice and video; each checked and stored encrypted at once (rules.md
    §6). Files can be removed one at a time: each remove button names its file by storage key, so a button of
    an older list removes that file or says it is gone, never another one."""

    id: str = Filing.EVIDENCE
    next_step: Next
    targets: frozenset[Target] = field(default_factory=frozenset)  # where a function ``next_step`` may go

    def exits(self) -> frozenset[Target]:
        return declared(self.next_step, self.targets, self.id)

    def prompt(self, c: Conversation) -> Reply:
        n = len(c.answers.get("evidence", []))
        return Reply("filing.evidence", {"count": n, "max": EVIDENCE_MAX_FILES}, _evidence_buttons(c), self.id)

    async def answer(self, c: Conversation, e: Event, env: CitizenEnv) -> Outcome:
        files: list[dict[str, Any]] = c.answers.setdefault("evidence", [])
        if e.kind is EventKind.CHOICE and e.value == DONE:
            return go(resolve(self.next_step, c))
        if e.kind is EventKind.CHOICE and e.value == CLEAR:
            await env.discard([StagedEvidence(**f) for f in files])
            files.clear()
            return stay("evidence.cleared")
        if e.kind is EventKind.CHOICE and e.value == REMOVE:
            if not files:
                return stay("evidence.none_to_remove")
            rows = tuple((Button(_file_label(f), option(DELETE, f["storage_key"]), literal=True),) for f in files)
            reply = Reply("evidence.choose_remove", {}, (*rows, (Button("button.evidence_keep", KEEP),)), self.id)
            return Outcome(replies=(reply,), reprompt=False)
        if e.kind is EventKind.CHOICE and e.value == KEEP:
            return Outcome()
        if e.kind is EventKind.CHOICE and (key := option_arg(e.value, DELETE)) is not None:
            gone = next((f for f in files if f["storage_key"] == key), None)
            if gone is None:
                return stay("evidence.already_removed")
            await env.discard([StagedEvidence(**gone)])
            files.remove(gone)
            return stay("evidence.removed", name=gone["original_name"])
        if e.kind is EventKind.CHOICE:
            return stay("dialog.earlier_button")
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


async def discard_evidence(c: Conversation, env: CitizenEnv) -> None:
    """On /cancel nothing filed is kept: staged files are deleted."""
    files = c.answers.get("evidence", [])
    if files:
        await env.discard([StagedEvidence(**{**f, "kind": EvidenceKind(f["kind"])}) for f in files])
