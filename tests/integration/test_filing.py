"""Filing as the bot does it: evidence staged during the dialog, and a submission key against double filing."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import date

from sqlalchemy import select

from core.clock import ManualClock
from core.model import CadreLevel, CaseState
from core.persistence.orm import CaseRow, EvidenceRow
from qingfeng.app import App
from tests.factories import named_report, person, photo, seed_office
from tests.integration.helpers import case_row, deadlines, events

JPEG = b"\xff\xd8\xff\xe0" + b"staged-evidence-" * 8


async def case_numbers(app: App) -> list[str]:
    async with app.ctx.uow() as uow:
        return list((await uow.session.execute(select(CaseRow.number).order_by(CaseRow.id))).scalars())


async def test_staged_evidence_is_linked_to_the_case(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    staged = await app.filing.stage_evidence(photo(JPEG))
    assert staged.sha256 == hashlib.sha256(JPEG).hexdigest() and staged.size == len(JPEG)
    number = (await app.filing.file_report(named_report(staged=(staged,)))).number
    case = await case_row(app, number)
    async with app.ctx.uow() as uow:
        rows = list((await uow.session.execute(select(EvidenceRow).where(EvidenceRow.case_id == case.id))).scalars())
        stored = [(r.storage_key, r.sha256, r.size, r.kind, app.vault.dec_text(r.original_name_enc)) for r in rows]
    assert stored == [(staged.storage_key, staged.sha256, len(JPEG), "photo", "现场.jpg")]
    assert await app.ctx.evidence.get(staged.storage_key) == JPEG
    detail = await app.queries.case_detail(number)
    assert [e.sha256 for e in detail.evidence] == [staged.sha256]


async def test_same_submission_key_files_one_case(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    first = await app.filing.file_report(named_report(submission_key="chat-555001-dialog-1"))
    again = await app.filing.file_report(named_report(submission_key="chat-555001-dialog-1"))
    assert (first.number, first.repeated) == ("XF-2026-000001", False)
    assert (again.number, again.unit_code, again.repeated) == (first.number, first.unit_code, True)
    assert await case_numbers(app) == [first.number]
    other = await app.filing.file_report(named_report(submission_key="chat-555001-dialog-2"))
    assert other.number == "XF-2026-000002"


async def test_concurrent_double_tap_files_one_case(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    receipts = await asyncio.gather(
        *(app.filing.file_report(named_report(submission_key="double-tap", evidence=(photo(),))) for _ in range(3))
    )
    assert {r.number for r in receipts} == {"XF-2026-000001"}
    assert sorted(r.repeated for r in receipts) == [False, True, True]
    assert await case_numbers(app) == ["XF-2026-000001"]
    assert len(list(app.settings.evidence_dir.iterdir())) == 1  # the losers' files were removed
    # The losing transactions did not use up numbers.
    assert (await app.filing.file_report(named_report())).number == "XF-2026-000002"


async def test_report_above_every_local_level_opens_d1(app: App, clock: ManualClock) -> None:
    """A 厅局级 cadre is handled by no unit configured here: D1 (send it up within 5 wd, R-15) starts on receipt."""
    office = await seed_office(app)
    number = (await app.filing.file_report(named_report(persons=(person(level=CadreLevel.BUREAU),)))).number
    assert (await case_row(app, number)).state == "received"
    d1 = [(d.trigger_date, d.due_date, d.state) for d in await deadlines(app, number) if d.kind == "transfer_up"]
    assert d1 == [(date(2026, 9, 28), date(2026, 10, 10), "open")]  # 09-29, 09-30, 10-08, 10-09, Sat 10-10 (worked)
    await app.cases.register(number, office.intake)
    assert (
        await app.cases.transfer(number, office.intake, "HZ", approved_by=office.supervisor) is CaseState.TRANSFERRED_UP
    )
    assert {d.kind: d.state for d in await deadlines(app, number)}["transfer_up"] == "met"
    assert [e.action for e in await events(app, number)] == ["file", "register", "approve", "transfer_up"]
