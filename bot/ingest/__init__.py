"""Notice ingestion: bytes or text in, a ParsedNotice out. No Telegram here."""

from bot.ingest.files import read_document
from bot.ingest.model import ParsedNotice, ParsedTask
from bot.ingest.parser import parse_notice

__all__ = ["ParsedNotice", "ParsedTask", "parse_notice", "read_document"]
