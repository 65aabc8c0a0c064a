"""Every deadline of rules.md §2 in one table, with the rule it comes from, and the arithmetic to place it.

The workflow opens and closes deadlines by kind; the due date is computed here from the trigger date and the
working-day calendar, so a change of calendar data can recompute it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from core.calendar.workdays import WorkCalendar


class PeriodUnit(StrEnum):
    WORKING_DAYS = "wd"  # Chinese working days, make-up workdays included
    DAYS = "d"  # calendar days (XF writes "日"), rolled to a working day at the end (民法典 Art 203)
    MONTHS = "months"
    QUARTER = "quarter"  # periodic duty at the end of each calendar quarter, not tied to one case


class DeadlineKind(StrEnum):
    TRANSFER_UP = "transfer_up"  # D1
    TRANSFER_RECEIVED = "transfer_received"  # D2
    ACCEPTANCE_NOTICE = "acceptance_notice"  # D3
    RESULT_FEEDBACK = "result_feedback"  # D4
    QUARTERLY_REPORT = "quarterly_report"  # D5
    LETTER_REPLY = "letter_reply"  # D6
    REGISTER_AND_ROUTE = "register_and_route"  # D7
    RECEIPT_NOTICE = "receipt_notice"  # D8
    MISROUTED_OBJECTION = "misrouted_objection"  # D9
    WRITTEN_OPINION = "written_opinion"  # D10
    OPINION_EXTENSION = "opinion_extension"  # D11
    REVIEW_ANSWER = "review_answer"  # D12
    RECHECK_ANSWER = "recheck_answer"  # D13
    SUPERVISION_APPEAL = "supervision_appeal"  # D14
    ASSIGNED_BY_HIGHER = "assigned_by_higher"  # D15
    TRANSFER_RESULT = "transfer_result"  # §10.3: the sender's due date for a transferred case's result (报结)
    PARK_REVIEW = "park_review"  # review of a 暂存待查 case (rules.md §7 "review periodically" [U])
    DISPOSAL_PROPOSAL = "disposal_proposal"  # an accepted report's first handling step (处置意见) [U], issue 20


#: Duties that end only with a 报结 (rules.md §10.3): the case cannot be archived while one is open.
REPORT_BACK = (DeadlineKind.ASSIGNED_BY_HIGHER, DeadlineKind.TRANSFER_RESULT)

#: How long a 暂存待查 case rests before its handler reviews it: the office's choice [U] (rules.md §7).
PARK_REVIEW_MONTHS = 3

#: How long an accepted report may wait for its handling to be decided (处置意见: a disposal method, an appeal's
#: decision, a suggestion's answer): the office's choice [U]. The rules set no period for it (rules.md §1
#: ``assigned`` → ``disposal``), so without it an accepted report whose handler never acts fell due nowhere and
#: nobody was reminded (found by the year's simulation, issue 20).
DISPOSAL_PROPOSAL_MONTHS = 1


@dataclass(frozen=True)
class DeadlineSpec:
    kind: DeadlineKind
    ref: str  # row of rules.md §2
    length: int
    unit: PeriodUnit
    rule: str  # citation as rules.md gives it, with its confidence tag
    duty: str  # short English description for operators; citizens see the locale text


#: rules.md §2, row by row.
DEADLINES: dict[DeadlineKind, DeadlineSpec] = {
    s.kind: s
    for s in (
        DeadlineSpec(
            DeadlineKind.TRANSFER_UP,
            "D1",
            5,
            PeriodUnit.WORKING_DAYS,
            "R-15 [C]",
            "send a report that belongs to a higher commission to its 信访举报部门",
        ),
        DeadlineSpec(
            DeadlineKind.TRANSFER_RECEIVED,
            "D2",
            5,
            PeriodUnit.WORKING_DAYS,
            "R-16 [C]",
            "register a transferred report, then accept or re-route it",
        ),
        DeadlineSpec(
            DeadlineKind.ACCEPTANCE_NOTICE,
            "D3",
            15,
            PeriodUnit.WORKING_DAYS,
            "R-26? [S]",
            "tell a named reporter the 受理情况 (from receipt; not for repeats)",
        ),
        DeadlineSpec(
            DeadlineKind.RESULT_FEEDBACK,
            "D4",
            15,
            PeriodUnit.WORKING_DAYS,
            "R-28? [S]",
            "feed the result back to a named reporter and record it",
        ),
        DeadlineSpec(
            DeadlineKind.QUARTERLY_REPORT,
            "D5",
            1,
            PeriodUnit.QUARTER,
            "R-18 [C]",
            "report concluded results to intake at each quarter's end",
        ),
        DeadlineSpec(
            DeadlineKind.LETTER_REPLY,
            "D6",
            15,
            PeriodUnit.WORKING_DAYS,
            "JD [S], number [U]",
            "written explanation due after a 函询 letter is received",
        ),
        DeadlineSpec(
            DeadlineKind.REGISTER_AND_ROUTE,
            "D7",
            15,
            PeriodUnit.DAYS,
            "XF-22 [C]",
            "register and route a received 信访",
        ),
        DeadlineSpec(
            DeadlineKind.RECEIPT_NOTICE,
            "D8",
            15,
            PeriodUnit.DAYS,
            "XF-23 [C]",
            "written notice of receipt, route and procedure",
        ),
        DeadlineSpec(
            DeadlineKind.MISROUTED_OBJECTION,
            "D9",
            5,
            PeriodUnit.WORKING_DAYS,
            "XF-23 [C]",
            "object to a misrouted transfer, with reasons",
        ),
        DeadlineSpec(
            DeadlineKind.WRITTEN_OPINION,
            "D10",
            60,
            PeriodUnit.DAYS,
            "XF-34 [C]",
            "conclude an accepted 申诉求决 matter with a written opinion",
        ),
        DeadlineSpec(
            DeadlineKind.OPINION_EXTENSION,
            "D11",
            30,
            PeriodUnit.DAYS,
            "XF-34 [C]",
            "extension of D10 for complex matters, reasons told to the 信访人",
        ),
        DeadlineSpec(DeadlineKind.REVIEW_ANSWER, "D12", 30, PeriodUnit.DAYS, "XF-35 [C]", "answer a 复查 request"),
        DeadlineSpec(
            DeadlineKind.RECHECK_ANSWER,
            "D13",
            30,
            PeriodUnit.DAYS,
            "XF-36 [C]",
            "answer a 复核 request (hearings not counted)",
        ),
        DeadlineSpec(
            DeadlineKind.SUPERVISION_APPEAL,
            "D14",
            1,
            PeriodUnit.MONTHS,
            "JC-69 [C]",
            "decide a 申诉 against 监察 measures",
        ),
        DeadlineSpec(
            DeadlineKind.ASSIGNED_BY_HIGHER,
            "D15",
            6,
            PeriodUnit.MONTHS,
            "[U] seed work plan",
            "conclude and report back a matter 交办 by a higher commission",
        ),
        DeadlineSpec(
            DeadlineKind.TRANSFER_RESULT,
            "§10.3",
            6,
            PeriodUnit.MONTHS,
            "[U] seed 003 篇五 跟踪督办至结案; period as D15",
            "receive the result (报结) of a case transferred down or out; chase it (催办) before",
        ),
        # The office's choice [U]: rules.md §7 says only "review periodically"; the length is this setting.
        DeadlineSpec(
            DeadlineKind.PARK_REVIEW,
            "§7",
            PARK_REVIEW_MONTHS,
            PeriodUnit.MONTHS,
            "§7 暂存待查 [U] office's choice",
            "review a parked (暂存待查) case: resume it, or keep it parked until the next review",
        ),
        DeadlineSpec(
            DeadlineKind.DISPOSAL_PROPOSAL,
            "§1",
            DISPOSAL_PROPOSAL_MONTHS,
            PeriodUnit.MONTHS,
            "§1 assigned→disposal [U] office's choice",
            "decide how an accepted report is handled (处置意见): assign it, then propose its disposal",
        ),
    )
}


def due_date(kind: DeadlineKind, trigger: date, cal: WorkCalendar) -> date:
    """When a deadline of ``kind`` triggered on ``trigger`` falls due (the trigger day is not counted)."""
    spec = DEADLINES[kind]
    if spec.unit is PeriodUnit.WORKING_DAYS:
        return cal.add_working_days(trigger, spec.length)
    if spec.unit is PeriodUnit.DAYS:
        return cal.add_days(trigger, spec.length)
    if spec.unit is PeriodUnit.MONTHS:
        return cal.add_months(trigger, spec.length)
    # QUARTER: due on the first working day after the calendar quarter that contains the trigger ends.
    next_quarter = (trigger.month - 1) // 3 * 3 + 4
    first = date(trigger.year + 1, 1, 1) if next_quarter > 12 else date(trigger.year, next_quarter, 1)
    return cal.roll_to_workday(first)
