"""The card's buttons (core.workflow.offered_actions): what the table allows, less the steps this case fails
whatever is typed — no feedback button for an anonymous reporter (D4), no 报结 when none is owed (rules.md §10.3)."""

from __future__ import annotations

from core.actor import Actor
from core.model import Action as A
from core.model import ActorKind, Channel, FollowUp, ReportType, Role
from core.model import CaseState as S
from core.workflow import CaseSnapshot, offered_actions

HANDLER = Actor(ActorKind.OFFICER, officer_id=2, roles=frozenset({Role.HANDLER}), unit_id=1, name="李承办")
INTAKE = Actor(ActorKind.OFFICER, officer_id=1, roles=frozenset({Role.INTAKE}), unit_id=1, name="王信访")
SENDER = Actor(
    ActorKind.OFFICER, officer_id=1, roles=frozenset({Role.INTAKE}), unit_id=1, name="王信访", following=True
)


def test_a_concluded_named_case_offers_feedback_and_no_report_back_unless_one_is_owed() -> None:
    plain = offered_actions(CaseSnapshot(S.CONCLUDED, named=True, report_type=ReportType.ACCUSATION), HANDLER)
    assert A.GIVE_FEEDBACK in plain and A.REPORT_RESULT not in plain
    owed = CaseSnapshot(S.CONCLUDED, True, ReportType.ACCUSATION, Channel.ASSIGNED_BY_HIGHER, report_due=True)
    assert {A.GIVE_FEEDBACK, A.REPORT_RESULT} <= set(offered_actions(owed, HANDLER))


def test_an_anonymous_case_offers_no_feedback_and_archive_stays_to_say_what_is_owed() -> None:
    anonymous = CaseSnapshot(S.CONCLUDED, named=False, report_type=ReportType.APPEAL)
    assert A.GIVE_FEEDBACK not in offered_actions(anonymous, HANDLER)
    # sent down and followed by its sender (§10.3): 催办 and 报结 while the result is owed, then archive only
    sent_down = CaseSnapshot(S.TRANSFERRED_DOWN, True, ReportType.ACCUSATION, follow_up=FollowUp.AWAITING)
    assert {A.CHASE, A.REPORT_RESULT, A.ARCHIVE} <= set(offered_actions(sent_down, SENDER))
    reported = CaseSnapshot(S.TRANSFERRED_DOWN, True, ReportType.ACCUSATION, follow_up=FollowUp.REPORTED)
    assert A.REPORT_RESULT not in offered_actions(reported, SENDER) and A.ARCHIVE in offered_actions(reported, SENDER)
