"""A reporter's challenge to the result, and a leader's decision on it (rules.md §10.4), beside the table.

A 不满意 rating ("群众对处理不满意的，退回有关室进一步查处", 003 篇五) and an objection (异议, R-28?) do not act by
themselves: the case waits in ``leader_review`` for a leader of its unit, who either sends it back to its handler
(``send_back``: ``reopened``, with its deadlines again) or confirms the result with a reply the reporter is told
(``confirm_result``). A result so confirmed is not reopened by the same challenge: "对已审核认定办结的信访事项不再受理"
(004 (十一)), so a second 不满意 is refused, politely (a rating is still recorded and counted); after a confirmed
不满意 the reporter may still object once (异议, with new facts or evidence), and after a confirmed objection nothing
reopens the matter. The rows are in
core.workflow's table; here are what they need besides: the notices and the guards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.model import Action as A

if TYPE_CHECKING:  # the table's types; core.workflow imports this module
    from core.actor import Actor
    from core.workflow_guards import ActionInput, CaseSnapshot

#: The reporter's steps that ask a leader to review the result, and the push each sends the unit's leaders.
CHALLENGES: dict[A, str] = {
    A.RATE_DISSATISFIED: "notify.officer.review_dissatisfied",
    A.OBJECT: "notify.officer.review_objection",
}
#: What a named reporter is told when the leader confirms the result, per challenge: the leader's reply, and for
#: an objection that the matter is not reopened by it again (004 (十一)).
CONFIRMED_NOTICE: dict[A, str] = {
    A.RATE_DISSATISFIED: "notify.reporter.review_confirmed",
    A.OBJECT: "notify.reporter.objection_refused",
}
SENT_BACK_NOTICE = "notify.reporter.sent_back"  # the case is handled again; the new result will follow
HANDLER_NOTICE = "notify.officer.sent_back"  # to the handler, with the leader's instructions
#: The refusal of a challenge to a confirmed result (shown to the reporter as ``objection.final``).
CONFIRMED = "guard.result_confirmed"


def objection_open(confirmed: bool, challenge: A | None) -> bool:
    """May the reporter still object? Until a leader confirmed the result; and once after a confirmed 不满意, since
    004 (十一) only keeps the same challenge from reopening a confirmed matter: an objection (异议, with new facts or
    evidence) is another. After a confirmed objection, nothing reopens it."""
    return not confirmed or challenge is A.RATE_DISSATISFIED


def challenge_guard(c: CaseSnapshot, i: ActionInput, a: Actor) -> list[str]:
    """A rating of 不满意 asks for a review only while the result is not leader-confirmed."""
    return [CONFIRMED] if c.confirmed else []


def objection_guard(c: CaseSnapshot, i: ActionInput, a: Actor) -> list[str]:
    """An objection says what is wrong (R-28? "recorded and explained"); refused once final (``objection_open``)."""
    final = [] if objection_open(c.confirmed, c.challenge) else [CONFIRMED]
    return final + ([] if i.note.strip() else ["guard.text_required"])


def send_back_guard(c: CaseSnapshot, i: ActionInput, a: Actor) -> list[str]:
    """The leader says what is to be handled further: the handler reads it in the case history."""
    return [] if i.note.strip() else ["guard.reason_required"]


def confirm_guard(c: CaseSnapshot, i: ActionInput, a: Actor) -> list[str]:
    """The reply (the reasons the result stands) is what the reporter is told."""
    return [] if i.note.strip() else ["guard.reply_required"]
