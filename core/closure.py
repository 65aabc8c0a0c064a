"""The closure checklist ("五个不收", rules.md §7.1): a conclusion is refused unless all five items hold."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.model import Finding


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
    leader_signoff: str = ""  # name of the approving leader, §7.1 item 5
    feedback_text: str = ""  # required for named reports, ready for D4 (§7.1 item 5)
    summary: str = ""
    extra: dict[str, str] = field(default_factory=dict)


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
    if not (report.collective_discussion and report.leader_signoff.strip()):
        problems.append("closure.procedure_complete")  # 手续完备
    if named and not report.feedback_text.strip():
        problems.append("closure.feedback_ready")  # 手续完备: feedback text ready for D4
    return problems
