"""Builders for test data: a small city/county office and reports in realistic shapes."""

from __future__ import annotations

from dataclasses import dataclass

from core.actor import Actor
from core.closure import AllegationFinding, ClosureReport
from core.model import CadreLevel, Category, Finding, ReportType, Role, UnitLevel
from core.reports import EvidenceUpload, NewReport, PersonReported, ReporterIdentity
from qingfeng.app import App

REGION = "浙江省/杭州市/临安区"


@dataclass
class Office:
    intake: Actor
    handler: Actor
    handler2: Actor
    supervisor: Actor
    city_intake: Actor
    other_county_handler: Actor


async def seed_office(app: App) -> Office:
    o = app.officers
    await o.add_unit("HZ", "杭州市纪委监委", UnitLevel.CITY, "浙江省/杭州市")
    await o.add_unit("LA", "临安区纪委监委", UnitLevel.COUNTY, REGION, parent="HZ")
    await o.add_unit("XH", "西湖区纪委监委", UnitLevel.COUNTY, "浙江省/杭州市/西湖区", parent="HZ")
    ids = [
        await o.add_officer("王信访", "LA", [Role.INTAKE], telegram_id=1001),
        await o.add_officer("李承办", "LA", [Role.HANDLER], telegram_id=1002),
        await o.add_officer("赵承办", "LA", [Role.HANDLER], telegram_id=1003),
        await o.add_officer("陈主任", "LA", [Role.SUPERVISOR], telegram_id=1004),
        await o.add_officer("周市信访", "HZ", [Role.INTAKE], telegram_id=2001),
        await o.add_officer("吴西湖", "XH", [Role.HANDLER], telegram_id=3001),
    ]
    actors = [await o.actor_for_officer(v.id) for v in ids]
    return Office(*actors)


async def accepted_named_case(app: App, office: Office) -> str:
    """A named report filed, registered and accepted by the intake officer: where most officer stories begin."""
    number = (await app.filing.file_report(named_report())).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake)
    return number


def person(level: CadreLevel = CadreLevel.VILLAGE, region: str = REGION, name: str = "张某某") -> PersonReported:
    return PersonReported(unit="临安区某镇某村村委会", region=region, name=name, post="村党支部书记", level=level)


FACTS = (
    "2026年3月至8月，某村党支部书记张某某在发放低保时，把名额给了自己的两个亲戚，"
    "他们家里有车有店铺，不符合条件。真正困难的李大爷反而被取消。村里会计也知道这件事，涉及金额约2万元。"
)


def named_report(**kw: object) -> NewReport:
    base: dict[str, object] = dict(
        report_type=ReportType.ACCUSATION,
        category=Category.MASSES,
        facts=FACTS,
        persons=(person(),),
        reporter=ReporterIdentity(name="刘举报", phone="13800138000"),
        chat_id=555001,
        locale="zh-CN",
    )
    base.update(kw)
    return NewReport(**base)  # type: ignore[arg-type]


def anonymous_report(**kw: object) -> NewReport:
    base: dict[str, object] = dict(
        report_type=ReportType.ACCUSATION,
        category=Category.INTEGRITY,
        facts=FACTS,
        persons=(person(),),
        reporter=None,
        chat_id=555002,
        query_password="correct horse",
        notify_opt_in=True,
    )
    base.update(kw)
    return NewReport(**base)  # type: ignore[arg-type]


def closure(named: bool = True) -> ClosureReport:
    return ClosureReport(
        findings=(AllegationFinding("低保优亲厚友", Finding.PARTLY_TRUE, ("村委会低保评议记录", "走访笔录")),),
        violation="《中国共产党纪律处分条例》群众纪律",
        action_taken="谈话提醒，责令退还违规低保金",
        collective_discussion=True,
        leader_signoff="陈主任",
        feedback_text="经核查，反映的问题部分属实，已责令整改。" if named else "",
        summary="部分属实，谈话提醒",
    )


def photo(data: bytes = b"\xff\xd8\xff\xe0fake-jpeg-bytes") -> EvidenceUpload:
    from core.model import EvidenceKind

    return EvidenceUpload(EvidenceKind.PHOTO, "现场.jpg", "image/jpeg", data)
