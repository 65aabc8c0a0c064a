"""Repeat reports (issue 17, item 5; rules.md §10.4 "对重信重访案件，要逐一建立台账", link duplicates).

At filing, while the plaintext is in hand, earlier reports are looked up two ways, both by indexed keys, never by
a scan (target: under 20 ms at 100 k cases; ``bench/repeats.py``):

- **the same person**: the blind index of the name (``reported_persons.name_index``, a keyed HMAC) and, to tell
  two 王伟 apart, the blind index of their unit (``person``) or failing that the same region (``person_region``);
- **similar facts**: the keyed MinHash sketch's LSH band keys (core.similarity), candidates ranked by shared
  bands, then scored by the estimated Jaccard index of their words (``facts``).

What is found is stored (``case_matches``) and shown on both cases' cards as "可能相关", with the reason and the
score, to an officer entitled to see both (``core.access``): a case the officer may not see is left out, so the
list tells them nothing they could not open. Nothing of any reporter is read here. An officer who may act on a
case links it to another they may see, or unlinks it; the step is in both histories.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import partial

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.access import case_access
from core.actor import Actor
from core.crypto import Vault
from core.errors import CaseUnavailable, NotPermitted
from core.model import Action, ActorKind
from core.persistence.orm import CaseRow, ReportedPersonRow
from core.persistence.orm_repeats import CaseBucketRow, CaseLinkRow, CaseMatchRow, CaseSketchRow
from core.services import history
from core.services.access import officer_case
from core.services.context import CoreContext
from core.services.views import EventView, RelatedView
from core.similarity import SIMILAR, Sketch, similarity, sketch, words

PERSON = "person"  # same name, same unit
PERSON_REGION = "person_region"  # same name, same region (the unit differs or an older report has no unit index)
FACTS = "facts"  # similar facts: the estimated Jaccard index of the reports' words
REASONS = (PERSON, PERSON_REGION, FACTS)
PER_NAME = 50  # the latest reports read per name: enough for a ledger's hint, bounded for a common name
CANDIDATES = 20  # fact candidates scored, those sharing the most bands
SHOWN = 10  # matches kept per reason at filing, and read per direction on a card


def person_index(vault: Vault, name: str) -> str:
    return vault.index("person", name)


def unit_index(vault: Vault, unit: str) -> str:
    return vault.index("person_unit", unit)


def fact_sketch(vault: Vault, tokens: list[str]) -> Sketch | None:
    """The keyed sketch of a report's facts (its jieba tokens): what is stored instead of any word."""
    return sketch(words(tokens), partial(vault.index, "fact_word"))


@dataclass(frozen=True)
class Found:
    other_id: int
    reason: str
    score: float


async def record_at_filing(s: AsyncSession, case: CaseRow, facts: Sketch | None) -> list[Found]:
    """Store the new case's sketch and the earlier reports it may repeat (in the filing's transaction)."""
    found = await find_earlier(s, case.id, case.persons, facts)
    if facts is not None:
        s.add(CaseSketchRow(case_id=case.id, signature=facts.signature))
        s.add_all(CaseBucketRow(bucket=b, case_id=case.id) for b in facts.bands)
    s.add_all(CaseMatchRow(case_id=case.id, other_id=f.other_id, reason=f.reason, score=f.score) for f in found)
    return found


async def find_earlier(
    s: AsyncSession, case_id: int, persons: list[ReportedPersonRow], facts: Sketch | None
) -> list[Found]:
    """Other reports about the same person, and with similar facts: at most ``SHOWN`` per reason, best first."""
    found = await _same_person(s, case_id, persons)
    if facts is not None:
        found += await _similar_facts(s, case_id, facts)
    best: dict[tuple[int, str], Found] = {}
    for f in found:
        if (f.other_id, f.reason) not in best or best[f.other_id, f.reason].score < f.score:
            best[f.other_id, f.reason] = f
    by_reason: dict[str, list[Found]] = defaultdict(list)
    for f in sorted(best.values(), key=lambda f: (-f.score, -f.other_id)):
        by_reason[f.reason].append(f)
    return [f for r in REASONS for f in by_reason[r][:SHOWN]]


async def _same_person(s: AsyncSession, case_id: int, persons: list[ReportedPersonRow]) -> list[Found]:
    out: list[Found] = []
    for p in persons:
        if not p.name_index:
            continue
        rows = await s.execute(
            select(ReportedPersonRow.case_id, ReportedPersonRow.unit_index, ReportedPersonRow.region)
            .where(ReportedPersonRow.name_index == p.name_index, ReportedPersonRow.case_id != case_id)
            .order_by(ReportedPersonRow.case_id.desc())
            .limit(PER_NAME)
        )
        for other, unit, region in rows:
            if p.unit_index and unit == p.unit_index:
                out.append(Found(other, PERSON, 1.0))
            elif region == p.region:
                out.append(Found(other, PERSON_REGION, 0.5))
    return out


async def _similar_facts(s: AsyncSession, case_id: int, facts: Sketch) -> list[Found]:
    """One round trip: the cases sharing the most band keys (from the bucket index alone), with their signatures."""
    shared = func.count().label("shared")
    ranked = (
        select(CaseBucketRow.case_id, shared)
        .where(CaseBucketRow.bucket.in_(facts.bands), CaseBucketRow.case_id != case_id)
        .group_by(CaseBucketRow.case_id)
        .order_by(shared.desc(), CaseBucketRow.case_id.desc())
        .limit(CANDIDATES)
        .subquery()
    )
    sigs = await s.execute(
        select(CaseSketchRow.case_id, CaseSketchRow.signature).join(ranked, ranked.c.case_id == CaseSketchRow.case_id)
    )
    scored = [Found(other, FACTS, round(similarity(facts.signature, sig), 2)) for other, sig in sigs]
    return [f for f in scored if f.score >= SIMILAR]


async def related(s: AsyncSession, case: CaseRow, viewer: Actor) -> tuple[RelatedView, ...]:
    """The cases linked to this one, then those found as possibly related (either way round), that ``viewer``
    may see: linked first, then by best score."""
    links = (
        await s.execute(
            select(CaseLinkRow.case_id, CaseLinkRow.other_id).where(
                or_(CaseLinkRow.case_id == case.id, CaseLinkRow.other_id == case.id)
            )
        )
    ).all()
    linked = {b if a == case.id else a for a, b in links}
    reasons: dict[int, list[tuple[str, float]]] = defaultdict(list)
    forward = select(CaseMatchRow.other_id, CaseMatchRow.reason, CaseMatchRow.score).where(
        CaseMatchRow.case_id == case.id
    )
    backward = (
        select(CaseMatchRow.case_id, CaseMatchRow.reason, CaseMatchRow.score)
        .where(CaseMatchRow.other_id == case.id)
        .order_by(CaseMatchRow.case_id.desc())
        .limit(SHOWN * len(REASONS))
    )
    for stmt in (forward, backward):
        for other, reason, score in await s.execute(stmt):
            reasons[other].append((reason, score))
    ids = linked | set(reasons)
    if not ids:
        return ()
    others = (await s.execute(select(CaseRow).where(CaseRow.id.in_(ids)))).scalars()
    visible = [c for c in others if sees(viewer, c)]
    views = [
        RelatedView(c.number, c.id in linked, tuple(sorted(set(reasons[c.id]), key=lambda r: -r[1]))) for c in visible
    ]
    return tuple(sorted(views, key=lambda v: (not v.linked, -max((r[1] for r in v.reasons), default=0), v.number)))


_LINK_STEPS = frozenset({Action.LINK_CASE.value, Action.UNLINK_CASE.value})


async def mask_link_notes(s: AsyncSession, events: list[EventView], viewer: Actor) -> list[EventView]:
    """A link step's note names the other case: kept only for a viewer who may see that case (a handler of one
    case learns nothing of the unit's others from its history)."""
    named = {e.note for e in events if e.action in _LINK_STEPS and e.note}
    if not named:
        return events
    rows = (await s.execute(select(CaseRow).where(CaseRow.number.in_(named)))).scalars()
    shown = {c.number for c in rows if sees(viewer, c)}
    return [replace(e, note="") if e.action in _LINK_STEPS and e.note not in shown else e for e in events]


def sees(viewer: Actor, case: CaseRow) -> bool:
    """The system (the CLI, with the keys) sees all; an officer what ``core.access`` lets them open."""
    if viewer.kind is ActorKind.SYSTEM:
        return True
    return case_access(viewer, case).view


class RepeatService:
    """Linking and unlinking from the officer's card (the look-up itself runs in the filing's transaction)."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx

    async def link(self, actor: Actor, number: str, other: str, *, unlink: bool = False) -> None:
        """Link (or unlink) two cases: the officer may act on the first and see the second (else the same refusal
        as for a case that does not exist). Recorded in both histories."""
        if actor.kind is not ActorKind.OFFICER:
            raise NotPermitted("link", actor.label())
        if number == other:
            raise CaseUnavailable("link", actor.label())
        async with self.ctx.uow() as uow:
            s = uow.session
            case, officer, _ = await officer_case(s, number, actor, "act")
            peer, _, _ = await officer_case(s, other, actor, "view")
            low, high = sorted((case.id, peer.id))
            row = await s.get(CaseLinkRow, (low, high))
            if unlink == (row is None):  # already as asked: nothing to record
                return
            if unlink:
                await s.execute(delete(CaseLinkRow).where(CaseLinkRow.case_id == low, CaseLinkRow.other_id == high))
            else:
                s.add(CaseLinkRow(case_id=low, other_id=high, linked_by=officer.officer_id, linked_at=self.ctx.now()))
            action = Action.UNLINK_CASE if unlink else Action.LINK_CASE
            now = self.ctx.now()
            for a, b in ((case, peer), (peer, case)):
                history.record(s, self.ctx.vault, a, officer, action, now, rule="§10.4", note=b.number)
            await uow.commit()
