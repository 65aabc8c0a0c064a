"""Abandoned dialogs are forgotten: an unfinished report's answers and staged files are not kept for ever."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from sqlalchemy import func, select

from core.clock import ManualClock
from core.persistence.orm import DialogRow
from core.services.dialog_store import DialogStore
from qingfeng.app import App
from tests.factories import FACTS, named_report, photo, seed_office

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
    await store.save(OLD_CHAT, {"locale": "zh-CN", "flow": "filing", "step": "facts", "answers": answers}, 0)
    # the same staged file was also filed with a report (as a submitted dialog does): it must survive
    await app.filing.file_report(dataclasses.replace(named_report(), staged=(filed,)))
    clock.advance(timedelta(days=29))
    await store.save(NEW_CHAT, {"locale": "zh-CN", "flow": "filing", "step": "type", "answers": {}}, 0)

    assert await store.forget_stale(30) == (0, 0)  # nothing is 30 days old yet
    clock.advance(timedelta(days=2))
    assert await store.forget_stale(30) == (1, 1)
    assert await store.load(OLD_CHAT) is None and await store.load(NEW_CHAT) is not None
    assert not app.ctx.evidence.exists(abandoned.storage_key)
    assert await app.ctx.evidence.get(filed.storage_key) == b"\xff\xd8\xff\xe0filed-later"
    assert await dialog_count(app) == 1
    assert await store.forget_stale(30) == (0, 0)  # idempotent
