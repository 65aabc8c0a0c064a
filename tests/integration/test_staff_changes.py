"""An officer leaves: deactivated, and their open cases handed over in one audited step."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.actor import Actor
from core.errors import InvalidInput, NotPermitted
from core.model import DisposalMethod
from core.persistence.orm import CaseEventRow, OutboxRow
from qingfeng.app import App
from tests.factories import closure, named_report, seed_office


async def test_deactivate_reassigns_all_open_cases_and_records_it(app: App) -> None:
    office = await seed_office(app)
    handler, successor = office.handler.officer_id or 0, office.handler2.officer_id or 0
    numbers = []
    for i in range(3):
        n = (await app.filing.file_report(named_report(chat_id=600000 + i))).number
        await app.cases.register(n, office.intake)
        await app.cases.accept(n, office.intake)
        await app.cases.assign(n, office.intake, handler)
        numbers.append(n)
    await app.cases.dispose(numbers[2], office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    await app.cases.conclude(numbers[2], office.handler, closure(), approved_by=office.supervisor)
    await app.cases.give_feedback(numbers[2], office.handler, "结果")
    await app.cases.archive(
        numbers[2], office.intake, approved_by=office.supervisor
    )  # closed: stays with its handler in the record

    with pytest.raises(NotPermitted):
        await app.officers.deactivate(handler, successor, office.supervisor)  # admins (and the CLI) only
    with pytest.raises(InvalidInput):
        await app.officers.deactivate(handler, office.city_intake.officer_id, Actor.system())  # another unit
    assert await app.officers.deactivate(handler, successor, Actor.system("cli")) == 2
    for n in numbers[:2]:
        assert (await app.queries.case_detail(n)).summary.assignee == "赵承办"
    assert (await app.queries.case_detail(numbers[2])).summary.assignee == "李承办"
    assert await app.officers.actor_for_telegram(1002) is None  # the leaver can no longer act in the bot
    async with app.ctx.uow() as uow:
        moves = (await uow.session.execute(select(CaseEventRow).where(CaseEventRow.action == "reassign"))).scalars()
        assert len(list(moves)) == 2
        told = (await uow.session.execute(select(OutboxRow).where(OutboxRow.recipient_id == successor))).scalars()
        assert len([r for r in told if r.template == "notify.officer.assigned"]) == 2


async def test_a_case_given_to_another_handler_tells_the_first_and_names_the_new_one(app: App) -> None:
    """An officer with fifty cases learns when one is taken off them; the history names who has it now."""
    office = await seed_office(app)
    number = (await app.filing.file_report(named_report())).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.assign(number, office.intake, office.handler2.officer_id or 0)
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(select(OutboxRow).order_by(OutboxRow.id))).scalars().all()
        told = [(r.recipient_id, app.vault.dec_json(r.params_enc)) for r in rows
                if r.template == "notify.officer.reassigned"]  # fmt: skip
    assert told == [(office.handler.officer_id, {"number": number, "handler": "赵承办"})]
    detail = await app.queries.case_detail(number)
    assert [e.note for e in detail.events if e.action == "assign"] == ["李承办", "赵承办"]
