"""澄清 and 错告/诬告 at closure (rules.md §4.2, §10.4; issue 15 item 10): the guards of core.closure, and what the
workflow makes of a suspected 诬告 (an officer notice, nothing for the reporter)."""

from __future__ import annotations

import pytest

from core.closure import (
    AllegationFinding,
    ClosureReport,
    accuses_reporter,
    clearing_problems,
    closure_problems,
    facts_confirmed,
)
from core.errors import GuardFailed
from core.model import Action, CaseState, Clearing, Finding, ReportAssessment
from core.workflow import ActionInput, Decision, OfficerTarget, decide
from tests.unit.helpers import HANDLER, good_closure, snapshot

S, A = CaseState, Action
UNTRUE = (AllegationFinding("收受礼金", Finding.UNTRUE, ("银行流水", "询问笔录")),)
UNVERIFIABLE = (AllegationFinding("公车私用", Finding.UNVERIFIABLE),)
NOT_CONFIRMED = "经核查，您反映的问题未查实。"


def unconfirmed(**changes: object) -> ClosureReport:
    base: dict[str, object] = {"findings": UNTRUE, "violation": "无", "action_taken": "澄清正名",
                               "feedback_text": NOT_CONFIRMED}  # fmt: skip
    return good_closure(**{**base, **changes})


def conclude(report: ClosureReport, *, named: bool = True) -> Decision:
    return decide(snapshot(S.DISPOSAL, named=named), A.CONCLUDE, HANDLER, ActionInput(closure=report))


@pytest.mark.parametrize(("findings", "confirmed"), [
    ((AllegationFinding("a", Finding.TRUE, ("x",)),), True),
    ((AllegationFinding("a", Finding.PARTLY_TRUE, ("x",)), AllegationFinding("b", Finding.UNTRUE, ("y",))), True),
    (UNTRUE, False), (UNVERIFIABLE, False), (UNTRUE + UNVERIFIABLE, False),
])  # fmt: skip
def test_facts_are_confirmed_when_any_allegation_is_true_or_partly_true(
    findings: tuple[AllegationFinding, ...], confirmed: bool
) -> None:
    assert facts_confirmed(good_closure(findings=findings)) is confirmed


def test_unconfirmed_facts_need_the_clearing_and_the_assessment() -> None:
    assert closure_problems(unconfirmed(), named=True) == ["closure.clearing_required", "closure.assessment_required"]
    assert clearing_problems(unconfirmed(clearing=Clearing.CLEARED)) == ["closure.assessment_required"]
    assert clearing_problems(unconfirmed(assessment=ReportAssessment.MISTAKEN)) == ["closure.clearing_required"]
    with pytest.raises(GuardFailed) as exc:
        conclude(unconfirmed(findings=UNVERIFIABLE))
    assert exc.value.problems == ["closure.clearing_required", "closure.assessment_required"]


@pytest.mark.parametrize("clearing", list(Clearing), ids=str)
@pytest.mark.parametrize("assessment", [ReportAssessment.GOOD_FAITH, ReportAssessment.MISTAKEN], ids=str)
def test_good_faith_and_mistaken_reports_pass_without_a_referral_or_a_notice(
    clearing: Clearing, assessment: ReportAssessment
) -> None:
    for findings in (UNTRUE, UNVERIFIABLE):
        report = unconfirmed(findings=findings, clearing=clearing, assessment=assessment)
        decision = conclude(report)
        assert decision.target is S.CONCLUDED and decision.officer_notices == ()
    refused = unconfirmed(clearing=clearing, assessment=assessment, referred_to="案件审理室")
    assert clearing_problems(refused) == ["closure.referral_not_applicable"]  # only a suspected 诬告 is referred


def test_a_suspected_false_accusation_needs_a_referral_and_an_untrue_finding() -> None:
    suspected = unconfirmed(clearing=Clearing.CLEARED, assessment=ReportAssessment.SUSPECTED_FALSE)
    assert clearing_problems(suspected) == ["closure.referral_required"]
    assert clearing_problems(unconfirmed(clearing=Clearing.CLEARED, assessment=ReportAssessment.SUSPECTED_FALSE,
                                         referred_to="   ")) == ["closure.referral_required"]  # fmt: skip
    # 诬告 is fabrication: what could not be verified is no ground for the suspicion
    unverifiable = unconfirmed(findings=UNVERIFIABLE, clearing=Clearing.NOT_NEEDED,
                               assessment=ReportAssessment.SUSPECTED_FALSE, referred_to="案件审理室")  # fmt: skip
    assert clearing_problems(unverifiable) == ["closure.suspicion_needs_untrue"]


def test_a_suspected_false_accusation_is_referred_through_the_intake_never_told_to_the_reporter() -> None:
    report = unconfirmed(clearing=Clearing.CLEARED, assessment=ReportAssessment.SUSPECTED_FALSE,
                         referred_to="市纪委监委案件审理室")  # fmt: skip
    decision = conclude(report)
    assert decision.target is S.CONCLUDED
    assert decision.officer_notices == ((OfficerTarget.UNIT_INTAKE, "notify.officer.false_report_referred"),)
    assert decision.reporter_notice == "notify.reporter.status"  # the coarse status only: "concluded"
    anonymous = conclude(unconfirmed(clearing=Clearing.CLEARED, assessment=ReportAssessment.SUSPECTED_FALSE,
                                     referred_to="案件审理室", feedback_text=""), named=False)  # fmt: skip
    assert anonymous.officer_notices == decision.officer_notices


@pytest.mark.parametrize("given", [
    {"clearing": Clearing.CLEARED}, {"assessment": ReportAssessment.MISTAKEN}, {"referred_to": "案件审理室"},
])  # fmt: skip
def test_confirmed_facts_refuse_a_clearing_or_an_assessment(given: dict[str, object]) -> None:
    report = good_closure(**given)  # partly true
    assert closure_problems(report, named=True) == ["closure.clearing_not_applicable"]
    with pytest.raises(GuardFailed) as exc:
        conclude(report)
    assert exc.value.problems == ["closure.clearing_not_applicable"]


@pytest.mark.parametrize("text", [
    "经核查，您反映的问题不属实，属于错告。", "经核查，您涉嫌诬告他人，已移交处理。",
    "Your report was a false accusation.", "We found you Falsely accused him.", "This was a mistaken report.",
])  # fmt: skip
def test_feedback_never_speaks_of_false_or_mistaken_accusation(text: str) -> None:
    assert accuses_reporter(text)
    report = unconfirmed(clearing=Clearing.CLEARED, assessment=ReportAssessment.MISTAKEN, feedback_text=text)
    assert closure_problems(report, named=True) == ["closure.feedback_accuses"]
    with pytest.raises(GuardFailed) as exc:  # nor when the feedback is sent, edited
        decide(snapshot(S.CONCLUDED), A.GIVE_FEEDBACK, HANDLER, ActionInput(feedback_text=text))
    assert exc.value.problems == ["guard.feedback_accuses"]


@pytest.mark.parametrize("text", [NOT_CONFIRMED, "经核查，反映的问题不属实，已对被反映人予以澄清。",
                                  "The matter you reported was not confirmed."])  # fmt: skip
def test_saying_the_facts_were_not_confirmed_is_allowed(text: str) -> None:
    assert not accuses_reporter(text)
    decision = decide(snapshot(S.CONCLUDED), A.GIVE_FEEDBACK, HANDLER, ActionInput(feedback_text=text))
    assert decision.target is S.FEEDBACK_GIVEN
