"""Is a message the commission's business? accept, refer elsewhere, urgent, or unclear (rules.md §3, §8).

The judgement weighs who the person is (a public official or party member, or a private person) against what
is alleged (misuse of office, or a private dispute, a lost case, a compensation amount). When in doubt between
accept and refer it accepts: wrongly turning away a misconduct report is the worst error (rules.md §3.2).
Urgent content wins over everything else. The rules themselves are data in ``core/scope/rules.py``.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from core.model import ReferTo, ReportType
from core.scope import rules as R
from core.scope.pinyin import written
from core.scope.scope_learned import AT_LEAST, REFER_STANDS, LearnedScope
from core.scope.urgent import UrgentCheck, UrgentFinding
from core.scope.urgent_learned import LearnedUrgent
from core.text import simplified

log = logging.getLogger(__name__)

HAN, LATIN_WORD = re.compile(r"[\u3400-\u9fff]"), re.compile(r"[a-z]+")


class Verdict(StrEnum):
    ACCEPT = "accept"
    REFER = "refer"
    URGENT = "urgent"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class ScopeDecision:
    """The verdict with its kind (ACCEPT), body (REFER), reason (a scope.reason.* locale key) and rule id.

    ``faq`` is set on UNCLEAR decisions only: a bot FAQ topic (core/scope/referrals.py FAQ_PATTERNS), or
    ``"objection"`` when the citizen contests this office's answer to their own report ("对你们的处理结果有异议"):
    the bot offers the objection flow on their cases, never a referral (rules.md §1 `reopened`, §10.4).
    """

    verdict: Verdict
    kind: ReportType | None
    refer_to: ReferTo | None
    reason: str  # locale key: scope.reason.*
    rule: str
    faq: str | None = None  # a question about the process, answered from the FAQ
    signals: tuple[str, ...] = field(default=(), compare=False)  # what matched, for officers and tuning
    #: Not urgent by the rules, but the learned backstop reads danger in it (core.scope.urgent_learned): the
    #: citizen is shown the emergency numbers and asked whether someone is in danger now; "yes" alerts officers.
    possibly_urgent: bool = False
    #: A misuse of office told in so many words (A1, A2: money collected and never paid in, a budget that "went
    #: somewhere"): the learned verdict may not send it away (blind33).
    misuse_stated: bool = field(default=False, compare=False)


#: The kind as the labelled data and ``qingfeng scope --jsonl`` write it (rules.md §3.1).
KIND_LABELS = {ReportType.ACCUSATION: "检举控告", ReportType.APPEAL: "申诉", ReportType.SUGGESTION: "批评建议"}

#: Referral bodies for which an official's involvement alone does not make it misconduct: the grievance is
#: about a ruling or a policy outcome (rules.md §3.2 "key judgement"), given clear evidence of it.
_OUTCOME_GRIEVANCES = frozenset({ReferTo.JUDICIAL, ReferTo.GOVERNMENT, ReferTo.POLITICAL_LEGAL})

#: The rules' last word, when nothing in the message tells them what it is: the learned fallback may decide.
NOTHING_TO_GO_ON = ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.unclear", "§3")

#: An official named as the one sanctioned, and the writer not among them: "村支书被开除党籍了，大家都说活该".
_THEIRS = re.compile(r"^(?!.*(我|本人|俺)).*(书记|支书|主任|局长|镇长|乡长|村长|所长|校长|干部)被")

#: Decisions the rules keep whatever the learned verdict (reason key prefixes): danger (§8), appeals and clearing a
#: name (their own paths, §10.1), objections (§10.4), questions (the knowledge base answers them) and bare accusations
#: (三个不受理 3: the citizen is asked for facts), and two police referrals: a firm the writer says is private (issue 16
#: item 4), someone posing as another to take money (冒充, a fraud whoever is named) and collectors shaming a borrower.
RULES_DECIDE = ("scope.reason.urgent", "scope.reason.appeal", "scope.reason.clearing", "scope.reason.objection",
                "scope.reason.faq", "scope.reason.no_facts", "scope.reason.refer.private_firm",
                "scope.reason.refer.impostor", "scope.reason.refer.collectors")  # fmt: skip

#: Reason and rule of an acceptance by the learned verdict, per kind (the texts the rules give the same kind).
_LEARNED_ACCEPT = {
    ReportType.ACCUSATION: ("scope.reason.official_vague", "R-4, R ch.2 (3)"),
    ReportType.APPEAL: ("scope.reason.appeal", "R-4, JC-69"),
    ReportType.SUGGESTION: ("scope.reason.suggestion", "R-4 (A6)"),
}

#: The score of a referral settled by a decisive phrase: above any count of words and patterns in practice.
_DECISIVE = 100

#: ``ScopeDecision.faq`` for an objection to this office's own handling of a report (the objection flow).
OBJECTION = "objection"


def _expand(pattern: str) -> str:
    """The gap shorthand of core/scope/rules.py: ``~~n`` up to n characters in one sentence, ``~n`` in one clause."""
    pattern = re.sub(r"~~(\d+)", r"[^。！？]{0,\1}", pattern)
    return re.sub(r"~(\d+)", r"[^，。！？]{0,\1}", pattern)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(_expand(pattern), re.IGNORECASE)


def _compile(patterns: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    return _rx("|".join(f"(?:{p})" for p in patterns))


def normalise(text: str) -> str:
    """Full-width to half-width, one case, single spaces: "ＡＢＣ　１２３" and "abc 123" read the same."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Facts:
    """What the rules found in one message (rules.md §3.1: who the person is, what is alleged)."""

    persons: list[str]  # people in public office or party members (JC-15)
    officials: list[str]  # those and public bodies
    relation: bool  # the official is the reporter's relative, neighbour or friend ("我叔叔是科长")
    misconduct: bool  # an allegation of misuse of office or of a party member's conduct (A1, A2)
    concrete: bool  # misconduct beyond style words (a criticism of 形式主义 with a suggestion is A6)
    signals: tuple[str, ...]
    misuse_stated: bool  # a stand-alone misuse-of-office construction (R.OFFICE_USE_PATTERNS), not a private one
    named_only: bool = False  # no act, amount or public money told: an offence named at most
    group_only: bool = False  # officials named only as a group or rank ("村干部", "领导"), none a relation
    bare: bool = False  # named_only, group_only and short ("村干部腐败"): ask for facts (三个不受理 3)


class ScopeClassifier:
    """Build once (jieba's dictionary load costs ~1 s), then ``classify`` in about a millisecond."""

    def __init__(self) -> None:
        import jieba  # here, not at import: its own import costs ~60 ms of every start, needed only now

        from core.scope.tokens import CompactTokenizer  # jieba's dictionary in 12 MB instead of ~60

        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = CompactTokenizer()
        self._tokenizer.initialize()
        words = {
            *R.OFFICIAL_PERSONS,
            *R.PUBLIC_BODIES,
            *R.SOE_MANAGERS,
            *R.RELATION_WORDS,
            *R.PRIVATE_MARKERS,
            *R.PUBLIC_MONEY,
            *R.PRIVATE_ACTORS,
        }
        words.update(R.MISCONDUCT_STRONG, R.OFFENCE_NAMES, R.MISCONDUCT_ACTS, R.CONDUCT_ACTS, R.INTERPERSONAL_ACTS)
        for ref in R.REFERRALS:
            words.update(ref.words)
        for word in words:
            if len(word) >= 2 and not word.isascii():
                self._tokenizer.add_word(word, freq=20000)
        self._ascii: dict[str, re.Pattern[str]] = {
            w: re.compile(rf"(?<![a-z]){re.escape(w)}(?![a-z])") for w in words if w.isascii()
        }
        self._urgent = UrgentCheck()
        self._learned = LearnedUrgent()
        self._learned_scope = LearnedScope()
        self._not_official = _compile(R.NOT_OFFICIAL_PATTERNS)
        self._impostor, self._impostor_money = _rx(R.IMPOSTOR_PATTERN), _rx(R.IMPOSTOR_MONEY)
        self._impostor_takes = _compile(R.IMPOSTOR_TAKES)
        self._disclaimed, self._no_official = _compile(R.DISCLAIMERS), _compile(R.NO_OFFICIAL)
        self._person_patterns = _compile(R.OFFICIAL_PERSON_PATTERNS)
        self._body_patterns = _compile(R.PUBLIC_BODY_PATTERNS)
        self._private_body = re.compile(_alternation(R.PRIVATE_BODY_WORDS))
        self._state = re.compile(_alternation(R.STATE_MARKERS))
        rel = _alternation(R.RELATION_WORDS)
        self._rel_then_official = _rx(R.RELATION_THEN_OFFICIAL.format(rel=rel))
        self._official_then_rel = _rx(R.OFFICIAL_THEN_RELATION.format(rel=rel))
        self._office_use = _compile(R.OFFICE_USE_PATTERNS)
        self._official_act = _compile(R.OFFICIAL_ACT_PATTERNS)
        self._kin = _rx(R.OFFICIAL_KIN_PATTERN.format(official=_alternation(R.OFFICIAL_PERSONS),
                                                             kin=_alternation(R.KIN)))  # fmt: skip
        self._explicit = _rx(R.EXPLICIT_REPORT_PATTERN.format(official=_alternation(R.OFFICIAL_PERSONS)))
        self._ambiguous = _compile(R.AMBIGUOUS_PATTERNS)
        self._appeals = [[_rx(p) for p in group] for group in R.APPEAL_PATTERNS]
        self._clearing = [[_rx(p) for p in group] for group in R.CLEARING_PATTERNS]
        self._objection, self._objection_bare = _compile(R.OBJECTION_PATTERNS), _compile(R.OBJECTION_BARE)
        self._objection_ours, self._objection_elsewhere = _rx(R.OBJECTION_OURS), _rx(R.OBJECTION_ELSEWHERE)
        self._procedure, self._firm_theft = _compile(R.PROCEDURE_PATTERNS), _compile(R.PRIVATE_FIRM_THEFT)
        self._shielded = _rx(R.SHIELDED_KIN_PATTERN.format(official=_alternation(R.OFFICIAL_PERSONS),
                                                             kin=_alternation(R.KIN)))  # fmt: skip
        self._measures = _compile(R.MEASURE_COMPLAINTS)
        self._measure_elsewhere, self._measure_ours = _rx(R.MEASURE_ELSEWHERE), _rx(R.MEASURE_OURS)
        self._suggestion = _compile(R.SUGGESTION_PATTERNS)
        self._collective_body = re.compile(R.COLLECTIVE_BODY)
        self._amount = re.compile(R.AMOUNT)
        self._referral_patterns = {ref.refer_to: [_rx(p) for p in ref.patterns] for ref in R.REFERRALS}
        self._decisive = {ref.refer_to: _compile(ref.decisive) for ref in R.REFERRALS if ref.decisive}
        self._referral_reasons = {ref.refer_to: [(_rx(p), key) for p, key in ref.reasons] for ref in R.REFERRALS}
        self._referral_neutral = _compile(R.REFERRAL_NEUTRAL)
        self._faq = {topic: _rx(p) for topic, p in R.FAQ_PATTERNS.items()}

    def tokens(self, text: str) -> list[str]:
        return self._tokenizer.lcut(text)

    def _finder(self, text: str) -> Callable[[tuple[str, ...]], list[str]]:
        """Words found in ``text``: a whole jieba token, or a substring that does not cut across a token."""
        bounds: set[int] = set()
        tokens: set[str] = set()
        for token, start, end in self._tokenizer.tokenize(text):
            tokens.add(token)
            bounds.update((start, end))

        def hit(word: str) -> bool:
            if word.isascii():
                return bool(self._ascii[word].search(text)) if word in self._ascii else word in text
            if word in tokens:
                return True
            if len(word) == 1:  # one character: only as a token of its own ("偷" is not in "偷工减料")
                return False
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                if (at in bounds and end in bounds) or not any(b in bounds for b in range(at + 1, end)):
                    return True
                at = text.find(word, at + 1)
            return False

        return lambda words: [w for w in words if w in text and hit(w)]

    def _facts(self, norm: str) -> _Facts:
        # Denials ("他不是党员") and impostors ("冒充纪委工作人员") name nobody in office: blank them first.
        # Misconduct needs an official or public body, except the stand-alone constructions and words.
        text = self._not_official.sub(lambda m: "#" * len(m.group()), norm)
        text = self._procedure.sub(lambda m: "#" * len(m.group()), text)  # "拖着不立案" is 涉法涉诉, not 不作为
        found = self._finder(text)
        persons = found(R.OFFICIAL_PERSONS) + [m.group() for m in self._person_patterns.finditer(text)]
        state = bool(self._state.search(text))
        if state:
            persons += found(R.SOE_MANAGERS)
        elif found(R.PRIVATE_MARKERS):  # "私营公司的领导" is no official
            persons = [p for p in persons if p not in R.GENERIC_PERSONS]
        bodies = found(R.PUBLIC_BODIES) + [
            m.group() for m in self._body_patterns.finditer(text) if not self._private_body.search(m.group())
        ]
        # a public body's staff are people in office ("拆迁组的人", "环保局的工作人员"), the body's own status
        persons += [b for b in bodies if re.search(re.escape(b) + R.BODY_STAFF, text)]
        officials = persons + bodies
        relation = self._is_relation(text, officials)
        strong = found(R.MISCONDUCT_STRONG)
        offences = found(R.OFFENCE_NAMES)
        office_use = self._office_use.search(text)
        public_money = bool(found(R.PUBLIC_MONEY))
        acts: list[str] = []
        act = None
        if officials:
            acts = found(R.MISCONDUCT_ACTS) + found(R.CONDUCT_ACTS)
            if not relation:
                acts += found(R.INTERPERSONAL_ACTS)
            act = self._official_act.search(text) or self._kin.search(text)
            if act:
                acts.append(act.group())
        if offences and (officials or public_money or strong):
            strong += offences
        if not (state or officials or public_money) and self._firm_theft.search(norm):  # "不是国企" is blanked in text
            strong, office_use = [], None  # a private firm's staff: 职务侵占 is for the police (JC-15, §3.1)
        concrete = [w for w in strong if w not in R.STYLE_WORDS]
        misconduct = bool(strong or office_use or acts)
        misuse_stated = bool(office_use and (officials or public_money or not found(R.PRIVATE_ACTORS)))
        signals = tuple(officials[:3] + strong[:3] + acts[:3]) + ((office_use.group(),) if office_use else ())
        # 三个不受理 3: a message naming an offence or a grievance, with no act, amount or public money told
        told = [a for a in acts if a not in R.LABEL_ACTS]  # acts beyond an offence's name
        named_only = not (office_use or told or public_money or self._amount.search(text))
        short = len(HAN.findall(norm)) + 1.5 * len(LATIN_WORD.findall(norm)) <= R.BARE_LENGTH
        collective = set(R.COLLECTIVE_OFFICIALS)
        specific = [p for p in persons if p not in collective] + [
            b for b in bodies if b not in collective and not self._collective_body.search(b)
        ]
        group_only = bool(officials) and not specific and not relation
        return _Facts(persons, officials, relation, misconduct, bool(concrete or office_use or acts), signals,
                      misuse_stated, named_only, group_only, named_only and group_only and short)  # fmt: skip

    def classify(self, text: str) -> ScopeDecision:
        """The rules' verdict; when they find no danger, the learned backstop may still mark it possibly urgent
        (it reads what the rules' guards keep: a figure of speech they blank stays blank for it)."""
        text = simplified(text)  # "村支書貪污" reads as "村支书贪污"
        norm = normalise(text)
        if (spelt := written(norm)) != norm:  # typed in pinyin: read as the characters it spells
            text = norm = spelt
        decision = self._verdict(norm)
        doubted = decision.possibly_urgent  # a danger only the backstop's net names, read as ordinary: asked
        decision = self._learned_verdict(text, decision)
        if decision.verdict is not Verdict.URGENT and (doubted or self._learned.urgent(self._urgent.kept(norm))):
            signal = "urgent:doubted" if doubted else "urgent:learned"
            return replace(decision, possibly_urgent=True, signals=(signal, *decision.signals))
        return decision

    def _learned_verdict(self, text: str, rules: ScopeDecision) -> ScopeDecision:
        """The learned verdict (core.scope.scope_learned) where the rules have no better claim; theirs otherwise,
        and theirs (with its reason and signals) when both agree."""
        if rules.reason.startswith(RULES_DECIDE):
            return rules
        learned = self._learned_scope.best(text)
        away = rules.verdict is Verdict.ACCEPT and learned.verdict != "accept"  # in scope: sent away or doubted?
        if away and learned.verdict == "refer" and rules.misuse_stated:
            return rules  # misuse of office told in so many words ("the health budget 'went somewhere'", blind33)
        other_kind = rules.verdict is Verdict.ACCEPT and learned.kind is not rules.kind  # an appeal the rules missed?
        if learned.probability < (REFER_STANDS if rules.verdict is Verdict.REFER or away or other_kind else AT_LEAST):
            return rules
        if learned.verdict == "accept" and rules.verdict is not Verdict.ACCEPT and self._no_official.search(text):
            return rules  # "no official involved, just him": the writer rules out a report (blind46)
        if learned.kind is ReportType.APPEAL and rules.kind is ReportType.ACCUSATION and _THEIRS.search(text):
            return rules  # someone else's sanction told (rules.md §3.1 A3/A4: an appeal is the writer's or kin's)
        signal = f"scope:learned:{learned.label}:{learned.probability:.2f}"
        if (learned.kind, learned.refer_to) == (rules.kind, rules.refer_to) and learned.verdict == rules.verdict:
            return replace(rules, signals=(signal, *rules.signals))
        if learned.refer_to is not None:
            rule = next(r.rule for r in R.REFERRALS if r.refer_to is learned.refer_to)
            return ScopeDecision(Verdict.REFER, None, learned.refer_to, f"scope.reason.refer.{learned.refer_to.value}",
                                 rule, signals=(signal,))  # fmt: skip
        if learned.kind is not None:
            reason, rule = _LEARNED_ACCEPT[learned.kind]
            return ScopeDecision(Verdict.ACCEPT, learned.kind, None, reason, rule, signals=(signal, *rules.signals))
        return replace(NOTHING_TO_GO_ON, signals=(signal, *rules.signals))

    def _verdict(self, norm: str) -> ScopeDecision:
        """The rules' verdict. A danger named only by the backstop's net (a harm word or scene not clearly past or
        figurative: recall first, XF-25), in a Chinese message that tells a matter of its own (a report, another
        body's business) and that the learned model reads as ordinary (urgent_learned.DOUBTED), is asked about, not
        alerted: the citizen gets the emergency numbers and "is anyone in danger right now?", the officers are told
        on "yes" ("麦子眼看要旱死了", "差价自个吞了", "血压都要爆了": blind49). Not in English: the model has seen
        far fewer English lines ("Someone stabbed the shop owner outside the township office" reads 0.19)."""
        urgent = self._urgent.find(norm)
        doubt = urgent is not None and urgent.when == "backstop" and HAN.search(norm)
        if doubt and self._learned.doubts(self._urgent.kept(norm)):
            told = self._rules(norm, None)
            if told.verdict in (Verdict.ACCEPT, Verdict.REFER):  # a matter of its own told, not a cry alone
                return replace(told, possibly_urgent=True)
        return self._rules(norm, urgent)

    def _rules(self, norm: str, urgent: UrgentFinding | None) -> ScopeDecision:
        facts = self._facts(norm)
        if takes := bool(self._impostor_takes.search(norm)) and not facts.persons:
            facts = replace(facts, misconduct=False)  # someone in no office taking money in another's name: fraud
        impostor = takes or bool(self._impostor.search(norm))
        appeal = "" if impostor else self._is_appeal(norm)
        disclaimed = bool(self._disclaimed.search(norm))  # "跟干部没关系": an official merely named is no report

        # 1. Danger first, whatever else the text says (rules.md §8, XF-25).
        if urgent is not None:
            kind = ReportType.APPEAL if appeal else ReportType.ACCUSATION if facts.misconduct else None
            return ScopeDecision(Verdict.URGENT, kind, None, "scope.reason.urgent", "§8, XF-25",
                                 signals=(urgent.signal, *facts.signals))  # fmt: skip

        # 2. Appeals against a disciplinary or supervisory decision (A3–A5, JC-69), a public employee's dismissal
        #    (A4), and pleas to be cleared of a false report (澄清正名, rules.md §4.2, §10.4).
        if appeal:
            return ScopeDecision(Verdict.ACCEPT, ReportType.APPEAL, None, appeal, "R-4, JC-69")
        if not impostor and any(all(rx.search(norm) for rx in group) for group in self._clearing):
            return ScopeDecision(Verdict.ACCEPT, ReportType.APPEAL, None, "scope.reason.clearing", "R-39, §4.2, §10.4")

        # 2b. An objection to this office's answer to the citizen's own report: the objection flow, no verdict.
        ours = bool(self._objection_ours.search(norm))
        if (self._objection.search(norm) and (ours or not self._objection_elsewhere.search(norm))) or (
            ours and self._objection_bare.search(norm)
        ):
            return ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.objection", "§1 reopened, §10.4",
                                 faq=OBJECTION)  # fmt: skip

        # 3. Misuse of office (A1, A2): accepted even when the matter also has a court or policy side. Not yet when
        #    only an offence is named of officials as a group ("村干部腐败", "领导吃拿卡要": 三个不受理 3, ask for
        #    facts), nor when the text asks whether or how one reports such a thing ("纪委管不管消防队的人吃拿卡要") —
        #    unless it asks in anger, with a criticism or suggestion ("这种形式主义你们到底管不管 光说不练": A6).
        suggestion = bool(self._suggestion.search(norm))
        faq = next((topic for topic, rx in self._faq.items() if rx.search(norm)), None)
        asks_if = (faq == "what_scope" or (faq == "how_to" and facts.group_only)) and not suggestion
        if facts.misconduct and facts.named_only and asks_if:
            return ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.faq", "FAQ", faq=faq)
        if facts.misconduct and facts.bare and not suggestion:
            if faq is not None:
                return ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.faq", "FAQ", faq=faq)
            return ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.no_facts", "R ch.2 (3), §3.2",
                                 signals=facts.signals)  # fmt: skip
        if facts.misconduct:
            # a suggestion that only names the wrong it would prevent ("建议公车装GPS，公车私用就少了") is A6
            if suggestion and (not facts.concrete or (facts.named_only and (facts.group_only or not facts.officials))):
                return ScopeDecision(Verdict.ACCEPT, ReportType.SUGGESTION, None, "scope.reason.suggestion", "R-4 (A6)")
            return ScopeDecision(Verdict.ACCEPT, ReportType.ACCUSATION, None, "scope.reason.misconduct",
                                 "R-4(1)(2), JC-15", signals=facts.signals,
                                 misuse_stated=facts.misuse_stated)  # fmt: skip
        if suggestion:
            return ScopeDecision(Verdict.ACCEPT, ReportType.SUGGESTION, None, "scope.reason.suggestion", "R-4 (A6)")

        # 4. Questions about the process, answered from the FAQ; they win over a stray referral word.
        #    Not over a complaint about how another body handled it ("法院三年没有下文" is not our progress).
        referral = self._referral(norm)
        if impostor and (m := self._impostor_money.search(norm)):
            # someone posing as the commission to take money is a fraud for the police, whatever else is asked or
            # named ("说我被人举报了，要先交五万保证金才能撤案，这是真的假的")
            referral = (ReferTo.POLICE, [m.group()], _DECISIVE)
        decisive = referral is not None and referral[2] >= _DECISIVE
        decisive = decisive or (impostor and referral is not None and referral[0] is ReferTo.POLICE)
        if faq in R.FAQ_OVER_REFERRAL and not decisive:
            return ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.faq", "FAQ", faq=faq)

        # 5. A money-for-service story of nobody in particular: an official or a fraudster? Ask (R ch.2 (3)).
        if not facts.officials and self._ambiguous.search(norm) and not self._finder(norm)(R.PRIVATE_ACTORS):
            return ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.unclear", "§3, R ch.2 (3)")

        # 6. Another body's business (三个不受理 1–2) — unless an official is involved in a way that is not a
        #    private relation or a grievance about an outcome; then doubt means accept.
        if referral is not None:
            ref, matched, score = referral
            # A grievance about a ruling or a policy outcome goes out even with an official in it, but only on
            # clear evidence (a phrase, or two words); a stray word ("施工") does not turn a report away.
            grievance = ref in _OUTCOME_GRIEVANCES and score >= 2 and not self._explicit.search(norm)
            if ref is ReferTo.POLITICAL_LEGAL and self._shielded.search(norm):
                grievance = False  # "打人的是所长的儿子": shielding an official's family is misconduct
            if facts.persons and not facts.relation and not impostor and not grievance and not disclaimed:
                return ScopeDecision(Verdict.ACCEPT, ReportType.ACCUSATION, None, "scope.reason.official_involved",
                                     "R-4, §3.2 doubt → accept", signals=facts.signals)  # fmt: skip
            rule = next(r.rule for r in R.REFERRALS if r.refer_to is ref)
            reason = next((key for rx, key in self._referral_reasons[ref] if rx.search(norm)),
                          f"scope.reason.refer.{ref.value}")  # fmt: skip
            if impostor and ref is ReferTo.POLICE and self._impostor_money.search(norm):
                reason = "scope.reason.refer.impostor"  # "网上有个人说他是市纪委的 … 先转五万" (hand-tried)
            return ScopeDecision(Verdict.REFER, None, ref, reason, rule, signals=tuple(matched[:4]))
        if faq is not None:  # what_scope too: "你们能管市里的领导吗" asks, it does not report yet
            return ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.faq", "FAQ", faq=faq)

        # 7. An official named, nothing specific yet (and not merely a relative: "我爸是老党员"): accept; the
        #    dialog asks for the facts (三个不受理 3). Officials as a group only ("我们领导有问题"): ask first.
        if facts.bare:
            return ScopeDecision(Verdict.UNCLEAR, None, None, "scope.reason.no_facts", "R ch.2 (3), §3.2",
                                 signals=facts.signals)  # fmt: skip
        if facts.officials and not facts.relation and not disclaimed:
            return ScopeDecision(Verdict.ACCEPT, ReportType.ACCUSATION, None, "scope.reason.official_vague",
                                 "R-4, R ch.2 (3)", signals=facts.signals)  # fmt: skip
        return NOTHING_TO_GO_ON

    def _is_relation(self, text: str, officials: list[str]) -> bool:
        """The official is the reporter's relation: "邻居是镇干部", "我叔叔在县公安局上班", "村长是我舅舅"."""
        after = (text[m.end() : m.end() + 16] for m in self._rel_then_official.finditer(text))
        before = (text[max(0, m.start() - 12) : m.start()] for m in self._official_then_rel.finditer(text))
        return any(official in near for near in (*after, *before) for official in officials)

    def _is_appeal(self, norm: str) -> str:
        """The reason key of the appeal the text makes, "" for none."""
        ours = not self._measure_elsewhere.search(norm) or self._measure_ours.search(norm)
        if ours and self._measures.search(norm):
            return "scope.reason.appeal"
        for i, group in enumerate(self._appeals):
            if all(rx.search(norm) for rx in group):
                return R.APPEAL_REASONS.get(i, "scope.reason.appeal")
        return ""

    def _referral(self, norm: str) -> tuple[ReferTo, list[str], int] | None:
        text = self._referral_neutral.sub(lambda m: "#" * len(m.group()), norm)
        found = self._finder(text)
        for ref in R.REFERRALS:  # a complaint about how a body handled it settles where it goes
            if ref.refer_to in self._decisive and (m := self._decisive[ref.refer_to].search(text)):
                return ref.refer_to, [m.group(), *found(ref.words)], _DECISIVE + len(found(ref.words))
        best: tuple[int, int, ReferTo, list[str]] | None = None
        for order, ref in enumerate(R.REFERRALS):
            matched = found(ref.words)
            score = len(matched) + 2 * sum(1 for rx in self._referral_patterns[ref.refer_to] if rx.search(text))
            if score and (best is None or (score, -order) > (best[0], -best[1])):
                best = (score, order, ref.refer_to, matched)
        return (best[2], best[3], best[0]) if best else None


_built: list[ScopeClassifier] = []
_building = threading.Lock()


def classifier() -> ScopeClassifier:
    """The process-wide classifier, built on first use (never at import). Built once even when asked from two
    threads at a time (``qingfeng run`` builds it in the background while a citizen's message may ask for it)."""
    if not _built:
        with _building:
            if not _built:
                _built.append(ScopeClassifier())
    return _built[0]


async def ready_classifier() -> ScopeClassifier:
    """The classifier, for code on the event loop: while it is still being built (``qingfeng run`` loads it in
    the background once polling has begun) the caller waits in a thread, and every other chat goes on."""
    return _built[0] if _built else await asyncio.to_thread(classifier)
