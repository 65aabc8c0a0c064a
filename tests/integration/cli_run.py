"""Running ``qingfeng.cli.main`` against a test's database, in a worker thread (main runs its own event loop)."""

from __future__ import annotations

import asyncio

import pytest
from alembic import command

from core.persistence.migrate import alembic_config
from qingfeng.app import App
from qingfeng.cli import main


async def stamp_head(app: App) -> None:
    """The SQLite fixture creates tables from the ORM; mark them migrated so main's upgrade is a no-op."""
    if app.engine.dialect.name == "sqlite":
        async with app.engine.begin() as conn:
            await conn.run_sync(lambda c: command.stamp(alembic_config(c), "head"))


def _main(argv: list[str]) -> int:
    """``main``, with argparse's exit (bad arguments: status 2) returned as the exit status it is."""
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1


async def run_cli(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``qingfeng <argv>`` on ``app``'s data directory, database and keys."""
    s = app.settings
    monkeypatch.chdir(s.data_dir.parent)  # no stray .env
    monkeypatch.setenv("QINGFENG_DATA_DIR", str(s.data_dir))
    monkeypatch.setenv("QINGFENG_DATABASE_URL", s.db_url)
    for name, secret in (("QINGFENG_ENCRYPTION_KEYS", s.encryption_keys), ("QINGFENG_INDEX_KEY", s.index_key)):
        if secret is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, secret.get_secret_value())
    await stamp_head(app)
    capsys.readouterr()
    code = await asyncio.to_thread(_main, list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err
