"""A citizen files reports through the real runtimes over HTTP; the database shows the result.

The conversation paths themselves (anonymous filing and status, scope referral, edits from the review, bad input,
language, regions, spreadsheets, older buttons) run in the fast tier: tests/fast/test_filing.py. Here: what needs
the runtime or the database — files downloaded and stored encrypted, a restart, concurrent taps and citizens."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select

from core.persistence.orm import CaseRow, EvidenceRow
from qingfeng.app import App
from tests.factories import FACTS
from tests.walks import JPEG, finish_anonymous, walk_to_facts, walk_to_identity

from .conftest import BotHarness

CHAT = 700001
PDF = b"%PDF-1.7\n" + b"minutes of the village meeting" * 50


async def case_count(app: App) -> int:
    async with app.ctx.uow() as uow:
        return int((await uow.session.execute(select(func.count()).select_from(CaseRow))).scalar_one())


async def test_named_filing_with_a_photo_and_a_pdf(harness: BotHarness, app: App) -> None:
    h = harness
    seen = await walk_to_facts(h, CHAT)
    seen += await h.say(CHAT, FACTS)
    seen += await h.tap(CHAT, "跳过")  # other bodies
    seen += await h.photo(CHAT, JPEG)
    seen += await h.document(CHAT, PDF, "会议记录.pdf", "application/pdf")
    seen += await h.tap(CHAT, "完成")
    seen += await h.tap(CHAT, "内容无误")
    seen += await h.tap(CHAT, "确认提交")
    print("\n".join(h.transcript))
    assert "已提交" in seen[-2]
    assert all("parse_mode" not in c.params for c in h.tg.calls_to("sendMessage"))  # user text is never markup
    number = seen[-2].split("编号：")[1].split("\n")[0]
    detail = await app.queries.case_detail(number)
    assert detail.summary.named and detail.facts == FACTS
    assert [e.sha256 for e in detail.evidence] == [hashlib.sha256(JPEG).hexdigest(), hashlib.sha256(PDF).hexdigest()]
    async with app.ctx.uow() as uow:
        keys = (await uow.session.execute(select(EvidenceRow.storage_key).order_by(EvidenceRow.id))).scalars().all()
    for key, data in zip(keys, (JPEG, PDF), strict=True):
        raw = (app.settings.evidence_dir / f"{key}.bin").read_bytes()
        assert data not in raw and await app.ctx.evidence.get(key) == data


async def test_a_restart_between_two_steps_loses_nothing(harness: BotHarness, app: App) -> None:
    h = harness
    await walk_to_identity(h, CHAT, "实名举报")
    await h.say(CHAT, "刘举报")
    await h.restart()  # the process dies and comes back: nothing of the dialog is in memory
    assert "联系电话" in (await h.say(CHAT, "/start"))[-1]  # resumed where it was, with a note
    seen = await h.say(CHAT, "13800138000")
    assert "身份证号" in seen[-1]
    await h.tap(CHAT, "跳过")
    for text in ("张某某", "临安区某镇某村村委会", "村党支部书记"):
        await h.say(CHAT, text)
    await h.restart()
    for label in ("村（社区）干部", "浙江省/杭州市/临安区", "中共党员", "没有了", "群众纪律"):
        await h.tap(CHAT, label)
    await h.say(CHAT, FACTS)
    await h.tap(CHAT, "跳过")
    await h.tap(CHAT, "完成")
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    number = next(t for t in seen if "编号" in t).split("编号：")[1].split("\n")[0]
    detail = await app.queries.case_detail(number)
    assert detail.persons[0].name == "张某某" and detail.summary.named


async def test_two_taps_on_submit_file_exactly_one_case(harness: BotHarness, app: App) -> None:
    h, tg = harness, harness.tg
    await walk_to_facts(h, CHAT, named=False)
    await finish_anonymous(h, CHAT)
    await h.tap(CHAT, "内容无误")
    data = h.button(CHAT, "确认提交")
    before = len(tg.texts(CHAT))
    tg.user_taps(CHAT, data)
    tg.user_taps(CHAT, data)  # the impatient second tap, before the bot answered the first
    await h.settle()
    seen = tg.texts(CHAT)[before:]
    assert await case_count(app) == 1
    assert sum("查询码：" in t for t in seen) == 1
    assert any("已经提交" in t for t in seen)


async def test_oversized_and_wrong_files_are_refused_and_the_dialog_goes_on(harness: BotHarness, app: App) -> None:
    h = harness
    await walk_to_facts(h, CHAT, named=False)
    await h.say(CHAT, FACTS)
    await h.tap(CHAT, "跳过")
    big = await h.video(CHAT, b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64, file_size=60 * 1024 * 1024)
    assert "超过 20 MB" in big[0]
    exe = await h.document(CHAT, b"MZ\x90\x00" + b"\x00" * 100, "tool.exe", "application/x-msdownload")
    assert "文件类型不能接收" in exe[0]
    disguised = await h.document(CHAT, b"MZ\x90\x00" + b"\x00" * 100, "合同.pdf", "application/pdf")
    assert "内容与它的文件类型不符" in disguised[0]
    ok = await h.photo(CHAT, JPEG)
    assert "已收到第 1 个文件" in ok[0]
    assert h.tg.downloads and all("file" in p for p in h.tg.downloads)
    assert len(h.tg.downloads) == 2  # the 60 MB video was refused without downloading it
    seen = await h.tap(CHAT, "完成")
    assert "查询密码" in seen[-1]


async def test_two_citizens_file_at_the_same_time(harness: BotHarness, app: App) -> None:
    import asyncio

    h = harness

    async def citizen(chat: int, facts: str) -> str:
        await walk_to_facts(h, chat, named=False)
        await finish_anonymous(h, chat, facts=facts, password=f"lantern-by-the-river-{chat}")
        seen = await h.tap(chat, "内容无误") + await h.tap(chat, "确认提交")
        return next(t for t in seen if "编号" in t).split("编号：")[1].split("\n")[0]

    other_facts = FACTS.replace("低保", "危房改造补助")
    a, b = await asyncio.gather(citizen(CHAT, FACTS), citizen(CHAT + 1, other_facts))
    assert a != b
    assert (await app.queries.case_detail(a)).facts == FACTS
    assert (await app.queries.case_detail(b)).facts == other_facts
    assert (await app.queries.status_by_code("x" * 20, "lantern-by-the-river-700001")) is None
