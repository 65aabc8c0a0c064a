"""``qingfeng purge``: archived cases past the retention period keep statistics only; nothing else is touched."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from core.actor import Actor
from core.clock import ManualClock
from core.errors import NotFound
from core.model import DisposalMethod
from core.persistence.orm import CaseRow, EvidenceRow, UrgentEventRow
from core.reports import ReporterIdentity
from core.services.audit import AuditService
from core.services.desk import Desk
from core.services.retention import RetentionService
from core.services.views import PURGED
from qingfeng.app import App
from tests.factories import FACTS, Office, anonymous_report, closure, named_report, person, photo, seed_office
from tests.integration.cli_run import run_cli
from tests.integration.helpers import db_snapshot
from tests.integration.test_encryption_at_rest import raw_database_bytes

TOKEN = re.compile(rb"gAAAAA[A-Za-z0-9_\-]+=*")
JPEG = b"\xff\xd8\xff\xe0"


def marks(tag: str) -> dict[str, str]:
    """Values that identify one case: its reporter, facts, person reported, notes, evidence."""
    return {"name": f"举报人{tag}", "phone": f"1391234{ord(tag) % 10000:04d}", "facts": f"{FACTS}（{tag}案）",
            "person": f"钱{tag}某", "note": f"核实人{tag}", "photo": f"QF-PHOTO-{tag}-"}  # fmt: skip


async def archived(app: App, office: Office, tag: str, *, named: bool = True, archive: bool = True) -> str:
    m = marks(tag)
    kw = dict(facts=m["facts"], persons=(person(name=m["person"]),), evidence=(photo(JPEG + m["photo"].encode()),))
    report = (named_report(reporter=ReporterIdentity(name=m["name"], phone=m["phone"]), **kw) if named
              else anonymous_report(**kw))  # fmt: skip
    number = (await app.filing.file_report(report)).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake, note=m["note"])
    if not archive:
        return number
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(number, office.handler, DisposalMethod.CLOSE, approved_by=office.supervisor)
    await app.cases.conclude(number, office.handler, closure(named=named), approved_by=office.supervisor)
    if named:
        await app.cases.give_feedback(number, office.handler, f"反馈：{m['note']}")
    await app.cases.archive(number, office.intake, approved_by=office.supervisor)
    return number


async def plaintexts(app: App, tmp_path: Path) -> str:
    """Everything the raw database holds, decrypted with the keys: what a thief with both could read."""
    raw = await raw_database_bytes(app, tmp_path)
    out: list[str] = []
    for m in TOKEN.findall(raw):
        for piece in re.split(rb"(?=gAAAAA)", m):
            for n in range(len(piece), 99, -1):
                if n % 4 == 0 and app.vault.can_read(piece[:n]):
                    out.append(app.vault.decrypt(piece[:n]).decode("utf-8", "replace"))
                    break
    return "\n".join(out) + raw.decode("utf-8", "replace")


def evidence_bytes(app: App) -> bytes:
    store = app.ctx.evidence
    return b"\n".join(app.vault.decrypt(store.directory.joinpath(f"{k}.bin").read_bytes()) for k in store.stored_keys())


async def test_purge_erases_old_archived_cases_only(app: App, clock: ManualClock, tmp_path: Path) -> None:
    office = await seed_office(app)
    old_named = await archived(app, office, "甲")
    old_anon = await archived(app, office, "乙", named=False)
    open_old = await archived(app, office, "丙", archive=False)  # old, but still being handled
    anon_row = await _case(app, old_anon)
    clock.advance(timedelta(days=50))
    recent = await archived(app, office, "丁")
    clock.advance(timedelta(days=10))  # now: day 60; a 30-day period reaches back to day 30
    retention = RetentionService(app.ctx)
    system = Actor.system("cli")

    before, files_before = await db_snapshot(app), sorted(app.settings.evidence_dir.iterdir())
    dry = await retention.purge(system, 30, dry_run=True)
    assert (dry.numbers, dry.evidence_files, dry.dry_run) == ([old_named, old_anon], 2, True)
    assert await db_snapshot(app) == before and sorted(app.settings.evidence_dir.iterdir()) == files_before

    report = await retention.purge(system, 30)
    assert (report.numbers, report.evidence_files) == ([old_named, old_anon], 2)

    text, files = await plaintexts(app, tmp_path), evidence_bytes(app)
    for tag in ("甲", "乙"):
        leaks = [k for k, v in marks(tag).items() if v in text or v.encode() in files]
        assert leaks == [], tag
    for tag in ("丙", "丁"):  # the search works: untouched cases still hold theirs
        assert marks(tag)["name"] in text and marks(tag)["facts"] in text and marks(tag)["photo"].encode() in files
    assert len(list(app.settings.evidence_dir.iterdir())) == 2

    # Statistics stay: the case is listed and counted with its type, category, channel, unit, dates, disposal.
    listed = {c.number: c for c in await app.queries.list_cases()}
    assert set(listed) == {old_named, old_anon, open_old, recent}
    assert (listed[old_named].state, listed[old_named].category, listed[old_named].unit) == ("archived", "masses", "LA")
    detail = await app.queries.case_detail(old_named)
    assert detail.facts == PURGED and detail.evidence == [] and detail.purged_evidence == {"photo": 1}
    assert detail.disposal_method == "close" and detail.result == {"findings": [{"finding": "partly_true"}]}
    assert [p.name for p in detail.persons] == [""] and detail.persons[0].level == "village"
    assert [e.action for e in detail.events][-4:] == ["give_feedback", "approve", "archive", "purge"]
    assert all(e.note == "" for e in detail.events if e.action in ("accept", "give_feedback"))
    assert detail.purged_at == clock.now()

    # Officers' views say "purged" instead of failing; nothing can be opened any more.
    desk = Desk(app.ctx, app.queries)
    card = await desk.card(office.supervisor, old_named, with_identity=True)
    assert card.detail.reporter is None and not card.identity_visible and card.detail.facts == PURGED
    async with app.ctx.uow() as uow:
        [item] = (await uow.session.execute(select(EvidenceRow).where(EvidenceRow.case_id == anon_row))).scalars()
        assert (item.kind, item.purged_at, item.original_name_enc, item.sha256) == ("photo", clock.now(), None, "")
    with pytest.raises(NotFound):
        await desk.evidence_file(office.supervisor, old_anon, item.id)
    trail = await AuditService(app.ctx).trail(old_named)
    assert (trail.entries[-2].action, trail.entries[-2].actor, trail.purged_at) == ("purge", "system", clock.now())
    assert trail.entries[-1].action == "view_case"  # the supervisor's look at the purged card, audited too
    assert [s.number for s in await app.queries.status_for_chat(555001)] == [open_old, recent]  # binding gone
    row = await _row(app, old_anon)
    assert (row.query_code_index, row.password_hash, row.reporter_enc) == (None, None, None)

    # Untouched: the recent archived case and the old open one keep identity and evidence.
    recent_card = await desk.card(office.intake, recent, with_identity=True)
    assert recent_card.detail.reporter is not None and recent_card.detail.reporter["name"] == marks("丁")["name"]
    assert (await app.queries.case_detail(open_old)).facts == marks("丙")["facts"]

    # Idempotent: a second run finds nothing and changes nothing.
    after = await db_snapshot(app)
    again = await retention.purge(system, 30)
    assert (again.numbers, again.evidence_files) == ([], 0)
    assert await db_snapshot(app) == after


async def test_purge_cli_dry_run_then_purge(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI runs on the real clock: cases are archived 40 days and 1 day before now."""
    now = datetime.now(UTC)
    office = await seed_office(app)
    clock.set(now - timedelta(days=40))
    old = await archived(app, office, "戊")
    clock.set(now - timedelta(days=1))
    new = await archived(app, office, "己")

    code, out, err = await run_cli(app, monkeypatch, capsys, "purge")  # default period: five years
    assert code == 0, err
    assert out.startswith("0 cases archived before ")
    code, out, err = await run_cli(app, monkeypatch, capsys, "purge", "--older-than", "30", "--dry-run")
    assert code == 0, err
    dry = r"dry run: 1 cases archived before \S+ \S+ \(UTC\+8\) would be purged \(1 evidence files\); nothing"
    assert re.match(dry, out)
    assert out.splitlines()[1:] == [f"  {old}"]
    assert (await app.queries.case_detail(old)).purged_at is None
    code, out, err = await run_cli(app, monkeypatch, capsys, "purge", "--older-than", "30")
    assert code == 0, err
    assert "1 cases archived before" in out and "purged; 1 evidence files deleted" in out and f"  {old}" in out
    code, out, err = await run_cli(app, monkeypatch, capsys, "purge", "--older-than", "30")
    assert out.startswith("0 cases") and old not in out

    code, out, err = await run_cli(app, monkeypatch, capsys, "case", "show", old)
    assert code == 0, err
    assert "主要问题：\n[purged]" in out and "保存期满：举报人身份、举报内容和 1 个证据文件已清除" in out
    assert marks("戊")["name"] not in out and marks("戊")["facts"] not in out
    code, out, err = await run_cli(app, monkeypatch, capsys, "cases", "list")
    assert code == 0 and old in out and new in out and "2 cases" in out


async def _row(app: App, number: str) -> CaseRow:
    async with app.ctx.uow() as uow:
        return (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()


async def _case(app: App, number: str) -> int:
    return (await _row(app, number)).id


async def test_purge_erases_old_urgent_messages_and_their_pushes(app: App, clock: ManualClock, tmp_path: Path) -> None:
    """Danger messages (rules.md §8) belong to no case; they are erased by age, with the pushes quoting them."""
    office = await seed_office(app)
    old = await app.urgent.raise_alert("甲某说今晚要带着汽油去镇政府", chat_id=666001)
    await app.urgent.reply(office.supervisor, old, "请冷静，我们已通知镇派出所")  # what officers did goes too
    await app.urgent.close(office.supervisor, old, "派出所已到场劝离")
    clock.advance(timedelta(days=40))
    await app.urgent.raise_alert("乙某说不想活了", chat_id=666002)
    report = await RetentionService(app.ctx).purge(Actor.system("cli"), 30)
    assert report.urgent_notes == 1
    text = await plaintexts(app, tmp_path)
    assert "汽油" not in text and "不想活了" in text  # the recent one stays, in the note and in its push
    assert "派出所" not in text and "666001" not in text  # its answer, note and chat are gone with it
    async with app.ctx.uow() as uow:
        left = (await uow.session.execute(select(UrgentEventRow.note_id))).scalars().all()
    assert old not in left
