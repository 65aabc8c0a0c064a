"""Small rule modules: jurisdiction routing (§5), form limits (§6), query codes and passwords, the Vault."""

from __future__ import annotations

import math
import os
import re

import pytest
from cryptography.fernet import Fernet

from core import secrets_
from core.crypto import KeyMaterialError, Vault
from core.errors import InvalidInput
from core.jurisdiction import DEFAULT_HANDLES, UnitInfo, _region_match, most_senior, route
from core.model import CadreLevel, Category, Channel, EvidenceKind, ReportType, UnitLevel
from core.reports import (
    EVIDENCE_MAX_BYTES,
    EVIDENCE_MAX_TOTAL,
    EvidenceUpload,
    NewReport,
    PersonReported,
    ReporterIdentity,
    StagedEvidence,
    check_evidence,
    normalise_phone,
    valid_id_number,
)

L = CadreLevel

# ============================================================================================================
# Jurisdiction (rules.md §5)


def unit(uid: int, level: UnitLevel, region: str) -> UnitInfo:
    return UnitInfo(uid, f"U{uid}", level, region, frozenset(DEFAULT_HANDLES[level]))


CENTRAL = unit(1, UnitLevel.CENTRAL, "")
GUANGDONG = unit(2, UnitLevel.PROVINCE, "广东")
GUANGZHOU = unit(3, UnitLevel.CITY, "广东/广州")
TIANHE = unit(4, UnitLevel.COUNTY, "广东/广州/天河")
YUEXIU = unit(5, UnitLevel.COUNTY, "广东/广州/越秀")
HUNAN = unit(6, UnitLevel.PROVINCE, "湖南")
UNITS = [CENTRAL, GUANGDONG, GUANGZHOU, TIANHE, YUEXIU, HUNAN]


@pytest.mark.parametrize(
    ("levels", "region", "expected"),
    [
        ([L.MINISTERIAL], "广东/广州/天河", CENTRAL),  # 中管干部
        ([L.BUREAU], "广东/广州/天河", GUANGDONG),  # 省管
        ([L.COUNTY_DIVISION], "广东/广州/天河", GUANGZHOU),  # 市管
        ([L.TOWNSHIP_SECTION], "广东/广州/天河", TIANHE),  # 县管
        ([L.VILLAGE], "广东/广州/天河/石牌街道/某村", TIANHE),  # deeper place, county prefix
        ([L.STAFF, L.BUREAU, L.VILLAGE], "广东/广州/越秀", GUANGDONG),  # the most senior person decides
        ([L.UNKNOWN, L.COUNTY_DIVISION], "广东/广州/越秀", GUANGZHOU),
        ([L.UNKNOWN], "广东/广州/越秀", YUEXIU),  # unknown level → county of the place
        ([], "广东/广州/越秀", YUEXIU),  # nobody's level given: same
        ([L.BUREAU], "湖南/长沙/岳麓", HUNAN),
        # a county-level person in a county we have no unit for: the best regional match, officers transfer
        ([L.TOWNSHIP_SECTION], "湖南/长沙/岳麓", HUNAN),
        ([L.UNKNOWN], "广东/深圳/南山", GUANGDONG),
    ],
    ids=lambda v: ",".join(x.value for x in v) if isinstance(v, list) else None,
)
def test_route(levels: list[CadreLevel], region: str, expected: UnitInfo) -> None:
    assert route(levels, region, UNITS, home=TIANHE) == expected


def test_route_without_any_matching_unit_goes_home() -> None:
    local = [GUANGDONG, GUANGZHOU, TIANHE]  # no central unit whose empty region matches everything
    assert route([L.BUREAU], "浙江/杭州/西湖", local, home=TIANHE) == TIANHE
    assert route([L.BUREAU], "浙江/杭州/西湖", local, home=None) == GUANGDONG  # first configured unit
    with pytest.raises(ValueError, match="no units"):
        route([L.BUREAU], "广东", [], home=None)


def test_region_match_compares_whole_segments() -> None:
    assert _region_match("广东/广州", "广东/广州/天河") == 2
    assert _region_match("/广东/广州/", "广东/广州") == 2  # stray slashes ignored
    assert _region_match("", "广东") == 0  # the central unit matches everywhere, least specifically
    assert _region_match("广东/广州", "广东/广州市/天河") == -1  # "广州" is not a prefix segment of "广州市"
    assert _region_match("广东/广州/天河", "广东/广州") == -1  # the unit is more specific than the place
    assert _region_match("湖南", "广东/湖南") == -1


def test_most_senior() -> None:
    assert most_senior([L.VILLAGE, L.SOE_MANAGER, L.STAFF]) == L.SOE_MANAGER
    assert most_senior([L.UNKNOWN, L.OTHER]) == L.OTHER
    assert most_senior([]) == L.UNKNOWN


def test_every_cadre_level_is_handled_by_exactly_one_default_unit_level() -> None:
    handled = [lv for levels in DEFAULT_HANDLES.values() for lv in levels]
    assert sorted(handled) == sorted(CadreLevel)


# ============================================================================================================
# Form limits (rules.md §6)


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("13800138000", "13800138000"),
        ("+8613800138000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("86-19912345678", "19912345678"),
        (" 15012345678 ", "15012345678"),
        ("010-12345678", "010-12345678"),  # Beijing landline
        ("0755-1234567", "0755-1234567"),  # 7-digit local number
        ("01012345678", "01012345678"),
        ("(010)12345678", "01012345678"),
        ("（0755）87654321", "075587654321"),  # full-width brackets
        ("010-12345678-801", "010-12345678-801"),  # extension
    ],
)
def test_phone_numbers_accepted(raw: str, normalised: str) -> None:
    assert normalise_phone(raw) == normalised


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "12800138000",  # mobile numbers start 13–19
        "1380013800",  # 10 digits
        "138001380001",  # 12 digits
        "+1 415 555 0100",
        "10-12345678",  # area code must start with 0
        "010-123456",  # local number too short
        "电话13800138000",
        "abc",
    ],
)
def test_phone_numbers_refused(raw: str) -> None:
    with pytest.raises(InvalidInput) as exc:
        normalise_phone(raw)
    assert exc.value.field == "phone"


# A valid ID number computed by hand (GB 11643, ISO 7064 MOD 11-2):
#   digits   4  4  0  1  0  6  2  0  0  0  0  1  0  1  1  2  3
#   weights  7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
#   products 28 36 0  5  0 24  4  0  0  0  0  9  0  5  8  8  6  → sum 133; 133 mod 11 = 1 → check "0"
VALID_ID = "440106200001011230"
# The textbook example: sum 167, 167 mod 11 = 2 → check "X"
VALID_ID_X = "11010519491231002X"


def test_id_number_checksum() -> None:
    assert valid_id_number(VALID_ID)
    assert valid_id_number(VALID_ID_X)
    assert valid_id_number(VALID_ID_X.lower())
    assert valid_id_number(f" {VALID_ID} ")
    for wrong in "123456789X":
        if wrong != "0":
            assert not valid_id_number(VALID_ID[:17] + wrong)
    assert not valid_id_number("440106200001011203")  # two digits swapped
    assert not valid_id_number(VALID_ID[:17])  # 17 characters
    assert not valid_id_number("44010620000101123X0")
    assert not valid_id_number("4401062000010112X0")  # X only as the check character


def test_reporter_identity_validation() -> None:
    ok = ReporterIdentity(name="  张三  ", phone="+86 138 0013 8000", id_number=VALID_ID_X.lower()).validated()
    assert ok == ReporterIdentity(name="张三", phone="13800138000", id_number=VALID_ID_X, address="")
    assert ReporterIdentity(name="张" * 20, phone="13800138000").validated().name == "张" * 20
    for name in ("张", " 张 ", "张" * 21):
        with pytest.raises(InvalidInput) as exc:
            ReporterIdentity(name=name, phone="13800138000").validated()
        assert exc.value.field == "reporter_name"
    with pytest.raises(InvalidInput) as exc:
        ReporterIdentity(name="张三", phone="13800138000", id_number="440106200001011231").validated()
    assert exc.value.field == "id_number"
    with pytest.raises(InvalidInput) as exc:
        ReporterIdentity(name="张三", phone="13800138000", address="地" * 101).validated()
    assert exc.value.field == "address"


def person(**kw: str) -> PersonReported:
    return PersonReported(**{"unit": "某镇人民政府", "region": "广东/广州/天河", "name": "李四", **kw})  # type: ignore[arg-type]


def report(**kw: object) -> NewReport:
    fields: dict[str, object] = {
        "report_type": ReportType.ACCUSATION,
        "category": Category.INTEGRITY,
        "facts": "2026年3月，某镇副镇长李四在其子婚宴上收受管理对象礼金。",
        "persons": (person(),),
        "reporter": ReporterIdentity(name="张三", phone="13800138000"),
    }
    fields.update(kw)
    return NewReport(**fields)  # type: ignore[arg-type]


def refused_field(r: NewReport) -> str:
    with pytest.raises(InvalidInput) as exc:
        r.validated()
    return exc.value.field


def test_facts_limit() -> None:
    assert len(report(facts="事" * 4000).validated().facts) == 4000
    assert refused_field(report(facts="事" * 4001)) == "facts"
    assert refused_field(report(facts="   ")) == "facts"


def test_persons_limit() -> None:
    assert len(report(persons=(person(),) * 10).validated().persons) == 10
    assert refused_field(report(persons=(person(),) * 11)) == "persons"
    assert refused_field(report(persons=())) == "persons"


def test_person_needs_a_name_or_a_unit_within_limits() -> None:
    assert person(name="").validated().unit == "某镇人民政府"
    assert refused_field(report(persons=(person(name="", unit=" "),))) == "person"
    assert refused_field(report(persons=(person(unit="单" * 101),))) == "person_unit"
    assert refused_field(report(persons=(person(name="名" * 21),))) == "person_name"
    assert refused_field(report(persons=(person(post="职" * 51),))) == "person_post"


def test_anonymous_online_reports_need_a_query_password() -> None:
    assert refused_field(report(reporter=None)) == "query_password"
    assert refused_field(report(reporter=None, query_password="short7!")) == "query_password"
    anon = report(reporter=None, query_password="longenough").validated()
    assert not anon.named and not anon.notify_opt_in
    assert report(reporter=None, channel=Channel.LETTER).validated().query_password is None  # a letter has no login
    assert report().validated().notify_opt_in  # named reporters are always notified


def upload(name: str, size: int = 10) -> EvidenceUpload:
    return EvidenceUpload(EvidenceKind.DOCUMENT, name, "application/octet-stream", bytes(size))


def evidence_problem(files: tuple[EvidenceUpload, ...], staged: tuple[StagedEvidence, ...] = ()) -> str:
    with pytest.raises(InvalidInput) as exc:
        check_evidence(files, staged)
    assert exc.value.field == "evidence"
    return exc.value.problem


def test_evidence_count_and_type() -> None:
    check_evidence(tuple(upload(f"照片{i}.JPG") for i in range(10)))
    assert evidence_problem(tuple(upload(f"p{i}.jpg") for i in range(11))) == "at most 10 files"
    assert evidence_problem((upload("invoice.pdf"), upload("setup.exe"))) == "type .exe not accepted"
    assert evidence_problem((upload("README"),)) == "type .? not accepted"
    assert evidence_problem((upload("photo.jpg.exe"),)) == "type .exe not accepted"
    check_evidence((upload("a.docx"), upload("b.m4a"), upload("c.ogg"), upload("d.mp4"), upload("e.png")))


def test_evidence_sizes() -> None:
    big = bytes(EVIDENCE_MAX_BYTES)  # exactly 20 MB: allowed; shared by reference, so cheap to repeat
    check_evidence((EvidenceUpload(EvidenceKind.VIDEO, "v.mp4", "video/mp4", big),))
    too_big = EvidenceUpload(EvidenceKind.VIDEO, "v.mp4", "video/mp4", big + b"\0")
    assert evidence_problem((too_big,)) == "file larger than 20 MB"
    five = tuple(EvidenceUpload(EvidenceKind.VIDEO, f"v{i}.mp4", "video/mp4", big) for i in range(5))
    assert sum(len(f.data) for f in five) == EVIDENCE_MAX_TOTAL
    check_evidence(five)  # exactly 100 MB in all: allowed
    extra = EvidenceUpload(EvidenceKind.PHOTO, "x.jpg", "image/jpeg", b"\xff")
    assert evidence_problem((*five, extra)) == "more than 100 MB in all"


def staged(i: int, size: int) -> StagedEvidence:
    return StagedEvidence(EvidenceKind.PHOTO, f"s{i}.jpg", "image/jpeg", size, "0" * 64, f"k{i}")


def test_staged_evidence_counts_towards_the_limits() -> None:
    check_evidence((upload("a.jpg"),), tuple(staged(i, 10) for i in range(9)))  # 10 files in all
    assert evidence_problem((upload("a.jpg"),), tuple(staged(i, 10) for i in range(10))) == "at most 10 files"
    nearly_full = (*(staged(i, 20 * 1024 * 1024) for i in range(4)), staged(9, 19 * 1024 * 1024))
    check_evidence((upload("a.jpg", 1024 * 1024),), nearly_full)  # exactly 100 MB
    assert evidence_problem((upload("a.jpg", 1024 * 1024 + 1),), nearly_full) == "more than 100 MB in all"


# ============================================================================================================
# Query codes and passwords


ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_RE = re.compile(r"^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}(?:-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}){3}$")


def test_query_code_format_and_entropy() -> None:
    assert secrets_._ALPHABET == ALPHABET
    assert len(set(ALPHABET)) == 31
    assert not set(ALPHABET) & set("01OIL")  # no look-alikes
    assert secrets_.CODE_LENGTH == 20
    assert 20 * math.log2(31) > 99  # ≥16 random chars required (rules.md §6); ~99 bits here
    codes = [secrets_.new_query_code() for _ in range(1000)]
    assert all(CODE_RE.match(c) for c in codes)
    assert len(set(codes)) == 1000
    symbols = "".join(secrets_.normalise_code(c) for c in codes)
    assert len(symbols) == 20_000
    assert set(symbols) == set(ALPHABET)  # every symbol drawn (P(miss one) ≈ 31·(30/31)^20000 ≈ 0)


def test_normalise_code_accepts_what_people_type() -> None:
    code = secrets_.new_query_code()
    assert secrets_.normalise_code(code) == code.replace("-", "")
    assert secrets_.normalise_code(f"  {code.lower().replace('-', ' ')} ") == code.replace("-", "")


def test_password_hash_and_verify() -> None:
    stored = secrets_.hash_password("我的查询密码2026")
    again = secrets_.hash_password("我的查询密码2026")
    assert stored.startswith("scrypt$16384$8$1$")
    assert stored != again  # a fresh salt each time
    assert stored.split("$")[4] != again.split("$")[4]
    assert secrets_.verify_password("我的查询密码2026", stored)
    assert secrets_.verify_password("我的查询密码2026", again)
    assert not secrets_.verify_password("我的查询密码2027", stored)
    assert "我的查询密码2026" not in stored


@pytest.mark.parametrize("stored", ["", "plain", "scrypt$16384$8$1$!!!$???", "a$b$c$d$e$f"])
def test_verify_password_refuses_malformed_hashes(stored: str) -> None:
    assert secrets_.verify_password("whatever1", stored) is False


# ============================================================================================================
# Vault


def new_vault(*keys: bytes, index_key: bytes | None = None) -> Vault:
    return Vault(list(keys) or [Fernet.generate_key()], index_key or os.urandom(32))


def test_vault_round_trips() -> None:
    v = new_vault()
    token = v.encrypt("举报人：张三".encode())
    assert "张三".encode() not in token
    assert v.decrypt(token) == "举报人：张三".encode()
    assert v.dec_text(v.enc_text("李四")) == "李四"
    assert v.enc_text(None) is None and v.dec_text(None) is None
    value = {"name": "张三", "phone": "13800138000", "n": [1, 2]}
    assert v.dec_json(v.enc_json(value)) == value
    assert v.encrypt(b"same") != v.encrypt(b"same")  # random IV


def test_vault_refuses_tampered_or_foreign_tokens() -> None:
    v = new_vault()
    token = bytearray(v.encrypt(b"secret"))
    token[40] ^= 0x01
    with pytest.raises(KeyMaterialError):
        v.decrypt(bytes(token))
    with pytest.raises(KeyMaterialError):
        new_vault().decrypt(v.encrypt(b"secret"))  # another key
    with pytest.raises(KeyMaterialError):
        v.decrypt(b"not a token")
    with pytest.raises(KeyMaterialError):
        Vault([], os.urandom(32))


def test_blind_index_is_stable_normalised_and_keyed() -> None:
    index_key = os.urandom(32)
    v = new_vault(index_key=index_key)
    h = v.index("phone", "13800138000")
    assert re.fullmatch(r"[0-9a-f]{64}", h)
    assert new_vault(index_key=index_key).index("phone", "13800138000") == h  # other encryption key: same
    assert v.index("name", "  Zhang   San ") == v.index("name", "zhang san") == v.index("name", "ZHANG\tSAN")
    assert v.index("name", "zhang san") != v.index("name", "zhangsan")
    assert v.index("phone", "13800138000") != v.index("name", "13800138000")  # purpose separates
    assert new_vault().index("phone", "13800138000") != h  # another index key


def test_key_rotation() -> None:
    old_key, new_key = Fernet.generate_key(), Fernet.generate_key()
    index_key = os.urandom(32)
    old_token = new_vault(old_key, index_key=index_key).encrypt(b"payload")
    rotated_vault = new_vault(new_key, old_key, index_key=index_key)  # newest first
    assert rotated_vault.decrypt(old_token) == b"payload"
    assert Fernet(new_key).decrypt(rotated_vault.encrypt(b"fresh")) == b"fresh"  # writes use the new key
    rotated = rotated_vault.rotate(old_token)
    assert new_vault(new_key, index_key=index_key).decrypt(rotated) == b"payload"  # old key no longer needed
    assert Fernet(new_key).decrypt(rotated) == b"payload"
    with pytest.raises(KeyMaterialError):
        new_vault(old_key, index_key=index_key).decrypt(rotated)


def test_belongs_higher_only_when_the_person_is_above_every_level_the_unit_handles() -> None:
    from core.jurisdiction import DEFAULT_HANDLES, UnitInfo, belongs_higher
    from core.model import UnitLevel

    county = UnitInfo(1, "LA", UnitLevel.COUNTY, "浙江省/杭州市/临安区", frozenset(DEFAULT_HANDLES[UnitLevel.COUNTY]))
    city = UnitInfo(2, "HZ", UnitLevel.CITY, "浙江省/杭州市", frozenset(DEFAULT_HANDLES[UnitLevel.CITY]))
    assert belongs_higher(county, [CadreLevel.COUNTY_DIVISION])  # 县处级 is the city's (rules.md §5)
    assert belongs_higher(county, [CadreLevel.VILLAGE, CadreLevel.BUREAU])  # the most senior decides
    assert not belongs_higher(county, [CadreLevel.VILLAGE, CadreLevel.UNKNOWN])
    assert not belongs_higher(city, [CadreLevel.VILLAGE])  # lower, not higher: transfer down (D2), not D1
    assert belongs_higher(city, [CadreLevel.MINISTERIAL])
