"""Resident memory of the aiogram runtime, idle and with N dialogs open: run by bench/scale.py in a process of
its own so that nothing else it did (cases built, sweeps) is counted; prints one JSON line.

    python bench/scale_rss.py [--dialogs 10000] [--database-url ADMIN_URL]

The app as ``qingfeng run`` builds it (migrations, the office of the tests, jieba's dictionary loaded, the
dispatcher), on a fresh SQLite file or a throwaway PostgreSQL database. Idle: after that, and a garbage
collection. Then N distinct chats take the first steps of the filing dialog (``/start``, the notice accepted, a
first description that the scope check reads, the kind of report chosen) through the dispatcher, ten chats at a
time, with a Bot whose HTTP layer never touches the network; the fake API forgets each chat once its steps are
done, so only what the bot keeps is counted. RSS is ``VmRSS`` of /proc/self/status (MB), peak ``VmHWM``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from aiogram import Bot
from aiogram.types import Update
from sqlalchemy import func, select

import qingfeng.cli
import qingfeng.runner  # noqa: F401  (with qingfeng.cli: what `qingfeng run` has imported when it polls)
from bot.i18n import Translator
from bot.runtimes.aiogram.dispatcher import build_dispatcher
from core.persistence.orm import DialogRow
from core.scope import classifier
from qingfeng.app import bot_deps, build_app

# isort: split
from app_setup import create_pg_database, drop_pg_database, make_settings, seed_office
from citizens import SCRIPT, Citizen  # bench/ is on sys.path when this runs as a script
from fake_session import TOKEN, FakeApi, FakeSession  # (not runtimes.py: it imports python-telegram-bot too)

STEPS = SCRIPT[:4]  # /start, the notice accepted, a first description (scope check), the kind of report
FIRST_CHAT = 600_001
CONCURRENCY = 10


def status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)  # kB
    raise RuntimeError(f"{field} not in /proc/self/status")


async def measure(dialogs: int, admin_url: str | None) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="qingfeng-bench-rss-"))
    pg_name = None
    try:
        if admin_url:
            url, pg_name = await create_pg_database(admin_url)
        else:
            url = f"sqlite+aiosqlite:///{tmp / 'rss.db'}"
        app = await build_app(make_settings(tmp / "data", url), upgrade=True)
        try:
            await seed_office(app)
            dp = build_dispatcher(bot_deps(app, Translator.load(app.settings.default_locale)))
            api = FakeApi()
            bot = Bot(TOKEN, session=FakeSession(api))
            await asyncio.to_thread(classifier)  # as `qingfeng run` does before the first citizen
            gc.collect()
            idle = status_mb("VmRSS")
            gate = asyncio.Semaphore(CONCURRENCY)

            async def citizen(chat_id: int) -> None:
                async with gate:
                    user = Citizen(api, chat_id)
                    for action, argument in STEPS:
                        update = Update.model_validate(user.next_update(action, argument), context={"bot": bot})
                        await dp.feed_update(bot, update)
                    api.texts.pop(chat_id, None)  # the fake API's memory of the chat, not the bot's
                    api.last_sent.pop(chat_id, None)

            started = time.perf_counter()
            await asyncio.gather(*(citizen(FIRST_CHAT + i) for i in range(dialogs)))
            seconds = time.perf_counter() - started
            gc.collect()
            with_dialogs = status_mb("VmRSS")
            async with app.engine.connect() as conn:
                stored = int((await conn.execute(select(func.count()).select_from(DialogRow))).scalar_one())
            await bot.session.close()
        finally:
            await app.close()
    finally:
        if pg_name is not None and admin_url:
            await drop_pg_database(admin_url, pg_name)
        shutil.rmtree(tmp, ignore_errors=True)
    if stored < dialogs:
        raise RuntimeError(f"{stored} dialogs stored for {dialogs} chats")
    return {"idle_mb": idle, "dialogs": dialogs, "dialogs_mb": with_dialogs, "peak_mb": status_mb("VmHWM"),
            "dialogs_stored": stored, "updates": dialogs * len(STEPS), "seconds": round(seconds, 1),
            "python_telegram_bot_imported": "telegram" in sys.modules}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--dialogs", type=int, default=10_000)
    parser.add_argument("--database-url", help="postgresql+asyncpg://… admin URL (default: SQLite)")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(measure(args.dialogs, args.database_url))))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
