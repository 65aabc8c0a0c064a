"""The urgent check (rules.md §8; XF-25): is a harm to a person described as happening now, about to happen,
intended or threatened? Urgent content wins over everything else in a message.

It reasons in categories, not phrases (the words are data in ``core/scope/urgent_words.py``): what harm, who
is in danger, and when. A message is read sentence by sentence and clause by clause, so that "去年他拿刀砍了我爸"
stays a report of an old incident while "现在他又拿着刀在门口" in the next clause is danger now. Recall matters more
than precision here: a false alarm costs an officer a minute, a missed one may cost a life.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.scope import urgent_backstop as B
from core.scope import urgent_families as F
from core.scope import urgent_guards as G
from core.scope import urgent_hazards as H
from core.scope import urgent_scenes as U7
from core.scope import urgent_sightings as U8
from core.scope import urgent_signs as S
from core.scope import urgent_situations as U5
from core.scope import urgent_terse as T
from core.scope import urgent_words as W
from core.scope.gate import AnyOf, Gated, seen


def _merge(*groups: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Harm categories from the word modules, joined by name (first seen, first tried)."""
    merged: dict[str, tuple[str, ...]] = {}
    for group in groups:
        for name, patterns in group.items():
            merged[name] = merged.get(name, ()) + patterns
    return merged


#: All the words, by kind: urgent_words (violence, self-harm, threats), urgent_hazards (accidents, hazards),
#: urgent_signs (farewells, children, third-party threats).
HARMS_SAID = _merge(W.HARMS_SAID, H.HAZARDS_SAID, S.SIGNS_SAID)
HARM_ACTS = _merge(W.HARM_ACTS, H.HAZARD_ACTS, S.SIGNS_ACTS)
NOT_HARM = W.NOT_HARM + H.NOT_HAZARD + S.NOT_SIGN + G.NOT_FIGURES + U5.NOT_SITUATION + T.NOT_TERSE

#: Kept for ``core.scope.rules``, which re-exports them: the harms that say danger by themselves, and the
#: figures of speech and ordinary senses that do not.
URGENT_PATTERNS = tuple(p for patterns in HARMS_SAID.values() for p in patterns)
URGENT_EXCEPTIONS = NOT_HARM

_SENTENCE = re.compile(r"[。!?！？;；\n]+|\.(?:\s|$)|……")
_CLAUSE = re.compile(
    r"[,，、:：]+|\s+-\s+|(?<=[\u4e00-\u9fff#])\s+(?=[\u4e00-\u9fff#])"
)  # a space between Chinese words
_Harms = list[tuple[str, re.Pattern[str]]]
#: A message typed or dictated without stops ("俺开三轮车掉进沟里了 … 村里说装了护栏其实压根莫装的 … 水到俺胸口了")
#: is one long sentence; a joke, a dream or "it's over" said in one part of it must not take back the rest. Such a
#: sentence is read in parts of at least ``_PART`` characters, cut at clause boundaries.
_LONG, _PART = 80, 40


def _sentences(text: str) -> list[tuple[int, int]]:
    starts = [0, *(m.end() for m in _SENTENCE.finditer(text))]
    return list(zip(starts, [m.start() for m in _SENTENCE.finditer(text)] + [len(text)], strict=True))


def _parts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A sentence as (start, end) parts: itself, or if longer than ``_LONG`` cut at its clauses."""
    if b - a <= _LONG:
        return [(a, b)]
    out, start = [], a
    for m in _CLAUSE.finditer(text, a, b):
        if m.start() - start >= _PART and b - m.end() >= _PART:
            out.append((start, m.start()))
            start = m.end()
    return [*out, (start, b)]


def _spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a text as (start, end), a long one cut into parts."""
    return [(x, y) for a, b in _sentences(text) for x, y in _parts(text, a, b) if y > x]


_INTENT_REACH = 8  # characters before a harm act where a modal verb ("要", "准备", "going to") still governs it


def _expand(pattern: str) -> str:
    """The gap shorthand of core/scope/rules.py: ``~~n`` up to n characters in one sentence, ``~n`` in one clause."""
    pattern = re.sub(r"~~(\d+)", r"[^。!?！？;；\\n]{0,\1}", pattern)
    return re.sub(r"~(\d+)", r"[^,，。!?！？;；]{0,\1}", pattern)


def _compile_guard(pattern: str) -> re.Pattern[str]:
    """A guard (a figure of speech, an ordinary sense) as ``_compile``, but its in-clause gaps (``~n``) do not run
    over a space between Chinese words: on a phone a space ends a phrase ("炸药库着火了 保管员在打麻将" is a fire,
    then a keeper, not "the explosives store's keeper")."""
    pattern = re.sub(r"~(\d+)(?!\d)", r"~G\1", re.sub(r"~~(\d+)", r"~S\1", pattern))
    pattern = re.sub(r"~S(\d+)", r"[^。!?！？;；\\n]{0,\1}", pattern)
    pattern = re.sub(r"~G(\d+)", r"(?:[^,，。!?！？;；\\s]|(?<![\\u4e00-\\u9fff])\\s){0,\1}", pattern)
    return re.compile(f"(?:{pattern})", re.IGNORECASE)


def _blank(m: re.Match[str]) -> str:
    return "#" * len(m.group())


def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{_expand(p)})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class UrgentFinding:
    """What made a message urgent, for officers: who is in danger, what harm, when."""

    who: str  # self, other, child, many
    harm: str  # a key of HARMS_SAID or HARM_ACTS
    when: str  # now, imminent, threat, intent, said
    evidence: str  # the words that matched

    @property
    def signal(self) -> str:
        return f"urgent:{self.who}/{self.harm}/{self.when}"


class UrgentCheck:
    """Compiled once; ``find`` takes a few tenths of a millisecond (each harm pattern once over the text)."""

    def __init__(self) -> None:
        # One regex per pattern, not one alternation: re finds a literal prefix fast, an alternation of 250 not.
        # Each with its gate (core.scope.gate): most need a character the message does not have.
        self._said = Gated((name, _compile((p,))) for name, group in HARMS_SAID.items() for p in group)
        self._acts = Gated((name, _compile((p,))) for name, group in HARM_ACTS.items() for p in group)
        self._hazards = Gated((name, _compile((p,))) for name, group in H.NEAR_PEOPLE.items() for p in group)
        self._hazard_harms = self._hazards.keys()
        self._exposed = _compile(H.PEOPLE_EXPOSED)
        self._who = [(name, re.compile(p, re.IGNORECASE)) for name, p in W.WHO]
        self._now, self._now_here = _compile(W.NOW + H.PEOPLE_EXPOSED), _compile(W.NOW_HERE + S.NOW_HERE)
        self._ahead = _compile(W.AHEAD + S.AHEAD)
        self._intent, self._threat = _compile(W.INTENT), _compile(W.THREAT)
        self._distance = _compile(W.DISTANCE)
        self._not_harm = Gated((None, _compile_guard(p)) for p in NOT_HARM)  # pattern by pattern (see Backstop)
        self._backstop = Backstop()
        self._disowned = Disowned()
        self._farewell, self._edge = _compile(T.FAREWELL), _compile(T.AT_THE_EDGE)
        self._hazard, self._exposed_soon = _compile(T.HAZARD_FOUND), _compile(T.EXPOSED_SOON)
        self._past, self._now_said = _compile(B.PAST), _compile(B.NOW)
        self._last: tuple[str, str] = ("", "")

    def find(self, norm: str) -> UrgentFinding | None:
        """The first urgent clause of a normalised message (see ``classify.normalise``), or None."""
        norm = T.mandarin(norm)
        text = self._blanked(norm)
        chars = seen(norm)  # blanking only takes characters away: a gate open to norm is open to text
        said = [(harm, rx) for harm, rx in self._said.open_to(chars) if rx.search(text)]
        acts = [(harm, rx) for harm, rx in self._acts.open_to(chars) if rx.search(text)]
        if self._exposed.search(text):  # a failing structure is danger when people are in its way
            acts += [(harm, rx) for harm, rx in self._hazards.open_to(chars) if rx.search(text)]
            hazards = self._hazard_harms
        else:
            hazards = set()
        if said or acts:
            safe = [(a, b) for a, b in _sentences(text) if self._disowned.safe(text[a:b])]
            for a, b in _spans(text):
                sentence = text[a:b]
                if any(x <= a and b <= y for x, y in safe):
                    continue
                if not self._disowned(sentence) and (found := self._sentence(sentence, said, acts, hazards)):
                    return found
        if hit := self._backstop.find(norm):  # recall first: a harm word not clearly past, figurative or ordinary
            sentence, kind, m = hit
            return self._finding(sentence, kind, "backstop", m)
        return self._farewell_at_the_edge(norm) or self._hazard_then_people(norm)

    def _farewell_at_the_edge(self, norm: str) -> UrgentFinding | None:
        """A farewell and, in the same message, a high place or water someone is at now or a rope made ready — each in
        a sentence the writer does not take back and that is not told as past (urgent_terse.FAREWELL, AT_THE_EDGE)."""
        if not self._farewell.search(norm):  # norm is already written out (find)
            return None
        kept = self.kept(norm)
        farewell, edge = None, None
        for a, b in _spans(kept):
            sentence = kept[a:b]
            if self._past.search(sentence) and not self._now_said.search(sentence):
                continue
            farewell = farewell or self._farewell.search(sentence)
            if edge is None and (m := self._edge.search(sentence)):
                edge = (sentence, m)
        if farewell and edge:
            return self._finding(edge[0], "farewell", "now", edge[1])
        return None

    def _hazard_then_people(self, norm: str) -> UrgentFinding | None:
        """A hazard found (urgent_terse.HAZARD_FOUND: formaldehyde over the limit, a building that failed its check)
        and, in a sentence not taken back, many people to be put in its way soon (EXPOSED_SOON)."""
        if not self._hazard.search(norm) or not self._exposed_soon.search(norm):
            return None
        kept = self.kept(norm)  # the hazard as written ("failed inspection" is an ordinary phrase elsewhere)
        for a, b in _spans(kept):
            if m := self._exposed_soon.search(kept[a:b]):
                return self._finding(kept[a:b], "hazard", "imminent", m)
        return None

    def kept(self, norm: str) -> str:
        """What the learned backstop reads (core.scope.urgent_learned): the message with its figures of speech and
        ordinary senses blanked and the sentences the writer takes back left out, so a guard the rules know holds
        for the model too."""
        text = self._blanked(T.mandarin(norm))
        kept = []
        for a, b in _sentences(text):
            if self._disowned.safe(text[a:b]):
                continue  # "…gas smell…, the company came and fixed it, all safe now": the whole sentence is over
            spans = [(x, y) for x, y in _parts(text, a, b) if y > x]
            parts = [text[x:y] for x, y in spans if not self._disowned(text[x:y])]
            if len(parts) == len(spans):
                parts = [text[a:b]] if b > a else []  # all kept: as written
            kept.append("，".join(parts))
        return "。".join(k for k in kept if k)

    def _blanked(self, norm: str) -> str:
        """``norm`` with its figures of speech and ordinary senses blanked (NOT_HARM); the last one kept, since
        ``kept`` reads the same message right after ``find`` (a third of the time of a message)."""
        last = self._last
        if last[0] == norm:
            return last[1]
        text = norm
        for _, rx in self._not_harm.open_to(seen(norm)):
            if rx.search(text):
                text = rx.sub(_blank, text)
        self._last = (norm, text)  # one tuple, replaced whole: another thread sees the old pair or the new
        return text

    def _sentence(self, sentence: str, said: _Harms, acts: _Harms, hazards: set[str]) -> UrgentFinding | None:
        starts = [0, *(m.end() for m in _CLAUSE.finditer(sentence))]
        spans = [
            (a, b.start() if b else len(sentence))
            for a, b in zip(starts, [*_CLAUSE.finditer(sentence), None], strict=True)
        ]
        ahead = self._ahead.search(sentence)
        threat = self._threat.search(sentence)
        now = [bool(self._now.search(sentence, a, b)) for a, b in spans]
        distant = False  # a past or reported frame ("去年，…", "新闻里…") holds until a clause says now or soon
        for i, (a, b) in enumerate(spans):
            own_now = now[i] or bool(self._now_here.search(sentence, a, b))
            soon = now[i] or bool(self._ahead.search(sentence, a, b))  # only a clear "now" or "soon" ends a frame
            if self._distance.search(sentence, a, b):
                distant = not soon
            elif soon:
                distant = False
            if distant:
                continue
            near_now = own_now or (i > 0 and now[i - 1]) or (i + 1 < len(spans) and now[i + 1])
            when = "now" if near_now else "imminent" if ahead else "threat" if threat else None
            for harm, rx in said:  # may reach past the clause ("~~n" gaps): it must start in it
                if (m := rx.search(sentence, a)) and m.start() < b:
                    return self._finding(sentence, harm, when or "said", m)
            for harm, rx in acts:
                for m in rx.finditer(sentence, a, b):
                    reach = max(a, m.start() - _INTENT_REACH)
                    act_when = when or ("intent" if self._intent.search(sentence, reach, m.start()) else None)
                    act_when = act_when or ("now" if harm in hazards else None)
                    if act_when:
                        return self._finding(sentence, harm, act_when, m)
        return None

    def _finding(self, sentence: str, harm: str, when: str, m: re.Match[str]) -> UrgentFinding:
        """Who is in danger: a person in the words matched or just after them ("砍死我妈"); else the person named
        nearest before them ("我哥站在楼顶", "他们把我锁在…"); else the sentence's (a child first); else the writer."""
        after = sentence[m.start() : m.end() + 6]
        before = sentence[max(0, m.start() - 10) : m.start()]
        who = next((name for name, rx in self._who if rx.search(after)), None)
        if who is None:
            nearest = [(hit.end(), name) for name, rx in self._who for hit in rx.finditer(before)]
            who = max(nearest)[1] if nearest else next((n for n, rx in self._who if rx.search(sentence)), "self")
        return UrgentFinding(who, harm, when, m.group())


class Backstop:
    """The recall-first net (``core/scope/urgent_backstop.py``): the first harm word, in a clause that is not in a
    past or story frame, after figures of speech, ordinary senses and money words are blanked. A child in the
    sentence lets milder harms count. Returns the sentence, the kind of harm and the match, or None."""

    def __init__(self) -> None:
        # Blanked pattern by pattern, not as one alternation of 300 (slow); a word in two figures is blanked by both.
        # The backstop's own first: "fire inspector" is read whole before NOT_HARM's "fire's out" takes a part.
        first = G.NOT_FIGURES + B.NOT_BACKSTOP + G.NOT_FAMILY
        self._not = Gated((None, _compile_guard(p)) for p in first + tuple(p for p in NOT_HARM if p not in first))
        harms = _merge(B.HARM, F.FAMILIES, U5.SITUATIONS, U7.SCENES, U8.SIGHTINGS, T.TERSE, T.LETTER)  # parts 4–8
        # One regex per pattern (see UrgentCheck): only those found in the text are tried clause by clause.
        self._harms = Gated((kind, _compile((p,))) for kind, patterns in harms.items() for p in patterns)
        self._child, self._child_harm = re.compile(B.CHILD), Gated(("child", _compile((p,))) for p in B.CHILD_HARM)
        self._past, self._now = _compile(B.PAST), _compile(B.NOW)
        self._over, self._procedure = _compile(B.OVER), _compile(B.PROCEDURE)
        self._disowned = Disowned()

    def find(self, norm: str) -> tuple[str, str, re.Match[str]] | None:
        text, chars = norm, seen(norm)
        for _, rx in self._not.open_to(chars):
            if rx.search(text):
                text = rx.sub(_blank, text)
        harms = [(kind, rx) for kind, rx in self._harms.open_to(chars) if rx.search(text)]
        child_harms = [rx for _, rx in self._child_harm.open_to(chars) if rx.search(text)]
        if not harms and not child_harms:
            return None
        whole = _sentences(text)
        safe = [(x, y) for x, y in whole if self._disowned.safe(norm[x:y])]
        for a, b in _spans(text):
            sentence, said = text[a:b], norm[a:b]  # blanked, and as written (money words are blanked in the first)
            if self._over.search(said) or self._disowned(said) or any(x <= a and b <= y for x, y in safe):
                continue
            if self._procedure.search(said) and not self._now_in(norm, a, b, whole):
                continue
            child = bool(self._child.search(sentence))
            past = False  # a past or story frame holds until a clause says now
            ends = [m.start() for m in _CLAUSE.finditer(sentence)] + [len(sentence)]
            for a, b in zip([0, *(m.end() for m in _CLAUSE.finditer(sentence))], ends, strict=True):
                clause = sentence[a:b]
                if self._now.search(clause):
                    past = False
                elif self._past.search(clause):
                    past = True
                # a match starts in the clause; a sentence gap ("~~n") may reach into the clauses after it. A threat
                # quoted from last week still threatens ("上周拦住我孙子，说再告就让你掉河里喂鱼").
                for kind, rx in [*harms, *(("child", rx) for rx in child_harms if child)]:
                    if past and kind not in T.STANDING_THREATS:
                        continue
                    if (m := rx.search(sentence, a)) and m.start() < b:
                        return sentence, kind, m
        return None

    def _now_in(self, norm: str, a: int, b: int, whole: list[tuple[int, int]]) -> bool:
        """Is "now" said in the part, or in another part of its sentence the writer does not take back? ("a man is
        holding a boy, … with a knife to his throat, shouting about his court case" is one dictated sentence)."""
        sa, sb = next(((x, y) for x, y in whole if x <= a and b <= y), (a, b))
        return any(
            self._now.search(norm[x:y]) and not self._disowned(norm[x:y]) for x, y in _parts(norm, sa, sb) if y > x
        )


class Disowned:
    """A sentence the writer takes back (``urgent_guards.DISOWNED``): a joke, anger, a dream, a survived harm; or one
    that says the danger is over and the person safe (``urgent_guards.SAFE``)."""

    def __init__(self) -> None:
        # Searched only, branch by branch with gates (core.scope.gate.AnyOf): the same answer, many times faster.
        self._said, self._not = AnyOf(map(_expand, G.DISOWNED)), AnyOf([_expand(G.NOT_DISOWNED)])
        self._safe, self._not_safe = AnyOf(map(_expand, G.SAFE)), AnyOf([_expand(G.NOT_SAFE)])

    def __call__(self, sentence: str) -> bool:
        return self.safe(sentence) or (self._said.search(sentence) and not self._not.search(sentence))

    def safe(self, sentence: str) -> bool:
        """Over and safe: said of a whole sentence, it covers each of a long sentence's parts."""
        return self._safe.search(sentence) and not self._not_safe.search(sentence)
