"""One pass of picking for a run of the outbox (core.services.outbox_drain): the first due row of each chat that is
free and ready, in the order they fell due, claimed (compare-and-set) in one short transaction.

Officers with several notices due (:func:`backlogs`) are looked at first: a chat gets a message a second at
most, so the one with the longest queue has the longest to go, and taking its next message whenever it is ready
costs the others one slot in thirty. Then due rows are read in order, a page at a time, and each recipient's first
one considered; a recipient's later rows wait their turn, so a chat's messages go out in order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncGenerator, Callable, Collection, Mapping, Sequence
from contextlib import aclosing
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.crypto import Vault
from core.model import OutboxStatus, RecipientKind
from core.pacing import Pacer
from core.persistence.orm import CaseRow, OfficerRow, OutboxRow, ReporterContactRow, UrgentNoteRow
from core.ports import OutgoingMessage
from core.services.notices import obsolete
from core.services.outbox_drain import Claimed, Picked

CLAIM_LEASE = timedelta(minutes=2)  # a claimed row nobody recorded is sent again after this
TERMINAL_CHATS = 2**53  # chats from here up are terminals' (bot.runtimes.console.officer), above every Telegram id
OFFICER, REPORTER, URGENT_SENDER = (RecipientKind.OFFICER.value, RecipientKind.REPORTER.value,
                                   RecipientKind.URGENT_SENDER.value)  # fmt: skip
Recipient = tuple[str, int]  # (recipient_kind, recipient_id)
MAX_PAGE = 1000  # due rows read per statement (bounds the IN-lists of the recipient look-ups too)
BACKLOGS = 16  # officers with the most notices due looked at first


def for_terminal_officer() -> ColumnElement[bool]:
    """Notices of active officers who work in the terminal (no Telegram id, or one of a terminal chat): left for
    that terminal's outbox (core.services.chat_outbox). Taken here, they were marked undeliverable and the
    officer never saw them, e.g. the reporter's answer to a question (tester's walk, item 3)."""
    terminal = select(OfficerRow.id).where(
        OfficerRow.active.is_(True), or_(OfficerRow.telegram_id.is_(None), OfficerRow.telegram_id >= TERMINAL_CHATS)
    )
    return and_(OutboxRow.recipient_kind == OFFICER, OutboxRow.recipient_id.in_(terminal))


def _due(now: datetime) -> Select[int, str, int, str, bytes, datetime]:
    r = OutboxRow
    return select(r.id, r.recipient_kind, r.recipient_id, r.template, r.params_enc, r.next_try_at).where(
        r.status == OutboxStatus.PENDING.value, r.next_try_at <= now, ~for_terminal_officer())  # fmt: skip


async def backlogs(s: AsyncSession, now: datetime) -> dict[int, int]:
    """Officers with more than one notice due, the most first (at most :data:`BACKLOGS`): officer id → chat."""
    counts = (
        select(OutboxRow.recipient_id, func.count().label("n"))
        .where(OutboxRow.status == OutboxStatus.PENDING.value, OutboxRow.next_try_at <= now,
               OutboxRow.recipient_kind == OFFICER)
        .group_by(OutboxRow.recipient_id)
        .having(func.count() > 1)
        .subquery()
    )  # fmt: skip
    query = (
        select(OfficerRow.id, OfficerRow.telegram_id)
        .join(counts, counts.c.recipient_id == OfficerRow.id)
        .where(OfficerRow.active.is_(True), OfficerRow.telegram_id < TERMINAL_CHATS)
        .order_by(counts.c.n.desc(), OfficerRow.id)
        .limit(BACKLOGS)
    )
    return {officer: chat for officer, chat in await s.execute(query) if chat is not None}


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


@dataclass
class Pass:
    """Up to ``room`` rows for chats that are not ``busy`` (a send queued or on its way) and whose gap (``pacer``)
    ends ``within`` seconds."""

    s: AsyncSession
    vault: Vault
    now: datetime
    today: date
    room: int
    busy: Collection[int]
    pacer: Pacer
    within: float
    reach: Callable[[int], bool] | None = None  # the chats this sender can reach; None: all (others left pending)
    found: Picked = field(default_factory=Picked)
    picked: list[tuple[_Head, OutgoingMessage]] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # chats picked in this pass
    seen: set[Recipient] = field(default_factory=set)  # recipients whose first due row was considered

    async def run(self, backlogs: Mapping[int, int]) -> Picked:
        wanted: list[int] = []  # the backlog officers whose chat may take a message now, in backlog order
        for officer, chat in backlogs.items():
            if len(wanted) >= self.room:
                break
            if self._free(chat) and self._ready(chat):
                wanted.append(officer)
        if wanted:  # their first due rows in one statement, not one each (the morning's digests and reminders)
            order = {officer: i for i, officer in enumerate(wanted)}
            for head in sorted(await self._resolve(await self._firsts(wanted)), key=lambda h: order[h.recipient_id]):
                await self._consider(head)
        async with aclosing(self._heads(self.room + len(self.busy) + 8)) as pages:
            async for page in pages:
                for head in page:
                    await self._consider(head)
                if self.full:
                    break
        self.found.claimed = await self._claim()
        return self.found

    async def _firsts(self, officers: Sequence[int]) -> Sequence[Any]:
        """The first due row (by due time, then id) of each of these officers."""
        r = OutboxRow
        rank = func.row_number().over(partition_by=r.recipient_id, order_by=(r.next_try_at, r.id)).label("rank")
        ranked = (_due(self.now).add_columns(rank)
                  .where(r.recipient_kind == OFFICER, r.recipient_id.in_(officers)).subquery())  # fmt: skip
        columns = [ranked.c[name] for name in ("id", "recipient_kind", "recipient_id", "template", "params_enc",
                                               "next_try_at")]  # fmt: skip
        return (await self.s.execute(select(*columns).where(ranked.c.rank == 1))).all()

    @property
    def full(self) -> bool:
        return len(self.picked) >= self.room

    def _free(self, chat: int) -> bool:
        """One row at a time per chat, so its messages stay in order."""
        if chat in self.busy or chat in self.taken:
            self.found.more = True
            self.found.waiting.add(chat)
            return False
        return True

    def _ready(self, chat: int) -> bool:
        if (wait := self.pacer.ready_in(chat) - self.within) > 0:
            self.found.more = True
            self.found.ready_in = wait if self.found.ready_in is None else min(self.found.ready_in, wait)
            return False
        return True

    async def _consider(self, head: _Head) -> None:
        if head.chat is None:
            self.found.settled += await self._settle(head, OutboxStatus.UNDELIVERABLE, "no chat for recipient")
            return
        chat, locale = head.chat
        if self.reach is not None and not self.reach(chat):  # another sender's (the web page's, the bot's)
            return
        if not self._free(chat):
            return
        if self.full:
            self.found.more = True
            return
        if not self._ready(chat):
            return
        params = self.vault.dec_json(head.params_enc)
        if await obsolete(self.s, head.row(), params, self.today):
            self.found.settled += await self._settle(head, OutboxStatus.DROPPED, "no longer actionable")
            return
        self.picked.append((head, OutgoingMessage(chat, locale, head.template, params)))
        self.taken.add(chat)

    async def _heads(self, size: int) -> AsyncGenerator[list[_Head], None]:
        """The first due row of each recipient not seen yet, in due order, read a page of due rows at a time; the
        pages grow, so a recipient's long backlog at the front costs a few statements, and the usual pass one
        short one, whatever the size of the outbox."""
        r, after = OutboxRow, None
        while True:
            query = _due(self.now)
            if after is not None:
                query = query.where(or_(r.next_try_at > after[0], and_(r.next_try_at == after[0], r.id > after[1])))
            rows = (await self.s.execute(query.order_by(r.next_try_at, r.id).limit(size))).all()
            yield await self._resolve(rows)
            if len(rows) < size:
                return
            after, size = (rows[-1].next_try_at, rows[-1].id), min(MAX_PAGE, size * 2)

    async def _resolve(self, rows: Sequence[Any]) -> list[_Head]:
        """The first of these (due-ordered) rows of each recipient not seen yet, with its chat."""
        heads = []
        for row in rows:
            if (key := (row.recipient_kind, row.recipient_id)) not in self.seen:
                self.seen.add(key)
                heads.append(row)
        chats = await self._chats([(h.recipient_kind, h.recipient_id) for h in heads])
        return [_Head(h.id, h.recipient_kind, h.recipient_id, h.template, h.params_enc, h.next_try_at,
                      chats.get((h.recipient_kind, h.recipient_id))) for h in heads]  # fmt: skip

    async def _chats(self, recipients: Sequence[Recipient]) -> dict[Recipient, tuple[int, str]]:
        """The chat and locale of each of these recipients, a statement per kind (not per recipient); a recipient
        without a chat (an officer gone or without Telegram, a contact erased) is missing."""
        s, vault = self.s, self.vault
        wanted: dict[str, set[int]] = defaultdict(set)
        for kind, recipient in recipients:
            wanted[kind].add(recipient)
        chats: dict[Recipient, tuple[int, str]] = {}
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

    async def _claim(self) -> list[Claimed]:
        """Take the picked rows for sending, compare-and-set (still pending and due), so two senders never send one
        row twice; the attempt is counted before the send, so a message that crashes the sender still ends FAILED."""
        if not self.picked:
            return []
        lease = self.now + CLAIM_LEASE
        claim = (
            update(OutboxRow)
            .where(OutboxRow.id.in_([h.id for h, _ in self.picked]), OutboxRow.status == OutboxStatus.PENDING.value,
                   OutboxRow.next_try_at <= self.now)
            .values(next_try_at=lease, attempts=OutboxRow.attempts + 1)
            .returning(OutboxRow.id, OutboxRow.attempts)
            .execution_options(synchronize_session=False)
        )  # fmt: skip
        taken = dict((await self.s.execute(claim)).all())
        return [Claimed(h.id, message, taken[h.id], h.next_try_at, lease) for h, message in self.picked
                if h.id in taken]  # fmt: skip

    async def _settle(self, head: _Head, status: OutboxStatus, why: str) -> int:
        """Finish a row without sending it (compare-and-set like a claim); 1 if this pass did."""
        values: dict[str, Any] = {"status": status.value, "last_error": why}
        if status is OutboxStatus.UNDELIVERABLE:  # an attempt, as when Telegram says so
            values["attempts"] = OutboxRow.attempts + 1
        result = await self.s.execute(
            update(OutboxRow)
            .where(OutboxRow.id == head.id, OutboxRow.status == OutboxStatus.PENDING.value,
                   OutboxRow.next_try_at == head.next_try_at)
            .values(**values)
            .execution_options(synchronize_session=False)
        )  # fmt: skip
        return int(result.rowcount)  # type: ignore[attr-defined]
