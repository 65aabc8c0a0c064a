"""A citizen files reports through the real aiogram runtime over HTTP; the database shows the result."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select

from core.persistence.orm import CaseRow, EvidenceRow
from qingfeng.app import App
from tests.factories import FACTS

from .conftest import BotHarness

CHAT = 700001
JPEG = b"\xff\xd8\xff\xe0" + b"photo-of-the-ledger" * 100
PDF = b"%PDF-1.7\n" + b"minutes of the village meeting" * 50


async def walk_to_facts(h: BotHarness, chat: int, named: bool = True) -> list[str]:
    seen = await h.say(chat, "/start")
    seen += await h.tap(chat, "我已阅读")
    seen += await h.tap(chat, "是，反映党员")
    seen += await h.tap(chat, "检举控告")
    if named:
        seen += await h.tap(chat, "实名举报")
        seen += await h.say(chat, "刘举报")
        seen += await h.say(chat, "138 0013 8000")
        seen += await h.tap(chat, "跳过")
    else:
        seen += await h.tap(chat, "匿名举报")
    seen += await h.say(chat, "张某某")
    seen += await h.say(chat, "临安区某镇某村村委会")
    seen += await h.say(chat, "村党支部书记")
    seen += await h.tap(chat, "村（社区）干部")
    seen += await h.tap(chat, "浙江省/杭州市/临安区")
    seen += await h.tap(chat, "中共党员")
    seen += await h.tap(chat, "没有了")
    seen += await h.tap(chat, "群众纪律")
    return seen


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
    print("\n---\n".join(seen))
    assert "已提交" in seen[-2]
    number = seen[-2].split("编号：")[1].split("\n")[0]
    detail = await app.queries.case_detail(number)
    assert detail.summary.named and detail.facts == FACTS
    assert [e.sha256 for e in detail.evidence] == [hashlib.sha256(JPEG).hexdigest(), hashlib.sha256(PDF).hexdigest()]
    async with app.ctx.uow() as uow:
        keys = (await uow.session.execute(select(EvidenceRow.storage_key).order_by(EvidenceRow.id))).scalars().all()
    for key, data in zip(keys, (JPEG, PDF), strict=True):
        raw = (app.settings.evidence_dir / f"{key}.bin").read_bytes()
        assert data not in raw and await app.ctx.evidence.get(key) == data
