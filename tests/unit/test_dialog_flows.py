"""Every flow's graph is checked when it is built: a target that is no step, a step nothing reaches, a computed
next step without its targets, and a step going where it did not declare are refused."""

from __future__ import annotations

import pytest

from bot.dialogs.addition import build_addition_flow
from bot.dialogs.engine import END, Conversation, Engine, Event, EventKind, Flow, FlowError, Outcome, Reply, Target
from bot.dialogs.filing import build_filing_flow
from bot.dialogs.ids import FlowName
from bot.dialogs.objection import build_objection_flow, build_reply_flow
from bot.dialogs.officer_approvals import approval_flows
from bot.dialogs.officer_flows import FLOW_FOR, officer_flows
from bot.dialogs.officer_urgent import FLOWS, urgent_flows
from bot.dialogs.status import build_status_flow
from bot.dialogs.steps import Choice, Text

YES = [("yes", "button.yes")]


def _keep(raw: str, c: Conversation) -> str:
    return raw


def test_every_real_flow_builds_and_every_flow_name_is_one() -> None:
    flows = [build_filing_flow(), build_status_flow(), build_objection_flow(), build_reply_flow(),
             build_addition_flow(), *officer_flows(), *urgent_flows(), *approval_flows()]  # fmt: skip
    names = [f.name for f in flows]
    assert sorted(names) == sorted(FlowName) and len(set(names)) == len(names)
    assert set(FLOW_FOR.values()) | {f for f, _ in FLOWS.values()} <= set(names)
    officer = {f.name: f for f in [*officer_flows(), *urgent_flows()]}
    # an officer's flow completes by an explicit end: some step of each declares it
    assert all(any(END in s.exits() for s in f.steps.values()) for f in officer.values())


def test_a_dangling_target_is_refused() -> None:
    with pytest.raises(FlowError, match="'b'"):
        Flow.of("t", [Choice(id="a", key="k", options=YES, next="b")])


def test_an_unreachable_step_is_refused() -> None:
    steps = [Choice(id="a", key="k", options=YES, next=END), Text(id="b", key="k", store="b", validate=_keep, next="a")]
    with pytest.raises(FlowError, match="reaches \\['b'\\]"):
        Flow.of("t", steps)


def test_a_step_id_used_twice_is_refused() -> None:
    with pytest.raises(FlowError, match="twice"):
        Flow.of("t", [Choice(id="a", key="k", options=YES, next=END), Choice(id="a", key="k", options=YES, next=END)])


def test_a_computed_next_step_must_list_its_targets() -> None:
    with pytest.raises(FlowError, match="targets"):
        Choice(id="a", key="k", options=YES, next=lambda c, v: "b")


def test_steps_are_built_with_keywords_only() -> None:
    with pytest.raises(TypeError):
        Choice("a", "k", YES, None, END)  # type: ignore[misc]


class _Rogue:
    """Declares one exit, takes another: the engine refuses it rather than wander off."""

    id = "a"

    def exits(self) -> frozenset[Target]:
        return frozenset({"b"})

    def prompt(self, c: Conversation) -> Reply:
        return Reply("k", {}, (), self.id)

    async def answer(self, c: Conversation, e: Event, env: object) -> Outcome:
        return Outcome(goto="c")


async def test_a_step_going_where_it_did_not_declare_is_refused() -> None:
    end = Choice(id="b", key="k", options=YES, next="c")
    flow = Flow.of("t", [_Rogue(), end, Choice(id="c", key="k", options=YES, next=END)])
    engine: Engine[object] = Engine([flow])
    c = Conversation("en")
    engine.start(c, "t")
    with pytest.raises(FlowError, match="does not declare"):
        await engine.turn(c, Event(EventKind.TEXT, text="x"), object())


async def test_a_completed_flow_hands_back_its_answers() -> None:
    flow = Flow.of("t", [Text(id="a", key="k", store="a", validate=_keep, next=END)])
    engine: Engine[object] = Engine([flow])
    c = Conversation("en")
    engine.start(c, "t", {"number": "XF-2026-000001"})
    turn = await engine.turn(c, Event(EventKind.TEXT, text="note"), object())
    assert turn.replies == [] and not c.flow
    assert turn.finished is not None and turn.finished.flow == "t"
    assert turn.finished.answers == {"number": "XF-2026-000001", "a": "note"}
