"""The directory sent in chat: an admin sends the office's list of people (.xlsx or .csv) and
it is imported, all rows or none, as `nhacviec directory import` does; tasks that waited for a
head are assigned. Anyone else is told that only an admin may do it."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot.conversation.events import Inbound
from bot.textbase import vn
from storage.directory import DirectoryRow, ImportResult, import_directory, is_directory_file, parse_directory
from storage.models import Notice, Person
from storage.notices import NewlyAssigned, assign_unassigned, notice_title

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

log = logging.getLogger(__name__)

# Files that may hold the directory; anything else goes straight to the notice reader. A .txt may be
# Excel's "Unicode Text" (tab-separated UTF-16); it is a directory only if its header says so.
TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")

ONLY_ADMINS = vn("Chỉ quản trị viên mới được nhập danh bạ cán bộ. Đồng chí vui lòng gửi tệp danh bạ cho quản trị "
                 "viên của cơ quan để cập nhật.")
INVITE_HINT = vn("Để mời cán bộ mới sử dụng Nhắc việc, đồng chí gõ /moi kèm mã cán bộ, ví dụ /moi {handle}.")


def may_be_directory(filename: str) -> bool:
    return PurePath(filename).suffix.lower() in TABLE_SUFFIXES


def import_summary(result: ImportResult, assigned: Sequence[NewlyAssigned]) -> str:
    """What an import did, for the admin in chat and on the command line."""
    lines = [f"Đã nhập danh bạ: {result.units_created} đơn vị mới, {result.people_created} cán bộ mới, "
             f"{result.people_updated} cán bộ đã có ({result.people_changed} có thay đổi)."]
    if assigned:
        lines.append(f"Đã giao thêm {len(assigned)} nhiệm vụ trước đây chưa có người nhận:")
        refs: dict[str, list[str]] = {}
        for got in assigned:
            refs.setdefault(got.name, []).append(got.item_ref)
        lines += [f"  • đ/c {name}: mục {', '.join(items)}" for name, items in refs.items()]
    return vn("\n".join(lines))


def import_and_assign(session: Session, rows: Sequence[DirectoryRow], *, now: dt.datetime, actor_id: int | None,
                       **detail: str) -> tuple[ImportResult, list[NewlyAssigned]]:
    """One transaction: the people and the tasks they now receive, or nothing. `actor_id` None: the
    command line (which says who in `detail`)."""
    result = import_directory(session, rows, now=now, actor_id=actor_id, **detail)
    return result, assign_unassigned(session, now=now)


async def import_file(conv: Conversation, event: Inbound, person: Person, data: bytes, filename: str) -> bool:
    """True if the file is a directory (its header names the directory's columns) and was dealt with:
    imported, refused line by line (DirectoryInvalid goes up to the conversation), or refused to a
    non-admin. False: not a directory, read it as a notice."""
    if not await asyncio.to_thread(is_directory_file, data, filename):
        return False
    if not person.is_admin:
        log.info("directory file %r from non-admin %s refused", filename, person.handle)
        await conv.say(event, ONLY_ADMINS)
        return True
    ctx = conv.ctx
    rows = await asyncio.to_thread(parse_directory, data, filename)
    result, assigned = await ctx.db.run(import_and_assign, rows, now=ctx.clock.now(), actor_id=person.id,
                                        via=event.channel, file=filename[:200])
    log.info("directory %r imported by %s: %s units, %s people new, %s updated, %s tasks assigned", filename,
             person.handle, result.units_created, result.people_created, result.people_updated, len(assigned))
    text = import_summary(result, assigned)
    if result.people_created:
        new = next((r["handle"] for r in rows if r["handle"] != person.handle), rows[0]["handle"])
        text += "\n" + INVITE_HINT.format(handle=new)
    await conv.say(event, text)
    await _tell_new_assignees(conv, assigned)
    return True


def _title_of(session: Session, notice_id: int) -> str:
    return notice_title(session.get_one(Notice, notice_id))


async def _tell_new_assignees(conv: Conversation, assigned: Sequence[NewlyAssigned]) -> None:
    """Each person given tasks that waited for a head hears of them as at a notice's confirmation (one message a
    notice), before any digest calls them late."""
    from bot.conversation.notices import tell_assigned  # the conversation's modules import this one

    by_notice: dict[int, dict[int, list[int]]] = {}
    for got in assigned:
        by_notice.setdefault(got.notice_id, {}).setdefault(got.person_id, []).append(got.task_id)
    for notice_id, assignees in by_notice.items():
        title = await conv.ctx.db.run(_title_of, notice_id)
        await tell_assigned(conv, title, assignees)
