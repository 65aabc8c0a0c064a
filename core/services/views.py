"""Read models handed to the edges. Plain data: the edges never see ORM rows or ciphertext."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class DeadlineView:
    kind: str
    ref: str
    rule: str
    trigger_date: date
    due_date: date
    state: str
    provisional: bool


@dataclass(frozen=True)
class EventView:
    at: datetime
    actor: str
    action: str
    from_state: str | None
    to_state: str | None
    rule: str
    note: str
    officer_name: str | None = None  # who acted, by name, when an officer did


@dataclass(frozen=True)
class ApprovalView:
    """A step put to a leader (core.services.approvals): what, by whom, and what the leader decided."""

    id: int
    number: str
    action: str
    state: str
    method: str | None
    note: str
    requested_by: str
    requested_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    reason: str = ""
    outcome: str | None = None  # an appeal's or a suggestion's outcome put to the leader, as a label key (§10.1)
    due_on: str | None = None  # an extension's new due date (§10.3)


@dataclass(frozen=True)
class PersonView:
    name: str
    unit: str
    post: str
    level: str
    region: str
    party: str


@dataclass(frozen=True)
class EvidenceView:
    id: int
    kind: str
    original_name: str
    mime_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class FollowUpView:
    """A case sent down and followed by its sender to the 报结 (rules.md §10.3): from which unit to which, when the
    result is due, and how far (a ``FollowUp`` value: awaiting, reported, closed)."""

    sender: str
    receiver: str | None  # where it waits or was taken in; None once sent back to the sender
    due: date | None  # the 报结 due date (the transfer_result deadline)
    state: str
    reported_on: date | None = None  # when the 报结 was recorded


@dataclass(frozen=True)
class CaseSummary:
    number: str
    state: str
    report_type: str
    named: bool
    channel: str
    category: str | None  # an accusation's; none for an appeal or a suggestion (rules.md §10.1)
    unit: str
    urgent: bool
    received_at: datetime
    assignee: str | None
    next_due: date | None
    next_due_kind: str | None
    satisfaction: str | None = None
    recused_officer_ids: tuple[int, ...] = ()  # named in the report: not offered as its handler (core.recusal)
    challenge: str | None = None  # the reporter's 不满意 or 异议 a leader reviews or reviewed (core.review)
    confirmed_at: datetime | None = None  # a leader confirmed the result (审核认定办结, 004 (十一))


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    facts: str
    other_bodies: str
    persons: list[PersonView]
    evidence: list[EvidenceView]
    events: list[EventView]
    deadlines: list[DeadlineView]
    disposal_method: str | None
    refer_to: str | None
    result: dict[str, Any] | None
    reporter: dict[str, str] | None = None  # only when the viewer is entitled; the view is audited
    undelivered: int = 0  # notices to the reporter that could not be delivered (e.g. the bot was blocked)
    purged_at: datetime | None = None  # retention ended: facts, persons' names, identity and files erased
    purged_evidence: dict[str, int] = field(default_factory=dict)  # erased files counted by kind
    scope_refer_to: str | None = None  # the referral the reporter was shown and filed past (ReferTo or "none")
    scope_reason: str | None = None  # its reason, a locale key
    approvals: list[ApprovalView] = field(default_factory=list)  # steps put to a leader, and the decisions
    transfer_to: str | None = None  # the unit a transfer waits at (rules.md §10.3: followed until its 报结)
    particulars: dict[str, str] | None = None  # an appeal's contested decision, a suggestion's subject (§10.1)
    outcome: str | None = None  # an appeal's 维持/变更/撤销 or a suggestion's 采纳/部分采纳/不予采纳, as a label key
    duplicate_of: str | None = None  # the case this one was joined to as a duplicate (issue 15, item 8)
    duplicates: tuple[str, ...] = ()  # the cases joined to this one as duplicates
    follow_up: FollowUpView | None = None  # sent down and followed to its 报结 (rules.md §10.3)
    related: tuple[RelatedView, ...] = ()  # linked cases and possible repeats the viewer may see (issue 17)


#: Shown in place of erased content, so edges that predate the purge show a word instead of a blank.
PURGED = "[purged]"


@dataclass(frozen=True)
class PublicHistoryItem:
    day: date
    status: str


@dataclass(frozen=True)
class PublicQuestion:
    """An officer's question the reporter has not answered yet: shown only once they are known to be the reporter
    (their own chat for named reports, code and password for anonymous ones), never pushed against their choice."""

    id: int
    day: date
    text: str


@dataclass(frozen=True)
class PublicStatusView:
    """What a reporter sees via /status: coarse status and dates, no officers, no notes."""

    number: str
    status: str
    received_on: date
    history: list[PublicHistoryItem] = field(default_factory=list)
    feedback: str | None = None
    satisfaction: str | None = None  # the reporter's own rating of the feedback
    questions: list[PublicQuestion] = field(default_factory=list)
    outcome: str | None = None  # an appeal's or a suggestion's outcome, as a label key, with ``feedback`` (§10.1)
    # Not accepted: where to go (a ReferTo value; "" when no single body was named), told to anonymous reporters
    # here as named ones are told in the notice (rules.md §3.3, issue 15 item 6); None otherwise.
    referral: str | None = None
    can_add: bool = False  # the reporter may still add text and files (补充反映, issue 15 item 12)
    grant: str = ""  # anonymous: proof of code and password for adding, kept by the dialog, never shown


@dataclass(frozen=True)
class AuditEntry:
    """One step of a case's audit trail, without its note: notes may quote the report (rules.md §4.1).

    ``roles`` and ``unit`` are the officer's now: events record who acted, not the roles held at the time.
    ``detail`` is set only for the fixed, contentless notes of audit-only steps (which evidence file).
    """

    at: datetime
    actor: str
    officer_id: int | None
    officer_name: str | None
    roles: tuple[str, ...]
    unit: str | None
    action: str
    from_state: str | None
    to_state: str | None
    rule: str
    detail: str = ""


@dataclass(frozen=True)
class AuditTrail:
    number: str
    state: str
    entries: list[AuditEntry]
    identity_views: int
    evidence_views: int
    purged_at: datetime | None = None
    case_views: int = 0  # cards with the facts shown to an officer or printed by the CLI (core.access)


@dataclass(frozen=True)
class PurgeReport:
    """What a retention run erased (or, dry, would erase): case numbers and counts, never content."""

    cutoff: datetime
    numbers: list[str]
    evidence_files: int
    dry_run: bool
    urgent_notes: int = 0  # danger messages older than the period, erased with their pushes to officers


@dataclass(frozen=True)
class RelatedView:
    """Another case on a card (issue 17, item 5): linked by an officer, or found at filing as possibly the same
    matter, with why: ``reasons`` are (``person`` | ``person_region`` | ``facts``, score). Only cases the viewer
    may see are listed; nothing of their reporters is."""

    number: str
    linked: bool
    reasons: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class LedgerEntry:
    """One report about a person in the ledger (台账, rules.md §10.4): when, where, how far, how it ended."""

    number: str
    received_at: datetime
    unit: str
    state: str
    report_type: str
    disposal_method: str | None
    outcome: str | None  # an appeal's or a suggestion's outcome label key; an accusation's method and state say it
    concluded_at: datetime | None
    person_unit: str  # the person's unit as that report gives it (names alike, units may differ)
    region: str


@dataclass(frozen=True)
class PersonLedger:
    """The reports about one person (same name, and same unit or region), oldest first."""

    name: str
    unit: str
    region: str
    entries: tuple[LedgerEntry, ...]
