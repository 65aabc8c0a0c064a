"""The process-level figures of bench/scale.py: the flood gate's cost per update, RSS (idle and with 10 k open
dialogs, measured by ``scale_rss.py`` in a subprocess of its own), and start-up to first poll.

Start-up: ``qingfeng run`` (the console script of this venv) started as a subprocess on a data directory set up
beforehand (migrated, one unit, keys in the environment, as tests/bot/test_run.py does), polling the fake Bot API
server of the tests; the time is from just before the process is started until the server receives the first
``getUpdates``. Beside it, ``python -c "import aiogram"`` in a subprocess of the same interpreter. One untimed run
of each first (a cold disk cache, bytecode written), then the median of ``runs``.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from pydantic import SecretStr

from bot.floodgate import Floodgate
from core.model import UnitLevel
from core.settings import Settings
from qingfeng.app import build_app
from tests.bot.fake_telegram import FakeTelegram

# isort: split
from fake_session import TOKEN
from scale_probe import summary

BENCH = Path(__file__).resolve().parent
FLOOD_BUDGET = 2.0  # seconds of timed updates per size (at least one block)
FLOOD_BLOCK = 100
FLOOD_MAX = 500_000  # timed updates at most
EVERY = 4.0  # seconds between one chat's updates (the gate's clock is simulated): each one passes


# ---------------------------------------------------------------------------------------------- flood gate


def floodgate_cost(chats: int) -> dict[str, Any]:
    """µs per ``admit`` with ``chats`` active chats taking turns, each sending every :data:`EVERY` s (so every
    update passes, the common case); one untimed round first so that every chat has a bucket."""
    now = [0.0]
    gate = Floodgate(clock=lambda: now[0])
    step = EVERY / chats
    ids = [900_000_000 + i for i in range(chats)]
    started = time.perf_counter()
    for chat in ids:
        now[0] += step
        gate.admit(chat)
    warm_up = time.perf_counter() - started
    timed, passed, i = 0, 0, 0
    started = time.perf_counter()
    while timed < FLOOD_MAX and (timed == 0 or time.perf_counter() - started < FLOOD_BUDGET):
        for _ in range(FLOOD_BLOCK):
            now[0] += step
            passed += gate.admit(ids[i]) == "pass"
            i = (i + 1) % chats
        timed += FLOOD_BLOCK
    elapsed = time.perf_counter() - started
    return {"chats": chats, "us_per_update": round(elapsed / timed * 1e6, 2), "updates_timed": timed,
            "passed": passed, "warm_up_s": round(warm_up, 2)}  # fmt: skip


# ---------------------------------------------------------------------------------------------- RSS


async def rss(dialogs: int, admin_url: str | None) -> dict[str, Any]:
    """Run scale_rss.py in a subprocess; its JSON, or ``failed``."""
    command = [sys.executable, str(BENCH / "scale_rss.py"), "--dialogs", str(dialogs)]
    if admin_url:
        command += ["--database-url", admin_url]
    process = await asyncio.create_subprocess_exec(*command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = await process.communicate()
    if process.returncode != 0:
        last = stderr.decode(errors="replace").strip().splitlines()[-1:] or [f"exit {process.returncode}"]
        return {"dialogs": dialogs, "failed": last[0][:200]}
    return dict(json.loads(stdout.decode().strip().splitlines()[-1]))


# ---------------------------------------------------------------------------------------------- start-up


async def _set_up(data_dir: Path, env: dict[str, str]) -> None:
    """A data directory `qingfeng run` accepts: migrated, one unit as home unit."""
    keys, index = SecretStr(env["QINGFENG_ENCRYPTION_KEYS"]), SecretStr(env["QINGFENG_INDEX_KEY"])
    settings = Settings(_env_file=None, data_dir=data_dir, encryption_keys=keys, index_key=index)  # type: ignore[call-arg]
    app = await build_app(settings)
    try:
        await app.officers.add_unit("LA", "临安区纪委监委", UnitLevel.COUNTY, "浙江省/杭州市/临安区")
        await app.officers.set_home_unit("LA")
    finally:
        await app.close()


async def _first_poll(tg: FakeTelegram, env: dict[str, str], cwd: Path) -> float:
    """Seconds from starting `qingfeng run` to the server's first getUpdates; the process is then stopped."""
    qingfeng = Path(sys.executable).with_name("qingfeng")
    command = [str(qingfeng), "run"] if qingfeng.exists() else [sys.executable, "-m", "qingfeng.cli", "run"]
    polls = tg.polls_started
    started = time.monotonic()
    process = await asyncio.create_subprocess_exec(*command, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        while tg.polls_started == polls:
            if process.returncode is not None or time.monotonic() - started > 120:
                raise RuntimeError("qingfeng run did not poll: " + (await _tail(process)))
            await asyncio.sleep(0.002)
        return time.monotonic() - started
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 60)
            except TimeoutError:
                process.kill()
                await process.wait()


async def _tail(process: asyncio.subprocess.Process) -> str:
    if process.returncode is None or process.stderr is None:
        return "no answer within 120 s"
    lines = (await process.stderr.read()).decode(errors="replace").strip().splitlines()
    return lines[-1][:200] if lines else f"exit {process.returncode}"


async def _import_aiogram() -> float:
    started = time.monotonic()
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", "import aiogram")
    await process.wait()
    return time.monotonic() - started


async def startup(tmp: Path, runs: int = 3) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QINGFENG_")}
    env.update(QINGFENG_DATA_DIR=str(tmp / "startup-data"), QINGFENG_BOT_TOKEN=TOKEN,
               QINGFENG_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
               QINGFENG_INDEX_KEY=base64.urlsafe_b64encode(os.urandom(32)).decode(),
               QINGFENG_LOG_LEVEL="WARNING")  # fmt: skip
    try:
        await _set_up(tmp / "startup-data", env)
        polls: list[float] = []
        imports: list[float] = []
        async with FakeTelegram() as tg:
            env["QINGFENG_TELEGRAM_API"] = tg.api_root
            for i in range(runs + 1):  # the first of each untimed
                seconds = await _import_aiogram()
                imports += [seconds] if i else []
                seconds = await _first_poll(tg, env, tmp)
                polls += [seconds] if i else []
    except Exception as exc:
        return {"failed": summary(exc)}
    first_poll, bare = statistics.median(polls), statistics.median(imports)
    return {"first_poll_s": round(first_poll, 3), "import_aiogram_s": round(bare, 3),
            "ratio": round(first_poll / bare, 2), "runs": runs, "first_poll_all_s": [round(p, 3) for p in polls],
            "import_aiogram_all_s": [round(p, 3) for p in imports]}  # fmt: skip
