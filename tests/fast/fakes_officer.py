"""In-memory fakes behind the officer desk's input flows (bot.dialogs.env.OfficerEnv and the desk's look-ups):
each case action is recorded and answered as the core would, and a refusal can be set up per action
(``refuse["conclude"] = GuardFailed(...)``). Case cards are the end-to-end tier's (tests/bot/test_officer*.py):
here the card after an action is left out, as for a case out of the officer's hands."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from types import SimpleNamespace
from typing import Any

from core.actor import Actor
from core.closure import ClosureReport
from core.errors import CaseUnavailable, DomainError, GuardFailed
from core.model import (
    Action,
    AppealOutcome,
    ApprovalState,
    CaseState,
    DisposalMethod,
    ReferTo,
    ReportType,
    SuggestionOutcome,
)
from core.permissions import is_leader
from core.services.urgent import UrgentEvent, UrgentItem
from core.services.views import ApprovalView

from .fakes import Calls, CitizenFakes


@dataclass(frozen=True)
class Summary:
    number: str
    unit: str = "LA"
    named: bool = True
    state: str = CaseState.ASSIGNED.value  # a handler's case (core.workflow.permit reads it)
    recused_officer_ids: tuple[int, ...] = ()
    channel: str = "telegram"  # permit reads it too (rules.md §10.3: 交办 is handled here)
    report_type: str = ReportType.ACCUSATION.value


class FakeCases:
    def __init__(self, calls: Calls) -> None:
        self.calls = calls
        self.refuse: dict[str, DomainError] = {}

    def _do(self, name: str, number: str, actor: Actor, *args: Any) -> CaseState:
        if name in self.refuse:
            raise self.refuse.pop(name)
        self.calls.append((f"cases.{name}", number, actor.name, *args))
        return CaseState.DISPOSAL

    async def perform(self, number: str, action: Action, actor: Actor, inp: Any = None) -> CaseState:
        return self._do(action.value, number, actor)

    async def assign(self, number: str, actor: Actor, officer_id: int) -> CaseState:
        return self._do("assign", number, actor, officer_id)

    async def add_note(self, number: str, actor: Actor, note: str) -> CaseState:
        return self._do("add_note", number, actor, note)

    async def give_feedback(self, number: str, actor: Actor, text: str) -> CaseState:
        return self._do("give_feedback", number, actor, text)

    async def dispose(
        self, number: str, actor: Actor, method: DisposalMethod, note: str = "", approved_by: Actor | None = None
    ) -> CaseState:
        return self._do("dispose", number, actor, method, note)

    async def conclude(self, number: str, actor: Actor, report: ClosureReport) -> CaseState:
        return self._do("conclude", number, actor, report)

    async def refer(
        self, number: str, actor: Actor, refer_to: ReferTo | None, reason: str, *, lacks_facts: bool = False
    ) -> CaseState:
        return self._do("refer", number, actor, refer_to, reason, lacks_facts)

    async def mark_duplicate(self, number: str, actor: Actor, duplicate_of: str, note: str = "") -> CaseState:
        return self._do("mark_duplicate", number, actor, duplicate_of, note)

    async def transfer(self, number: str, actor: Actor, unit_code: str, note: str = "") -> CaseState:
        return self._do("transfer", number, actor, unit_code, note)

    async def decide_appeal(
        self, number: str, actor: Actor, outcome: AppealOutcome, reasons: str, approved_by: Actor | None = None
    ) -> CaseState:
        return self._do("decide_appeal", number, actor, outcome, reasons)

    async def answer_suggestion(
        self, number: str, actor: Actor, outcome: SuggestionOutcome, reply: str, approved_by: Actor | None = None
    ) -> CaseState:
        return self._do("answer_suggestion", number, actor, outcome, reply)

    async def return_to_intake(
        self, number: str, actor: Actor, reason: str, approved_by: Actor | None = None
    ) -> CaseState:
        return self._do("return_to_intake", number, actor, reason)

    async def chase(self, number: str, actor: Actor, note: str) -> CaseState:
        return self._do("chase", number, actor, note)

    async def report_result(self, number: str, actor: Actor, result: str) -> CaseState:
        return self._do("report_result", number, actor, result)

    async def send_back(self, number: str, actor: Actor, instructions: str) -> CaseState:
        return self._do("send_back", number, actor, instructions)

    async def confirm_result(self, number: str, actor: Actor, reply: str) -> CaseState:
        return self._do("confirm_result", number, actor, reply)

    async def extend(self, number: str, actor: Actor, reason: str, due_on: date, approved_by: str = "") -> CaseState:
        return self._do("extend", number, actor, reason, due_on, approved_by)


@dataclass
class FakeDesk:
    """The look-ups the desk's actions make before asking anything."""

    calls: Calls
    ctx: Any
    prepared: dict[str, str] = field(default_factory=dict)  # case → the feedback text written at closure
    summaries: dict[str, Summary] = field(default_factory=dict)

    async def summary(self, actor: Actor, number: str, action: Action = Action.ADD_NOTE) -> Summary:
        return self.summaries.get(number) or Summary(number)

    async def prepared_feedback(self, actor: Actor, number: str) -> str | None:
        return self.prepared.get(number)

    async def review_decision(self, actor: Actor, number: str) -> tuple[str, str] | None:
        return None  # a challenge waits: decided in tests/bot/test_review.py

    async def card(self, actor: Actor, number: str, with_identity: bool = False) -> Any:
        raise CaseUnavailable("view", actor.label())

    async def resolve(self, actor: Actor, ref: str) -> str:
        return ref

    async def inbox(self, actor: Actor, page: int = 0) -> Any:
        return SimpleNamespace(total=0, items=[], page=0, pages=1)  # no cases: the tests' cases are elsewhere


@dataclass
class FakeUrgentDesk:
    """Urgent messages as the officer's flows act on them: each action is recorded on the item's history."""

    calls: Calls
    ctx: Any
    items: dict[int, UrgentItem] = field(default_factory=dict)

    def raised(self, note_id: int, text: str) -> None:
        self.items[note_id] = UrgentItem(note_id, self.ctx.now(), text, None, None, False, True)

    def _event(self, actor: Actor, note_id: int, action: str, text: str, closed: bool = False) -> None:
        item = self.items[note_id]
        events = (*item.events, UrgentEvent(self.ctx.now(), actor.name, action, text))
        self.items[note_id] = replace(item, events=events, handled=True, closed_at=self.ctx.now() if closed else None,
                                      closed_by=actor.name if closed else None)  # fmt: skip
        self.calls.append((f"urgent.{action}", note_id, text))

    async def visible(self, actor: Actor) -> bool:
        return True

    async def open_items(self, actor: Actor) -> list[UrgentItem]:
        return [i for i in self.items.values() if i.closed_at is None]

    async def reply(self, actor: Actor, note_id: int, text: str) -> None:
        self._event(actor, note_id, "reply", text)

    async def add_note(self, actor: Actor, note_id: int, text: str) -> None:
        self._event(actor, note_id, "note", text)

    async def close(self, actor: Actor, note_id: int, text: str) -> None:
        self._event(actor, note_id, "close", text, closed=True)

    async def item(self, actor: Actor, note_id: int) -> UrgentItem:
        return self.items[note_id]


@dataclass
class FakeApprovals:
    """Requests waiting for a leader (core.services.approvals): listed, approved, declined, each recorded."""

    calls: Calls
    ctx: Any
    items: dict[int, ApprovalView] = field(default_factory=dict)

    def requested(self, request_id: int, number: str, action: Action, method: DisposalMethod | None = None) -> None:
        self.items[request_id] = ApprovalView(request_id, number, action.value, ApprovalState.PENDING.value,
                                              method.value if method else None, "建议初步核实", "王办案",
                                              self.ctx.now())  # fmt: skip

    async def pending(self, actor: Actor) -> list[ApprovalView]:
        return [a for a in self.items.values() if a.state == ApprovalState.PENDING.value and is_leader(actor.roles)]

    async def request(self, request_id: int, actor: Actor) -> ApprovalView:
        item = self.items.get(request_id)
        if item is None or item.state != ApprovalState.PENDING.value:
            raise GuardFailed("approve", ["guard.approval_not_pending"])
        return item

    def _decide(self, request_id: int, state: ApprovalState) -> None:
        self.items[request_id] = replace(self.items[request_id], state=state.value)

    async def approve(self, request_id: int, actor: Actor) -> CaseState:
        await self.request(request_id, actor)
        self._decide(request_id, ApprovalState.APPROVED)
        self.calls.append(("approvals.approve", request_id, actor.name))
        return CaseState.DISPOSAL

    async def decline(self, request_id: int, actor: Actor, reason: str) -> str:
        item = await self.request(request_id, actor)
        self._decide(request_id, ApprovalState.DECLINED)
        self.calls.append(("approvals.decline", request_id, actor.name, reason))
        return item.number


class OfficerFakes:
    """Everything OfficerDesk needs (bot.dialogs.officer.OfficerServices) for its input flows."""

    def __init__(self, citizen: CitizenFakes) -> None:
        self.calls = citizen.calls
        self.cases = FakeCases(self.calls)
        self.desk = FakeDesk(self.calls, citizen.ctx)
        self.urgent = FakeUrgentDesk(self.calls, citizen.ctx)
        self.approvals = FakeApprovals(self.calls, citizen.ctx)
        self.store, self.officers, self.messaging = citizen.store, citizen.officers, citizen.messaging
