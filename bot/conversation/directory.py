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

from bot.conversation.events import Inbound, Outgoing
from bot.textbase import date_vn, vn
from bot.texts import progress_text, short_title
from scheduler.calendar import WorkingCalendar
from storage.directory import (
    DirectoryRow,
    Handover,
    ImportResult,
    PersonRef,
    import_directory,
    is_directory_file,
    parse_directory,
    person_by_id,
    released_to,
)
from storage.models import Notice, Person, Task, TaskStatus
from storage.notices import NewlyAssigned, assign_unassigned, notice_title

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

log = logging.getLogger(__name__)

# Files that may hold the directory; anything else goes straight to the notice reader. A .txt may be
# Excel's "Unicode Text" (tab-separated UTF-16); it is a directory only if its header says so.
TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")

ONLY_ADMINS = vn("Chỉ quản trị viên mới được nhập danh bạ cán bộ. Đồng chí vui lòng gửi tệp danh bạ cho quản trị "
                 "viên của cơ quan để cập nhật.")
MISSING_SHOWN = 10  # people not in the file, named one by one up to this many
LEFT_HOW = ("nếu đồng chí nào đã nghỉ hoặc chuyển công tác, đồng chí ghi dòng của người đó với vai trò “đã nghỉ” "
            "rồi gửi lại tệp (nhiệm vụ người đó giữ với tư cách trưởng đơn vị chuyển cho trưởng đơn vị mới); "
            "Nhắc việc không tự xóa ai")
INVITES_SHOWN = 5  # new people named one by one in the invite hint
NO_LEADER = ("Danh bạ {state} lãnh đạo nào: báo cáo tuần và việc quá hạn cần chỉ đạo sẽ không có người nhận; đồng chí "
             "bổ sung lãnh đạo (vai trò “lãnh đạo”) vào tệp danh bạ rồi gửi lại.")
WAITING_WITH_LEADER = "trong khi chờ, lãnh đạo được báo như nhiệm vụ chưa có người nhận (/loi)"
WAITING_NO_LEADER = "trong khi chờ, chưa ai được nhắc (danh bạ không có lãnh đạo); đồng chí xem bằng /loi"


def may_be_directory(filename: str) -> bool:
    return PurePath(filename).suffix.lower() in TABLE_SUFFIXES


def _refs(handover: Handover) -> str:
    return ", ".join(t.item_ref for t in handover.tasks)


def _count(n: int) -> str:
    return f"{n} nhiệm vụ"


def head_words(unit: str) -> str:
    """"trưởng Phòng Tài chính - Kế hoạch", "trưởng đơn vị UBND xã Hiệp Thạnh"."""
    return f"trưởng {unit}" if unit.split(" ", 1)[0] in ("Phòng", "Ban") else f"trưởng đơn vị {unit}"


def returned_lines(returned: Sequence[Handover], *, no_leader: bool, said_left: Sequence[str] = ()) -> list[str]:
    """The tasks of people who left (not held as a unit's head): back with the head of the lead unit.
    `said_left`: the people the answer already said left (one marked so before is said here)."""
    lines = []
    for h in returned:
        why = "đã nghỉ" if h.from_left else f"chuyển khỏi {h.unit_name}"
        start = ("" if h.from_name in said_left else f"Đ/c {h.from_name} {why}: ") + \
            f"{_count(len(h.tasks))} do đ/c {h.from_name} phụ trách"
        if h.to_name is not None:
            lines.append(f"{start} trả về đ/c {h.to_name} ({head_words(h.unit_name)}): mục {_refs(h)}.")
        else:
            waiting = WAITING_NO_LEADER if no_leader else WAITING_WITH_LEADER
            lines.append(f"{start} nay chưa có người nhận (mục {_refs(h)}): {h.unit_name} chưa có trưởng đơn vị "
                         f"trong danh bạ. Khi đồng chí nhập trưởng đơn vị, các nhiệm vụ này được giao cho người đó; "
                         f"{waiting}.")
    return lines


def handover_lines(result: ImportResult, handovers: Sequence[Handover]) -> list[str]:
    """People who left, tasks that changed hands, people the file leaves out: what the admin must know."""
    no_leader = result.leaders_after == 0
    lines = [f"Đ/c {name} đã nghỉ: Nhắc việc không gửi tin cho đồng chí nữa (lịch sử vẫn giữ)." for name in result.left]
    lines += returned_lines(result.returned, no_leader=no_leader, said_left=result.left)
    for h in handovers:
        if h.to_name is not None:
            lines.append(f"Chuyển {_count(len(h.tasks))} của {h.unit_name} từ đ/c {h.from_name} sang đ/c {h.to_name} "
                         f"(mục {_refs(h)}).")
        else:
            lines.append(f"{_count(len(h.tasks))} của {h.unit_name} do đ/c {h.from_name} giữ nay chưa có người nhận "
                         f"(mục {_refs(h)}): đơn vị chưa có trưởng đơn vị trong danh bạ. Khi đồng chí nhập trưởng "
                         "đơn vị mới, các nhiệm vụ này được giao cho người đó; "
                         f"{WAITING_NO_LEADER if no_leader else WAITING_WITH_LEADER}.")
    missing = result.missing
    if missing and len(missing) * 2 <= result.stored_active:
        names = "; ".join(f"đ/c {m.full_name} (mã {m.handle})" for m in missing[:MISSING_SHOWN])
        more = f" và {len(missing) - MISSING_SHOWN} người khác" if len(missing) > MISSING_SHOWN else ""
        lines.append(f"{len(missing)} cán bộ có trong Nhắc việc nhưng không có trong tệp: {names}{more} — vẫn giữ "
                     f"nguyên; {LEFT_HOW}.")
    elif missing:
        lines.append(f"Tệp chỉ có {result.stored_active - len(missing)} trong {result.stored_active} cán bộ đang có "
                     f"trong Nhắc việc; {len(missing)} cán bộ không có trong tệp vẫn giữ nguyên; {LEFT_HOW}.")
    return lines


def import_summary(result: ImportResult, assigned: Sequence[NewlyAssigned],
                   released: Sequence[Handover] = ()) -> str:
    """What an import did, for the admin in chat and on the command line. `released`: tasks an earlier import
    left waiting for a unit's new head, now given to them (said as a hand-over, not among `assigned`)."""
    lines = [f"Đã nhập danh bạ: {result.units_created} đơn vị mới, {result.people_created} cán bộ mới, "
             f"{result.people_updated} cán bộ đã có ({result.people_changed} có thay đổi)."]
    if result.leaders_after == 0:
        lines.append(NO_LEADER.format(state="không còn" if result.leaders_before else "chưa có"))
    done = {t.task_id for h in released for t in h.tasks}
    assigned = [a for a in assigned if a.task_id not in done]
    if assigned:
        lines.append(f"Đã giao thêm {len(assigned)} nhiệm vụ trước đây chưa có người nhận:")
        refs: dict[str, list[str]] = {}
        for got in assigned:
            refs.setdefault(got.name, []).append(got.item_ref)
        lines += [f"  • đ/c {name}: mục {', '.join(items)}" for name, items in refs.items()]
    lines += handover_lines(result, [*result.handovers, *released])
    return vn("\n".join(lines))


def import_and_assign(session: Session, rows: Sequence[DirectoryRow], *, now: dt.datetime, actor_id: int | None,
                       **detail: str) -> tuple[ImportResult, list[NewlyAssigned]]:
    """One transaction: the people and the tasks they now receive, or nothing. `actor_id` None: the
    command line (which says who in `detail`)."""
    result = import_directory(session, rows, now=now, actor_id=actor_id, **detail)
    return result, assign_unassigned(session, now=now)


def import_assign_and_release(session: Session, rows: Sequence[DirectoryRow], *, now: dt.datetime,
                              actor_id: int | None, **detail: str
                              ) -> tuple[ImportResult, list[NewlyAssigned], list[Handover]]:
    """`import_and_assign`, and which of the newly assigned tasks an earlier import took from a former head."""
    result, assigned = import_and_assign(session, rows, now=now, actor_id=actor_id, **detail)
    return result, assigned, released_to(session, [(a.task_id, a.person_id) for a in assigned])


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
    result, assigned, released = await ctx.db.run(import_assign_and_release, rows, now=ctx.clock.now(),
                                                  actor_id=person.id, via=event.channel, file=filename[:200])
    log.info("directory %r imported by %s: %s units, %s people new, %s updated, %s tasks assigned", filename,
             person.handle, result.units_created, result.people_created, result.people_updated, len(assigned))
    text = import_summary(result, assigned, released)
    hint = invite_hint([p for p in result.created if p.handle != person.handle])
    if hint:
        text += "\n" + hint
    await conv.say(event, text)
    handed = [NewlyAssigned(t.item_ref, h.to_name, h.to_id, t.task_id, t.notice_id)
              for h in result.handovers if h.to_id is not None and h.to_name is not None for t in h.tasks]
    await _tell_new_assignees(conv, [*assigned, *handed])
    await _tell_former_heads(conv, [*result.handovers, *released])
    await _tell_heads_of_returns(conv, result.returned)
    return True


def invite_hint(new: Sequence[PersonRef]) -> str:
    """After an import that added people: the /moi to type for each (the first few)."""
    if not new:
        return ""
    if len(new) == 1:
        return vn(f"Để mời đ/c {new[0].full_name} sử dụng Nhắc việc, đồng chí gõ /moi {new[0].handle}.")
    shown = "; ".join(f"/moi {p.handle}" for p in new[:INVITES_SHOWN])
    more = f" (và {len(new) - INVITES_SHOWN} người khác)" if len(new) > INVITES_SHOWN else ""
    return vn(f"Để mời {len(new)} cán bộ mới sử dụng Nhắc việc, đồng chí gõ /moi kèm mã từng người: {shown}{more}.")


def invite_usage(example: Person | None) -> str:
    """/moi alone: the syntax, with a person of this directory (not yet connected, if any) as the example."""
    if example is None:
        return vn("Cú pháp: /moi <mã cán bộ hoặc họ tên>. Danh bạ chưa có cán bộ nào: đồng chí gửi tệp danh bạ "
                  "trước.")
    return vn(f"Cú pháp: /moi <mã cán bộ hoặc họ tên>, ví dụ: /moi {example.handle} hoặc /moi {example.full_name}")


def returned_text(name: str, leaver: str, rows: Sequence[tuple[str, Task]], today: dt.date, *,
                  left: bool = True, calendar: WorkingCalendar | None = None) -> str:
    """To a unit's head: the tasks of a cadre who left (or moved to another unit) are back with him, each with
    where it stands (late only once its deadline has run, past a day off, given the calendar)."""
    why = "đã nghỉ" if left else "đã chuyển sang đơn vị khác"
    lines = [f"Kính gửi đồng chí {name},",
             f"Đ/c {leaver} {why} theo danh bạ mới; {_count(len(rows))} do đ/c {leaver} phụ trách trở về "
             "đồng chí:"]
    for title, task in rows:
        runs_to = calendar.effective_deadline(task.due_on) if calendar and task.due_on else task.due_on
        due = "không có thời hạn" if task.due_on is None or runs_to is None else f"hạn {date_vn(task.due_on)}" + (
            " (đã quá hạn)" if runs_to < today else "")
        lines.append(f"• Mục {task.item_ref} ({title}): {short_title(task.text)} — {due} — "
                     f"{progress_text(TaskStatus(task.status), task.percent)}")
    ref = rows[0][1].item_ref
    lines.append(f"Nhắc việc nhắc đồng chí về các nhiệm vụ này từ nay; để giao cán bộ khác, đồng chí gõ /giao {ref} "
                 "@<mã cán bộ>.")
    return vn("\n".join(lines))


def _returned_rows(session: Session, handover: Handover) -> list[tuple[str, Task]]:
    tasks = [session.get_one(Task, t.task_id) for t in handover.tasks]
    return [(notice_title(t.notice), t) for t in tasks]


async def _tell_heads_of_returns(conv: Conversation, returned: Sequence[Handover]) -> None:
    for handover in returned:
        if handover.to_id is None:
            continue
        head = await conv.ctx.db.run(person_by_id, handover.to_id)
        rows = await conv.ctx.db.run(_returned_rows, handover)
        await conv.notify(head, Outgoing(text=returned_text(head.full_name, handover.from_name, rows,
                                                            conv.ctx.today(), left=handover.from_left,
                                                            calendar=conv.ctx.policy.calendar)))


def former_head_text(name: str, handover: Handover) -> str:
    """To a unit's former head (still in Nhắc việc), once: which tasks went to whom."""
    if handover.to_name is not None:
        whom = f"đã được chuyển cho đ/c {handover.to_name}, trưởng đơn vị mới"
    else:
        whom = "được chuyển cho trưởng đơn vị mới khi có trong danh bạ"
    return vn(f"Kính gửi đồng chí {name},\nTheo danh bạ mới, {_count(len(handover.tasks))} của {handover.unit_name} "
              f"đồng chí giữ với tư cách trưởng đơn vị (mục {_refs(handover)}) {whom}. Nhắc việc không nhắc đồng chí "
              "về các nhiệm vụ này nữa.")


async def _tell_former_heads(conv: Conversation, handovers: Sequence[Handover]) -> None:
    """A former head who left is not told (no chat is bound any more); one who stays hears once per unit."""
    for handover in handovers:
        if handover.from_left:
            continue
        former = await conv.ctx.db.run(person_by_id, handover.from_id)
        await conv.notify(former, Outgoing(text=former_head_text(former.full_name, handover)))


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
