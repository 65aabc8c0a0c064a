"""Urgent content (rules.md §8; XF-25 "report at once"): recorded, pushed to officers before anything else, and
handled as an item (issue 12, item 12): open until an officer closes it, with who did what and when.

An officer may answer the sender through the bot without learning the chat (the answer goes to the outbox
addressed to the note; the sender resolves the chat at send time, as for anonymous reporters, rules.md §4),
note what was done (e.g. the police were called) and close it. Nobody acting within the re-push interval gets
it pushed again to the officers on duty, up to :data:`MAX_REPUSHES` times, and once to the supervisors.
Every view and action is an ``urgent_events`` row. Notes and their events go with the retention purge.
While a message is open, whatever its sender writes next outside a dialog is added to it (a ``follow_up``
event) and pushed at once: a person in danger answering "where are you?" must reach the officers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.actor import Actor
from core.errors import DomainError, InvalidInput, NotFound, NotPermitted
from core.model import ActorKind, RecipientKind
from core.permissions import hears_urgent, is_intake, is_leader
from core.persistence import repository as repo
from core.persistence.orm import OfficerRow, UrgentEventRow, UrgentNoteRow
from core.services.access import fresh_officer
from core.services.context import CoreContext

EXCERPT = 300
TEXT_MAX = 2000
MAX_REPUSHES = 3  # then the item waits in the inbox: an officer on duty is not woken every 15 minutes all night
REPUSH_AFTER = timedelta(minutes=15)


class UrgentClosed(DomainError):
    key = "urgent.already_closed"

    def __init__(self, note_id: int) -> None:
        super().__init__(f"urgent message {note_id} is closed", note=str(note_id))


@dataclass(frozen=True)
class UrgentEvent:
    at: datetime
    who: str  # the officer's name; "" for the system (the sweep, the CLI)
    action: str
    text: str


@dataclass(frozen=True)
class UrgentItem:
    id: int
    at: datetime
    text: str
    closed_at: datetime | None
    closed_by: str | None  # the officer's name; "" for the system (the CLI)
    handled: bool
    answerable: bool  # the sender's chat is known: an answer can reach it
    events: tuple[UrgentEvent, ...] = ()

    @property
    def excerpt(self) -> str:
        """The start of the message on one line (a button's label: the sender's follow-ups come on new lines)."""
        return " ".join(self.text.split())[:40]


def may_handle(officer: OfficerRow) -> bool:
    """Urgent messages belong to no unit yet: whoever receives the pushes — officers on duty, intake and
    supervisors — may see and handle them."""
    return officer.active and hears_urgent(officer.roles, officer.on_duty)


class UrgentService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def raise_alert(self, text: str, chat_id: int | None = None, locale: str = "zh-CN") -> int:
        """Store the note and queue a push to every on-duty officer (see :func:`_on_duty` for the fallback)."""
        vault, now = self.ctx.vault, self.ctx.now()
        async with self.ctx.uow() as uow:
            s = uow.session
            chat = vault.encrypt(str(chat_id).encode()) if chat_id is not None else None
            note = UrgentNoteRow(at=now, text_enc=vault.enc_text(text) or b"", locale=locale, pushes=0, chat_enc=chat)
            s.add(note)
            await s.flush()
            for officer in await _on_duty(s):
                repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=officer.id,
                             template="notify.officer.urgent_note",
                             params={"note": note.id, "excerpt": text[:EXCERPT]}, now=now,
                             dedupe_key=f"urgent:{note.id}:{officer.id}")  # fmt: skip
            await uow.commit()
            return note.id

    async def follow_up(self, chat_id: int, text: str) -> int | None:
        """The sender writes again: added to their latest open message (encrypted) and pushed at once to those
        who receive its pushes. Returns the message's id; None when this chat has no open urgent message."""
        vault, now = self.ctx.vault, self.ctx.now()
        text = text.strip()[:TEXT_MAX]
        if not text:
            return None
        async with self.ctx.uow() as uow:
            s = uow.session
            # The chat is stored encrypted with a random nonce: compare after decrypting (few messages are open).
            candidates = list((await s.execute(
                select(UrgentNoteRow).where(UrgentNoteRow.closed_at.is_(None), UrgentNoteRow.chat_enc.is_not(None))
                .order_by(UrgentNoteRow.id.desc())
            )).scalars())  # fmt: skip
            note = next((n for n in candidates if n.chat_enc and vault.decrypt(n.chat_enc) == str(chat_id).encode()),
                        None)  # fmt: skip
            if note is None:
                return None
            event = UrgentEventRow(note_id=note.id, at=now, actor="sender", action="follow_up",
                                   text_enc=vault.enc_text(text))  # fmt: skip
            s.add(event)
            await s.flush()
            for officer in await _on_duty(s):
                repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=officer.id,
                             template="notify.officer.urgent_follow_up",
                             params={"note": note.id, "excerpt": text[:EXCERPT]}, now=now,
                             dedupe_key=f"urgent:{note.id}:{officer.id}:fu{event.id}")  # fmt: skip
            await uow.commit()
            return note.id

    # -- officers ----------------------------------------------------------------------------------------------
    async def open_items(self, actor: Actor, *, include_closed: bool = False) -> list[UrgentItem]:
        """Open urgent messages, oldest first (closed ones too when asked: the CLI); nothing for an officer who
        may not handle them."""
        vault = self.ctx.vault
        async with self.ctx.uow() as uow:
            s = uow.session
            await self._who(s, actor)
            query = select(UrgentNoteRow).order_by(UrgentNoteRow.id)
            if not include_closed:
                query = query.where(UrgentNoteRow.closed_at.is_(None))
            notes = list((await s.execute(query)).scalars())
            names = await _names(s, {n.closed_by_id for n in notes if n.closed_by_id})
            return [_item(n, vault.dec_text(n.text_enc) or "", names) for n in notes]

    async def visible(self, actor: Actor) -> bool:
        """Whether this officer is one who sees urgent messages (for the inbox)."""
        async with self.ctx.uow() as uow:
            officer = await _officer_row(uow.session, actor)
            return officer is not None and may_handle(officer)

    async def item(self, actor: Actor, note_id: int) -> UrgentItem:
        """One urgent message in full, with what was done; the view is recorded."""
        vault, now = self.ctx.vault, self.ctx.now()
        async with self.ctx.uow() as uow:
            s = uow.session
            who, officer_id = await self._who(s, actor)
            note = await _note(s, note_id)
            s.add(UrgentEventRow(note_id=note.id, at=now, actor=who, officer_id=officer_id, action="view"))
            rows = list((await s.execute(
                select(UrgentEventRow).where(UrgentEventRow.note_id == note.id).order_by(UrgentEventRow.id)
            )).scalars())  # fmt: skip
            names = await _names(s, {r.officer_id for r in rows if r.officer_id} | {note.closed_by_id or 0})
            events = tuple(UrgentEvent(r.at, names.get(r.officer_id or 0, ""), r.action, vault.dec_text(r.text_enc)
                                       or "") for r in rows if r.action != "view")  # fmt: skip
            item = _item(note, vault.dec_text(note.text_enc) or "", names, events)
            await uow.commit()
            return item

    async def reply(self, actor: Actor, note_id: int, text: str) -> None:
        """An answer to the sender, through the bot; the officer never learns the chat."""
        text = _checked(text, "reply")
        await self._act(actor, note_id, "reply", text)

    async def add_note(self, actor: Actor, note_id: int, text: str) -> None:
        """What was done (e.g. "110 called, police on the way"), in the item's record."""
        await self._act(actor, note_id, "note", _checked(text, "note"))

    async def close(self, actor: Actor, note_id: int, text: str) -> None:
        """Handled: closed with a note of what was done; no more re-pushes."""
        await self._act(actor, note_id, "close", _checked(text, "note"))

    async def _act(self, actor: Actor, note_id: int, action: str, text: str) -> None:
        vault, now = self.ctx.vault, self.ctx.now()
        async with self.ctx.uow() as uow:
            s = uow.session
            who, officer_id = await self._who(s, actor)
            note = await _note(s, note_id, lock=True)
            if note.closed_at is not None:
                raise UrgentClosed(note.id)
            if action == "reply" and note.chat_enc is None:
                raise InvalidInput("reply", "the sender cannot be reached through the bot")
            event = UrgentEventRow(note_id=note.id, at=now, actor=who, officer_id=officer_id, action=action,
                                   text_enc=vault.enc_text(text))  # fmt: skip
            s.add(event)
            await s.flush()
            note.handled_at = note.handled_at or now
            if action == "close":
                note.closed_at, note.closed_by_id = now, officer_id
            if action == "reply":
                repo.enqueue(s, vault, kind=RecipientKind.URGENT_SENDER, recipient_id=note.id,
                             template="notify.citizen.urgent_reply", params={"text": text}, now=now,
                             dedupe_key=f"urgent:{note.id}:reply:{event.id}")  # fmt: skip
            await uow.commit()

    async def _who(self, s: AsyncSession, actor: Actor) -> tuple[str, int | None]:
        """(label for the record, officer id): an officer who may handle urgent messages, or the system (CLI)."""
        if actor.kind is ActorKind.SYSTEM:
            return actor.label(), None
        officer = await _officer_row(s, actor)
        if officer is None or not may_handle(officer):
            raise NotPermitted("urgent", actor.label())
        return actor.label(), officer.id

    async def set_on_duty(self, officer_id: int, on: bool) -> str:
        """Who receives urgent pushes first (nobody on duty: the supervisors); returns the officer's name."""
        async with self.ctx.uow() as uow:
            officer = await uow.session.get(OfficerRow, officer_id)
            if officer is None or not officer.active:
                raise NotFound("officer", officer_id)
            officer.on_duty = on
            await uow.commit()
            return officer.name

    # -- the sweep ---------------------------------------------------------------------------------------------
    async def repush_due(self, after: timedelta = REPUSH_AFTER) -> int:
        """Open messages nobody acted on for ``after``: pushed again to the officers on duty (at most
        :data:`MAX_REPUSHES` times) and, the first time, to every supervisor. Returns how many pushes were
        queued. Dedupe keys make a concurrent sweep fail on commit rather than push twice."""
        vault, now = self.ctx.vault, self.ctx.now()
        queued = 0
        async with self.ctx.uow() as uow:
            s = uow.session
            notes = list((await s.execute(
                select(UrgentNoteRow).where(UrgentNoteRow.closed_at.is_(None), UrgentNoteRow.handled_at.is_(None),
                                            UrgentNoteRow.pushes < MAX_REPUSHES)
                .order_by(UrgentNoteRow.id)
            )).scalars())  # fmt: skip
            duty = await _on_duty(s) if notes else []
            on_duty = {o.id for o in duty}
            supervisors = [o for o in await _supervisors(s) if o.id not in on_duty] if notes else []
            for note in notes:
                if (note.pushed_at or note.at) + after > now:
                    continue
                note.pushes, note.pushed_at = note.pushes + 1, now
                minutes = int((now - note.at).total_seconds() // 60)
                excerpt = (vault.dec_text(note.text_enc) or "")[:EXCERPT]
                params = {"note": note.id, "excerpt": excerpt, "minutes": minutes}
                targets = [(o.id, "notify.officer.urgent_repush", f"push{note.pushes}") for o in duty]
                if note.escalated_at is None:
                    note.escalated_at = now
                    targets += [(o.id, "notify.officer.urgent_escalated", "escalated") for o in supervisors]
                    s.add(UrgentEventRow(note_id=note.id, at=now, actor="system", action="escalate"))
                s.add(UrgentEventRow(note_id=note.id, at=now, actor="system", action="repush"))
                for officer_id, template, slot in targets:
                    key = f"urgent:{note.id}:{officer_id}:{slot}"
                    repo.enqueue(s, vault, kind=RecipientKind.OFFICER, recipient_id=officer_id, template=template,
                                 params=params, now=now, dedupe_key=key)  # fmt: skip
                    queued += 1
            await uow.commit()
        return queued


async def _on_duty(s: AsyncSession) -> list[OfficerRow]:
    """Who hears of an urgent message first: the officers on duty; nobody on duty, the supervisors; none, the
    intake officers (an office set up with one intake officer and no duty roster must still hear of it)."""
    officers = list((await s.execute(select(OfficerRow).where(OfficerRow.active).order_by(OfficerRow.id))).scalars())
    return ([o for o in officers if o.on_duty] or [o for o in officers if is_leader(o.roles)]
            or [o for o in officers if is_intake(o.roles)])  # fmt: skip


async def _supervisors(s: AsyncSession) -> list[OfficerRow]:
    officers = (await s.execute(select(OfficerRow).where(OfficerRow.active).order_by(OfficerRow.id))).scalars()
    return [o for o in officers if is_leader(o.roles)]


async def _officer_row(s: AsyncSession, actor: Actor) -> OfficerRow | None:
    current = await fresh_officer(s, actor)
    return await s.get(OfficerRow, current.officer_id) if current is not None else None


async def _note(s: AsyncSession, note_id: int, *, lock: bool = False) -> UrgentNoteRow:
    query = select(UrgentNoteRow).where(UrgentNoteRow.id == note_id)
    note = (await s.execute(query.with_for_update() if lock else query)).scalar_one_or_none()
    if note is None:
        raise NotFound("urgent", note_id)
    return note


async def _names(s: AsyncSession, ids: set[int]) -> dict[int, str]:
    ids.discard(0)
    if not ids:
        return {}
    return {o.id: o.name for o in (await s.execute(select(OfficerRow).where(OfficerRow.id.in_(ids)))).scalars()}


def _item(note: UrgentNoteRow, text: str, names: dict[int, str], events: tuple[UrgentEvent, ...] = ()) -> UrgentItem:
    closed_by = names.get(note.closed_by_id or 0, "") if note.closed_at is not None else None
    return UrgentItem(note.id, note.at, text, note.closed_at, closed_by, note.handled_at is not None,
                      note.chat_enc is not None, events)  # fmt: skip


def _checked(text: str, what: str) -> str:
    text = text.strip()
    if not 1 <= len(text) <= TEXT_MAX:
        raise InvalidInput(what, f"1-{TEXT_MAX} characters")
    return text
