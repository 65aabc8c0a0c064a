"""Evidence content checks (rules.md §6 附件): spreadsheets are accepted when their content is what the name
says (issue 12 item 7) — xlsx an OOXML workbook, xls a compound file with a workbook stream, csv text in UTF-8
or GBK — and refused when it is something else, carries macros, or has cells a spreadsheet would run."""

from __future__ import annotations

import pytest

from core.errors import InvalidInput
from core.evidence.filetypes import check_file
from core.model import EvidenceKind
from tests.factories import compound_file, ooxml

CSV_UTF8 = "姓名,户主,享受低保金额\n李某某,李某某,650\n张某,张某某,-120.5\n王某,,+86 138 0013 8000\n".encode()
CSV_GBK = '村民小组,姓名,金额（元）\n一组,赵某,580\n二组,"钱某，钱某某","1,200"\n'.encode("gbk")


def problem(name: str, data: bytes) -> str:
    with pytest.raises(InvalidInput) as exc:
        check_file(name, data)
    return exc.value.problem


def test_spreadsheets_are_accepted_by_content() -> None:
    assert check_file("低保名单.xlsx", ooxml("xl/workbook.xml", "xl/worksheets/sheet1.xml")) is EvidenceKind.DOCUMENT
    assert check_file("台账.XLS", compound_file("Workbook", "\x05SummaryInformation")) is EvidenceKind.DOCUMENT
    assert check_file("old.xls", compound_file("Book")) is EvidenceKind.DOCUMENT
    assert check_file("名单.csv", CSV_UTF8) is EvidenceKind.DOCUMENT
    assert check_file("名单.csv", b"\xef\xbb\xbf" + CSV_UTF8) is EvidenceKind.DOCUMENT  # Excel's "CSV UTF-8"
    assert check_file("账目.csv", CSV_GBK) is EvidenceKind.DOCUMENT  # what a Chinese Excel saves as "CSV"
    assert check_file("合同.docx", ooxml("word/document.xml")) is EvidenceKind.DOCUMENT
    assert check_file("合同.doc", compound_file("WordDocument", "1Table")) is EvidenceKind.DOCUMENT


def test_spreadsheets_that_are_something_else_are_refused() -> None:
    assert problem("名单.xlsx", ooxml("word/document.xml")) == "content"  # a Word file renamed
    assert problem("名单.xlsx", b"PK\x03\x04" + b"\x00" * 200) == "content"  # not a readable zip
    assert problem("名单.xls", compound_file("WordDocument")) == "content"
    assert problem("setup.xls", compound_file("\x05DigitalSignature", "MsiFileHash")) == "content"  # an installer
    assert problem("名单.xls", b"MZ\x90\x00" + b"\x00" * 100) == "content"
    assert problem("名单.csv", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100) == "content"  # binary
    assert problem("名单.csv", "姓名,金额\n".encode("utf-16")) == "content"
    assert problem("名单.csv", b"\x81\x30") == "content"  # neither UTF-8 nor GB18030
    assert problem("名单.csv", b"  \n\n") == "content"
    assert problem("名单.csv", b"name,\x1b[31mred\n") == "content"


def test_macros_and_formulas_are_refused() -> None:
    assert problem("名单.xlsx", ooxml("xl/workbook.xml", "xl/vbaProject.bin")) == "macro"
    macro_types = '<Types><Override ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>'
    assert problem("名单.xlsx", ooxml("xl/workbook.xml", content_types=macro_types)) == "macro"
    assert problem("名单.xls", compound_file("Workbook", "_VBA_PROJECT")) == "macro"
    assert problem("名单.csv", b'name,amount\nx,=HYPERLINK("http://evil")\n') == "formula"
    assert problem("名单.csv", b'name,amount\nx,"=1+1"\n') == "formula"
    assert problem("名单.csv", b"name,amount\n@SUM(A1),1\n") == "formula"
    assert problem("名单.csv", b"name,amount\n-cmd|' /C calc'!A0,1\n") == "formula"


def test_limits_are_kept() -> None:
    assert problem("名单.xlsm", ooxml("xl/workbook.xml")) == "type"
    assert problem("名单.csv", b"a," * (10 * 1024 * 1024 + 1)) == "size"
