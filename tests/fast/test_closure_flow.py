"""The conclude flow when the facts were not confirmed (rules.md §10.4, issue 15 item 10), fast: whether the person
reported is cleared and what the report was are asked with buttons, a suspected 诬告 asks to whom it is referred,
and confirmed facts ask none of it. Through the real runtimes: tests/bot/test_closure_clearing.py."""

from __future__ import annotations

from core.errors import GuardFailed
from core.model import Action, Clearing, ReportAssessment

from .fakes_officer import Summary
from .test_officer_flows import NUMBER, Officer, act, officer  # noqa: F401  (the fixture)

REFERRAL = "市纪委监委案件审理室"


async def to_the_action_taken(officer: Officer, finding: str) -> list[str]:  # noqa: F811
    await officer.button(act(Action.CONCLUDE))
    await officer.say("村支书虚报低保")
    await officer.tap(finding)
    await officer.say("低保档案；入户走访笔录")
    await officer.say("无")
    return await officer.say("对被反映人予以澄清")


def buttons(officer: Officer) -> list[str]:  # noqa: F811
    return [str(b.value) for r in officer.shown for row in r.buttons for b in row]


async def test_untrue_facts_ask_clearing_and_assessment_and_a_suspicion_its_referral(officer: Officer) -> None:  # noqa: F811
    assert await to_the_action_taken(officer, "untrue") == ["officer.ask_clearing"]
    assert buttons(officer) == ["cleared", "not_needed"]
    assert await officer.tap("cleared") == ["officer.ask_assessment"]
    assert buttons(officer) == ["good_faith", "mistaken", "suspected_false"]
    assert await officer.tap("suspected_false") == ["officer.ask_referral"]
    assert await officer.say(REFERRAL) == ["officer.ask_collective"]
    await officer.tap("yes")
    assert await officer.say("经核查，您反映的问题未查实。") == ["officer.done"]
    [(_number, _who, report)] = officer.calls("conclude")
    assert (report.clearing, report.assessment, report.referred_to) == (
        Clearing.CLEARED, ReportAssessment.SUSPECTED_FALSE, REFERRAL)  # fmt: skip


async def test_what_could_not_be_verified_is_never_suspected_of_false_accusation(officer: Officer) -> None:  # noqa: F811
    officer.fakes.desk.summaries[NUMBER] = Summary(NUMBER, named=False)
    assert await to_the_action_taken(officer, "unverifiable") == ["officer.ask_clearing"]
    await officer.tap("not_needed")
    assert buttons(officer) == ["good_faith", "mistaken"]  # 诬告 is fabrication: not offered
    assert await officer.tap("mistaken") == ["officer.ask_collective"]  # no referral for an honest mistake
    assert await officer.tap("yes") == ["officer.done"]
    report = officer.calls("conclude")[0][2]
    assert (report.clearing, report.assessment, report.referred_to) == (
        Clearing.NOT_NEEDED, ReportAssessment.MISTAKEN, "")  # fmt: skip


async def test_confirmed_facts_ask_no_clearing(officer: Officer) -> None:  # noqa: F811
    assert await to_the_action_taken(officer, "partly_true") == ["officer.ask_collective"]
    await officer.tap("yes")
    assert await officer.say("经核查，部分属实，已责令整改。") == ["officer.done"]
    report = officer.calls("conclude")[0][2]
    assert (report.clearing, report.assessment, report.referred_to) == (None, None, "")


async def test_a_refusal_asks_again_only_the_referral_or_the_feedback(officer: Officer) -> None:  # noqa: F811
    await to_the_action_taken(officer, "untrue")
    await officer.tap("cleared")
    await officer.tap("suspected_false")
    await officer.say(REFERRAL)
    await officer.tap("yes")
    officer.fakes.cases.refuse["conclude"] = GuardFailed("conclude", ["closure.feedback_accuses"])
    assert await officer.say("经核查，属于诬告。") == ["officer.closure_missing", "officer.ask_feedback_text"]
    officer.fakes.cases.refuse["conclude"] = GuardFailed("conclude", ["closure.referral_required"])
    assert await officer.say("经核查，您反映的问题未查实。") == ["officer.closure_missing", "officer.ask_referral"]
    assert await officer.say("案件审理室") == ["officer.done"]
    report = officer.calls("conclude")[-1][2]
    assert report.referred_to == "案件审理室" and report.feedback_text == "经核查，您反映的问题未查实。"
    assert report.clearing is Clearing.CLEARED  # kept: not asked again
