"""A reporter's case followed to its end through the real runtimes (issue 15, items 6, 8, 12, 9): an anonymous
reporter learns at /status where to go when a case is not accepted; a duplicate's named reporter learns which case
it joined and gets that case's result; reporters add text and files to an open case; a parked case comes back
for review."""

from __future__ import annotations

from sqlalchemy import select

from core.calendar.deadlines import DeadlineKind
from core.clock import ManualClock
from core.model import DisposalMethod
from core.persistence.orm import CaseEventRow, CaseRow, DeadlineRow, EvidenceRow
from core.services.outbox import OutboxService
from core.services.reminders import ReminderService
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import Office, anonymous_report, closure, named_report

from .conftest import BotHarness
from .test_officer import approved
from .test_review import tap_under

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
    assert "须经领导批准" in (await h.say(INTAKE, "属于物业收费纠纷"))[-1]  # rules.md §10.2 不予受理
    assert "已批准" in (await approved(h, app))[-1]
    await deliver(h, app)
    assert h.tg.sent(ANON) == []  # nothing pushed to a reporter who declined reminders
    seen = "\n".join(await authenticate(h, ANON, receipt.query_code or ""))
    assert "市场监督管理部门（12315）" in seen and "12315" in seen.split("市场监督管理部门（12315）")[1]
    assert "物业收费纠纷" not in seen  # the officer's reason is for named reporters' notices only
    async with app.ctx.uow() as uow:
        row = (await uow.session.execute(select(CaseRow).where(CaseRow.number == receipt.number))).scalar_one()
    assert (row.state, row.refer_to) == ("not_accepted", "market")
    await app.cases.archive(receipt.number, office.intake, approved_by=office.supervisor)  # still said where to go
    again = "\n".join(await authenticate(h, ANON, receipt.query_code or ""))
    assert "市场监督管理部门（12315）" in again

    vague = await app.filing.file_report(anonymous_report(chat_id=ANON + 1, notify_opt_in=False))
    await app.cases.register(vague.number, office.intake)
    await app.cases.refer(vague.number, office.intake, None, "只有定性，没有事实", lacks_facts=True,
                          approved_by=office.supervisor)  # fmt: skip
    asked = "\n".join(await authenticate(h, ANON + 1, vague.query_code or ""))
    assert "缺少具体事实" in asked and "怎么知道" in asked  # no single body: what would make it acceptable


# -- item 8: a duplicate is linked both ways and its reporter hears the original's result --------------------------
async def test_a_duplicates_named_reporter_is_told_the_case_it_joined_and_gets_its_result(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    original = (await app.filing.file_report(named_report(chat_id=REPORTER))).number
    later = (await app.filing.file_report(named_report(chat_id=REPORTER + 1))).number
    for n in (original, later):
        await app.cases.register(n, office.intake)
    await h.say(INTAKE, f"/case {later}")
    await h.tap(INTAKE, "标记重复件")
    assert "重复件" in (await h.say(INTAKE, original))[-1]
    await deliver(h, app)
    told = [t for t in h.tg.texts(REPORTER + 1) if later in t and original in t]
    assert told and "并入" in told[0]

    assert f"并入本件的重复件：{later}" in (await h.say(INTAKE, f"/case {original}"))[0]  # both officer cards
    assert f"重复件，已并入：{original}" in (await h.say(INTAKE, f"/case {later}"))[0]
    assert (await app.queries.case_detail(original)).duplicates == (later,)  # what `qingfeng case show` prints

    await app.cases.accept(original, office.intake)
    await app.cases.assign(original, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(original, office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    await app.cases.conclude(original, office.handler, closure(), approved_by=office.supervisor)
    await h.say(HANDLER, f"/case {original}")
    await h.tap(HANDLER, "反馈结果")
    await h.tap(HANDLER, "修改")
    assert "已反馈" in (await h.say(HANDLER, "经核查，部分属实，已责令整改。"))[-1]
    await deliver(h, app)
    assert any(t.startswith("【办理结果反馈】") and "责令整改" in t for t in h.tg.texts(REPORTER))
    joined = [t for t in h.tg.texts(REPORTER + 1) if t.startswith("【办理结果反馈】")]
    assert joined and later in joined[0] and original in joined[0] and "责令整改" in joined[0]
    status = "\n".join(await h.say(REPORTER + 1, "/status"))
    assert "责令整改" in status  # and /status of the duplicate shows it
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(
            select(CaseEventRow).join(CaseRow, CaseRow.id == CaseEventRow.case_id).where(CaseRow.number == later)
        )).scalars().all()  # fmt: skip
        feedback = [e for e in rows if e.action == "give_feedback"]
        assert feedback and b"\xe8\xb4\xa3" not in (feedback[0].note_enc or b"")  # kept, encrypted


async def test_a_named_duplicate_of_an_anonymous_report_gets_its_result_and_so_does_one_joined_later(
    harness: BotHarness, app: App, office: Office
) -> None:
    """The original's reporter is anonymous, so no feedback is owed to it; the named reporter who joined it is
    owed the result (D4): the conclusion asks for a feedback text, the handler is offered 反馈结果, the archive
    waits for it. A named report joined after the result was given gets it at once."""
    h = harness
    original = (await app.filing.file_report(anonymous_report())).number
    later = (await app.filing.file_report(named_report(chat_id=REPORTER + 1))).number
    for n in (original, later):
        await app.cases.register(n, office.intake)
    await app.cases.mark_duplicate(later, office.intake, original)
    await app.cases.accept(original, office.intake)
    await app.cases.assign(original, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(original, office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    await app.cases.conclude(original, office.handler, closure(), approved_by=office.supervisor)
    owed = await deadlines(app, original, DeadlineKind.RESULT_FEEDBACK)
    assert [d.state for d in owed] == ["open"]  # D4, owed to the duplicate's reporter
    await h.say(INTAKE, f"/case {original}")
    assert "需先反馈办理结果" in (await h.tap(INTAKE, "归档"))[-1]

    await h.say(HANDLER, f"/case {original}")
    await h.tap(HANDLER, "反馈结果")
    await h.tap(HANDLER, "修改")
    assert "已反馈" in (await h.say(HANDLER, "经核查，部分属实，已责令整改。"))[-1]
    await deliver(h, app)
    joined = [t for t in h.tg.texts(REPORTER + 1) if t.startswith("【办理结果反馈】")]
    assert joined and later in joined[0] and original in joined[0] and "责令整改" in joined[0]
    assert [d.state for d in await deadlines(app, original, DeadlineKind.RESULT_FEEDBACK)] == ["met"]

    latest = (await app.filing.file_report(named_report(chat_id=REPORTER + 2))).number
    await app.cases.register(latest, office.intake)
    await app.cases.mark_duplicate(latest, office.intake, original)
    await deliver(h, app)
    told = [t for t in h.tg.texts(REPORTER + 2) if t.startswith("【办理结果反馈】")]
    assert told and latest in told[0] and "责令整改" in told[0]


async def deadlines(app: App, number: str, kind: DeadlineKind) -> list[DeadlineRow]:
    async with app.ctx.uow() as uow:
        query = (select(DeadlineRow).join(CaseRow, CaseRow.id == DeadlineRow.case_id)
                 .where(CaseRow.number == number, DeadlineRow.kind == kind.value).order_by(DeadlineRow.id))  # fmt: skip
        return list((await uow.session.execute(query)).scalars())


# -- item 12: reporters add text and files to an open case ----------------------------------------------------------
JPEG = b"\xff\xd8\xff\xe0" + b"photo-of-the-ledger" * 100
PDF = b"%PDF-1.7\n" + b"minutes of the village meeting" * 50
ADDED = "补充：村会计王某也参与了分钱，账本在村部。"


async def additions(app: App, number: str) -> tuple[list[CaseEventRow], list[EvidenceRow]]:
    async with app.ctx.uow() as uow:
        s = uow.session
        case_id = (await s.execute(select(CaseRow.id).where(CaseRow.number == number))).scalar_one()
        events = (await s.execute(select(CaseEventRow).where(
            CaseEventRow.case_id == case_id, CaseEventRow.action == "add_by_reporter"))).scalars().all()  # fmt: skip
        files = (await s.execute(select(EvidenceRow).where(EvidenceRow.case_id == case_id))).scalars().all()
        return list(events), list(files)


async def test_a_named_reporter_adds_text_and_a_file_and_the_handler_is_told(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    number = (await app.filing.file_report(named_report(chat_id=REPORTER))).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await deliver(h, app)
    status = await h.say(REPORTER, "/status")
    assert number in status[0]
    await h.say(REPORTER + 9, "/help")
    forged = await h.tap_data(REPORTER + 9, f"s::add:{number}")  # someone else's chat, a forged button
    assert not any(number in t for t in forged)
    assert not (await additions(app, number))[0]
    asked = await tap_under(h, REPORTER, "补充反映", number)
    assert number in asked[-1]
    await h.say(REPORTER, ADDED)
    await h.document(REPORTER, PDF, "账本.pdf", "application/pdf")
    await h.tap(REPORTER, "完成")
    done = await h.tap(REPORTER, "确认提交")
    assert "已并入" in done[-1]
    await deliver(h, app)
    assert any(number in t and "补充" in t for t in h.tg.texts(HANDLER))
    events, files = await additions(app, number)
    assert len(events) == 1 and len(files) == 1
    assert events[0].note_enc and ADDED.encode() not in events[0].note_enc  # encrypted like the original
    assert app.ctx.vault.dec_text(events[0].note_enc) == ADDED
    raw = (app.settings.evidence_dir / f"{files[0].storage_key}.bin").read_bytes()
    assert PDF not in raw and await app.ctx.evidence.get(files[0].storage_key) == PDF
    card = (await h.say(HANDLER, f"/case {number}"))[0]
    assert "账本.pdf" in card and "补充反映" in card


async def test_an_anonymous_reporter_adds_a_file_after_code_and_password_and_intake_is_told(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    receipt = await app.filing.file_report(anonymous_report(chat_id=ANON, notify_opt_in=False))
    await app.cases.register(receipt.number, office.intake)  # nobody assigned yet: the intake reads it
    await deliver(h, app)
    before = len(h.tg.texts(INTAKE))
    await h.say(ANON, "/help")
    forged = await h.tap_data(ANON, f"s::add:{receipt.number}")  # the number alone proves nothing
    assert not any(receipt.number in t for t in forged)
    await authenticate(h, ANON, receipt.query_code or "")
    await tap_under(h, ANON, "补充反映", receipt.number)
    await h.tap(ANON, "跳过")  # a file only
    await h.photo(ANON, JPEG)
    await h.tap(ANON, "完成")
    done = await h.tap(ANON, "确认提交")
    assert "已并入" in done[-1]
    await deliver(h, app)
    told = h.tg.texts(INTAKE)[before:]
    assert any(receipt.number in t and "补充" in t for t in told)
    assert str(ANON) not in " ".join(h.tg.texts(INTAKE))  # the chat never reaches an officer
    events, files = await additions(app, receipt.number)
    assert len(events) == 1 and events[0].note_enc is None and len(files) == 1
    assert JPEG not in (app.settings.evidence_dir / f"{files[0].storage_key}.bin").read_bytes()


# -- item 9: a parked case comes back for review --------------------------------------------------------------------
async def park_reviews(app: App, number: str) -> list[DeadlineRow]:
    async with app.ctx.uow() as uow:
        s = uow.session
        rows = (await s.execute(
            select(DeadlineRow).join(CaseRow, CaseRow.id == DeadlineRow.case_id)
            .where(CaseRow.number == number, DeadlineRow.kind == DeadlineKind.PARK_REVIEW.value)
            .order_by(DeadlineRow.id)
        )).scalars().all()  # fmt: skip
        return list(rows)


async def test_a_parked_case_is_reviewed_at_its_date_and_the_named_reporter_told(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    number = (await app.filing.file_report(named_report(chat_id=REPORTER))).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await h.say(HANDLER, f"/case {number}")
    assert "须经领导批准" in (await h.tap(HANDLER, "暂存待查"))[-1]
    assert "已批准" in (await approved(h, app))[-1]
    await deliver(h, app)
    assert any(number in t and "暂存待查" in t and "补充反映" in t for t in h.tg.texts(REPORTER))
    [review] = await park_reviews(app, number)
    assert review.state == "open" and review.due_date == app.ctx.calendar.add_months(review.trigger_date, 3)
    card = (await h.say(HANDLER, f"/case {number}"))[0]
    assert f"暂存待查复查：{review.due_date.isoformat()} 到期" in card

    clock.set(beijing(review.due_date.year, review.due_date.month, review.due_date.day, 9, 0))
    assert await ReminderService(app.ctx, app.urgent).sweep() >= 1
    await deliver(h, app)
    reminded = [t for t in h.tg.texts(HANDLER) if number in t and "暂存待查复查" in t]
    assert reminded and not any(number in t and "暂存待查复查" in t for t in h.tg.texts(INTAKE))

    await h.say(HANDLER, f"/case {number}")
    await h.tap(HANDLER, "复查：继续暂存")
    reviewed = await h.say(HANDLER, "走访未发现新线索，继续暂存。")
    assert "已完成" in reviewed[0] and "复查后继续暂存" in reviewed[-1]  # and the card's history says so
    first, second = await park_reviews(app, number)
    assert first.state == "met" and second.state == "open"
    assert second.due_date == app.ctx.calendar.add_months(review.due_date, 3)
    await deliver(h, app)
    assert len([t for t in h.tg.texts(REPORTER) if number in t and "暂存待查" in t]) == 2  # told again
