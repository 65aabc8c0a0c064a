"""Officer ↔ reporter questions about a case, through the bot, without the officer learning the chat.

The question is kept in the case's history and shown to the reporter at /status (after code and password for
anonymous reports); what is pushed to the chat, through the outbox addressed to the case (the sender resolves the
chat, encrypted, at send time), follows the reporter's choice (see ``_push``). The reporter's answer is accepted
only from the chat the report was filed from, and is attached to the case's history. Works for anonymous
reports too: their chat is stored encrypted for exactly this.
"""

from __future__ import annotations

from sqlalchemy import select

from core.actor import Actor
from core.errors import InvalidInput, NotFound, NotPermitted
from core.model import OPEN_STATES, Action, ActorKind, RecipientKind
from core.permissions import INTAKE_DESK
from core.persistence import repository as repo
from core.persistence.orm import CaseEventRow, CaseRow, ReporterContactRow
from core.services import history
from core.services.access import officer_case
from core.services.context import CoreContext

QUESTION_MAX = 1000
ANSWER_MAX = 2000


def _push(case: CaseRow, question: str, question_id: int) -> tuple[str, dict[str, object]] | None:
    """What reaches the reporter's chat unasked (rules.md §4: anonymous reporters follow up by query code).

    Named reporters get the question itself, as they get acceptance and results. Anonymous reporters chose at
    filing: "no reminders" means nothing is pushed (the question waits for an authenticated /status); "reminders"
    means a ping with no case number and no content, not even in the outbox row.
    """
    if case.named:
        return "notify.reporter.question", {"number": case.number, "question": question, "qid": question_id}
    if case.notify_opt_in:
        return "notify.reporter.message", {}
    return None


class MessagingService:
    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def ask(self, number: str, actor: Actor, question: str) -> int:
        """Queue a question to the reporter; returns its id (the audit event's)."""
        question = question.strip()
        if not 1 <= len(question) <= QUESTION_MAX:
            raise InvalidInput("question", f"1-{QUESTION_MAX} characters")
        vault, now = self.ctx.vault, self.ctx.now()
        async with self.ctx.uow() as uow:
            s = uow.session
            if actor.kind is not ActorKind.OFFICER:
                raise NotPermitted("ask", actor.label())
            case, actor, _ = await officer_case(s, number, actor, "act")  # core.access: cases their role covers
            if case.state not in {st.value for st in OPEN_STATES}:
                raise NotPermitted("ask", actor.label())
            if await s.get(ReporterContactRow, case.id) is None:
                raise InvalidInput("question", "the reporter cannot be reached through the bot")
            event = history.record(s, vault, case, actor, Action.ASK_REPORTER, now, note=question)
            await s.flush()
            push = _push(case, question, event.id)
            if push is not None:
                repo.enqueue(s, vault, kind=RecipientKind.REPORTER, recipient_id=case.id, template=push[0],
                             params=push[1], now=now)  # fmt: skip
            await uow.commit()
            return event.id

    async def answer(self, number: str, chat_id: int, question_id: int, text: str) -> None:
        """The reporter's reply, accepted only from the chat the report came from; the handler is told."""
        text = text.strip()
        if not 1 <= len(text) <= ANSWER_MAX:
            raise InvalidInput("answer", f"1-{ANSWER_MAX} characters")
        vault, now = self.ctx.vault, self.ctx.now()
        async with self.ctx.uow() as uow:
            s = uow.session
            case = await repo.case_by_number(s, number)
            contact = await s.get(ReporterContactRow, case.id)
            if contact is None or int(vault.decrypt(contact.chat_enc)) != chat_id:
                raise NotPermitted("answer", "citizen")
            question = await s.get(CaseEventRow, question_id)
            if question is None or question.case_id != case.id or question.action != Action.ASK_REPORTER.value:
                raise NotFound("question", question_id)
            history.record(s, vault, case, Actor.citizen(), Action.REPORTER_REPLY, now, note=text)
            recipients = [question.officer_id] if question.officer_id else []
            if case.assignee_id and case.assignee_id not in recipients:
                recipients.append(case.assignee_id)
            if not recipients:
                recused = case.recused_officer_ids or ()
                recipients = [o.id for o in await repo.officers_with_role(s, case.unit_id, INTAKE_DESK)
                              if o.id not in recused]  # fmt: skip
            for officer_id in recipients:
                repo.enqueue(
                    s,
                    vault,
                    kind=RecipientKind.OFFICER,
                    recipient_id=officer_id,
                    template="notify.officer.reporter_reply",
                    params={"number": case.number},
                    now=now,
                )
            await uow.commit()

    async def pending_question(self, number: str, question_id: int) -> str:
        async with self.ctx.uow() as uow:
            event = (await uow.session.execute(
                select(CaseEventRow).where(CaseEventRow.id == question_id)
            )).scalar_one_or_none()  # fmt: skip
            if event is None or event.action != Action.ASK_REPORTER.value:
                raise NotFound("question", question_id)
            return self.ctx.vault.dec_text(event.note_enc) or ""
