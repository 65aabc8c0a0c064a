"""Logging set-up: our own loggers at the configured level, libraries that log message contents kept quiet.

At DEBUG, python-telegram-bot logs every API call with its parameters and result, httpx and aiohttp log
requests, SQLAlchemy logs statements, aiogram logs updates — all of which can carry a reporter's name, phone
or facts. Those loggers are held at WARNING whatever the configured level, so turning on DEBUG to chase a
problem never writes a report into the logs (issue 6, item 4; SECURITY.md).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

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


def log_to_file(path: Path) -> None:
    """Every log record to ``path`` (0600, in the data directory), none to the terminal: ``qingfeng chat`` owns
    the screen, where a warning would read as part of the conversation. ``qingfeng run`` and the CLI keep
    logging to the terminal, so the operator still sees them there."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
            root.removeHandler(handler)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.touch(mode=0o600, exist_ok=True)
    os.chmod(path, 0o600)
    to_file = logging.FileHandler(path, encoding="utf-8")
    to_file.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(to_file)
