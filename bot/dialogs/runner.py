"""Runs the dialogs for one chat at a time: load the conversation, apply the event, save, return replies.

Framework-independent: the aiogram and python-telegram-bot handlers and the console all call this. The
conversation is saved after every event (encrypted, with a version check), so a restart of the bot between
two messages loses nothing, and two updates of one chat never interleave.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import assert_never

from bot import callbacks as cb
from bot.commands import citizen_help
from bot.dialogs import questions as kbq
from bot.dialogs.addition import GRANTS, build_addition_flow
from bot.dialogs.codec import decode, encode
from bot.dialogs.engine import Button, Conversation, Engine, Event, EventKind, Label, Media, Reply
from bot.dialogs.env import CitizenEnv
from bot.dialogs.filing import build_filing_flow
from bot.dialogs.idle import DANGER, danger_typed, free_text, idle_buttons
from bot.dialogs.ids import Filing, FlowName
from bot.dialogs.objection import build_objection_flow, build_reply_flow
from bot.dialogs.review import receipt_replies
from bot.dialogs.scope_steps import says_no, says_yes
from bot.dialogs.status import STATUS_GRACE, build_status_flow, locked_reply, status_replies
from bot.dialogs.steps import Choice
from bot.dialogs.validators import looks_like_secret
from core.errors import DomainError, InvalidInput
from core.evidence.filetypes import extension
from core.knowledge.ready import ready_knowledge
from core.model import EvidenceKind
from core.reports import EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES, EvidenceUpload, NewReport, StagedEvidence
from core.services.chat_locks import ChatLocks, LocalChatLocks
from core.services.dialog_store import DialogStore, StaleDialog, StoredDialog
from core.services.filing import FilingService, Receipt
from core.services.messaging import MessagingService
from core.services.officers import OfficerService
from core.services.queries import CaseQueries
from core.services.reporter import ReporterService
from core.services.urgent import UrgentService
from core.services.views import PublicStatusView

LOCALES = {"zh-CN": "中文", "en": "English"}
WIPE_MAX_IDS = 2000
CACHE_CHATS = 10_000  # conversations kept in memory between updates
CACHE_TTL = timedelta(minutes=10)
HELD = "held"  # memo: a question typed at a step, kept in case it was the step's answer (KeepAsAnswer)
#: Steps whose text is never taken for a question: secrets and identity numbers (a password may end in "?").
#: The scope step hears questions itself: "纪委管不管物业乱收费？" is answered by its verdict (scope_steps).
NOT_QUESTIONS = frozenset({Filing.SCOPE, Filing.SCOPE_DANGER, Filing.PW1, Filing.PW2, Filing.R_PHONE, Filing.R_ID})
RECEIPT = "receipt"  # memo: a receipt with a query code on its way to the chat (issue 11, item 2)
RECEIPT_IN_FLIGHT = timedelta(minutes=5)  # longer than any send (429s are waited out up to 2 × 60 s)
SECRET_GRACE = STATUS_GRACE  # memo: a lock-out was just told; a code or password typed next is deleted too
Downloader = Callable[[Media], Awaitable[bytes]]


async def _no_download(media: Media) -> bytes:
    raise InvalidInput("evidence", "unavailable")


class Command(StrEnum):
    START = "start"
    HELP = "help"
    CANCEL = "cancel"
    BACK = "back"
    STATUS = "status"
    LANG = "lang"
    FAQ = "faq"
    ASK = "ask"  # /ask <question>


@dataclass(frozen=True)
class Answer:
    locale: str
    replies: list[Reply]
    delete_ids: tuple[int, ...] = ()  # messages of the chat to delete (the report, on the reporter's request)
    receipt: str | None = None  # the replies carry this submission's query code: report back once sent


@dataclass(frozen=True)
class DialogServices:
    store: DialogStore
    filing: FilingService
    queries: CaseQueries
    officers: OfficerService
    urgent: UrgentService
    reporter: ReporterService
    messaging: MessagingService


_DEFAULT_NAMES = {"photo": "photo.jpg", "voice": "voice.ogg", "video": "video.mp4", "audio": "audio.mp3"}
_KINDS = {"photo": EvidenceKind.PHOTO, "voice": EvidenceKind.VOICE, "audio": EvidenceKind.AUDIO,
          "video": EvidenceKind.VIDEO, "document": EvidenceKind.DOCUMENT}  # fmt: skip


class _Env:
    """What steps may do, for one chat (:class:`~bot.dialogs.env.CitizenEnv`), and what the runner learns."""

    def __init__(self, chat_id: int, services: DialogServices, download: Downloader, message_id: int | None) -> None:
        self.chat_id = chat_id
        self.message_id = message_id  # the user's message, or the message carrying the tapped button
        self.delete_ids: tuple[int, ...] = ()
        self.receipt: str | None = None  # submission key of a receipt with a query code among the replies
        self.secret_grace = False  # a lock-out was told in answer to the previous update
        self.locale = ""  # the conversation's language, set once it is loaded (an answer to an urgent message)
        self._s = services
        self._download = download

    async def stage(self, media: Media) -> StagedEvidence:
        name = media.name or _DEFAULT_NAMES.get(media.kind, "file")
        # Refused before downloading anything: a declared size over the limit, a name of a refused type.
        if media.size is not None and media.size > EVIDENCE_MAX_BYTES:
            raise InvalidInput("evidence", "size")
        if extension(name) not in EVIDENCE_EXTENSIONS:
            raise InvalidInput("evidence", "type")
        data = await self._download(media)
        upload = EvidenceUpload(_KINDS.get(media.kind, EvidenceKind.DOCUMENT), name, media.mime_type, data)
        return await self._s.filing.stage_evidence(upload)

    async def discard(self, staged: Iterable[StagedEvidence]) -> None:
        await self._s.filing.discard_staged(staged)

    async def file(self, report: NewReport) -> Receipt:
        receipt = await self._s.filing.file_report(report, keep_code=True)
        if receipt.query_code and report.submission_key:
            self.receipt = report.submission_key
        return receipt

    async def status_by_code(self, code: str, password: str) -> PublicStatusView | None:
        return await self._s.queries.status_by_code(code, password, self.chat_id)

    async def lock_minutes(self, code: str | None = None) -> int | None:
        return await self._s.queries.lock_minutes(code, self.chat_id)

    async def alert_urgent(self, text: str) -> None:
        """Kept with this chat (encrypted, never shown), so an officer's answer can reach it."""
        await self._s.urgent.raise_alert(text, self.chat_id, self.locale or "zh-CN")

    async def urgent_follow_up(self, text: str) -> int | None:
        """Added to this chat's open urgent message, if there is one (its id, else None)."""
        return await self._s.urgent.follow_up(self.chat_id, text)

    async def own_cases(self) -> list[PublicStatusView]:
        return await self._s.queries.status_for_chat(self.chat_id)

    async def answer_question(self, number: str, question_id: int, text: str) -> None:
        await self._s.messaging.answer(number, self.chat_id, question_id, text)

    async def object(self, number: str, text: str, evidence: list[StagedEvidence]) -> None:
        await self._s.reporter.object(number, self.chat_id, text, evidence)

    async def add_to_case(self, number: str, text: str, evidence: list[StagedEvidence], grant: str) -> None:
        chat = None if grant else self.chat_id
        await self._s.reporter.add_to_case(number, text, evidence, chat_id=chat, grant=grant)


class DialogRunner:
    def __init__(self, services: DialogServices, default_locale: str = "zh-CN",
                 locks: ChatLocks | None = None) -> None:  # fmt: skip
        self.services = services
        self.locks = locks if locks is not None else LocalChatLocks()
        self.default_locale = default_locale
        self.engine: Engine[CitizenEnv] = Engine(
            [
                build_filing_flow(),
                build_status_flow(),
                build_objection_flow(),
                build_reply_flow(),
                build_addition_flow(),
            ]
        )
        self._cache: OrderedDict[int, tuple[StoredDialog, datetime]] = OrderedDict()

    async def command(
        self,
        chat_id: int,
        command: Command,
        locale_hint: str | None = None,
        message_id: int | None = None,
        args: str = "",
    ) -> Answer:
        """``args``: what followed the command (the question of /ask)."""
        run = lambda c, env: self._receipt_then(c, env, lambda: self._command(c, env, command, args))  # noqa: E731
        return await self._locked(chat_id, locale_hint, _no_download, message_id, run)

    async def event(
        self,
        chat_id: int,
        event: Event,
        locale_hint: str | None = None,
        download: Downloader | None = None,
        message_id: int | None = None,
    ) -> Answer:
        """``download`` fetches a file the user sent; only called when a step wants the file."""
        retap = event.kind is EventKind.CHOICE and event.step == Filing.CONFIRM  # submit tapped again
        run = lambda c, env: self._receipt_then(c, env, lambda: self._event(c, env, event), retap)  # noqa: E731
        return await self._locked(chat_id, locale_hint, download or _no_download, message_id, run)

    async def tap(self, chat_id: int, tap: cb.CitizenTap, locale_hint: str | None = None,
                  message_id: int | None = None) -> Answer:  # fmt: skip
        """A button that works whatever the dialog is doing (bot/callbacks.py; a step's button is an event)."""
        run = lambda c, env: self._receipt_then(c, env, lambda: self._tap(c, env, tap))  # noqa: E731
        return await self._locked(chat_id, locale_hint, _no_download, message_id, run)

    async def unfinished(self, chat_id: int) -> bool:
        """Whether the chat has a report begun and not submitted — /start would offer to go on with it. A terminal
        that starts again asks for it at once: its earlier screen, with the step's buttons, is gone."""
        stored = await self.services.store.load(chat_id)
        c = decode(stored.payload) if stored else None
        return c is not None and c.flow == FlowName.FILING and bool(c.answers.get("report_type"))

    async def receipt_sent(self, chat_id: int, submission_key: str, delivered: bool) -> None:
        """What became of a receipt carrying a query code (the runtime reports it after sending): delivered, the
        kept code is erased; not delivered (a 5xx, a long 429), the next update of the chat shows it again."""
        if delivered:
            await self.services.filing.receipt_delivered(submission_key)

        async def note(c: Conversation, env: _Env) -> list[Reply]:
            entry = c.memo.get(RECEIPT)
            if isinstance(entry, dict) and entry.get("key") == submission_key:
                if delivered:
                    c.memo.pop(RECEIPT)
                else:
                    entry["failed"] = True
            return []

        await self._locked(chat_id, None, _no_download, None, note)

    async def _receipt_then(
        self, c: Conversation, env: _Env, answer: Callable[[], Awaitable[list[Reply]]], retap: bool = False
    ) -> list[Reply]:
        """A receipt that did not reach the chat comes first, whatever the citizen sent: the query code is their
        only way back to an anonymous report. A tap on submit again gets the receipt alone."""
        env.secret_grace = bool(c.memo.pop(SECRET_GRACE, False))  # for this update only
        again = await self._undelivered_receipt(c, env)
        if again and retap and not c.flow:
            return again
        return [*again, *await answer()]

    async def _undelivered_receipt(self, c: Conversation, env: _Env) -> list[Reply]:
        entry = c.memo.get(RECEIPT)
        if not isinstance(entry, dict):
            return []
        if not entry.get("failed") and self._now() - datetime.fromisoformat(entry["since"]) < RECEIPT_IN_FLIGHT:
            return []  # still on its way (a double tap): the code is shown once
        receipt = await self.services.filing.undelivered_receipt(entry["key"])
        if receipt is None:  # delivered after all
            c.memo.pop(RECEIPT)
            return []
        env.receipt = entry["key"]
        return list(receipt_replies(receipt, again=True))

    # -- one chat at a time ---------------------------------------------------------------------------------
    async def _locked(
        self,
        chat_id: int,
        locale_hint: str | None,
        download: Downloader,
        message_id: int | None,
        fn: Callable[[Conversation, _Env], Awaitable[list[Reply]]],
    ) -> Answer:
        async with self.locks.hold(chat_id):
            stored = self._cached(chat_id)
            for _ in range(3):
                env = _Env(chat_id, self.services, download, message_id)  # fresh: nothing of a stale attempt
                stored = stored or await self.services.store.load(chat_id)
                c = decode(stored.payload) if stored else Conversation(locale_hint or self.default_locale)
                env.locale = c.locale
                if not c.flow and message_id is not None:  # where whatever comes next begins in the chat
                    c.memo.setdefault("idle_from", message_id)
                replies = await fn(c, env)
                if env.receipt is not None:
                    c.memo[RECEIPT] = {"key": env.receipt, "since": self._now().isoformat(), "failed": False}
                payload = encode(c)
                try:
                    version = await self.services.store.save(chat_id, payload, stored.version if stored else 0)
                except StaleDialog:
                    stored = None  # another process saved first (or the dialog was forgotten): redo on its state
                    continue
                if self.locks.alone:  # another instance may write next: read it afresh then
                    self._cache[chat_id] = (StoredDialog(payload, version), self._now())
                    self._cache.move_to_end(chat_id)
                    while len(self._cache) > CACHE_CHATS:
                        self._cache.popitem(last=False)
                return Answer(c.locale, replies, env.delete_ids, env.receipt)
            raise StaleDialog("dialog keeps changing")

    def _cached(self, chat_id: int) -> StoredDialog | None:
        """What this process saved last for the chat, if recent: the next update then skips a database read
        (one transaction per update instead of two). The saved version guards it — if another process wrote
        meanwhile, the save fails as stale and the dialog is read afresh — and the age limit keeps a dialog
        forgotten by retention (DialogStore.forget_stale) from coming back. Popped: an exception leaves no
        stale copy."""
        entry = self._cache.pop(chat_id, None)
        return entry[0] if entry and self._now() - entry[1] < CACHE_TTL else None

    def _now(self) -> datetime:
        return self.services.store.ctx.now()

    # -- commands and events ---------------------------------------------------------------------------------
    async def _command(self, c: Conversation, env: _Env, command: Command, args: str = "") -> list[Reply]:
        active = bool(c.flow)
        match command:
            case Command.START:
                if c.flow == FlowName.FILING and c.answers.get("report_type"):  # something entered: offer to go on
                    return [Reply("dialog.resume"), self.engine.current(c)]
                # where the report begins in the chat, for deleting it later: the first message since the last
                # report (a description typed before tapping "report"), else this one
                start = c.memo.pop("idle_from", None) or env.message_id
                if start is not None:
                    c.memo["wipe_from"] = start
                return [Reply("start.welcome"), *await self._start_filing(c)]
            case Command.HELP:
                return [citizen_help(), *([self.engine.current(c)] if active else [])]
            case Command.CANCEL:
                if not active:
                    return [Reply("dialog.nothing_to_cancel")]
                return await self.engine.handle(c, Event(EventKind.CANCEL), env)
            case Command.BACK:
                if not active:
                    return [Reply("dialog.nothing_to_cancel")]
                return await self.engine.handle(c, Event(EventKind.BACK), env)
            case Command.STATUS:
                if c.flow == FlowName.FILING and c.answers.get("report_type"):  # something entered: kept
                    return [Reply("status.finish_first"), self.engine.current(c)]
                if c.flow:  # only the notice read (the web page shows it to every visitor) or a question asked
                    c.reset()
                mine = [r for v in await self.services.queries.status_for_chat(env.chat_id) for r in status_replies(v)]
                minutes = await env.lock_minutes()
                if minutes is None:
                    return [*mine, *self.engine.start(c, FlowName.STATUS)]
                c.reset()  # locked: said now, before the code and the password are typed again (issue 12)
                c.memo[SECRET_GRACE] = True  # a code or password typed anyway is deleted
                return [*mine, replace(locked_reply(minutes), delete_input=False)]
            case Command.FAQ:
                # The menu alone, with a way back: were the current question shown again under it, its buttons
                # would be renumbered in the terminal. An answer shows the current question again.
                return [kbq.menu_reply(active)]
            case Command.ASK:
                current = [self.engine.current(c)] if active else []
                if not args.strip():
                    return [Reply("kb.ask_prompt"), *current]
                return [*kbq.answer_text(await ready_knowledge(), args.strip()[:500]), *current]
            case Command.LANG:
                buttons = tuple(
                    (Button(name, cb.ChooseLanguage(code), literal=True),) for code, name in LOCALES.items()
                )
                return [Reply("lang.choose", {}, buttons, "")]
        return []

    async def _tap(self, c: Conversation, env: _Env, tap: cb.CitizenTap) -> list[Reply]:
        current = [self.engine.current(c)] if c.flow else []
        match tap:
            case cb.ChooseLanguage(code=code):
                c.locale = code
                return [Reply("lang.changed"), *current]
            case cb.FaqAnswer(topic=topic):  # the first FAQ's buttons, still in chats
                return [*(kbq.entry_replies(await ready_knowledge(), kbq.LEGACY[topic], c.locale) or []), *current]
            case cb.FaqSubject(topic=topic):
                return [kbq.subject_reply(await ready_knowledge(), topic, c.locale)]
            case cb.FaqEntry(entry=entry):
                replies = kbq.entry_replies(await ready_knowledge(), entry, c.locale)
                return [*replies, *current] if replies else [Reply("dialog.stale_button"), *current]
            case cb.KeepAsAnswer():
                held = c.memo.pop(HELD, None)
                if not c.flow or not isinstance(held, dict) or held.get("step") != c.step:
                    return [Reply("dialog.stale_button"), *current]
                return await self.engine.handle(c, Event(EventKind.TEXT, text=str(held["text"])), env)
            case cb.FaqBack():
                return current or [Reply("dialog.idle", {}, idle_buttons(), "")]
            case cb.DangerAnswer(answer=answer):
                return await self._danger(c, env, answer is cb.Danger.YES)
            case cb.UrgentAnswer():  # free text goes to the dialog until it is finished or cancelled
                return [Reply("urgent.finish_dialog"), *current] if c.flow else [Reply("urgent.answer_prompt")]
            case cb.AnswerQuestion():
                return self._reply_button(c, tap)
            case cb.Rate() | cb.Objection():
                return await self._feedback_button(c, env, tap)
            case cb.AddToCase():
                return await self._add_button(c, env, tap)
            case cb.Wipe():
                return self._wipe(c, env)
            case cb.RunCommand(command=command):
                return await self._command(c, env, Command(command.value))
        assert_never(tap)

    async def _event(self, c: Conversation, env: _Env, event: Event) -> list[Reply]:
        c.memo.pop(HELD, None)  # a question kept at a step is the answer only if "keep" is the very next tap
        held = c.memo.pop(DANGER, None)  # "is anyone in danger?" is answered by the very next message or tap
        if isinstance(held, str) and event.kind is EventKind.TEXT:
            if says_yes(event.text):
                return await self._danger(c, env, True, f"{held}\n{event.text.strip()}")
            if says_no(event.text):
                return await self._danger(c, env, False, held)
        at_a_button = c.flow and isinstance(self.engine.flows[c.flow].steps[c.step], Choice)
        if at_a_button and event.kind is EventKind.TEXT and (danger := await danger_typed(event.text, env, c.memo)):
            return [*danger, self.engine.current(c)]
        if c.flow == FlowName.FILING and event.kind is EventKind.TEXT and c.step not in NOT_QUESTIONS:
            takes_text = not isinstance(self.engine.flows[c.flow].steps[c.step], Choice)
            answered = kbq.in_dialog(await ready_knowledge(), event.text[:500], takes_text)
            if answered is not None:  # answered, the step asked again; the text is kept, not stored
                if takes_text:
                    c.memo[HELD] = {"step": c.step, "text": event.text}
                return [*answered, self.engine.current(c)]
        if not c.flow:
            if env.secret_grace and event.kind is EventKind.TEXT and looks_like_secret(event.text):
                return [Reply("status.secret_deleted", delete_input=True)]
            if event.kind is EventKind.CHOICE and c.memo.get("last_receipt"):
                return [Reply("dialog.already_filed", {"number": c.memo["last_receipt"]})]
            return await free_text(event, env, c.memo)
        return await self.engine.handle(c, event, env)

    async def _danger(self, c: Conversation, env: _Env, yes: bool, text: str | None = None) -> list[Reply]:
        """The answer to "is anyone in danger now?" asked by bot.dialogs.idle (outside a dialog, or for text typed at a
        button): yes alerts the officers on duty with what was written; no gives the answer the message has without
        it, or in a dialog the step again."""
        if text is None:
            held = c.memo.pop(DANGER, None)
            if not isinstance(held, str):
                return [Reply("dialog.stale_button"), *([self.engine.current(c)] if c.flow else [])]
            text = held
        current = [self.engine.current(c)] if c.flow else []
        if yes:
            await env.alert_urgent(text[:4000])
            return [Reply("safety.told"), *current] if c.flow else [Reply("safety.told"), Reply("urgent.write_more")]
        if c.flow:
            return current
        return await free_text(Event(EventKind.TEXT, text=text), env, c.memo, ask=False)

    @staticmethod
    def _wipe(c: Conversation, env: _Env) -> list[Reply]:
        """Delete the report from the chat: the messages from /start to the receipt that carries the button.

        In private chats message ids grow per account, so the range holds this chat's filing messages and ids
        of other chats, which Telegram skips. Bots may delete only messages younger than 48 hours.
        """
        start, end = c.memo.pop("wipe_from", None), env.message_id
        if not isinstance(start, int) or end is None or end < start:
            return [Reply("wipe.nothing")]
        env.delete_ids = tuple(range(max(start, end - WIPE_MAX_IDS + 1), end + 1))
        return [Reply("wipe.done", {"number": c.memo.get("last_receipt", "")})]

    def _reply_button(self, c: Conversation, tap: cb.AnswerQuestion) -> list[Reply]:
        """The Reply button under an officer's question."""
        if c.flow == FlowName.FILING:
            return [Reply("status.finish_first"), self.engine.current(c)]
        return self.engine.start(c, FlowName.REPLY, {"number": tap.number, "qid": tap.question_id})

    async def _add_button(self, c: Conversation, env: _Env, tap: cb.AddToCase) -> list[Reply]:
        """补充反映 under a case at /status: this chat's own named case, or an anonymous case whose code and password
        were given here (the grant the status dialog kept); the core checks either again."""
        grant = str(c.memo.get(GRANTS, {}).get(tap.number, ""))
        if not grant and tap.number not in await self.services.reporter.own_numbers(env.chat_id):
            return [Reply("dialog.stale_button")]  # not this chat's case: a forged or foreign button
        if c.flow == FlowName.FILING:
            return [Reply("status.finish_first"), self.engine.current(c)]
        return self.engine.start(c, FlowName.ADDITION, {"number": tap.number, "grant": grant})

    async def _feedback_button(self, c: Conversation, env: _Env, tap: cb.Rate | cb.Objection) -> list[Reply]:
        """Buttons under the result feedback: a rating, or an objection."""
        if tap.number not in await self.services.reporter.own_numbers(env.chat_id):
            return [Reply("dialog.stale_button")]  # not this chat's case: a forged or foreign button
        if isinstance(tap, cb.Rate):
            try:
                to_leader = await self.services.reporter.rate(tap.number, env.chat_id, tap.rating)
            except DomainError:
                return [Reply("objection.not_possible")]
            # a 不满意 goes to the unit's leaders, who send the case back or confirm it with a reply (§10.4)
            rated = "feedback.rated_to_leader" if to_leader else "feedback.rated"
            return [Reply(rated, {"rating": Label(f"enum.Satisfaction.{tap.rating}"), "number": tap.number})]
        if c.flow == FlowName.FILING:
            return [Reply("status.finish_first"), self.engine.current(c)]
        refusal = await self.services.reporter.objection_refusal(tap.number, env.chat_id)
        if refusal is not None:  # e.g. a result a leader confirmed (004 (十一)): said before they write it all
            return [Reply(refusal, {"number": tap.number})]
        return self.engine.start(c, FlowName.OBJECTION, {"number": tap.number})

    async def _start_filing(self, c: Conversation) -> list[Reply]:
        units = await self.services.officers.list_units()
        regions = sorted({u.region for u in units if u.region}, key=lambda r: (-r.count("/"), r))[:12]
        return self.engine.start(c, FlowName.FILING, {"_regions": regions, "_submission": secrets.token_hex(16)})
