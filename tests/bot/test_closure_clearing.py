"""澄清 and 错告/诬告 at closure through the real runtimes (rules.md §4.2, §10.4; issue 15 item 10): a handler
concludes a named accusation whose facts were not confirmed — the person reported cleared, the report suspected of
诬告 and referred — with buttons; the database keeps it (plain columns for statistics, the referral encrypted, a
history step), the intake is told to refer it, the card shows it; the reporter gets the result feedback and
/status, in both languages, and is never told of a false or mistaken accusation."""

from __future__ import annotations

from sqlalchemy import func, select

from core.model import Action, Clearing, DisposalMethod, RecipientKind, ReportAssessment
from core.persistence.orm import CaseEventRow, CaseRow, OutboxRow
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import Office, accepted_named_case, anonymous_report

from .conftest import BotHarness
from .test_status import authenticate

INTAKE, HANDLER, SUPERVISOR = 1001, 1002, 1004  # Telegram ids in tests/factories.py
REPORTER = 555001  # the chat of tests/factories.named_report
ANON_CHAT = 740301
REFERRAL = "市纪委监委案件审理室"
FEEDBACK = "经核查，您反映的问题未查实。感谢您对我们工作的支持和监督。"
#: What an honest reporter is never told, in either language (rules.md §4.2).
ACCUSING = ("诬告", "错告", "诬陷", "捏造", "false accus", "falsely", "mistaken", "fabricat", "wrongly")


def accuses(text: str) -> list[str]:
    return [w for w in ACCUSING if w in text.lower()]


async def deliver(app: App, h: BotHarness) -> int:
    return await OutboxService(app.ctx, h.notifier()).send_due()


async def disposed_to_the_handler(app: App, office: Office, number: str) -> str:
    """An accepted case assigned to the handler and checked (初步核实, approved): ready to conclude."""
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(number, office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    return number


async def conclude_unconfirmed(h: BotHarness, app: App, number: str, *, feedback: bool = True) -> list[str]:
    """The handler's closure: the allegation found untrue, the person cleared, a suspected 诬告 referred."""
    await h.say(HANDLER, f"/case {number}")
    await h.tap(HANDLER, "办结")
    await h.say(HANDLER, "村支书把低保名额给亲戚")
    await h.tap(HANDLER, "不属实")
    await h.say(HANDLER, "低保评议记录；两户家庭收入核查表；走访笔录")
    await h.say(HANDLER, "无")
    asked = await h.say(HANDLER, "对被反映人予以澄清正名")
    assert "是否对被反映人予以澄清正名" in asked[-1]
    assert [t for row in h.tg.last_keyboard(HANDLER) for t, _d in row] == ["予以澄清正名", "无需澄清"]
    asked = await h.tap(HANDLER, "予以澄清正名")
    assert "只记录在案，不告知举报人" in asked[-1] and "地市级" in asked[-1]
    labels = [t for row in h.tg.last_keyboard(HANDLER) for t, _d in row]
    assert labels == ["正常反映，未能查实", "错告（不了解情况，反映失实）", "涉嫌诬告，移交处理"]
    asked = await h.tap(HANDLER, "涉嫌诬告，移交处理")
    assert "移交给哪个部门或机关" in asked[-1]
    await h.say(HANDLER, REFERRAL)
    asked = await h.tap(HANDLER, "是")
    if feedback:
        # a feedback text that speaks of 诬告 is refused, the other answers kept, only the feedback asked again
        refused = await h.say(HANDLER, "经核查，您反映的问题不属实，涉嫌诬告他人。")
        assert "不得向举报人提及诬告" in refused[0] and "反馈" in refused[-1]
        asked = await h.say(HANDLER, FEEDBACK)
    assert "须经领导批准" in asked[-1]  # the leader signs the conclusion off by approving it (§7.1 item 5)
    await deliver(app, h)
    assert "已批准" in (await h.tap(SUPERVISOR, "批准"))[-1]
    await deliver(app, h)
    return await h.say(HANDLER, f"/case {number}")


async def test_a_suspected_false_accusation_is_recorded_and_referred_and_never_told_to_the_reporter(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    number = await disposed_to_the_handler(app, office, await accepted_named_case(app, office))
    await deliver(app, h)
    before = len(h.tg.texts(REPORTER))  # the acceptance notice came before the closure
    done = await conclude_unconfirmed(h, app, number)
    assert "已办结" in done[-1]

    # stored: plain columns to count, the referral encrypted in the result, a history step, never public
    async with app.ctx.uow() as uow:
        s = uow.session
        case = (await s.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        assert (case.state, case.clearing, case.report_assessment) == ("concluded", "cleared", "suspected_false")
        assert case.result_enc is not None and REFERRAL.encode() not in case.result_enc
        result = app.ctx.vault.dec_json(case.result_enc)
        assert (result["clearing"], result["assessment"], result["referred_to"]) == (
            Clearing.CLEARED, ReportAssessment.SUSPECTED_FALSE, REFERRAL)  # fmt: skip
        steps = select(CaseEventRow).where(CaseEventRow.case_id == case.id,
                                           CaseEventRow.action == Action.ASSESS_REPORT.value)  # fmt: skip
        [step] = (await s.execute(steps)).scalars().all()
        assert not step.public and step.officer_id == office.handler.officer_id
        assert app.ctx.vault.dec_text(step.note_enc) == f"cleared suspected_false {REFERRAL}"
        counted = await s.execute(select(func.count(CaseRow.id)).where(
            CaseRow.report_assessment == ReportAssessment.SUSPECTED_FALSE.value))  # fmt: skip
        assert counted.scalar_one() == 1  # statistics can count the suspicions referred

    await deliver(app, h)
    notices = [t for t in h.tg.texts(INTAKE) if "涉嫌诬告" in t]
    assert notices and number in notices[0] and "移交" in notices[0]  # the intake refers it
    card = await h.say(HANDLER, f"/case {number}")
    assert "· 未查实：予以澄清正名；涉嫌诬告，移交处理" in card[-1]
    assert f"· 涉嫌诬告，已移交：{REFERRAL}" in card[-1]
    assert f"李承办 未查实：予以澄清正名；涉嫌诬告，移交处理 — {REFERRAL}" in card[-1]  # the history line

    # the result feedback: what the handler prepared, sent as it is
    offered = await h.tap(HANDLER, "反馈结果")
    assert FEEDBACK in offered[-1]
    assert "已反馈" in (await h.tap(HANDLER, "按此发送"))[-1]
    await deliver(app, h)
    told = h.tg.texts(REPORTER)[before:]
    result_texts = [t for t in told if t.startswith("【办理结果反馈】")]
    assert result_texts and FEEDBACK in result_texts[0]
    seen = told + await h.say(REPORTER, "/status")
    assert any(FEEDBACK in t for t in seen[len(told) :])
    await h.say(REPORTER, "/lang")
    await h.tap(REPORTER, "English")
    english = await h.say(REPORTER, "/status")
    assert any("Result:" in t and FEEDBACK in t for t in english)
    for text in seen + english:
        assert not accuses(text), text
    print("\n".join(h.transcript))  # shown with -s: what the handler, the intake and the reporter saw

    # every message queued for the reporter, rendered in both languages, accuses nobody either
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(select(OutboxRow).where(
            OutboxRow.recipient_kind == RecipientKind.REPORTER.value))).scalars().all()  # fmt: skip
        queued = [(r.template, app.ctx.vault.dec_json(r.params_enc)) for r in rows]
    assert any(template == "notify.reporter.feedback" for template, _p in queued)
    for template, params in queued:
        for locale in ("zh-CN", "en"):
            rendered = h.tr.notification(locale, template, params)
            assert not accuses(rendered), (locale, rendered)


async def test_an_anonymous_reporters_status_shows_nothing_of_the_suspicion(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    receipt = await app.filing.file_report(anonymous_report(chat_id=ANON_CHAT))
    number = receipt.number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await disposed_to_the_handler(app, office, number)
    done = await conclude_unconfirmed(h, app, number, feedback=False)  # no feedback is owed an anonymous reporter
    assert "已办结" in done[-1]
    await deliver(app, h)
    assert receipt.query_code
    seen = h.tg.texts(ANON_CHAT) + await authenticate(h, ANON_CHAT, receipt.query_code)
    assert any("已办结" in t for t in seen)
    for text in seen:
        assert not accuses(text), text
