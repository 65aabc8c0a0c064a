"""回避 (core.recusal): who steps aside, and where a report about a commission's own staff goes."""

from __future__ import annotations

from core.jurisdiction import UnitInfo
from core.model import CadreLevel, UnitLevel
from core.recusal import StaffMember, recuse, same_name

HZ = UnitInfo(1, "HZ", UnitLevel.CITY, "浙江省/杭州市", frozenset({CadreLevel.COUNTY_DIVISION}))
LA = UnitInfo(2, "LA", UnitLevel.COUNTY, "浙江省/杭州市/临安区", frozenset({CadreLevel.VILLAGE}))
XH = UnitInfo(3, "XH", UnitLevel.COUNTY, "浙江省/杭州市/西湖区", frozenset({CadreLevel.VILLAGE}))
ZJ = UnitInfo(4, "ZJ", UnitLevel.PROVINCE, "浙江省", frozenset({CadreLevel.BUREAU}))
UNITS = (HZ, LA, XH, ZJ)
PARENTS: dict[int, int | None] = {1: None, 2: 1, 3: 1, 4: None}
STAFF = (StaffMember(10, 2, "王信访"), StaffMember(11, 2, "李承办"), StaffMember(20, 1, "周市信访"),
         StaffMember(30, 3, "吴西湖"))  # fmt: skip


def test_nobody_named_nothing_changes() -> None:
    r = recuse(["张某某"], LA, STAFF, UNITS, PARENTS)
    assert (r.unit, r.officer_ids, r.moved_up) == (LA, (), False)


def test_a_report_naming_the_receiving_units_officer_goes_to_the_parent_and_the_officer_steps_aside() -> None:
    r = recuse(["张某某", "李承办"], LA, STAFF, UNITS, PARENTS)
    assert (r.unit, r.officer_ids, r.moved_up) == (HZ, (11,), True)


def test_an_officer_of_another_unit_is_kept_out_and_the_case_stays() -> None:
    r = recuse(["吴西湖"], LA, STAFF, UNITS, PARENTS)
    assert (r.unit, r.officer_ids, r.moved_up) == (LA, (30,), False)


def test_up_again_while_the_level_above_employs_someone_named_then_the_most_senior_covering_unit() -> None:
    r = recuse(["李承办", "周市信访"], LA, STAFF, UNITS, PARENTS)  # HZ has no parent: the province covers it
    assert (r.unit, r.officer_ids, r.moved_up) == (ZJ, (11, 20), True)


def test_with_no_unit_above_the_case_stays_and_the_officer_is_still_kept_out() -> None:
    r = recuse(["周市信访"], HZ, STAFF, (HZ, LA), {1: None, 2: 1})
    assert (r.unit, r.officer_ids, r.moved_up) == (HZ, (20,), False)


def test_names_match_whatever_the_spaces_and_width() -> None:
    assert same_name("李 承办", "李承办") and same_name("Ｌｉ Wei", "li wei")
    assert not same_name("李承", "李承办") and not same_name("", "")
    assert recuse(["  "], LA, STAFF, UNITS, PARENTS).officer_ids == ()
