"""In-memory fakes behind the officer desk's input flows (bot.dialogs.env.OfficerEnv and the desk's look-ups):
each case action is recorded and answered as the core would, and a refusal can be set up per action
(``refuse["conclude"] = GuardFailed(...)``). Case cards are the end-to-end tier's (tests/bot/test_officer*.py):
here the card after an action is left out, as for a case out of the officer's hands."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from core.actor import Actor
from core.closure import ClosureReport
from core.errors import CaseUnavailable, DomainError
from core.model import Action, AppealOutcome, CaseState, DisposalMethod, ReferTo, ReportType, SuggestionOutcome
from core.services.urgent import UrgentEvent, UrgentItem

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
        self, number: str, actor: Actor, method: DisposalMethod, note: str = "", approved_by: str = ""
    ) -> CaseState:
        return self._do("dispose", number, actor, method, note, approved_by)

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
        self, number: str, actor: Actor, outcome: AppealOutcome, reasons: str, approved_by: str = ""
    ) -> CaseState:
        return self._do("decide_appeal", number, actor, outcome, reasons, approved_by)

    async def answer_suggestion(
        self, number: str, actor: Actor, outcome: SuggestionOutcome, reply: str, approved_by: str = ""
    ) -> CaseState:
        return self._do("answer_suggestion", number, actor, outcome, reply, approved_by)

    async def return_to_intake(self, number: str, actor: Actor, reason: str, approved_by: str = "") -> CaseState:
        return self._do("return_to_intake", number, actor, reason, approved_by)

    async def chase(self, number: str, actor: Actor, note: str) -> CaseState:
        return self._do("chase", number, actor, note)

    async def report_result(self, number: str, actor: Actor, result: str) -> CaseState:
        return self._do("report_result", number, actor, result)

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

    async def card(self, actor: Actor, number: str, with_identity: bool = False) -> Any:
        raise CaseUnavailable("view", actor.label())

    async def resolve(self, actor: Actor, ref: str) -> str:
        return ref


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

    async def reply(self, actor: Actor, note_id: int, text: str) -> None:
        self._event(actor, note_id, "reply", text)

    async def add_note(self, actor: Actor, note_id: int, text: str) -> None:
        self._event(actor, note_id, "note", text)

    async def close(self, actor: Actor, note_id: int, text: str) -> None:
        self._event(actor, note_id, "close", text, closed=True)

    async def item(self, actor: Actor, note_id: int) -> UrgentItem:
        return self.items[note_id]


class OfficerFakes:
    """Everything OfficerDesk needs (bot.dialogs.officer.OfficerServices) for its input flows."""

    def __init__(self, citizen: CitizenFakes) -> None:
        self.calls = citizen.calls
        self.cases = FakeCases(self.calls)
        self.desk = FakeDesk(self.calls, citizen.ctx)
        self.urgent = FakeUrgentDesk(self.calls, citizen.ctx)
        self.store, self.officers, self.messaging = citizen.store, citizen.officers, citizen.messaging
