"""Loading a notice: an admin sends text or a file, sees the tasks found, and
confirms or cancels. Parsing runs in a thread; nothing is registered before
«Xác nhận»."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot import texts
from bot.channels.telegram import confirm_keyboard
from bot.context import app_context
from bot.handlers.common import answer, speaker
from bot.handlers.status import reply_status, typed_status
from bot.ingest import ParsedNotice, parse_notice, read_document
from bot.ingest.files import MAX_FILE_BYTES
from storage.errors import NotAllowed, NoTasksFound
from storage.models import Person
from storage.notices import cancel_notice, confirm_notice, create_draft, format_title

log = logging.getLogger(__name__)


def _parse(data: bytes | str, filename: str) -> tuple[str, ParsedNotice]:
    text = data if isinstance(data, str) else read_document(data, filename)
    parsed = parse_notice(text)
    if not parsed.tasks:
        raise NoTasksFound(f"no task in {filename or 'pasted text'}")
    return text, parsed


async def _ingest(update: Update, context: ContextTypes.DEFAULT_TYPE, person: Person, data: bytes | str,
                  filename: str) -> None:
    ctx = app_context(context)
    text, parsed = await asyncio.to_thread(_parse, data, filename)
    draft = await ctx.db.run(create_draft, parsed, source_text=text, source_name=filename, by=person,
                             now=ctx.clock.now())
    title = format_title(parsed.kind, parsed.number, parsed.date)
    await answer(update, context, texts.draft_preview(parsed, draft, title),
                 reply_markup=confirm_keyboard(draft.notice_id))


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await speaker(update, context)
    if not person.is_admin:
        raise NotAllowed(person.handle, "load a notice")
    message = update.effective_message
    assert message is not None and message.document is not None
    document = message.document
    if document.file_size and document.file_size > MAX_FILE_BYTES:
        log.info("document %r of %s bytes refused: over the cap", document.file_name, document.file_size)
        await answer(update, context, texts.FILE_TOO_LARGE)
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    await _ingest(update, context, person, data, document.file_name or "")


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    text = message.text or ""
    if not text.strip():
        await answer(update, context, texts.EMPTY_MESSAGE)
        return
    person = await speaker(update, context)
    if await reply_status(update, context, person) or await typed_status(update, context, person, text):
        return
    if not person.is_admin:
        await answer(update, context, texts.NOT_ADMIN_TEXT)
        return
    await _ingest(update, context, person, text, "")


async def on_notice_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = app_context(context)
    query = update.callback_query
    assert query is not None and query.data is not None and context.matches
    _, notice_id, action = query.data.split(":")
    person = await speaker(update, context)
    try:
        if action == "ok":
            result = await ctx.db.run(confirm_notice, int(notice_id), by=person, now=ctx.clock.now(),
                                      policy=ctx.policy)
            reply = texts.registered_text(result)
        else:
            await ctx.db.run(cancel_notice, int(notice_id), by=person, now=ctx.clock.now())
            reply = texts.CANCELLED
    except Exception:
        await query.answer()
        raise
    await query.answer()
    await query.edit_message_reply_markup(reply_markup=None)
    await answer(update, context, reply)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CallbackQueryHandler(on_notice_button, pattern=r"^n:\d+:(ok|no)$"))
    app.add_handler(MessageHandler(filters.Document.ALL, on_document))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
