"""Effects of each transition: deadlines opened, met, cancelled (rules.md §2), reporter and officer notices (§4)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.calendar.deadlines import DEADLINES
from core.calendar.deadlines import DeadlineKind as D
from core.model import Action, AppealedDecision, CaseState, Channel, DisposalMethod, FollowUp, ReportType
from core.workflow import (
    FEEDBACK_NOTICE,
    PUBLIC_STATUS,
    TRANSITIONS,
    ActionInput,
    Decision,
    OfficerTarget,
    PublicStatus,
    decide,
    filing_deadlines,
)
from tests.unit.helpers import (
    BY_TOKEN,
    HANDLER,
    INTAKE,
    SUPERVISOR,
    SYSTEM,
    passing_context,
    snapshot,
    type_of,
    valid_input,
)

S, A = CaseState, Action
ROUTING = {D.REGISTER_AND_ROUTE, D.TRANSFER_RECEIVED, D.TRANSFER_UP}  # D7, D2, D1: whichever is open
STATUS = "notify.reporter.status"


def run(state: CaseState, action: Action, *, named: bool, inp: ActionInput | None = None) -> Decision:
    row = next(t for t in TRANSITIONS if state in t.sources and t.action is action)
    actor = BY_TOKEN[sorted(row.who)[0]]
    snap = snapshot(state, named=named, report_type=type_of(action), **passing_context(action))
    return decide(snap, action, actor, inp or valid_input(action))


def legal_decisions() -> list[tuple[str, Decision, bool]]:
    """Every legal (state, action) for named and anonymous cases, skipping the combinations a guard refuses."""
    out = []
    for t in TRANSITIONS:
        for s in t.sources:
            for named in (True, False):
                if (t.action is A.GIVE_FEEDBACK and not named) or (
                    t.action is A.ARCHIVE and s is S.CONCLUDED and named
                ):
                    continue
                label = f"{s.value}-{t.action.value}-{'named' if named else 'anonymous'}"
                out.append((label, run(s, t.action, named=named), named))
    return out


LEGAL = legal_decisions()


# --- filing -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "named", "expected"),
    [
        (Channel.TELEGRAM, True, (D.REGISTER_AND_ROUTE, D.ACCEPTANCE_NOTICE)),  # D7 + D3 (from receipt)
        (Channel.TELEGRAM, False, (D.REGISTER_AND_ROUTE,)),  # no D3 duty to anonymous reporters
        (Channel.LETTER, True, (D.REGISTER_AND_ROUTE, D.ACCEPTANCE_NOTICE)),
        (Channel.VISIT, False, (D.REGISTER_AND_ROUTE,)),
        (Channel.TRANSFER, True, (D.TRANSFER_RECEIVED, D.ACCEPTANCE_NOTICE)),  # D2 instead of D7
        (Channel.TRANSFER, False, (D.TRANSFER_RECEIVED,)),
        (Channel.ASSIGNED_BY_HIGHER, True, (D.REGISTER_AND_ROUTE, D.ACCEPTANCE_NOTICE, D.ASSIGNED_BY_HIGHER)),
        (Channel.ASSIGNED_BY_HIGHER, False, (D.REGISTER_AND_ROUTE, D.ASSIGNED_BY_HIGHER)),  # + D15
    ],
    ids=lambda v: v.value if isinstance(v, Channel) else ("named" if v is True else "anon" if v is False else None),
)
def test_filing_deadlines(channel: Channel, named: bool, expected: tuple[D, ...]) -> None:
    assert filing_deadlines(snapshot(S.RECEIVED, named=named, channel=channel)) == expected


def test_every_deadline_the_workflow_uses_is_specified() -> None:
    used = {k for _l, d, _n in LEGAL for k in (*d.open_deadlines, *d.meet_deadlines, *d.cancel_deadlines)}
    used |= {
        k
        for c in Channel
        for named in (True, False)
        for k in filing_deadlines(snapshot(S.RECEIVED, named=named, channel=c))
    }
    assert used <= set(DEADLINES)
    assert {D.ACCEPTANCE_NOTICE, D.RESULT_FEEDBACK, D.LETTER_REPLY, D.ASSIGNED_BY_HIGHER} <= used


# --- intake decisions --------------------------------------------------------------------------------------


def test_register_changes_nothing_the_reporter_sees() -> None:
    for named in (True, False):
        d = run(S.RECEIVED, A.REGISTER, named=named)
        assert PUBLIC_STATUS[d.source] is PUBLIC_STATUS[d.target] is PublicStatus.RECEIVED
        assert not d.public_status_changed
        assert d.reporter_notice is None
        assert (d.open_deadlines, d.meet_deadlines, d.cancel_deadlines, d.officer_notices) == ((), (), (), ())


def test_accept_meets_the_acceptance_notice_and_tells_a_named_reporter() -> None:
    d = run(S.REGISTERED, A.ACCEPT, named=True)
    assert D.ACCEPTANCE_NOTICE in d.meet_deadlines
    assert set(d.meet_deadlines) == ROUTING | {D.ACCEPTANCE_NOTICE}
    assert d.reporter_notice == "notify.reporter.accepted"
    # accepted, it must be handled: its disposal proposed within the office's period (issue 20)
    assert (d.open_deadlines, d.cancel_deadlines) == ((D.DISPOSAL_PROPOSAL,), ())


def test_anonymous_accept_gets_only_a_status_notice() -> None:
    d = run(S.REGISTERED, A.ACCEPT, named=False)
    assert d.reporter_notice == STATUS  # the service turns it into a contentless update
    assert set(d.meet_deadlines) == ROUTING | {D.ACCEPTANCE_NOTICE}


def test_not_accept_tells_a_named_reporter_where_to_go() -> None:
    named, anon = run(S.REGISTERED, A.NOT_ACCEPT, named=True), run(S.REGISTERED, A.NOT_ACCEPT, named=False)
    assert named.reporter_notice == "notify.reporter.not_accepted"
    assert anon.reporter_notice == STATUS
    assert set(named.meet_deadlines) == set(anon.meet_deadlines) == ROUTING | {D.ACCEPTANCE_NOTICE}


@pytest.mark.parametrize("named", [True, False], ids=["named", "anonymous"])
def test_duplicate_cancels_the_acceptance_notice(named: bool) -> None:
    d = run(S.REGISTERED, A.MARK_DUPLICATE, named=named)
    assert d.cancel_deadlines[0] == D.ACCEPTANCE_NOTICE  # R-26?: no acceptance notice for repeats
    assert D.ACCEPTANCE_NOTICE not in d.meet_deadlines
    assert set(d.meet_deadlines) == ROUTING
    assert d.reporter_notice != "notify.reporter.accepted"
    assert d.open_deadlines == ()
    # issue 15 item 8: the named reporter learns which case theirs joined; the anonymous one the status change
    assert d.reporter_notice == ("notify.reporter.duplicate" if named else STATUS)


@pytest.mark.parametrize("action", [A.TRANSFER_UP, A.TRANSFER_DOWN], ids=str)
def test_transfer_hands_the_acceptance_notice_to_the_receiver(action: Action) -> None:
    """Issue 15 point 1: D3 is neither met nor cancelled by a transfer: it moves with the case (R-16)."""
    d = run(S.REGISTERED, action, named=True)
    assert D.ACCEPTANCE_NOTICE not in d.cancel_deadlines
    assert D.ACCEPTANCE_NOTICE not in d.meet_deadlines
    assert set(d.meet_deadlines) == ROUTING
    # a case sent down or out is followed to its result (rules.md §10.3); one sent up belongs to the higher level
    assert d.open_deadlines == ((D.TRANSFER_RESULT,) if action is A.TRANSFER_DOWN else ())
    assert d.officer_notices == ((OfficerTarget.TARGET_UNIT_INTAKE, "notify.officer.transferred_in"),)
    assert PUBLIC_STATUS[d.target] is PublicStatus.TRANSFERRED
    assert d.reporter_notice == STATUS


@pytest.mark.parametrize("source", [S.TRANSFERRED_UP, S.TRANSFERRED_DOWN], ids=str)
def test_receiving_a_transfer_starts_d2_and_for_named_reports_d3(source: CaseState) -> None:
    assert run(source, A.RECEIVE_TRANSFER, named=True).open_deadlines == (D.TRANSFER_RECEIVED, D.ACCEPTANCE_NOTICE)
    assert run(source, A.RECEIVE_TRANSFER, named=False).open_deadlines == (D.TRANSFER_RECEIVED,)


# --- handling ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [S.ACCEPTED, S.ASSIGNED], ids=str)
def test_assign_notifies_the_assignee_only(source: CaseState) -> None:
    d = run(source, A.ASSIGN, named=True)
    assert d.officer_notices == ((OfficerTarget.ASSIGNEE, "notify.officer.assigned"),)
    assert d.reporter_notice is None  # accepted and assigned are both "in progress"


def test_return_to_intake_notifies_intake() -> None:
    d = run(S.ASSIGNED, A.RETURN_TO_INTAKE, named=True)
    assert d.officer_notices == ((OfficerTarget.UNIT_INTAKE, "notify.officer.returned"),)
    assert d.target is S.REGISTERED


@pytest.mark.parametrize("source", [S.ASSIGNED, S.PARKED, S.REOPENED], ids=str)
def test_dispose_by_talk_or_letter_opens_the_letter_reply(source: CaseState) -> None:
    d = run(source, A.DISPOSE, named=True, inp=ActionInput(method=DisposalMethod.TALK_OR_LETTER))
    assert d.open_deadlines == (D.LETTER_REPLY,)  # D6
    for method in (DisposalMethod.PRELIMINARY_CHECK, DisposalMethod.CLOSE):
        assert run(source, A.DISPOSE, named=True, inp=ActionInput(method=method)).open_deadlines == ()


@pytest.mark.parametrize("named", [True, False], ids=["named", "anonymous"])
def test_parking_opens_a_review_and_tells_only_a_named_reporter(named: bool) -> None:
    """Issue 15 item 9: a parked case comes back at its review date (§7 [U]); a named reporter, who gets no result
    for now, is told it is kept pending; the anonymous one sees "in progress" as before."""
    for source in (S.ASSIGNED, S.DISPOSAL, S.REOPENED):
        d = run(source, A.PARK, named=named)
        assert d.open_deadlines == (D.PARK_REVIEW,) and PUBLIC_STATUS[d.target] is PublicStatus.IN_PROGRESS
        assert d.reporter_notice == ("notify.reporter.parked" if named else None)
    review = run(S.PARKED, A.REVIEW_PARKED, named=named)
    assert review.target is S.PARKED and review.open_deadlines == (D.PARK_REVIEW,)
    assert review.meet_deadlines == (D.PARK_REVIEW, D.DISPOSAL_PROPOSAL)  # parking was the disposal proposed
    resumed = run(S.PARKED, A.DISPOSE, named=named)
    assert D.PARK_REVIEW in resumed.meet_deadlines and D.PARK_REVIEW not in resumed.open_deadlines


def test_an_accepted_reports_handling_is_owed_until_its_disposal_or_answer_is_decided() -> None:
    """Issue 20: an accepted report assigned to a handler who never acted fell due nowhere. Accepting opens the
    disposal proposal; each first handling step meets it, whatever the report's type."""
    assert D.DISPOSAL_PROPOSAL in run(S.REGISTERED, A.ACCEPT, named=False).open_deadlines
    for action in (A.DISPOSE, A.PARK, A.SEND_TO_INVESTIGATION, A.DECIDE_APPEAL, A.ANSWER_SUGGESTION):
        assert D.DISPOSAL_PROPOSAL in run(S.ASSIGNED, action, named=False).meet_deadlines, action
    assert D.DISPOSAL_PROPOSAL not in run(S.ASSIGNED, A.RETURN_TO_INTAKE, named=True).meet_deadlines
    # returned to intake and then not handled here: nobody here owes it any more
    for action in (A.NOT_ACCEPT, A.MARK_DUPLICATE, A.TRANSFER_UP, A.TRANSFER_DOWN):
        assert D.DISPOSAL_PROPOSAL in run(S.REGISTERED, action, named=True).cancel_deadlines, action


@pytest.mark.parametrize("action", [A.SEND_TO_INVESTIGATION, A.DISPOSE], ids=str)
def test_handling_steps_are_invisible_to_the_reporter(action: Action) -> None:
    for t in TRANSITIONS:
        if t.action is action:
            for s in t.sources:
                for named in (True, False):
                    d = run(s, action, named=named)
                    assert PUBLIC_STATUS[d.target] is PublicStatus.IN_PROGRESS
                    assert d.reporter_notice is None


@pytest.mark.parametrize("source", [S.DISPOSAL, S.INVESTIGATION], ids=str)
def test_conclude_opens_result_feedback_only_for_named_reports(source: CaseState) -> None:
    named, anon = run(source, A.CONCLUDE, named=True), run(source, A.CONCLUDE, named=False)
    assert named.open_deadlines == (D.RESULT_FEEDBACK,)  # D4
    assert anon.open_deadlines == ()
    for d in (named, anon):
        assert set(d.meet_deadlines) == {D.LETTER_REPLY}  # D6; D15 ends with the 报结 (§10.3)
        assert d.reporter_notice == STATUS


def test_give_feedback_meets_d4_and_carries_the_result() -> None:
    d = run(S.CONCLUDED, A.GIVE_FEEDBACK, named=True)
    assert d.meet_deadlines == (D.RESULT_FEEDBACK,)
    assert d.reporter_notice == "notify.reporter.feedback"


@pytest.mark.parametrize(("source", "action", "push"), [
    (S.FEEDBACK_GIVEN, A.OBJECT, "notify.officer.review_objection"),
    (S.LEADER_REVIEW, A.OBJECT, "notify.officer.review_objection"),
    (S.FEEDBACK_GIVEN, A.RATE_DISSATISFIED, "notify.officer.review_dissatisfied"),
], ids=str)  # fmt: skip
def test_a_challenge_goes_to_the_unit_leaders_and_opens_d4_for_the_answer(
    source: CaseState, action: Action, push: str
) -> None:
    """§10.4: a 不满意 or an objection no longer reopens the case: the unit's leaders are pushed and decide. The
    reporter is answered under D4 (rules.md §4 table, R-28? [S]: "recorded and explained"), 15 working days."""
    d = run(source, action, named=True)
    assert d.target is S.LEADER_REVIEW
    assert d.officer_notices == ((OfficerTarget.UNIT_LEADERS, push),)
    assert d.open_deadlines == (D.RESULT_FEEDBACK,)
    assert DEADLINES[D.RESULT_FEEDBACK].rule == "R-28? [S]"
    assert run(source, action, named=False).open_deadlines == ()  # no feedback duty to an anonymous reporter
    assert PUBLIC_STATUS[S.LEADER_REVIEW] is PublicStatus.UNDER_REVIEW


@pytest.mark.parametrize("report_type", list(ReportType), ids=str)
@pytest.mark.parametrize("channel", [Channel.TELEGRAM, Channel.ASSIGNED_BY_HIGHER], ids=str)
def test_sent_back_the_case_is_reopened_with_its_deadlines_again(report_type: ReportType, channel: Channel) -> None:
    """The leader's decision answers the challenge (its D4 met); the reopened case owes again: D4 from the
    reopening (named), an appeal its answer deadline (D12, D14 against a 监察 measure), a 交办 case its D15."""
    snap = snapshot(S.LEADER_REVIEW, named=True, report_type=report_type, channel=channel,
                    appealed=AppealedDecision.SUPERVISION_MEASURE, challenge=A.OBJECT)  # fmt: skip
    d = decide(snap, A.SEND_BACK, SUPERVISOR, valid_input(A.SEND_BACK))
    assert d.target is S.REOPENED and d.meet_deadlines == (D.RESULT_FEEDBACK,)
    expected = [D.RESULT_FEEDBACK]
    expected += [D.SUPERVISION_APPEAL] if report_type is ReportType.APPEAL else []
    expected += [D.ASSIGNED_BY_HIGHER] if channel is Channel.ASSIGNED_BY_HIGHER else []
    assert d.open_deadlines == tuple(expected)
    assert d.reporter_notice == "notify.reporter.sent_back"
    assert d.officer_notices == ((OfficerTarget.HANDLER_OR_INTAKE, "notify.officer.sent_back"),)
    anonymous = decide(replace(snap, named=False, appealed=None), A.SEND_BACK, SUPERVISOR, valid_input(A.SEND_BACK))
    assert D.RESULT_FEEDBACK not in anonymous.open_deadlines
    assert anonymous.reporter_notice == STATUS  # the coarse status change only (core.services.cases)


@pytest.mark.parametrize(("challenge", "notice"), [
    (A.RATE_DISSATISFIED, "notify.reporter.review_confirmed"), (A.OBJECT, "notify.reporter.objection_refused"),
], ids=str)  # fmt: skip
def test_confirmed_the_reply_meets_d4_and_tells_the_reporter(challenge: Action, notice: str) -> None:
    snap = snapshot(S.LEADER_REVIEW, named=True, challenge=challenge)
    d = decide(snap, A.CONFIRM_RESULT, SUPERVISOR, valid_input(A.CONFIRM_RESULT))
    assert (d.target, d.meet_deadlines, d.open_deadlines) == (S.FEEDBACK_GIVEN, (D.RESULT_FEEDBACK,), ())
    assert d.reporter_notice == notice and d.officer_notices == ()


@pytest.mark.parametrize(
    "source",
    [S.CONCLUDED, S.FEEDBACK_GIVEN, S.NOT_ACCEPTED, S.DUPLICATE, S.TRANSFERRED_DOWN],
    ids=str,
)
def test_archive_cancels_all_deadlines(source: CaseState) -> None:
    d = run(source, A.ARCHIVE, named=source is not S.CONCLUDED)
    assert d.cancel_all_deadlines is True
    assert d.open_deadlines == ()


@pytest.mark.parametrize("action", [A.ADD_NOTE, A.FLAG_URGENT], ids=str)
def test_notes_and_urgent_flags_have_no_effects(action: Action) -> None:
    for state in S:
        if state is S.ARCHIVED:
            continue
        d = decide(snapshot(state), action, SUPERVISOR if action is A.ADD_NOTE else SYSTEM, valid_input(action))
        assert d.target is state
        assert d == Decision(action=action, source=state, target=state, rule=d.rule)


# --- transfers followed and 交办 reported back (rules.md §10.3) ----------------------------------------------


def test_chase_tells_the_receiving_units_intake_and_its_handler_and_changes_nothing_else() -> None:
    d = run(S.TRANSFERRED_DOWN, A.CHASE, named=True)
    assert d.target is S.TRANSFERRED_DOWN and d.rule == "§10.3 督促催办"
    assert d.officer_notices == ((OfficerTarget.TARGET_UNIT_INTAKE, "notify.officer.chased"),
                                 (OfficerTarget.RECEIVER_HANDLER, "notify.officer.chased"))  # fmt: skip
    assert (d.open_deadlines, d.meet_deadlines, d.reporter_notice) == ((), (), None)


@pytest.mark.parametrize("source", [S.TRANSFERRED_DOWN, S.CONCLUDED, S.FEEDBACK_GIVEN], ids=str)
def test_report_result_meets_the_report_back_duties(source: CaseState) -> None:
    d = run(source, A.REPORT_RESULT, named=True)
    assert d.target is source
    assert set(d.meet_deadlines) == {D.TRANSFER_RESULT, D.ASSIGNED_BY_HIGHER}


def test_extension_moves_the_d15_deadline() -> None:
    d = run(S.ASSIGNED, A.EXTEND, named=False)
    assert d.move_deadlines == (D.ASSIGNED_BY_HIGHER,) and d.target is S.ASSIGNED
    assert DEADLINES[D.TRANSFER_RESULT].ref == "§10.3"


# --- invariants over every legal transition ----------------------------------------------------------------


@pytest.mark.parametrize(("decision", "named"), [x[1:] for x in LEGAL], ids=[x[0] for x in LEGAL])
def test_reporter_is_told_exactly_when_the_public_status_changes(decision: Decision, named: bool) -> None:
    parked_told = named and decision.action in (A.PARK, A.REVIEW_PARKED)  # issue 15 item 9: kept pending
    assert (decision.reporter_notice is not None) == (decision.public_status_changed or parked_told)
    if not named:  # anonymous reporters never get content, only the generic status nudge
        assert decision.reporter_notice in (None, STATUS)
    assert decision.cancel_all_deadlines == (decision.action is A.ARCHIVE)
    assert not set(decision.open_deadlines) & set(decision.cancel_deadlines)


def concluded_while_followed(action: Action) -> Decision:
    """The receiver concludes a case its sender follows (§10.3)."""
    row = next(t for t in TRANSITIONS if t.action is action)
    snap = snapshot(row.sources[0], named=True, report_type=type_of(action), follow_up=FollowUp.AWAITING)
    return decide(snap, action, BY_TOKEN[sorted(row.who)[0]], valid_input(action))


@pytest.mark.parametrize("action", [A.CONCLUDE, A.DECIDE_APPEAL, A.ANSWER_SUGGESTION], ids=str)
def test_a_result_at_the_receiver_is_told_to_the_following_sender(action: Action) -> None:
    d = concluded_while_followed(action)
    assert (OfficerTarget.FOLLOWER_INTAKE, "notify.officer.transfer_concluded") in d.officer_notices
    assert d.follow_up is None  # the sender's record changes only by its own steps
    assert not run(S.DISPOSAL, A.CONCLUDE, named=True).officer_notices  # nobody follows: nobody told


def test_the_follow_up_moves_by_the_senders_steps_only() -> None:
    assert run(S.REGISTERED, A.TRANSFER_DOWN, named=True).follow_up is FollowUp.AWAITING
    assert run(S.REGISTERED, A.TRANSFER_UP, named=True).follow_up is None  # the higher body is not followed
    assert run(S.ASSIGNED, A.REPORT_RESULT, named=True).follow_up is FollowUp.REPORTED
    assert run(S.ARCHIVED, A.CLOSE_FOLLOW_UP, named=True).follow_up is FollowUp.CLOSED
    assert run(S.CONCLUDED, A.CHASE, named=True).follow_up is None


def test_officer_notices_use_each_target_and_officer_templates() -> None:
    followed = [concluded_while_followed(A.CONCLUDE)]
    targets = {t for _l, d, _n in LEGAL for t, _key in d.officer_notices} | {
        t for d in followed for t, _k in d.officer_notices
    }
    assert targets == set(OfficerTarget)
    assert all(key.startswith("notify.officer.") for _l, d, _n in LEGAL for _t, key in d.officer_notices)


# --- public status -----------------------------------------------------------------------------------------


def test_every_state_has_a_public_status() -> None:
    assert set(PUBLIC_STATUS) == set(CaseState)


def test_public_status_never_reveals_investigation_or_parking() -> None:
    assert PUBLIC_STATUS[S.INVESTIGATION] is PublicStatus.IN_PROGRESS
    assert PUBLIC_STATUS[S.PARKED] is PublicStatus.IN_PROGRESS
    values = {p.value for p in PublicStatus}
    assert not values & {"investigation", "parked", "disposal", "assigned", "reopened"}
    internal = {S.ACCEPTED, S.ASSIGNED, S.DISPOSAL, S.PARKED, S.INVESTIGATION, S.REOPENED}
    assert {s for s, p in PUBLIC_STATUS.items() if p is PublicStatus.IN_PROGRESS} == internal


def test_public_status_changed_compares_public_not_internal_states() -> None:
    same = Decision(action=A.PARK, source=S.DISPOSAL, target=S.PARKED, rule="r")
    moved = Decision(action=A.ACCEPT, source=S.REGISTERED, target=S.ACCEPTED, rule="r")
    assert not same.public_status_changed
    assert moved.public_status_changed


def test_a_handler_and_intake_may_both_give_feedback_with_the_same_effect() -> None:
    inp = valid_input(A.GIVE_FEEDBACK)
    by_handler = decide(snapshot(S.CONCLUDED), A.GIVE_FEEDBACK, HANDLER, inp)
    by_intake = decide(snapshot(S.CONCLUDED), A.GIVE_FEEDBACK, INTAKE, inp)
    assert by_handler == by_intake


# --- appeals and suggestions (rules.md §10.1) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("appealed", "answer"),
    [
        (AppealedDecision.SUPERVISION_MEASURE, D.SUPERVISION_APPEAL),  # D14: JC-69, one month
        (AppealedDecision.PARTY_SANCTION, D.REVIEW_ANSWER),  # D12: XF-35, 30 days (the office's reading)
        (AppealedDecision.OTHER_DECISION, D.REVIEW_ANSWER),
    ],
)
def test_an_appeal_has_its_own_answer_deadline_from_receipt(appealed: AppealedDecision, answer: D) -> None:
    named = snapshot(S.RECEIVED, report_type=ReportType.APPEAL, appealed=appealed)
    assert filing_deadlines(named) == (D.REGISTER_AND_ROUTE, D.ACCEPTANCE_NOTICE, answer)
    suggestion = snapshot(S.RECEIVED, named=False, report_type=ReportType.SUGGESTION)
    assert filing_deadlines(suggestion) == (D.REGISTER_AND_ROUTE,)


@pytest.mark.parametrize("action", [A.DECIDE_APPEAL, A.ANSWER_SUGGESTION], ids=str)
@pytest.mark.parametrize("named", [True, False], ids=["named", "anonymous"])
def test_an_answer_meets_the_answer_deadline_and_owes_a_named_reporter_the_outcome(action: Action, named: bool) -> None:
    d = run(S.ASSIGNED, action, named=named)
    assert d.target is S.CONCLUDED and {D.REVIEW_ANSWER, D.SUPERVISION_APPEAL} <= set(d.meet_deadlines)
    assert d.open_deadlines == ((D.RESULT_FEEDBACK,) if named else ())
    feedback = decide(snapshot(S.CONCLUDED, report_type=type_of(action)), A.GIVE_FEEDBACK, HANDLER,
                      valid_input(A.GIVE_FEEDBACK))  # fmt: skip
    assert feedback.reporter_notice == FEEDBACK_NOTICE[type_of(action)]
    assert FEEDBACK_NOTICE[ReportType.ACCUSATION] == "notify.reporter.feedback"
