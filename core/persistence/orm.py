"""Typed SQLAlchemy 2 tables.

Columns ending in ``_enc`` hold Fernet tokens (core.crypto): reporter identity, facts, notes, file names. The
database alone reveals no reporter and no report content; ``*_index`` columns are keyed HMACs for lookups.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite would hand back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; the core works in aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UnitRow(Base):
    """A commission (or its 派驻 group) in the hierarchy, and which cadre levels of which region it handles."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))
    region: Mapped[str] = mapped_column(String(100))  # "浙江省/杭州市/西湖区"
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    handles_levels: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class OfficerRow(Base):
    __tablename__ = "officers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    name: Mapped[str] = mapped_column(String(50))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    on_duty: Mapped[bool] = mapped_column(Boolean, default=False)
    locale: Mapped[str] = mapped_column(String(8), default="zh-CN")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    invite_index: Mapped[str | None] = mapped_column(String(64), unique=True)  # one-time code, keyed hash
    invite_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    report_type: Mapped[str] = mapped_column(String(16))
    named: Mapped[bool] = mapped_column(Boolean)
    channel: Mapped[str] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(24))  # 问题类别 of an accusation; none for the other types
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    locale: Mapped[str] = mapped_column(String(8), default="zh-CN")
    notify_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    reporter_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # JSON: name, phone, id number, address
    facts_enc: Mapped[bytes] = mapped_column(LargeBinary)
    other_bodies_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    result_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # closure report, JSON
    # an appeal's contested decision or a suggestion's subject (rules.md §10.1), JSON, encrypted like the facts
    particulars_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    # 维持/变更/撤销 of an appeal, 采纳/部分采纳/不予采纳 of a suggestion (§10.1); plain, like disposal_method
    outcome: Mapped[str | None] = mapped_column(String(16))
    # a conclusion that did not confirm the facts (rules.md §10.4): core.model.Clearing and ReportAssessment; plain
    # for statistics (how many cleared, how many 诬告 suspicions referred), the referral itself is in result_enc
    clearing: Mapped[str | None] = mapped_column(String(16))
    report_assessment: Mapped[str | None] = mapped_column(String(20))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"), index=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)  # read both ways
    transfer_to_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))  # pending receipt (R-15/16)
    # the unit that transferred the case down and follows it to its 报结 (rules.md §10.3), and how far (FollowUp);
    # kept after the receiver takes it in, when the case's unit is the receiver's
    followed_by_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    follow_up: Mapped[str | None] = mapped_column(String(12))
    # officers named in the report, who never see it (回避, core.recusal; XF-28 ¶3, JC-67): plain ids, no names
    recused_officer_ids: Mapped[list[int] | None] = mapped_column(JSON, default=list)
    disposal_method: Mapped[str | None] = mapped_column(String(24))
    refer_to: Mapped[str | None] = mapped_column(String(16))
    # the referral the reporter was shown before filing and chose to file anyway (rules.md §3.3): a ReferTo
    # value ("none": the general list) and the reason's locale key; plain like refer_to
    scope_refer_to: Mapped[str | None] = mapped_column(String(16))
    scope_reason: Mapped[str | None] = mapped_column(String(64))
    query_code_index: Mapped[str | None] = mapped_column(String(64), unique=True)
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)  # one case per dialog submission
    satisfaction: Mapped[str | None] = mapped_column(String(16))  # the reporter's rating of the feedback
    # the reporter's step a leader reviews or reviewed (an Action value: 不满意 or 异议), and when a leader confirmed
    # the result: after that, not reopened by the same challenge (rules.md §10.4, 004 (十一); core.review)
    challenge: Mapped[str | None] = mapped_column(String(32))
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    password_hash: Mapped[str | None] = mapped_column(String(200))
    # an anonymous reporter's query code, kept (encrypted) only until the receipt showing it reached the chat:
    # a receipt Telegram did not deliver is shown again instead of the code being lost (issue 11, item 2)
    receipt_code_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)  # a period's reports (core.stats)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    concluded_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    purged_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # retention ended: identity, content erased

    #: Set when a report is filed; read through ``repository.persons_of`` where needed (a case card, the ledger,
    #: the purge): not loaded with every case, which cost a statement per step (issue 20's year: ~9 % of them).
    persons: Mapped[list[ReportedPersonRow]] = relationship(
        back_populates="case", order_by="ReportedPersonRow.position", cascade="all, delete-orphan", lazy="raise"
    )


class ReportedPersonRow(Base):
    """被反映人. Name, unit and post are encrypted; level and region stay plain for routing and statistics."""

    __tablename__ = "reported_persons"
    # earlier reports about a person, latest first, read from the index alone (repeat look-up at filing, the
    # ledger; issue 17): a common name's hundreds of rows are not sorted for the latest fifty (migration 0023)
    __table_args__ = (Index("ix_reported_persons_name_case", "name_index", "case_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    unit_enc: Mapped[bytes] = mapped_column(LargeBinary)
    post_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    level: Mapped[str] = mapped_column(String(24))
    region: Mapped[str] = mapped_column(String(100))
    party: Mapped[str] = mapped_column(String(16))
    name_index: Mapped[str | None] = mapped_column(String(64))  # for repeat reports (core.services.repeats)
    # the person's unit, as a blind index: the same name in the same unit is taken for the same person (issue 17)
    unit_index: Mapped[str | None] = mapped_column(String(64))

    case: Mapped[CaseRow] = relationship(back_populates="persons")


class ReporterContactRow(Base):
    """How to reach a reporter's chat. Officers' services never read this table (rules.md §4).

    ``chat_index`` is set for named reports only, so a chat can list its own named cases; an anonymous case
    cannot be found from a chat id.
    """

    __tablename__ = "reporter_contacts"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    chat_enc: Mapped[bytes] = mapped_column(LargeBinary)
    chat_index: Mapped[str | None] = mapped_column(String(64), index=True)


class EvidenceRow(Base):
    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    original_name_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    mime_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(200))  # file name in the evidence store (encrypted bytes)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    purged_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # file deleted; kind and size kept for counts


class CaseEventRow(Base):
    """Append-only audit trail: nothing deletes these rows or changes what they record.

    Two maintenance steps touch ``note_enc`` only: key rotation re-encrypts it (same text) and the retention
    purge erases it (core.services.retention).
    """

    __tablename__ = "case_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)  # a period's steps (core.stats)
    actor: Mapped[str] = mapped_column(String(40))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str | None] = mapped_column(String(20))
    rule: Mapped[str] = mapped_column(String(40), default="")
    note_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    public: Mapped[bool] = mapped_column(Boolean, default=False)


class ApprovalRow(Base):
    """A step that waits for a leader's decision (rules.md §10.2, issue 15): the officer's action and its answers,
    taken only when a leader of the case's unit approves it (core.services.approvals). ``params_enc`` holds the
    action's answers (a note, a reason: free text), ``reason_enc`` a decline's reason: both encrypted."""

    __tablename__ = "approvals"
    __table_args__ = (Index("ix_approvals_state_unit", "state", "unit_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))  # whose leaders decide: the case's unit then
    action: Mapped[str] = mapped_column(String(32))
    params_enc: Mapped[bytes] = mapped_column(LargeBinary)
    requested_by: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime())
    state: Mapped[str] = mapped_column(String(12))  # pending, approved, declined, withdrawn
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reason_enc: Mapped[bytes | None] = mapped_column(LargeBinary)


class DeadlineRow(Base):
    __tablename__ = "deadlines"
    __table_args__ = (
        Index("ix_deadlines_state_due", "state", "due_date"),
        # the sweep's pages of open deadlines in page order, from the index alone (migration 0013; PostgreSQL
        # needs it, SQLite's planner may also use ix_deadlines_state_due, whose entries end with the id)
        Index(
            "ix_deadlines_open_due",
            "due_date",
            "id",
            postgresql_where=text("state = 'open'"),
            sqlite_where=text("state = 'open'"),
        ),
        # the sweep's pages: open deadlines by the day they next need reading (migration 0014)
        Index(
            "ix_deadlines_open_next",
            "next_reminder_on",
            "id",
            postgresql_where=text("state = 'open'"),
            sqlite_where=text("state = 'open'"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    trigger_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    #: The day the deadline's next reminder is due, so a sweep reads only the deadlines with one to send, not
    #: every one open or ever missed (issue 13). None until the next sweep sets it (a new or moved due day);
    #: then moved on by the sweep as it sends each reminder (core.services.reminders). Never later than its slot.
    next_reminder_on: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(12))
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)  # counted Mon–Fri for lack of data
    calendar_fp: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    @validates("due_date")
    def _due_moves_reminders(self, _key: str, due: date) -> date:
        """A new due day (opened, or moved by new calendar data): the next sweep works out its reminders afresh."""
        self.next_reminder_on = None
        return due


class OutboxRow(Base):
    """Notifications waiting to be sent; written in the same transaction as the change they report."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_next", "status", "next_try_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient_kind: Mapped[str] = mapped_column(String(12))
    recipient_id: Mapped[int] = mapped_column(Integer)  # officer id, or case id for the reporter
    template: Mapped[str] = mapped_column(String(64))
    params_enc: Mapped[bytes] = mapped_column(LargeBinary)  # JSON; may quote feedback text
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(String(200))
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class CounterRow(Base):
    """Sequences such as the yearly case number ("一信一码")."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class SettingRow(Base):
    """Small persistent facts, e.g. the calendar fingerprint deadlines were last computed with."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DialogRow(Base):
    """Where a chat is in a dialog, and its answers so far (encrypted), so a restart loses nothing.

    Keyed by a blind index of the chat id; ``version`` makes concurrent saves from two updates safe.
    """

    __tablename__ = "dialogs"
    chat_index: Mapped[str] = mapped_column(String(64), primary_key=True)
    state_enc: Mapped[bytes] = mapped_column(LargeBinary)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class UrgentNoteRow(Base):
    """Urgent content seen before anything was filed (rules.md §8): kept, flagged, pushed to officers at once.

    An item officers handle (issue 12, item 12): open until one closes it, answerable through the bot. The
    sender's chat is kept encrypted only so that an answer reaches it, as for anonymous reporters (rules.md §4):
    no officer's view shows it. Erased with the note by the retention purge.
    """

    __tablename__ = "urgent_notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    text_enc: Mapped[bytes] = mapped_column(LargeBinary)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    chat_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # where an answer goes; never shown
    locale: Mapped[str] = mapped_column(String(8), default="zh-CN", server_default="zh-CN")
    handled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # first officer action (reply, note, close)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    pushed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # the last re-push to officers on duty
    pushes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # re-pushes so far
    escalated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # pushed to the supervisors, once


class UrgentEventRow(Base):
    """What was done about an urgent message, by whom and when: views, answers, notes, closing, re-pushes.

    Append-only like ``case_events``; ``text_enc`` holds an answer or a note. Erased with its note (retention).
    """

    __tablename__ = "urgent_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("urgent_notes.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(40))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    action: Mapped[str] = mapped_column(String(16))  # view, reply, note, close, repush, escalate
    text_enc: Mapped[bytes | None] = mapped_column(LargeBinary)


class ReminderSentRow(Base):
    """Which reminder of which deadline went out: written with its outbox row, so each is sent exactly once."""

    __tablename__ = "reminders_sent"
    __table_args__ = (UniqueConstraint("deadline_id", "slot"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deadline_id: Mapped[int] = mapped_column(ForeignKey("deadlines.id", ondelete="CASCADE"), index=True)
    slot: Mapped[str] = mapped_column(String(32))  # "soon", "due", "overdue", "escalated"
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime())


class DigestSentRow(Base):
    """The morning digest an officer got on a working day (at most one per officer and day)."""

    __tablename__ = "digests_sent"
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime())


class QueryAttemptRow(Base):
    """Failed status queries per chat and per query code (keyed hashes), for a growing lock-out."""

    __tablename__ = "query_attempts"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class LeaseRow(Base):
    """A lease one process holds for a while and renews (issue 18): ``jobs`` — which instance of the bot runs the
    periodic jobs. Another takes it over once it has expired; a clean stop lets it expire at once."""

    __tablename__ = "leases"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    holder: Mapped[str] = mapped_column(String(100))  # host, process id and a random part: this run of the bot
    since: Mapped[datetime] = mapped_column(UtcDateTime())  # held by this holder since
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())


class UpdateClaimRow(Base):
    """A Telegram update one instance of the bot is handling or has handled (issue 18, several instances): Telegram
    delivers an update again when an answer is late or failed, possibly to another instance, which must not file
    the report twice. Kept a day (core/services/update_claims.py)."""

    __tablename__ = "update_claims"
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    holder: Mapped[str] = mapped_column(String(100))  # the run of the bot handling it
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class FloodBucketRow(Base):
    """A chat's flood-limit bucket shared by the instances of the bot (issue 18): tokens left at ``at`` (seconds
    since the epoch, the instances' wall clocks). Keyed by a blind index of the chat, kept minutes."""

    __tablename__ = "flood_buckets"
    chat_index: Mapped[str] = mapped_column(String(64), primary_key=True)
    tokens: Mapped[float] = mapped_column(Float)
    at: Mapped[float] = mapped_column(Float, index=True)
    warned: Mapped[bool] = mapped_column(Boolean, default=False)


class JobRunRow(Base):
    """The bot scheduler's heartbeat, one row per periodic job: what ``qingfeng scheduler status`` reads from
    another process. Written by the bot's watchdog (not by the jobs), so a job's own work never waits on it."""

    __tablename__ = "job_runs"
    job: Mapped[str] = mapped_column(String(32), primary_key=True)
    every: Mapped[str] = mapped_column(String(40))  # the schedule, for people: "every 5 s", "daily at 01:05"
    last_run_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # the last run ended (either way)
    last_ok_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    running_since: Mapped[datetime | None] = mapped_column(UtcDateTime())
    next_run_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    late_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # no sign of life by then: late; NULL: stopped
    failures: Mapped[int] = mapped_column(Integer, default=0)  # consecutive failed runs
    error: Mapped[str | None] = mapped_column(String(80))  # the last failure's exception class, never its message
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


# the tables of repeat reports (issue 17, item 5) live in their own module; imported here so that
# ``Base.metadata`` always holds them (migrations, tests' create_all, key checks)
from core.persistence import orm_repeats as _repeats  # noqa: E402,F401
from core.persistence import orm_web as _web  # noqa: E402,F401  (the web chat's tables, issue 19)
