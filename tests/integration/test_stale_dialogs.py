"""Abandoned dialogs are forgotten: an unfinished report's answers and staged files are not kept for ever."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from sqlalchemy import func, select

from bot.dialogs.codec import encode, staged_files
from bot.dialogs.engine import Conversation
from core.clock import ManualClock
from core.persistence.orm import CaseRow, DialogRow
from core.services.dialog_store import DialogStore
from qingfeng.app import App
from tests.factories import FACTS, anonymous_report, named_report, photo, seed_office

OLD_CHAT, NEW_CHAT = 910001, 910002


async def dialog_count(app: App) -> int:
    async with app.ctx.uow() as uow:
        return int((await uow.session.execute(select(func.count()).select_from(DialogRow))).scalar_one())


async def test_dialogs_untouched_for_the_period_go_with_their_staged_files(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    store = DialogStore(app.ctx)
    abandoned = await app.filing.stage_evidence(photo(b"\xff\xd8\xff\xe0abandoned"))
    filed = await app.filing.stage_evidence(photo(b"\xff\xd8\xff\xe0filed-later"))
    answers = {"reporter_name": "刘举报", "facts": FACTS,
               "evidence": [dataclasses.asdict(abandoned), dataclasses.asdict(filed)]}  # fmt: skip
    await store.save(OLD_CHAT, encode(Conversation("zh-CN", "filing", "facts", answers)), 0)
    # the same staged file was also filed with a report (as a submitted dialog does): it must survive
    await app.filing.file_report(dataclasses.replace(named_report(), staged=(filed,)))
    clock.advance(timedelta(days=29))
    await store.save(NEW_CHAT, encode(Conversation("zh-CN", "filing", "type")), 0)

    assert await store.forget_stale(30, staged_files) == (0, 0)  # nothing is 30 days old yet
    clock.advance(timedelta(days=2))
    assert await store.forget_stale(30, staged_files) == (1, 1)
    assert await store.load(OLD_CHAT) is None and await store.load(NEW_CHAT) is not None
    assert not app.ctx.evidence.exists(abandoned.storage_key)
    assert await app.ctx.evidence.get(filed.storage_key) == b"\xff\xd8\xff\xe0filed-later"
    assert await dialog_count(app) == 1
    assert await store.forget_stale(30, staged_files) == (0, 0)  # idempotent


async def test_a_query_code_kept_for_an_undelivered_receipt_goes_after_the_period(app: App, clock: ManualClock) -> None:
    """The code is kept (encrypted) only so that the chat's next update can show a lost receipt again; a
    citizen who never comes back does not leave it in the database for ever (issue 11, item 2)."""
    await seed_office(app)
    report = dataclasses.replace(anonymous_report(), submission_key="s" * 32)
    receipt = await app.filing.file_report(report, keep_code=True)
    assert (await app.filing.undelivered_receipt("s" * 32)) == dataclasses.replace(receipt, repeated=True)
    clock.advance(timedelta(days=29))
    await DialogStore(app.ctx).forget_stale(30, staged_files)
    assert await app.filing.undelivered_receipt("s" * 32) is not None
    clock.advance(timedelta(days=2))
    await DialogStore(app.ctx).forget_stale(30, staged_files)
    assert await app.filing.undelivered_receipt("s" * 32) is None
    async with app.ctx.uow() as uow:
        assert (await uow.session.execute(select(CaseRow.receipt_code_enc))).scalar_one() is None
