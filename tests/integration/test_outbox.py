"""The outbox: written with the change it reports, sent through the Notifier port with retries and backoff."""

from __future__ import annotations

import asyncio
from collections import deque
from datetime import timedelta

from core.clock import ManualClock
from core.model import Role
from core.pacing import Pacer
from core.ports import Delivery, DeliveryResult, OutgoingMessage
from core.services.chat_outbox import ChatOutbox
from core.services.outbox import BASE_BACKOFF, MAX_ATTEMPTS, MAX_BACKOFF, OutboxService
from qingfeng.app import App, build_scheduler
from qingfeng.scheduler import stop_scheduler
from tests.factories import anonymous_report, named_report, seed_office
from tests.integration.helpers import case_row, outbox

SENT = DeliveryResult(Delivery.SENT)


class FakeNotifier:
    """Records every message; answers from a script (then SENT), never raises."""

    def __init__(self) -> None:
        self.messages: list[OutgoingMessage] = []
        self.script: deque[DeliveryResult] = deque()
        self.pacer = Pacer()  # no limits

    def will(self, *results: DeliveryResult) -> None:
        self.script.extend(results)

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        self.messages.append(message)
        return self.script.popleft() if self.script else SENT


def retry(retry_after: float | None = None, error: str = "Too Many Requests") -> DeliveryResult:
    return DeliveryResult(Delivery.RETRY, retry_after=retry_after, error=error)


async def one_pending_message(app: App) -> None:
    """A seeded office and one named report: exactly one outbox row (new case → the unit's intake officer)."""
    await seed_office(app)
    await app.filing.file_report(named_report())
    [row] = await outbox(app)
    assert (row.status, row.template) == ("pending", "notify.officer.new_case")


async def test_pending_rows_are_sent_once_to_the_right_chats(app: App, clock: ManualClock) -> None:
    office = await seed_office(app)
    named = (await app.filing.file_report(named_report(chat_id=555001, locale="en"))).number
    anonymous = (await app.filing.file_report(anonymous_report(chat_id=555002, notify_opt_in=True))).number
    for number in (named, anonymous):
        await app.cases.register(number, office.intake)
        await app.cases.accept(number, office.intake)
    await app.cases.assign(named, office.intake, office.handler2.officer_id or 0)
    rows = await outbox(app)
    assert len(rows) == 5 and all(r.status == "pending" for r in rows)

    notifier = FakeNotifier()
    service = OutboxService(app.ctx, notifier)
    clock.advance(timedelta(seconds=5))
    assert await service.send_due() == 3
    sent = [(m.chat_id, m.template, m.params, m.locale) for m in notifier.messages]
    assert sent == [  # "a new report arrived" is not sent: both were accepted meanwhile (issue 12, item 16)
        (555001, "notify.reporter.accepted", {"number": named, "status": "in_progress"}, "en"),  # decrypted chat
        (555002, "notify.reporter.update", {"number": anonymous, "status": "in_progress"}, "zh-CN"),
        (1003, "notify.officer.assigned", {"number": named}, "zh-CN"),  # handler2's Telegram id
    ]
    rows = await outbox(app)
    dropped = ("dropped", 0, None, "no longer actionable")
    assert [(r.status, r.attempts, r.sent_at, r.last_error) for r in rows] == [dropped] * 2 + [
        ("sent", 1, clock.now(), None)
    ] * 3
    assert rows[2].recipient_id == (await case_row(app, named)).id  # addressed by case, never by chat

    # Nothing is sent twice, however often the sender runs.
    for _ in range(2):
        clock.advance(timedelta(hours=2))
        assert await service.send_due() == 0
    assert len(notifier.messages) == 3


async def test_send_due_respects_the_limit(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    await app.officers.add_officer("钱信访", "LA", [Role.INTAKE], telegram_id=1005)
    for _ in range(2):
        await app.filing.file_report(named_report())
    notifier = FakeNotifier()
    service = OutboxService(app.ctx, notifier)
    assert await service.send_due(limit=3) == 3
    assert await service.send_due(limit=3) == 1
    assert sorted(m.chat_id for m in notifier.messages) == [1001, 1001, 1005, 1005]


async def test_retry_waits_for_retry_after_and_backs_off(app: App, clock: ManualClock) -> None:
    await one_pending_message(app)
    notifier = FakeNotifier()
    service = OutboxService(app.ctx, notifier)

    notifier.will(retry(retry_after=120))
    first_try = clock.now()
    assert await service.send_due() == 0
    [row] = await outbox(app)
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "Too Many Requests")
    assert row.next_try_at == first_try + timedelta(seconds=120)  # retry_after beats the 30 s backoff

    # Not due yet: the clock has to move first.
    assert await service.send_due() == 0
    clock.advance(timedelta(seconds=119))
    assert await service.send_due() == 0
    assert len(notifier.messages) == 1

    # Due now; transient failures without retry_after back off exponentially (30 s · 2^(n-1)).
    clock.advance(timedelta(seconds=1))
    notifier.will(retry(), retry(retry_after=1))
    assert await service.send_due() == 0
    [row] = await outbox(app)
    assert row.attempts == 2 and row.next_try_at == clock.now() + BASE_BACKOFF * 2
    clock.advance(BASE_BACKOFF * 2 - timedelta(seconds=1))
    assert await service.send_due() == 0 and len(notifier.messages) == 2
    clock.advance(timedelta(seconds=1))
    assert await service.send_due() == 0
    [row] = await outbox(app)
    # A 429's retry_after is waited out exactly, even when shorter than the backoff would be.
    assert row.attempts == 3 and row.next_try_at == clock.now() + timedelta(seconds=1)

    clock.advance(timedelta(seconds=1))
    assert await service.send_due() == 1
    [row] = await outbox(app)
    assert (row.status, row.attempts, row.sent_at, row.last_error) == ("sent", 4, clock.now(), None)
    assert len(notifier.messages) == 4 and len({m.chat_id for m in notifier.messages}) == 1


async def test_undeliverable_is_kept_and_never_retried(app: App, clock: ManualClock) -> None:
    await one_pending_message(app)
    notifier = FakeNotifier()
    service = OutboxService(app.ctx, notifier)
    notifier.will(DeliveryResult(Delivery.UNDELIVERABLE, error="Forbidden: bot was blocked by the user"))
    assert await service.send_due() == 0
    for _ in range(3):
        clock.advance(timedelta(days=1))
        assert await service.send_due() == 0
    assert len(notifier.messages) == 1
    [row] = await outbox(app)
    assert (row.status, row.attempts, row.sent_at, row.last_error) == (
        "undeliverable",
        1,
        None,
        "Forbidden: bot was blocked by the user",
    )


async def test_gives_up_after_max_attempts(app: App, clock: ManualClock) -> None:
    await one_pending_message(app)
    notifier = FakeNotifier()
    service = OutboxService(app.ctx, notifier)
    notifier.will(*[retry(error=f"Bad Gateway #{i}") for i in range(1, MAX_ATTEMPTS + 5)])
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert await service.send_due() == 0
        [row] = await outbox(app)
        assert row.attempts == attempt
        assert row.last_error == f"Bad Gateway #{attempt}"
        if attempt < MAX_ATTEMPTS:
            assert row.status == "pending"
            assert row.next_try_at == clock.now() + min(BASE_BACKOFF * 2 ** (attempt - 1), MAX_BACKOFF)
        clock.advance(MAX_BACKOFF)
    [row] = await outbox(app)
    assert (row.status, row.attempts) == ("failed", MAX_ATTEMPTS)
    clock.advance(timedelta(days=2))
    assert await service.send_due() == 0
    assert len(notifier.messages) == MAX_ATTEMPTS
    assert len(await outbox(app)) == 1  # kept for the record


async def test_message_without_a_chat_becomes_undeliverable(app: App, clock: ManualClock) -> None:
    """An officer with no Telegram account works in the terminal (``qingfeng chat --as officer``): the bot does not
    try the row at all (no retries) and leaves it pending for the terminal's outbox, which shows it (it was marked
    undeliverable, and the terminal never showed it: tester's walk, item 3)."""
    office = await seed_office(app)
    no_chat = await app.officers.add_officer("孙无号", "LA", [Role.HANDLER], telegram_id=None)
    number = (await app.filing.file_report(named_report())).number
    notifier = FakeNotifier()
    service = OutboxService(app.ctx, notifier)
    assert await service.send_due() == 1  # the new-case notice

    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    await app.cases.assign(number, office.intake, no_chat.id)
    clock.advance(timedelta(minutes=1))
    assert await service.send_due() == 1  # the acceptance notice goes out; the assignment notice cannot
    rows = await outbox(app)
    assert [(r.template, r.status) for r in rows[:2]] == [
        ("notify.officer.new_case", "sent"),
        ("notify.reporter.accepted", "sent"),
    ]
    assigned = rows[2]
    assert (assigned.template, assigned.recipient_id) == ("notify.officer.assigned", no_chat.id)
    assert (assigned.status, assigned.attempts, assigned.last_error) == ("pending", 0, None)
    clock.advance(timedelta(hours=2))
    assert await service.send_due() == 0  # still not the bot's
    terminal = FakeNotifier()
    assert await ChatOutbox(app.ctx, terminal, 2**53 + no_chat.id, no_chat.id).send_due() == 1
    assert [(r.template, r.status) for r in await outbox(app)][2] == ("notify.officer.assigned", "sent")


class SlowNotifier:
    """Telegram answering slowly: the bot is asked to stop while a notification is on its way."""

    def __init__(self) -> None:
        self.sending = asyncio.Event()
        self.sent: list[OutgoingMessage] = []
        self.pacer = Pacer()

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        self.sending.set()
        await asyncio.sleep(0.3)
        self.sent.append(message)
        return DeliveryResult(Delivery.SENT)


async def test_stopping_the_bot_mid_send_records_the_send_so_nothing_is_sent_twice(app: App) -> None:
    """APScheduler's shutdown cancels a running job wherever it is; the bot's stop lets it finish first."""
    await one_pending_message(app)
    notifier = SlowNotifier()
    scheduler = build_scheduler(app, OutboxService(app.ctx, notifier), name="stop-test", record=False)
    scheduler.start()  # the outbox job runs at start
    await asyncio.wait_for(notifier.sending.wait(), 5)
    await stop_scheduler(scheduler)
    [row] = [r for r in await outbox(app) if r.template == "notify.officer.new_case"]
    assert row.status == "sent" and [m.template for m in notifier.sent].count("notify.officer.new_case") == 1
    await OutboxService(app.ctx, notifier).send_due()  # after a restart (and the digest the sweep queued)
    assert [m.template for m in notifier.sent].count("notify.officer.new_case") == 1  # not sent again


async def test_two_senders_at_once_send_each_message_once(app: App) -> None:
    """Two processes (or the bot and a terminal) sending the same outbox: each row is claimed by one of them.

    On SQLite the single connection mostly serialises the two; on PostgreSQL they overlap, and without the
    claim this test fails there (checked)."""
    await seed_office(app)
    for _ in range(6):
        await app.filing.file_report(named_report())
    first, second = SlowNotifier(), SlowNotifier()
    await asyncio.gather(OutboxService(app.ctx, first).send_due(), OutboxService(app.ctx, second).send_due())
    sent = [(m.chat_id, m.template, m.params.get("number")) for m in first.sent + second.sent]
    rows = await outbox(app)
    assert len(sent) == len(set(sent)) == len(rows) and all(r.status == "sent" for r in rows)
