"""Status updates: the buttons under a reminder, a reply to a reminder, or a typed
"2.1 xong"; and /viec, the list of my open tasks."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot import texts
from bot.channels.telegram import extension_keyboard, send_text
from bot.context import app_context
from bot.handlers.common import answer, speaker
from bot.replies import parse_status_text, split_ref
from storage.errors import NhacViecError
from storage.models import Person, TaskStatus
from storage.tasks import (
    Recorded,
    StatusUpdate,
    approvers,
    decide_extension,
    extension_request,
    open_tasks_for,
    record_status,
    remember_ack,
    task_for_message,
    tasks_by_ref,
)

log = logging.getLogger(__name__)

BUTTON_STATUS = {"done": TaskStatus.DONE, "prog": TaskStatus.IN_PROGRESS, "block": TaskStatus.BLOCKED}


async def on_task_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = app_context(context)
    query = update.callback_query
    assert query is not None and query.data is not None and query.message is not None
    _, task_id, action = query.data.split(":")
    person = await speaker(update, context)
    target = await ctx.db.run(task_for_message, chat_id=str(query.message.chat.id),
                              message_id=str(query.message.message_id))
    try:
        rec = await ctx.db.run(record_status, task_id=int(task_id), actor=person,
                               change=StatusUpdate(status=BUTTON_STATUS[action]), source="button",
                               now=ctx.clock.now(), today=ctx.today(),
                               reminder_id=target.reminder_id if target else None)
    except NhacViecError as exc:
        await query.answer(exc.user_message[:200], show_alert=True)
        raise
    await query.answer(texts.STATUS_LABELS[rec.status])
    await acknowledge(update, context, rec, texts.recorded_text(rec))


async def acknowledge(update: Update, context: ContextTypes.DEFAULT_TYPE, rec: Recorded, text: str,
                      quote: bool = False) -> None:
    """Confirm a status update, remembering the message so a reply to it continues the task;
    an extension request goes on to the admins and leaders who decide it."""
    ctx = app_context(context)
    message = await answer(update, context, text, quote=quote)
    await ctx.db.run(remember_ack, report_id=rec.report_id, chat_id=str(message.chat.id),
                     message_id=str(message.message_id))
    if rec.status == TaskStatus.EXTENSION_REQUESTED:
        request = await ctx.db.run(extension_request, rec.report_id)
        for person in await ctx.db.run(approvers):
            if person.telegram_chat_id is not None and person.telegram_chat_id != message.chat.id:
                await send_text(context.bot, ctx.clock, person.telegram_chat_id, texts.extension_request_text(request),
                                reply_markup=extension_keyboard(rec.report_id))


async def on_extension_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = app_context(context)
    query = update.callback_query
    assert query is not None and query.data is not None
    _, report_id, action = query.data.split(":")
    person = await speaker(update, context)
    try:
        request = await ctx.db.run(decide_extension, int(report_id), by=person, approve=action == "ok",
                                   now=ctx.clock.now(), policy=ctx.policy)
    except NhacViecError as exc:
        await query.answer(exc.user_message[:200], show_alert=True)
        raise
    approved = action == "ok" and request.requested_due is not None
    await query.answer()
    await query.edit_message_reply_markup(reply_markup=None)
    await answer(update, context, texts.extension_decided_text(request, approved, for_requester=False))
    if request.requester_chat_id is not None:
        await send_text(context.bot, ctx.clock, request.requester_chat_id,
                        texts.extension_decided_text(request, approved, for_requester=True))


async def reply_status(update: Update, context: ContextTypes.DEFAULT_TYPE, person: Person) -> bool:
    """A reply to a reminder is a progress note; False if the message replies to something else."""
    ctx = app_context(context)
    message = update.effective_message
    if message is None or message.reply_to_message is None:
        return False
    target = await ctx.db.run(task_for_message, chat_id=str(message.chat.id),
                              message_id=str(message.reply_to_message.message_id))
    if target is None:
        return False
    change = parse_status_text(message.text or "", today=ctx.today())
    if change is None:
        await answer(update, context, texts.reply_not_understood())
        return True
    rec = await ctx.db.run(record_status, task_id=target.task_id, actor=person, change=change, source="reply",
                           now=ctx.clock.now(), today=ctx.today(), reminder_id=target.reminder_id)
    await acknowledge(update, context, rec, texts.recorded_text(rec, change.note, change.requested_due_on),
                      quote=True)
    return True


async def typed_status(update: Update, context: ContextTypes.DEFAULT_TYPE, person: Person, text: str) -> bool:
    """"2.1 xong" from someone with an open task 2.1; False if the text is not that."""
    ctx = app_context(context)
    split = split_ref(text)
    if split is None or len(text) > 300:
        return False
    ref, rest = split
    change = parse_status_text(rest, today=ctx.today())
    if change is None or change.status is None:
        return False
    tasks = await ctx.db.run(tasks_by_ref, person, ref)
    if not tasks:
        if person.is_admin:
            return False  # an admin may be pasting a notice that starts with "1. …"
        await answer(update, context, texts.unknown_ref(ref))
        return True
    if len(tasks) > 1:
        await answer(update, context, texts.ambiguous_ref(ref, len(tasks)))
        return True
    rec = await ctx.db.run(record_status, task_id=tasks[0].id, actor=person, change=change, source="text",
                           now=ctx.clock.now(), today=ctx.today())
    await acknowledge(update, context, rec, texts.recorded_text(rec, change.note, change.requested_due_on))
    return True


async def my_tasks(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = app_context(context)
    person = await speaker(update, context)
    tasks = await ctx.db.run(open_tasks_for, person)
    rows = [(t.item_ref, t.text, t.due_on, TaskStatus(t.status), t.percent) for t in tasks]
    await answer(update, context, texts.my_tasks(person.full_name, rows, ctx.today()))


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CallbackQueryHandler(on_task_button, pattern=r"^t:\d+:(done|prog|block)$"))
    app.add_handler(CallbackQueryHandler(on_extension_button, pattern=r"^x:\d+:(ok|no)$"))
    app.add_handler(CommandHandler("viec", my_tasks))
