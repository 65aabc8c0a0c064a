"""Who is who: every question the code asks of an officer's roles, answered here and nowhere else (issue 14).

Read ``core.workflow`` first: its transition table says which roles may take each step of a case, and
:func:`core.workflow.permit` answers the one question services and dialogs ask before a step — "may this actor
do this action to this case now, and does a leader have to approve" — as a :class:`Permit`. This module holds
what that answer and the rest of the code need of roles (rules.md §1: intake = 信访室, handler = 监督检查 or
审查调查部门, supervisor = 分管领导, the leader who approves):

- the grant tokens the table's ``who`` column is written in;
- the typed answer (:class:`Permit`);
- named predicates for everything else: who sees which cases (``core.access``), what an inbox holds, who may be
  given a case, who manages staff, and who is told of what. A service or dialog asks these, never a role.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from core.actor import Actor
from core.model import ActorKind, Role

# -- grant tokens of the transition table: officer roles, or the pseudo-roles "citizen" and "system" -----------
INTAKE = frozenset({Role.INTAKE.value, Role.SUPERVISOR.value})  # 信访室, or a leader acting for it
HANDLING = frozenset({Role.HANDLER.value, Role.SUPERVISOR.value})  # the handling department, or a leader
LEADER = frozenset({Role.SUPERVISOR.value})  # 分管领导 (rules.md §10.2)
OFFICERS = frozenset({Role.INTAKE.value, Role.HANDLER.value, Role.SUPERVISOR.value})
CITIZEN = frozenset({ActorKind.CITIZEN.value})
#: The intake (or a leader) of the unit that sent a case down and follows it to its 报结 (rules.md §10.3): held by
#: relation to the case, not by role — ``core.access`` says who follows, :func:`core.workflow.permit` is told.
FOLLOWER = frozenset({"follower"})
SYSTEM = frozenset({ActorKind.SYSTEM.value})


# -- the answer -------------------------------------------------------------------------------------------------
class Verdict(StrEnum):
    ALLOWED = "allowed"
    REFUSED = "refused"
    NEEDS_LEADER = "needs_leader"  # allowed, with a leader's approval (rules.md §10.2)


class Approval(StrEnum):
    """How a leader's approval is taken (issue 15)."""

    #: the officer's step becomes a request to the unit's leaders (core.services.approvals); it is taken only when
    #: one of them approves, as the requester's step, with the approver and the time in the case history
    REQUESTED = "requested"
    NOT_RECORDED = "not_recorded"  # the seed texts want a leader's decision (§10.2 [seed]); the step goes ahead


@dataclass(frozen=True)
class Permit:
    """The answer of :func:`core.workflow.permit`. ``reason`` is the locale key of a refusal
    (``error.illegal_transition``: not in this state; ``error.not_permitted``: not this actor); ``rule`` is the
    rule id behind the row or the approval."""

    verdict: Verdict
    reason: str = ""
    rule: str = ""
    approval: Approval | None = None

    @property
    def allowed(self) -> bool:
        return self.verdict is not Verdict.REFUSED

    @property
    def waits_for_leader(self) -> bool:
        """The step is not taken now: it becomes a request a leader of the unit approves or declines."""
        return self.verdict is Verdict.NEEDS_LEADER and self.approval is Approval.REQUESTED


# -- predicates: roles are ``Role`` members (an ``Actor``) or their stored values (an officer row) --------------
def is_leader(roles: Iterable[str]) -> bool:
    """A leader's own decision is its approval (rules.md §10.2 [U]); leaders also hear escalations (§2)."""
    return Role.SUPERVISOR in set(roles)


def is_intake(roles: Iterable[str]) -> bool:
    return Role.INTAKE in set(roles)


def sees_whole_unit(roles: Iterable[str]) -> bool:
    """Intake and leaders see every case of their unit and the reporter's identity on request (R-14, R-47)."""
    return bool({Role.INTAKE, Role.SUPERVISOR} & set(roles))


def keeps_ledger(roles: Iterable[str]) -> bool:
    """The per-person ledger of repeat reports (台账, rules.md §10.4; issue 17) is intake's and the leaders'."""
    return sees_whole_unit(roles)


def handles_assigned(roles: Iterable[str]) -> bool:
    """A handler sees the cases assigned to them now, and nothing else (R-47 need to know)."""
    return Role.HANDLER in set(roles)


def takes_cases(roles: Iterable[str]) -> bool:
    """Who may be given a case to handle: a handler, or a leader handling it himself (R-14, R-17)."""
    return bool({Role.HANDLER, Role.SUPERVISOR} & set(roles))


def counts_own_cases(roles: Iterable[str]) -> bool:
    """Whose daily figures are the cases assigned to them, not their unit's: a handler who is not a leader."""
    held = set(roles)
    return Role.HANDLER in held and Role.SUPERVISOR not in held


def manages_staff(actor: Actor) -> bool:
    """Deactivating officers and moving their cases: an admin, or the system (the CLI on the server)."""
    return actor.kind is ActorKind.SYSTEM or Role.ADMIN in actor.roles


def hears_urgent(roles: Iterable[str], on_duty: bool) -> bool:
    """Urgent messages belong to no unit yet: officers on duty, intake and leaders receive and handle them
    (XF-25, rules.md §8)."""
    return on_duty or sees_whole_unit(roles)


class Inbox(StrEnum):
    """The parts of an officer's inbox (core.services.desk)."""

    UNIT = "unit"  # every open case of the unit (leaders)
    ROUTING = "routing"  # the unit's cases waiting for intake, and transfers into the unit
    ASSIGNED = "assigned"  # the cases assigned to the officer


def inbox_parts(roles: Iterable[str]) -> frozenset[Inbox]:
    held = set(roles)
    parts = {Inbox.UNIT} if Role.SUPERVISOR in held else set()
    parts |= {Inbox.ROUTING} if Role.INTAKE in held else set()
    parts |= {Inbox.ASSIGNED} if Role.HANDLER in held else set()
    return frozenset(parts)


# -- who is told: roles to look officers up by (core.persistence.repository.officers_with_role) ----------------
#: New cases, cases returned to intake, reporters' replies nobody else waits for, routing deadlines (R-14, §2).
INTAKE_DESK: tuple[Role, ...] = (Role.INTAKE,)
#: Escalated deadlines and urgent matters (rules.md §2 reminders [U], XF-25).
LEADERS: tuple[Role, ...] = (Role.SUPERVISOR,)


def told_of_new_case(urgent: bool) -> tuple[Role, ...]:
    """Intake hears of every new case; leaders too when it is urgent (XF-25, rules.md §8)."""
    return INTAKE_DESK + LEADERS if urgent else INTAKE_DESK


def sees_statistics(roles: Iterable[str]) -> bool:
    """The office's figures and the monthly report (rules.md §10.5 定期分析): leaders, for their unit and below."""
    return Role.SUPERVISOR in set(roles)
