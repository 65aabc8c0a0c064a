"""Input cleaned once at the edge (core/text.py), and what the core and the renderer do with what got past it."""

from __future__ import annotations

import logging

import pytest

from bot.dialogs.engine import Button, Label, Media
from bot.front import Incoming, normalised
from bot.i18n import Translator
from bot.quietlog import QuietLog
from core.jurisdiction import DEFAULT_HANDLES, UnitInfo, route
from core.model import CadreLevel, Category, ReportType, UnitLevel
from core.persistence.orm import EvidenceRow, ReportedPersonRow
from core.reports import NewReport, PersonReported, ReporterIdentity
from core.text import FILE_NAME_MAX, MIME_MAX, clean_file_name, clean_mime, clean_text, displayable, simplified

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def test_clean_text_keeps_what_people_typed_and_drops_what_hides() -> None:
    assert clean_text("临\u200b安\x00区\u202e\x1b[31m\x7f\x85\x9f") == "临安区[31m\n"
    assert clean_text("第一行\r\n第二行\r第三行\u2028\t缩进") == "第一行\n第二行\n第三行\n\t缩进"
    assert clean_text("a\nb\tc", multiline=False) == "a b c"
    assert clean_text("e\u0301") == "\u00e9"  # one spelling (NFC) for what looks the same
    assert clean_text("lone \ud800 surrogate") == "lone  surrogate"  # could not even be encoded
    assert clean_text(BIDI + ZERO_WIDTH) == ""
    assert clean_text("举报😀，张某某") == "举报😀，张某某"
    family, cook, fire = "👨\u200d👩\u200d👧", "👩🏽\u200d🍳", "❤\ufe0f\u200d🔥"  # emoji joined: one picture each
    assert clean_text(family + cook + fire) == family + cook + fire
    assert clean_text("临\u200d安区\u200d😀\u200d") == "临安区😀"


def test_mime_types_and_file_names_fit_their_columns() -> None:
    assert EvidenceRow.__table__.c.mime_type.type.length == MIME_MAX
    assert clean_mime("Application/PDF; name=x") == "application/pdf"
    assert clean_mime("image/jpeg\x00") == "image/jpeg"
    assert clean_mime("application/" + "x" * 100) == "application/octet-stream"
    assert clean_mime("not a mime type") == clean_mime("") == "application/octet-stream"
    assert clean_file_name("会议\x00记录\n.pdf") == "会议记录 .pdf"
    long = clean_file_name("证" * 300 + ".docx")
    assert len(long) == FILE_NAME_MAX and long.endswith("证.docx")
    assert clean_file_name("photo\u202egpj.exe") == "photogpj.exe"  # what it is, not what it pretends


def test_region_path_with_invisible_characters_routes_like_the_clean_one() -> None:
    """Issue 11 item 9, in the core: other ways in than the bot (CLI, imports) route the same."""
    level = UnitLevel

    def unit(uid: int, lv: UnitLevel, region: str) -> UnitInfo:
        return UnitInfo(uid, f"U{uid}", lv, region, frozenset(DEFAULT_HANDLES[lv]))

    city, county = unit(1, level.CITY, "浙江省/杭州市"), unit(2, level.COUNTY, "浙江省/杭州市/临安区")
    clean = route([CadreLevel.VILLAGE], "浙江省/杭州市/临安区", [city, county], home=None)
    for dirty in ("浙江省/杭州市/临\u200b安区", "\ufeff浙江省/ 杭州市 /临安区\x00", "浙江省/杭州\u202e市/临安区\u2060"):
        assert route([CadreLevel.VILLAGE], dirty, [city, county], home=None) == clean == county


def test_the_core_stores_no_nul_whatever_the_way_in() -> None:
    report = NewReport(
        ReportType.ACCUSATION, Category.MASSES, "事实\x00经过\u202e",
        (PersonReported(unit="某\x00村委会", region="浙江省/杭州市/临安区\x00", name="张\u200b某"),),
        reporter=ReporterIdentity("刘\x00举报", "138\x000013\u200b8000"), query_password=None,
    ).validated()  # fmt: skip
    p = report.persons[0]
    assert (report.facts, p.unit, p.region, p.name) == ("事实经过", "某村委会", "浙江省/杭州市/临安区", "张某")
    assert report.reporter == ReporterIdentity("刘举报", "13800138000")
    assert ReportedPersonRow.__table__.c.region.type.length >= len(p.region)


def test_every_update_is_normalised_at_the_front() -> None:
    media = Media("document", "FILEID\x00", "会议\x00记录.pdf", "application/pdf; " + "x" * 200, 10)
    raw = Incoming(1, 1, "zh", 5, text="临\u200b安区\x00", media=media, callback="s::cmd:\x00start")
    clean = normalised(raw)
    assert clean.text == "临安区" and clean.callback == "s::cmd:start"
    assert clean.media == Media("document", "FILEID\x00", "会议记录.pdf", "application/pdf", 10)  # ref untouched


def test_rendered_values_carry_no_bidi_or_control_characters() -> None:
    """Issue 11 item 16, defence in depth: whatever is stored, the officer's screen shows it in reading order."""
    tr = Translator.load()
    text = tr.render("zh-CN", "officer.card_identity", {"name": "刘举报\u202e", "phone": "13800138000"})
    assert "刘举报" in text and "13800138000" in text and not any(c in text for c in BIDI)
    nested = tr.render("zh-CN", "officer.evidence_sent", {"number": "XF-1", "name": Label("officer.card_identity",
                       {"name": "\x1b[2J刘", "phone": "\u2067138"})})  # fmt: skip
    assert "\x1b" not in nested and "\u2067" not in nested
    assert tr.button("zh-CN", Button("陈\u202e主任", "x", literal=True)) == "陈主任"
    assert displayable("第一行\n\t第二行\u202e") == "第一行\n\t第二行"


def test_a_quiet_log_says_once_per_interval_how_many(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    quiet = QuietLog(logging.getLogger("test.quiet"), interval=300.0, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, "test.quiet"):
        for _ in range(100):
            quiet.note("refused")
        now[0] = 301.0
        quiet.note("refused")
    assert [r.getMessage() for r in caplog.records] == [
        "refused (1 since the last such line)",
        "refused (100 since the last such line)",
    ]


def test_traditional_characters_are_read_as_simplified_and_simplified_text_is_unchanged() -> None:
    assert simplified("村支書貪污了扶貧款，還威脅我") == "村支书贪污了扶贫款，还威胁我"
    assert simplified("乾隆年間的乾燥天氣") == "乾隆年间的干燥天气"  # by phrase, not character by character
    same = "干部著作了解后来里面余额 Can I report? 12388"
    assert simplified(same) == same
