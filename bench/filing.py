"""Benchmark: N citizens each file a named report with one photo through the real Dispatcher, against a bare echo.

    python bench/filing.py [--citizens N] [--concurrency C] [--database-url URL] [--by-step]

Everything is real except the network: ``build_app`` (migrations, vault, evidence store), the office seeded as in
the tests, ``build_dispatcher(bot_deps(...))`` and an aiogram ``Bot`` whose session answers every Bot API call in
process (requests are still encoded as for the wire and answers still parsed by aiogram). Updates are built as
Telegram would send them and fed with ``dp.feed_update``; each citizen's updates run one after the other, up to
``--concurrency`` citizens at a time.

The echo baseline (a Dispatcher with one unfiltered message handler that answers the text) is fed as many text
updates, in the same shape (same number of chats, same concurrency), through the same kind of Bot. It runs first,
so its peak RSS is not the filing run's.

Databases:

* default: a fresh SQLite file in a temporary directory, removed at the end;
* ``--database-url postgresql+asyncpg://user@host:port/db``: the URL is used as an *admin* connection only. The
  script creates a throwaway database ``qingfeng_bench_<random>`` on that server (the user needs CREATEDB), runs
  the migrations there and drops it at the end (``DROP DATABASE … WITH (FORCE)``). The named database is never
  written to.

Figures: per-update wall time is ``time.perf_counter`` around ``feed_update``; with concurrency above 1 it
includes time the update waited while other citizens' updates ran, so ``--concurrency 1`` gives the pure latency.
The aim stated in the project is that a filing step costs no more than 4x a bare echo update; the ratio is
printed, never enforced.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import itertools
import json
import logging
import os
import resource
import secrets
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import AsyncGenerator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Message, Update
from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import distinct, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bot.dispatcher import build_dispatcher
from bot.i18n import Translator
from core.model import Role, UnitLevel
from core.persistence.orm import CaseRow, EvidenceRow
from core.scope import classifier
from core.settings import Settings
from qingfeng.app import App, build_app
from qingfeng.runner import bot_deps

BOT_ID = 9000000001
TOKEN = f"{BOT_ID}:TEST"
BOT_USER: dict[str, Any] = {"id": BOT_ID, "is_bot": True, "first_name": "清风", "username": "qingfeng_bench_bot"}
FIRST_CHAT = 800001
AIM = 4.0  # a filing step should cost no more than AIM x a bare echo update

REGION = "浙江省/杭州市/临安区"
FACTS = (
    "2026年3月至8月，某村党支部书记张某某在发放低保时，把名额给了自己的两个亲戚，"
    "他们家里有车有店铺，不符合条件。真正困难的李大爷反而被取消。村里会计也知道这件事，涉及金额约2万元。"
)
JPEG = b"\xff\xd8\xff\xe0" + b"photo-of-the-ledger" * 100

# A named filing with one photo, as in tests/bot/test_filing.py: (action, argument). "tap" finds the button whose
# text contains the argument on the bot's last message in that chat.
SCRIPT: tuple[tuple[str, str], ...] = (
    ("say", "/start"),
    ("tap", "我已阅读"),
    ("say", "村支书把低保名额给了自己的亲戚"),  # the scope check (core.scope)
    ("tap", "检举控告"),
    ("tap", "实名举报"),
    ("say", "刘举报"),
    ("say", "138 0013 8000"),
    ("tap", "跳过"),  # ID number
    ("say", "张某某"),
    ("say", "临安区某镇某村村委会"),
    ("say", "村党支部书记"),
    ("tap", "村（社区）干部"),
    ("tap", REGION),
    ("tap", "中共党员"),
    ("tap", "没有了"),
    ("tap", "群众纪律"),
    ("say", FACTS),
    ("tap", "跳过"),  # other bodies
    ("photo", ""),
    ("tap", "完成"),
    ("tap", "内容无误"),
    ("tap", "确认提交"),
)


# ---------------------------------------------------------------------------------------------- no-network Bot API


class FakeSession(BaseSession):
    """Answers Bot API calls in process, as Telegram would: requests are encoded as form fields (as
    ``AiohttpSession`` does) and answers go through aiogram's own parsing (``check_response``)."""

    def __init__(self) -> None:
        super().__init__()
        self._message_ids = itertools.count(1)
        self.last_sent: dict[int, dict[str, Any]] = {}  # chat id → the bot's last message there (as JSON)
        self.texts: dict[int, list[str]] = defaultdict(list)
        self.calls: dict[str, int] = defaultdict(int)
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id → (file_path, data)
        self._by_path: dict[str, bytes] = {}

    def next_message_id(self) -> int:
        return next(self._message_ids)

    def add_file(self, data: bytes, folder: str = "photos", ext: str = ".jpg") -> dict[str, Any]:
        """Register a user's upload; return its PhotoSize as it appears in a message."""
        n = len(self.files) + 1
        file_id, path = f"BENCH{n:06d}AAQgAAAkZmFrZQ", f"{folder}/file_{n}{ext}"
        self.files[file_id] = (path, data)
        self._by_path[path] = data
        return {"file_id": file_id, "file_unique_id": f"AQAD{n:06d}", "file_size": len(data), "width": 1280,
                "height": 960}  # fmt: skip

    def _form(self, bot: Bot, method: TelegramMethod[Any]) -> dict[str, Any]:
        files: dict[str, Any] = {}
        form = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files)
            if prepared:
                form[key] = prepared
        return form

    def _result(self, name: str, form: dict[str, Any]) -> Any:
        if name == "sendMessage":
            chat_id = int(form["chat_id"])
            message: dict[str, Any] = {
                "message_id": self.next_message_id(),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private", "first_name": "用户"},
                "from": BOT_USER,
                "text": form["text"],
            }
            if "reply_markup" in form:
                message["reply_markup"] = json.loads(form["reply_markup"])
            self.last_sent[chat_id] = message
            self.texts[chat_id].append(form["text"])
            return message
        if name in ("answerCallbackQuery", "deleteMessage"):
            return True
        if name == "getFile":
            path, data = self.files[form["file_id"]]
            return {"file_id": form["file_id"], "file_unique_id": "AQAD", "file_size": len(data), "file_path": path}
        if name == "getMe":
            return BOT_USER
        raise NotImplementedError(f"the benchmark's fake Bot API does not know {name}")

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 (BaseSession's signature)
    ) -> TelegramType:
        name = method.__api_method__
        self.calls[name] += 1
        result = self._result(name, self._form(bot, method))
        response = self.check_response(bot, method, 200, self.json_dumps({"ok": True, "result": result}))
        return response.result  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 (BaseSession's signature)
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        data = self._by_path[url.split(f"/file/bot{TOKEN}/", 1)[1]]
        for start in range(0, len(data), chunk_size):
            yield data[start : start + chunk_size]

    async def close(self) -> None:
        pass


# ---------------------------------------------------------------------------------------------- citizens


def _user(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "is_bot": False, "first_name": "用户", "language_code": "zh-hans"}


class Citizen:
    """Builds the updates one user would cause, from what the bot last showed in that chat."""

    _update_ids = itertools.count(1)

    def __init__(self, bot: Bot, session: FakeSession, chat_id: int) -> None:
        self.bot, self.session, self.chat_id = bot, session, chat_id

    def _update(self, kind: str, payload: dict[str, Any]) -> Update:
        return Update.model_validate({"update_id": next(self._update_ids), kind: payload}, context={"bot": self.bot})

    def _message(self, content: dict[str, Any]) -> Update:
        message = {
            "message_id": self.session.next_message_id(),
            "date": int(time.time()),
            "chat": {"id": self.chat_id, "type": "private", "first_name": "用户"},
            "from": _user(self.chat_id),
            **content,
        }
        return self._update("message", message)

    def says(self, text_: str) -> Update:
        content: dict[str, Any] = {"text": text_}
        if text_.startswith("/"):
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text_.split()[0])}]
        return self._message(content)

    def sends_photo(self, data: bytes) -> Update:
        return self._message({"photo": [self.session.add_file(data)]})

    def taps(self, label: str) -> Update:
        message = self.session.last_sent.get(self.chat_id)
        rows = (message or {}).get("reply_markup", {}).get("inline_keyboard", [])
        data = next((b["callback_data"] for row in rows for b in row if label in b["text"] and "callback_data" in b),
                    None)  # fmt: skip
        if message is None or data is None:
            shown = [[b.get("text") for b in row] for row in rows]
            last = self.session.texts[self.chat_id][-1:] or ["(nothing)"]
            raise RuntimeError(f"chat {self.chat_id}: no button like {label!r} in {shown}; last text: {last[0]!r}")
        query = {
            "id": str(next(self._update_ids)),
            "from": _user(self.chat_id),
            "message": message,
            "chat_instance": str(-7_000_000_000 - self.chat_id),
            "data": data,
        }
        return self._update("callback_query", query)

    def next_update(self, action: str, argument: str) -> Update:
        if action == "say":
            return self.says(argument)
        if action == "tap":
            return self.taps(argument)
        return self.sends_photo(JPEG)


# ---------------------------------------------------------------------------------------------- measuring


@dataclass
class Run:
    name: str
    citizens: int
    timings: list[float] = field(default_factory=list)  # seconds per feed_update
    by_step: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))
    total: float = 0.0
    peak_rss_mb: float = 0.0

    @property
    def updates(self) -> int:
        return len(self.timings)

    def pct(self, q: float) -> float:
        return _percentile(self.timings, q) * 1000

    def report(self, per: str) -> list[str]:
        return [
            f"{self.name}:",
            f"  citizens          {self.citizens}",
            f"  updates           {self.updates}",
            f"  {per + '/s':<17} {self.citizens / self.total:.1f}",
            f"  updates/s         {self.updates / self.total:.1f}",
            f"  p50 ms/update     {self.pct(50):.2f}",
            f"  p95 ms/update     {self.pct(95):.2f}",
            f"  total s           {self.total:.2f}",
            f"  peak RSS MB       {self.peak_rss_mb:.0f}",
        ]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(q) - 1]


class ErrorCount(logging.Handler):
    """Counts ERROR records: the project's error router answers failed updates politely instead of raising."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0
        self.first = ""

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        self.first = self.first or f"{record.name}: {record.getMessage()}"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


async def drive(
    run: Run,
    concurrency: int,
    one_citizen: Callable[[int, Callable[[int, Awaitable[Any]], Awaitable[Any]]], Awaitable[None]],
) -> None:
    """Run ``run.citizens`` citizens, at most ``concurrency`` at a time; each feeds its updates through ``timed``."""
    gate = asyncio.Semaphore(concurrency)

    async def timed(step: int, feeding: Awaitable[Any]) -> Any:
        start = time.perf_counter()
        result = await feeding
        elapsed = time.perf_counter() - start
        run.timings.append(elapsed)
        run.by_step[step].append(elapsed)
        return result

    async def citizen(i: int) -> None:
        async with gate:
            await one_citizen(FIRST_CHAT + i, timed)

    start = time.perf_counter()
    await asyncio.gather(*(citizen(i) for i in range(run.citizens)))
    run.total = time.perf_counter() - start
    run.peak_rss_mb = peak_rss_mb()


async def echo_baseline(citizens: int, per_citizen: int, concurrency: int) -> Run:
    router = Router(name="echo")

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    dp = Dispatcher()
    dp.include_router(router)
    session = FakeSession()
    bot = Bot(TOKEN, session=session)
    run = Run("echo baseline (one unfiltered handler, message.answer(text))", citizens)

    async def one(chat_id: int, timed: Callable[[int, Awaitable[Any]], Awaitable[Any]]) -> None:
        user = Citizen(bot, session, chat_id)
        for step in range(per_citizen):
            update = user.says(f"echo {step}")
            await timed(step, dp.feed_update(bot, update))

    await drive(run, concurrency, one)
    expected = citizens * per_citizen
    if session.calls["sendMessage"] != expected:
        raise RuntimeError(f"echo answered {session.calls['sendMessage']} of {expected} updates")
    await bot.session.close()
    return run


async def filing_run(app: App, citizens: int, concurrency: int) -> tuple[Run, dict[str, int]]:
    dp = build_dispatcher(bot_deps(app, Translator.load(app.settings.default_locale)))
    await asyncio.to_thread(classifier)  # as `qingfeng run` does: jieba loads before the first citizen
    session = FakeSession()
    bot = Bot(TOKEN, session=session)
    run = Run("filing (named, one photo)", citizens)
    receipts: list[str] = []

    async def one(chat_id: int, timed: Callable[[int, Awaitable[Any]], Awaitable[Any]]) -> None:
        user = Citizen(bot, session, chat_id)
        for step, (action, argument) in enumerate(SCRIPT):
            update = user.next_update(action, argument)
            await timed(step, dp.feed_update(bot, update))
        receipt = next((t for t in reversed(session.texts[chat_id]) if "编号：" in t), None)
        if receipt is None:
            raise RuntimeError(f"chat {chat_id}: no receipt after the last step: {session.texts[chat_id][-2:]}")
        receipts.append(receipt.split("编号：")[1].split("\n")[0])

    await drive(run, concurrency, one)
    if len(set(receipts)) != citizens:
        raise RuntimeError(f"{len(set(receipts))} distinct case numbers for {citizens} citizens")
    await bot.session.close()
    return run, dict(session.calls)


# ---------------------------------------------------------------------------------------------- the app


async def seed_office(app: App) -> None:
    """The office of tests/factories.py: a city and two county units, with officers so that routing works."""
    o = app.officers
    await o.add_unit("HZ", "杭州市纪委监委", UnitLevel.CITY, "浙江省/杭州市")
    await o.add_unit("LA", "临安区纪委监委", UnitLevel.COUNTY, REGION, parent="HZ")
    await o.add_unit("XH", "西湖区纪委监委", UnitLevel.COUNTY, "浙江省/杭州市/西湖区", parent="HZ")
    for name, unit, role, telegram_id in (
        ("王信访", "LA", Role.INTAKE, 1001),
        ("李承办", "LA", Role.HANDLER, 1002),
        ("赵承办", "LA", Role.HANDLER, 1003),
        ("陈主任", "LA", Role.SUPERVISOR, 1004),
        ("周市信访", "HZ", Role.INTAKE, 2001),
        ("吴西湖", "XH", Role.HANDLER, 3001),
    ):
        await o.add_officer(name, unit, [role], telegram_id=telegram_id)


def make_settings(data_dir: Path, db_url: str) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=data_dir,
        database_url=db_url,
        encryption_keys=SecretStr(Fernet.generate_key().decode()),
        index_key=SecretStr(base64.urlsafe_b64encode(os.urandom(32)).decode()),
        bot_token=None,
    )


async def create_pg_database(admin_url: str) -> tuple[str, str]:
    """Create a throwaway database next to ``admin_url``'s; return (its URL, its name)."""
    name = f"qingfeng_bench_{secrets.token_hex(4)}"
    admin = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False), name


async def drop_pg_database(admin_url: str, name: str) -> None:
    admin = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


async def count_cases(app: App) -> tuple[int, int, int]:
    """(cases, cases with at least one evidence row, evidence rows)."""
    async with app.engine.connect() as conn:
        cases = (await conn.execute(select(func.count()).select_from(CaseRow))).scalar_one()
        with_evidence = (await conn.execute(select(func.count(distinct(EvidenceRow.case_id))))).scalar_one()
        evidence = (await conn.execute(select(func.count()).select_from(EvidenceRow))).scalar_one()
    return int(cases), int(with_evidence), int(evidence)


# ---------------------------------------------------------------------------------------------- main


async def main(args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="qingfeng-bench-"))
    errors = ErrorCount()
    logging.getLogger().addHandler(errors)
    pg_name: str | None = None
    app: App | None = None
    try:
        if args.database_url and args.database_url.startswith("postgresql"):
            db_url, pg_name = await create_pg_database(args.database_url)
        elif args.database_url:
            raise SystemExit("--database-url: only postgresql+asyncpg://… URLs are supported (default: SQLite)")
        else:
            db_url = f"sqlite+aiosqlite:///{tmp / 'bench.db'}"
        shown = make_url(db_url).render_as_string(hide_password=True)
        print(f"database: {shown}" + (" (throwaway, dropped at the end)" if pg_name else " (temporary file)"))

        echo = await echo_baseline(args.citizens, len(SCRIPT), args.concurrency)

        app = await build_app(make_settings(tmp / "data", db_url), upgrade=True)
        await seed_office(app)
        filing, calls = await filing_run(app, args.citizens, args.concurrency)
        cases, with_evidence, evidence = await count_cases(app)
    finally:
        if app is not None:
            await app.close()
        if pg_name is not None:
            await drop_pg_database(args.database_url, pg_name)
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"concurrency: {args.concurrency} citizens at a time; {len(SCRIPT)} updates per filing")
    print(*filing.report("filings"), sep="\n")
    print("  Bot API calls     " + ", ".join(f"{k} {v}" for k, v in sorted(calls.items())))
    print(*echo.report("citizens"), sep="\n")
    step_ratio = filing.pct(50) / echo.pct(50)
    rate_ratio = (filing.updates / filing.total) / (echo.updates / echo.total)
    verdict = "meets" if step_ratio <= AIM else "does NOT meet"
    print(f"filing step p50 / echo p50:        {step_ratio:.1f}x ({verdict} the {AIM:g}x aim)")
    print(f"filing updates/s vs echo updates/s: {rate_ratio:.3f} ({1 / rate_ratio:.1f}x slower)")
    if args.concurrency > 1:
        print("  (with concurrency > 1 an update's time includes waiting on other citizens: --concurrency 1 = cost)")
    if args.by_step:
        print("filing p50 / p95 ms by step:")
        for step, (action, argument) in enumerate(SCRIPT):
            label = f"{action} {argument[:12]}{'…' if len(argument) > 12 else ''}".strip()
            label += " " * max(0, 24 - _width(label))
            p50, p95 = (_percentile(filing.by_step[step], q) * 1000 for q in (50, 95))
            print(f"  {step + 1:>2} {label} {p50:8.2f} {p95:8.2f}")
    ok = cases == with_evidence == args.citizens
    print(
        f"database check: {cases} cases, {with_evidence} with evidence, {evidence} evidence rows "
        f"(expected {args.citizens} cases with evidence): {'OK' if ok else 'MISMATCH'}"
    )
    if errors.count:
        print(f"errors logged: {errors.count} (first: {errors.first})")
    if not ok or errors.count:
        raise SystemExit(1)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--citizens", type=int, default=50, help="citizens, each filing one report (default 50)")
    parser.add_argument("--concurrency", type=int, default=10, help="citizens at a time (default 10)")
    parser.add_argument(
        "--database-url",
        help="postgresql+asyncpg://… admin URL: a throwaway database is created there and dropped "
        "(default: a fresh SQLite file in a temporary directory)",
    )
    parser.add_argument("--by-step", action="store_true", help="also print p50/p95 per step of the filing")
    args = parser.parse_args(argv)
    if args.citizens < 1 or args.concurrency < 1:
        parser.error("--citizens and --concurrency must be at least 1")
    return args


if __name__ == "__main__":
    arguments = parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    asyncio.run(main(arguments))
    sys.stdout.flush()
