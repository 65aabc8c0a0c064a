"""Sending what the outbox holds through the notification port, with retries and backoff.

Nothing is lost when Telegram or the network is down: a row stays pending until it is sent, found
undeliverable (kept and visible to officers), or has failed too often.

A run (:meth:`OutboxService.send_due`, core.services.outbox_drain) drains the outbox while rows are due, sending
to many chats at once within the messenger's limits, and never holds a database connection while a message is on
its way: the steps here are each one short transaction — pick and claim the next rows, record the outcomes of
several sends at once, give back rows claimed but not sent. Every other request (a citizen's update on SQLite's
one connection) waits for one of these at most, never for Telegram.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import AsyncGenerator, Collection, Sequence
from contextlib import aclosing
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.model import OutboxStatus, RecipientKind
from core.pacing import Pacer
from core.persistence.orm import CaseRow, OfficerRow, OutboxRow, ReporterContactRow, UrgentNoteRow
from core.ports import Delivery, Notifier, OutgoingMessage
from core.services.context import CoreContext
from core.services.notices import obsolete, summarise_backlog
from core.services.outbox_drain import Claimed, Drain, Outcome, Picked

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BASE_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(hours=1)
CLAIM_LEASE = timedelta(minutes=2)  # a claimed row nobody recorded is sent again after this
TERMINAL_CHATS = 2**53  # chats from here up are terminals' (qingfeng.chat), above every Telegram id
OFFICER, REPORTER, URGENT_SENDER = (RecipientKind.OFFICER.value, RecipientKind.REPORTER.value,
                                   RecipientKind.URGENT_SENDER.value)  # fmt: skip
Recipient = tuple[str, int]  # (recipient_kind, recipient_id)
MAX_PAGE = 1000  # due rows read per statement when picking (bounds the IN-lists of the recipient look-ups too)


def _for_terminal_officer() -> ColumnElement[bool]:
    """Notices of active officers who work in the terminal (no Telegram id, or one of a terminal chat): left for
    that terminal's outbox (core.services.chat_outbox). Taken here, they were marked undeliverable and the
    officer never saw them, e.g. the reporter's answer to a question (tester's walk, item 3)."""
    terminal = select(OfficerRow.id).where(
        OfficerRow.active.is_(True), or_(OfficerRow.telegram_id.is_(None), OfficerRow.telegram_id >= TERMINAL_CHATS)
    )
    return and_(OutboxRow.recipient_kind == RecipientKind.OFFICER.value, OutboxRow.recipient_id.in_(terminal))


@dataclass(frozen=True)
class _Head:
    """The first due row of a recipient, as plain values (nothing in a session, nothing to load later)."""

    id: int
    recipient_kind: str
    recipient_id: int
    template: str
    params_enc: bytes
    next_try_at: datetime
    chat: tuple[int, str] | None = None  # (chat id, locale); None: the recipient has no chat

    def row(self) -> OutboxRow:
        """A transient row to judge (core.services.notices.obsolete)."""
        return OutboxRow(id=self.id, recipient_kind=self.recipient_kind, recipient_id=self.recipient_id,
                         template=self.template)  # fmt: skip


@dataclass(frozen=True)
class _Pick:
    row: _Head
    message: OutgoingMessage


class OutboxService:
    def __init__(self, ctx: CoreContext, notifier: Notifier) -> None:
        self.ctx = ctx
        self.notifier = notifier
        self._runs: set[Drain] = set()  # runs under way, told when the bot stops

    async def send_due(self, limit: int | None = None) -> int:
        """Send what is due, and what falls due meanwhile, until nothing is due or only chats not ready for a while
        are left (or ``limit`` rows were taken); return how many were delivered."""
        drain = Drain(self, limit)
        self._runs.add(drain)
        try:
            return await drain.run()
        finally:
            self._runs.discard(drain)

    def wind_down(self) -> None:
        """The bot is stopping: runs under way take nothing more, give back what they have not started sending,
        and end once the sends on their way are recorded."""
        for run in self._runs:
            run.wind_down()

    # -- the steps of a run, each one short transaction ---------------------------------------------------------
    async def summarise(self) -> None:
        async with self.ctx.uow() as uow:
            if await summarise_backlog(uow.session, self.ctx.vault, self.ctx.now()):  # one summary (issue 12, 16)
                await uow.commit()

    async def pick(self, room: int, busy: Collection[int], pacer: Pacer, within: float = 0.0) -> Picked:
        """Claim up to ``room`` due rows, each the first due of its chat, for chats that are not ``busy`` (a send
        queued or on its way) and whose gap (``pacer``) ends ``within`` seconds, in the order they fell due. Rows
        that cannot be sent (no chat, no longer actionable) are settled on the way."""
        now, today = self.ctx.now(), self.ctx.today()
        found, taken = Picked(), set[int]()
        picked: list[_Pick] = []
        async with self.ctx.uow() as uow, aclosing(self._heads(uow.session, now, room + len(busy) + 8)) as pages:
            s = uow.session
            async for page in pages:
                for row in page:
                    if row.chat is None:
                        found.settled += await self._settle(s, row, OutboxStatus.UNDELIVERABLE, "no chat for recipient")
                        continue
                    chat, locale = row.chat
                    if chat in busy or chat in taken:  # one at a time per chat: its messages stay in order
                        found.more = True
                        found.waiting.add(chat)
                        continue
                    if len(picked) >= room:
                        found.more = True
                        break
                    if (wait := pacer.ready_in(chat) - within) > 0:
                        found.more = True
                        found.ready_in = wait if found.ready_in is None else min(found.ready_in, wait)
                        continue
                    params = self.ctx.vault.dec_json(row.params_enc)
                    if await obsolete(s, row.row(), params, today):
                        found.settled += await self._settle(s, row, OutboxStatus.DROPPED, "no longer actionable")
                        continue
                    picked.append(_Pick(row, OutgoingMessage(chat, locale, row.template, params)))
                    taken.add(chat)
                if len(picked) >= room:
                    break
            found.claimed = await self._claim(s, picked, now)
            await uow.commit()
        return found

    async def record(self, outcomes: Sequence[Outcome]) -> None:
        """The outcomes of several sends in one transaction (a crash loses at most these few: sent again)."""
        if not outcomes:
            return
        values = [self._recorded(o) for o in outcomes]
        async with self.ctx.uow() as uow:
            await uow.session.execute(update(OutboxRow), values)  # by primary key, one executemany
            await uow.commit()

    async def give_back(self, rows: Sequence[Claimed]) -> None:
        """Rows claimed but not sent (Telegram asked to pause, the bot stops): due again as before, the attempt
        not counted. Compare-and-set on the lease: a row another sender has taken since is left alone."""
        if not rows:
            return
        async with self.ctx.uow() as uow:
            for c in rows:
                await uow.session.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id == c.id, OutboxRow.status == OutboxStatus.PENDING.value,
                           OutboxRow.next_try_at == c.lease)
                    .values(next_try_at=c.due, attempts=OutboxRow.attempts - 1)
                    .execution_options(synchronize_session=False)
                )  # fmt: skip
            await uow.commit()

    # -- inside those transactions ------------------------------------------------------------------------------
    async def _heads(self, s: AsyncSession, now: datetime, size: int) -> AsyncGenerator[list[_Head], None]:
        """The first due row of each recipient (its later rows wait their turn), in due order, read a page of due
        rows at a time; the pages grow, so a recipient's long backlog at the front costs a few statements, and
        the usual pass one short one, whatever the size of the outbox."""
        seen: set[tuple[str, int]] = set()
        r = OutboxRow
        due = select(r.id, r.recipient_kind, r.recipient_id, r.template, r.params_enc, r.next_try_at).where(
            r.status == OutboxStatus.PENDING.value, r.next_try_at <= now, ~_for_terminal_officer())  # fmt: skip
        after: tuple[datetime, int] | None = None
        while True:
            query = due
            if after is not None:
                at, last = after
                query = due.where(or_(r.next_try_at > at, and_(r.next_try_at == at, r.id > last)))
            rows = (await s.execute(query.order_by(r.next_try_at, r.id).limit(size))).all()
            heads = []
            for row in rows:
                if (row.recipient_kind, row.recipient_id) not in seen:
                    seen.add((row.recipient_kind, row.recipient_id))
                    heads.append(row)
            chats = await self._chats(s, [(h.recipient_kind, h.recipient_id) for h in heads])
            yield [_Head(*h, chat=chats.get((h.recipient_kind, h.recipient_id))) for h in heads]
            if len(rows) < size:
                return
            after, size = (rows[-1].next_try_at, rows[-1].id), min(MAX_PAGE, size * 2)

    async def _chats(self, s: AsyncSession, recipients: Sequence[Recipient]) -> dict[Recipient, tuple[int, str]]:
        """The chat and locale of each of these (kind, id) recipients, a statement per kind (not per recipient); a
        recipient without a chat (an officer gone or without Telegram, a contact erased) is missing."""
        vault = self.ctx.vault
        wanted: dict[str, set[int]] = defaultdict(set)
        for kind, recipient in recipients:
            wanted[kind].add(recipient)
        chats: dict[Recipient, tuple[int, str]] = {}  # → (chat, locale)
        if ids := wanted[OFFICER]:
            officers = select(OfficerRow.id, OfficerRow.telegram_id, OfficerRow.locale).where(
                OfficerRow.id.in_(ids), OfficerRow.active.is_(True))  # fmt: skip
            for i, chat, locale in await s.execute(officers):
                if chat is not None:
                    chats[(OFFICER, i)] = (chat, locale)
        if ids := wanted[URGENT_SENDER]:
            notes = select(UrgentNoteRow.id, UrgentNoteRow.chat_enc, UrgentNoteRow.locale).where(
                UrgentNoteRow.id.in_(ids))  # fmt: skip
            for i, enc, locale in await s.execute(notes):
                if enc is not None:
                    chats[(URGENT_SENDER, i)] = (int(vault.decrypt(enc)), locale)
        if ids := wanted[REPORTER]:  # addressed by case, never by chat (rules.md §4)
            contacts = (select(ReporterContactRow.case_id, ReporterContactRow.chat_enc, CaseRow.locale)
                        .join(CaseRow, CaseRow.id == ReporterContactRow.case_id)
                        .where(ReporterContactRow.case_id.in_(ids)))  # fmt: skip
            for i, enc, locale in await s.execute(contacts):
                chats[(REPORTER, i)] = (int(vault.decrypt(enc)), locale)
        return chats

    async def _claim(self, s: AsyncSession, picked: Sequence[_Pick], now: datetime) -> list[Claimed]:
        """Take these rows for sending, compare-and-set (still pending and due), so two senders never send one row
        twice; the attempt is counted before the send, so a message that crashes the sender still ends FAILED."""
        if not picked:
            return []
        lease = now + CLAIM_LEASE
        claim = (
            update(OutboxRow)
            .where(OutboxRow.id.in_([p.row.id for p in picked]), OutboxRow.status == OutboxStatus.PENDING.value,
                   OutboxRow.next_try_at <= now)
            .values(next_try_at=lease, attempts=OutboxRow.attempts + 1)
            .returning(OutboxRow.id, OutboxRow.attempts)
            .execution_options(synchronize_session=False)
        )  # fmt: skip
        taken = dict((await s.execute(claim)).all())
        return [Claimed(p.row.id, p.message, taken[p.row.id], p.row.next_try_at, lease) for p in picked
                if p.row.id in taken]  # fmt: skip

    async def _settle(self, s: AsyncSession, row: _Head, status: OutboxStatus, why: str) -> int:
        """Finish a row without sending it (compare-and-set like a claim); 1 if this pass did."""
        values: dict[str, Any] = {"status": status.value, "last_error": why}
        if status is OutboxStatus.UNDELIVERABLE:  # an attempt, as when Telegram says so
            values["attempts"] = OutboxRow.attempts + 1
        result = await s.execute(
            update(OutboxRow)
            .where(OutboxRow.id == row.id, OutboxRow.status == OutboxStatus.PENDING.value,
                   OutboxRow.next_try_at == row.next_try_at)
            .values(**values)
            .execution_options(synchronize_session=False)
        )  # fmt: skip
        return int(result.rowcount)  # type: ignore[attr-defined]

    def _recorded(self, o: Outcome) -> dict[str, Any]:
        c, result = o.claimed, o.result
        values: dict[str, Any] = {"id": c.id, "status": OutboxStatus.PENDING.value, "next_try_at": c.lease,
                                  "sent_at": None, "last_error": result.error[:200]}  # fmt: skip
        if result.outcome is Delivery.SENT:
            values.update(status=OutboxStatus.SENT.value, sent_at=o.at, last_error=None)
        elif result.outcome is Delivery.UNDELIVERABLE:
            values.update(status=OutboxStatus.UNDELIVERABLE.value)
        elif c.attempts >= MAX_ATTEMPTS:
            values.update(status=OutboxStatus.FAILED.value)
        else:
            backoff = min(BASE_BACKOFF * 2 ** (c.attempts - 1), MAX_BACKOFF)
            if result.retry_after:  # Telegram said when: wait exactly that (a 429 is waited out)
                backoff = timedelta(seconds=result.retry_after)
            values.update(next_try_at=o.at + backoff)
        return values
