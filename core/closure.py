"""The closure checklist ("五个不收", rules.md §7.1): a conclusion is refused unless all five items hold.

When the facts were not confirmed, a conclusion also says whether the person reported is cleared (澄清正名) and
what the report was: made in good faith, 错告 (an honest mistake) or suspected 诬告, which this office only records
and refers to whoever handles it (rules.md §4.2, §10.4; 000 item 7: finding 诬告 needs 地市级 approval). None of
this reaches the reporter: the feedback never speaks of a false accusation (§4.2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.model import Clearing, Finding, ReportAssessment


@dataclass(frozen=True)
class AllegationFinding:
    """One allegation answered with a finding and the evidence behind it (§7.1 items 1–2)."""

    allegation: str
    finding: Finding
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClosureReport:
    """What a handler submits to conclude a case."""

    findings: tuple[AllegationFinding, ...]
    violation: str  # the rule violated, or "none" (§7.1 item 3)
    action_taken: str  # sanction, 谈话提醒, clearing, none (§7.1 item 4)
    collective_discussion: bool = False  # §7.1 item 5
    leader_signoff: str = ""  # the approving leader (§7.1 item 5): filled from the recorded approval, not typed
    feedback_text: str = ""  # required for named reports, ready for D4 (§7.1 item 5)
    summary: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    # facts not confirmed only (rules.md §10.4): 澄清正名, and what the report was; a 诬告 suspicion's referral
    clearing: Clearing | None = None
    assessment: ReportAssessment | None = None
    referred_to: str = ""  # the body or department a suspected 诬告 is referred to (e.g. 案件审理室)


def closure_from_record(d: dict[str, Any]) -> ClosureReport:
    """A closure report from its stored form (``dataclasses.asdict``, JSON): an approval request carries one."""
    findings = tuple(AllegationFinding(f["allegation"], Finding(f["finding"]), tuple(f.get("evidence", ())))
                     for f in d.get("findings", ()))  # fmt: skip
    return ClosureReport(
        findings=findings, violation=d.get("violation", ""), action_taken=d.get("action_taken", ""),
        collective_discussion=bool(d.get("collective_discussion")), leader_signoff=d.get("leader_signoff", ""),
        feedback_text=d.get("feedback_text", ""), summary=d.get("summary", ""), extra=dict(d.get("extra") or {}),
        clearing=Clearing(d["clearing"]) if d.get("clearing") else None,
        assessment=ReportAssessment(d["assessment"]) if d.get("assessment") else None,
        referred_to=d.get("referred_to", ""),
    )  # fmt: skip


#: Findings that confirm (some of) the facts; any other conclusion leaves them unconfirmed.
CONFIRMING = frozenset({Finding.TRUE, Finding.PARTLY_TRUE})

#: Words a reporter is never told (rules.md §4.2): whatever the office recorded, feedback does not accuse.
#: ("不属实"/"not confirmed" is the finding, and may be said.)
ACCUSING_WORDS = ("诬告", "错告", "false accusation", "falsely accus", "false report", "mistaken report",
                  "wrongly accus")  # fmt: skip


def facts_confirmed(report: ClosureReport) -> bool:
    """Whether any allegation was found true or partly true (rules.md §7.1 item 1)."""
    return any(f.finding in CONFIRMING for f in report.findings)


def suspected_false(report: ClosureReport | None) -> bool:
    """A suspected 诬告 to refer (rules.md §10.4): the office's intake is told, and it is counted."""
    return report is not None and report.assessment is ReportAssessment.SUSPECTED_FALSE


def accuses_reporter(text: str) -> bool:
    """Whether a text for the reporter speaks of false or mistaken accusation (rules.md §4.2)."""
    lowered = text.lower()
    return any(w in lowered for w in ACCUSING_WORDS)


def clearing_problems(report: ClosureReport) -> list[str]:
    """澄清 and 错告/诬告 (rules.md §10.4): required when the facts were not confirmed, refused when they were."""
    if not report.findings:
        return []  # 事实清楚 fails first
    if facts_confirmed(report):
        given = report.clearing is not None or report.assessment is not None or report.referred_to.strip()
        return ["closure.clearing_not_applicable"] if given else []
    problems: list[str] = []
    if report.clearing is None:
        problems.append("closure.clearing_required")
    if report.assessment is None:
        problems.append("closure.assessment_required")
    elif report.assessment is ReportAssessment.SUSPECTED_FALSE:
        # 诬告 is fabrication: a suspicion needs an allegation found untrue, not merely unverifiable
        if not any(f.finding is Finding.UNTRUE for f in report.findings):
            problems.append("closure.suspicion_needs_untrue")
        if not report.referred_to.strip():
            problems.append("closure.referral_required")
    elif report.referred_to.strip():
        problems.append("closure.referral_not_applicable")  # only a suspected 诬告 is referred
    return problems


def closure_problems(report: ClosureReport, *, named: bool) -> list[str]:
    """Return the checklist items that fail, as stable keys (``closure.<item>``); empty means it passes."""
    problems: list[str] = []
    if not report.findings or any(not f.allegation.strip() for f in report.findings):
        problems.append("closure.facts_clear")  # 事实清楚
    if any(not f.evidence and f.finding is not Finding.UNVERIFIABLE for f in report.findings):
        problems.append("closure.evidence_sufficient")  # 证据充分
    if not report.violation.strip():
        problems.append("closure.characterisation")  # 定性准确
    if not report.action_taken.strip():
        problems.append("closure.action_appropriate")  # 处理恰当
    if not report.collective_discussion:  # the leader's sign-off is the conclusion's recorded approval (§10.2)
        problems.append("closure.procedure_complete")  # 手续完备
    if named and not report.feedback_text.strip():
        problems.append("closure.feedback_ready")  # 手续完备: feedback text ready for D4
    problems += clearing_problems(report)  # 处理恰当 includes clearing (§7.1 item 4, §10.4)
    if accuses_reporter(report.feedback_text):
        problems.append("closure.feedback_accuses")  # §4.2: the reporter is never told of false accusation
    return problems
