"""Settings, read once into a frozen object from an injectable mapping (the
environment and an optional .env file). The token is a SecretStr: never logged."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

from dotenv import dotenv_values
from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    telegram_bot_token: SecretStr | None = None
    database_url: str = "sqlite:///./nhacviec.db"
    admin_ids: frozenset[int] = frozenset()
    timezone: str = "Asia/Ho_Chi_Minh"
    remind_at: dt.time = dt.time(8, 0)
    workday_start: dt.time = dt.time(7, 30)
    workday_end: dt.time = dt.time(17, 0)
    tick_seconds: float = Field(default=30.0, gt=0)
    telegram_base_url: str = "https://api.telegram.org/bot"
    zalo_bot_token: SecretStr | None = None
    zalo_base_url: str = "https://bot-api.zaloplatforms.com"
    zalo_admin_ids: frozenset[str] = frozenset()
    weekly_day: int = Field(default=4, ge=0, le=6)  # the leaders' weekly summary: weekday (0 = Monday)
    weekly_at: dt.time = dt.time(15, 0)
    # a person sent digests on this many working days in a row without answering gets repeats weekly (0: never)
    quiet_after_days: int = Field(default=5, ge=0)
    # a late task is listed the first working day late, then every this many working days in its first week (1: daily)
    overdue_every_days: int = Field(default=2, ge=1)
    # a task without a deadline asks its holder for an update every this many working days from its assignment
    checkin_every_days: int = Field(default=10, ge=1, le=120)
    # messages/s of a channel's overall rate the morning digests leave free for replies to people who write
    # meanwhile (/viec, "2.1 xong", a tap's confirmation); the digests keep at least half the rate
    reply_reserve: float = Field(default=1.0, ge=0)
    log_level: str = "INFO"
    # Webhook mode (production): the public https base URL Telegram and Zalo call (…/telegram, …/zalo),
    # the secret they send with every call, and where this process listens behind the proxy.
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    # how long a report's chart and Excel file stay downloadable at the link sent on Zalo (webhook mode only)
    file_link_hours: int = Field(default=72, ge=1, le=24 * 31)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(int(v) for v in value.replace(";", ",").split(",") if v.strip())
        return value

    @field_validator("zalo_admin_ids", mode="before")
    @classmethod
    def _split_zalo_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(v.strip() for v in value.replace(";", ",").split(",") if v.strip())
        return value

    def admin_chats(self, channel: str) -> frozenset[str]:
        """The chats on `channel` that become admins on first contact."""
        if channel == "telegram":
            return frozenset(str(i) for i in self.admin_ids)
        if channel == "zalo":
            return self.zalo_admin_ids
        return frozenset()


ENV_NAMES = {
    "TELEGRAM_BOT_TOKEN": "telegram_bot_token",
    "DATABASE_URL": "database_url",
    "NHACVIEC_ADMIN_IDS": "admin_ids",
    "NHACVIEC_TIMEZONE": "timezone",
    "NHACVIEC_REMIND_AT": "remind_at",
    "NHACVIEC_WORKDAY_START": "workday_start",
    "NHACVIEC_WORKDAY_END": "workday_end",
    "NHACVIEC_TICK_SECONDS": "tick_seconds",
    "TELEGRAM_BASE_URL": "telegram_base_url",
    "ZALO_BOT_TOKEN": "zalo_bot_token",
    "ZALO_BASE_URL": "zalo_base_url",
    "NHACVIEC_ZALO_ADMIN_IDS": "zalo_admin_ids",
    "NHACVIEC_WEEKLY_DAY": "weekly_day",
    "NHACVIEC_WEEKLY_AT": "weekly_at",
    "NHACVIEC_QUIET_AFTER_DAYS": "quiet_after_days",
    "NHACVIEC_OVERDUE_EVERY_DAYS": "overdue_every_days",
    "NHACVIEC_CHECKIN_EVERY_DAYS": "checkin_every_days",
    "NHACVIEC_REPLY_RESERVE": "reply_reserve",
    "NHACVIEC_LOG_LEVEL": "log_level",
    "NHACVIEC_WEBHOOK_URL": "webhook_url",
    "NHACVIEC_WEBHOOK_SECRET": "webhook_secret",
    "NHACVIEC_WEBHOOK_LISTEN": "webhook_listen",
    "NHACVIEC_WEBHOOK_PORT": "webhook_port",
    "NHACVIEC_FILE_LINK_HOURS": "file_link_hours",
}


def load_settings(environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env",
                  **overrides: object) -> Settings:
    """Environment wins over .env; explicit overrides win over both."""
    values: dict[str, object] = {}
    if env_file and Path(env_file).is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    fields = {ENV_NAMES[k]: v for k, v in values.items() if k in ENV_NAMES and v != ""}
    fields.update({k: v for k, v in overrides.items() if v is not None})
    return Settings.model_validate(fields)
