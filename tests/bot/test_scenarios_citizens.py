"""Issue 15 journeys from the citizen's side that the other bot tests leave a gap in, through the real runtimes and
checked in the database (states, history rows with who and when, deadlines, notices).

- An anonymous appellant files through the bot (test_appeals.py files a named one through the bot, an anonymous
  one through the service); the leader decides 变更 himself, and the appellant reads it at /status (point 2).
- An anonymous reporter adds a file to a case already with its handler: the handler is told, not the intake
  (test_citizen_followup.py: the named reporter to a handler, the anonymous one before assignment) (point 12).
"""

from __future__ import annotations

from sqlalchemy import select

from core.calendar.deadlines import DeadlineKind
from core.clock import ManualClock
from core.persistence import office as office_setting
from core.persistence.orm import CaseEventRow, CaseRow, DeadlineRow, EvidenceRow
from qingfeng.app import App
from tests.conftest import beijing
from tests.factories import Office, anonymous_report
from tests.integration.helpers import outbox
from tests.walks import JPEG

from .conftest import BotHarness
from .test_citizen_followup import authenticate, deliver, tap_under

INTAKE, HANDLER, SUPERVISOR = 1001, 1002, 1004  # Telegram ids in tests/factories.py
APPELLANT, ANON = 700401, 700402
PASSWORD = "lao-li-2026!"
GROUNDS = "处分认定我虚报工程量，但验收单由监理和镇城建办共同签字，工程量与图纸一致，认定的事实不成立。"
REASONS = "经复查，工程量经监理和城建办共同签字确认，原处分认定的事实不清，改为诫勉谈话。"


async def history(app: App, number: str) -> list[CaseEventRow]:
    """The case's history steps in order, without the reads (view_*) recorded beside them."""
    async with app.ctx.uow() as uow:
        case_id = (await uow.session.execute(select(CaseRow.id).where(CaseRow.number == number))).scalar_one()
        query = select(CaseEventRow).where(CaseEventRow.case_id == case_id).order_by(CaseEventRow.id)
        return [e for e in (await uow.session.execute(query)).scalars() if not e.action.startswith("view")]


async def officer_notices(app: App, officer_id: int | None) -> list[str]:
    return [m.template for m in await outbox(app) if m.recipient_kind == "officer" and m.recipient_id == officer_id]


async def test_an_anonymous_appellant_files_in_the_bot_the_leader_changes_the_decision_and_status_shows_it(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    async with app.ctx.uow() as uow:  # an appeal names nobody to route by: the office's home unit takes it
        await office_setting.store_home(uow.session, "LA")
        await uow.commit()
    await h.say(APPELLANT, "/start")
    await h.tap(APPELLANT, "我已阅读")
    await h.say(APPELLANT, "我对镇纪委给我的政务处分不服")
    await h.tap(APPELLANT, "申诉")
    asked = await h.tap(APPELLANT, "匿名举报")
    assert "哪个机关作出的决定" in asked[-1]
    await h.say(APPELLANT, "临安区某镇纪委")
    await h.say(APPELLANT, "2026年8月3日")
    await h.tap(APPELLANT, "政务处分")
    await h.say(APPELLANT, "给予政务警告处分")
    await h.tap(APPELLANT, "跳过")  # no document number
    await h.say(APPELLANT, GROUNDS)
    await h.tap(APPELLANT, "跳过")  # other bodies
    await h.tap(APPELLANT, "完成")  # no evidence
    await h.say(APPELLANT, PASSWORD)
    await h.say(APPELLANT, PASSWORD)
    review = await h.tap(APPELLANT, "不需要")  # no reminders
    assert "申诉的决定：临安区某镇纪委，2026年8月3日，政务处分" in review[-1] and "被反映人" not in review[-1]
    await h.tap(APPELLANT, "内容无误")
    filed = await h.tap(APPELLANT, "确认提交")
    receipt = next(t for t in filed if "编号：" in t)
    number = receipt.split("编号：")[1].split("\n")[0]
    code = next(t for t in filed if "查询码：" in t).split("查询码：")[1].split()[0]

    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        assert (case.report_type, case.named, case.category) == ("appeal", False, None)
        assert app.ctx.vault.dec_json(case.particulars_enc or b"")["kind"] == "government_sanction"
    await deliver(h, app)
    assert await officer_notices(app, office.intake.officer_id) == ["notify.officer.new_case"]

    await h.say(INTAKE, f"/case {number}")
    for label in ("登记", "受理", "分配承办", "李承办"):
        await h.tap(INTAKE, label)
    clock.set(beijing(2026, 10, 20, 16, 0))
    card = await h.say(SUPERVISOR, f"/case {number}")
    assert "申诉的决定：临安区某镇纪委于2026年8月3日作出的政务处分" in card[-1]
    await h.tap(SUPERVISOR, "作出申诉复查决定")
    await h.tap(SUPERVISOR, "变更")
    done = await h.say(SUPERVISOR, REASONS)  # a leader's own decision is its approval (rules.md §10.2 [U])
    assert not any("领导批准" in t for t in done) and "复查结论：变更" in done[-1]
    labels = [t for row in h.tg.last_keyboard(SUPERVISOR) for t, _d in row]
    assert "反馈结果" not in labels and "报结" not in labels  # no feedback owed to the anonymous (D4), no 报结 (§10.3)

    steps = await history(app, number)
    assert [e.action for e in steps] == ["file", "register", "accept", "assign", "decide_appeal"]
    decided = steps[-1]
    assert (decided.officer_id, decided.at, decided.to_state) == (
        office.supervisor.officer_id, clock.now(), "concluded")  # fmt: skip
    assert [e.officer_id for e in steps[1:4]] == [office.intake.officer_id] * 3
    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        assert (case.state, case.outcome) == ("concluded", "changed")
        rows = (await uow.session.execute(select(DeadlineRow).where(DeadlineRow.case_id == case.id))).scalars()
        due = {d.kind: d.state for d in rows}
    assert due[DeadlineKind.REVIEW_ANSWER.value] == "met"  # answered in time (D12)
    assert DeadlineKind.RESULT_FEEDBACK.value not in due  # nothing owed to an anonymous appellant (D4)

    await deliver(h, app)
    shown = "\n".join(await authenticate(h, APPELLANT, code, PASSWORD))
    assert "变更。" + REASONS in shown


async def test_an_anonymous_reporter_adds_a_photo_to_a_case_with_its_handler_and_the_handler_is_told(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    h = harness
    receipt = await app.filing.file_report(anonymous_report(chat_id=ANON, notify_opt_in=False))
    number = receipt.number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await deliver(h, app)
    before = {o: await officer_notices(app, o) for o in (office.intake.officer_id, office.handler.officer_id)}

    clock.set(beijing(2026, 10, 9, 20, 15))
    await authenticate(h, ANON, receipt.query_code or "", "correct horse")
    asked = await tap_under(h, ANON, "补充反映", number)
    assert number in asked[-1]
    await h.tap(ANON, "跳过")  # no text, a photo only
    await h.photo(ANON, JPEG)
    await h.tap(ANON, "完成")
    assert "已并入" in (await h.tap(ANON, "确认提交"))[-1]
    await deliver(h, app)

    handler_new = (await officer_notices(app, office.handler.officer_id))[len(before[office.handler.officer_id]) :]
    intake_new = (await officer_notices(app, office.intake.officer_id))[len(before[office.intake.officer_id]) :]
    assert len(handler_new) == 1 and intake_new == []  # the handler holds the case: the handler is told
    told = [t for t in h.tg.texts(HANDLER) if number in t and "补充" in t]
    assert told and str(ANON) not in " ".join(h.tg.texts(HANDLER))  # never the chat of an anonymous reporter
    added = [e for e in await history(app, number) if e.action == "add_by_reporter"]
    assert [(e.officer_id, e.actor, e.at, e.to_state) for e in added] == [(None, "citizen", clock.now(), "assigned")]
    async with app.ctx.uow() as uow:
        case_id = (await uow.session.execute(select(CaseRow.id).where(CaseRow.number == number))).scalar_one()
        [stored] = (await uow.session.execute(select(EvidenceRow).where(EvidenceRow.case_id == case_id))).scalars()
    raw = (app.settings.evidence_dir / f"{stored.storage_key}.bin").read_bytes()
    assert JPEG not in raw and await app.ctx.evidence.get(stored.storage_key) == JPEG  # encrypted at rest
    card = (await h.say(HANDLER, f"/case {number}"))[0]
    assert "补充反映" in card
