"""What every handler needs, built once per application."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from telegram.ext import Application, CallbackContext

from bot.settings import Settings
from scheduler.clock import Clock
from scheduler.dispatcher import Sender
from scheduler.policy import ReminderPolicy
from storage.db import Database

KEY = "nhacviec"


@dataclass(frozen=True, kw_only=True)
class AppContext:
    settings: Settings
    db: Database
    clock: Clock
    policy: ReminderPolicy
    worker: str
    senders: dict[str, Sender] = field(default_factory=dict)

    def today(self) -> dt.date:
        """Today in the working calendar's time zone."""
        return self.policy.calendar.local(self.clock.now()).date()


def app_context(context: CallbackContext | Application) -> AppContext:  # type: ignore[type-arg]
    data = context.bot_data if isinstance(context, Application) else context.application.bot_data
    return data[KEY]  # type: ignore[no-any-return]
