"""Repeat reports (issue 17, item 5): earlier reports about the same person or with similar facts found at filing,
shown to officers entitled to see both cases, linked and unlinked, and the per-person ledger (台账)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select

from core.actor import Actor
from core.errors import CaseUnavailable, NotPermitted
from core.model import Action
from core.persistence import migrate
from core.persistence import repository as repo
from core.persistence.orm import CaseEventRow, CaseRow
from core.persistence.orm_repeats import CaseBucketRow, CaseMatchRow, CaseSketchRow
from core.reports import PersonReported
from core.services.desk import Desk
from core.similarity import BANDS, band_keys
from qingfeng.app import App
from tests.factories import FACTS, anonymous_report, named_report, person, seed_office

XIHU = "浙江省/杭州市/西湖区"
BRIBE = ("街道办主任孙某某利用职务便利，在老旧小区改造工程招标中收受施工方老板现金20万元，"
         "并安排其亲属承包小区绿化项目，工程质量很差，居民多次投诉无人理会。")  # fmt: skip
# A retelling sharing about three quarters of the words (Jaccard 0.77): found whatever the index key, which the
# test app draws at random (42 bands of 3 rows miss it once in 10^11; at Jaccard 0.5, once in 500).
BRIBE_RETOLD = ("孙某某是街道办主任，利用职务便利在老旧小区改造工程招标中收了施工方现金20万元，又安排亲属承包绿化项目，"
                "居民多次投诉工程质量差。")  # fmt: skip


def other_person(name: str = "孙某某") -> PersonReported:
    return PersonReported(unit="临安区某街道办事处", region=person().region, name=name, post="主任",
                          level=person().level)  # fmt: skip


async def events(app: App, number: str, action: Action) -> list[tuple[int | None, str]]:
    async with app.ctx.uow() as uow:
        rows = await uow.session.execute(
            select(CaseEventRow.officer_id, CaseEventRow.actor)
            .join(CaseRow, CaseRow.id == CaseEventRow.case_id)
            .where(CaseRow.number == number, CaseEventRow.action == action.value)
        )
        return [(r[0], r[1]) for r in rows]


async def test_a_third_report_about_a_person_shows_both_earlier_ones_with_the_reason(app: App) -> None:
    office = await seed_office(app)
    first = (await app.filing.file_report(named_report())).number
    second = (
        await app.filing.file_report(anonymous_report(facts="张某某在村里修路工程中虚报工程量，套取资金。"))
    ).number
    third = (await app.filing.file_report(named_report(chat_id=555002))).number
    card = await Desk(app.ctx, app.queries).card(office.intake, third)
    related = {r.number: r for r in card.detail.related}
    assert set(related) == {first, second}
    assert ("person", 1.0) in related[second].reasons  # same name, same unit
    reasons = dict(related[first].reasons)
    assert reasons["person"] == 1.0 and reasons["facts"] >= 0.9  # and the very same facts
    assert not any(r.linked for r in card.detail.related)
    # the earlier case shows the later ones too (found when they were filed)
    earlier = await Desk(app.ctx, app.queries).card(office.intake, first)
    assert {r.number for r in earlier.detail.related} == {second, third}


async def test_similar_facts_about_nobody_named_alike_are_found_by_their_sketch(app: App) -> None:
    office = await seed_office(app)
    first = (await app.filing.file_report(named_report(facts=BRIBE, persons=(other_person(),)))).number
    await app.filing.file_report(named_report(persons=(other_person("钱某某"),)))  # unrelated facts, other name
    retold = (await app.filing.file_report(anonymous_report(facts=BRIBE_RETOLD,
                                                            persons=(other_person("某主任"),)))).number  # fmt: skip
    card = await Desk(app.ctx, app.queries).card(office.intake, retold)
    assert [(r.number, [reason for reason, _ in r.reasons]) for r in card.detail.related] == [(first, ["facts"])]
    assert 0.35 <= card.detail.related[0].reasons[0][1] < 1.0


async def test_namesakes_elsewhere_and_unrelated_reports_are_not_listed(app: App) -> None:
    office = await seed_office(app)
    await app.filing.file_report(named_report(persons=(replace(person(region=XIHU), unit="西湖区某局"),)))
    await app.filing.file_report(named_report(facts=BRIBE, persons=(other_person("钱某某"),)))
    number = (await app.filing.file_report(named_report())).number
    card = await Desk(app.ctx, app.queries).card(office.intake, number)
    assert card.detail.related == ()


async def test_an_officer_not_entitled_to_a_case_does_not_see_it_listed(app: App) -> None:
    office = await seed_office(app)
    elsewhere = (await app.filing.file_report(named_report(persons=(person(region=XIHU),)))).number  # routed to XH
    mine = (await app.filing.file_report(named_report())).number
    unassigned = (await app.filing.file_report(named_report())).number
    async with app.ctx.uow() as uow:
        units = dict((await uow.session.execute(select(CaseRow.number, CaseRow.unit_id))).all())
    assert units[elsewhere] != units[mine]
    await app.cases.register(mine, office.intake)
    await app.cases.accept(mine, office.intake)
    await app.cases.assign(mine, office.intake, office.handler.officer_id or 0)
    desk = Desk(app.ctx, app.queries)
    # the system sees all three reports about 张某某 (same unit given, other region): the look-up found them
    assert {r.number for r in (await app.queries.case_detail(unassigned)).related} == {elsewhere, mine}
    # LA's intake: not the case of another unit
    assert {r.number for r in (await desk.card(office.intake, unassigned)).detail.related} == {mine}
    # the handler of one case: not the unit's other cases, which are not theirs
    assert (await desk.card(office.handler, mine)).detail.related == ()
    # XH's handler sees nothing of LA's cases, and LA's cases are not listed on XH's card
    with pytest.raises(CaseUnavailable):
        await desk.card(office.other_county_handler, mine)


async def test_linking_shows_each_case_on_the_others_card_and_is_recorded(app: App) -> None:
    office = await seed_office(app)
    a = (await app.filing.file_report(named_report(facts=BRIBE, persons=(other_person(),)))).number
    b = (await app.filing.file_report(named_report(persons=(other_person("钱某某"),)))).number  # not found at filing
    desk = Desk(app.ctx, app.queries)
    assert (await desk.card(office.intake, b)).detail.related == ()
    await desk.repeats.link(office.intake, b, a)
    await desk.repeats.link(office.intake, a, b)  # already linked: nothing more recorded
    assert [(r.number, r.linked) for r in (await desk.card(office.intake, b)).detail.related] == [(a, True)]
    assert [(r.number, r.linked) for r in (await desk.card(office.supervisor, a)).detail.related] == [(b, True)]
    assert await events(app, a, Action.LINK_CASE) == [(office.intake.officer_id, office.intake.label())]
    assert len(await events(app, b, Action.LINK_CASE)) == 1
    # a handler who may not act on the case cannot link it, nor link to a case they may not see
    with pytest.raises(CaseUnavailable):
        await desk.repeats.link(office.handler, a, b)
    await desk.repeats.link(office.intake, a, b, unlink=True)
    assert (await desk.card(office.intake, b)).detail.related == ()
    assert len(await events(app, b, Action.UNLINK_CASE)) == 1


async def test_the_ledger_lists_the_persons_reports_for_intake_and_is_audited(app: App) -> None:
    office = await seed_office(app)
    numbers = [(await app.filing.file_report(named_report(chat_id=555000 + i))).number for i in range(3)]
    elsewhere = (await app.filing.file_report(named_report(persons=(person(region=XIHU),)))).number
    await app.filing.file_report(named_report(persons=(other_person("钱某某"),)))
    await app.cases.register(numbers[0], office.intake)
    ledgers = await app.desk.ledger.for_case(office.intake, numbers[2])
    assert len(ledgers) == 1
    ledger = ledgers[0]
    assert (ledger.name, ledger.region) == ("张某某", person().region)
    assert [e.number for e in ledger.entries] == numbers  # not XH's case: LA's intake may not see it
    assert [e.state for e in ledger.entries] == ["registered", "received", "received"]
    for number in numbers:
        assert await events(app, number, Action.VIEW_LEDGER) == [(office.intake.officer_id, office.intake.label())]
    assert await events(app, elsewhere, Action.VIEW_LEDGER) == []
    card = await Desk(app.ctx, app.queries).card(office.intake, numbers[0])
    assert Action.VIEW_LEDGER.value not in {e.action for e in card.detail.events}  # in the audit trail only
    # a handler keeps no ledger; the system (the CLI) sees every report about the person
    with pytest.raises(NotPermitted):
        await app.desk.ledger.for_case(office.handler, numbers[0])
    everything = await app.desk.ledger.for_name(Actor.system("cli"), "张某某")
    assert [e.number for e in everything.entries] == [*numbers, elsewhere]


async def test_filing_stores_the_keyed_sketch_and_its_band_keys_only(app: App) -> None:
    number = (await app.filing.file_report(named_report(facts=FACTS))).number
    async with app.ctx.uow() as uow:
        s = uow.session
        case_id = (await s.execute(select(CaseRow.id).where(CaseRow.number == number))).scalar_one()
        assert await s.get(CaseSketchRow, case_id) is not None
        assert (await s.execute(select(func.count()).where(CaseBucketRow.case_id == case_id))).scalar_one() == BANDS
        assert (await s.execute(select(func.count()).select_from(CaseMatchRow))).scalar_one() == 0


async def test_migration_0024_rebuilds_the_band_keys_from_the_stored_signatures(file_app: App) -> None:
    """Band keys are a function of the signature alone: 0024 recomputes them (42 of 3 rows) and its downgrade
    puts back 0023's 32 of 4 rows, for every stored sketch."""
    import hashlib

    await file_app.filing.file_report(named_report(facts=BRIBE, persons=(other_person(),)))
    await file_app.filing.file_report(named_report(facts=BRIBE_RETOLD, persons=(other_person("钱某某"),)))

    async def stored() -> dict[int, tuple[bytes, set[str]]]:
        async with file_app.ctx.uow() as uow:
            sigs = dict((await uow.session.execute(select(CaseSketchRow.case_id, CaseSketchRow.signature))).all())
            keys: dict[int, set[str]] = {}
            for case_id, bucket in await uow.session.execute(select(CaseBucketRow.case_id, CaseBucketRow.bucket)):
                keys.setdefault(case_id, set()).add(bucket)
        return {c: (sig, keys[c]) for c, sig in sigs.items()}

    def four_rows(sig: bytes) -> set[str]:
        return {hashlib.blake2b(bytes([b]) + sig[b * 16 : (b + 1) * 16], digest_size=8).hexdigest() for b in range(32)}

    now = await stored()
    assert len(now) == 2 and all(keys == set(band_keys(sig)) and len(keys) == BANDS for sig, keys in now.values())
    try:
        await migrate.downgrade(file_app.engine, "0023")
        assert {c: keys for c, (_, keys) in (await stored()).items()} == {c: four_rows(s) for c, (s, _) in now.items()}
    finally:
        await migrate.upgrade(file_app.engine)
    assert await stored() == now


async def test_the_look_up_at_filing_reads_indexes_not_whole_tables(app: App) -> None:
    """The statements ``find_earlier`` runs, explained: each reads an index (the name's blind index, the bucket
    keys, primary keys), never a whole table — what keeps it under 20 ms at 100 k cases (bench/repeats.py)."""
    from sqlalchemy import event, text

    from core.scope import classifier
    from core.services.repeats import fact_sketch, find_earlier

    await seed_office(app)
    for _ in range(3):
        await app.filing.file_report(named_report())
    probe = (await app.filing.file_report(named_report(facts=BRIBE))).number
    statements: list[tuple[str, Any]] = []

    def seen(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    sync_engine = app.engine.sync_engine
    async with app.ctx.uow() as uow:
        s = uow.session
        case = (await s.execute(select(CaseRow).where(CaseRow.number == probe))).scalar_one()
        persons = await repo.persons_of(s, case)
        facts = fact_sketch(app.ctx.vault, classifier().tokens(FACTS))
        event.listen(sync_engine, "before_cursor_execute", seen)
        try:
            found = await find_earlier(s, case.id, persons, facts)
        finally:
            event.remove(sync_engine, "before_cursor_execute", seen)
    assert {f.reason for f in found} == {"person", "facts"}
    lookups = [(q, p) for q, p in statements if "reported_persons" in q or "case_buckets" in q or "case_sketches" in q]
    assert len(lookups) == 2, statements  # the person, then the buckets with their sketches
    async with app.engine.connect() as conn:
        postgres = conn.dialect.name == "postgresql"
        if postgres:  # tiny tables: the planner would scan them anyway; ask whether an index can serve
            await conn.execute(text("SET enable_seqscan = off"))
        for statement, parameters in lookups:
            explain = "EXPLAIN " if postgres else "EXPLAIN QUERY PLAN "
            plan = " ".join(str(r[-1]) for r in await conn.exec_driver_sql(explain + statement, parameters))
            if postgres:
                assert "Seq Scan" not in plan, (statement, plan)
            else:
                tables = ("reported_persons", "case_buckets", "case_sketches")  # a scan of the ≤ 20 candidates is fine
                assert "SEARCH" in plan and not any(f"SCAN {t}" in plan for t in tables), (statement, plan)
