"""Notifications through the real Bot API client: Telegram's rate limits, a 429 waited out, a 403 kept."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

from sqlalchemy import select

from bot.ratelimit import RateLimiter
from core.clock import ManualClock
from core.model import RecipientKind, Role
from core.persistence import repository as repo
from core.persistence.orm import OutboxRow
from core.ports import Delivery, DeliveryResult, OutgoingMessage
from core.services.outbox import OutboxService
from qingfeng.app import App
from tests.factories import Office, accepted_named_case

from .conftest import BotHarness

REPORTER = 555001


def sender(h: BotHarness, app: App) -> OutboxService:
    return OutboxService(app.ctx, h.notifier(RateLimiter()))


async def test_a_burst_of_160_notifications_stays_within_the_limits(harness: BotHarness, app: App) -> None:
    h = harness
    h.tg.enforce_rate_limits(per_chat_per_second=1, global_per_second=30)
    officers = [await app.officers.add_officer(f"干部{i}", "LA", [Role.HANDLER], telegram_id=50_000 + i)
                for i in range(40)]  # fmt: skip
    async with app.ctx.uow() as uow:
        for round_ in range(4):  # four to each chat: the per-chat limit matters as well as the global one
            for o in officers:
                repo.enqueue(uow.session, app.vault, kind=RecipientKind.OFFICER, recipient_id=o.id,
                             template="notify.officer.new_case", params={"number": f"XF-2026-{round_:06d}"},
                             now=app.ctx.now())  # fmt: skip
        await uow.commit()
    service = sender(h, app)
    sent = 0
    for _ in range(10):
        sent += await service.send_due(limit=500)
        if sent == 160:
            break
    calls = [c for c in h.tg.calls_to("sendMessage") if c.chat_id and c.chat_id >= 50_000]
    assert sent == 160 and len(calls) == 160 and all(c.ok for c in calls)  # not a single 429
    by_chat: dict[int, list[float]] = {}
    for c in calls:
        by_chat.setdefault(c.chat_id or 0, []).append(c.at)
    assert all(b - a >= 1.0 for times in by_chat.values() for a, b in pairwise(times))
    times = sorted(c.at for c in calls)
    assert all(times[i + 30] - times[i] >= 1.0 for i in range(len(times) - 30))  # ≤ 30 in any second


async def test_a_blocked_reporter_is_kept_undeliverable_and_shown_to_officers(
    harness: BotHarness, app: App, office: Office
) -> None:
    h = harness
    number = await accepted_named_case(app, office)
    h.tg.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=REPORTER, times=None)
    await sender(h, app).send_due()
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(select(OutboxRow).where(OutboxRow.recipient_kind == "reporter"))).scalars()
        notice = [(r.template, r.status, r.last_error) for r in rows]
    assert notice == [("notify.reporter.accepted", "undeliverable", "403 bot blocked or chat unavailable")]
    card = await h.say(1001, f"/case {number}")
    assert "未能送达" in card[-1]


async def test_a_429_on_a_notification_is_waited_out(harness: BotHarness, app: App, office: Office,
                                                     clock: ManualClock) -> None:  # fmt: skip
    h = harness
    await accepted_named_case(app, office)
    h.tg.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1, chat_id=REPORTER)
    service = sender(h, app)
    await service.send_due()
    assert not any(t.startswith("【受理告知】") for t in h.tg.texts(REPORTER))
    async with app.ctx.uow() as uow:
        row = (await uow.session.execute(select(OutboxRow).where(OutboxRow.recipient_kind == "reporter"))).scalar_one()
        assert row.status == "pending" and row.next_try_at == clock.now() + timedelta(seconds=1)
    clock.advance(timedelta(seconds=1))
    assert await service.send_due() == 1
    assert any(t.startswith("【受理告知】") for t in h.tg.texts(REPORTER))


async def test_telegram_refusals_and_outages_give_the_same_outcome_on_each_runtime(harness: BotHarness) -> None:
    h, message = harness, OutgoingMessage(REPORTER, "zh-CN", "notify.officer.new_case", {"number": "XF-2026-000001"})
    notifier = h.notifier(RateLimiter(per_chat_interval=0))
    h.tg.fail_next("sendMessage", 400, "Bad Request: chat not found", chat_id=REPORTER)
    assert await notifier.deliver(message) == DeliveryResult(Delivery.UNDELIVERABLE, error="400 chat not found")
    h.tg.fail_next("sendMessage", 502, "Bad Gateway", chat_id=REPORTER)
    assert await notifier.deliver(message) == DeliveryResult(Delivery.RETRY, error="Bad Gateway")
    h.tg.fail_next("sendMessage", 429, retry_after=7, chat_id=REPORTER)
    flood = DeliveryResult(Delivery.RETRY, retry_after=7.0, error="429 flood control")
    assert await notifier.deliver(message) == flood
    assert await h.notifier().deliver(message) == DeliveryResult(Delivery.SENT)  # (that limiter now waits 7 s)


async def test_an_officer_back_after_a_while_gets_no_stale_notices(
    harness: BotHarness, app: App, office: Office
) -> None:
    """Issue 12, item 16: notices queued while an officer could not be reached (the bot down; an officer of the
    demo office working from the terminal) came as a backlog, "新收到一件信访举报" for cases long concluded.
    What no longer asks for anything is dropped when it is due; what still does is sent."""
    from core.model import DisposalMethod, OutboxStatus
    from tests.factories import closure, named_report

    h = harness
    done = await accepted_named_case(app, office)  # queued: new case (intake), assigned (handler), reminders
    await app.cases.assign(done, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(done, office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    await app.cases.conclude(done, office.handler, closure(), approved_by=office.supervisor)
    await app.cases.give_feedback(done, office.handler, "经核查，部分属实，已责令整改。")
    waiting = (await app.filing.file_report(named_report(chat_id=REPORTER + 1))).number
    await sender(h, app).send_due()
    intake, handler = h.tg.texts(1001), h.tg.texts(1002)
    assert [t for t in intake if "新收到一件信访举报" in t] == [f"新收到一件信访举报：{waiting}，请及时登记处理。"]
    assert not any(done in t for t in intake + handler)  # nothing about the concluded case
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(select(OutboxRow).where(OutboxRow.recipient_kind == "officer"))).scalars()
        statuses = sorted(r.status for r in rows)
    assert statuses == [OutboxStatus.DROPPED.value] * 2 + [OutboxStatus.SENT.value]  # kept, marked, not sent


async def test_a_backlog_of_new_case_notices_comes_as_one_summary(
    harness: BotHarness, app: App, office: Office, clock: ManualClock
) -> None:
    """Issue 12, item 16: an officer back after hours (or joining the demo office) gets one "N reports wait for
    you" instead of a notice per report; a fresh report is announced on its own, as before."""
    from tests.factories import named_report

    h = harness
    waiting = [(await app.filing.file_report(named_report(chat_id=REPORTER + i))).number for i in range(4)]
    clock.advance(timedelta(hours=3))  # nobody sent anything meanwhile (the bot was down)
    fresh = (await app.filing.file_report(named_report(chat_id=REPORTER + 9))).number
    await sender(h, app).send_due()
    intake = h.tg.texts(1001)
    assert len([t for t in intake if "有 4 件信访举报在等您处理" in t and "/inbox" in t]) == 1
    assert [t for t in intake if "新收到一件信访举报" in t] == [f"新收到一件信访举报：{fresh}，请及时登记处理。"]
    assert not any(n in t for n in waiting for t in intake)
    await sender(h, app).send_due()
    assert len(h.tg.texts(1001)) == 2  # the summary and the fresh one, once
