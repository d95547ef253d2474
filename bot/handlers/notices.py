"""Loading a notice: an admin sends text or a file, sees the tasks found, and
confirms or cancels. Parsing runs in a thread; nothing is registered before
«Xác nhận»."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot import texts
from bot.channels.telegram import confirm_keyboard
from bot.context import app_context
from bot.corrections import parse_corrections
from bot.handlers.common import answer, answer_parts, speaker
from bot.handlers.status import reply_status, typed_status
from bot.ingest import ParsedNotice, parse_notice, read_document
from bot.ingest.files import MAX_FILE_BYTES
from storage.errors import NotAllowed, NoTasksFound
from storage.models import Person
from storage.notices import (
    Draft,
    cancel_notice,
    confirm_notice,
    correct_draft,
    create_draft,
    draft_for_message,
    format_title,
    remember_preview,
)

log = logging.getLogger(__name__)

SLOW_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")  # may need OCR


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
    await _show_draft(update, context, parsed, draft)


async def _show_draft(update: Update, context: ContextTypes.DEFAULT_TYPE, parsed: ParsedNotice, draft: Draft) -> None:
    """Send the preview with its buttons and remember its messages: a reply to them corrects the draft."""
    title = format_title(parsed.kind, parsed.number, parsed.date, meeting_date=parsed.meeting_date,
                         subject=parsed.subject)
    sent = await answer_parts(update, context, texts.draft_preview(parsed, draft, title),
                              reply_markup=confirm_keyboard(draft.notice_id))
    await app_context(context).db.run(remember_preview, draft.notice_id, chat_id=sent[-1].chat.id,
                                      message_ids=[m.message_id for m in sent])


async def _correct_draft(update: Update, context: ContextTypes.DEFAULT_TYPE, person: Person) -> bool:
    """An admin's reply to a preview: corrections ("3: Sở Tài chính", "3 hạn 30/4", "bỏ 3"); False if the
    message replies to something else."""
    ctx = app_context(context)
    message = update.effective_message
    if message is None or message.reply_to_message is None or not person.is_admin:
        return False
    notice_id = await ctx.db.run(draft_for_message, chat_id=message.chat.id,
                                 message_id=message.reply_to_message.message_id)
    if notice_id is None:
        return False
    corrections = parse_corrections(message.text or "", today=ctx.today())
    parsed, draft = await ctx.db.run(correct_draft, notice_id, corrections, by=person, now=ctx.clock.now())
    old = message.reply_to_message
    try:  # the old preview's buttons would confirm the corrected draft too; keep one set of buttons
        await context.bot.edit_message_reply_markup(chat_id=old.chat.id, message_id=old.message_id, reply_markup=None)
    except BadRequest:
        pass  # the buttons were on another part of the preview, or are already gone
    await answer(update, context, texts.correction_applied(len(corrections)))
    await _show_draft(update, context, parsed, draft)
    return True


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
    name = document.file_name or ""
    if name.lower().endswith(SLOW_SUFFIXES):
        await answer(update, context, texts.READING)
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    await _ingest(update, context, person, data, name)


async def on_photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A photo of a notice: read by OCR (the largest size Telegram offers)."""
    person = await speaker(update, context)
    if not person.is_admin:
        raise NotAllowed(person.handle, "load a notice")
    message = update.effective_message
    assert message is not None and message.photo
    photo = message.photo[-1]
    if photo.file_size and photo.file_size > MAX_FILE_BYTES:
        await answer(update, context, texts.FILE_TOO_LARGE)
        return
    await answer(update, context, texts.READING)
    file = await photo.get_file()
    data = bytes(await file.download_as_bytearray())
    await _ingest(update, context, person, data, "anh-chup.jpg")


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    text = message.text or ""
    if not text.strip():
        await answer(update, context, texts.EMPTY_MESSAGE)
        return
    person = await speaker(update, context)
    if (await reply_status(update, context, person) or await _correct_draft(update, context, person)
            or await typed_status(update, context, person, text)):
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
    app.add_handler(MessageHandler(filters.PHOTO, on_photo))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
