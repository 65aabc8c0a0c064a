"""In-memory fakes of the services behind the dialogs (cosmicpython's fakes, not mocks): they keep state, answer
as the real services do for the cases the scenarios need, and record every call, so a conversation runs in
milliseconds without a database or HTTP and a test asserts on what the dialogs asked the core to do.

Realistic where the dialogs depend on it: a report is checked by the same ``NewReport.validated`` the filing
service runs, files by the same ``check_file``, a second submit with one submission key gets the first receipt,
a status needs the code and the password that filing returned, and stale saves of a dialog are refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from core.actor import Actor
from core.casenumbers import case_number
from core.clock import OFFICE_TZ, ManualClock
from core.errors import DomainError, GuardFailed, NotPermitted
from core.evidence.filetypes import check_file
from core.model import CaseState, EvidenceKind, Satisfaction
from core.reports import EvidenceUpload, NewReport, StagedEvidence
from core.review import CONFIRMED
from core.secrets_ import new_query_code, normalise_code
from core.services.dialog_store import StaleDialog, StoredDialog
from core.services.filing import Receipt
from core.services.officers import UnitView
from core.services.views import PublicHistoryItem, PublicQuestion, PublicStatusView

#: The units of tests.factories.seed_office (regions offered to citizens come from them).
UNITS = (
    UnitView(1, "HZ", "杭州市纪委监委", "city", "浙江省/杭州市", None, []),
    UnitView(2, "LA", "临安区纪委监委", "county", "浙江省/杭州市/临安区", "HZ", []),
    UnitView(3, "XH", "西湖区纪委监委", "county", "浙江省/杭州市/西湖区", "HZ", []),
)


class Calls(list[tuple[Any, ...]]):
    """Every call the dialogs made: ``("filing.file_report", report)`` …, in order."""

    def of(self, name: str) -> list[tuple[Any, ...]]:
        return [c[1:] for c in self if c[0] == name]


@dataclass
class FakeCtx:
    clock: ManualClock
    tz: Any = OFFICE_TZ

    def now(self) -> Any:
        return self.clock.now()

    def today(self) -> date:
        return self.clock.now().astimezone(self.tz).date()


class FakeDialogStore:
    """Opaque payloads per chat with the real store's version check (a stale save raises StaleDialog)."""

    def __init__(self, ctx: FakeCtx) -> None:
        self.ctx = ctx
        self.rows: dict[tuple[int, str], StoredDialog] = {}

    async def load(self, chat_id: int, space: str = "") -> StoredDialog | None:
        return self.rows.get((chat_id, space))

    async def save(self, chat_id: int, payload: bytes, version: int, space: str = "") -> int:
        current = self.rows.get((chat_id, space))
        if (current.version if current else 0) != version:
            raise StaleDialog("dialog changed concurrently")
        self.rows[(chat_id, space)] = StoredDialog(payload, version + 1)
        return version + 1

    async def delete(self, chat_id: int, space: str = "") -> None:
        self.rows.pop((chat_id, space), None)


@dataclass
class FiledCase:
    receipt: Receipt
    report: NewReport
    password: str | None
    kept_code: bool
    state: CaseState = CaseState.RECEIVED
    feedback: str | None = None
    satisfaction: str | None = None
    questions: list[PublicQuestion] = field(default_factory=list)
    objections: list[tuple[str, tuple[StagedEvidence, ...]]] = field(default_factory=list)
    confirmed: bool = False  # a leader confirmed the result (rules.md §10.4, 004 (十一))


class FakeFiling:
    def __init__(self, ctx: FakeCtx, calls: Calls) -> None:
        self.ctx, self.calls = ctx, calls
        self.staged: dict[str, bytes] = {}  # storage key → bytes (what the evidence store would hold)
        self.cases: list[FiledCase] = []

    async def stage_evidence(self, upload: EvidenceUpload) -> StagedEvidence:
        kind = check_file(upload.original_name, upload.data)  # raises InvalidInput as the service does
        if kind is EvidenceKind.AUDIO and upload.kind is EvidenceKind.VOICE:
            kind = EvidenceKind.VOICE
        key = f"staged-{len(self.staged) + 1}-{hashlib.sha256(upload.data).hexdigest()[:8]}"
        self.staged[key] = upload.data
        self.calls.append(("filing.stage_evidence", upload.original_name))
        digest = hashlib.sha256(upload.data).hexdigest()
        return StagedEvidence(kind, upload.original_name, upload.mime_type, len(upload.data), digest, key)

    async def discard_staged(self, staged: Iterable[StagedEvidence]) -> None:
        for item in staged:
            self.staged.pop(item.storage_key, None)
            self.calls.append(("filing.discard_staged", item.original_name))

    async def file_report(self, report: NewReport, actor: Actor | None = None, *, keep_code: bool = False) -> Receipt:
        report = report.validated()
        if report.submission_key and (earlier := self._by_key(report.submission_key)) is not None:
            return replace(earlier.receipt, query_code=earlier.receipt.query_code if earlier.kept_code else None,
                           repeated=True)  # fmt: skip
        code = None if report.named or report.query_password is None else new_query_code()
        number = case_number(self.ctx.today().year, len(self.cases) + 1)
        receipt = Receipt(number, "LA", code, report_type=report.report_type)
        self.cases.append(FiledCase(receipt, report, report.query_password, keep_code and code is not None))
        self.calls.append(("filing.file_report", report))
        return receipt

    def _by_key(self, key: str) -> FiledCase | None:
        return next((c for c in self.cases if c.report.submission_key == key), None)

    async def undelivered_receipt(self, submission_key: str) -> Receipt | None:
        case = self._by_key(submission_key)
        return replace(case.receipt, repeated=True) if case is not None and case.kept_code else None

    async def receipt_delivered(self, submission_key: str) -> None:
        if (case := self._by_key(submission_key)) is not None:
            case.kept_code = False
        self.calls.append(("filing.receipt_delivered", submission_key))

    def case(self, number: str) -> FiledCase:
        return next(c for c in self.cases if c.receipt.number == number)


def public_view(case: FiledCase, received: date) -> PublicStatusView:
    status = "received" if case.state is CaseState.RECEIVED else "in_progress"
    history = [PublicHistoryItem(received, "received")]
    return PublicStatusView(case.receipt.number, status, received, history, case.feedback, case.satisfaction,
                            list(case.questions), can_add=case.feedback is None)  # fmt: skip


class FakeQueries:
    """Status as the reporter sees it; ``locks`` (code or "chat" → minutes) stands in for the lock-out."""

    def __init__(self, ctx: FakeCtx, filing: FakeFiling, calls: Calls) -> None:
        self.ctx, self.filing, self.calls = ctx, filing, calls
        self.locks: dict[str, int] = {}

    async def status_for_chat(self, chat_id: int) -> list[PublicStatusView]:
        mine = [c for c in self.filing.cases if c.report.named and c.report.chat_id == chat_id]
        return [public_view(c, self.ctx.today()) for c in mine]

    async def status_by_code(self, code: str, password: str, chat_id: int | None = None) -> PublicStatusView | None:
        self.calls.append(("queries.status_by_code", code))
        for c in self.filing.cases:
            if c.receipt.query_code and normalise_code(c.receipt.query_code) == normalise_code(code):
                if c.password != password:
                    return None
                return replace(public_view(c, self.ctx.today()), grant=f"grant:{c.receipt.number}")
        return None

    async def lock_minutes(self, code: str | None, chat_id: int | None) -> int | None:
        return self.locks.get(normalise_code(code) if code else "chat")


class FakeOfficers:
    def __init__(self, calls: Calls) -> None:
        self.calls = calls
        self.units = list(UNITS)

    async def list_units(self) -> list[UnitView]:
        return list(self.units)

    async def actor_for_telegram(self, telegram_id: int) -> Actor | None:
        return None  # everybody is a citizen here; officers' flows are driven through FakeOfficerEnv

    async def redeem(self, code: str, telegram_id: int) -> Actor | None:
        self.calls.append(("officers.redeem", code))
        return None

    async def list_officers(self) -> list[Any]:
        return []


class FakeUrgent:
    def __init__(self, calls: Calls) -> None:
        self.calls = calls
        self.open: dict[int, list[str]] = {}  # chat → the texts of its open urgent message

    async def raise_alert(self, text: str, chat_id: int | None = None, locale: str = "zh-CN") -> int:
        self.calls.append(("urgent.raise_alert", text, chat_id, locale))
        if chat_id is not None:
            self.open[chat_id] = [text]
        return len(self.calls)

    async def follow_up(self, chat_id: int, text: str) -> int | None:
        if chat_id not in self.open:
            return None
        self.open[chat_id].append(text)
        self.calls.append(("urgent.follow_up", chat_id, text))
        return chat_id

    async def open_items(self, actor: Actor) -> list[Any]:
        raise NotPermitted("urgent", actor.label())


class FakeReporter:
    def __init__(self, filing: FakeFiling, calls: Calls) -> None:
        self.filing, self.calls = filing, calls

    async def own_numbers(self, chat_id: int) -> set[str]:
        # as core.services.reporter: the chat is kept (keyed) with named reports only
        return {c.receipt.number for c in self.filing.cases if c.report.named and c.report.chat_id == chat_id}

    async def rate(self, number: str, chat_id: int, rating: Satisfaction) -> bool:
        """As core.services.reporter: a 不满意 of a result not yet confirmed goes to a leader (True)."""
        case = self.filing.case(number)
        if case.feedback is None:
            raise DomainError("no feedback to rate")
        case.satisfaction = rating.value
        self.calls.append(("reporter.rate", number, rating))
        to_leader = rating is Satisfaction.DISSATISFIED and not case.confirmed
        if to_leader:
            case.state = CaseState.LEADER_REVIEW
        return to_leader

    async def objection_refusal(self, number: str, chat_id: int) -> str | None:
        case = self.filing.case(number)
        if case.confirmed:
            return "objection.final"
        return None if case.feedback is not None else "objection.not_possible"

    async def add_to_case(self, number: str, text: str, evidence: Sequence[StagedEvidence] = (), *,
                          chat_id: int | None = None, grant: str = "") -> None:  # fmt: skip
        """As core.services.reporter: the anonymous reporter's grant from /status, or the named reporter's chat."""
        case = self.filing.case(number)
        if grant != f"grant:{number}" and not (case.report.named and case.report.chat_id == chat_id):
            raise DomainError("not this reporter's case")
        self.calls.append(("reporter.add_to_case", number, text, tuple(e.original_name for e in evidence)))

    async def object(self, number: str, chat_id: int, text: str, evidence: Sequence[StagedEvidence] = ()) -> None:
        case = self.filing.case(number)
        if case.feedback is None:
            raise DomainError("nothing to object to")
        if case.confirmed:  # confirmed meanwhile: refused as the workflow refuses it (core.review)
            raise GuardFailed("object", [CONFIRMED])
        case.objections.append((text, tuple(evidence)))
        case.state = CaseState.LEADER_REVIEW
        self.calls.append(("reporter.object", number, text, tuple(e.original_name for e in evidence)))


class FakeMessaging:
    def __init__(self, filing: FakeFiling, calls: Calls) -> None:
        self.filing, self.calls = filing, calls

    async def answer(self, number: str, chat_id: int, question_id: int, text: str) -> None:
        case = self.filing.case(number)
        if case.report.chat_id != chat_id or not any(q.id == question_id for q in case.questions):
            raise DomainError("not this chat's question")
        case.questions = [q for q in case.questions if q.id != question_id]
        self.calls.append(("messaging.answer", number, question_id, text))

    async def ask(self, number: str, actor: Actor, question: str) -> int:
        self.calls.append(("messaging.ask", number, actor.label(), question))
        return len(self.calls)


@dataclass
class CitizenFakes:
    """Everything DialogRunner needs (bot.dialogs.runner.DialogServices), in memory, sharing one call log."""

    clock: ManualClock
    calls: Calls = field(default_factory=Calls)

    def __post_init__(self) -> None:
        self.ctx = FakeCtx(self.clock)
        self.store = FakeDialogStore(self.ctx)
        self.filing = FakeFiling(self.ctx, self.calls)
        self.queries = FakeQueries(self.ctx, self.filing, self.calls)
        self.officers = FakeOfficers(self.calls)
        self.urgent = FakeUrgent(self.calls)
        self.reporter = FakeReporter(self.filing, self.calls)
        self.messaging = FakeMessaging(self.filing, self.calls)
