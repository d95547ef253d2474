"""Logging for operators: one stream handler on the root logger, the level from
NHACVIEC_LOG_LEVEL (or -v), and no secret in any record. The bot token travels in every
Bot API URL (`…/bot<TOKEN>/getMe`), so python-telegram-bot, httpx and httpcore can put it
into messages, arguments and exception texts; every record is redacted when it is made
(a record factory, so even handlers others add later never see a secret) and again by a
filter on the root handlers."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any
from urllib.parse import quote

from storage.errors import ConfigInvalid

MASK = "***"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Chatty below WARNING; shown only when the operator asks for DEBUG.
NOISY = ("httpx", "httpcore", "apscheduler", "telegram.ext.Updater", "telegram.Bot")

log = logging.getLogger("nhacviec")


class Redactor:
    """Replaces every form of every secret (raw, URL-quoted) with MASK."""

    def __init__(self, secrets: Iterable[str]) -> None:
        forms: set[str] = set()
        for secret in secrets:
            if secret and len(secret) >= 4:  # a too-short "secret" would mask ordinary words
                forms |= {secret, quote(secret, safe=""), quote(secret)}
        self.forms = sorted(forms, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for form in self.forms:
            if form in text:
                text = text.replace(form, MASK)
        return text

    def record(self, record: logging.LogRecord) -> logging.LogRecord:
        if not self.forms or getattr(record, "_redacted", False):
            return record
        try:
            message = record.getMessage()
        except Exception:  # a record whose args do not fit its format: keep both, as text
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = self(message), None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = self("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self(record.exc_text)
        if record.stack_info:
            record.stack_info = self(record.stack_info)
        record._redacted = True
        return record


class RedactingFilter(logging.Filter):
    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        self.redactor.record(record)
        return True


class _Handler(logging.StreamHandler):  # type: ignore[type-arg]
    """Ours, so that configuring again replaces it instead of adding a second one."""


_base_factory: Callable[..., logging.LogRecord] | None = None


def parse_level(level: str) -> int:
    name = (level or "").strip().upper()
    if name not in LEVELS:
        raise ConfigInvalid(f"bad log level {level!r}",
                            f"NHACVIEC_LOG_LEVEL phải là một trong {', '.join(LEVELS)} (đang là “{level}”).")
    return int(getattr(logging, name))


def configure_logging(level: str, secrets: Iterable[str]) -> Redactor:
    """Install (or re-install) the root handler at `level`, redacting `secrets` everywhere."""
    global _base_factory
    numeric = parse_level(level)
    redactor = Redactor(secrets)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _Handler)]:
        root.removeHandler(handler)
    handler = _Handler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(numeric)
    for existing in root.handlers:
        for old in [f for f in existing.filters if isinstance(f, RedactingFilter)]:
            existing.removeFilter(old)
        existing.addFilter(RedactingFilter(redactor))
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.DEBUG if numeric <= logging.DEBUG else max(numeric, logging.WARNING))

    if _base_factory is None:
        _base_factory = logging.getLogRecordFactory()
    base = _base_factory

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return redactor.record(base(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    logging.captureWarnings(True)

    def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.critical("unhandled exception", exc_info=(kind, value, tb))

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.critical("unhandled exception in thread %s", args.thread.name if args.thread else "?",
                         exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
    return redactor
