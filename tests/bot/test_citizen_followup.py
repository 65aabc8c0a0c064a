"""A reporter's case followed to its end through the real runtimes (issue 15, items 6, 8, 12, 9): an anonymous
reporter learns at /status where to go when a case is not accepted; a duplicate's named reporter learns which case
it joined and gets that case's result; reporters add text and files to an open case; a parked case comes back
for review."""

from __future__ import annotations

from sqlalchemy import select

from core.persistence.orm import CaseRow
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import Office, anonymous_report

from .conftest import BotHarness

INTAKE, HANDLER = 1001, 1002  # Telegram ids in tests/factories.py
REPORTER, ANON = 556001, 556101
PASSWORD = "correct horse"  # the factories' anonymous password


async def deliver(h: BotHarness, app: App) -> int:
    return await OutboxService(app.ctx, h.notifier()).send_due()


async def authenticate(h: BotHarness, chat: int, code: str, password: str = PASSWORD) -> list[str]:
    return await h.say(chat, "/status") + await h.say(chat, code) + await h.say(chat, password)


# -- item 6: where an anonymous reporter should go ---------------------------------------------------------------
async def test_an_anonymous_report_not_accepted_shows_the_body_to_go_to_at_status(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    receipt = await app.filing.file_report(anonymous_report(chat_id=ANON, notify_opt_in=False))
    await app.cases.register(receipt.number, office.intake)
    await h.say(INTAKE, f"/case {receipt.number}")
    await h.tap(INTAKE, "不予受理")
    await h.tap(INTAKE, "市场监督管理部门")
    assert "不予受理" in (await h.say(INTAKE, "属于物业收费纠纷"))[-1]
    await deliver(h, app)
    assert h.tg.sent(ANON) == []  # nothing pushed to a reporter who declined reminders
    seen = "\n".join(await authenticate(h, ANON, receipt.query_code or ""))
    assert "市场监督管理部门（12315）" in seen and "12315" in seen.split("市场监督管理部门（12315）")[1]
    assert "物业收费纠纷" not in seen  # the officer's reason is for named reporters' notices only
    async with app.ctx.uow() as uow:
        row = (await uow.session.execute(select(CaseRow).where(CaseRow.number == receipt.number))).scalar_one()
    assert (row.state, row.refer_to) == ("not_accepted", "market")
    await app.cases.archive(receipt.number, office.intake)  # archived: still said where to go
    again = "\n".join(await authenticate(h, ANON, receipt.query_code or ""))
    assert "市场监督管理部门（12315）" in again
