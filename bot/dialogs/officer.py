"""Officers in the bot, framework-independent: inbox, case card, actions, and the inputs actions need.

Buttons carry the officer kinds of bot/callbacks.py; every action goes through the core services as the officer,
so role and state checks are the core's (a forged button is refused there, and the refusal is shown).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, assert_never

from bot.callbacks import (
    Act,
    Approve,
    Assign,
    ChooseMethod,
    Decline,
    EvidenceFile,
    Inbox,
    LinkCase,
    OfficerTap,
    OpenCase,
    PersonLedger,
    ShowIdentity,
    StatsPeriod,
    UnlinkCase,
    UrgentCard,
    UrgentText,
)
from bot.dialogs import officer_approvals as approvals
from bot.dialogs.card import card_key, card_params
from bot.dialogs.codec import decode, encode
from bot.dialogs.engine import Button, Conversation, Engine, Event, Label, Lines, Reply
from bot.dialogs.env import OfficerEnv
from bot.dialogs.ids import FlowName
from bot.dialogs.ledger import ledger_replies
from bot.dialogs.officer_flows import FLOW_FOR, REDO, finish, officer_flows
from bot.dialogs.officer_stats import ChartMaker, stats_replies
from bot.dialogs.officer_urgent import card as urgent_card
from bot.dialogs.officer_urgent import finish_urgent, flow_for, inbox_part, urgent_flows
from bot.dialogs.runner import Answer
from core.actor import Actor
from core.errors import AmbiguousCase, ApprovalRequested, DomainError, GuardFailed, IllegalTransition, NotPermitted
from core.model import Action, DisposalMethod
from core.permissions import keeps_ledger, takes_cases
from core.services.approvals import ApprovalService
from core.services.cases import CaseService
from core.services.desk import CaseCard, Desk
from core.services.dialog_store import DialogStore
from core.services.messaging import MessagingService
from core.services.officers import OfficerService
from core.services.stats import StatsService
from core.services.urgent import UrgentService

SPACE = ".officer"  # the officer's input flows are stored apart from any citizen dialog in the same chat
DIRECT = frozenset({Action.REGISTER, Action.ACCEPT, Action.RECEIVE_TRANSFER, Action.ARCHIVE, Action.CLOSE_FOLLOW_UP})
NEEDS_APPROVAL = frozenset({Action.PARK, Action.SEND_TO_INVESTIGATION})
DISPOSE_CHOICES = (DisposalMethod.TALK_OR_LETTER, DisposalMethod.PRELIMINARY_CHECK, DisposalMethod.CLOSE)
CITIZEN_TTL = 30.0  # seconds "not an officer" is trusted; an officer is looked up on every update
CITIZENS_REMEMBERED = 100_000  # at most (~10 MB); beyond, the oldest "not an officer" is looked up again sooner


@dataclass(frozen=True)
class OfficerServices:
    desk: Desk
    cases: CaseService
    officers: OfficerService
    store: DialogStore
    messaging: MessagingService
    urgent: UrgentService
    approvals: ApprovalService
    stats: StatsService


class _Env:
    """What an officer's flow may do (:class:`~bot.dialogs.env.OfficerEnv`)."""

    def __init__(self, actor: Actor, cases: CaseService, messaging: MessagingService) -> None:
        self.actor = actor
        self.cases = cases
        self.messaging = messaging

    @staticmethod
    def refusal(exc: DomainError) -> Reply:
        if isinstance(exc, ApprovalRequested):  # not a refusal: the step waits for a leader (rules.md §10.2)
            return approvals.requested(exc)
        if isinstance(exc, GuardFailed):
            return Reply("officer.refused", {"problems": Lines(tuple(Label(p) for p in exc.problems))})
        if isinstance(exc, IllegalTransition):
            return Reply(exc.key, {"state_label": Label(f"state.{exc.state}")})
        return Reply(exc.key, {k: v for k, v in exc.params.items() if isinstance(v, str)})


class OfficerDesk:
    def __init__(self, services: OfficerServices, default_locale: str = "zh-CN",
                 clock: Callable[[], float] = time.monotonic, charts: ChartMaker | None = None) -> None:  # fmt: skip
        self.s = services
        self.charts = charts  # draws the /stats charts (qingfeng.stats_charts); None: the summary only
        self.default_locale = default_locale
        self.engine: Engine[OfficerEnv] = Engine(officer_flows() + urgent_flows() + approvals.approval_flows())
        self._clock = clock
        # Telegram id → when found not to be an officer, oldest first: the expired are dropped from the front,
        # O(1) per update however many citizens write (issue 13)
        self._citizens: OrderedDict[int, float] = OrderedDict()

    async def actor(self, telegram_id: int) -> Actor | None:
        """The officer behind a Telegram account, None for everybody else.

        Officers are looked up on every update, so a deactivation (by the CLI, in another process) or a change
        of role takes effect at once; only "not an officer" is remembered briefly, which at worst delays a new
        officer's first update, never a revocation.
        """
        seen = self._citizens.get(telegram_id)
        if seen is not None and self._clock() - seen < CITIZEN_TTL:
            return None
        actor = await self.s.officers.actor_for_telegram(telegram_id)
        self._citizens.pop(telegram_id, None)
        if actor is None:
            self._remember_citizen(telegram_id)
        return actor

    def _remember_citizen(self, telegram_id: int) -> None:
        now = self._clock()  # after the look-up: the map stays in time order
        citizens = self._citizens
        citizens[telegram_id] = now
        while len(citizens) > CITIZENS_REMEMBERED:
            citizens.popitem(last=False)
        while now - citizens[next(iter(citizens))] >= CITIZEN_TTL:
            citizens.popitem(last=False)

    async def join(self, telegram_id: int, code: str) -> list[Reply]:
        """``/join <code>``: an invited officer binds this Telegram account (the code works once)."""
        actor = await self.s.officers.redeem(code, telegram_id) if code.strip() else None
        if actor is None:
            return [Reply("officer.join_failed")]
        self._citizens.pop(telegram_id, None)
        return [Reply("officer.joined", {"name": actor.name}), *await self.inbox(actor)]

    async def inbox(self, actor: Actor, page: int = 0) -> list[Reply]:
        # open urgent messages first, then the requests waiting for this leader's decision (issue 15)
        urgent = await inbox_part(self.s.urgent, actor) if page == 0 else []
        urgent += await approvals.inbox_part(self.s.approvals, actor) if page == 0 else []
        return [*urgent, *await self._cases(actor, page, bool(urgent))]

    async def _cases(self, actor: Actor, page: int, urgent: bool) -> list[Reply]:
        box = await self.s.desk.inbox(actor, page)
        if not box.total:
            return [] if urgent else [Reply("officer.inbox_empty")]
        rows = [(Button("officer.inbox_item", OpenCase(c.number),
                        params={"number": c.number, "state": Label(f"state.{c.state}"),
                                "due": c.next_due.isoformat() if c.next_due else "—",
                                "flag": "⚠️ " if c.urgent else ""}),) for c in box.items]  # fmt: skip
        nav = []
        if box.page > 0:
            nav.append(Button("button.prev_page", Inbox(box.page - 1)))
        if box.page + 1 < box.pages:
            nav.append(Button("button.next_page", Inbox(box.page + 1)))
        buttons = (*rows, tuple(nav)) if nav else tuple(rows)
        return [Reply("officer.inbox", {"total": box.total, "page": box.page + 1, "pages": box.pages}, buttons, "")]

    async def card(self, actor: Actor, number: str, with_identity: bool = False) -> list[Reply]:
        card = await self.s.desk.card(actor, number, with_identity=with_identity)
        buttons: list[tuple[Button, ...]] = []
        shown = DIRECT | NEEDS_APPROVAL | set(FLOW_FOR) | {Action.ASSIGN, Action.DISPOSE}
        # One "transfer" button: the target unit's level decides up or down.
        actions = [a for a in card.actions if a in shown and a is not Action.TRANSFER_DOWN]
        for i in range(0, len(actions), 2):
            buttons.append(tuple(Button(f"action.{a.value}", Act(number, a))
                                 for a in actions[i : i + 2]))  # fmt: skip
        if card.access.act and card.detail.summary.state != "archived":
            buttons.append((Button("action.ask_reporter", Act(number, Action.ASK_REPORTER)),))
        for item in card.detail.evidence if card.access.evidence else ():
            buttons.append((Button("button.open_evidence", EvidenceFile(number, item.id),
                                   params={"name": item.original_name[:40]}),))  # fmt: skip
        if card.identity_visible and card.detail.reporter is None:
            buttons.append((Button("button.show_identity", ShowIdentity(number)),))
        buttons += _related_buttons(card, number)
        if card.access.act and keeps_ledger(actor.roles) and any(p.name for p in card.detail.persons):
            buttons.append((Button("button.person_ledger", PersonLedger(number)),))
        buttons.append((Button("button.back_to_inbox", Inbox(0)),))
        params = card_params(card.detail, self.s.desk.ctx.tz)
        return [Reply(card_key(card.detail), params, tuple(buttons), "")]

    async def button(self, chat_id: int, actor: Actor, tap: OfficerTap) -> Answer:
        """A tap on an officer button (parsed, so well-formed; whether it is allowed is the core's to say)."""
        try:
            replies = await self._button(chat_id, actor, tap)
        except DomainError as exc:
            replies = [_Env.refusal(exc)]
        return Answer(self.default_locale, replies)

    async def stats(self, actor: Actor, period: str | None) -> Answer:
        """``/stats [2026-11|2026Q4]``: a leader's figures (issue 17); anyone else is told it is for leaders."""
        try:
            replies = await self._stats(actor, period)
        except DomainError as exc:
            replies = [_Env.refusal(exc)]
        return Answer(self.default_locale, replies)

    async def _stats(self, actor: Actor, period: str | None) -> list[Reply]:
        today = self.s.desk.ctx.today()
        return await stats_replies(self.s.stats, self.charts, actor, period, today, self.default_locale)

    async def open_case(self, actor: Actor, ref: str) -> Answer:
        """``/case <ref>``: the card, or the cases of several years to choose from."""
        if not ref:
            return Answer(self.default_locale, [Reply("dialog.stale_button")])
        try:
            return Answer(self.default_locale, await self._open(actor, ref))
        except DomainError as exc:
            return Answer(self.default_locale, [_Env.refusal(exc)])

    async def _open(self, actor: Actor, ref: str) -> list[Reply]:
        try:
            number = await self.s.desk.resolve(actor, ref)  # "/case 33" means this year's 33
        except AmbiguousCase as exc:
            buttons = tuple((Button(n, OpenCase(n), literal=True),) for n in exc.numbers)
            return [Reply("officer.case_ambiguous", {"ref": ref, "numbers": ", ".join(exc.numbers)}, buttons, "")]
        return await self.card(actor, number)

    async def _button(self, chat_id: int, actor: Actor, tap: OfficerTap) -> list[Reply]:
        match tap:
            case Inbox(page=page):
                return await self.inbox(actor, page)
            case OpenCase(ref=ref):
                return await self._open(actor, ref)
            case UrgentCard(note_id=note_id):
                return await urgent_card(self.s.urgent, actor, note_id)
            case UrgentText(kind=kind, note_id=note_id):
                if not await self.s.urgent.visible(actor):
                    raise NotPermitted("urgent", actor.label())
                return await self._start(chat_id, *flow_for(kind, note_id))
            case ShowIdentity(number=number):
                return await self.card(actor, number, with_identity=True)
            case EvidenceFile(number=number, evidence_id=evidence_id):
                name, _mime, data = await self.s.desk.evidence_file(actor, number, evidence_id)
                return [Reply("officer.evidence_sent", {"number": number, "name": name}, attachment=(name, data))]
            case Assign(number=number, officer_id=officer_id):
                await self.s.cases.assign(number, actor, officer_id)
                return [Reply("officer.done", {"number": number}), *await self._card_after(actor, number)]
            case ChooseMethod(number=number, method=method):
                return await self._act(chat_id, actor, number, Action.DISPOSE, method)
            case Act(number=number, action=action):
                return await self._act(chat_id, actor, number, action)
            case Approve(request_id=request_id):
                return await approvals.approve(self.s.approvals, actor, request_id)
            case LinkCase(number=number, other=other) | UnlinkCase(number=number, other=other):
                unlink = isinstance(tap, UnlinkCase)
                await self.s.desk.repeats.link(actor, number, other, unlink=unlink)
                done = Reply("officer.unlinked" if unlink else "officer.linked", {"number": number, "other": other})
                return [done, *await self._card_after(actor, number)]
            case PersonLedger(number=number):
                ledgers = await self.s.desk.ledger.for_case(actor, number)
                back = ((Button("button.back_to_case", OpenCase(number)),),)
                return [replace(r, buttons=back, step="") for r in ledger_replies(ledgers, self.s.desk.ctx.tz)]
            case Decline(request_id=request_id):
                return await self._start(chat_id, *await approvals.start_decline(self.s.approvals, actor, request_id))
            case StatsPeriod(period=period):
                return await self._stats(actor, period)
        assert_never(tap)

    async def _act(
        self, chat_id: int, actor: Actor, number: str, action: Action, method: DisposalMethod | None = None
    ) -> list[Reply]:
        if action in DIRECT:
            await self.s.cases.perform(number, action, actor)
            return [Reply("officer.done", {"number": number}), *await self._card_after(actor, number)]
        summary = await self.s.desk.summary(actor, number, action)  # not theirs: refused before any question
        if action in (Action.SEND_BACK, Action.CONFIRM_RESULT) and (
            decided := await self.s.desk.review_decision(actor, number)
        ):  # a button under a push another leader already answered: said before any question (§10.4)
            how, leader = decided
            return [Reply(f"review.already_{how}", {"number": number, "leader": leader})]
        if action is Action.ASSIGN:
            handlers = [
                o
                for o in await self.s.officers.list_officers()
                if o.active and takes_cases(o.roles) and o.id != actor.officer_id
            ]
            handlers = [o for o in handlers if o.unit == summary.unit and o.id not in summary.recused_officer_ids]
            buttons = tuple((Button(o.name, Assign(number, o.id), literal=True),) for o in handlers)
            return [Reply("officer.choose_handler", {"number": number}, buttons, "")]  # fmt: skip
        if action is Action.DISPOSE and method is None:
            buttons = tuple((Button(f"enum.DisposalMethod.{m.value}", ChooseMethod(number, m)),)
                            for m in DISPOSE_CHOICES)  # fmt: skip
            return [Reply("officer.choose_method", {"number": number}, buttons, "")]
        if action is Action.PARK:
            method = DisposalMethod.PARK
        elif action is Action.SEND_TO_INVESTIGATION:
            method = DisposalMethod.INVESTIGATE
        answers: dict[str, Any] = {"number": number, "action": action.value}
        # a step that needs a leader's approval becomes a request when taken (core.workflow.permit, rules.md §10.2)
        if method is not None:
            answers["method"] = method.value
            return await self._finish(actor, Conversation(self.default_locale, answers=answers))
        answers["named"] = summary.named
        if action is Action.GIVE_FEEDBACK and (prepared := await self.s.desk.prepared_feedback(actor, number)):
            return await self._start(chat_id, FlowName.FEEDBACK_PREPARED, {**answers, "text": prepared})
        if action in (Action.TRANSFER_UP, Action.TRANSFER_DOWN):
            units = [u for u in await self.s.officers.list_units() if u.code != summary.unit]
            answers["_units"], answers["_unit_names"] = [u.code for u in units], [u.name or u.code for u in units]
        return await self._start(chat_id, FLOW_FOR[action], answers)

    async def _start(self, chat_id: int, flow: str, answers: dict[str, Any]) -> list[Reply]:
        stored = await self.s.store.load(chat_id, SPACE)
        c = Conversation(self.default_locale)
        replies = self.engine.start(c, flow, answers)
        await self.s.store.save(chat_id, encode(c), stored.version if stored else 0, SPACE)
        return replies

    async def text(self, chat_id: int, actor: Actor, event: Event) -> Answer | None:
        """Input for an officer flow in progress; None when there is none (the message is not ours)."""
        stored = await self.s.store.load(chat_id, SPACE)
        c = decode(stored.payload) if stored is not None else None
        if stored is None or c is None or not c.flow or c.flow not in self.engine.flows:
            return None
        turn = await self.engine.turn(c, event, _Env(actor, self.s.cases, self.s.messaging))
        replies = turn.replies
        if turn.finished is not None:  # the flow's answers are complete: act on them
            done = Conversation(c.locale, turn.finished.flow, answers=turn.finished.answers)
            done.answers.pop(REDO, None)
            replies += await self._finish(actor, done)
            if done.answers.get(REDO):  # the checklist refused: keep the answers, ask what is missing (item 15)
                c, done.step = done, done.answers[REDO][0]
                replies.append(self.engine.current(c))
        await self.s.store.save(chat_id, encode(c), stored.version, SPACE)
        return Answer(self.default_locale, replies)

    async def _finish(self, actor: Actor, c: Conversation) -> list[Reply]:
        """A flow's answers are complete: the action performed (:func:`finish`), the card again after it."""
        if "urgent" in c.answers:
            return await finish_urgent(self.s.urgent, actor, c.answers, _Env.refusal)
        if approvals.REQUEST in c.answers:
            return await approvals.finish_decline(self.s.approvals, actor, c.answers, _Env.refusal)
        replies = await finish(c.answers, _Env(actor, self.s.cases, self.s.messaging))
        if replies and replies[0].key == "officer.done":
            replies += await self._card_after(actor, c.answers["number"])
        return replies

    async def _card_after(self, actor: Actor, number: str) -> list[Reply]:
        """The card again after an action, unless the action took the case out of the officer's hands (a handler
        returned it to intake): then the confirmation alone."""
        try:
            return await self.card(actor, number)
        except NotPermitted:
            return []


RELATED_BUTTONS = 6  # related cases with buttons on a card (the card lists them all)


def _related_buttons(card: CaseCard, number: str) -> list[tuple[Button, ...]]:
    """Per related case (issue 17): open it, and link or unlink it for an officer who may act on this case."""
    rows: list[tuple[Button, ...]] = []
    for r in card.detail.related[:RELATED_BUTTONS]:
        row = [Button("button.open_related", OpenCase(r.number), params={"number": r.number})]
        if card.access.act:
            tap = UnlinkCase(number, r.number) if r.linked else LinkCase(number, r.number)
            row.append(Button("button.unlink_case" if r.linked else "button.link_case", tap))
        rows.append(tuple(row))
    return rows
