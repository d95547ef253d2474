"""Handlers grouped by feature; each module has a `register(app)`."""

from __future__ import annotations

from telegram.ext import Application

from bot.handlers import access, directory, errors, notices, reports, status


def register_all(app: Application) -> None:  # type: ignore[type-arg]
    access.register(app)
    directory.register(app)
    notices.register(app)
    status.register(app)
    reports.register(app)
    errors.register(app)  # fallbacks: keep last
