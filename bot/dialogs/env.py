"""What a step may call: one protocol per side of the desk, so mypy checks every call a step makes.

The runner (citizens) and the officer desk implement them for one update; the fast dialog tests
(tests/fakes/dialogs.py) implement the services behind them in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from bot.dialogs.engine import Media, Reply
from core.actor import Actor
from core.closure import ClosureReport
from core.errors import DomainError
from core.model import AppealOutcome, CaseState, DisposalMethod, ReferTo, SuggestionOutcome
from core.reports import NewReport, StagedEvidence
from core.services.filing import Receipt
from core.services.views import PublicStatusView


class CitizenEnv(Protocol):
    """A citizen's chat, for one update."""

    @property
    def chat_id(self) -> int: ...

    async def stage(self, media: Media) -> StagedEvidence:
        """Check and keep a file sent as evidence (raises core.errors.InvalidInput for a refused one)."""
        ...

    async def discard(self, staged: Iterable[StagedEvidence]) -> None: ...

    async def file(self, report: NewReport) -> Receipt: ...

    async def status_by_code(self, code: str, password: str) -> PublicStatusView | None: ...

    async def lock_minutes(self, code: str | None = None) -> int | None: ...

    async def alert_urgent(self, text: str) -> None: ...

    async def answer_question(self, number: str, question_id: int, text: str) -> None: ...

    async def object(self, number: str, text: str, evidence: list[StagedEvidence]) -> None: ...

    async def add_to_case(self, number: str, text: str, evidence: list[StagedEvidence], grant: str) -> None:
        """补充反映: ``grant`` proves an anonymous reporter's code and password; named ones are known by the chat."""
        ...


class OfficerCases(Protocol):
    """The case actions an officer's input flow ends in (core.services.cases.CaseService)."""

    async def add_note(self, number: str, actor: Actor, note: str) -> CaseState: ...

    async def give_feedback(self, number: str, actor: Actor, text: str) -> CaseState: ...

    async def dispose(
        self, number: str, actor: Actor, method: DisposalMethod, note: str = "", approved_by: Actor | None = None
    ) -> CaseState: ...

    async def conclude(self, number: str, actor: Actor, report: ClosureReport) -> CaseState: ...

    async def refer(
        self, number: str, actor: Actor, refer_to: ReferTo | None, reason: str, *, lacks_facts: bool = False
    ) -> CaseState: ...

    async def mark_duplicate(self, number: str, actor: Actor, duplicate_of: str, note: str = "") -> CaseState: ...

    async def transfer(self, number: str, actor: Actor, unit_code: str, note: str = "") -> CaseState: ...

    async def return_to_intake(
        self, number: str, actor: Actor, reason: str, approved_by: Actor | None = None
    ) -> CaseState: ...

    async def chase(self, number: str, actor: Actor, note: str) -> CaseState: ...

    async def report_result(self, number: str, actor: Actor, result: str) -> CaseState: ...

    async def extend(
        self, number: str, actor: Actor, reason: str, due_on: date, approved_by: Actor | None = None
    ) -> CaseState: ...

    async def decide_appeal(
        self, number: str, actor: Actor, outcome: AppealOutcome, reasons: str, approved_by: Actor | None = None
    ) -> CaseState: ...

    async def answer_suggestion(
        self, number: str, actor: Actor, outcome: SuggestionOutcome, reply: str, approved_by: Actor | None = None
    ) -> CaseState: ...

    async def review_parked(self, number: str, actor: Actor, note: str) -> CaseState: ...

    async def send_back(self, number: str, actor: Actor, instructions: str) -> CaseState: ...

    async def confirm_result(self, number: str, actor: Actor, reply: str) -> CaseState: ...


class Asking(Protocol):
    async def ask(self, number: str, actor: Actor, question: str) -> int: ...


class OfficerEnv(Protocol):
    """An officer at the desk, for one update."""

    @property
    def actor(self) -> Actor: ...

    @property
    def cases(self) -> OfficerCases: ...

    @property
    def messaging(self) -> Asking: ...

    def refusal(self, exc: DomainError) -> Reply:
        """A refusal of the core, as the officer reads it (reasons, the state that forbids it)."""
        ...
