"""The office at work: every step of every case taken by an officer through the services the bot's buttons call.

A case has at most one next step, owed by one officer and planned for a moment of their working time
(:meth:`Office.at_work`): intake's steps by whichever intake officer works that day, a handler's by the case's
handler, a leader's approval by a leader of the unit. Delays are drawn per step (working days, scaled by the
officer's pace; now and then a late one). Reminders change the plan as they would in an office: an officer
reminded of a case they owe a step on usually takes it the next working morning; a leader told of a missed duty
has the case given to another handler when its own is away or never acts, or takes the step himself.

A step the service refuses ends the case's story here and is counted (:attr:`Staff.refused`): the simulation's
own mistakes show, and the duties left open are then missed and must be escalated like any other.
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from core.calendar.deadlines import DeadlineKind
from core.closure import AllegationFinding, ClosureReport
from core.errors import ApprovalRequested, DomainError
from core.model import AppealOutcome, DeadlineState, DisposalMethod, Finding, ReportType, Role
from core.model import SuggestionOutcome as Sugg
from core.persistence.orm import CaseRow, DeadlineRow
from qingfeng.app import App
from qingfeng.simulation.arrivals import Arrival, Fate
from qingfeng.simulation.office import CITY, COUNTY, Office, Officer, Pace

log = logging.getLogger(__name__)

Schedule = Callable[[datetime, Callable[[], Awaitable[None]]], None]

#: Working days a step takes (low, high) for a prompt officer; a slow one takes PACE times as long.
DELAYS: dict[str, tuple[float, float]] = {
    "register": (0.0, 0.6), "decide": (0.5, 4.0), "assign": (0.2, 2.0), "approve": (0.1, 1.5),
    "receive": (0.5, 3.0), "dispose": (1.0, 6.0), "conclude_close": (1.0, 4.0), "conclude_talk": (4.0, 13.0),
    "conclude_check": (10.0, 35.0), "conclude_investigate": (20.0, 60.0), "answer": (3.0, 15.0),
    "feedback": (0.5, 9.0), "review": (0.0, 5.0), "report_back": (0.5, 4.0), "archive": (3.0, 15.0),
    "challenge": (1.0, 8.0), "extend": (0.0, 3.0),
}  # fmt: skip
PACE = {Pace.PROMPT: 1.0, Pace.SLOW: 1.7}
LATE = {Pace.PROMPT: 0.03, Pace.SLOW: 0.12}  # the chance a step is put off well beyond its usual time
LATE_BY = (8.0, 25.0)  # working days added to a step put off
HEEDS = {Pace.PROMPT: 0.85, Pace.SLOW: 0.5}  # the chance a reminder brings the step forward
ASSIGNED_PERIOD = timedelta(days=60)  # the 交办函's period
EXTENDS = 0.2  # 交办 cases whose handler asks for more time
SENT_BACK = 0.3  # challenges a leader sends back to the handler (the others are confirmed)
RESUMES = 0.5  # parked cases resumed at their review (the others stay parked)


def _closure(summary: str = "部分属实，谈话提醒") -> ClosureReport:
    """The feedback text is always written: a named reporter whose repeat joined the case is owed it too."""
    return ClosureReport(
        findings=(AllegationFinding("反映的主要问题", Finding.PARTLY_TRUE, ("谈话笔录", "账目凭证")),),
        violation="《中国共产党纪律处分条例》相关条款", action_taken="谈话提醒，责令整改", collective_discussion=True,
        feedback_text="经核查，您反映的问题部分属实，已对相关人员谈话提醒并责令整改。",
        summary=summary,
    )  # fmt: skip


@dataclass
class Case:
    arrival: Arrival
    number: str
    unit: str  # the unit that holds it now
    handler: Officer | None = None
    step: str = ""  # the next step planned
    by: Officer | None = None  # who owes it
    at: datetime | None = None
    token: int = 0  # a step planned again makes the earlier plan void
    resumed: bool = False  # reopened, or resumed from parked: handled again from its disposal
    follower: str = ""  # the unit following it to its 报结 (a case sent down)
    request: int = 0  # the approval request a leader is to decide
    reported: bool = False  # its sender recorded the 报结 and closed its follow-up (a reopened case reports no more)
    done: bool = False


@dataclass
class Staff:
    app: App
    office: Office
    rng: random.Random
    schedule: Schedule
    urgent_raised: Callable[[], None] = lambda: None  # the clockwork's re-push sweeps begin
    cases: dict[str, Case] = field(default_factory=dict)
    by_chat: dict[int, Case] = field(default_factory=dict)
    refused: Counter[str] = field(default_factory=Counter)  # "step: error key" → times a service refused
    steps: Counter[str] = field(default_factory=Counter)  # steps taken
    reassigned: int = 0  # cases given to another handler after an escalation
    pulled_forward: int = 0  # steps brought forward by a reminder
    _turn: Counter[str] = field(default_factory=Counter)

    # -- arrivals ------------------------------------------------------------------------------------------------
    async def arrive(self, a: Arrival) -> None:
        now = self.app.ctx.now()
        if a.fate is Fate.URGENT:
            note = await self.app.urgent.raise_alert("有人拿着刀在村委会门口威胁要砍人，就在现在", a.chat)
            self.steps["urgent"] += 1
            self.urgent_raised()
            self._urgent(note, now)
            return
        if a.fate is Fate.ASSIGNED:  # the 交办函 entered by intake
            intake = self._intake(COUNTY, now)
            due = (now + ASSIGNED_PERIOD).astimezone(self.office.tz).date()
            receipt = await self.app.filing.file_report(a.report(due_on=due), intake.actor)
        elif a.online:
            receipt = await self.app.filing.file_report(a.report())
        else:  # phone, letter, visit: intake types it in
            receipt = await self.app.filing.file_report(a.report(), self._intake(COUNTY, now).actor)
        case = Case(a, receipt.number, receipt.unit_code)
        self.cases[case.number] = case
        if a.chat is not None:
            self.by_chat[a.chat] = case
        self.steps["filed"] += 1
        self._plan(case, "register", self._intake(case.unit, now))

    def _urgent(self, note: int, since: datetime) -> None:
        """The on-duty officer (or, outside working hours, whoever is on call) acts within minutes to hours."""
        local = since.astimezone(self.office.tz)
        working = self.office.calendar.is_workday(local.date()) and 9 <= local.hour < 17
        minutes = self.rng.uniform(3, 40) if working else self.rng.uniform(20, 150)
        who = self._leader(COUNTY, since)

        async def close() -> None:
            await self.app.urgent.close(who.actor, note, "已联系110，民警已到场处置")
            self.steps["urgent closed"] += 1

        self.schedule(since + timedelta(minutes=minutes), close)

    # -- planning --------------------------------------------------------------------------------------------------
    def _plan(self, case: Case, step: str, by: Officer | None, delay: tuple[float, float] | None = None,
              after: datetime | None = None) -> None:  # fmt: skip
        """The case's next step, owed by ``by``, at a moment of their working time; a later plan replaces it."""
        case.token += 1
        case.step, case.by = step, by
        if by is None or by.spec.pace is Pace.NEVER:
            case.at = None  # nobody will: the duty falls due unmet, and the escalation must show it
            return
        low, high = delay or DELAYS[step]
        days = self.rng.uniform(low, high) * PACE[by.spec.pace]
        if self.rng.random() < LATE[by.spec.pace]:
            days += self.rng.uniform(*LATE_BY)
        when = self.office.at_work(by, after or self.app.ctx.now(), days, self.rng)
        self._at(case, when)

    def _at(self, case: Case, when: datetime | None) -> None:
        case.at = when
        if when is None:
            return
        token = case.token

        async def run() -> None:
            if case.token == token and not case.done:
                await self._take(case)

        self.schedule(when, run)

    def _intake(self, unit: str, now: datetime) -> Officer:
        """Whichever intake officer of the unit works soonest (a leader stands in when there is none)."""
        return self._soonest(self.office.of(unit, Role.INTAKE) or self.office.of(unit, Role.SUPERVISOR), now)

    def _leader(self, unit: str, now: datetime) -> Officer:
        return self._soonest(self.office.of(unit, Role.SUPERVISOR), now)

    def _soonest(self, officers: list[Officer], now: datetime) -> Officer:
        day = now.astimezone(self.office.tz).date()
        working = [o for o in officers if o.spec.pace is not Pace.NEVER]
        return min(working, key=lambda o: (self.office.first_day(o, day), self.rng.random()))

    def _handler(self, unit: str, now: datetime, besides: Officer | None = None) -> Officer:
        """Intake's choice of handler: the unit's handlers in turn, skipping those away today (intake knows who
        is on leave; it does not know who will never act)."""
        day = now.astimezone(self.office.tz).date()
        handlers = [o for o in self.office.of(unit, Role.HANDLER) if o is not besides]
        present = [o for o in handlers if not o.away(day)] or handlers
        self._turn[unit] += 1
        return present[self._turn[unit] % len(present)]

    # -- the steps: each returns True when it planned the next one itself; otherwise AFTER says what follows -------
    async def _take(self, case: Case) -> None:
        step, by = case.step, case.by
        assert by is not None
        if step.startswith(APPROVE):
            await self._approve(case, step.removeprefix(APPROVE), by)
            return
        try:
            planned = await STEPS[step](self, case, by)
        except ApprovalRequested as asked:  # put to a leader of the unit (rules.md §10.2)
            self.steps[f"{step} (asked)"] += 1
            case.request = asked.request_id
            leader = self._leader(case.unit, self.app.ctx.now())
            self._plan(case, APPROVE + step, leader, delay=DELAYS["approve"])
            return
        except DomainError as exc:
            self._refused(case, step, exc)
            return
        self.steps[step] += 1
        if not planned and step in AFTER:  # a leader's own step needs no approval: it was taken at once
            await AFTER[step](self, case)

    async def _approve(self, case: Case, step: str, leader: Officer) -> None:
        try:
            await self.app.approvals.approve(case.request, leader.actor)
        except DomainError as exc:
            self._refused(case, APPROVE + step, exc)
            return
        self.steps[APPROVE + step] += 1
        await AFTER[step](self, case)

    def _refused(self, case: Case, step: str, exc: DomainError) -> None:
        self.refused[f"{step}: {exc.key}"] += 1
        log.warning("simulation: %s refused on %s (%s)", step, case.number, exc)
        case.done = True

    async def register(self, case: Case, by: Officer) -> bool:
        await self.app.cases.register(case.number, by.actor)
        self._plan(case, "decide", self._intake(case.unit, self.app.ctx.now()))
        return True

    async def decide(self, case: Case, by: Officer) -> bool:
        """Intake's decision on a registered report: what the arrival's fate says (at the unit that holds it)."""
        a, c = case.arrival, self.app.cases
        fate = a.fate if case.unit == COUNTY or a.fate is Fate.FROM_CITY else Fate.HANDLED
        if case.unit == CITY and a.fate is Fate.FROM_CITY:  # the city sends it down, results asked
            await c.transfer(case.number, by.actor, COUNTY, "交临安区纪委监委办理并报结果")
        elif fate is Fate.REFERRED:
            await c.refer(case.number, by.actor, a.refer_to, "属于其他机关职责范围")
        elif fate is Fate.REPEAT and (original := self._original(case)) is not None:
            await c.mark_duplicate(case.number, by.actor, original, "与此前反映的问题相同")
            self._plan(case, "archive", self._intake(case.unit, self.app.ctx.now()))
            return True
        elif fate is Fate.DOWN:
            await c.transfer(case.number, by.actor, a.township, "交属地纪委办理并报结果")
        elif fate is Fate.UP:
            await c.transfer(case.number, by.actor, CITY, "涉及市管干部线索，按规定报送市纪委监委")
        else:
            await c.accept(case.number, by.actor)
            self._plan(case, "assign", self._intake(case.unit, self.app.ctx.now()))
            return True
        return False

    async def after_decide(self, case: Case) -> None:
        """A transfer or referral approved: the receiver takes the case in; a referral is archived later."""
        now = self.app.ctx.now()
        a = case.arrival
        if a.fate is Fate.REFERRED and case.unit == COUNTY:
            self._plan(case, "archive", self._intake(case.unit, now))
            return
        target = COUNTY if case.unit == CITY else (CITY if a.fate is Fate.UP else a.township)
        case.follower = case.unit if target != CITY else ""
        case.unit = target
        self._plan(case, "receive", self._intake(target, now))

    def _original(self, case: Case) -> str | None:
        """The earlier report this one repeats: the latest accusation handled here."""
        earlier = [c for c in self.cases.values() if c.arrival.fate is Fate.HANDLED and c.unit == case.unit
                   and c.arrival.report_type is ReportType.ACCUSATION and c is not case]  # fmt: skip
        return earlier[-1].number if earlier else None

    async def receive(self, case: Case, by: Officer) -> bool:
        await self.app.cases.receive_transfer(case.number, by.actor)
        await self.app.cases.accept(case.number, by.actor)
        self._plan(case, "assign", self._intake(case.unit, self.app.ctx.now()))
        return True

    async def assign(self, case: Case, by: Officer) -> bool:
        handler = self._handler(case.unit, self.app.ctx.now())
        await self.app.cases.assign(case.number, by.actor, handler.id)
        case.handler = handler
        self._plan(case, self._handling_step(case), handler)
        return True

    def _handling_step(self, case: Case) -> str:
        kind = case.arrival.report_type
        if case.arrival.fate is Fate.ASSIGNED and not case.resumed and self.rng.random() < EXTENDS:
            return "extend"
        return "answer" if kind is not ReportType.ACCUSATION else "dispose"

    async def extend(self, case: Case, by: Officer) -> bool:
        """申请延长 of a 交办 case: a month more, asked of the leader (§10.3)."""
        due = (self.app.ctx.now() + ASSIGNED_PERIOD + timedelta(days=30)).astimezone(self.office.tz).date()
        await self.app.cases.extend(case.number, by.actor, "需调取相关账目，已与交办机关沟通", due)
        return False

    async def after_extend(self, case: Case) -> None:
        case.resumed = True  # asked once
        self._plan(case, "dispose", case.handler)

    async def dispose(self, case: Case, by: Officer) -> bool:
        method = DisposalMethod.TALK_OR_LETTER if case.resumed else case.arrival.method
        await self.app.cases.dispose(case.number, by.actor, method, "经集体研究")
        return False

    async def after_dispose(self, case: Case) -> None:
        method = DisposalMethod.TALK_OR_LETTER if case.resumed else case.arrival.method
        if method is DisposalMethod.PARK:
            self._plan(case, "review", case.handler, after=self._park_review(case))
            return
        step = {DisposalMethod.CLOSE: "conclude_close", DisposalMethod.TALK_OR_LETTER: "conclude_talk",
                DisposalMethod.PRELIMINARY_CHECK: "conclude_check",
                DisposalMethod.INVESTIGATE: "conclude_investigate"}[method]  # fmt: skip
        self._plan(case, step, case.handler)

    def _park_review(self, case: Case) -> datetime:
        """A few working days before the review date the rules set (rules.md §7): the handler looks then."""
        return self.app.ctx.now() + timedelta(days=85)

    async def review(self, case: Case, by: Officer) -> bool:
        """The parked case at its review: resumed (to be handled by letter) or kept parked until the next."""
        if self.rng.random() < RESUMES:
            case.resumed = True
            await self.app.cases.dispose(case.number, by.actor, DisposalMethod.TALK_OR_LETTER, "线索有新进展，恢复办理")
            return False
        await self.app.cases.review_parked(case.number, by.actor, "暂无新线索，继续暂存")
        self._plan(case, "review", case.handler, after=self._park_review(case))
        return True

    async def conclude(self, case: Case, by: Officer) -> bool:
        await self.app.cases.conclude(case.number, by.actor, _closure())
        return False

    async def answer(self, case: Case, by: Officer) -> bool:
        """An appeal decided or a suggestion answered (rules.md §10.1)."""
        if case.arrival.report_type is ReportType.APPEAL:
            await self.app.cases.decide_appeal(case.number, by.actor, AppealOutcome.CHANGED,
                                               "经复查，原处分认定的失职情节不成立，改为批评教育。")  # fmt: skip
        else:
            await self.app.cases.answer_suggestion(case.number, by.actor, Sugg.ADOPTED, "您的建议已采纳，感谢监督。")
        return False

    async def after_conclusion(self, case: Case) -> None:
        """Concluded: a named reporter (its own, or one whose repeat joined it) is owed the result (D4, the case
        card shows it); a case sent down or 交办 reports it back."""
        now = self.app.ctx.now()
        if await self._owes_result(case):
            self._plan(case, "feedback", case.handler)
        elif self._reports_back(case):
            self._plan(case, "report_back", self._reporter_of_result(case, now))
        else:
            self._plan(case, "archive", self._intake(case.unit, now))

    def _reports_back(self, case: Case) -> bool:
        """A 交办 case reports each result (D15 opens again on reopening); a case sent down, its first."""
        return case.arrival.fate is Fate.ASSIGNED or (bool(case.follower) and not case.reported)

    async def _owes_result(self, case: Case) -> bool:
        async with self.app.ctx.uow() as uow:
            q = (select(DeadlineRow.id).join(CaseRow, CaseRow.id == DeadlineRow.case_id)
                 .where(CaseRow.number == case.number, DeadlineRow.kind == DeadlineKind.RESULT_FEEDBACK.value,
                        DeadlineRow.state == DeadlineState.OPEN.value).limit(1))  # fmt: skip
            return (await uow.session.execute(q)).first() is not None

    def _reporter_of_result(self, case: Case, now: datetime) -> Officer:
        """The 报结: a 交办 case's result reported up by its holder; a case sent down, recorded by its sender."""
        if case.arrival.fate is Fate.ASSIGNED:
            return case.handler or self._intake(case.unit, now)
        return self._intake(case.follower or case.unit, now)

    async def feedback(self, case: Case, by: Officer) -> bool:
        text = "经核查，您反映的问题部分属实，已对相关人员谈话提醒并责令整改。"
        await self.app.cases.give_feedback(case.number, by.actor, text)
        now = self.app.ctx.now()
        if self._reports_back(case):
            self._plan(case, "report_back", self._reporter_of_result(case, now))
        else:
            self._plan(case, "archive", self._intake(case.unit, now))
        return True

    async def report_back(self, case: Case, by: Officer) -> bool:
        await self.app.cases.report_result(case.number, by.actor, "已办结：部分属实，谈话提醒")
        if case.follower and by.spec.unit == case.follower:
            await self.app.cases.close_follow_up(case.number, by.actor, "已报结")
            case.reported = True
        self._plan(case, "archive", self._intake(case.unit, self.app.ctx.now()))
        return True

    async def archive(self, case: Case, by: Officer) -> bool:
        await self.app.cases.archive(case.number, by.actor)
        return False

    async def after_archive(self, case: Case) -> None:
        case.done = True

    # -- the reporter, and a leader on a challenge ---------------------------------------------------------------
    def told_result(self, case: Case, at: datetime) -> None:
        """The result reached the reporter's chat: they rate it or object, some days later, if they do."""
        a = case.arrival
        if a.rating is None and not a.objects:
            return

        async def react() -> None:
            if case.done or a.chat is None:
                return
            try:
                if a.objects:
                    await self.app.reporter.object(case.number, a.chat, "问题并未整改，补助款仍在发放。")
                    challenged = True
                else:
                    assert a.rating is not None
                    challenged = await self.app.reporter.rate(case.number, a.chat, a.rating)
            except DomainError as exc:  # archived meanwhile, or already challenged
                self.refused[f"reporter: {exc.key}"] += 1
                return
            self.steps["rated" if not a.objects else "objected"] += 1
            if challenged:
                self._plan(case, "challenge", self._leader(case.unit, self.app.ctx.now()))

        self.schedule(at + timedelta(hours=self.rng.uniform(2, 72)), react)

    async def challenge(self, case: Case, by: Officer) -> bool:
        """A leader decides a reporter's challenge: sent back for further handling, or the result confirmed."""
        if self.rng.random() < SENT_BACK:
            await self.app.cases.send_back(case.number, by.actor, "请核实后重新提出处理意见。")
            case.resumed = True
            self._plan(case, "answer" if case.arrival.report_type is not ReportType.ACCUSATION else "dispose",
                       case.handler or self._handler(case.unit, self.app.ctx.now()))  # fmt: skip
            return True
        await self.app.cases.confirm_result(case.number, by.actor, "经复核，原处理结果事实清楚、处理恰当。")
        self._plan(case, "archive", self._intake(case.unit, self.app.ctx.now()))
        return True

    # -- reminders and escalations, as officers read them ------------------------------------------------------------
    def told(self, officer: Officer, template: str, params: dict[str, object]) -> None:
        """A notice reached an officer. A reminder of a step they owe usually brings it forward; a leader told of a
        missed duty (``escalated``) presses the officer who owes the step, or, when that officer is away or never
        acts, has the case given to another handler or the step taken by someone else."""
        case = self.cases.get(str(params.get("number", "")))
        if case is None or case.done or case.by is None or not template.startswith(REMINDER):
            return
        now, owing = self.app.ctx.now(), case.by
        if template == REMINDER + "escalated" and not self._can_act_soon(owing, now):
            self._stand_in(case, officer, now)
            return
        pressed = owing is officer or template == REMINDER + "escalated"
        if pressed and owing.spec.pace is not Pace.NEVER and self.rng.random() < HEEDS[owing.spec.pace]:
            when = self.office.at_work(owing, now, self.rng.uniform(0.0, 1.0), self.rng)
            if when is not None and (case.at is None or when < case.at):
                self.pulled_forward += 1
                case.token += 1
                self._at(case, when)

    def _can_act_soon(self, o: Officer, now: datetime) -> bool:
        if o.spec.pace is Pace.NEVER:
            return False
        day = now.astimezone(self.office.tz).date()
        return not any(o.away(day + timedelta(days=i)) for i in range(3))

    def _stand_in(self, case: Case, leader: Officer, now: datetime) -> None:
        """The owing officer cannot act: a case still waiting for its handler's first step goes to another
        handler; a later step of the handler's the leader takes himself (a handler sees only their own cases);
        an intake or approval step is taken by another officer of that role."""
        owing = case.by
        assert owing is not None
        if owing is case.handler and case.step in ("dispose", "answer", "extend"):
            self.reassigned += 1
            self._plan(case, "reassign", self._intake(case.unit, now), delay=(0.0, 1.0))
            return
        if owing is case.handler:
            self._plan(case, case.step, leader, delay=(0.0, 1.0))
            return
        others = [o for o in self.office.officers if o.spec.unit == case.unit and o is not owing
                  and any(o.has(r) for r in owing.spec.roles) and self._can_act_soon(o, now)]  # fmt: skip
        self._plan(case, case.step, self.rng.choice(others) if others else leader, delay=(0.0, 1.0))

    async def reassign(self, case: Case, by: Officer) -> bool:
        handler = self._handler(case.unit, self.app.ctx.now(), besides=case.handler)
        await self.app.cases.assign(case.number, by.actor, handler.id, "原承办人无法办理，改派")
        case.handler = handler
        self._plan(case, self._handling_step(case), handler)
        return True


APPROVE = "approve "
REMINDER = "notify.officer.reminder."

STEPS: dict[str, Callable[[Staff, Case, Officer], Awaitable[bool]]] = {
    "register": Staff.register, "decide": Staff.decide, "receive": Staff.receive, "assign": Staff.assign,
    "extend": Staff.extend, "dispose": Staff.dispose, "review": Staff.review, "conclude_close": Staff.conclude,
    "conclude_talk": Staff.conclude, "conclude_check": Staff.conclude, "conclude_investigate": Staff.conclude,
    "answer": Staff.answer, "feedback": Staff.feedback, "report_back": Staff.report_back, "archive": Staff.archive,
    "challenge": Staff.challenge, "reassign": Staff.reassign,
}  # fmt: skip

#: What follows a step a leader approved, or took himself (rules.md §10.2).
AFTER: dict[str, Callable[[Staff, Case], Awaitable[None]]] = {
    "decide": Staff.after_decide, "extend": Staff.after_extend, "dispose": Staff.after_dispose,
    "review": Staff.after_dispose, "conclude_close": Staff.after_conclusion, "conclude_talk": Staff.after_conclusion,
    "conclude_check": Staff.after_conclusion, "conclude_investigate": Staff.after_conclusion,
    "answer": Staff.after_conclusion, "archive": Staff.after_archive,
}  # fmt: skip
