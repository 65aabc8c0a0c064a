"""Names of the flows and of their steps, one enum per flow: a typo is a NameError at import, and a target that
is no step of its flow is refused when the flow is built (engine.check_flow).

Values are what conversations store and what buttons carry (``s:<step>:<value>``): never change a value, or
saved dialogs and buttons already in chats stop matching.
"""

from __future__ import annotations

from enum import StrEnum


class FlowName(StrEnum):
    FILING = "filing"
    STATUS = "status"
    OBJECTION = "objection"
    REPLY = "reply"
    ADDITION = "addition"  # the reporter adds to an open case (补充反映)
    # officers' input flows (officer_flows, officer_urgent, officer_approvals)
    NOTE = "o_note"
    FEEDBACK = "o_feedback"
    FEEDBACK_PREPARED = "o_feedback_prepared"
    DECLINE = "o_decline"  # a leader's reason for declining a request (officer_approvals)
    CONCLUDE = "o_conclude"
    ASK = "o_ask"
    REFER = "o_refer"
    DUPLICATE = "o_duplicate"
    TRANSFER = "o_transfer"
    RETURN = "o_return"
    CHASE = "o_chase"  # 催办 (rules.md §10.3)
    REPORT = "o_report"  # 报结
    EXTEND = "o_extend"  # 申请延长
    APPEAL_DECISION = "o_appeal"  # 申诉: 维持/变更/撤销 with reasons (rules.md §10.1)
    SUGGESTION_ANSWER = "o_suggestion"  # 批评建议: 采纳/部分采纳/不予采纳 with a reply
    PARK_REVIEW = "o_park_review"
    SEND_BACK = "o_send_back"  # a leader sends a challenged result back (rules.md §10.4)
    CONFIRM_RESULT = "o_confirm_result"  # a leader confirms it, with a reply to the reporter
    URGENT_REPLY = "o_ureply"
    URGENT_NOTE = "o_unote"
    URGENT_CLOSE = "o_uclose"


class Filing(StrEnum):
    NOTICE = "notice"
    SCOPE = "scope"
    SCOPE_WHO = "scope_who"
    SCOPE_HOW = "scope_how"
    SCOPE_REFER = "scope_refer"
    SCOPE_DANGER = "scope_danger"  # the learned backstop read danger the rules did not: is anyone in danger now?
    ENDED = "ended"
    TYPE = "type"
    IDENTITY = "identity"
    R_NAME = "r_name"
    R_PHONE = "r_phone"
    R_ID = "r_id"
    P_NAME = "p_name"
    P_UNIT = "p_unit"
    P_POST = "p_post"
    P_LEVEL = "p_level"
    P_REGION = "p_region"
    P_REGION_TEXT = "p_region_text"
    P_PARTY = "p_party"
    P_MORE = "p_more"
    CATEGORY = "category"
    # 申诉: the decision appealed and why it is wrong; 批评建议: subject and content (rules.md §10.1)
    A_BODY = "a_body"
    A_DATE = "a_date"
    A_KIND = "a_kind"
    A_DECISION = "a_decision"
    A_DOCNO = "a_docno"
    A_GROUNDS = "a_grounds"
    S_SUBJECT = "s_subject"
    S_CONTENT = "s_content"
    FACTS = "facts"
    FACTS_MORE = "facts_more"
    OTHER_BODIES = "other_bodies"
    EVIDENCE = "evidence"
    PW1 = "pw1"
    PW2 = "pw2"
    NOTIFY = "notify"
    REVIEW = "review"
    CONFIRM = "confirm"


class Status(StrEnum):
    CODE = "code"
    PASSWORD = "password"


class Objection(StrEnum):
    REASON = "reason"
    EVIDENCE = "evidence"
    CONFIRM = "confirm"


class Addition(StrEnum):
    """The reporter adds text and files to an open case."""

    TEXT = "text"
    EVIDENCE = "evidence"
    CONFIRM = "confirm"


class Answering(StrEnum):
    """The reporter's answer to an officer's question."""

    TEXT = "text"


class Officer(StrEnum):
    """Steps of the officers' input flows (several flows share a name: each flow is checked on its own)."""

    TEXT = "text"
    ALLEGATION = "allegation"
    FINDING = "finding"
    EVIDENCE_REFS = "evidence_refs"
    VIOLATION = "violation"
    ACTION_TAKEN = "action_taken"
    CLEARING = "clearing"  # facts not confirmed: 澄清正名 (rules.md §10.4)
    ASSESSMENT = "assessment"  # facts not confirmed: good faith, 错告 or suspected 诬告
    REFERRAL = "referral"  # a suspected 诬告: to whom it is referred
    COLLECTIVE = "collective"
    FEEDBACK = "feedback"
    PREPARED = "prepared"
    REFER_TO = "refer_to"
    DUPLICATE_OF = "duplicate_of"
    UNIT = "unit"
    NEW_DATE = "new_date"
    OUTCOME = "outcome"
