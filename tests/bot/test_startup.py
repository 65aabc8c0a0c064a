"""What a start loads, and when (issue 13): each runtime imports only itself, Alembic only when there is something
to migrate, and jieba's dictionary once polling has begun. The import checks run ``qingfeng`` in a subprocess
(this process has imported everything already) and read its ``sys.modules`` once the bot has answered."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from core.persistence import migrate
from core.persistence.db import make_engine
from core.scope import classify as scope
from qingfeng.runner import run_bot

from .conftest import RUNTIMES, TOKEN
from .fake_telegram import PATIENCE, FakeTelegram
from .test_run import answers_start, running, settings_for

# The child runs the real entry point; told on stdin that the test has seen what it needed, it writes the names of
# the modules it has loaded to the file named first and leaves without shutting down.
RUN_CHILD = """
import json, os, sys, threading
def report():
    sys.stdin.readline()
    with open(sys.argv[1], "w") as f:
        json.dump(list(sys.modules), f)
    os._exit(0)
threading.Thread(target=report, daemon=True).start()
from qingfeng.cli import main
sys.exit(main(sys.argv[2:]))
"""
CHAT_CHILD = """
import json, sys
from qingfeng.cli import main
status = main(sys.argv[2:])
with open(sys.argv[1], "w") as f:
    json.dump(list(sys.modules), f)
sys.exit(status)
"""
# polling loads no web front and no metrics (bot.webhook, prometheus_client: webhook mode only)
POLLING = ("alembic", "bot.webhook", "bot.metrics", "prometheus_client")
NOT_LOADED = {
    "aiogram": ("telegram", "bot.runtimes.ptb", "bot.runtimes.console", *POLLING),
    "ptb": ("aiogram", "bot.runtimes.aiogram", "bot.runtimes.console", *POLLING),
    "chat": ("aiogram", "telegram", "bot.runtimes.ptb", "bot.runtimes.aiogram", *POLLING),
}


def environment(tmp_path: Path, tg: FakeTelegram, db_url: str, keys: dict[str, str]) -> dict[str, str]:
    env = {**os.environ, "QINGFENG_BOT_TOKEN": TOKEN, "QINGFENG_TELEGRAM_API": tg.api_root,
           "QINGFENG_DATA_DIR": str(tmp_path / "data"), "QINGFENG_DATABASE_URL": db_url}  # fmt: skip
    return env | {f"QINGFENG_{name.upper()}": value for name, value in keys.items()}


def loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(f"{n}.") for n in names))


@pytest.mark.parametrize("runtime", RUNTIMES)
async def test_a_run_imports_its_own_runtime_only_and_no_alembic(
    tmp_path: Path, tg: FakeTelegram, runtime: str
) -> None:
    settings = await settings_for(tmp_path, tg)  # an office, the schema at head
    keys = {n: getattr(settings, n).get_secret_value() for n in ("encryption_keys", "index_key")}
    dump = tmp_path / "modules.json"
    command = (sys.executable, "-c", RUN_CHILD, str(dump), "run", "--runtime", runtime)
    process = await asyncio.create_subprocess_exec(*command, env=environment(tmp_path, tg, settings.db_url, keys),
                                                   cwd=tmp_path, stdin=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.PIPE)  # fmt: skip
    try:
        await answers_start(tg)  # polling, and a citizen answered: everything a start needs is loaded by now
        assert process.stdin is not None
        process.stdin.write(b"report\n")
        await process.stdin.drain()
        _, stderr = await asyncio.wait_for(process.communicate(), 30 * PATIENCE)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, stderr.decode()[-2000:]
    modules = json.loads(dump.read_text())
    own = "aiogram" if runtime == "aiogram" else "telegram"
    assert own in modules and "sqlalchemy" in modules  # the check sees what was loaded
    assert loaded(modules, NOT_LOADED[runtime]) == []


async def test_the_terminal_chat_imports_no_chat_library_and_no_alembic(tmp_path: Path, tg: FakeTelegram) -> None:
    settings = await settings_for(tmp_path, tg)
    keys = {n: getattr(settings, n).get_secret_value() for n in ("encryption_keys", "index_key")}
    dump = tmp_path / "modules.json"
    command = (sys.executable, "-c", CHAT_CHILD, str(dump), "chat")
    process = await asyncio.create_subprocess_exec(*command, env=environment(tmp_path, tg, settings.db_url, keys),
                                                   cwd=tmp_path, stdin=asyncio.subprocess.PIPE,
                                                   stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.PIPE)  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(b"/start\n"), 60 * PATIENCE)
    assert process.returncode == 0, err.decode()[-2000:]
    assert "【举报须知】" in out.decode()
    modules = json.loads(dump.read_text())
    assert "sqlalchemy" in modules and loaded(modules, NOT_LOADED["chat"]) == []


@pytest.mark.parametrize("runtime", RUNTIMES)
async def test_polling_begins_before_the_dictionary_loads_and_only_who_needs_it_waits(
    tmp_path: Path, tg: FakeTelegram, runtime: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jieba's dictionary loads once the bot polls; a sentence that needs it meanwhile waits for it (in a thread),
    and other chats are answered all the while. What start-up built is left out of the garbage collector's full
    walks (frozen) once the dictionary is loaded."""
    loading, release = threading.Event(), threading.Event()
    real = scope.ScopeClassifier

    def held_build() -> scope.ScopeClassifier:
        loading.set()
        release.wait(60 * PATIENCE)  # a hang guard; the test releases it
        return real()

    monkeypatch.setattr(scope, "_built", [])
    monkeypatch.setattr(scope, "ScopeClassifier", held_build)
    settings = await settings_for(tmp_path, tg)
    settings.runtime = runtime  # type: ignore[assignment]
    frozen = gc.get_freeze_count()
    task = asyncio.create_task(run_bot(settings))
    try:
        await tg.wait_for(lambda t: t.calls_to("getUpdates") and loading.is_set(), what="polling, dictionary loading")
        tg.user_sends(5001, "/start")  # needs no dictionary: answered while it loads
        await tg.wait_sent(5001, 2, timeout=20)
        tg.user_sends(5002, "我要举报县长收受贿赂")  # a sentence to judge: waits for the dictionary
        tg.user_sends(5003, "/start")
        await tg.wait_sent(5003, 2)
        assert tg.sent(5002) == [] and not scope._built
        release.set()
        await tg.wait_sent(5002, 1)
        assert len(scope._built) == 1  # built once, by the background load
        await tg.wait_for(lambda _: gc.get_freeze_count() > frozen, what="start-up and the dictionary frozen")
    finally:
        release.set()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def test_a_database_behind_head_is_migrated_when_the_bot_starts(tmp_path: Path, tg: FakeTelegram) -> None:
    settings = await settings_for(tmp_path, tg)
    engine = make_engine(settings.db_url)
    try:
        await migrate.downgrade(engine, migrate.revisions()[-2])
        async with running(settings):
            await answers_start(tg)
        assert await migrate.current(engine) == migrate.head_revision()
    finally:
        await engine.dispose()


def test_the_knowledge_bases_ranking_libraries_load_with_it_not_with_every_command() -> None:
    """bm25s (with numpy) and the English stemmer cost ~0.3 s of import: a CLI command such as ``case list`` and
    the import of the bot's dialogs leave them out; building the knowledge base loads them."""
    code = ("import json, sys, qingfeng.cli, qingfeng.runner, bot.dialogs.questions, core.knowledge.search\n"
            "names = ('numpy', 'bm25s', 'snowballstemmer')\n"
            "before = sorted(m for m in names if m in sys.modules)\n"
            "from core.knowledge.ready import knowledge; knowledge()\n"
            "print(json.dumps([before, sorted(m for m in names if m in sys.modules)]))")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    before, after = json.loads(out.stdout.strip().splitlines()[-1])
    assert before == [] and after == ["bm25s", "numpy", "snowballstemmer"]
