"""Repeat reports through the real runtimes (issue 17, item 5): a citizen files about a person reported twice
before; the intake officer's card shows both earlier cases as "可能相关" with the reason, links one (both cards
show the link), opens the person's ledger (台账); a handler not entitled to the earlier cases sees none of it."""

from __future__ import annotations

from sqlalchemy import select

from core.model import Action
from core.persistence.orm import CaseEventRow
from qingfeng.app import App
from tests.factories import FACTS, Office, anonymous_report, named_report
from tests.walks import finish_anonymous, walk_to_facts

from .conftest import BotHarness

CITIZEN = 700301
INTAKE, HANDLER = 1001, 1002  # Telegram ids in tests/factories.py
NEW_FACTS = FACTS.replace("低保", "危房改造补助")  # a new matter about the same 张某某, told alike


def row_button(h: BotHarness, chat: int, number: str, label: str) -> str:
    """The callback data of the ``label`` button in the row of the related case ``number``."""
    for row in h.tg.last_keyboard(chat):
        if any(number in text for text, _ in row):
            return next(data for text, data in row if text == label and data)
    raise AssertionError(f"no row for {number} in {h.tg.last_keyboard(chat)}")


async def tap_row(h: BotHarness, chat: int, number: str, label: str) -> list[str]:
    data = row_button(h, chat, number, label)
    return await h._after(chat, lambda: h.tg.user_taps(chat, data), f"[{label} {number}]")


async def test_a_filing_about_a_person_reported_twice_shows_both_on_the_intake_card(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    first = (await app.filing.file_report(named_report())).number  # 张某某, 临安区某镇某村村委会 (the walk's)
    second = await app.filing.file_report(
        anonymous_report(facts="张某某在村道硬化工程中虚报工程量，套取资金十多万元。")
    )
    await walk_to_facts(h, CITIZEN, named=False)
    await finish_anonymous(h, CITIZEN, facts=NEW_FACTS)
    await h.tap(CITIZEN, "内容无误")
    seen = await h.tap(CITIZEN, "确认提交")
    third = next(t for t in seen if "编号" in t).split("编号：")[1].split("\n")[0]
    assert third not in (first, second.number)

    card = (await h.say(INTAKE, f"/case {third}"))[0]
    same = "同一被反映人：姓名、单位相同"
    assert f"可能相关：{second.number}（{same}）" in card, card
    assert f"可能相关：{first}（{same}；反映事实相似，相似度 0." in card, card  # told alike, too
    assert "刘举报" not in card and "13800138000" not in card  # nothing of the earlier reporters

    # linked: each card shows the other
    done = await tap_row(h, INTAKE, first, "关联")
    assert f"已将 {third} 与 {first} 关联" in done[0]
    assert f"已关联：{first}" in done[1]
    other = (await h.say(INTAKE, f"/case {first}"))[0]
    assert f"已关联：{third}" in other and f"可能相关：{second.number}" in other

    # the ledger: the three reports about 张某某, oldest first; each listed case records the view
    ledger = (await h.tap(INTAKE, "被反映人台账"))[0]
    assert "被反映人台账：张某某（临安区某镇某村村委会，浙江省/杭州市/临安区）" in ledger
    assert "共 3 件反映" in ledger
    assert ledger.index(first) < ledger.index(second.number) < ledger.index(third)
    async with app.ctx.uow() as uow:
        views = (await uow.session.execute(
            select(CaseEventRow.case_id).where(CaseEventRow.action == Action.VIEW_LEDGER.value,
                                               CaseEventRow.officer_id == office.intake.officer_id)
        )).scalars().all()  # fmt: skip
    assert len(views) == 3

    # unlinked again from the other end
    assert (await h.tap(INTAKE, "返回案件"))[0].startswith(first)
    done = await tap_row(h, INTAKE, third, "取消关联")
    assert f"已取消 {first} 与 {third} 的关联" in done[0]
    assert f"可能相关：{third}" in done[1]

    # a handler given the new case sees neither earlier case listed (not theirs), and keeps no ledger
    await app.cases.register(third, office.intake)
    await app.cases.accept(third, office.intake)
    await app.cases.assign(third, office.intake, office.handler.officer_id or 0)
    handler_card = (await h.say(HANDLER, f"/case {third}"))[0]
    assert third in handler_card
    assert first not in handler_card and second.number not in handler_card
    labels = [t for row in h.tg.last_keyboard(HANDLER) for t, _ in row]
    assert "被反映人台账（将被记录）" not in labels
