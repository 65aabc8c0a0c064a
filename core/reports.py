"""A new report as the dialogs and the CLI hand it to the core, with the form limits of rules.md §6."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from core.errors import InvalidInput
from core.model import (
    AppealedDecision,
    CadreLevel,
    Category,
    Channel,
    EvidenceKind,
    PartyMembership,
    ReferTo,
    ReportType,
)
from core.text import clean_text

# rules.md §6 (limits marked [U] are our defaults)
NAME_LEN = (2, 20)  # 姓名
UNIT_MAX = 100  # 单位
POST_MAX = 50  # 职务
PERSON_NAME_MAX = 20
PERSONS_MAX = 10  # several people allowed (≤10)
FACTS_MAX = 4000  # 主要问题 50–4000 chars; the dialog asks follow-up questions below FACTS_SPECIFIC
FACTS_SPECIFIC = 50
OTHER_BODIES_MAX = 500
ADDRESS_MAX = 100
EVIDENCE_MAX_FILES = 10
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024  # also the cloud Bot API's download limit
EVIDENCE_MAX_TOTAL = 100 * 1024 * 1024
# spreadsheets too (issue 12): 低保 lists and accounts are usually xls/xlsx/csv; content-checked like the rest
EVIDENCE_EXTENSIONS = frozenset(
    {"jpg", "jpeg", "png", "pdf", "doc", "docx", "xls", "xlsx", "csv", "mp3", "m4a", "ogg", "oga", "mp4"}
)
_SCOPE_REFER = frozenset({*(r.value for r in ReferTo), "none"})
_SCOPE_REASON = re.compile(r"scope\.reason\.[a-z_.]{1,48}")  # a locale key, never the citizen's words
PASSWORD_MIN = 8  # 查询密码 ≥8 chars
ONLINE = (Channel.TELEGRAM, Channel.WEB)  # channels where an anonymous reporter follows the case by code and password
BODY_MAX = 100  # the deciding body of an appealed decision, like 单位 [U]
DECIDED_ON_MAX = 30  # when it was decided, as the appellant knows it ("2025年3月") [U]
DECISION_MAX = 500  # what was decided [U]
DOC_NUMBER_MAX = 50  # 文号 [U]
SUBJECT_MAX = 100  # a suggestion's subject [U]

_MOBILE = re.compile(r"^(?:\+?86[- ]?)?1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def normalise_phone(raw: str) -> str:
    """Return the phone number in a canonical form, or raise :class:`InvalidInput` (rules.md §6 联系电话)."""
    phone = re.sub(r"[\s()（）]", "", clean_text(raw).strip())
    if _MOBILE.match(phone):
        return phone[-11:]
    if _LANDLINE.match(phone):
        return phone
    raise InvalidInput("phone", "not a mobile or landline number")


def valid_id_number(raw: str) -> bool:
    """18-character resident ID with its ISO 7064 checksum (rules.md §6 身份证号)."""
    value = raw.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return False
    total = sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == value[17]


def _text(field_name: str, value: str, *, lo: int = 0, hi: int) -> str:
    value = clean_text(value).strip()  # stored as typed, less what PostgreSQL refuses and what only hides
    if not lo <= len(value) <= hi:
        raise InvalidInput(field_name, f"length must be {lo}-{hi}")
    return value


@dataclass(frozen=True)
class ReporterIdentity:
    """举报人信息 of a named report. Stored encrypted; shown only to roles entitled to it."""

    name: str
    phone: str
    id_number: str = ""
    address: str = ""

    def validated(self) -> ReporterIdentity:
        id_number = self.id_number.strip().upper()
        if id_number and not valid_id_number(id_number):
            raise InvalidInput("id_number", "checksum does not match")
        return ReporterIdentity(
            name=_text("reporter_name", self.name, lo=NAME_LEN[0], hi=NAME_LEN[1]),
            phone=normalise_phone(self.phone),
            id_number=id_number,
            address=_text("address", self.address, hi=ADDRESS_MAX),
        )


@dataclass(frozen=True)
class PersonReported:
    """被反映人: one of name or unit is needed; level may be "unknown"."""

    unit: str
    region: str
    name: str = ""
    post: str = ""
    level: CadreLevel = CadreLevel.UNKNOWN
    party: PartyMembership = PartyMembership.UNKNOWN

    def validated(self) -> PersonReported:
        if not (self.name.strip() or self.unit.strip()):
            raise InvalidInput("person", "name or unit required")
        return PersonReported(
            unit=_text("person_unit", self.unit, hi=UNIT_MAX),
            region=_text("person_region", self.region, lo=1, hi=100),
            name=_text("person_name", self.name, hi=PERSON_NAME_MAX),
            post=_text("person_post", self.post, hi=POST_MAX),
            level=self.level,
            party=self.party,
        )


@dataclass(frozen=True)
class AppealedDecisionDetails:
    """申诉: the decision appealed (rules.md §10.1): which body decided, when, what, its document number if known.
    Why the appellant thinks it wrong is the report's ``facts``. Stored encrypted like the facts."""

    body: str
    decided_on: str
    kind: AppealedDecision
    decision: str
    doc_number: str = ""

    def validated(self) -> AppealedDecisionDetails:
        return AppealedDecisionDetails(
            body=_text("appeal_body", self.body, lo=2, hi=BODY_MAX),
            decided_on=_text("appeal_decided_on", self.decided_on, lo=1, hi=DECIDED_ON_MAX),
            kind=self.kind,
            decision=_text("appeal_decision", self.decision, lo=1, hi=DECISION_MAX),
            doc_number=_text("appeal_doc_number", self.doc_number, hi=DOC_NUMBER_MAX),
        )


@dataclass(frozen=True)
class EvidenceUpload:
    kind: EvidenceKind
    original_name: str
    mime_type: str
    data: bytes


@dataclass(frozen=True)
class StagedEvidence:
    """A file already checked and stored encrypted while the dialog runs; filing links it to the case."""

    kind: EvidenceKind
    original_name: str
    mime_type: str
    size: int
    sha256: str
    storage_key: str


def check_evidence(files: tuple[EvidenceUpload, ...], staged: tuple[StagedEvidence, ...] = ()) -> None:
    """Count, size and type limits of rules.md §6 附件."""
    if len(files) + len(staged) > EVIDENCE_MAX_FILES:
        raise InvalidInput("evidence", f"at most {EVIDENCE_MAX_FILES} files")
    total = sum(f.size for f in staged)
    for f in files:
        ext = f.original_name.rsplit(".", 1)[-1].lower() if "." in f.original_name else ""
        if ext not in EVIDENCE_EXTENSIONS:
            raise InvalidInput("evidence", f"type .{ext or '?'} not accepted")
        if len(f.data) > EVIDENCE_MAX_BYTES:
            raise InvalidInput("evidence", "file larger than 20 MB")
        total += len(f.data)
    if total > EVIDENCE_MAX_TOTAL:
        raise InvalidInput("evidence", "more than 100 MB in all")


@dataclass(frozen=True)
class NewReport:
    """A report of one of the three types (rules.md §10.1): an accusation names persons and a category; an appeal
    names the decision it contests (``appeal``); a suggestion its subject (``subject``). ``facts`` is the account,
    the appellant's grounds, or the suggestion's content."""

    report_type: ReportType
    category: Category | None
    facts: str
    persons: tuple[PersonReported, ...]
    reporter: ReporterIdentity | None = None  # None: anonymous
    channel: Channel = Channel.TELEGRAM
    other_bodies: str = ""  # 是否向其他机关反映过, 结果
    locale: str = "zh-CN"
    chat_id: int | None = None  # where status pushes go; never shown to officers
    notify_opt_in: bool = False  # anonymous reporters choose whether to get contentless pushes
    query_password: str | None = None  # anonymous reports: the password the reporter chose
    evidence: tuple[EvidenceUpload, ...] = field(default_factory=tuple)
    staged: tuple[StagedEvidence, ...] = field(default_factory=tuple)
    urgent: bool = False
    submission_key: str | None = None  # the same key files at most one case (double taps, retries)
    # the referral shown at the scope check that the reporter chose to file past (rules.md §3.3; officers see it)
    scope_refer_to: str = ""  # a ReferTo value, or "none" for the general list
    scope_reason: str = ""  # the reason's locale key (scope.reason.…)
    due_on: date | None = None  # 交办: the period the 交办函 sets (rules.md §10.3); D15 when none is given
    appeal: AppealedDecisionDetails | None = None  # 申诉 only
    subject: str = ""  # 批评建议 only

    @property
    def named(self) -> bool:
        return self.reporter is not None

    def validated(self) -> NewReport:
        accusation = self.report_type is ReportType.ACCUSATION
        if accusation and (not self.persons or len(self.persons) > PERSONS_MAX):
            raise InvalidInput("persons", f"1-{PERSONS_MAX} persons")
        if accusation and self.category is None:
            raise InvalidInput("category", "not chosen")
        if not accusation and (self.persons or self.category is not None):  # rules.md §10.1: nobody is accused
            raise InvalidInput("persons", "an appeal or a suggestion names no person reported and no category")
        if (self.report_type is ReportType.APPEAL) != (self.appeal is not None):
            raise InvalidInput("appeal", "an appeal, and only an appeal, names the decision it contests")
        if self.report_type is ReportType.SUGGESTION and not self.subject.strip():
            raise InvalidInput("subject", "a suggestion needs its subject")
        if self.reporter is None and self.channel in ONLINE and not self.query_password:
            raise InvalidInput("query_password", "anonymous online reports need a query password")
        if self.query_password is not None and len(self.query_password) < PASSWORD_MIN:
            raise InvalidInput("query_password", f"at least {PASSWORD_MIN} characters")
        check_evidence(self.evidence, self.staged)
        return NewReport(
            report_type=self.report_type,
            category=self.category,
            facts=_text("facts", self.facts, lo=1, hi=FACTS_MAX),
            persons=tuple(p.validated() for p in self.persons),
            reporter=self.reporter.validated() if self.reporter else None,
            channel=self.channel,
            other_bodies=_text("other_bodies", self.other_bodies, hi=OTHER_BODIES_MAX),
            locale=self.locale,
            chat_id=self.chat_id,
            notify_opt_in=self.notify_opt_in or self.reporter is not None,
            query_password=self.query_password,
            evidence=self.evidence,
            staged=self.staged,
            urgent=self.urgent,
            submission_key=self.submission_key,
            scope_refer_to=self.scope_refer_to if self.scope_refer_to in _SCOPE_REFER else "",
            scope_reason=self.scope_reason if _SCOPE_REASON.fullmatch(self.scope_reason) else "",
            due_on=self._due_on(),
            appeal=self.appeal.validated() if self.appeal else None,
            subject=_text("subject", self.subject, hi=SUBJECT_MAX) if self.report_type is ReportType.SUGGESTION else "",
        )

    def _due_on(self) -> date | None:
        if self.due_on is not None and self.channel is not Channel.ASSIGNED_BY_HIGHER:
            raise InvalidInput("due_on", "only a matter assigned by a higher body (交办) has a given period")
        return self.due_on
