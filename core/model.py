"""The domain vocabulary: states, actions, roles and form values, each tied to its rule in rules.md.

Enum values are stable identifiers stored in the database; user-facing labels live in ``locales/`` under
the keys returned by :func:`label_key`.
"""

from __future__ import annotations

from enum import StrEnum


class CaseState(StrEnum):
    """Lifecycle states of a filed case (rules.md §1).

    ``draft`` and ``referred_out`` exist only inside the filing dialog: nothing is filed for them, so they
    never appear in the cases table.
    """

    RECEIVED = "received"  # 接收: submitted, R clocks start
    REGISTERED = "registered"  # 登记: "一信一码", facts recorded
    NOT_ACCEPTED = "not_accepted"  # 不予受理 (R ch. 2 "三个不受理")
    DUPLICATE = "duplicate"  # 重复检举控告
    TRANSFERRED_UP = "transferred_up"  # sent to a higher commission
    TRANSFERRED_DOWN = "transferred_down"  # sent to a lower commission
    ACCEPTED = "accepted"  # 受理
    ASSIGNED = "assigned"  # handler screens it (R-17 ¶1)
    DISPOSAL = "disposal"  # 处置 by one of the methods of §7 (R-17 ¶2)
    PARKED = "parked"  # 暂存待查
    INVESTIGATION = "investigation"  # 移送审查调查 (JC-41/42)
    CONCLUDED = "concluded"  # 办结 / 了结
    FEEDBACK_GIVEN = "feedback_given"  # 反馈 to a named reporter (R-28?)
    REOPENED = "reopened"  # reporter's 异议 with new evidence (R-28?)
    LEADER_REVIEW = "leader_review"  # a reporter's 不满意 or 异议 waits for a leader's decision (rules.md §10.4)
    ARCHIVED = "archived"  # 归档, read-only


#: States after which nothing changes any more.
FINAL_STATES = frozenset({CaseState.ARCHIVED})

#: States in which the case is still work for somebody in this office.
OPEN_STATES = frozenset(CaseState) - FINAL_STATES


class Action(StrEnum):
    """What an actor can do to a case; each maps to rows of the transition table in core/workflow.py."""

    FILE = "file"  # creation of the case; not a row of the table (there is no state before it)
    VIEW_IDENTITY = "view_identity"  # an officer saw the reporter's identity: audited, changes nothing
    VIEW_EVIDENCE = "view_evidence"  # an officer opened an evidence file: audited, changes nothing
    VIEW_CASE = "view_case"  # a case card with its facts was shown (officer or CLI): audited, changes nothing
    VIEW_LEDGER = "view_ledger"  # the case was listed in a person's ledger (台账, issue 17): audited, changes nothing
    LINK_CASE = "link_case"  # an officer linked the case with another about the same matter (rules.md §10.4)
    UNLINK_CASE = "unlink_case"  # an officer undid such a link; changes no state
    REASSIGN = "reassign"  # the assignee left; an admin moved the case to another handler
    RATE = "rate"  # the reporter rated the feedback; changes no state
    ASK_REPORTER = "ask_reporter"  # an officer's question to the reporter, sent through the bot
    REPORTER_REPLY = "reporter_reply"  # the reporter's answer, attached to the case
    PURGE = "purge"  # retention ended: identity, content and evidence erased, statistics kept; changes no state
    REQUEST_APPROVAL = "request_approval"  # a step put to the unit's leaders (rules.md §10.2); changes no state
    APPROVE = "approve"  # a leader approved it: the step follows, as the requester's (core.services.approvals)
    DECLINE = "decline"  # a leader declined it, with a reason told to the requester; changes no state

    REGISTER = "register"
    ACCEPT = "accept"
    NOT_ACCEPT = "not_accept"  # refer out of scope
    MARK_DUPLICATE = "mark_duplicate"
    TRANSFER_UP = "transfer_up"
    TRANSFER_DOWN = "transfer_down"
    RECEIVE_TRANSFER = "receive_transfer"
    ASSIGN = "assign"
    RETURN_TO_INTAKE = "return_to_intake"
    DISPOSE = "dispose"
    PARK = "park"
    SEND_TO_INVESTIGATION = "send_to_investigation"
    CONCLUDE = "conclude"
    GIVE_FEEDBACK = "give_feedback"
    OBJECT = "object"
    ARCHIVE = "archive"
    ADD_NOTE = "add_note"
    FLAG_URGENT = "flag_urgent"
    CHASE = "chase"  # 催办: the sender presses the receiver of a case transferred down or out (rules.md §10.3)
    REPORT_RESULT = "report_result"  # 报结: the receiver's result recorded / a 交办 case's result reported up (§10.3)
    EXTEND = "extend"  # 申请延长: a 交办 case's deadline moved to a new date, with reasons (§10.3, D15)
    DECIDE_APPEAL = "decide_appeal"  # 申诉: the earlier decision upheld, changed or revoked (rules.md §10.1)
    ANSWER_SUGGESTION = "answer_suggestion"  # 批评建议: adopted, partly adopted or not (rules.md §10.1)
    REVIEW_PARKED = "review_parked"  # a parked case reviewed and kept parked until the next review
    ADD_BY_REPORTER = "add_by_reporter"  # the reporter adds text or files to their open case (补充反映)
    RATE_DISSATISFIED = "rate_dissatisfied"  # the reporter rated the result 不满意: a leader reviews it (§10.4)
    SEND_BACK = "send_back"  # a leader sends the case back for further handling (退回…进一步查处, §10.4)
    CONFIRM_RESULT = "confirm_result"  # a leader confirms the result, with a reply to the reporter (审核认定办结)
    # a conclusion that did not confirm the facts: 澄清 and 错告/诬告 recorded (rules.md §10.4); changes no state
    ASSESS_REPORT = "assess_report"
    CLOSE_FOLLOW_UP = "close_follow_up"  # the sender archives its follow-up of a case it sent down, after 报结 (§10.3)


class ApprovalState(StrEnum):
    """A request for a leader's decision (core.services.approvals, rules.md §10.2)."""

    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"


class FollowUp(StrEnum):
    """The sending unit's follow-up (跟踪督办) of a case it transferred down (rules.md §10.3): kept beside the case's
    own state, which after the receiver takes the case in is the receiver's."""

    AWAITING = "awaiting"  # the receiver's result is owed: chased (催办) before its due date
    REPORTED = "reported"  # the receiver's result is recorded (报结): the sender may close its record
    CLOSED = "closed"  # the sender's record is archived; the sender keeps a read-only view


class Satisfaction(StrEnum):
    """The reporter's rating of the result (网上信访 practice, rules.md §9 [U])."""

    SATISFIED = "satisfied"  # 满意
    FAIRLY = "fairly"  # 基本满意
    DISSATISFIED = "dissatisfied"  # 不满意


class Role(StrEnum):
    """Officer roles (rules.md §1: intake = 信访室; handler = 监督检查/审查调查; supervisor = 分管领导)."""

    INTAKE = "intake"
    HANDLER = "handler"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class ActorKind(StrEnum):
    OFFICER = "officer"
    CITIZEN = "citizen"
    SYSTEM = "system"


class ReportType(StrEnum):
    """Report kinds (rules.md §3.1: A1–A2 检举控告, A3–A5 申诉, A6 批评建议)."""

    ACCUSATION = "accusation"  # 检举控告
    APPEAL = "appeal"  # 申诉
    SUGGESTION = "suggestion"  # 批评建议


class AppealedDecision(StrEnum):
    """What kind of decision an appeal contests (rules.md §3.1 A3–A5); a 监察 measure has JC-69's deadline (D14)."""

    PARTY_SANCTION = "party_sanction"  # 党纪处分 (A3)
    GOVERNMENT_SANCTION = "government_sanction"  # 政务处分 (A4, A5)
    SUPERVISION_MEASURE = "supervision_measure"  # 监察措施 (A4, JC-69)
    OTHER_DECISION = "other_decision"  # 其他处理决定


class AppealOutcome(StrEnum):
    """The answer to an appeal (rules.md §10.1 [U]: the standard outcomes of 复查/复核)."""

    UPHELD = "upheld"  # 维持
    CHANGED = "changed"  # 变更
    REVOKED = "revoked"  # 撤销


class SuggestionOutcome(StrEnum):
    """The answer to a criticism or suggestion (rules.md §10.1; 002 item 18 "可采纳的人民建议")."""

    ADOPTED = "adopted"  # 采纳
    PARTLY_ADOPTED = "partly_adopted"  # 部分采纳
    NOT_ADOPTED = "not_adopted"  # 不予采纳


class Channel(StrEnum):
    """How the report reached the office."""

    TELEGRAM = "telegram"
    PHONE = "phone"
    LETTER = "letter"
    VISIT = "visit"
    WEB = "web"
    TRANSFER = "transfer"  # transferred from another commission
    ASSIGNED_BY_HIGHER = "assigned_by_higher"  # 交办 (D15)


class CadreLevel(StrEnum):
    """级别 of the person reported (rules.md §6 field ``level``)."""

    MINISTERIAL = "ministerial"  # 省部级及以上
    BUREAU = "bureau"  # 厅局级
    COUNTY_DIVISION = "county_division"  # 县处级
    TOWNSHIP_SECTION = "township_section"  # 乡科级
    STAFF = "staff"  # 一般干部
    VILLAGE = "village"  # 村(社区)干部
    SOE_MANAGER = "soe_manager"  # 国企管理人员
    INSTITUTION_MANAGER = "institution_manager"  # 事业单位管理人员
    OTHER = "other"  # 其他
    UNKNOWN = "unknown"  # 不清楚


class PartyMembership(StrEnum):
    MEMBER = "member"  # 中共党员
    NON_MEMBER = "non_member"  # 非党员
    UNKNOWN = "unknown"  # 不清楚


class Category(StrEnum):
    """问题类别 (rules.md §6)."""

    POLITICAL = "political"  # 政治纪律
    ORGANISATIONAL = "organisational"  # 组织纪律
    INTEGRITY = "integrity"  # 廉洁纪律 (incl. 八项规定)
    MASSES = "masses"  # 群众纪律
    WORK = "work"  # 工作纪律
    PERSONAL_LIFE = "personal_life"  # 生活纪律
    CORRUPTION_BRIBERY = "corruption_bribery"  # 贪污贿赂
    ABUSE_OF_POWER = "abuse_of_power"  # 滥用职权/玩忽职守/徇私舞弊
    OTHER = "other"  # 其他


class DisposalMethod(StrEnum):
    """The five outcomes of 处置 (rules.md §7, R-17 ¶2)."""

    TALK_OR_LETTER = "talk_or_letter"  # 谈话函询
    PRELIMINARY_CHECK = "preliminary_check"  # 初步核实
    PARK = "park"  # 暂存待查
    CLOSE = "close"  # 予以了结
    INVESTIGATE = "investigate"  # 移送审查调查


class UnitLevel(StrEnum):
    """Levels of the commission hierarchy (rules.md §5)."""

    CENTRAL = "central"
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"


class ReferTo(StrEnum):
    """Where an out-of-scope matter goes (rules.md §3.3)."""

    JUDICIAL = "judicial"
    POLICE = "police"
    LABOR = "labor"
    MEDIATION = "mediation"
    GOVERNMENT = "government"
    MARKET = "market"
    # 政法机关 (court, procuratorate, police, justice bureau): a complaint about how one of them handled a matter
    # (涉法涉诉: 不立案, 不予抗诉, 驳回再审), as opposed to the dispute itself (JUDICIAL). Stored in String(16) columns.
    POLITICAL_LEGAL = "political_legal"


class Finding(StrEnum):
    """Finding per allegation in a conclusion (rules.md §7.1 item 1)."""

    TRUE = "true"
    PARTLY_TRUE = "partly_true"
    UNTRUE = "untrue"
    UNVERIFIABLE = "unverifiable"


class Clearing(StrEnum):
    """Whether the person reported is cleared when the facts were not confirmed (澄清正名: rules.md §4.2, §10.4,
    003 篇四 "建立澄清保护机制")."""

    CLEARED = "cleared"  # 予以澄清正名
    NOT_NEEDED = "not_needed"  # 无需澄清 (e.g. the report had no effect on the person's standing)


class ReportAssessment(StrEnum):
    """What an unconfirmed report was (rules.md §4.2, §10.4; 000 item 7 tells 诬告 from 错告). Recorded for the
    office only: the reporter is never told (§4.2 "never threaten")."""

    GOOD_FAITH = "good_faith"  # reported in good faith, the facts could not be confirmed
    MISTAKEN = "mistaken"  # 错告: an honest mistake, not 诬告 and not punished (刑法-243 ¶3)
    # 涉嫌诬告: only suspected here; finding 诬告 needs 地市级 approval (000 item 7), so it is referred for handling
    SUSPECTED_FALSE = "suspected_false"


class EvidenceKind(StrEnum):
    PHOTO = "photo"
    DOCUMENT = "document"
    VOICE = "voice"
    AUDIO = "audio"
    VIDEO = "video"


class DeadlineState(StrEnum):
    OPEN = "open"
    MET = "met"
    CANCELLED = "cancelled"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    UNDELIVERABLE = "undeliverable"  # e.g. the reporter blocked the bot (403): visible to officers
    FAILED = "failed"  # gave up after the maximum number of attempts
    DROPPED = "dropped"  # an officer's notice that no longer asked for anything when it was due (issue 12, item 16)


class RecipientKind(StrEnum):
    """Who an outbox message goes to. Reporters are addressed by case, never by chat (rules.md §4)."""

    REPORTER = "reporter"
    OFFICER = "officer"
    URGENT_SENDER = "urgent"  # whoever wrote an urgent message, addressed by the note (issue 12, item 12)


def label_key(value: StrEnum) -> str:
    """The locale key of an enum value's label, e.g. ``enum.CaseState.received``."""
    return f"enum.{type(value).__name__}.{value.value}"
