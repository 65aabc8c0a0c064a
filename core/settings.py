"""Configuration from the environment or a ``.env`` file, prefix ``QINGFENG_``.

Nothing reads it at import: the composition root (``qingfeng.app``) builds one :class:`Settings`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.clock import office_zone

TELEGRAM_API = "https://api.telegram.org"


def webhook_url(url: str) -> str:
    """A webhook URL: http(s), a host, no fragment; ValueError with a readable message otherwise (Telegram wants
    https on port 443, 80, 88 or 8443; a self-hosted Bot API server also posts to http)."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.fragment:
        raise ValueError(f"{url!r} is not a webhook URL such as https://bot.example.org/tg")
    return url


def listen_address(listen: str) -> tuple[str, int]:
    """``host:port`` (``[::1]:8080`` for IPv6) → (host, port); ValueError with a readable message otherwise."""
    host, sep, port = listen.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{listen!r} is not host:port, e.g. 127.0.0.1:8080")
    return host.strip("[]"), int(port)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QINGFENG_", env_file=".env", extra="ignore")

    bot_token: SecretStr | None = None
    data_dir: Path = Path("data")
    database_url: str | None = None  # default: SQLite file in data_dir
    telegram_api: str = TELEGRAM_API  # Bot API root; a self-hosted server has the same layout
    runtime: Literal["aiogram", "ptb"] = "aiogram"  # Telegram library `qingfeng run` uses (--runtime overrides)
    # Webhook mode (`qingfeng run --webhook URL`): the public HTTPS address Telegram posts updates to, the address
    # this process listens on behind the reverse proxy, and the secret Telegram sends back in a header (default:
    # derived from the bot token, so every instance of one bot agrees without being told).
    webhook_url: str | None = None
    listen: str = "127.0.0.1:8080"
    webhook_secret: SecretStr | None = None
    # The web chat (`qingfeng web`, or `qingfeng run --web`; issue 19): where it listens (behind the office's HTTPS
    # proxy), whether its cookie is marked Secure (turn off only for plain HTTP on a trusted network), how many new
    # sessions one address may open an hour, whether the visitor's address comes from the proxy's X-Forwarded-For.
    web_listen: str = "127.0.0.1:8081"
    web_secure_cookie: bool = True
    web_sessions_per_ip_hour: int = 20
    web_trust_proxy: bool = False
    encryption_keys: SecretStr | None = None  # comma-separated Fernet keys, newest first
    index_key: SecretStr | None = None  # base64 key for blind indexes
    key_file: Path | None = None  # default: data_dir/keys/qingfeng.keys
    timezone: str = "Asia/Shanghai"  # the office's: deadlines, case-number years, every time shown
    default_locale: str = "zh-CN"
    home_unit: str | None = None  # unit code that receives reports no routing rule matches
    log_level: str = "INFO"
    reminder_days_before: int = 3  # working days before a deadline that officers are reminded (rules.md §2 [U])
    urgent_repush_minutes: int = 15  # an urgent message nobody acted on is pushed again, and escalated once
    retention_days: int = 1825  # archived cases are purged this long after archiving (rules.md §1, §9: [U])
    dialog_retention_days: int = 30  # an unfinished dialog (answers, staged files) is forgotten after this
    flood_burst: int = 20  # updates one chat may send at once before the flood gate answers
    flood_per_minute: int = 30  # then this many a minute (a person typing a report sends far fewer)

    @field_validator("data_dir")
    @classmethod
    def _data_dir(cls, value: Path) -> Path:
        if value.exists() and not value.is_dir():  # refused at start, not as a traceback when the log opens
            raise ValueError(f"{value} is a file, not a folder")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        return webhook_url(value) if value else None

    @field_validator("listen", "web_listen")
    @classmethod
    def _listen(cls, value: str) -> str:
        listen_address(value)
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        office_zone(value)  # refused at start, not when the first time is shown
        return value

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'qingfeng.db').resolve()}"

    @property
    def calendar_dir(self) -> Path:
        return self.data_dir / "calendar"

    @property
    def evidence_dir(self) -> Path:
        return self.data_dir / "evidence"

    @property
    def resolved_key_file(self) -> Path:
        return self.key_file or self.data_dir / "keys" / "qingfeng.keys"
