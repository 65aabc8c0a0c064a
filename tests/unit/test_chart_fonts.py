"""The CJK font the charts ship: it covers what labels hold, it is what matplotlib draws with on a fresh machine
(no system CJK font is consulted), and what it lacks is caught, not drawn as boxes in silence."""

from __future__ import annotations

import contextlib
import logging
import re
import string
import warnings
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from bot.i18n import LOCALES, Translator
from core.model import Category, ReferTo, Satisfaction
from qingfeng.charts import draw, fonts
from qingfeng.charts.data import ChartText, Counts

FRESH = fonts.families(system_fonts=False)  # what a machine without fonts-noto-cjk has
ABSENT = ("\u3400", "\u9f98")  # 㐀 (CJK extension A) and 龘: in no font of FRESH


@pytest.fixture(scope="module")
def cmap() -> set[int]:
    with TTFont(fonts.FONT_FILE, lazy=True) as font:
        return set(font.getBestCmap())


def chart_words() -> str:
    """Every text the charts take from the catalogues, and the labels callers put on bars, in both languages."""
    tr = Translator.load()
    keys = [k for k in tr.catalogues["zh-CN"] if k.startswith("stats.chart.")]
    assert len(keys) >= 10, "the scan found no chart messages"
    keys += [f"enum.Category.{c.value}" for c in Category] + [f"enum.ReferTo.{r.value}" for r in ReferTo]
    keys += [f"enum.Satisfaction.{s.value}" for s in Satisfaction]
    texts = [tr.t(loc, k) for loc in LOCALES for k in keys]
    return "".join(sorted({ch for text in texts for ch in text if not ch.isspace()}))


def gb2312() -> set[str]:
    chars = set()
    for high in range(0xB0, 0xF8):  # the hanzi rows: level 1 from 0xB0, level 2 from 0xD8
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((high, low)).decode("gb2312"))
    return chars


def test_the_font_covers_gb2312_punctuation_and_every_chart_word(cmap: set[int]) -> None:
    hanzi = gb2312()
    assert len(hanzi) == 6763
    assert not [ch for ch in sorted(hanzi) if ord(ch) not in cmap]
    marks = string.printable.strip() + "，。、：；！？（）《》「」【】“”‘’…—–·％＋－０１９ＡＺａｚ　①⑳ⅠⅫ℃≤≥"
    assert not [ch for ch in marks if ord(ch) not in cmap]
    words = chart_words()
    assert "满" in words and "劳" in words
    assert not [ch for ch in words if ord(ch) not in cmap]
    assert not [ch for ch in ABSENT if ord(ch) in cmap]


def test_the_font_is_small_renamed_and_carries_its_licence() -> None:
    size = fonts.FONT_FILE.stat().st_size
    assert 1_000_000 < size < 3_000_000
    with TTFont(fonts.FONT_FILE) as font:
        names = font["name"]
    assert names.getDebugName(1) == fonts.FAMILY
    assert "Source" not in (names.getDebugName(4) or "")  # OFL §3: the Reserved Font Name stays with the original
    assert "Adobe" in (names.getDebugName(0) or "")
    assert "Open Font License" in (names.getDebugName(13) or "")
    licence = (fonts.FONT_FILE.parent / "OFL.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Copyright 2014-2021 Adobe" in licence


def test_a_fresh_machine_draws_with_the_shipped_file_then_dejavu() -> None:
    assert FRESH == (fonts.FAMILY, fonts.LATIN_FALLBACK)
    found = font_manager.fontManager._find_fonts_by_props(fonts.properties(FRESH, 12))
    assert str(found[0]) == str(fonts.FONT_FILE)
    assert "DejaVuSans" in str(found[1])


LAST_RESORT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "LastResortHE-Regular.ttf"


def glyph(ch: str, font: FontProperties | None = None) -> np.ndarray:
    figure = Figure(figsize=(0.5, 0.5), dpi=100)
    canvas = FigureCanvasAgg(figure)
    figure.text(0.1, 0.25, ch, ha="left", va="baseline", fontproperties=font or fonts.properties(FRESH, 24))
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3].min(axis=2)


def box(ch: str) -> np.ndarray:
    """What a character no font has looks like: since matplotlib 3.11 the Last Resort font's box for its Unicode
    block (a box with a sample character in it), before that the first font's .notdef box."""
    if matplotlib.rcParams.get("font.enable_last_resort") and LAST_RESORT.exists():
        return glyph(ch, FontProperties(fname=LAST_RESORT, size=24))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return glyph(ABSENT[0])


def test_no_chart_word_draws_as_the_missing_glyph_box() -> None:
    """Pixels, not metadata: a character the fonts lack draws as its box (and matplotlib warns); no character of a
    chart word does, and each leaves ink."""
    with pytest.warns(UserWarning, match="missing from font") as caught:
        absent = {ch: glyph(ch) for ch in ABSENT}
    assert len(caught) == len(ABSENT)
    for ch, pixels in absent.items():
        assert np.array_equal(pixels, box(ch)) and (pixels < 128).any()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message="Glyph .* missing from font")  # fails the test
        drawn = {ch: glyph(ch) for ch in chart_words()}
    assert len(drawn) > 100
    assert [ch for ch, pixels in drawn.items() if np.array_equal(pixels, box(ch))] == []
    assert [ch for ch, pixels in drawn.items() if not (pixels < 160).any()] == []


def test_a_character_no_font_has_is_named_in_the_log_and_by_matplotlib(caplog: pytest.LogCaptureFixture) -> None:
    assert fonts.uncovered(["清风 Qingfeng 龘", "㐀龘"], FRESH) == "龘㐀"
    text = ChartText(title="信访举报 龘", no_data="本期没有数据")
    style = draw.Style(system_fonts=False)
    with caplog.at_level(logging.WARNING, logger="qingfeng.charts.draw"), pytest.warns(UserWarning, match="40856"):
        image = draw.png(draw.satisfaction(Counts.of({"满意": 1}), text, style))
    assert image.startswith(b"\x89PNG")
    assert [r.getMessage() for r in caplog.records if re.search("no font can draw: 龘$", r.getMessage())]
