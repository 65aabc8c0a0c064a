"""Input as Telegram delivers it, not as people mean it: control characters, invisible characters and oversized
metadata are normalised at the edge, so the report is filed, routed and shown as the reporter meant it.

Run on SQLite and on PostgreSQL (TEST_DATABASE_URL): PostgreSQL refuses NUL in text and values longer than
their column, which SQLite stores without a word.
"""

from __future__ import annotations

from sqlalchemy import select

from core.persistence.orm import CaseRow, EvidenceRow, ReportedPersonRow, UnitRow
from qingfeng.app import App
from tests.factories import FACTS, REGION, Office, named_report
from tests.walks import walk_to_identity

from .conftest import BotHarness
from .test_filing import PDF

CHAT = 760001
INTAKE = 1001
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
LONG_MIME = "application/pdf; name=" + "x" * 150 + "\x00"


async def stored_case(app: App, number: str) -> tuple[CaseRow, str, list[ReportedPersonRow], list[EvidenceRow]]:
    async with app.ctx.uow() as uow:
        s = uow.session
        case = (await s.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        unit = (await s.execute(select(UnitRow.code).where(UnitRow.id == case.unit_id))).scalar_one()
        persons = list(
            (await s.execute(select(ReportedPersonRow).where(ReportedPersonRow.case_id == case.id))).scalars()
        )
        files = list((await s.execute(select(EvidenceRow).where(EvidenceRow.case_id == case.id))).scalars())
        return case, unit, persons, files


def receipt_number(seen: list[str]) -> str:
    return next(t for t in seen if "编号：" in t).split("编号：")[1].split("\n")[0]


async def test_nul_in_typed_text_and_an_oversized_mime_type_still_file_the_report(
    harness: BotHarness, app: App
) -> None:
    """Issue 11 item 4: on PostgreSQL every confirm failed with a database error."""
    h = harness
    await walk_to_identity(h, CHAT, "实名举报")
    await h.say(CHAT, "刘\x00举报")
    await h.say(CHAT, "138 0013 8000")
    await h.tap(CHAT, "跳过")  # ID number
    await h.say(CHAT, "张\x00某某")
    await h.say(CHAT, "临安区某镇\x00某村村委会")
    await h.say(CHAT, "村党支部\x07书记")
    await h.tap(CHAT, "村（社区）干部")
    await h.tap(CHAT, "其他地区")
    await h.say(CHAT, f"{REGION}\x00")
    for label in ("中共党员", "没有了", "群众纪律"):
        await h.tap(CHAT, label)
    await h.say(CHAT, FACTS + "\x00\x1b[31m")
    await h.say(CHAT, "向镇纪委\x00反映过")
    received = await h.document(CHAT, PDF, "会议\x00记录.pdf", LONG_MIME)
    assert "已收到第 1 个文件" in received[0]
    await h.tap(CHAT, "完成")
    await h.tap(CHAT, "内容无误")
    seen = await h.tap(CHAT, "确认提交")
    number = receipt_number(seen)

    case, unit, persons, files = await stored_case(app, number)
    assert unit == "LA"  # routed to the county of the typed region, not to the city
    assert [(p.region, p.level) for p in persons] == [(REGION, "village")]
    assert [f.mime_type for f in files] == ["application/pdf"]
    detail = await app.queries.case_detail(number)
    assert detail.facts == FACTS + "[31m"
    assert case.reporter_enc is not None
    assert app.ctx.vault.dec_json(case.reporter_enc) == {"name": "刘举报", "phone": "13800138000",
                                                         "id_number": "", "address": ""}  # fmt: skip
    person = detail.persons[0]
    assert (person.name, person.unit, person.post) == ("张某某", "临安区某镇某村村委会", "村党支部书记")
    assert [e.original_name for e in detail.evidence] == ["会议记录.pdf"]


async def test_a_region_typed_with_invisible_characters_routes_like_the_clean_text(
    harness: BotHarness, app: App
) -> None:
    """Issue 11 item 9: zero-width characters sent the case to the city instead of the county."""
    h = harness
    await walk_to_identity(h, CHAT, "匿名举报")
    for answer in ("张某某", "临安区某镇某村村委会", "村党支部书记"):
        await h.say(CHAT, answer)
    await h.tap(CHAT, "村（社区）干部")
    await h.tap(CHAT, "其他地区")
    await h.say(CHAT, "\ufeff浙江省/\u200b杭州市/临\u200d安\u2060区\u200c")
    for label in ("中共党员", "没有了", "群众纪律"):
        await h.tap(CHAT, label)
    await h.say(CHAT, FACTS)
    await h.tap(CHAT, "跳过")
    await h.tap(CHAT, "完成")
    for _ in range(2):
        await h.say(CHAT, "lao-li-2026!")
    await h.tap(CHAT, "需要提醒")
    await h.tap(CHAT, "内容无误")
    number = receipt_number(await h.tap(CHAT, "确认提交"))
    _, unit, persons, _ = await stored_case(app, number)
    assert unit == "LA" and [p.region for p in persons] == [REGION]


async def test_bidi_controls_typed_by_a_reporter_never_reach_the_officer(harness: BotHarness, app: App) -> None:
    """Issue 11 item 16: U+202E after the name reversed how the phone number read on the officer's card."""
    h = harness
    await walk_to_identity(h, CHAT, "实名举报")
    await h.say(CHAT, "刘举报\u202e")
    await h.say(CHAT, "\u202e13800138000")
    await h.tap(CHAT, "跳过")
    for answer in ("张某某\u202e", "临安区某镇某村村委会", "村党支部书记"):
        await h.say(CHAT, answer)
    for label in ("村（社区）干部", REGION, "中共党员", "没有了", "群众纪律"):
        await h.tap(CHAT, label)
    await h.say(CHAT, f"{FACTS}\u2067联系电话 13800138000\u2069")
    await h.tap(CHAT, "跳过")
    await h.tap(CHAT, "完成")
    await h.tap(CHAT, "内容无误")
    number = receipt_number(await h.tap(CHAT, "确认提交"))
    await h.say(INTAKE, f"/case {number}")
    card = await h.tap(INTAKE, "查看举报人身份")
    assert "刘举报" in card[-1] and "13800138000" in card[-1] and "张某某" in card[-1]
    assert not any(c in text for text in h.tg.texts(INTAKE) for c in BIDI)


async def test_bidi_controls_already_stored_are_neutralised_on_the_officer_card(
    harness: BotHarness, app: App, office: Office
) -> None:
    """Defence in depth: data stored before this fix (or written past the edge) is rendered without them."""
    h = harness
    number = (await app.filing.file_report(named_report())).number
    vault = app.ctx.vault
    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        case.facts_enc = vault.encrypt(f"{FACTS}\u202e8000 0013 138".encode())
        case.reporter_enc = vault.enc_json({"name": "刘举报\u202e", "phone": "13800138000"})
        await uow.commit()
    await h.say(INTAKE, f"/case {number}")
    card = await h.tap(INTAKE, "查看举报人身份")
    assert "刘举报" in card[-1] and "8000 0013 138" in card[-1]
    assert not any(c in text for text in h.tg.texts(INTAKE) for c in BIDI)
