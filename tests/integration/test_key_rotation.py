"""``qingfeng keys rotate``: every stored value and evidence file ends up under the new key alone, and a kill at
any point leaves everything readable with the key file as it is (rules.md §4.1)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import select

from bot.dialogs.codec import decode, encode
from bot.dialogs.engine import Conversation
from core.clock import ManualClock
from core.crypto import ROTATION_PENDING, Vault, read_key_file, vault_from_key_file
from core.errors import ApprovalRequested
from core.evidence import EvidenceStore
from core.model import DisposalMethod, EvidenceKind
from core.persistence.orm import CaseRow, DialogRow
from core.persistence.uow import UnitOfWork
from core.reports import EvidenceUpload, ReporterIdentity
from core.services.dialog_store import DialogStore
from core.services.keys import KeyService, encrypted_columns
from core.services.web_chats import WebChats
from qingfeng.app import App, build_app
from tests.factories import FACTS, anonymous_report, closure, named_report, photo, seed_office
from tests.integration.cli_run import run_cli
from tests.integration.test_encryption_at_rest import raw_database_bytes

NAME, PHONE = "欧阳举报人", "13912345678"
JPEG = b"\xff\xd8\xff\xe0"
FILED_PHOTO, ANON_PHOTO, STAGED_PHOTO = (JPEG + f"QF-ROTATE-{i}-".encode() * 8 for i in range(3))
DRAFT = "草稿：村主任克扣补贴"
URGENT = "我不想活了"
TOKEN = re.compile(rb"gAAAAA[A-Za-z0-9_\-]+=*")  # a Fernet token (version byte 0x80), as stored

#: Every ciphertext column of core/persistence/orm.py, written out: a new one must be found by the rotation too.
ENCRYPTED = {
    "cases": {"reporter_enc", "facts_enc", "other_bodies_enc", "result_enc", "receipt_code_enc", "particulars_enc"},
    "reported_persons": {"name_enc", "unit_enc", "post_enc"},
    "reporter_contacts": {"chat_enc"},
    "evidence": {"original_name_enc"},
    "case_events": {"note_enc"},
    "outbox": {"params_enc"},
    "dialogs": {"state_enc"},
    "urgent_notes": {"text_enc", "chat_enc"},
    "urgent_events": {"text_enc"},
    "approvals": {"params_enc", "reason_enc"},
    "web_messages": {"body_enc"},
}


async def fill(app: App) -> dict[str, Any]:
    """Named and anonymous reports with evidence, walked far enough to write notes, results and outbox rows; a
    dialog in progress with a staged file; an urgent note."""
    office = await seed_office(app)
    named = named_report(reporter=ReporterIdentity(name=NAME, phone=PHONE), evidence=(photo(FILED_PHOTO),),
                         other_bodies="区信访局")  # fmt: skip
    number = (await app.filing.file_report(named)).number
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake, note=f"举报人{NAME}")
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(number, office.handler, DisposalMethod.CLOSE, approved_by=office.supervisor)
    await app.cases.conclude(number, office.handler, closure(), approved_by=office.supervisor)
    await app.cases.give_feedback(number, office.handler, "经核查，问题部分属实。")
    anon = (await app.filing.file_report(anonymous_report(evidence=(photo(ANON_PHOTO),)))).number
    await app.cases.register(anon, office.intake)
    with pytest.raises(ApprovalRequested):  # a request declined with a reason: both encrypted (issue 15)
        await app.cases.refer(anon, office.intake, None, "无实质内容")
    [request] = await app.approvals.pending(office.supervisor)
    await app.approvals.decline(request.id, office.supervisor, "请先核实")
    await DialogStore(app.ctx).save(777001, encode(Conversation("zh-CN", "filing", "facts", {"facts": DRAFT})), 0)
    staged = await app.filing.stage_evidence(EvidenceUpload(EvidenceKind.PHOTO, "草稿.jpg", "image/jpeg", STAGED_PHOTO))
    chats = WebChats(app.ctx)  # a web chat's transcript (issue 19)
    _, session = await chats.start("zh-CN")
    await chats.add(session.chat_id, {"text": DRAFT}, mine=True)
    note = await app.urgent.raise_alert(URGENT, chat_id=666001)
    await app.urgent.add_note(office.supervisor, note, "已通知派出所")
    return {"named": number, "anon": anon, "staged": staged.storage_key}


async def reads_everything(app: App, vault: Vault, data: dict[str, Any]) -> None:
    """Every stored value and file decrypts with ``vault``, and the known ones to what was stored."""
    check = await KeyService(app.ctx).check(vault)
    assert check.unreadable == [] and check.files == 3
    assert {c.split(".")[0] for c in check.values} == set(ENCRYPTED)  # every kind of ciphertext is present
    async with UnitOfWork(app.ctx.uow_factory.sessions, vault) as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == data["named"]))).scalar_one()
        dialog = (await uow.session.execute(select(DialogRow))).scalar_one()
        assert vault.decrypt(case.facts_enc).decode() == FACTS
        assert vault.dec_json(case.reporter_enc or b"")["name"] == NAME
        assert vault.dec_json(dialog.state_enc)["answers"]["facts"] == DRAFT
    store = EvidenceStore(app.settings.evidence_dir, vault)
    assert {await store.get(k) for k in store.stored_keys()} == {FILED_PHOTO, ANON_PHOTO, STAGED_PHOTO}


async def stored_tokens(app: App, tmp_path: Path) -> list[bytes]:
    """Every Fernet token in the raw database (as a copy of it shows them) and in the evidence files.

    In a raw row a token may run on into the next column (another token, or text such as "pending"), so a match
    is split where a token starts, and :func:`opens` tries its prefixes.
    """
    raw = await raw_database_bytes(app, tmp_path)
    found = [piece for m in TOKEN.findall(raw) for piece in re.split(rb"(?=gAAAAA)", m) if piece]
    return found + [p.read_bytes() for p in app.settings.evidence_dir.glob("*.bin")]


def opens(vault: Vault, found: bytes) -> bool:
    return any(vault.can_read(found[:n]) for n in range(len(found), 99, -1) if n % 4 == 0)


def test_the_rotation_finds_every_encrypted_column() -> None:
    found = {t.name: {c.name for c in cols} for t, _, cols in encrypted_columns()}
    assert found == ENCRYPTED


async def test_rotate_then_drop_old_keys(
    file_app: App,
    clock: ManualClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = file_app
    data = await fill(app)
    key_file = app.settings.resolved_key_file
    before = read_key_file(key_file)
    old = vault_from_key_file(before)
    await reads_everything(app, old, data)

    code, out, err = await run_cli(app, monkeypatch, capsys, "keys", "rotate", "--batch-size", "3")
    assert code == 0, err
    assert "new key written first" in out and "verified" in out and "--drop-old" in out
    after = read_key_file(key_file)
    assert after["encryption_keys"][1:] == before["encryption_keys"]  # old keys kept, the new one first
    assert after["index_key"] == before["index_key"] and ROTATION_PENDING not in after
    assert key_file.stat().st_mode & 0o777 == 0o600
    new = vault_from_key_file(after).newest_only()
    await reads_everything(app, new, data)
    tokens = await stored_tokens(app, tmp_path)
    assert len(tokens) > 20
    assert [t for t in tokens if opens(old, t)] == []  # the old key no longer opens any stored value
    assert all(opens(new, t) for t in tokens)

    code, out, err = await run_cli(app, monkeypatch, capsys, "keys", "rotate", "--drop-old")
    assert code == 0, err
    assert "1 old keys removed" in out
    dropped = read_key_file(key_file)
    assert dropped["encryption_keys"] == after["encryption_keys"][:1]
    assert key_file.stat().st_mode & 0o777 == 0o600

    code, out, err = await run_cli(app, monkeypatch, capsys, "keys", "check")
    assert code == 0, err
    assert re.search(r"evidence files +3", out) and "3 evidence files decrypt with the configured keys" in out
    assert NAME not in out + err and FACTS not in out + err

    # A fresh start (as the bot after a restart) reads everything through the services with the one key left.
    restarted = await build_app(app.settings, clock=clock, upgrade=False)
    try:
        detail = await restarted.queries.case_detail(data["named"])
        assert detail.facts == FACTS
        assert await restarted.ctx.evidence.get(data["staged"]) == STAGED_PHOTO
        stored = await DialogStore(restarted.ctx).load(777001)
        assert stored is not None and decode(stored.payload).answers["facts"] == DRAFT
    finally:
        await restarted.close()


async def test_an_interrupted_rotation_leaves_everything_readable_and_resumes(
    file_app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    app = file_app
    data = await fill(app)
    key_file = app.settings.resolved_key_file
    old = vault_from_key_file(read_key_file(key_file))

    # Die in the middle of the second batch: the first is committed, the second is not.
    rotate, commit = Vault.rotate, UnitOfWork.commit
    seen = {"rotations": 0, "commits": 0}

    def dying_rotate(self: Vault, token: bytes) -> bytes:
        seen["rotations"] += 1
        if seen["commits"]:
            raise RuntimeError("killed")
        return rotate(self, token)

    async def counting_commit(self: UnitOfWork) -> None:
        await commit(self)
        if seen["rotations"]:
            seen["commits"] += 1

    monkeypatch.setattr(Vault, "rotate", dying_rotate)
    monkeypatch.setattr(UnitOfWork, "commit", counting_commit)
    with pytest.raises(RuntimeError, match="killed"):
        await run_cli(app, monkeypatch, capsys, "keys", "rotate", "--batch-size", "2")
    monkeypatch.setattr(Vault, "rotate", rotate)
    monkeypatch.setattr(UnitOfWork, "commit", commit)

    content = read_key_file(key_file)
    assert content[ROTATION_PENDING] is True and len(content["encryption_keys"]) == 2
    assert key_file.stat().st_mode & 0o777 == 0o600
    await reads_everything(app, vault_from_key_file(content), data)  # the key file as it is reads everything
    new = vault_from_key_file(content).newest_only()
    partly = await KeyService(app.ctx).check(new)
    assert 0 < len(partly.unreadable) < partly.total + partly.files  # some values moved to the new key, not all
    assert len((await KeyService(app.ctx).check(old)).unreadable) > 0

    code, out, err = await run_cli(app, monkeypatch, capsys, "keys", "rotate", "--batch-size", "2")
    assert code == 0, err
    assert "resuming the unfinished rotation" in out and "verified" in out
    content = read_key_file(key_file)
    assert len(content["encryption_keys"]) == 2 and ROTATION_PENDING not in content  # no third key
    await reads_everything(app, vault_from_key_file(content).newest_only(), data)


async def test_keys_from_the_environment(
    app: App, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One key in QINGFENG_ENCRYPTION_KEYS: instructions only; a new key put first there: re-encrypted under it."""
    data = await fill(app)
    code, out, _ = await run_cli(app, monkeypatch, capsys, "keys", "rotate")
    assert code == 0 and "QINGFENG_ENCRYPTION_KEYS" in out and "nothing was changed" in out
    assert not app.settings.resolved_key_file.exists()  # no key file appears beside the configured keys
    old = app.vault
    assert (await KeyService(app.ctx).check(old)).unreadable == []

    current = app.settings.encryption_keys.get_secret_value() if app.settings.encryption_keys else ""
    fresh = Fernet.generate_key().decode()
    settings = app.settings.model_copy(update={"encryption_keys": SecretStr(f"{fresh},{current}")})
    rotated = await build_app(settings, clock=clock, upgrade=False)
    try:
        code, out, err = await run_cli(rotated, monkeypatch, capsys, "keys", "rotate")
        assert code == 0, err
        assert "read with the first key alone" in out
        await reads_everything(rotated, rotated.vault.newest_only(), data)
        left = await KeyService(app.ctx).check(old)
        assert len(left.unreadable) == left.total + left.files  # nothing is left under the old key
    finally:
        await rotated.close()
