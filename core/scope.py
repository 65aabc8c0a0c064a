"""Is a message the commission's business? accept, refer elsewhere, urgent, or unclear (rules.md §3, §8).

The judgement weighs who the person is (a public official or party member, or a private person) against what
is alleged (misuse of office, or a private dispute, a lost case, a compensation amount). When in doubt between
accept and refer it accepts: wrongly turning away a misconduct report is the worst error (rules.md §3.2).
Urgent content wins over everything else. The rules themselves are data in ``core/scope_rules.py``.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

import jieba

from core import scope_rules as R
from core.model import ReferTo, ReportType

log = logging.getLogger(__name__)


class Verdict(StrEnum):
    ACCEPT = "accept"
    REFER = "refer"
    URGENT = "urgent"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class ScopeDecision:
    verdict: Verdict
    kind: ReportType | None
    refer_to: ReferTo | None
    reason: str  # locale key: scope.reason.*
    rule: str
    faq: str | None = None  # a question about the process, answered from the FAQ
    signals: tuple[str, ...] = field(default=(), compare=False)  # what matched, for officers and tuning


#: The kind as the labelled data and ``qingfeng scope --jsonl`` write it (rules.md §3.1).
KIND_LABELS = {ReportType.ACCUSATION: "检举控告", ReportType.APPEAL: "申诉", ReportType.SUGGESTION: "批评建议"}

#: Referral bodies for which an official's involvement alone does not make it misconduct: the grievance is
#: about a ruling or a policy outcome (rules.md §3.2 "key judgement").
_OUTCOME_GRIEVANCES = frozenset({ReferTo.JUDICIAL, ReferTo.GOVERNMENT})


def _compile(patterns: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def normalise(text: str) -> str:
    """Full-width to half-width, one case, single spaces: "ＡＢＣ　１２３" and "abc 123" read the same."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


class ScopeClassifier:
    """Build once (jieba's dictionary load costs ~0.7 s), then ``classify`` in well under a millisecond."""

    def __init__(self) -> None:
        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.initialize()
        words = {*R.OFFICIAL_PERSONS, *R.PUBLIC_BODIES, *R.PRIVATE_ACTORS, *R.PRIVATE_RELATIONS}
        words.update(R.MISCONDUCT_STRONG, R.MISCONDUCT_ACTS)
        for ref in R.REFERRALS:
            words.update(ref.words)
        for word in words:
            if len(word) >= 2 and not word.isascii():
                self._tokenizer.add_word(word, freq=20000)
        self._urgent = _compile(R.URGENT_PATTERNS)
        self._urgent_exceptions = _compile(R.URGENT_EXCEPTIONS)
        self._office_use = _compile(R.OFFICE_USE_PATTERNS)
        self._appeal = _compile(R.APPEAL_PATTERNS)
        self._suggestion = _compile(R.SUGGESTION_PATTERNS)
        self._referral_patterns = {ref.refer_to: _compile(ref.patterns) for ref in R.REFERRALS}
        self._faq = {topic: re.compile(p) for topic, p in R.FAQ_PATTERNS.items()}

    def tokens(self, text: str) -> list[str]:
        return self._tokenizer.lcut(text)

    def classify(self, text: str) -> ScopeDecision:
        norm = normalise(text)
        tokens = set(self.tokens(norm))

        def found(words: tuple[str, ...]) -> list[str]:
            # Multi-character words also match inside longer tokens ("村支书记" contains "支书").
            return [w for w in words if w in tokens or (len(w) >= 2 and w in norm)]

        persons = found(R.OFFICIAL_PERSONS)
        officials = persons + found(R.PUBLIC_BODIES)
        strong = found(R.MISCONDUCT_STRONG)
        acts = found(R.MISCONDUCT_ACTS)
        office_use = self._office_use.search(norm)
        misconduct = bool(strong or office_use or (acts and officials))
        signals = tuple(officials[:3] + strong[:3] + (acts[:3] if officials else []))

        # 1. Danger first, whatever else the text says (rules.md §8, XF-25).
        if self._is_urgent(norm):
            kind = ReportType.ACCUSATION if misconduct else None
            return ScopeDecision(Verdict.URGENT, kind, None, "scope.reason.urgent", "§8, XF-25", signals=signals)

        # 2. Appeals against a disciplinary or supervisory decision (A3–A5, JC-69).
        if self._appeal.search(norm):
            return ScopeDecision(Verdict.ACCEPT, ReportType.APPEAL, None, "scope.reason.appeal", "R-4, JC-69")

        # 3. Misuse of office (A1, A2): accepted even when the matter also has a court or policy side.
        suggestion = bool(self._suggestion.search(norm))
        if misconduct:
            if suggestion and not (strong or office_use):
                return ScopeDecision(Verdict.ACCEPT, ReportType.SUGGESTION, None, "scope.reason.suggestion", "R-4 (A6)")
            return ScopeDecision(Verdict.ACCEPT, ReportType.ACCUSATION, None, "scope.reason.misconduct",
                                 "R-4(1)(2), JC-15", signals=signals)  # fmt: skip
        if suggestion:
            return ScopeDecision(Verdict.ACCEPT, ReportType.SUGGESTION, None, "scope.reason.suggestion", "R-4 (A6)")

        # 4. Questions about the process: answered from the FAQ.
        faq = next((topic for topic, rx in self._faq.items() if rx.search(norm)), None)
        referral = self._referral(norm, tokens)

        # 5. Another body's business (三个不受理 1–2) — unless an official is involved in a way that is not a
        #    private relation or a grievance about an outcome; then doubt means accept.
        if referral is not None:
            ref, matched = referral
            private = found(R.PRIVATE_RELATIONS)
            if persons and not private and ref not in _OUTCOME_GRIEVANCES:
                return ScopeDecision(Verdict.ACCEPT, ReportType.ACCUSATION, None, "scope.reason.official_involved",
                                     "R-4, §3.2 doubt → accept", signals=signals)  # fmt: skip
            rule = next(r.rule for r in R.REFERRALS if r.refer_to is ref)
            return ScopeDecision(Verdict.REFER, None, ref, f"scope.reason.refer.{ref.value}", rule,
                                 signals=tuple(matched[:4]))  # fmt: skip
        if faq is not None and faq != "what_scope":
            return ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.faq", "FAQ", faq=faq)

        # 6. An official named, nothing specific yet: accept; the dialog asks for the facts (三个不受理 3).
        if officials:
            return ScopeDecision(Verdict.ACCEPT, ReportType.ACCUSATION, None, "scope.reason.official_vague",
                                 "R-4, R ch.2 (3)", signals=signals)  # fmt: skip
        return ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.unclear", "§3", faq=faq)

    def _is_urgent(self, norm: str) -> bool:
        if not self._urgent.search(norm):
            return False
        # A near miss ("汽油补贴") only excuses the text if nothing urgent remains once it is taken out.
        return bool(self._urgent.search(self._urgent_exceptions.sub(" ", norm)))

    def _referral(self, norm: str, tokens: set[str]) -> tuple[ReferTo, list[str]] | None:
        best: tuple[int, int, ReferTo, list[str]] | None = None
        for order, ref in enumerate(R.REFERRALS):
            matched = [w for w in ref.words if w in tokens or (len(w) >= 2 and w in norm)]
            score = len(matched) + 2 * len(self._referral_patterns[ref.refer_to].findall(norm))
            if score and (best is None or (score, -order) > (best[0], -best[1])):
                best = (score, order, ref.refer_to, matched)
        return (best[2], best[3]) if best else None


@cache
def classifier() -> ScopeClassifier:
    """The process-wide classifier, built on first use (never at import)."""
    return ScopeClassifier()
