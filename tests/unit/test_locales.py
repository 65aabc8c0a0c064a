"""Every sentence lives in locales/: both languages have the same keys and placeholders, and every key the
code uses is there."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from bot.i18n import LOCALES, Translator
from core import errors
from core.model import ReferTo
from core.workflow import PublicStatus

ROOT = Path(__file__).resolve().parents[2]
KEY_PREFIXES = ("start.", "help.", "lang.", "fallback.", "run.", "notify.", "error.", "public.", "stats.")


@pytest.fixture(scope="module")
def tr() -> Translator:
    return Translator.load()


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalogues_have_the_same_keys_and_placeholders(tr: Translator) -> None:
    zh, en = (tr.catalogues[loc] for loc in LOCALES)
    assert set(zh) == set(en)
    for key in zh:
        assert _fields(zh[key]) == _fields(en[key]), key


def test_every_key_used_in_code_exists(tr: Translator) -> None:
    prefixes = "|".join(re.escape(p) for p in KEY_PREFIXES)
    pattern = re.compile(rf"\"((?:{prefixes})[a-z_.]+)\"")
    used = {
        m.group(1)
        for folder in ("core", "bot", "qingfeng")
        for path in (ROOT / folder).rglob("*.py")
        for m in pattern.finditer(path.read_text(encoding="utf-8"))
    }
    assert used, "no keys found: the scan is broken"
    missing = {k for k in used if not k.endswith(".") and not tr.has(k, "zh-CN")}
    assert not missing


def test_labels_for_every_public_status_referral_and_error(tr: Translator) -> None:
    for status in PublicStatus:
        assert tr.has(f"public.{status.value}", "en")
    for body in ReferTo:
        assert tr.has(f"enum.ReferTo.{body.value}", "zh-CN")
    for cls in (
        errors.IllegalTransition,
        errors.NotPermitted,
        errors.GuardFailed,
        errors.NotFound,
        errors.InvalidInput,
    ):
        assert tr.has(cls.key, "zh-CN"), cls


def test_notification_rendering_fills_labels(tr: Translator) -> None:
    text = tr.notification("en", "notify.reporter.status", {"number": "XF-2026-000001", "status": "in_progress"})
    assert (
        text
        == "There is progress on your report (no. XF-2026-000001): accepted, being handled. Use /status for details."
    )
    zh = tr.notification("zh-CN", "notify.reporter.not_accepted", {"number": "N", "refer_to": "market", "reason": "R"})
    assert "市场监督管理部门（12315）" in zh


def test_locale_normalisation_and_fallback(tr: Translator) -> None:
    assert tr.t("zh-hans", "lang.changed") == tr.t("zh-CN", "lang.changed")
    assert tr.t("en-US", "lang.changed") == "Language switched to English."
    assert tr.t("fr", "lang.changed") == tr.t("zh-CN", "lang.changed")  # unsupported → default
    assert tr.t("en", "no.such.key") == "no.such.key"


def test_every_label_the_officer_screens_use_exists(tr: Translator) -> None:
    from core.calendar.deadlines import DeadlineKind
    from core.model import Action, CaseState, DisposalMethod, Finding
    from core.workflow import GUARDS

    keys = [f"state.{s.value}" for s in CaseState] + [f"deadline.{k.value}" for k in DeadlineKind]
    keys += [f"enum.Finding.{f.value}" for f in Finding] + [f"enum.DisposalMethod.{m.value}" for m in DisposalMethod]
    # every action an officer can take from the card (the transfer button covers both directions)
    keys += [f"action.{a.value}" for a in GUARDS if a not in (Action.TRANSFER_DOWN, Action.OBJECT)]
    keys += [f"action.{Action.ASK_REPORTER.value}"]
    problem_keys = set(
        re.findall(
            r'"((?:guard|closure)\.[a-z_]+)"',
            "".join(p.read_text(encoding="utf-8") for p in (ROOT / "core").rglob("*.py")),
        )
    )
    assert problem_keys, "the scan found no guard keys"
    missing = [k for k in [*keys, *problem_keys] for loc in LOCALES if not tr.has(k, loc)]
    assert not missing


def test_every_scope_reason_and_referral_text_exists(tr: Translator) -> None:
    """The classifier's reasons (core/scope) and, for every body, its reason and how-to-reach text."""
    keys = {
        m.group(1)
        for path in (ROOT / "core" / "scope").glob("*.py")
        for m in re.finditer(r"\"(scope\.reason\.[a-z_.]+[a-z])\"", path.read_text(encoding="utf-8"))
    }
    assert "scope.reason.refer.case_filing" in keys, "the scan found no reason keys"
    keys |= {k for body in ReferTo for k in (f"scope.reason.refer.{body.value}", f"scope.how.{body.value}")}
    assert [k for k in sorted(keys) for loc in LOCALES if not tr.has(k, loc)] == []
