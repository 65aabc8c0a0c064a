"""Working-day calendar and due dates (rules.md §2; 民法典 Arts 201, 203).

Expected dates are counted by hand below, from the 2026 State Council holiday notice as chinesecalendar 1.11
carries it: 元旦 01-01..01-03 (make-up Sun 01-04), 春节 02-15..02-23 (make-up Sat 02-14 and Sat 02-28),
清明 04-04..04-06, 劳动节 05-01..05-05 (make-up Sat 05-09), 端午 06-19..06-21, 中秋 09-25..09-27
(make-up Sun 09-20), 国庆 10-01..10-07 (make-up Sat 10-10).
"""

from __future__ import annotations

import json
import logging
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

import core.calendar.workdays
from core.calendar.deadlines import DEADLINES, PeriodUnit, due_date
from core.calendar.deadlines import DeadlineKind as D
from core.calendar.workdays import WorkCalendar, YearSource, load_directory, load_year_file
from core.errors import InvalidInput

SPRING_HOLIDAY = [date(2026, 2, 15) + timedelta(days=i) for i in range(9)]  # 02-15 (Sun) .. 02-23 (Mon)
SPRING_MAKEUP = [date(2026, 2, 14), date(2026, 2, 28)]  # both Saturdays

# An operator file for 2027 (a year chinesecalendar 1.11 does not know), in the documented format.
FILE_2027 = {
    "year": 2027,
    "source": "测试用安排",
    "holidays": ["2027-01-01", "2027-02-05..2027-02-11"],  # Fri; Fri..Thu (5 weekdays, Sat 06, Sun 07)
    "workdays": ["2027-02-13"],  # Sat
}


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar()


def write_year(directory: Path, data: object, name: str = "2027.json") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- the 2026 data ---------------------------------------------------------------------------------------


def test_2026_agrees_with_chinese_calendar_day_by_day(cal: WorkCalendar) -> None:
    day = date(2026, 1, 1)
    while day.year == 2026:
        assert cal.is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_spring_festival_2026(cal: WorkCalendar) -> None:
    assert not any(cal.is_workday(d) for d in SPRING_HOLIDAY)
    assert all(cal.is_workday(d) and d.weekday() == 5 for d in SPRING_MAKEUP)
    assert all(chinese_calendar.is_holiday(d) for d in SPRING_HOLIDAY)
    assert all(chinese_calendar.is_workday(d) for d in SPRING_MAKEUP)
    assert cal.is_workday(date(2026, 2, 24))  # first day back


def test_national_day_2026(cal: WorkCalendar) -> None:
    assert not any(cal.is_workday(date(2026, 10, d)) for d in range(1, 8))
    assert cal.is_workday(date(2026, 10, 10))  # make-up Saturday
    assert not cal.is_workday(date(2026, 10, 11))  # ordinary Sunday


# --- working days ----------------------------------------------------------------------------------------


def test_15_working_days_across_national_day(cal: WorkCalendar) -> None:
    # From Mon 2026-09-28, trigger day not counted (Art 201):
    # 09-29 (1) 09-30 (2) | 10-01..10-07 holiday | 10-08 (3) 10-09 (4) 10-10 Sat make-up (5) | Sun 10-11 rest |
    # 10-12..10-16 (6-10) | 10-19..10-22 (11-14) 10-23 (15)
    assert cal.add_working_days(date(2026, 9, 28), 15) == date(2026, 10, 23)
    assert due_date(D.ACCEPTANCE_NOTICE, date(2026, 9, 28), cal) == date(2026, 10, 23)  # D3
    assert due_date(D.RESULT_FEEDBACK, date(2026, 9, 28), cal) == date(2026, 10, 23)  # D4
    assert due_date(D.LETTER_REPLY, date(2026, 9, 28), cal) == date(2026, 10, 23)  # D6


def test_15_working_days_across_spring_festival(cal: WorkCalendar) -> None:
    # From Tue 2026-02-10: 02-11 (1) 02-12 (2) 02-13 (3) 02-14 Sat make-up (4) | 02-15..02-23 holiday |
    # 02-24 (5) 02-25 (6) 02-26 (7) 02-27 (8) 02-28 Sat make-up (9) | Sun 03-01 rest |
    # 03-02..03-06 (10-14) | weekend | 03-09 (15)
    assert due_date(D.ACCEPTANCE_NOTICE, date(2026, 2, 10), cal) == date(2026, 3, 9)
    # Triggered on the first holiday day (Sun 02-15): 02-24..02-27 (1-4) 02-28 Sat (5) 03-02..03-06 (6-10)
    # 03-09..03-13 (11-15)
    assert due_date(D.RESULT_FEEDBACK, date(2026, 2, 15), cal) == date(2026, 3, 13)


def test_5_working_days_d1_d2(cal: WorkCalendar) -> None:
    # D1 from Mon 2026-09-28: 09-29 (1) 09-30 (2) 10-08 (3) 10-09 (4) 10-10 Sat make-up (5)
    assert due_date(D.TRANSFER_UP, date(2026, 9, 28), cal) == date(2026, 10, 10)
    # D2 from Thu 2026-02-12: 02-13 (1) 02-14 Sat make-up (2) | holiday | 02-24 (3) 02-25 (4) 02-26 (5)
    assert due_date(D.TRANSFER_RECEIVED, date(2026, 2, 12), cal) == date(2026, 2, 26)
    # D2 from Thu 2026-04-30: 05-01..05-05 holiday | 05-06 (1) 05-07 (2) 05-08 (3) 05-09 Sat make-up (4) |
    # Sun 05-10 | 05-11 (5)
    assert due_date(D.TRANSFER_RECEIVED, date(2026, 4, 30), cal) == date(2026, 5, 11)
    # Plain week, triggered on a Saturday: 03-09..03-13 (1-5)
    assert due_date(D.MISROUTED_OBJECTION, date(2026, 3, 7), cal) == date(2026, 3, 13)  # D9


def test_working_day_edge_cases(cal: WorkCalendar) -> None:
    assert cal.add_working_days(date(2026, 10, 1), 0) == date(2026, 10, 1)
    assert cal.add_working_days(date(2026, 10, 9), 1) == date(2026, 10, 10)  # Fri → make-up Sat
    with pytest.raises(InvalidInput):
        cal.add_working_days(date(2026, 1, 5), -1)


# --- calendar days (Art 203 roll) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "trigger", "expected"),
    [
        # 09-16 + 15 d = 10-01 (国庆) → next working day 10-08
        (D.REGISTER_AND_ROUTE, date(2026, 9, 16), date(2026, 10, 8)),
        # 02-05 + 15 d = 02-20 (春节) → 02-24
        (D.RECEIPT_NOTICE, date(2026, 2, 5), date(2026, 2, 24)),
        # 09-25 + 15 d = 10-10, a make-up Saturday: a working day, no roll
        (D.REGISTER_AND_ROUTE, date(2026, 9, 25), date(2026, 10, 10)),
        # 01-30 + 15 d = 02-14, a make-up Saturday: no roll
        (D.RECEIPT_NOTICE, date(2026, 1, 30), date(2026, 2, 14)),
        # 02-20 + 15 d = 03-07, an ordinary Saturday → Mon 03-09
        (D.REGISTER_AND_ROUTE, date(2026, 2, 20), date(2026, 3, 9)),
        # 03-02 + 15 d = Tue 03-17, a working day: unchanged
        (D.REGISTER_AND_ROUTE, date(2026, 3, 2), date(2026, 3, 17)),
        # D10 60 d: 08-02 + 29 = 08-31, + 31 = 10-01 (国庆) → 10-08
        (D.WRITTEN_OPINION, date(2026, 8, 2), date(2026, 10, 8)),
        # D12 30 d: 04-05 + 30 = 05-05 (劳动节) → 05-06
        (D.REVIEW_ANSWER, date(2026, 4, 5), date(2026, 5, 6)),
    ],
)
def test_calendar_day_periods_roll_past_rest_days(cal: WorkCalendar, kind: D, trigger: date, expected: date) -> None:
    assert DEADLINES[kind].unit is PeriodUnit.DAYS
    assert due_date(kind, trigger, cal) == expected


# --- months ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "trigger", "expected"),
    [
        # D14 1 month from 01-31 → clamped to 02-28; in 2026 that is a make-up Saturday, so no roll
        (D.SUPERVISION_APPEAL, date(2026, 1, 31), date(2026, 2, 28)),
        # 2021: 01-31 + 1 month → 02-28 is a Sunday → Mon 03-01
        (D.SUPERVISION_APPEAL, date(2021, 1, 31), date(2021, 3, 1)),
        # leap year: 2024-01-31 + 1 month → Thu 02-29
        (D.SUPERVISION_APPEAL, date(2024, 1, 31), date(2024, 2, 29)),
        # year wrap: 2025-12-31 + 1 month → Sat 2026-01-31 → Mon 02-02
        (D.SUPERVISION_APPEAL, date(2025, 12, 31), date(2026, 2, 2)),
        # D15 6 months: 04-01 → 10-01 (国庆) → 10-08
        (D.ASSIGNED_BY_HIGHER, date(2026, 4, 1), date(2026, 10, 8)),
        # D15 across the year and clamped: 2025-08-31 → 2026-02-31 → 02-28 (make-up Saturday)
        (D.ASSIGNED_BY_HIGHER, date(2025, 8, 31), date(2026, 2, 28)),
        # §10.3 the receiver's result of a case sent down (报结), six months as D15: 03-31 → 09-30 (a Wednesday)
        (D.TRANSFER_RESULT, date(2026, 3, 31), date(2026, 9, 30)),
        (D.TRANSFER_RESULT, date(2026, 4, 1), date(2026, 10, 8)),
    ],
)
def test_month_periods_clamp_and_roll(cal: WorkCalendar, kind: D, trigger: date, expected: date) -> None:
    assert due_date(kind, trigger, cal) == expected


# --- quarterly report (D5) -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        (date(2026, 1, 1), date(2026, 4, 1)),  # Q1 → Wed 04-01
        (date(2026, 3, 31), date(2026, 4, 1)),  # last day of Q1 is still Q1
        (date(2026, 4, 1), date(2026, 7, 1)),  # Q2 → Wed 07-01
        (date(2026, 8, 15), date(2026, 10, 8)),  # Q3 → 10-01 is 国庆 → 10-08
        (date(2025, 11, 20), date(2026, 1, 4)),  # Q4 2025 → 01-01..01-03 rest → Sun 01-04 make-up day
    ],
)
def test_quarterly_report_is_due_on_the_first_working_day_of_the_next_quarter(
    cal: WorkCalendar, trigger: date, expected: date
) -> None:
    assert due_date(D.QUARTERLY_REPORT, trigger, cal) == expected


# --- a year without data ---------------------------------------------------------------------------------


def test_2027_falls_back_to_monday_to_friday_with_one_warning_per_year(
    cal: WorkCalendar, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="core.calendar.workdays")
    assert cal.origin(2027) is YearSource.FALLBACK
    assert not cal.is_known(2027)
    # Mon 2027-01-04 + 15 wd, Monday–Friday: 01-05..01-08 (4), 01-11..15 (9), 01-18..22 (14), 01-25 (15)
    assert due_date(D.ACCEPTANCE_NOTICE, date(2027, 1, 4), cal) == date(2027, 1, 25)
    assert cal.is_workday(date(2027, 1, 1))  # a Friday; really 元旦, but nobody told us
    assert not cal.is_workday(date(2027, 1, 2))
    assert due_date(D.TRANSFER_UP, date(2027, 3, 5), cal) == date(2027, 3, 12)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "2027" in warnings[0].getMessage()
    cal.is_workday(date(2028, 5, 1))
    assert [r.getMessage().split(":")[0] for r in caplog.records if r.levelno == logging.WARNING] == [
        "no holiday data for 2027",
        "no holiday data for 2028",
    ]


def test_known_years_log_nothing(cal: WorkCalendar, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="core.calendar.workdays")
    due_date(D.ASSIGNED_BY_HIGHER, date(2026, 1, 5), cal)
    assert caplog.records == []


def test_uses_fallback(cal: WorkCalendar, tmp_path: Path) -> None:
    assert not cal.uses_fallback(date(2026, 1, 1), date(2026, 12, 31))
    assert cal.uses_fallback(date(2026, 12, 20), date(2027, 1, 10))
    assert cal.uses_fallback(date(2027, 1, 1), date(2027, 1, 1))
    write_year(tmp_path, FILE_2027)
    covered = WorkCalendar.from_directory(tmp_path)
    assert not covered.uses_fallback(date(2026, 12, 20), date(2027, 1, 10))
    assert covered.uses_fallback(date(2026, 12, 20), date(2028, 1, 10))


# --- operator files --------------------------------------------------------------------------------------


def test_an_operator_file_changes_2027_and_the_fingerprint(
    cal: WorkCalendar, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="core.calendar.workdays")
    write_year(tmp_path, FILE_2027)
    op = WorkCalendar.from_directory(tmp_path)
    assert op.origin(2027) is YearSource.OPERATOR
    # Fallback, from Thu 2027-02-04: 02-05 (1) 02-08..02-11 (2-5)
    assert due_date(D.TRANSFER_UP, date(2027, 2, 4), cal) == date(2027, 2, 11)
    caplog.clear()
    # With the file: 02-05..02-11 holiday | 02-12 Fri (1) 02-13 Sat make-up (2) | Sun | 02-15 (3) 16 (4) 17 (5)
    assert due_date(D.TRANSFER_UP, date(2027, 2, 4), op) == date(2027, 2, 17)
    assert not op.is_workday(date(2027, 1, 1))
    assert caplog.records == []  # no fallback warning once the year is known
    assert op.fingerprint() != cal.fingerprint()
    assert op.fingerprint() == WorkCalendar.from_directory(tmp_path).fingerprint()  # stable
    write_year(tmp_path, {**FILE_2027, "workdays": []})
    assert WorkCalendar.from_directory(tmp_path).fingerprint() not in {op.fingerprint(), cal.fingerprint()}


def test_an_operator_file_overrides_the_library_for_its_year(tmp_path: Path) -> None:
    write_year(tmp_path, {"year": 2026, "holidays": [], "workdays": []}, "2026.json")
    op = WorkCalendar.from_directory(tmp_path)
    assert op.origin(2026) is YearSource.OPERATOR
    assert op.is_workday(date(2026, 10, 1))  # a Thursday, now an ordinary working day
    assert not op.is_workday(date(2026, 10, 10))  # an ordinary Saturday


def test_range_syntax_expands_inclusive(tmp_path: Path) -> None:
    data = load_year_file(write_year(tmp_path, FILE_2027))
    assert data.year == 2027
    assert data.holidays == {date(2027, 1, 1)} | {date(2027, 2, 5) + timedelta(days=i) for i in range(7)}
    assert data.workdays == {date(2027, 2, 13)}
    assert data.source == "测试用安排"


def test_the_documented_example_file_is_valid(tmp_path: Path) -> None:
    doc = core.calendar.workdays.__doc__ or ""
    example = doc[doc.index('{"year"') : doc.index("}", doc.index('{"year"')) + 1]
    path = write_year(tmp_path, " ".join(example.split()))
    assert load_year_file(path).year == 2027


def test_missing_directory_means_no_overrides(tmp_path: Path) -> None:
    assert load_directory(tmp_path / "nope") == {}
    assert WorkCalendar.from_directory(tmp_path / "nope").overrides == {}


BAD_FILES = [
    ("not_json", "{year: 2027"),
    ("no_year", {"holidays": ["2027-01-01"]}),
    ("year_not_a_number", {"year": "next"}),
    ("not_an_object", ["2027-01-01"]),
    ("bad_date", {"year": 2027, "holidays": ["2027-02-30"]}),
    ("bad_range", {"year": 2027, "holidays": ["2027-02-11..2027-02-05"]}),
    ("range_garbage", {"year": 2027, "holidays": ["2027-02-05..soon"]}),
    ("outside_year", {"year": 2027, "holidays": ["2026-12-31"]}),
    ("outside_year_workday", {"year": 2027, "workdays": ["2028-01-02"]}),
    ("holiday_and_workday", {"year": 2027, "holidays": ["2027-02-05..2027-02-11"], "workdays": ["2027-02-06"]}),
    ("date_as_number", {"year": 2027, "holidays": [20270101]}),
    ("holidays_null", {"year": 2027, "holidays": None}),
]


@pytest.mark.parametrize("content", [b[1] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES])
def test_bad_operator_files_raise_invalid_input_naming_the_file(tmp_path: Path, content: object) -> None:
    path = write_year(tmp_path / "calendar", content)
    with pytest.raises(InvalidInput) as exc:
        load_year_file(path)
    assert exc.value.field == str(path)
    assert str(path) in str(exc.value)
    with pytest.raises(InvalidInput) as exc:
        WorkCalendar.from_directory(tmp_path / "calendar")
    assert exc.value.field == str(path)


# --- year_info -------------------------------------------------------------------------------------------


def test_year_info_2026_from_the_library(cal: WorkCalendar) -> None:
    info = cal.year_info(2026)
    assert info.origin is YearSource.LIBRARY
    assert date(2026, 10, 10) in info.makeup_workdays
    assert info.makeup_workdays == (
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    )
    assert set(SPRING_HOLIDAY) <= set(info.holidays)
    assert date(2026, 10, 1) in info.holidays and date(2026, 10, 8) not in info.holidays
    assert list(info.holidays) == sorted(info.holidays)
    # 2026 starts on a Thursday: 52 weeks + 1 weekday = 261 weekdays; 19 of them are holidays
    # (01-01, 01-02; 02-16..02-20, 02-23; 04-06; 05-01, 05-04, 05-05; 06-19; 09-25; 10-01, 10-02, 10-05..10-07);
    # plus the 6 make-up weekend days: 261 - 19 + 6 = 248
    assert info.working_days == 248
    assert info.source == ""


def test_year_info_2027_without_data(cal: WorkCalendar) -> None:
    info = cal.year_info(2027)
    assert info.origin is YearSource.FALLBACK
    assert (info.holidays, info.makeup_workdays) == ((), ())
    assert info.working_days == 261  # 2027 starts on a Friday: 52 weeks + 1 weekday


def test_year_info_2027_from_an_operator_file(tmp_path: Path) -> None:
    write_year(tmp_path, FILE_2027)
    info = WorkCalendar.from_directory(tmp_path).year_info(2027)
    assert info.origin is YearSource.OPERATOR
    assert info.source == "测试用安排"
    assert info.holidays == (date(2027, 1, 1), *(date(2027, 2, 5) + timedelta(days=i) for i in range(7)))
    assert info.makeup_workdays == (date(2027, 2, 13),)
    # 261 weekdays - 6 weekday holidays (01-01, 02-05, 02-08..02-11) + 1 make-up Saturday
    assert info.working_days == 256
