"""A case card as officers read it, in the bot and on the command line: labels in their language, never enum
values, action ids, officer ids or rule tags (those belong in the code and the README: issue 12, item 13), and
everything the office stored about the case that the viewer is entitled to (item 14). Times are in the office's
zone, which the card names (item 20).
"""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo

from bot.dialogs.engine import Label, Lines
from core.clock import zone_label
from core.model import Action, Clearing, DisposalMethod, ReportAssessment
from core.services.views import ApprovalView, CaseDetail, EventView, FollowUpView, PersonView, RelatedView

HISTORY = 8  # events on the bot's card; the CLI prints them all
_EVIDENCE_NOTE = re.compile(r"evidence (\d+)")  # the fixed note of an evidence download (core.services.desk)


def _person(p: PersonView) -> Label:
    """One reported person; party membership decides 党纪 or 政务 handling, so it is always said."""
    party = Label("officer.card_party", {"party": Label(f"enum.PartyMembership.{p.party or 'unknown'}")})
    not_given = Label("officer.card_name_unknown")
    return Label("officer.card_person", {"name": p.name or not_given, "unit": p.unit, "post": p.post or "-",
                                         "level": Label(f"enum.CadreLevel.{p.level}"), "party": party,
                                         "region": p.region})  # fmt: skip


#: The card's layout per report type (rules.md §10.1): an accusation lists the persons reported and its category;
#: an appeal the decision it contests and the grounds; a suggestion its subject and content.
CARD_KEY = {"accusation": "officer.card", "appeal": "officer.card_appeal", "suggestion": "officer.card_suggestion"}


def card_key(d: CaseDetail) -> str:
    return CARD_KEY.get(d.summary.report_type, "officer.card")


def card_params(d: CaseDetail, tz: ZoneInfo, *, history: int | None = HISTORY) -> dict[str, Any]:
    """The parameters of ``officer.card``; ``history``: how many of the latest events (None: all)."""
    s = d.summary
    persons = tuple(_person(p) for p in d.persons)
    deadlines = tuple(Label("officer.card_deadline", {"kind": Label(f"deadline.{x.kind}"),
                                                      "due": x.due_date.isoformat()})
                      for x in d.deadlines if x.state == "open")  # fmt: skip
    shown = d.events if history is None else d.events[-history:]
    at = "%Y-%m-%d %H:%M" if history is None else "%m-%d %H:%M"  # the whole history may span years
    events = tuple(_event(e, d, tz, at) for e in shown)
    evidence = tuple(f"· {e.original_name} ({e.size // 1024 + 1} KB, sha256 {e.sha256[:12]}…)" for e in d.evidence)
    return {
        "number": s.number, "flag": "⚠️ " if s.urgent else "", "state": Label(f"state.{s.state}"),
        "type": Label(f"enum.ReportType.{s.report_type}"),
        "category": Label(f"enum.Category.{s.category}") if s.category else "-",
        "channel": Label(f"enum.Channel.{s.channel}"), "received": f"{s.received_at.astimezone(tz):%Y-%m-%d %H:%M}",
        "zone": zone_label(tz, s.received_at),
        "assignee": s.assignee or Label("officer.card_unassigned"), "reporter": _reporter(d, tz),
        "persons": Lines(persons), "facts": d.facts, "details": Lines(_details(d, tz)),
        "evidence": Lines(evidence) if evidence else Label("officer.card_none"),
        "deadlines": Lines(deadlines) if deadlines else Label("officer.card_none"),
        "history": Lines(events), "history_zone": zone_label(tz, d.events[-1].at if d.events else None),
    }  # fmt: skip


def _reporter(d: CaseDetail, tz: ZoneInfo) -> Label | Lines:
    s = d.summary
    reporter: Label | Lines = Label("officer.card_anonymous")
    if s.named and d.reporter:  # only on the identity view of an entitled officer (core.access; audited)
        params: dict[str, Any] = {k: d.reporter.get(k, "") for k in ("name", "phone")}
        for k in ("id_number", "address"):  # inline, each with its label, when the reporter gave it
            params[k] = Label(f"officer.card_identity_{k}", {k: d.reporter[k]}) if d.reporter.get(k) else ""
        reporter = Label("officer.card_identity", params)
    elif s.named:
        reporter = Label("officer.card_identity_hidden")
    lines: list[Label] = [reporter] if isinstance(reporter, Label) else []
    if s.satisfaction:
        lines.append(Label("officer.card_satisfaction", {"rating": Label(f"enum.Satisfaction.{s.satisfaction}")}))
    if s.state == "leader_review" and s.challenge:  # a leader's decision is pending (rules.md §10.4)
        lines.append(Label("officer.card_review_pending", {"what": Label(f"review.{s.challenge}")}))
    elif s.confirmed_at:
        lines.append(Label("officer.card_review_confirmed", {"day": f"{s.confirmed_at.astimezone(tz):%Y-%m-%d}"}))
    if d.undelivered:
        lines.append(Label("officer.card_undelivered", {"count": d.undelivered}))
    return lines[0] if len(lines) == 1 else Lines(tuple(lines))


def _details(d: CaseDetail, tz: ZoneInfo) -> tuple[Label, ...]:
    """What the reporter said besides the facts, and what the office decided: one line each."""
    out = [*_particulars(d)]
    if d.other_bodies or d.summary.report_type != "suggestion":  # a suggestion is not asked (rules.md §6, §10.1)
        out.append(Label("officer.card_other_bodies", {"text": d.other_bodies or Label("officer.card_not_given")}))
    if d.scope_refer_to:
        reason = Label(d.scope_reason) if d.scope_reason else "-"
        out.append(Label("officer.card_scope_override",
                         {"body": Label(f"enum.ReferTo.{d.scope_refer_to}"), "reason": reason}))  # fmt: skip
    if d.disposal_method:
        out.append(Label("officer.card_method", {"method": Label(f"enum.DisposalMethod.{d.disposal_method}")}))
    if d.transfer_to and d.follow_up is None:  # sent up: it waits until the receiver takes it in (R-15)
        out.append(Label("officer.card_transfer_to", {"unit": d.transfer_to}))
    if d.follow_up:  # sent down: followed by its sender to the 报结 (§10.3), on both ends' cards
        out.append(_follow_up(d.follow_up))
    if d.summary.state == "not_accepted":
        out.append(Label("officer.card_referred", {"body": Label(f"enum.ReferTo.{d.refer_to or 'none'}")}))
    out.extend(_approval(a, tz) for a in d.approvals)
    if d.duplicate_of:
        out.append(Label("officer.card_duplicate_of", {"number": d.duplicate_of}))
    if d.duplicates:
        out.append(Label("officer.card_duplicates", {"numbers": "、".join(d.duplicates)}))
    out.extend(related_line(r) for r in d.related)
    if d.outcome and d.result:  # an appeal's or a suggestion's answer (rules.md §10.1)
        key = "officer.card_appeal_outcome" if d.summary.report_type == "appeal" else "officer.card_suggestion_outcome"
        out.append(Label(key, {"outcome": Label(d.outcome), "text": d.result.get("feedback_text", ""),
                               "leader": d.result.get("leader_signoff") or "-"}))  # fmt: skip
    elif d.result:
        out.extend(_result(d.result))
    if d.purged_at:  # retention ended (core.services.retention): say so, and how many files went
        out.append(Label("officer.card_purged", {"day": f"{d.purged_at.astimezone(tz):%Y-%m-%d}",
                                                 "files": sum(d.purged_evidence.values())}))  # fmt: skip
    return tuple(out)


def related_line(r: RelatedView) -> Label:
    """A linked case, or a possible repeat (issue 17): its number and why — the same person (by name and unit,
    or name and region), similar facts with the score — never anything of its reporter."""
    why: list[Label] = [Label(f"officer.related_{reason}", {"score": f"{score:.2f}"}) for reason, score in r.reasons]
    if not why:
        return Label("officer.card_linked", {"number": r.number})
    reasons = why[0] if len(why) == 1 else Label("officer.related_both", {"first": why[0], "second": why[1]})
    key = "officer.card_linked_because" if r.linked else "officer.card_related"
    return Label(key, {"number": r.number, "why": reasons})


def _approval(a: ApprovalView, tz: ZoneInfo) -> Label:
    """A step put to a leader: what, who asked and when; who decided and when, and a decline's reason."""
    what: Label = Label(f"action.{a.action}")
    detail: Label | str | None = (Label(f"enum.DisposalMethod.{a.method}") if a.method
                                  else Label(a.outcome) if a.outcome else a.due_on)  # fmt: skip
    if detail:
        what = Label("approval.what_method", {"action": what, "method": detail})
    fmt = "%Y-%m-%d %H:%M"
    params: dict[str, Any] = {"what": what, "requester": a.requested_by, "at": f"{a.requested_at.astimezone(tz):{fmt}}",
                              "leader": a.decided_by or "-", "reason": a.reason or "-",
                              "decided": f"{a.decided_at.astimezone(tz):{fmt}}" if a.decided_at else "-"}  # fmt: skip
    return Label(f"officer.card_approval_{a.state}", params)


def _follow_up(f: FollowUpView) -> Label:
    """From which unit to which, when the receiver's result is due, and whether the sender recorded it."""
    reported = f.state == "reported" and f.reported_on is not None
    status = (Label("officer.card_follow_up_reported", {"day": f.reported_on.isoformat()})
              if reported and f.reported_on else Label(f"enum.FollowUp.{f.state}"))  # fmt: skip
    receiver = f.receiver or Label("officer.card_follow_up_back")
    return Label("officer.card_follow_up", {"sender": f.sender, "receiver": receiver,
                                            "due": f.due.isoformat() if f.due else "-", "status": status})  # fmt: skip


def _particulars(d: CaseDetail) -> list[Label]:
    """An appeal's contested decision, or a suggestion's subject (rules.md §10.1): the type's own fields."""
    p = d.particulars or {}
    if "decision" in p:
        kind = Label(f"enum.AppealedDecision.{p.get('kind', 'other_decision')}")
        return [Label("officer.card_appealed", {"body": p.get("body", ""), "day": p.get("decided_on", ""),
                                                "kind": kind, "decision": p.get("decision", ""),
                                                "doc": p.get("doc_number") or "-"})]  # fmt: skip
    if "subject" in p:
        return [Label("officer.card_subject", {"subject": p["subject"]})]
    return []


def _result(r: dict[str, Any]) -> list[Label]:
    """The closure report (rules.md §7.1): findings with their evidence, characterisation, action, procedure."""
    out = [Label("officer.card_result")]
    for f in r.get("findings", []):
        params = {"allegation": f.get("allegation", ""), "finding": Label(f"enum.Finding.{f.get('finding')}"),
                  "evidence": "；".join(f.get("evidence") or ())}  # fmt: skip
        out.append(Label("officer.card_finding" if params["evidence"] else "officer.card_finding_bare", params))
    out.append(Label("officer.card_violation", {"text": r.get("violation", "")}))
    out.append(Label("officer.card_action_taken", {"text": r.get("action_taken", "")}))
    out.append(Label("officer.card_procedure", {
        "collective": Label("button.yes" if r.get("collective_discussion") else "button.no"),
        "leader": r.get("leader_signoff") or "-"}))  # fmt: skip
    out.extend(_clearing(r.get("clearing"), r.get("assessment"), r.get("referred_to") or ""))
    if r.get("feedback_text"):
        out.append(Label("officer.card_feedback_text", {"text": r["feedback_text"]}))
    return out


def _clearing(clearing: str | None, assessment: str | None, referred_to: str) -> list[Label]:
    """Facts not confirmed (rules.md §10.4): whether the person is cleared, what the report was, and where a
    suspected 诬告 went. The officers' card only: the reporter never sees it."""
    if not assessment:
        return []
    params = {"clearing": Label(f"enum.Clearing.{clearing or 'not_needed'}"),
              "assessment": Label(f"enum.ReportAssessment.{assessment}")}  # fmt: skip
    out = [Label("officer.card_clearing", params)]
    if referred_to:
        out.append(Label("officer.card_referred_for_handling", {"body": referred_to}))
    return out


def _enum_label(enum: type[Clearing] | type[ReportAssessment], value: str) -> Label | str:
    return Label(f"enum.{enum.__name__}.{value}") if value in {m.value for m in enum} else "-"


#: Who acted when no officer did: the filer by the word for their report type (举报人, 申诉人, 建议人; rules.md
#: §10.1), or the system.
_ACTOR = {
    ("citizen", "accusation"): "actor.citizen",
    ("citizen", "appeal"): "actor.citizen_appeal",
    ("citizen", "suggestion"): "actor.citizen_suggestion",
    **{("system", t): "actor.system" for t in ("accusation", "appeal", "suggestion")},
}


def _event(e: EventView, d: CaseDetail, tz: ZoneInfo, at: str) -> Label:
    """One history line: when, who (by name; the reporter and the system by role) and what, in words."""
    who: str | Label = e.officer_name or Label(_ACTOR.get((e.actor, d.summary.report_type), "actor.system"))
    params: dict[str, Any] = {}
    note = e.note
    match e.action:
        case Action.FILE:  # the stored note is "channel=…": the channel is shown as a label instead
            filed = Label(_FILED.get(d.summary.report_type, "event.file"),
                          {"channel": Label(f"enum.Channel.{d.summary.channel}")})  # fmt: skip
            return _event_line(e, tz, at, who, filed, "")
        case Action.RATE:
            params, note = {"rating": Label(f"enum.Satisfaction.{e.note}")}, ""
        case Action.REQUEST_APPROVAL | Action.APPROVE:  # the note is the step asked for (core.services.approvals)
            params, note = {"what": Label(f"action.{e.note}")}, ""
        case Action.DISPOSE if e.note.split(" ", 1)[0] in _METHODS:  # "<method> [note]" (core.services.cases)
            method, note = [*e.note.split(" ", 1), ""][:2]
            action = Label("event.dispose_method", {"method": Label(f"enum.DisposalMethod.{method}")})
            return _event_line(e, tz, at, who, action, note)
        case Action.ASSESS_REPORT:  # "<clearing> <assessment> [referral]" (core.services.cases)
            clearing, assessment, body = [*e.note.split(" ", 2), "", ""][:3]  # a purged note is empty
            params = {"clearing": _enum_label(Clearing, clearing),
                      "assessment": _enum_label(ReportAssessment, assessment)}  # fmt: skip
            note = body
        case Action.VIEW_EVIDENCE:
            m = _EVIDENCE_NOTE.fullmatch(e.note)
            names = {str(x.id): x.original_name for x in d.evidence}
            params, note = {"name": names.get(m.group(1), "-") if m else "-"}, ""
    return _event_line(e, tz, at, who, Label(f"event.{e.action}", params), note)


_METHODS = frozenset(m.value for m in DisposalMethod)
#: What filing is called per report type (rules.md §10.1): an appeal is lodged, a suggestion made.
_FILED = {"appeal": "event.file_appeal", "suggestion": "event.file_suggestion"}


def _event_line(e: EventView, tz: ZoneInfo, at: str, who: str | Label, action: Label, note: str) -> Label:
    key = "officer.card_event_note" if note else "officer.card_event"
    return Label(key, {"at": e.at.astimezone(tz).strftime(at), "actor": who, "action": action, "note": note})
