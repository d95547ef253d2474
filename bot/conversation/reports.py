"""/tonghop: per unit, done on time, done late, in progress, overdue; with the
Excel file to forward where the channel can send files."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from bot import texts
from bot.conversation.events import Document, Outgoing, TextIn
from bot.report_files import summary_workbook
from storage.errors import NotAllowed
from storage.models import Person, Role
from storage.reports import task_rows, unit_summary

if TYPE_CHECKING:
    from bot.conversation.core import Conversation


async def summary(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    ctx = conv.ctx
    if person.role not in (Role.ADMIN, Role.LEADER):
        raise NotAllowed(person.handle, "see the summary")
    today = ctx.today()
    rows = await ctx.db.run(unit_summary, today=today, tz=ctx.policy.calendar.tz)
    await conv.say(event, texts.summary_text(rows, today))
    if not rows:
        return
    if not conv.channel(event.channel).capabilities.documents_out:
        await conv.say(event, texts.NO_FILES_HERE)
        return
    tasks = await ctx.db.run(task_rows, today=today, tz=ctx.policy.calendar.tz)
    data = await asyncio.to_thread(summary_workbook, rows, tasks, today)
    await conv.reply(event, Outgoing(text="", document=Document(
        data=data, filename=f"tong-hop-nhiem-vu-{today:%Y-%m-%d}.xlsx", caption=texts.REPORT_FILE_CAPTION)))
