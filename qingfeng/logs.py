"""Logging set-up: our own loggers at the configured level, libraries that log message contents kept quiet.

At DEBUG, python-telegram-bot logs every API call with its parameters and result, httpx and aiohttp log
requests, SQLAlchemy logs statements, aiogram logs updates — all of which can carry a reporter's name, phone
or facts. Those loggers are held at WARNING whatever the configured level, so turning on DEBUG to chase a
problem never writes a report into the logs (issue 6, item 4; SECURITY.md).
"""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QUIET = ("telegram", "httpx", "httpcore", "aiohttp", "aiogram", "sqlalchemy", "aiosqlite", "asyncpg",
         "alembic", "apscheduler", "urllib3", "jieba")  # fmt: skip


def configure_logging(level: str | int = "INFO") -> None:
    logging.basicConfig(level=level, format=FORMAT)
    logging.getLogger().setLevel(level)
    quiet_libraries()


def quiet_libraries() -> None:
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
