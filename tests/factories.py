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


def ooxml(main: str, *extra: str, content_types: str = "") -> bytes:
    """A small OOXML package: [Content_Types].xml, the main part (``xl/workbook.xml``, ``word/document.xml``)."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types or '<?xml version="1.0"?><Types xmlns="http://schemas'
                    '.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType='
                    '"application/xml"/></Types>')  # fmt: skip
        zf.writestr("_rels/.rels", "<Relationships/>")
        for name in (main, *extra):
            zf.writestr(name, "<x>低保名单</x>")
    return buf.getvalue()


def compound_file(*streams: str) -> bytes:
    """An OLE2 compound file header and one directory sector naming ``streams`` (how .xls/.doc are stored)."""
    import struct

    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x18:0x1E] = struct.pack("<HHH", 0x3E, 3, 0xFFFE)
    header[0x1E:0x20] = struct.pack("<H", 9)  # 512-byte sectors
    header[0x30:0x34] = struct.pack("<I", 0)  # the directory starts in sector 0
    directory = bytearray()
    for i, name in enumerate(("Root Entry", *streams)):
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[: len(encoded)] = encoded
        entry[64:66] = struct.pack("<H", len(encoded))
        entry[66] = 5 if i == 0 else 2
        directory += entry
    directory += bytes(-len(directory) % 512)
    return bytes(header) + bytes(directory) + b"\x09\x08" + bytes(510)
