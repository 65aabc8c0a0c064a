"""The outbox of one chat that is not Telegram (the terminal): its own notifications only, the rest untouched."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.model import OutboxStatus, RecipientKind
from core.persistence.orm import CaseRow, OfficerRow, OutboxRow, ReporterContactRow, UrgentNoteRow
from core.ports import Delivery, Notifier, OutgoingMessage
from core.services.context import CoreContext
from core.services.notices import obsolete, summarise_backlog
from core.services.outbox import BASE_BACKOFF, CLAIM_LEASE, OutboxService


class ChatOutbox(OutboxService):
    """The outbox of one terminal chat: only notifications for this chat are taken, the others are left as they
    are for the real bot.

    The shared :meth:`OutboxService.send_due` with a notifier that declines other chats would corrupt the
    outbox: each attempt counts (eight make a row FAILED), an UNDELIVERABLE answer is final, and a RETRY
    postpones the row for the bot too. So this selects this chat's rows — the officer's by officer id; a
    citizen's by decrypting each pending reporter row's contact (reporters are addressed by case, rules.md §4) —
    and never touches another row. Printing does not fail; if it did, the row waits like any retry.
    """

    def __init__(self, ctx: CoreContext, notifier: Notifier, chat_id: int, officer_id: int | None = None) -> None:
        super().__init__(ctx, notifier)
        self.chat_id, self.officer_id = chat_id, officer_id

    async def send_due(self, limit: int | None = 100) -> int:
        kinds = ([RecipientKind.OFFICER.value] if self.officer_id is not None
                 else [RecipientKind.REPORTER.value, RecipientKind.URGENT_SENDER.value])  # fmt: skip
        query = select(OutboxRow).where(
            OutboxRow.status == OutboxStatus.PENDING.value,
            OutboxRow.next_try_at <= self.ctx.now(),
            OutboxRow.recipient_kind.in_(kinds),
        )
        if self.officer_id is not None:
            query = query.where(OutboxRow.recipient_id == self.officer_id)
        delivered = 0
        async with self.ctx.uow() as uow:
            if self.officer_id is not None:  # a backlog as one summary (issue 12, item 16)
                await summarise_backlog(uow.session, self.ctx.vault, self.ctx.now(), self.officer_id)
                await uow.commit()
            for row in (await uow.session.execute(query.order_by(OutboxRow.next_try_at, OutboxRow.id))).scalars():
                message = await self._mine(uow.session, row)
                if message is None or not await self.claim(uow.session, row):
                    continue
                await uow.commit()
                if await self.drop_if_obsolete(uow.session, row):
                    await uow.commit()
                    continue
                row.attempts += 1
                await uow.commit()  # no transaction open while the message is shown (SQLite's one connection)
                result = await self.notifier.deliver(message)
                if result.outcome is Delivery.SENT:
                    row.status, row.sent_at, row.last_error = OutboxStatus.SENT.value, self.ctx.now(), None
                    delivered += 1
                else:
                    row.next_try_at, row.last_error = self.ctx.now() + BASE_BACKOFF, result.error[:200]
                await uow.commit()
                if limit is not None and delivered >= limit:
                    break
        return delivered

    async def claim(self, s: AsyncSession, row: OutboxRow) -> bool:
        """Take a row, compare-and-set on its due time, so the bot never sends it as well; the caller commits."""
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
        """An officer's notice that no longer asks for anything is not shown (core.services.notices)."""
        if not await obsolete(s, row, self.ctx.vault.dec_json(row.params_enc), self.ctx.today()):
            return False
        row.status, row.last_error = OutboxStatus.DROPPED.value, "no longer actionable"
        return True

    async def _mine(self, s: AsyncSession, row: OutboxRow) -> OutgoingMessage | None:
        vault = self.ctx.vault
        if self.officer_id is not None:
            officer = await s.get(OfficerRow, row.recipient_id)
            locale = officer.locale if officer is not None else "zh-CN"
            return OutgoingMessage(self.chat_id, locale, row.template, vault.dec_json(row.params_enc))
        if row.recipient_kind == RecipientKind.URGENT_SENDER.value:  # an answer to an urgent message
            note = await s.get(UrgentNoteRow, row.recipient_id)
            if note is None or note.chat_enc is None or int(vault.decrypt(note.chat_enc)) != self.chat_id:
                return None
            return OutgoingMessage(self.chat_id, note.locale, row.template, vault.dec_json(row.params_enc))
        contact = await s.get(ReporterContactRow, row.recipient_id)
        if contact is None or int(vault.decrypt(contact.chat_enc)) != self.chat_id:
            return None
        case = await s.get(CaseRow, row.recipient_id)
        locale = case.locale if case is not None else "zh-CN"
        return OutgoingMessage(self.chat_id, locale, row.template, vault.dec_json(row.params_enc))
