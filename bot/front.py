"""What every chat runtime shares: an incoming update as plain data in, what to do in the chat out.

aiogram, python-telegram-bot and the terminal turn their updates into :class:`Incoming` and carry out the
:class:`Response`; everything else lives here once — routing (the officer desk first, then the citizen
dialogs), the flood gate, limits on what an update may carry, rendering from the catalogue, keyboards as
plain data, long texts split — so the runtimes cannot drift apart.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace

from bot.callbacks import (
    Act,
    AnswerQuestion,
    Approve,
    CitizenTap,
    Decline,
    Objection,
    OfficerTap,
    OpenCase,
    Rate,
    Refused,
    RunCommand,
    Shortcut,
    StatsPeriod,
    StepChoice,
    Tap,
    UrgentAnswer,
    UrgentCard,
    parse,
)
from bot.commands import Menu, citizen_menus, officer_help, officer_menu
from bot.deferral import defer
from bot.deps import BotDeps
from bot.dialogs.engine import Event, EventKind, Media, Reply
from bot.dialogs.runner import Answer, Command, Downloader
from bot.floodgate import Verdict
from bot.i18n import Translator
from bot.quietlog import QuietLog
from core.actor import Actor
from core.chats import is_web_chat, variant_of
from core.model import Action, Satisfaction
from core.permissions import sees_statistics
from core.review import CHALLENGES
from core.services.chat_locks import ChatBusy
from core.text import clean_file_name, clean_mime, clean_text
from core.workflow import FEEDBACK_NOTICE

log = logging.getLogger(__name__)
TELEGRAM_TEXT_MAX = 4096
CAPTION_MAX = 1024
INCOMING_TEXT_MAX = 16_384  # Telegram caps a message at 4096 characters: more is forged or broken; steps
# refuse long answers themselves, with the question again

PRIVATE = "private"  # Telegram's chat type of a one-to-one chat with the bot
KNOWN_COMMANDS = frozenset({*Command.__members__.values(), "join", "inbox", "case", "stats"})
Keyboard = tuple[tuple[tuple[str, str], ...], ...]  # rows of (label, callback data)
REVIEW_DECISIONS = (Action.SEND_BACK, Action.CONFIRM_RESULT)  # the leader's two answers to a challenge
URGENT_PUSHES = frozenset({"notify.officer.urgent_note", "notify.officer.urgent_repush",
                           "notify.officer.urgent_escalated", "notify.officer.urgent_follow_up"})  # fmt: skip


def callback_data(step: str, value: str | Tap) -> str:
    """A button's data: its own kind, or the value of the step that shows it (bot/callbacks.py)."""
    return value.pack() if isinstance(value, Tap) else StepChoice(step, value).pack()


def split_text(text: str, limit: int = TELEGRAM_TEXT_MAX) -> list[str]:
    """Telegram refuses messages over 4096 characters: split at line breaks where possible."""
    chunks: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > limit // 2 else limit
        chunks.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return [*chunks, text] if text else chunks or [""]


@dataclass(frozen=True)
class Incoming:
    """One update from a user: a message (text and/or a file) or a tap on a button."""

    chat_id: int
    user_id: int | None = None
    language: str | None = None
    message_id: int | None = None  # for a tap: the message that carries the button
    text: str | None = None
    media: Media | None = None
    callback: str | None = None
    chat_type: str = PRIVATE  # Telegram's: private, group, supergroup or channel
    bot_username: str | None = None  # for a link to the private chat, when the update comes from elsewhere

    def command(self) -> tuple[str, str] | None:
        """``/name@bot args`` → (name, args); None when the message is not a command."""
        if self.callback is not None or not self.text or not self.text.startswith("/"):
            return None
        head, _, args = self.text[1:].partition(" ")
        name = head.split("@", 1)[0].lower()
        return (name, args.strip()) if name.isascii() and name.replace("_", "").isalnum() else None


def normalised(incoming: Incoming) -> Incoming:
    """What the user meant, without what PostgreSQL refuses or what only hides (control, zero-width and bidi
    characters; core/text.py); a file's name and MIME type fit their columns. Every runtime's updates pass."""
    media = incoming.media
    if media is not None:
        media = replace(media, name=clean_file_name(media.name), mime_type=clean_mime(media.mime_type))
    return replace(
        incoming,
        text=clean_text(incoming.text) if incoming.text is not None else None,
        callback=clean_text(incoming.callback, multiline=False) if incoming.callback is not None else None,
        media=media,
    )


def _kind(incoming: Incoming) -> str:
    """What kind of update, for the log: never its text, never the chat (it would tie a chat to a case)."""
    command = incoming.command()
    if command and command[0] in KNOWN_COMMANDS:  # anything else may be a password that starts with "/"
        return f"/{command[0]}"
    return "button" if incoming.callback is not None else "file" if incoming.media is not None else "text"


@dataclass(frozen=True)
class Outgoing:
    """A message to send: text with buttons, or a document or a photo (a chart) with the text as its caption."""

    text: str
    keyboard: Keyboard = ()
    document: tuple[str, bytes] | None = None
    photo: tuple[str, bytes] | None = None  # (file name, PNG or JPEG bytes): shown inline, not as a file


@dataclass(frozen=True)
class Response:
    messages: list[Outgoing] = field(default_factory=list)
    delete_incoming: bool = False  # the user's message held a secret (password, invite code)
    delete_ids: tuple[int, ...] = ()  # messages of this chat to delete (the report, on the reporter's request)
    # called by the runtime once the messages went out (True) or sending failed (False): a receipt carrying a
    # query code is kept until it is known to be delivered (issue 11, item 2)
    after_send: Callable[[bool], Awaitable[None]] | None = None
    menus: tuple[Menu, ...] = ()  # command menus to set once the messages went out (an officer who just joined)


class ChatFront:
    def __init__(self, deps: BotDeps) -> None:
        self.deps = deps
        self.gate = deps.floodgate
        self._forged = QuietLog(log)
        engines = (deps.runner.engine, deps.desk.engine)  # a button of a step that no longer exists is refused
        self._steps = frozenset(step for e in engines for flow in e.flows.values() for step in flow.steps)

    def locale(self, language: str | None) -> str:
        return self.deps.locale_for(language)

    def error_text(self, language: str | None) -> str:
        """What to say when handling failed unexpectedly (answers given earlier are saved)."""
        return self.deps.translator.t(self.locale(language), "error.generic")

    async def serve(self, incoming: Incoming, download: Downloader | None,
                    send: Callable[[Response], Awaitable[None]]) -> None:  # fmt: skip
        """Handle an update and ``send`` the response, the chat's lock held throughout (core/services/chat_locks.py):
        a chat's next update — on this instance or another — is handled after these replies went out, so they
        reach the user in the order the updates were handled (a double tap's second answer after the first's).
        The flood gate is asked first: a flooding chat's updates are turned away without waiting for the lock."""
        if (flooded := await self._flooded(incoming)) is not None:
            await send(flooded)
            return
        try:
            async with self.deps.runner.locks.hold(incoming.chat_id):
                await send(await self._admitted(incoming, download))
        except ChatBusy:  # another instance kept the chat too long; nothing was done with this update yet
            if defer():
                log.warning("an update put off: its chat was held elsewhere (Telegram delivers it again)")
                return
            raise

    async def handle(self, incoming: Incoming, download: Downloader | None = None) -> Response:
        """An update's response (the terminal, tests): the flood gate, then the update."""
        if (flooded := await self._flooded(incoming)) is not None:
            return flooded
        return await self._admitted(incoming, download)

    async def _flooded(self, incoming: Incoming) -> Response | None:
        verdict = await self.gate.check(incoming.chat_id)
        if verdict is Verdict.DROP:
            return Response()
        if verdict is Verdict.WARN:
            log.warning("flood from one chat: updates ignored for a while")
            return self._say(incoming, "error.flood")
        return None

    async def _admitted(self, incoming: Incoming, download: Downloader | None) -> Response:
        if incoming.chat_type != PRIVATE:
            return self._elsewhere(incoming)
        if incoming.text is not None and len(incoming.text) > INCOMING_TEXT_MAX:
            return self._say(incoming, "error.too_long")
        incoming = normalised(incoming)
        try:
            answer, delete = await self._route(incoming, download)
        except Refused:  # anyone can send any data; an old message keeps its buttons: one polite line, no flood
            self._forged.note("refused button data no button of ours carries")
            return self._say(incoming, "dialog.stale_button")
        log.debug("update: %s → %d replies", _kind(incoming), len(answer.replies) if answer else 0)  # no chat id
        if answer is None:
            return Response()
        menus = await self._joined_menu(incoming)
        after_send = None
        if answer.receipt is not None:
            chat, key = incoming.chat_id, answer.receipt
            after_send = lambda delivered: self.deps.runner.receipt_sent(chat, key, delivered)  # noqa: E731
        replies = self.render(answer.locale, answer.replies, incoming.chat_id)
        return Response(replies, delete, answer.delete_ids, after_send, menus)

    async def menus(self) -> list[Menu]:
        """Telegram's command menus, set at start by both runtimes: citizens' per language, officers' per chat
        (an officer deactivated since gets the citizens' menu back). Same lists as /help (bot/commands.py)."""
        tr, desk = self.deps.translator, self.deps.desk
        officers = [officer_menu(tr, desk.default_locale, o.telegram_id, o.active, sees_statistics(o.roles))
                    for o in await desk.s.officers.list_officers() if o.telegram_id is not None]  # fmt: skip
        return [*citizen_menus(tr, tr.default), *officers]

    async def _joined_menu(self, incoming: Incoming) -> tuple[Menu, ...]:
        """After a /join, the officer's menu for their chat, if the account is now an officer's."""
        command = incoming.command()
        if not command or command[0] != "join" or incoming.user_id is None:
            return ()
        actor = await self.deps.desk.actor(incoming.user_id)
        if actor is None:
            return ()
        leader = sees_statistics(actor.roles)
        return (officer_menu(self.deps.translator, self.deps.desk.default_locale, incoming.chat_id, leader=leader),)

    def _say(self, incoming: Incoming, key: str, params: dict[str, object] | None = None) -> Response:
        return Response(self.render(self.locale(incoming.language), [Reply(key, params or {})], incoming.chat_id))

    def _elsewhere(self, incoming: Incoming) -> Response:
        """A group, supergroup or channel: whatever is shown there is shown to every member (an officer's card
        with the reporter's name and phone), and all members would share one dialog. Commands addressed to the
        bot get one polite pointer to the private chat; nothing else is answered, stored or looked up."""
        command = incoming.command()
        if command is None or incoming.text is None:
            return Response()
        addressee, me = incoming.text.split(maxsplit=1)[0].partition("@")[2], incoming.bot_username or ""
        if addressee and me and addressee.lower() != me.lower():  # another bot's command
            return Response()
        reply = self._say(incoming, "chat.private_only_link", {"link": f"https://t.me/{me}"}) if me else (
            self._say(incoming, "chat.private_only"))  # fmt: skip
        # an invite code posted to a group is not redeemed; the bot takes it out of the group if it may
        return replace(reply, delete_incoming=command[0] == "join")

    async def _route(self, incoming: Incoming, download: Downloader | None) -> tuple[Answer | None, bool]:
        deps, chat, hint = self.deps, incoming.chat_id, self.locale(incoming.language)
        command = incoming.command()
        user = None if is_web_chat(chat) else incoming.user_id  # a web page is never an officer's desk
        if command and command[0] == "join" and user is None and is_web_chat(chat):
            return Answer(hint, [Reply("web.no_join")]), True  # and the code typed is deleted from the page
        if command and command[0] == "join" and user is not None:  # the code is a credential
            return Answer(deps.desk.default_locale, await deps.desk.join(user, command[1])), True
        actor = await deps.desk.actor(user) if user is not None else None
        if actor is not None:
            async with deps.runner.locks.hold(chat):  # an officer's flow too (granted at once under serve)
                answer = await self._officer(incoming, actor, command)
            if answer is not None:
                return answer, any(r.delete_input for r in answer.replies)
        if command and command[0] in Command.__members__.values():
            runner = deps.runner
            return await runner.command(chat, Command(command[0]), hint, incoming.message_id, command[1]), False
        if incoming.callback is not None:
            tap = parse(incoming.callback, self._steps)
            if isinstance(tap, StepChoice):
                event = Event(EventKind.CHOICE, value=tap.value, step=tap.step)
                return await deps.runner.event(chat, event, hint, message_id=incoming.message_id), False
            if isinstance(tap, CitizenTap):
                return await deps.runner.tap(chat, tap, hint, incoming.message_id), False
            raise Refused("an officer's button")  # and the account is not (or no longer) an officer's
        if incoming.media is not None:
            event = Event(EventKind.MEDIA, media=incoming.media)
        else:  # text; stickers, locations…: treated as an empty answer
            event = Event(EventKind.TEXT, text=incoming.text or "")
        answer = await deps.runner.event(chat, event, hint, download, incoming.message_id)
        return answer, any(r.delete_input for r in answer.replies)

    async def _officer(self, incoming: Incoming, actor: Actor, command: tuple[str, str] | None) -> Answer | None:
        """The desk answers officers' commands, buttons and input; None lets the citizen dialogs answer."""
        desk, chat = self.deps.desk, incoming.chat_id
        if command and command[0] == "help":  # officers' own commands (bot/commands.py), not the citizens'
            return Answer(desk.default_locale, [officer_help(sees_statistics(actor.roles))])
        if command and command[0] in ("faq", "ask"):  # the same knowledge base as citizens (issue 16)
            return None
        if command and command[0] == "inbox":
            return Answer(desk.default_locale, await desk.inbox(actor))
        if command and command[0] == "case":
            return await desk.open_case(actor, command[1].upper())
        if command and command[0] == "stats":  # a leader's figures and charts (issue 17)
            return await desk.stats(actor, command[1].strip() or None)
        if incoming.callback is not None:
            tap = parse(incoming.callback, self._steps)
            if isinstance(tap, StepChoice):  # the officer's input flow, if one is waiting
                return await desk.text(chat, actor, Event(EventKind.CHOICE, value=tap.value, step=tap.step))
            if isinstance(tap, OfficerTap):
                return await desk.button(chat, actor, tap)
            return None  # a citizen's button (an officer may report too)
        if incoming.media is not None:
            return None
        kind = EventKind.CANCEL if command and command[0] == "cancel" else EventKind.TEXT
        return await desk.text(chat, actor, Event(kind, text=incoming.text or ""))

    # -- rendering ---------------------------------------------------------------------------------------------
    def render(self, locale: str, replies: Sequence[Reply], chat_id: int | None = None) -> list[Outgoing]:
        tr, out, variant = self.deps.translator, [], variant_of(chat_id)
        for reply in replies:
            text = tr.render(locale, reply.key, reply.params, variant)
            if reply.attachment is not None:  # evidence for an officer: decrypted in memory, never on disk
                name, data = reply.attachment  # as the reporter named it: no bidi trick in what the officer opens
                out.append(Outgoing(text[:CAPTION_MAX], document=(clean_file_name(name), data)))
                continue
            rows = tuple(tuple((tr.button(locale, b), callback_data(reply.step, b.value)) for b in row)
                         for row in reply.buttons)  # fmt: skip
            if reply.photo is not None:  # a chart (issue 17): the title as its caption
                out.append(Outgoing(text[:CAPTION_MAX], rows, photo=reply.photo))
                continue
            chunks = split_text(text)
            out.extend(Outgoing(chunk, rows if i == len(chunks) - 1 else ()) for i, chunk in enumerate(chunks))
        return out


def notification_keyboard(tr: Translator, locale: str, template: str, params: dict[str, object]) -> Keyboard:
    """Buttons under a pushed notification: Reply under a question; rating and objection under the result
    feedback (rules.md §4, D4; rating [U]); the leader's decision under a reporter's challenge (§10.4)."""
    if template == "notify.reporter.question":
        tap: Tap = AnswerQuestion(str(params["number"]), int(str(params["qid"])))
        return (((tr.t(locale, "button.reply"), tap.pack()),),)
    if template == "notify.reporter.not_accepted_facts":  # rules.md §3.2 item 3: facts are asked for
        return (((tr.t(locale, "button.report_again"), RunCommand(Shortcut.START).pack()),),)
    if template == "notify.citizen.urgent_reply":  # the sender writes back
        return (((tr.t(locale, "button.reply"), UrgentAnswer().pack()),),)
    if template == "notify.officer.approval_requested":  # to a leader: decide here (issue 15, rules.md §10.2)
        request, number = int(str(params["request"])), str(params["number"])
        return (((tr.t(locale, "approval.button_approve"), Approve(request).pack()),
                 (tr.t(locale, "approval.button_decline"), Decline(request).pack())),
                ((tr.t(locale, "approval.button_open"), OpenCase(number).pack()),))  # fmt: skip
    if template in URGENT_PUSHES:  # to the officer: open the message, answer, note, close (issue 12, item 12)
        return (((tr.t(locale, "urgent.button_open"), UrgentCard(int(str(params["note"]))).pack()),),)
    if template in ("notify.officer.stats_monthly", "notify.officer.stats_assigned"):  # issue 17: the charts
        return (((tr.t(locale, "stats.button.details"), StatsPeriod(str(params["period"])).pack()),),)
    if template in CHALLENGES.values():  # to a leader: decide on the reporter's 不满意 or 异议 (rules.md §10.4)
        number = str(params["number"])
        decide = tuple((tr.t(locale, f"action.{a.value}"), Act(number, a).pack()) for a in REVIEW_DECISIONS)
        return (decide, ((tr.t(locale, "button.open_case"), OpenCase(number).pack()),))
    if template not in FEEDBACK_NOTICE.values():  # the result of any report type: rated, objected to
        return ()
    number = str(params["number"])
    rate = tuple((tr.t(locale, f"enum.Satisfaction.{s.value}"), Rate(number, s).pack()) for s in Satisfaction)
    return (rate, ((tr.t(locale, "button.object"), Objection(number).pack()),))
