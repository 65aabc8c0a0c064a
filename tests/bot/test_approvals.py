"""A leader's approval, through the real bot on both runtimes (issue 15 point 3, rules.md §10.2, R-17): the
officer's step becomes a request pushed to the unit's leader with approve / decline buttons; a decline's reason
reaches the requester, who asks again; on approval the step is taken as the requester's, and the request, the
approver and the time are in the database, the case history, the audit trail and the card."""

from __future__ import annotations

from sqlalchemy import select

from core.model import ApprovalState, Role
from core.persistence.orm import ApprovalRow, CaseEventRow
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import Office, accepted_named_case, named_report

from .conftest import BotHarness
from .fake_telegram_payloads import inline_rows

INTAKE, HANDLER, SUPERVISOR = 1001, 1002, 1004  # Telegram ids in tests/factories.py
REPORTER = 555001


async def deliver(h: BotHarness, app: App) -> int:
    return await OutboxService(app.ctx, h.notifier()).send_due()


async def request_disposal(h: BotHarness, number: str) -> list[str]:
    await h.say(HANDLER, f"/case {number}")
    await h.tap(HANDLER, "选择处置方式")
    return await h.tap(HANDLER, "初步核实")


async def test_a_disposal_is_declined_with_a_reason_asked_again_and_approved(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    number = await accepted_named_case(app, office)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)

    asked = await request_disposal(h, number)
    assert "须经领导批准" in asked[-1] and number in asked[-1] and "请输入批准的领导姓名" not in "".join(asked)
    assert (await app.queries.case_detail(number)).summary.state == "assigned"  # nothing happens yet
    assert await deliver(h, app) >= 1
    push = h.tg.texts(SUPERVISOR)[-1]
    assert "李承办 请您审批" in push and number in push and "初步核实" in push and "检举控告" in push
    assert [t for row in h.tg.last_keyboard(SUPERVISOR) for t, _ in row] == ["✅ 批准", "❌ 不批准", "查看案件"]

    assert "不批准的理由" in (await h.tap(SUPERVISOR, "不批准"))[-1]
    assert "已不批准" in (await h.say(SUPERVISOR, "线索不够具体，请先补充走访材料"))[-1]
    await deliver(h, app)
    told = h.tg.texts(HANDLER)[-1]
    assert "陈主任 未批准" in told and "线索不够具体，请先补充走访材料" in told
    assert (await app.queries.case_detail(number)).summary.state == "assigned"

    assert "须经领导批准" in (await request_disposal(h, number))[-1]  # asked again
    box = await h.say(SUPERVISOR, "/inbox")
    assert "待您审批的事项 1 件" in box[0] and number in box[1] and "李承办" in box[1]
    await deliver(h, app)
    assert "已批准" in (await h.tap(SUPERVISOR, "批准"))[-1]
    assert (await app.queries.case_detail(number)).summary.state == "disposal"
    await deliver(h, app)
    assert "陈主任 已批准" in h.tg.texts(HANDLER)[-1]
    assert "待您审批" not in (await h.say(SUPERVISOR, "/inbox"))[0]  # decided: out of the inbox

    now = app.ctx.now()
    async with app.ctx.uow() as uow:
        s = uow.session
        rows = list((await s.execute(select(ApprovalRow).order_by(ApprovalRow.id))).scalars())
        events = list((await s.execute(select(CaseEventRow).order_by(CaseEventRow.id))).scalars())
    assert [(r.action, r.state, r.requested_by, r.decided_by) for r in rows] == [
        ("dispose", ApprovalState.DECLINED.value, office.handler.officer_id, office.supervisor.officer_id),
        ("dispose", ApprovalState.APPROVED.value, office.handler.officer_id, office.supervisor.officer_id),
    ]
    assert app.ctx.vault.dec_text(rows[0].reason_enc) == "线索不够具体，请先补充走访材料"  # stored encrypted
    assert rows[1].decided_at == now
    steps = [(e.action, e.officer_id) for e in events if e.action in ("request_approval", "approve", "decline",
                                                                      "dispose")]  # fmt: skip
    handler, leader = office.handler.officer_id, office.supervisor.officer_id
    assert steps == [("request_approval", handler), ("decline", leader), ("request_approval", handler),
                     ("approve", leader), ("dispose", handler)]  # fmt: skip
    trail = await app.audit.trail(number)
    assert [(e.action, e.officer_name) for e in trail.entries if e.action == "approve"] == [("approve", "陈主任")]

    card = (await h.say(SUPERVISOR, f"/case {number}"))[0]
    assert "领导批准：选择处置方式：初步核实" in card and "陈主任" in card
    assert "线索不够具体，请先补充走访材料" in card  # the decline and its reason stay on the card


async def test_not_accepting_waits_for_the_leader_and_the_reporter_is_told_after_approval(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    number = (await app.filing.file_report(named_report())).number
    await app.cases.register(number, office.intake)
    await h.say(INTAKE, f"/case {number}")
    await h.tap(INTAKE, "不予受理并告知去向")
    await h.tap(INTAKE, "人民法院")
    asked = await h.say(INTAKE, "属于民间借贷纠纷")
    assert "须经领导批准" in asked[-1]
    await deliver(h, app)
    assert not any("不予受理" in t for t in h.tg.texts(REPORTER))  # nothing told before the decision
    assert "已批准" in (await h.tap(SUPERVISOR, "批准"))[-1]
    detail = await app.queries.case_detail(number)
    assert detail.summary.state == "not_accepted" and detail.refer_to == "judicial"
    assert [(a.action, a.state, a.decided_by) for a in detail.approvals] == [("not_accept", "approved", "陈主任")]
    await deliver(h, app)
    assert any(number in t and "12309" in t for t in h.tg.texts(REPORTER))
    assert "陈主任 已批准" in h.tg.texts(INTAKE)[-1]  # the requester is told


async def tap_push(h: BotHarness, chat: int, label: str) -> list[str]:
    """Tap ``label`` under the latest approval push of the chat (a button the leader kept, tapped later)."""
    push = next(m for m in reversed(h.tg.sent(chat)) if "请您审批" in m.get("text", ""))
    data = next(d for row in inline_rows(push["reply_markup"]) for t, d in row if t.endswith(label) and d)
    before = len(h.tg.sent(chat))
    h.tg.user_taps(chat, data, message_id=push["message_id"])
    await h.settle()
    return h.tg.texts(chat)[before:]


async def test_a_request_another_leader_decided_says_by_whom_and_how_at_once(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    second = 1098  # a second leader of the unit, only here
    await app.officers.add_officer("张伟", "LA", [Role.SUPERVISOR], telegram_id=second)
    number = await accepted_named_case(app, office)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    assert "须经领导批准" in (await request_disposal(h, number))[-1]
    await deliver(h, app)
    assert any("请您审批" in t for t in h.tg.texts(second)) and any("请您审批" in t for t in h.tg.texts(SUPERVISOR))

    assert "已批准" in (await h.tap(second, "批准"))[-1]
    late = await tap_push(h, SUPERVISOR, " 批准")
    assert late == [f"该申请（{number}）已由 张伟 批准，无需再处理。"]
    declined = await tap_push(h, SUPERVISOR, "不批准")  # no reason asked for a decided request
    assert declined == [f"该申请（{number}）已由 张伟 批准，无需再处理。"]
    async with app.ctx.uow() as uow:
        rows = list((await uow.session.execute(select(ApprovalRow))).scalars())
    zhang = await app.officers.actor_for_telegram(second)
    assert zhang is not None
    assert [(r.state, r.decided_by) for r in rows] == [(ApprovalState.APPROVED.value, zhang.officer_id)]
    assert (await app.queries.case_detail(number)).summary.state == "disposal"


async def test_a_declined_request_tapped_again_says_it_was_declined(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    number = await accepted_named_case(app, office)
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await request_disposal(h, number)
    await deliver(h, app)
    await h.tap(SUPERVISOR, "不批准")
    assert "已不批准" in (await h.say(SUPERVISOR, "材料不足"))[-1]
    late = await tap_push(h, SUPERVISOR, " 批准")  # 批准 under the same push, later
    assert late == [f"该申请（{number}）已由 陈主任 决定不批准，无需再处理。"]
    assert (await app.queries.case_detail(number)).summary.state == "assigned"
