"""Every figure of issue 17 on a small office whose right answers are worked out by hand (tests/integration/
stats_office.py lists the cases and their dates; the 2026 calendar: 中秋 09-25, National Day 10-01..10-07,
make-up workdays 09-20 and 10-10). Read on 2026-11-10 12:00 Beijing."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.clock import ManualClock
from core.errors import NotFound
from core.stats.figures import Table, Value
from core.stats.period import Period
from core.stats.service import DEFINITIONS, compute_figures
from qingfeng.app import App
from tests.integration.stats_office import build_stats_office

Q4 = Period.quarter("2026Q4")
XH = "西湖区纪委监委"
REGION = "浙江省/杭州市/临安区"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "stats.md"


def cells(table: Table) -> dict[str, tuple[Value, ...]]:
    """Rows with a non-zero value, by label (age bands by their bounds): what a reader of the table sees."""
    out: dict[str, tuple[Value, ...]] = {}
    for row in table.rows:
        label = row.label + "".join(f":{v}" for _, v in row.params)
        if any(row.values):
            out[label] = row.values
    return out


async def test_county_quarter(app: App, clock: ManualClock) -> None:
    await build_stats_office(app, clock)
    f = await compute_figures(app.ctx, Q4, "LA")
    assert (f.unit, f.unit_name, f.first.isoformat(), f.last.isoformat()) == ("LA", "临安区纪委监委", "2026-10-01",
                                                                            "2026-12-31")  # fmt: skip
    # Received in Q4 at LA: D (10-01 07:00 Beijing), E (10-12), F (11-06). H was received 10-13 at LA too, but
    # the city holds it now (sent up and taken in), so it counts there. A, B, C are September; G August.
    assert cells(f.table("received_by_channel")) == {
        "enum.Channel.telegram": (2,),  # D, F
        "enum.Channel.visit": (1,),  # E
        "stats.row.total": (3,),
    }
    assert cells(f.table("received_by_type")) == {"enum.ReportType.accusation": (3,), "stats.row.total": (3,)}
    assert cells(f.table("received_by_category")) == {
        "enum.Category.masses": (2,),  # D, F
        "enum.Category.organisational": (1,),  # E
        "stats.row.total": (3,),
    }
    assert cells(f.table("received_by_region")) == {REGION: (3,)}
    assert cells(f.table("received_by_level")) == {
        "enum.CadreLevel.village": (2,),  # D, F
        "enum.CadreLevel.township_section": (1,),  # E
    }
    # Decisions dated in Q4 by LA's officers: accepted A (10-23) and B (10-27); C not accepted (10-09); D a
    # duplicate (10-10); H sent up (10-14). Awaiting: E and F, received in Q4 and still received.
    assert cells(f.table("decisions")) == {
        "stats.row.accepted": (2,),
        "stats.row.not_accepted": (1,),
        "stats.row.duplicate": (1,),
        "stats.row.transferred_up": (1,),
        "stats.row.awaiting_decision": (2,),
    }
    assert cells(f.table("not_accepted_referred_to")) == {"enum.ReferTo.police": (1,), "stats.row.total": (1,)}
    # H went up to the city, which sent it on to 西湖区, where it waits: it is 西湖区's now.
    assert cells(f.table("transferred_to")) == {XH: (1,), "stats.row.total": (1,)}
    # D is a duplicate of A and names 张一 (named in A before); F names 张一 again; E is a first report.
    assert cells(f.table("first_or_repeat")) == {
        "stats.row.first_reports": (1,),
        "stats.row.repeats": (2,),
        "stats.row.repeat_marked_duplicate": (1,),
        "stats.row.repeat_same_person": (2,),
        "stats.row.total": (3,),
    }
    # Disposals dated in Q4: A talk/letter 10-26, B preliminary check 10-28, J and J2 closed 10-12. K's (09-03)
    # was in September.
    assert cells(f.table("disposals")) == {
        "enum.DisposalMethod.talk_or_letter": (1,),
        "enum.DisposalMethod.preliminary_check": (1,),
        "enum.DisposalMethod.close": (2,),
        "stats.row.total": (4,),
    }
    # D3 due in Q4: A due 10-23 (15 wd from 09-28: 09-29, 09-30, 10-08, 10-09, the Saturday 10-10, then 10 more),
    # met on 10-23: on time. B due 10-26 (from 09-29), met 10-27: late. E due 11-02 (from 10-12), still open on
    # 11-10: late. D's was cancelled (a duplicate), F's (due 11-27) is not due yet: both left out. 1 of 3.
    # D4 due in Q4: A due 11-20 (15 wd after 10-30), met 11-03; B due 11-30 (after 11-09), met 11-10. B's second
    # D4 (its 不满意) and K's (its objection of 10-20: 15 wd = 11-10, today, not yet late) are open, not yet due.
    # 办结 duties: J's 交办 due 10-30, reported back 10-21: on time; J2's due 10-16, reported back 10-22: late.
    assert cells(f.table("on_time")) == {
        "stats.row.acceptance_notice_on_time": (3, 1, 2, 33.3),
        "stats.row.feedback_on_time": (2, 2, 0, 100.0),
        "stats.row.concluded_on_time": (2, 1, 1, 50.0),
    }
    # Concluded in Q4, working days from receipt: A 09-28 -> 10-30: 20 (09-29, 09-30, 10-08, 10-09, 10-10 and
    # three full weeks); J 09-14 -> 10-20: 22 (09-15..18, Sunday 09-20, 09-21..24 (25th: 中秋), 09-28..30,
    # 10-08..10, 10-12..16, 10-19, 10-20); J2 -> 10-21: 23; B 09-29 -> 11-09: 25.
    # Median of 20, 22, 23, 25: (22 + 23) / 2 = 22.5. p90: rank 1 + 0.9 * 3 = 3.7: 23 + 0.7 * (25 - 23) = 24.4.
    assert cells(f.table("working_days_to_conclude")) == {
        "stats.row.total": (4, 22.5, 24.4),
        "enum.ReportType.accusation": (4, 22.5, 24.4),
    }
    # Open on 11-10, working days since receipt: F (11-06): 2 (11-09, 11-10); E (10-12): 21; B (09-29, with a
    # leader after its 不满意): 26; K (09-01, with a leader after its objection): 46; G (08-03): 67.
    assert cells(f.table("open_by_age")) == {
        "stats.row.age_band:0:5": (1,),
        "stats.row.age_band:16:30": (2,),
        "stats.row.age_band:31:60": (1,),
        "stats.row.age_band:61:90": (1,),
        "stats.row.total": (5,),
    }
    # Overdue on 11-10: E's D3 (due 11-02) and E's registration (D7: 15 days after 10-12, 10-27); G, accepted
    # 08-05 and never handled, its disposal (a month: 09-05, a Saturday, so 09-07; issue 20).
    assert cells(f.table("overdue_now")) == {
        "deadline.acceptance_notice": (1,),
        "deadline.disposal_proposal": (1,),
        "deadline.register_and_route": (1,),
        "stats.row.total": (3,),
    }
    # Rated in Q4: A 满意 (11-04), B 不满意 (11-10); K's objection (10-20).
    assert cells(f.table("satisfaction")) == {
        "enum.Satisfaction.satisfied": (1, 50.0),
        "enum.Satisfaction.dissatisfied": (1, 50.0),
        "stats.row.rated": (2, None),
        "stats.row.objections": (1, None),
    }
    assert f.table("satisfaction").value("enum.Satisfaction.fairly", 1) == 0.0
    # LA sent nothing down: the city follows H and I.
    assert cells(f.table("awaiting_report_back")) == {}
    # 交办 (J, J2): none received in Q4; J reported back 10-21 (due 10-30: on time), J2 10-22 (due 10-16: late)
    assert cells(f.table("assigned")) == {"stats.assigned.reported": (2,), "stats.assigned.reported_on_time": (1,),
                                          "stats.assigned.on_time_rate": (50.0,)}  # fmt: skip
    # every table states its definition once, and docs/stats.md carries each word for word
    assert {t.key: t.definition for t in f.tables} == DEFINITIONS and [t.key for t in f.tables] == list(DEFINITIONS)
    assert all(text in DOCS.read_text(encoding="utf-8") for text in DEFINITIONS.values())


async def test_city_with_and_without_its_counties(app: App, clock: ManualClock) -> None:
    await build_stats_office(app, clock)
    f = await compute_figures(app.ctx, Q4, "HZ")
    # LA's three, and H, which the city holds now.
    assert cells(f.table("received_by_channel")) == {
        "enum.Channel.telegram": (2,),
        "enum.Channel.letter": (1,),  # H
        "enum.Channel.visit": (1,),
        "stats.row.total": (4,),
    }
    # H: sent up by LA (10-14) and down by the city (10-16): one case in each row, one case in "transferred to".
    assert cells(f.table("decisions"))["stats.row.transferred_up"] == (1,)
    assert cells(f.table("decisions"))["stats.row.transferred_down"] == (1,)
    assert cells(f.table("transferred_to")) == {XH: (1,), "stats.row.total": (1,)}
    assert cells(f.table("first_or_repeat"))["stats.row.first_reports"] == (2,)  # E and H
    # LA's five, and the city's two waiting to be taken in at 西湖区: H (10-13: 20 wd) and I (03-02: over 90).
    assert cells(f.table("open_by_age")) == {
        "stats.row.age_band:0:5": (1,),
        "stats.row.age_band:16:30": (3,),
        "stats.row.age_band:31:60": (1,),
        "stats.row.age_band:61:90": (1,),
        "stats.row.age_over:90": (1,),
        "stats.row.total": (7,),
    }
    # I's 报结 was due 09-07 (six months after 03-05 is Saturday 09-05, rolled to Monday).
    assert cells(f.table("overdue_now"))["deadline.transfer_result"] == (1,)
    assert cells(f.table("awaiting_report_back")) == {XH: (2, 1), "stats.row.total": (2, 1)}

    alone = await compute_figures(app.ctx, Q4, "HZ", alone=True)
    assert alone.alone and cells(alone.table("received_by_channel")) == {
        "enum.Channel.letter": (1,),  # H only: LA's cases are not the city's own
        "stats.row.total": (1,),
    }
    assert cells(alone.table("decisions")) == {"stats.row.transferred_down": (1,)}  # the city's own step
    assert cells(alone.table("open_by_age"))["stats.row.total"] == (2,)  # H and I
    assert cells(alone.table("awaiting_report_back")) == {XH: (2, 1), "stats.row.total": (2, 1)}


async def test_month_bounds_are_the_office_days(app: App, clock: ManualClock) -> None:
    await build_stats_office(app, clock)
    september = await compute_figures(app.ctx, Period.month("2026-09"))
    # Every unit. K 09-01, J and J2 09-14, A 09-28, B 09-29, C 09-30 23:30 Beijing. D, filed 10-01 07:00 Beijing
    # (still 09-30 in UTC), is October's.
    assert cells(september.table("received_by_channel")) == {
        "enum.Channel.telegram": (2,),  # K, A
        "enum.Channel.phone": (1,),  # B
        "enum.Channel.letter": (1,),  # C
        "enum.Channel.assigned_by_higher": (2,),  # J, J2
        "stats.row.total": (6,),
    }
    # K concluded 09-08: 5 working days after 09-01 (09-02..04, 09-07, 09-08); K's D3 (due 09-21: the Sunday
    # 09-20 is a workday) met 09-02; its D4 (due 09-29: 15 wd after 09-08, the Sunday 09-20 counted, 中秋 09-25
    # not) met 09-09.
    assert cells(september.table("working_days_to_conclude")) == {
        "stats.row.total": (1, 5.0, 5.0),
        "enum.ReportType.accusation": (1, 5.0, 5.0),
    }
    assert cells(september.table("on_time")) == {
        "stats.row.acceptance_notice_on_time": (1, 1, 0, 100.0),
        "stats.row.feedback_on_time": (1, 1, 0, 100.0),
    }
    # Nothing was due in a month before anything was filed: no rate rather than 0 % or 100 %.
    empty = await compute_figures(app.ctx, Period.month("2026-01"))
    assert empty.table("on_time").value("stats.row.acceptance_notice_on_time", 3) is None
    assert empty.table("working_days_to_conclude").value("stats.row.total") == 0


async def test_unknown_unit(app: App, clock: ManualClock) -> None:
    with pytest.raises(NotFound):
        await compute_figures(app.ctx, Q4, "NOPE")
