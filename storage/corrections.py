"""An admin's correction to a draft, as storage applies it. Reading the typed lines
("3: Sở Tài chính", "3 hạn 30/4", "bỏ 3") is the bot's job: bot/corrections.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Correction:
    target: str  # "3" (preview number) or "mục 2.1"
    field: str  # lead | due | drop
    value: str | dt.date | None = None
