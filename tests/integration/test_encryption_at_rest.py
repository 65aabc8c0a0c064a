"""Nothing that identifies the reporter, nor the report's content, is readable from the database or the files (§4.1)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy import select, text

from core.clock import ManualClock
from core.model import DisposalMethod
from core.persistence.orm import EvidenceRow
from core.reports import ReporterIdentity
from qingfeng.app import App
from tests.factories import FACTS, closure, named_report, person, photo, seed_office

NAME = "欧阳举报人"
PHONE = "13912345678"
ID_NUMBER = "11010519491231002X"
ADDRESS = "临安区锦城街道某小区3幢"
PERSON = "钱某某"
PHOTO = b"\xff\xd8\xff\xe0" + b"QF-EVIDENCE-MARKER-" + os.urandom(64) + b"-END"
FEEDBACK = "经核查，钱某某违规发放低保属实，已处理。"


def secrets_of_the_report() -> dict[str, bytes]:
    return {
        "reporter name": NAME.encode(),
        "phone": PHONE.encode(),
        "id number": ID_NUMBER.encode(),
        "address": ADDRESS.encode(),
        "facts": FACTS.encode(),
        "facts (a clause)": "把名额给了自己的两个亲戚".encode(),
        "reported person": PERSON.encode(),
        "reported unit": "临安区某镇某村村委会".encode(),
        "evidence file name": "现场.jpg".encode(),
        "photo bytes": PHOTO,
        "photo bytes (a slice)": PHOTO[4:40],
        "chat id": b"555001",
        "feedback": FEEDBACK.encode(),
    }


def sqlite_file_bytes(db: Path) -> bytes:
    """The main file and the write-ahead log (recent pages live in the WAL until a checkpoint)."""
    files = [p for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-journal")) if p.exists()]
    assert db in files and db.stat().st_size > 0
    return b"".join(p.read_bytes() for p in files)


async def raw_database_bytes(app: App, tmp_path: Path) -> bytes:
    """The database as an attacker with a copy of it sees it."""
    if app.engine.dialect.name == "sqlite":
        return sqlite_file_bytes(Path(app.engine.url.database or ""))
    chunks: list[bytes] = []
    async with app.engine.connect() as conn:
        columns = (
            await conn.execute(
                text(
                    "SELECT table_name, column_name, data_type FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND data_type IN "
                    "('bytea', 'text', 'character varying', 'json', 'jsonb')"
                )
            )
        ).all()
        assert {c.table_name for c in columns} >= {"cases", "reported_persons", "reporter_contacts", "outbox"}
        for table, column, data_type in columns:
            for (value,) in await conn.execute(text(f'SELECT "{column}"::text FROM "{table}"')):
                if value is None:
                    continue
                chunks.append(value.encode())
                if data_type == "bytea":  # ::text renders bytea as \x<hex>; search the real bytes too
                    chunks.append(bytes.fromhex(value[2:]))
    return b"\x00".join(chunks)


async def test_database_and_evidence_files_hold_no_plaintext(app: App, clock: ManualClock, tmp_path: Path) -> None:
    office = await seed_office(app)
    report = named_report(
        reporter=ReporterIdentity(name=NAME, phone=PHONE, id_number=ID_NUMBER, address=ADDRESS),
        persons=(person(name=PERSON),),
        evidence=(photo(PHOTO),),
    )
    number = (await app.filing.file_report(report)).number
    # Walk the case far enough that notes, the closure report and feedback (quoted in the outbox) are stored too.
    await app.cases.register(number, office.intake)
    await app.cases.accept(number, office.intake, note=f"举报人{NAME}电话{PHONE}")
    await app.cases.assign(number, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(number, office.handler, DisposalMethod.CLOSE, approved_by=office.supervisor)
    await app.cases.conclude(number, office.handler, closure(), approved_by=office.supervisor)
    await app.cases.give_feedback(number, office.handler, FEEDBACK)

    raw = await raw_database_bytes(app, tmp_path)
    assert number.encode() in raw  # the search works: plain columns are found
    assert "浙江省/杭州市/临安区".encode() in raw
    leaks = [what for what, needle in secrets_of_the_report().items() if needle in raw]
    assert leaks == []

    evidence_files = sorted(app.settings.evidence_dir.iterdir())
    assert len(evidence_files) == 1
    stored = evidence_files[0].read_bytes()
    leaks = [what for what, needle in secrets_of_the_report().items() if needle in stored]
    assert leaks == []
    assert len(stored) > len(PHOTO)  # a Fernet token, not the bytes
    assert evidence_files[0].stat().st_mode & 0o777 == 0o600  # not readable by other accounts either

    async with app.ctx.uow() as uow:
        [row] = (await uow.session.execute(select(EvidenceRow))).scalars().all()
        uow.session.expunge(row)
    assert evidence_files[0].name == f"{row.storage_key}.bin"
    assert await app.ctx.evidence.get(row.storage_key) == PHOTO
    assert row.sha256 == hashlib.sha256(PHOTO).hexdigest()
    assert (row.size, row.mime_type, app.vault.dec_text(row.original_name_enc)) == (
        len(PHOTO),
        "image/jpeg",
        "现场.jpg",
    )

    # Officers still see everything through the service (decrypted on read).
    detail = await app.queries.case_detail(number, office.intake)
    assert detail.facts == FACTS
    assert detail.persons[0].name == PERSON
    assert detail.evidence[0].sha256 == row.sha256
