"""Notice ingestion: bytes or text in, a ParsedNotice out. No Telegram here."""

from bot.ingest.files import read_document
from bot.ingest.parser import parse_notice
from storage.parsed import ParsedNotice, ParsedTask

__all__ = ["ParsedNotice", "ParsedTask", "parse_notice", "read_document"]
