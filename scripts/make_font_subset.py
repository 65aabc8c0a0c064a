"""Regenerate the CJK font the charts ship (qingfeng/charts/fonts/): a subset of Noto Sans CJK SC Regular.

A new machine has no CJK font and no PyPI package ships one, so the charts carry their own: the Simplified
Chinese face of Debian's ``fonts-noto-cjk`` (SIL Open Font License 1.1), cut down with fontTools to what chart
labels can hold — all of GB2312 (6,763 hanzi, both levels: unit and region names reach into level 2, e.g. 亳 濮 鄞),
ASCII and Latin-1, general and CJK punctuation, full-width forms, circled and Roman numerals, arrows and every
character of the project's own texts (the message catalogues, the knowledge base). Run it after adding
messages with characters the font lacks (tests/unit/test_chart_fonts.py says which)::

    apt-get install -y fonts-noto-cjk   # the source only; nothing at run time needs it
    .venv/bin/python scripts/make_font_subset.py

The subset is renamed (OFL §3: a Modified Version keeps no Reserved Font Name, here "Source") so that it never
shadows a full Noto CJK installed on the machine; its copyright and licence stay in the name table and OFL.txt.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FACE = "Noto Sans CJK SC"
TARGET = ROOT / "qingfeng" / "charts" / "fonts" / "QingfengSansSC-Regular.otf"
FAMILY = "Qingfeng Sans SC"  # the chart code finds the font by this name (qingfeng.charts.fonts)
PROJECT_TEXTS = ("locales/*/LC_MESSAGES/*.po", "core/knowledge/*.toml")

RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: · × ÷ ° ±
    (0x2010, 0x205E),  # general punctuation: – — ‘ ’ “ ” … ‰ ※
    (0x2100, 0x214F),  # letterlike: ℃ № ℉
    (0x2160, 0x217F),  # Roman numerals Ⅰ–Ⅻ
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # maths: ≤ ≥ ≈ ∞
    (0x2460, 0x24FF),  # circled numbers ①–⑳
    (0x25A0, 0x25FF),  # geometric shapes: ■ □ ▲ ●
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。〈〉《》「」【】〔〕
    (0x3200, 0x32FF),  # enclosed CJK: ㈠ ㊣
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms: （）：；，！？０-９Ａ-Ｚ
)


def gb2312() -> set[str]:
    """Every character of GB2312: rows 0xA1–0xA9 are symbols, 0xB0–0xD7 level-1 hanzi, 0xD8–0xF7 level 2."""
    chars: set[str] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def project_characters() -> set[str]:
    return {ch for pattern in PROJECT_TEXTS for path in ROOT.glob(pattern) for ch in path.read_text("utf-8")}


def wanted() -> set[int]:
    chars = gb2312() | project_characters()
    codepoints = {ord(ch) for ch in chars if ch.isprintable() or ch == "\u3000"}
    for low, high in RANGES:
        codepoints.update(range(low, high + 1))
    return codepoints


def source_face(path: Path) -> TTFont:
    for font in TTCollection(str(path)).fonts:
        if font["name"].getDebugName(1) == SOURCE_FACE:
            return font
    raise SystemExit(f"{SOURCE_FACE} not in {path}")


def rename(font: TTFont) -> None:
    """Give the subset its own family name (nameIDs 1, 4, 6, 16, 17); copyright (0) and licence (13, 14) stay."""
    names = font["name"]
    full, postscript = f"{FAMILY} Regular", FAMILY.replace(" ", "") + "-Regular"
    for record in list(names.names):
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (2, 17):
            record.string = "Regular"
        elif record.nameID == 4:
            record.string = full
        elif record.nameID == 6:
            record.string = postscript
        elif record.nameID == 3:
            record.string = f"{postscript};subset of {SOURCE_FACE}"
    names.setName(f"A subset of {SOURCE_FACE} Regular for the charts of Qingfeng (GB2312 and more).", 10, 3, 1, 0x409)
    if "CFF " in font:  # a CFF font names itself inside the CFF table too
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        for field in ("FullName", "FamilyName"):
            if hasattr(top, field):
                setattr(top, field, full if field == "FullName" else FAMILY)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the Noto Sans CJK collection (.ttc)")
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1643241600")  # the source's release: the same input, the same bytes
    font = source_face(args.source)
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.name_languages = ["*"]
    options.notdef_outline = True  # a missing glyph draws the .notdef box, which the tests look for
    options.layout_features = ["ccmp", "locl", "kern"]  # matplotlib lays text out horizontally
    options.hinting = False  # matplotlib auto-hints (rcParams["text.hinting"]); the CFF hints are a fifth of the size
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted()))
    subsetter.subset(font)
    rename(font)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(args.output))
    cmap = font.getBestCmap()
    hanzi = sum(1 for cp in cmap if 0x4E00 <= cp <= 0x9FFF)
    print(f"{args.output}: {args.output.stat().st_size:,} bytes, {len(cmap):,} characters ({hanzi:,} hanzi)")


if __name__ == "__main__":
    main()
