"""Sending what the outbox holds through the notification port, with retries and backoff.

Nothing is lost when Telegram or the network is down: a row stays pending until it is sent, found
undeliverable (kept and visible to officers), or has failed too often.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.model import OutboxStatus, RecipientKind
from core.persistence.orm import CaseRow, OfficerRow, OutboxRow, ReporterContactRow, UrgentNoteRow
from core.ports import Delivery, Notifier, OutgoingMessage
from core.services.context import CoreContext
from core.services.notices import obsolete, summarise_backlog

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BASE_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(hours=1)
CLAIM_LEASE = timedelta(minutes=2)  # a claimed row nobody recorded is sent again after this
TERMINAL_CHATS = 2**53  # chats from here up are terminals' (qingfeng.chat), above every Telegram id


def _for_terminal_officer() -> ColumnElement[bool]:
    """Notices of active officers who work in the terminal (no Telegram id, or one of a terminal chat): left for
    that terminal's outbox (core.services.chat_outbox). Taken here, they were marked undeliverable and the
    officer never saw them, e.g. the reporter's answer to a question (tester's walk, item 3)."""
    terminal = select(OfficerRow.id).where(
        OfficerRow.active.is_(True), or_(OfficerRow.telegram_id.is_(None), OfficerRow.telegram_id >= TERMINAL_CHATS)
    )
    return and_(OutboxRow.recipient_kind == RecipientKind.OFFICER.value, OutboxRow.recipient_id.in_(terminal))


class OutboxService:
    def __init__(self, ctx: CoreContext, notifier: Notifier) -> None:
        self.ctx = ctx
        self.notifier = notifier

    async def send_due(self, limit: int = 100) -> int:
        """Send up to ``limit`` due messages; return how many were delivered."""
        now = self.ctx.now()
        async with self.ctx.uow() as uow:
            s = uow.session
            if await summarise_backlog(s, self.ctx.vault, now):  # one summary, not a stream (issue 12, item 16)
                await uow.commit()
            rows = list(
                (
                    await s.execute(
                        select(OutboxRow)
                        .where(
                            OutboxRow.status == OutboxStatus.PENDING.value,
                            OutboxRow.next_try_at <= now,
                            ~_for_terminal_officer(),
                        )
                        .order_by(OutboxRow.next_try_at, OutboxRow.id)
                        .limit(limit)
                    )
                ).scalars()
            )
            delivered = 0
            for row in rows:
                if not await self.claim(s, row):
                    continue  # another sender (a second process, the terminal) took it
                await uow.commit()
                if await self.drop_if_obsolete(s, row):
                    await uow.commit()
                    continue
                message = await self._message(s, row)
                row.attempts += 1
                if message is None:
                    row.status, row.last_error = OutboxStatus.UNDELIVERABLE.value, "no chat for recipient"
                    await uow.commit()
                    continue
                # Commit the claim before sending: the connection goes back to the pool, so no transaction waits
                # on Telegram (with SQLite's one connection, every citizen's update would wait; stack-notes).
                await uow.commit()
                result = await self.notifier.deliver(message)
                if result.outcome is Delivery.SENT:
                    row.status, row.sent_at, row.last_error = OutboxStatus.SENT.value, self.ctx.now(), None
                    delivered += 1
                elif result.outcome is Delivery.UNDELIVERABLE:
                    row.status, row.last_error = OutboxStatus.UNDELIVERABLE.value, result.error[:200]
                elif row.attempts >= MAX_ATTEMPTS:
                    row.status, row.last_error = OutboxStatus.FAILED.value, result.error[:200]
                else:
                    backoff = min(BASE_BACKOFF * 2 ** (row.attempts - 1), MAX_BACKOFF)
                    if result.retry_after:  # Telegram said when: wait exactly that (a 429 is waited out)
                        backoff = timedelta(seconds=result.retry_after)
                    row.next_try_at, row.last_error = self.ctx.now() + backoff, result.error[:200]
                # Commit row by row: a crash after a send must not resend everything before it.
                await uow.commit()
            return delivered

    async def claim(self, s: AsyncSession, row: OutboxRow) -> bool:
        """Take a row for sending, compare-and-set on its due time, so two senders never send it twice; the
        caller commits the claim before sending. A sender that dies after claiming leaves the row to be retried
        when the lease ends."""
        lease = self.ctx.now() + CLAIM_LEASE
        result = await s.execute(
            update(OutboxRow)
            .where(OutboxRow.id == row.id, OutboxRow.status == OutboxStatus.PENDING.value,
                   OutboxRow.next_try_at == row.next_try_at)
            .values(next_try_at=lease)
            .execution_options(synchronize_session=False)
        )  # fmt: skip
        if result.rowcount != 1:  # type: ignore[attr-defined]
            return False
        row.next_try_at = lease
        return True

    async def drop_if_obsolete(self, s: AsyncSession, row: OutboxRow) -> bool:
        """An officer's notice that no longer asks for anything is not sent (core.services.notices)."""
        if not await obsolete(s, row, self.ctx.vault.dec_json(row.params_enc), self.ctx.today()):
            return False
        row.status, row.last_error = OutboxStatus.DROPPED.value, "no longer actionable"
        return True

    async def _message(self, s: AsyncSession, row: OutboxRow) -> OutgoingMessage | None:
        """Resolve the recipient inside the sender's transaction (never a second unit of work alongside)."""
        vault = self.ctx.vault
        params = vault.dec_json(row.params_enc)
        if row.recipient_kind == RecipientKind.OFFICER.value:
            officer = await s.get(OfficerRow, row.recipient_id)
            if officer is None or officer.telegram_id is None or not officer.active:
                return None
            return OutgoingMessage(officer.telegram_id, officer.locale, row.template, params)
        if row.recipient_kind == RecipientKind.URGENT_SENDER.value:
            note = await s.get(UrgentNoteRow, row.recipient_id)
            if note is None or note.chat_enc is None:
                return None
            return OutgoingMessage(int(vault.decrypt(note.chat_enc)), note.locale, row.template, params)
        contact = await s.get(ReporterContactRow, row.recipient_id)
        case = await s.get(CaseRow, row.recipient_id)
        if contact is None or case is None:
            return None
        return OutgoingMessage(int(vault.decrypt(contact.chat_enc)), case.locale, row.template, params)
