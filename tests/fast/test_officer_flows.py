"""Officers' input flows, fast: every flow an action starts, driven through the desk the runtimes drive
(bot.dialogs.officer.OfficerDesk) over recording fakes, asserting what the core was asked to do. Case cards,
access and the audit trail run end to end in tests/bot/test_officer*.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

import pytest

from bot.callbacks import (
    Act,
    Approve,
    ChooseMethod,
    Decline,
    Inbox,
    OfficerTap,
    OpenCase,
    UrgentInput,
    UrgentText,
    parse,
)
from bot.dialogs.engine import Event, EventKind, Label, Reply
from bot.dialogs.officer import OfficerDesk, OfficerServices
from core.actor import Actor, ActorKind
from core.errors import ApprovalRequested, GuardFailed, IllegalTransition
from core.model import Action, CaseState, DisposalMethod, ReferTo, Role

from .fakes import CitizenFakes
from .fakes_officer import OfficerFakes, Summary

CHAT = 1002
NUMBER = "XF-2026-000007"
HANDLER = Actor(ActorKind.OFFICER, officer_id=2, roles=frozenset({Role.HANDLER}), unit_id=2, name="王办案")
LEADER = Actor(ActorKind.OFFICER, officer_id=3, roles=frozenset({Role.SUPERVISOR}), unit_id=2, name="陈主任")


def act(action: Action, number: str = NUMBER) -> Act:
    """An action's button on the case card (built by the card, tested end to end)."""
    return Act(number, action)


@dataclass
class Officer:
    """One officer at the desk: taps and types, sees reply keys (the catalogue's wording is the e2e tier's)."""

    desk: OfficerDesk
    fakes: OfficerFakes
    actor: Actor = HANDLER
    shown: list[Reply] = field(default_factory=list)

    async def button(self, sent: OfficerTap) -> list[str]:
        tap = parse(sent.pack(), ())  # the button's data, read as the front reads them (bot.callbacks)
        assert tap == sent and isinstance(tap, get_args(OfficerTap))
        answer = await self.desk.button(CHAT, self.actor, tap)
        self.shown = answer.replies
        return [r.key for r in answer.replies]

    async def _event(self, event: Event) -> list[str]:
        answer = await self.desk.text(CHAT, self.actor, event)
        assert answer is not None, "no flow in progress"
        self.shown = answer.replies
        return [r.key for r in answer.replies]

    async def say(self, text: str) -> list[str]:
        return await self._event(Event(EventKind.TEXT, text=text))

    async def tap(self, value: str) -> list[str]:
        step = next(r.step for r in reversed(self.shown) if r.buttons)
        values = [b.value for r in self.shown for row in r.buttons for b in row]
        assert value in values, (value, values)
        return await self._event(Event(EventKind.CHOICE, value=value, step=step))

    async def cancel(self) -> list[str]:
        return await self._event(Event(EventKind.CANCEL))

    def calls(self, name: str) -> list[tuple[object, ...]]:
        return self.fakes.calls.of(f"cases.{name}")


@pytest.fixture
def officer(fakes: CitizenFakes) -> Officer:
    of = OfficerFakes(fakes)
    services = OfficerServices(of.desk, of.cases, of.officers, of.store, of.messaging, of.urgent, of.approvals, None)  # type: ignore[arg-type]
    return Officer(OfficerDesk(services), of)


async def test_a_note_is_asked_for_then_added_and_the_flow_is_over(officer: Officer) -> None:
    assert await officer.button(act(Action.ADD_NOTE)) == ["officer.ask_note"]
    assert await officer.say("已电话联系举报人") == ["officer.done"]
    assert officer.calls("add_note") == [(NUMBER, "王办案", "已电话联系举报人")]
    assert await officer.desk.text(CHAT, HANDLER, Event(EventKind.TEXT, text="again")) is None  # nothing open


async def test_a_refusal_of_the_core_is_shown_and_the_flow_ends(officer: Officer) -> None:
    officer.fakes.cases.refuse["add_note"] = IllegalTransition(CaseState.ARCHIVED, "add_note")
    await officer.button(act(Action.ADD_NOTE))
    assert await officer.say("补充") == ["error.illegal_transition"]
    assert officer.calls("add_note") == []


async def test_cancel_in_the_middle_performs_nothing(officer: Officer) -> None:
    await officer.button(act(Action.ASK_REPORTER))
    assert await officer.cancel() == ["dialog.cancelled"]
    assert officer.fakes.calls.of("messaging.ask") == []


async def test_a_question_to_the_reporter_goes_through_messaging(officer: Officer) -> None:
    assert await officer.button(act(Action.ASK_REPORTER)) == ["officer.ask_question"]
    assert await officer.say("请问是哪两户？") == ["officer.asked"]
    assert officer.fakes.calls.of("messaging.ask") == [(NUMBER, "officer:2", "请问是哪两户？")]


async def test_a_handlers_disposal_becomes_a_request_a_leaders_is_done(officer: Officer) -> None:
    """No approver's name is asked (issue 15): the core turns the handler's step into a request to the leaders."""
    officer.fakes.cases.refuse["dispose"] = ApprovalRequested(NUMBER, Action.DISPOSE.value, 5)
    assert await officer.button(ChooseMethod(NUMBER, DisposalMethod.CLOSE)) == ["approval.requested"]
    assert officer.shown[0].params["number"] == NUMBER  # the step by its label, never its id
    assert officer.shown[0].params["action"] == Label("action.dispose")
    officer.actor = LEADER
    assert await officer.button(act(Action.PARK)) == ["officer.done"]  # the leader's own decision is the approval
    assert officer.calls("dispose") == [(NUMBER, "陈主任", DisposalMethod.PARK, "")]


async def test_a_leader_sees_the_request_first_in_the_inbox_and_approves_it(officer: Officer) -> None:
    officer.fakes.approvals.requested(5, NUMBER, Action.DISPOSE, DisposalMethod.PRELIMINARY_CHECK)
    officer.actor = LEADER
    keys = await officer.button(Inbox(0))
    assert keys[:2] == ["approval.inbox", "approval.item"]
    taps = [b.value for row in officer.shown[1].buttons for b in row]
    assert taps == [Approve(5), Decline(5), OpenCase(NUMBER)]
    assert await officer.button(Approve(5)) == ["approval.approved"]
    assert officer.fakes.calls.of("approvals.approve") == [(5, "陈主任")]
    assert await officer.button(Approve(5)) == ["officer.refused"]  # decided already: said, not done twice
    officer.actor = HANDLER
    assert (await officer.button(Inbox(0)))[:1] != ["approval.inbox"]  # a handler decides nothing


async def test_a_decline_asks_the_reason_and_a_cancel_declines_nothing(officer: Officer) -> None:
    officer.fakes.approvals.requested(6, NUMBER, Action.ARCHIVE)
    officer.actor = LEADER
    assert await officer.button(Decline(6)) == ["approval.ask_decline_reason"]
    assert await officer.cancel() == ["dialog.cancelled"]
    assert officer.fakes.calls.of("approvals.decline") == []
    await officer.button(Decline(6))
    assert await officer.say("反馈尚未送达举报人") == ["approval.declined"]
    assert officer.fakes.calls.of("approvals.decline") == [(6, "陈主任", "反馈尚未送达举报人")]


async def test_a_conclusion_refused_by_the_checklist_asks_only_what_is_missing(officer: Officer) -> None:
    await officer.button(act(Action.CONCLUDE))
    await officer.say("低保名额分配问题")
    await officer.tap("true")
    await officer.tap("__skip")  # no evidence references
    await officer.say("违反群众纪律")
    await officer.say("给予党内警告处分")
    await officer.tap("no")  # no collective discussion
    checklist = ["closure.evidence_sufficient", "closure.procedure_complete"]
    officer.fakes.cases.refuse["conclude"] = GuardFailed("conclude", checklist)
    assert await officer.say("经核查，问题属实。") == ["officer.closure_missing", "officer.ask_evidence_refs"]
    assert await officer.say("银行流水；会议记录") == ["officer.ask_collective"]  # the feedback was given: kept
    assert await officer.tap("yes") == ["officer.done"]
    [(number, who, report)] = officer.calls("conclude")
    assert (number, who) == (NUMBER, "王办案") and report.collective_discussion
    assert report.findings[0].evidence == ("银行流水", "会议记录") and report.leader_signoff == ""  # the approver's
    assert report.feedback_text == "经核查，问题属实。" and report.violation == "违反群众纪律"


async def test_an_anonymous_cases_conclusion_has_no_feedback_question(officer: Officer) -> None:
    officer.fakes.desk.summaries[NUMBER] = Summary(NUMBER, named=False)
    await officer.button(act(Action.CONCLUDE))
    for step in ("问题", "true", "__skip", "无", "无"):
        await (officer.tap(step) if step in ("true", "__skip") else officer.say(step))
    assert await officer.tap("yes") == ["officer.done"]  # no feedback asked; the leader signs off by approving
    assert officer.calls("conclude")[0][2].feedback_text == ""


async def test_prepared_feedback_is_sent_as_it_is_or_edited(officer: Officer) -> None:
    officer.fakes.desk.prepared[NUMBER] = "经核查，反映的问题属实。"
    assert await officer.button(act(Action.GIVE_FEEDBACK)) == ["officer.feedback_prepared"]
    assert await officer.tap("send") == ["officer.done"]
    await officer.button(act(Action.GIVE_FEEDBACK))
    assert await officer.tap("edit") == ["officer.ask_feedback"]
    await officer.say("经核查，反映的问题部分属实。")
    assert [c[2] for c in officer.calls("give_feedback")] == [
        "经核查，反映的问题属实。",
        "经核查，反映的问题部分属实。",
    ]


async def test_not_accepted_for_want_of_facts_and_referred_to_a_body(officer: Officer) -> None:
    assert await officer.button(act(Action.NOT_ACCEPT)) == ["officer.ask_refer_to"]
    await officer.tap("no_facts")
    assert await officer.say("未提供具体时间、地点") == ["officer.done"]
    await officer.button(act(Action.NOT_ACCEPT))
    await officer.tap(ReferTo.JUDICIAL.value)
    await officer.say("民间借贷纠纷")
    assert [c[2:] for c in officer.calls("refer")] == [(None, "未提供具体时间、地点", True),
                                                      (ReferTo.JUDICIAL, "民间借贷纠纷", False)]  # fmt: skip


async def test_a_duplicate_needs_a_well_formed_case_number(officer: Officer) -> None:
    assert await officer.button(act(Action.MARK_DUPLICATE)) == ["officer.ask_duplicate_of"]
    assert await officer.say("33") == ["invalid.case_number", "officer.ask_duplicate_of"]
    assert await officer.say("xf-2026-000003") == ["officer.done"]
    assert officer.calls("mark_duplicate") == [(NUMBER, "王办案", "XF-2026-000003", "")]


async def test_a_transfer_offers_the_other_units_and_the_note_may_be_skipped(officer: Officer) -> None:
    assert await officer.button(act(Action.TRANSFER_UP)) == ["officer.ask_unit"]
    buttons = [b for row in officer.shown[0].buttons for b in row]
    assert [b.label for b in buttons] == ["杭州市纪委监委", "西湖区纪委监委"]  # by name; not the case's own unit
    assert [b.value for b in buttons] == ["0", "1"]  # button data are indexes (bot/callbacks.py)
    await officer.tap("0")
    assert await officer.tap("__skip") == ["officer.done"]
    assert officer.calls("transfer") == [(NUMBER, "王办案", "HZ", "")]


async def test_a_return_to_intake_asks_the_reason_only(officer: Officer) -> None:
    officer.fakes.cases.refuse["return_to_intake"] = ApprovalRequested(NUMBER, Action.RETURN_TO_INTAKE.value, 7)
    await officer.button(act(Action.RETURN_TO_INTAKE))
    assert await officer.say("不属于本人承办范围") == ["approval.requested"]
    officer.actor = LEADER
    await officer.button(act(Action.RETURN_TO_INTAKE))
    assert await officer.say("需重新登记") == ["officer.done"]
    assert [c[2:] for c in officer.calls("return_to_intake")] == [("需重新登记",)]


async def test_urgent_messages_are_answered_noted_and_closed(officer: Officer) -> None:
    officer.fakes.urgent.raised(5, "有人要跳楼")
    assert await officer.button(UrgentText(UrgentInput.REPLY, 5)) == ["urgent.ask_reply"]
    assert await officer.say("已联系当地派出所") == ["urgent.replied", "urgent.card"]
    await officer.button(UrgentText(UrgentInput.NOTE, 5))
    await officer.say("派出所已到场")
    await officer.button(UrgentText(UrgentInput.CLOSE, 5))
    assert await officer.say("当事人安全") == ["urgent.closed", "urgent.card"]
    assert [c[0] for c in officer.fakes.calls if c[0].startswith("urgent.")] == ["urgent.reply", "urgent.note",
                                                                                 "urgent.close"]  # fmt: skip


# -- a leader's decision on a reporter's 不满意 or objection (rules.md §10.4) -----------------------------------
async def test_a_leader_sends_a_challenged_result_back_with_instructions(officer: Officer) -> None:
    officer.actor = LEADER
    assert await officer.button(act(Action.SEND_BACK)) == ["officer.ask_send_back"]
    assert await officer.say("请核实补助款是否仍在发放") == ["officer.done"]
    assert officer.calls("send_back") == [(NUMBER, "陈主任", "请核实补助款是否仍在发放")]


async def test_a_leader_confirms_a_challenged_result_with_a_reply(officer: Officer) -> None:
    officer.actor = LEADER
    assert await officer.button(act(Action.CONFIRM_RESULT)) == ["officer.ask_confirm_reply"]
    assert await officer.say(" ") == ["invalid.empty", "officer.ask_confirm_reply"]  # the reply is required
    assert await officer.say("经审核，原结论事实清楚，予以维持。") == ["officer.done"]
    assert officer.calls("confirm_result") == [(NUMBER, "陈主任", "经审核，原结论事实清楚，予以维持。")]
