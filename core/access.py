"""Who may see and act on a case, and what of it: the one answer every service asks (SECURITY.md, "curious officer").

The rule, from rules.md §4.1 (R-47: keep the content of a report secret, "no widening of who knows", R-15 ¶2),
§1 (intake 信访室 registers and distributes; the handler receives the case, R-14; leaders approve, R-17):

- An officer sees only cases of their own unit; a case being transferred to their unit is shown to its intake
  and supervisors so that they can receive it (R-16), and they can do nothing else with it until they have.
- **intake** and **supervisor** (分管领导): every case of their unit: the card (facts, persons, notes), actions,
  questions to the reporter, evidence, and the reporter's identity on request.
- **handler**: only the cases assigned to them *now*. A case reassigned to someone else or returned to intake
  is no longer theirs: what they did stays in the history, their access does not (need to know).
- **admin** (staff management) and officers with no case role: no case.
- A case its unit sent down (rules.md §10.3 跟踪督办至结案): the sending unit's intake and supervisors follow it
  after the receiver takes it in — the card without the reporter's identity or the evidence files (nothing they
  did not have; the receiver's notes are not theirs: ``core.services.queries``), and only the follow-up's steps
  (催办, 报结, closing their record: ``core.workflow.FOLLOW_UP_STEPS``); after closing, the card alone.
- An officer named in the report: nothing, whatever their role (回避, ``core.recusal``).
- Deactivated officers: nothing. The services check the officer's row on every call, so an ``Actor`` held
  by a cache or a long-running flow is no pass (:func:`core.services.access.fresh_officer`).

Which roles these are is ``core.permissions``'s. The transition table (``core.workflow``) still decides which
actions a role may take in a state; this decides whether the officer may touch this case at all. Every view of a
card is audited like identity views.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from core.actor import Actor
from core.model import Action, ActorKind, FollowUp
from core.permissions import handles_assigned, sees_whole_unit


class CaseRelation(Protocol):
    """What the rule needs to know about a case (a ``CaseRow`` has it)."""

    @property
    def unit_id(self) -> int: ...
    @property
    def transfer_to_id(self) -> int | None: ...
    @property
    def assignee_id(self) -> int | None: ...
    @property
    def recused_officer_ids(self) -> list[int] | None: ...
    @property
    def followed_by_id(self) -> int | None: ...
    @property
    def follow_up(self) -> str | None: ...


@dataclass(frozen=True)
class CaseAccess:
    view: bool = False  # the card: facts, persons, history with notes (each view audited)
    act: bool = False  # workflow actions (as the transition table allows), notes, questions to the reporter
    receive: bool = False  # receive a transfer into the officer's unit, nothing else
    evidence: bool = False  # open evidence files (each download audited)
    identity: bool = False  # the named reporter's identity, on request (each view audited)
    follow: FollowUp | None = None  # the officer's unit follows the case it sent down, this far (§10.3)

    def may(self, action: Action) -> bool:
        """Whether this access covers ``action`` at all (the transition table still decides the state and role)."""
        if action is Action.RECEIVE_TRANSFER:  # only the unit it was sent to, not its sender
            return self.receive
        if action in FOLLOW_UP_ACTIONS and self.follow is not None:
            return True
        return self.act


#: The steps of the sending unit's follow-up (rules.md §10.3): what following a case allows, and no more.
FOLLOW_UP_ACTIONS = frozenset({Action.CHASE, Action.REPORT_RESULT, Action.CLOSE_FOLLOW_UP})


NO_ACCESS = CaseAccess()


def case_access(officer: Actor, case: CaseRelation) -> CaseAccess:
    """What this (active) officer may do with this case; citizens and the system have their own paths."""
    if officer.kind is not ActorKind.OFFICER or officer.unit_id is None:
        return NO_ACCESS
    if officer.officer_id in (case.recused_officer_ids or ()):  # named in it: steps aside (core.recusal)
        return NO_ACCESS
    unit_wide = sees_whole_unit(officer.roles)
    follows = _follows(officer, case) if unit_wide else None
    if officer.unit_id == case.unit_id:
        if unit_wide:
            return CaseAccess(view=True, act=True, evidence=True, identity=True, follow=follows)
        if handles_assigned(officer.roles) and case.assignee_id == officer.officer_id:
            return CaseAccess(view=True, act=True, evidence=True)
        return NO_ACCESS
    if case.followed_by_id is not None and officer.unit_id == case.followed_by_id and unit_wide:
        return CaseAccess(view=True, follow=follows)  # sent down and taken in there: followed, read-only
    if officer.unit_id == case.transfer_to_id and unit_wide:
        return CaseAccess(view=True, receive=True)
    return NO_ACCESS


def _follows(officer: Actor, case: CaseRelation) -> FollowUp | None:
    """How far the officer's unit follows the case, while it does (closed: no longer)."""
    if case.followed_by_id is None or case.followed_by_id != officer.unit_id or case.follow_up is None:
        return None
    state = FollowUp(case.follow_up)
    return None if state is FollowUp.CLOSED else state
