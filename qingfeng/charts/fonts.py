"""The fonts a chart is drawn with: the CJK subset the project ships first, so Chinese renders on any machine.

A new machine has no CJK font (matplotlib would draw every hanzi as a box) and no PyPI package ships one, so
``fonts/QingfengSansSC-Regular.otf`` (a subset of Noto Sans CJK SC, SIL OFL 1.1, made by
scripts/make_font_subset.py) is registered with matplotlib's font manager and named first in every chart's
font list. matplotlib (≥ 3.6) falls back glyph by glyph along that list: after the subset come the full CJK
fonts the machine may have (a unit name with a character outside GB2312) and DejaVu Sans, which matplotlib
ships (Latin, Greek, Cyrillic). A character none of them has would still be a box: :func:`uncovered` finds
those before drawing, and the caller logs them, so no box goes out silently.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from matplotlib import font_manager

log = logging.getLogger(__name__)

FONT_FILE = Path(__file__).resolve().parent / "fonts" / "QingfengSansSC-Regular.otf"
FAMILY = "Qingfeng Sans SC"  # the family name scripts/make_font_subset.py writes into the subset
LATIN_FALLBACK = "DejaVu Sans"  # bundled with matplotlib
SYSTEM_CJK = (  # full fonts a machine may have (fonts-noto-cjk, fonts-wqy-microhei, Windows, macOS)
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
)


@cache
def _register() -> None:
    font_manager.fontManager.addfont(FONT_FILE)


@cache
def families(system_fonts: bool = True) -> tuple[str, ...]:
    """The font list for every text of a chart, the shipped subset first.

    ``system_fonts=False`` leaves out whatever CJK fonts the machine has, so that a test draws exactly as a
    fresh machine would.
    """
    _register()
    installed = {f.name for f in font_manager.fontManager.ttflist}
    extra = tuple(name for name in SYSTEM_CJK if name in installed) if system_fonts else ()
    return (FAMILY, *extra, LATIN_FALLBACK)


@cache
def _charmap(family: str) -> frozenset[int]:
    prop = font_manager.FontProperties(family=family)
    path = font_manager.fontManager.findfont(prop, fallback_to_default=False)
    return frozenset(font_manager.get_font(path).get_charmap())


def uncovered(texts: Iterable[str], chain: tuple[str, ...]) -> str:
    """The characters of ``texts`` that no font of ``chain`` has (each once, in order): they would be boxes."""
    seen: dict[str, None] = {}
    for text in texts:
        for ch in text:
            if ch.isprintable() and not ch.isspace() and not any(ord(ch) in _charmap(f) for f in chain):
                seen[ch] = None
    return "".join(seen)


def properties(chain: tuple[str, ...], size: float, weight: str = "normal") -> font_manager.FontProperties:
    return font_manager.FontProperties(family=list(chain), size=size, weight=weight)
