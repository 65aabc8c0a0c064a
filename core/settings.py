"""Configuration from the environment or a ``.env`` file, prefix ``QINGFENG_``.

Nothing reads it at import: the composition root (``qingfeng.app``) builds one :class:`Settings`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.clock import office_zone

TELEGRAM_API = "https://api.telegram.org"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QINGFENG_", env_file=".env", extra="ignore")

    bot_token: SecretStr | None = None
    data_dir: Path = Path("data")
    database_url: str | None = None  # default: SQLite file in data_dir
    telegram_api: str = TELEGRAM_API  # Bot API root; a self-hosted server has the same layout
    runtime: Literal["aiogram", "ptb"] = "aiogram"  # Telegram library `qingfeng run` uses (--runtime overrides)
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
