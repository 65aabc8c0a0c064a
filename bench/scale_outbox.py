"""The outbox burst for bench/scale.py: 500 notifications to 500 chats and 50 to one chat, in real time.

The product's sender as the scheduler runs it — ``build_outbox(app, TelegramNotifier(make_bot(...)))``, the
aiogram Bot over real HTTP and the default ``RateLimiter`` — against the test suite's fake Bot API server
(tests/bot/fake_telegram.py) told to enforce Telegram's limits: 1 message a second per chat and 30 a second
overall (any sliding second), 429 with ``retry_after`` beyond them.

The 500 are reporters' status notices (each reporter's own chat); the 50 are deadline reminders to one intake
officer (one Telegram chat), for open deadlines so that none is dropped as obsolete. All are due at once, the
officer's queued first (a sweep's reminders, then a wave of notices): a sender that waits on one chat's slot
holds every other chat up behind them. ``send_due()`` is called as the scheduler's outbox job calls it: a run,
then the next 5-s tick after it ends (a tick during a run is skipped), until no row is pending.

The optimum is what the limits allow: the many-chat part at the global rate, the one chat at one message per
interval; given at Telegram's limits and at the product's own margins (``bot.ratelimit``).
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, update

from bot.i18n import Translator
from bot.runtimes.aiogram.botapi import make_bot
from bot.runtimes.aiogram.notifier import TelegramNotifier
from core.clock import ManualClock
from core.model import CaseState, OutboxStatus, RecipientKind
from core.persistence import repository as repo
from core.persistence.orm import CaseRow, OfficerRow, OutboxRow, ReporterContactRow
from core.services.outbox import OutboxService
from qingfeng.app import App, build_outbox
from qingfeng.runner import settle_heap
from tests.bot.fake_telegram import FakeTelegram

# isort: split
from app_setup import seed_office
from fake_session import TOKEN
from scale_build import IN_WINDOW, Builder, Built
from scale_probe import Probe, summary
from scale_sweep import Database

TELEGRAM_PER_SECOND, TELEGRAM_PER_CHAT = 30, 1.0
TICK = 5.0  # the scheduler's outbox interval (qingfeng.scheduler.Timing.outbox)
FIRST_CHAT = 810_001
GIVE_UP = 600.0  # seconds: a sender this far from done has not done the work


def limiter_margins() -> tuple[float, float]:
    """(messages a second, seconds per chat) the product's limiter keeps to; Telegram's when it names none."""
    from bot import ratelimit

    return (float(getattr(ratelimit, "GLOBAL_PER_SECOND", TELEGRAM_PER_SECOND)),
            float(getattr(ratelimit, "PER_CHAT_INTERVAL", TELEGRAM_PER_CHAT)))  # fmt: skip


def optimum(chats: int, one_chat: int, per_second: float, per_chat: float) -> tuple[float, float]:
    """(seconds for everything, seconds for the many-chat part) at these limits."""
    many = chats / per_second
    return max((chats + one_chat) / per_second, (one_chat - 1) * per_chat), many


async def _queue(app: App, chats: int, one_chat: int) -> int:
    """Cases for the 500 reporters (each a chat of its own) and 50 open deadlines; the 50 reminders queued first,
    then the 500 notices. Returns the officer's Telegram chat."""
    await seed_office(app)
    builder = Builder(app, ManualClock(app.ctx.now()))
    await builder.file_templates()
    first_id = builder.next_id["cases"]
    in_disposal = next(s for s in IN_WINDOW if s.named)  # a letter received today: the reporter hears of progress
    await builder.add([(in_disposal, builder.today) for _ in range(chats)], Built())
    await builder.add(builder.due_today(one_chat), Built())
    vault, now, today = app.vault, app.ctx.now(), app.ctx.today()
    async with app.ctx.uow() as uow:
        s = uow.session
        rows = (await s.execute(select(CaseRow.id, CaseRow.number, CaseRow.state, CaseRow.named)
                                .where(CaseRow.id >= first_id).order_by(CaseRow.id))).all()  # fmt: skip
        reporters = [r for r in rows if r.named][:chats]
        due = [r for r in rows if r.state == CaseState.RECEIVED.value][:one_chat]
        officer = (await s.execute(select(OfficerRow).where(OfficerRow.telegram_id == 1001))).scalar_one()
        for i, case in enumerate(reporters):
            await s.execute(update(ReporterContactRow).where(ReporterContactRow.case_id == case.id)
                            .values(chat_enc=vault.encrypt(str(FIRST_CHAT + i).encode()), chat_index=None))  # fmt: skip
        await s.execute(delete(OutboxRow))  # the template filings' notices: only the burst is measured
        for d in due:  # first: a sweep's reminders to one officer, then the reporters' notices
            params = {"number": d.number, "kind": "register_and_route", "due": today.isoformat(), "days": 0}
            repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=officer.id,
                         template="notify.officer.reminder.due", params=params, now=now)  # fmt: skip
        for case in reporters:
            repo.enqueue(s, vault, kind=RecipientKind.REPORTER, recipient_id=case.id, template="notify.reporter.status",
                         params={"number": case.number, "status": "in_progress"}, now=now)  # fmt: skip
        await uow.commit()
    return int(officer.telegram_id or 0)


async def _pending(app: App) -> int:
    async with app.engine.connect() as conn:
        query = select(func.count()).select_from(OutboxRow).where(OutboxRow.status == OutboxStatus.PENDING.value)
        return int((await conn.execute(query)).scalar_one())


async def _drain(app: App, outbox: OutboxService) -> tuple[float, int, str]:
    """Run the job body as the scheduler would until nothing is pending: (seconds, runs, failure or '')."""
    started, runs = time.monotonic(), 0
    while True:
        runs += 1
        try:
            await outbox.send_due()
        except Exception as exc:  # the scheduler would log it and retry at the next tick: so do we, reported
            return time.monotonic() - started, runs, summary(exc)
        elapsed = time.monotonic() - started
        if not await _pending(app) or elapsed > GIVE_UP:
            return elapsed, runs, ""
        next_tick = started + (int(elapsed // TICK) + 1) * TICK
        await asyncio.sleep(max(0.0, next_tick - time.monotonic()))


async def outbox_scenario(tmp: Path, admin_url: str | None, chats: int, one_chat: int) -> dict[str, Any]:
    db = Database(tmp, "outbox", admin_url)
    out: dict[str, Any] = {"chats": chats, "one_chat": one_chat}
    try:
        app = await db.open()  # the system clock: retries and leases in real time
        officer_chat = await _queue(app, chats, one_chat)
        await Probe.prepare(app)
        settle_heap()  # as `qingfeng run` does once it polls; what the bench built is not the product's
        async with FakeTelegram() as tg:
            tg.enforce_rate_limits(per_chat_per_second=1, global_per_second=TELEGRAM_PER_SECOND)
            bot = make_bot(TOKEN, tg.api_root)
            outbox = build_outbox(app, TelegramNotifier(bot, Translator.load(app.settings.default_locale)))
            started = time.monotonic()
            try:
                async with Probe(app) as probe:
                    seconds, runs, failed = await _drain(app, outbox)
            finally:
                await bot.session.close()
            out.update(_figures(tg, started, officer_chat, chats, one_chat))
        out.update(drain_seconds=round(seconds, 2), job_runs=runs, **probe.figures())
        if failed:
            out["failed"] = failed
        async with app.engine.connect() as conn:
            sent = select(func.count()).select_from(OutboxRow).where(OutboxRow.status == OutboxStatus.SENT.value)
            out["delivered_rows"] = int((await conn.execute(sent)).scalar_one())
    except Exception as exc:
        out["failed"] = out.get("failed") or summary(exc)
    finally:
        await db.close()
    return out


def _figures(tg: FakeTelegram, started: float, officer_chat: int, chats: int, one_chat: int) -> dict[str, Any]:
    sends = [c for c in tg.calls if c.method.lower() == "sendmessage"]
    ok = [c for c in sends if c.ok]
    refused = Counter(int(c.response.get("error_code", 0)) for c in sends if not c.ok)
    by_chat: dict[Any, list[float]] = defaultdict(list)
    for c in ok:
        by_chat[c.chat_id].append(c.at)
    gaps = [b - a for times in by_chat.values() for a, b in itertools.pairwise(times)]
    texts = Counter((c.chat_id, c.params.get("text")) for c in ok)
    many = [c.at for c in ok if c.chat_id != officer_chat]
    total = (max(c.at for c in ok) - started) if ok else None
    many_s = (max(many) - started) if many else None
    per_second, per_chat = limiter_margins()
    best, best_many = optimum(chats, one_chat, TELEGRAM_PER_SECOND, TELEGRAM_PER_CHAT)
    best_product, best_many_product = optimum(chats, one_chat, per_second, per_chat)
    return {
        "messages": len(ok),
        "expected": chats + one_chat,
        "seconds": round(total, 2) if total else None,
        "msg_per_s": round(len(ok) / total, 2) if total else None,
        "many_chats_seconds": round(many_s, 2) if many_s else None,
        "many_chats_msg_per_s": round(len(many) / many_s, 2) if many_s else None,
        "many_chats_share_of_30": round(len(many) / many_s / TELEGRAM_PER_SECOND, 3) if many_s else None,
        "optimum_s": round(best, 1),
        "optimum_many_chats_s": round(best_many, 1),
        "optimum_at_limiter_margins_s": round(best_product, 1),
        "optimum_many_chats_at_limiter_margins_s": round(best_many_product, 1),
        "over_optimum": round(total / best_product - 1, 3) if total else None,
        "limiter": {"per_second": per_second, "per_chat_interval_s": per_chat},
        "http_429": refused.get(429, 0),
        "other_errors": sum(v for k, v in refused.items() if k != 429),
        "min_chat_gap_s": round(min(gaps), 3) if gaps else None,
        "duplicates": sum(n - 1 for n in texts.values() if n > 1),
        "one_chat_messages": len(by_chat.get(officer_chat, [])),
    }


def done(figures: dict[str, Any]) -> list[str]:
    problems = []
    if "failed" in figures:
        problems.append(f"outbox: {figures['failed']}")
    if figures.get("messages") != figures.get("expected") or figures.get("delivered_rows") != figures.get("expected"):
        problems.append(f"outbox: {figures.get('messages')} messages reached the API, "
                        f"{figures.get('delivered_rows')} rows sent, of {figures.get('expected')}")  # fmt: skip
    return problems
