"""Who may see and act on a case (core.access), on the core services: each role against each relation to the case.

SECURITY.md, "a curious officer": intake and supervisors see their unit's cases, a handler only the cases
assigned to them, a transfer's target unit may only receive it, and nobody once deactivated. Every view of a
card (facts), of the identity and of an evidence file is in the audit trail; refusals write nothing and say
the same as for a number that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from core.actor import Actor
from core.errors import CaseUnavailable
from core.model import Role
from core.persistence.orm import CaseEventRow
from core.services.desk import Desk
from core.services.messaging import MessagingService
from qingfeng.app import App
from tests.factories import Office, named_report, photo, seed_office

OPS = ("view", "note", "question", "evidence", "identity")
ALL = frozenset(OPS)
HANDLING = frozenset({"view", "note", "question", "evidence"})
NOTHING: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Row:
    officer: str  # an Office field, or "admin"
    relation: str  # "assigned" (to 李承办), "unassigned", "transferred" (to HZ), "deactivated" (officer left),
    # "followed" (sent down by HZ, taken in by LA)
    allowed: frozenset[str]


TABLE = [
    Row("intake", "assigned", ALL),  # own unit, assigned to another officer
    Row("intake", "unassigned", ALL),
    Row("supervisor", "assigned", ALL),
    Row("supervisor", "unassigned", ALL),
    Row("handler", "assigned", HANDLING),  # own unit, assigned to me: no identity (rules.md §4.1)
    Row("handler2", "assigned", NOTHING),  # own unit, assigned to another handler
    Row("handler", "unassigned", NOTHING),  # own unit, not assigned yet
    Row("admin", "unassigned", NOTHING),  # staff management is no case role
    Row("other_county_handler", "assigned", NOTHING),  # another unit
    Row("city_intake", "unassigned", NOTHING),  # another unit (the one above)
    Row("city_intake", "transferred", frozenset({"view"})),  # the transfer's target: sees it to receive it
    # sent down by the city and taken in by the county: the receiver holds it, the sender follows it (§10.3) —
    # its card, without identity or files, and no step but the follow-up's (催办, 报结, closing its record)
    Row("intake", "followed", ALL),
    Row("city_intake", "followed", frozenset({"view"})),
    Row("handler", "deactivated", NOTHING),  # assigned to them until they left: a held Actor is no pass
    Row("intake", "deactivated", NOTHING),
]


async def prepare(app: App, office: Office, relation: str) -> str:
    number = (await app.filing.file_report(named_report(evidence=(photo(),)))).number
    await app.cases.register(number, office.intake)
    if relation in ("transferred", "followed"):
        await app.cases.transfer(number, office.intake, "HZ", approved_by=office.supervisor)
    if relation == "followed":  # the city's leader approves its 转出 (rules.md §10.2)
        city_leader = await app.officers.add_officer("孙市领导", "HZ", [Role.SUPERVISOR], telegram_id=2004)
        await app.cases.receive_transfer(number, office.city_intake)
        await app.cases.transfer(number, office.city_intake, "LA",
                                 approved_by=await app.officers.actor_for_officer(city_leader.id))  # fmt: skip
        await app.cases.receive_transfer(number, office.intake)
    if relation in ("transferred", "followed"):
        return number
    await app.cases.accept(number, office.intake)
    if relation in ("assigned", "deactivated"):
        await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    return number


async def attempt(app: App, actor: Actor, number: str, evidence_id: int) -> set[str]:
    """Each operation tried; the set of those that worked. A refusal must be CaseUnavailable, nothing else."""
    desk, done = Desk(app.ctx, app.queries), set()
    tries = {
        "view": lambda: desk.card(actor, number),
        "note": lambda: app.cases.add_note(number, actor, "约谈安排在周三"),
        "question": lambda: MessagingService(app.ctx).ask(number, actor, "请问具体是哪两户？"),
        "evidence": lambda: desk.evidence_file(actor, number, evidence_id),
    }
    for op, call in tries.items():
        try:
            await call()
        except CaseUnavailable:
            continue
        done.add(op)
    try:
        card = await desk.card(actor, number, with_identity=True)
    except CaseUnavailable:
        return done
    if card.detail.reporter is not None:
        assert card.identity_visible and card.detail.reporter["name"] == "刘举报"
        done.add("identity")
    return done


async def views_by(app: App, officer_id: int | None) -> list[str]:
    async with app.ctx.uow() as uow:
        rows = await uow.session.execute(
            select(CaseEventRow.action).where(CaseEventRow.officer_id == officer_id).order_by(CaseEventRow.id)
        )
        return [a for a in rows.scalars() if a.startswith("view_") or a in ("add_note", "ask_reporter")]


@pytest.mark.parametrize("row", TABLE, ids=lambda r: f"{r.officer}-{r.relation}")
async def test_each_role_against_each_relation_to_the_case(app: App, row: Row) -> None:
    office = await seed_office(app)
    if row.officer == "admin":
        view = await app.officers.add_officer("孙管理", "LA", [Role.ADMIN], telegram_id=1009)
        actor = await app.officers.actor_for_officer(view.id)
    else:
        actor = getattr(office, row.officer)
    number = await prepare(app, office, row.relation)
    [evidence] = (await app.queries.case_detail(number)).evidence
    if row.relation == "deactivated":
        successor = office.handler2.officer_id if row.officer == "handler" else None
        await app.officers.deactivate(actor.officer_id or 0, successor, Actor.system("cli"))

    assert await attempt(app, actor, number, evidence.id) == set(row.allowed)

    # Every look at the facts, the identity or a file is recorded; refused attempts record nothing.
    expected = []
    if "view" in row.allowed:
        expected += ["view_case"]
    if "note" in row.allowed:
        expected += ["add_note"]
    if "question" in row.allowed:
        expected += ["ask_reporter"]
    if "evidence" in row.allowed:
        expected += ["view_evidence"]
    if "view" in row.allowed:  # the card asked for with identity
        expected += ["view_case"] + (["view_identity"] if "identity" in row.allowed else [])
    assert await views_by(app, actor.officer_id) == expected


async def test_a_missing_number_is_refused_like_a_case_not_ones_own(app: App) -> None:
    office = await seed_office(app)
    number = (await app.filing.file_report(named_report())).number
    desk = Desk(app.ctx, app.queries)
    refusals = []
    for target in (number, "XF-2026-999999"):
        with pytest.raises(CaseUnavailable) as refused:
            await desk.card(office.handler, target)
        refusals.append((type(refused.value), refused.value.key, refused.value.params))
        with pytest.raises(CaseUnavailable):
            await app.cases.add_note(target, office.handler, "备注")
        with pytest.raises(CaseUnavailable):
            await app.cases.transfer(target, office.other_county_handler, "NO-SUCH-UNIT")
    assert refusals[0] == refusals[1]
