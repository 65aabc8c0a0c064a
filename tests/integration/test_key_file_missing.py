"""A missing or wrong key file is refused, never silently replaced (issue 11, item 5).

A volume that is not mounted, or a restored database with a key file from elsewhere, must not start a bot that
files new reports under a new key: when the real key file came back, those reports would be unreadable. A key
is created only for a database that holds nothing encrypted yet (a fresh install)."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr

from bot.dialogs.codec import encode
from bot.dialogs.engine import Conversation
from core.crypto import write_key_file
from core.model import UnitLevel
from core.services.dialog_store import DialogStore
from qingfeng.app import App
from tests.factories import named_report, seed_office
from tests.integration.cli_run import run_cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def assert_refused(code: int, out: str, err: str, key_file: Path, *words: str) -> None:
    assert code == 2, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert str(key_file) in lines[0] and all(w in lines[0] for w in words), lines[0]


async def test_a_missing_key_file_with_reports_in_the_database_is_refused_by_every_entry_point(
    file_app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await seed_office(file_app)
    number = (await file_app.filing.file_report(named_report())).number
    key_file = file_app.settings.resolved_key_file
    key_file.rename(key_file.with_name("elsewhere.keys"))  # the volume holding it is not mounted
    monkeypatch.setenv("QINGFENG_BOT_TOKEN", "123456:test-token")
    monkeypatch.setenv("QINGFENG_TELEGRAM_API", "http://127.0.0.1:9")  # never reached: refused before polling
    for argv in (["cases", "list"], ["case", "show", number], ["db", "upgrade"], ["keys", "check"], ["chat"],
                 ["run"], ["run", "--runtime", "ptb"]):  # fmt: skip
        code, out, err = await run_cli(file_app, monkeypatch, capsys, *argv)
        assert_refused(code, out, err, key_file, "QINGFENG_KEY_FILE", "QINGFENG_ENCRYPTION_KEYS")
        assert not key_file.exists(), argv  # no new key was made
    assert number not in out


async def test_a_dialog_in_progress_is_data_too(
    file_app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing filed yet, but a citizen's answers are stored encrypted: still refused."""
    await DialogStore(file_app.ctx).save(
        4242, encode(Conversation("zh-CN", "filing", "r_name", {"reporter_name": "某某"})), 0
    )
    key_file = file_app.settings.resolved_key_file
    key_file.unlink()
    code, out, err = await run_cli(file_app, monkeypatch, capsys, "cases", "list")
    assert_refused(code, out, err, key_file, "QINGFENG_KEY_FILE")
    assert not key_file.exists()


async def test_a_key_file_that_does_not_fit_the_data_is_refused(
    file_app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await seed_office(file_app)
    await file_app.filing.file_report(named_report())
    key_file = file_app.settings.resolved_key_file
    write_key_file(key_file, {"encryption_keys": [Fernet.generate_key().decode()], "index_key": new_index_key()})
    before = key_file.read_bytes()  # another installation's key file, put in its place
    code, out, err = await run_cli(file_app, monkeypatch, capsys, "cases", "list")
    assert_refused(code, out, err, key_file, "do not decrypt")
    assert key_file.read_bytes() == before

    # keys given in the environment are checked the same way
    file_app.settings.encryption_keys = SecretStr(Fernet.generate_key().decode())
    file_app.settings.index_key = SecretStr(new_index_key())
    code, out, err = await run_cli(file_app, monkeypatch, capsys, "cases", "list")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "QINGFENG_ENCRYPTION_KEYS" in err and "do not decrypt" in err


def new_index_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


async def test_a_database_without_encrypted_data_gets_a_new_key(
    file_app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Units and officers are set up before any report: nothing is encrypted yet, so a key may still be made."""
    await file_app.officers.add_unit("HZ", "杭州市纪委监委", UnitLevel.CITY, "浙江省/杭州市")
    key_file = file_app.settings.resolved_key_file
    key_file.unlink()
    code, out, err = await run_cli(file_app, monkeypatch, capsys, "units", "list")
    assert code == 0, err
    assert "HZ" in out and key_file.exists() and key_file.stat().st_mode & 0o777 == 0o600
