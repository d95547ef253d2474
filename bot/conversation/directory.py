"""The directory sent in chat: an admin sends the office's list of people (.xlsx or .csv) and
it is imported, all rows or none, as `nhacviec directory import` does; tasks that waited for a
head are assigned. Anyone else is told that only an admin may do it."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from bot import texts
from bot.conversation.events import Inbound, Outgoing
from bot.conversation.status import extension_actions
from bot.textbase import date_vn, vn
from bot.texts import progress_text, short_title
from scheduler.calendar import WorkingCalendar
from scheduler.dispatcher import SendError
from storage.directory import (
    DirectoryRow,
    HandedTask,
    Handover,
    ImportResult,
    PersonRef,
    claim_news,
    file_digest,
    import_directory,
    is_directory_file,
    parse_directory,
    pending_requests_touched,
    person_by_id,
    queue_news,
    released_to,
)
from storage.models import Notice, Person, Role, Task, TaskStatus
from storage.notices import NewlyAssigned, assign_unassigned, notice_title, title_in_sentence
from storage.tasks import (
    ExtensionRequest,
    ShownAt,
    approvers,
    extension_messages,
    extension_request,
    may_decide,
    remember_extension_message,
)

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
CHANGES_SHOWN = 10  # people the file changes, named one by one up to this many
NO_LEADER = ("Danh bạ {state} lãnh đạo nào: báo cáo tuần và việc quá hạn cần chỉ đạo sẽ không có người nhận; đồng chí "
             "bổ sung lãnh đạo (vai trò “lãnh đạo”) vào tệp danh bạ rồi gửi lại.")
WAITING_WITH_LEADER = "trong khi chờ, lãnh đạo được báo như nhiệm vụ chưa có người nhận (/loi)"
NEWS_QUEUED_HEAD = ("Nhắc việc báo những người liên quan qua tin nhắn: bot đang chạy gửi trong khoảng một phút "
                    "(nếu bot chưa chạy, tin được gửi khi bot chạy lại):")
NOBODY_TO_TELL = "Không có ai cần báo qua tin nhắn."
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


def change_lines(result: ImportResult) -> list[str]:
    """Who the file changed and what (so an old file that undoes the chat's changes is seen), and the people it
    brings back from "đã nghỉ", by name."""
    shown = [c for c in result.changes if c.fields][:CHANGES_SHOWN]
    more = len(result.changes) - len(shown)
    items = [f"đ/c {c.full_name} (mã {c.handle}): {'; '.join(texts.field_change(f) for f in c.fields)}"
             for c in shown]
    lines = []
    if len(items) == 1 and not more:
        lines.append(f"Thay đổi: {items[0]}.")
    elif items:
        lines += ["Thay đổi:", *(f"  • {item}" for item in items)]
        if more > 0:
            lines.append(f"  … và {more} cán bộ khác.")
    lines += [f"Đ/c {p.full_name} (mã {p.handle}) đã được ghi là đã nghỉ, nay tệp ghi lại đang công tác: Nhắc việc "
              "gửi tin cho đồng chí ấy trở lại. Nếu đồng chí ấy vẫn nghỉ (tệp cũ), đồng chí ghi lại vai trò “đã "
              f"nghỉ” rồi nhập lại; nếu đúng, đồng chí gõ /moi {p.handle} để mời kết nối lại."
              for p in result.rejoined]
    return lines


def import_summary(result: ImportResult, assigned: Sequence[NewlyAssigned],
                   released: Sequence[Handover] = (), requests: Sequence[RequestPlan] = ()) -> str:
    """What an import did, for the admin in chat and on the command line. `released`: tasks an earlier import
    left waiting for a unit's new head, now given to them (said as a hand-over, not among `assigned`); `requests`:
    the extension requests waiting for a decision that follow their task or go to whoever decides now."""
    # said only beside the people the file leaves out, so that its counts and theirs add up
    were_left = f", {result.were_left} trước đây đã nghỉ" if result.were_left and result.missing else ""
    lines = [f"Đã nhập danh bạ: {result.units_created} đơn vị mới, {result.people_created} cán bộ mới, "
             f"{result.people_updated} cán bộ đã có ({result.people_changed} có thay đổi{were_left})."]
    lines += change_lines(result)
    if result.leaders_after == 0:
        lines.append(NO_LEADER.format(state="không còn" if result.leaders_before else "chưa có"))
    lines += [f"Đ/c {name} kiêm nhiệm trưởng {unit}: nhiệm vụ do {unit} chủ trì giao cho đ/c {name}."
              for name, unit in result.posts_added]
    lines += [f"Đ/c {name} thôi kiêm nhiệm trưởng {unit}." for name, unit in result.posts_removed]
    done = {t.task_id for h in released for t in h.tasks}
    assigned = [a for a in assigned if a.task_id not in done]
    if assigned:
        lines.append(f"Đã giao thêm {len(assigned)} nhiệm vụ trước đây chưa có người nhận:")
        refs: dict[str, list[str]] = {}
        for got in assigned:
            refs.setdefault(got.name, []).append(got.item_ref)
        lines += [f"  • đ/c {name}: mục {', '.join(items)}" for name, items in refs.items()]
    lines += handover_lines(result, [*result.handovers, *released])
    lines += [texts.extension_followed_line(plan.request, plan.holder.full_name if plan.holder else None,
                                            [p.full_name for p in plan.deciders])
              for plan in requests]
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


@dataclass(frozen=True, kw_only=True)
class DirectoryNews:
    """Whom an import tells in chat, and of what (the same from the chat and from the command line, which keeps it
    as JSON for the running bot): people given tasks, former heads, heads given back the tasks of people who left or
    moved, and the extension requests waiting for a decision that the import touched."""

    assigned: tuple[NewlyAssigned, ...] = ()  # (those a new head takes over from the former one too)
    former_heads: tuple[Handover, ...] = ()
    returned: tuple[Handover, ...] = ()
    requests: tuple[int, ...] = ()  # report ids
    moved_tasks: tuple[int, ...] = ()  # the tasks that changed hands

    @property
    def empty(self) -> bool:
        return not (self.assigned or self.former_heads or self.returned or self.requests)

    def to_json(self) -> dict[str, Any]:
        return {"assigned": [list(a) for a in self.assigned], "former_heads": [asdict(h) for h in self.former_heads],
                "returned": [asdict(h) for h in self.returned], "requests": list(self.requests),
                "moved_tasks": list(self.moved_tasks)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DirectoryNews:
        def handover(h: dict[str, Any]) -> Handover:
            return Handover(**{**h, "tasks": tuple(HandedTask(**t) for t in h["tasks"])})

        return cls(assigned=tuple(NewlyAssigned(*a) for a in data.get("assigned", [])),
                   former_heads=tuple(handover(h) for h in data.get("former_heads", [])),
                   returned=tuple(handover(h) for h in data.get("returned", [])),
                   requests=tuple(data.get("requests", [])), moved_tasks=tuple(data.get("moved_tasks", [])))


def news_of(result: ImportResult, assigned: Sequence[NewlyAssigned], released: Sequence[Handover]) -> DirectoryNews:
    handed = [NewlyAssigned(t.item_ref, h.to_name, h.to_id, t.task_id, t.notice_id)
              for h in result.handovers if h.to_id is not None and h.to_name is not None for t in h.tasks]
    moved = {t.task_id for h in [*result.handovers, *result.returned, *released] for t in h.tasks} | \
        {a.task_id for a in assigned}
    return DirectoryNews(assigned=(*assigned, *handed), former_heads=(*result.handovers, *released),
                         returned=result.returned, moved_tasks=tuple(sorted(moved)))


@dataclass(frozen=True, kw_only=True)
class Imported:
    result: ImportResult
    assigned: list[NewlyAssigned]
    released: list[Handover]
    news: DirectoryNews
    requests: list[RequestPlan]  # as they stand after the import
    told: list[str]  # whom the news reaches, one line each (for the command line)


def import_with_news(session: Session, rows: Sequence[DirectoryRow], *, now: dt.datetime, actor_id: int | None,
                     queue: bool = False, today: dt.date | None = None, **detail: str) -> Imported:
    """`import_assign_and_release`, and whom it must tell in chat. `queue` (the command line, which runs no
    channel): the news is kept, in the same transaction, for the running bot to send on its next tick."""
    result, assigned, released = import_assign_and_release(session, rows, now=now, actor_id=actor_id, **detail)
    news = news_of(result, assigned, released)
    news = replace(news, requests=tuple(pending_requests_touched(session, news.moved_tasks, result.changed_people)))
    if queue and not news.empty:
        queue_news(session, now=now, news=news.to_json())
    plans = plan_requests(session, news, today)
    return Imported(result=result, assigned=assigned, released=released, news=news, requests=plans,
                    told=told_lines(session, news, plans))


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
    done = await ctx.db.run(import_with_news, rows, now=ctx.clock.now(), actor_id=person.id, today=ctx.today(),
                            via=event.channel,
                            file=filename[:200], sha256=file_digest(data))
    result = done.result
    log.info("directory %r imported by %s: %s units, %s people new, %s updated, %s tasks assigned", filename,
             person.handle, result.units_created, result.people_created, result.people_updated, len(done.assigned))
    text = import_summary(result, done.assigned, done.released, done.requests)
    hint = invite_hint([p for p in result.created if p.handle != person.handle])
    if hint:
        text += "\n" + hint
    await conv.say(event, text)
    await tell_import(conv, done.news, done.requests)
    return True


async def tell_import(conv: Conversation, news: DirectoryNews, plans: Sequence[RequestPlan] | None = None) -> None:
    """Everyone an import concerns hears of it in chat (from the chat import at once; from the command line's on
    the running bot's next tick): tasks given, tasks a former head no longer holds, tasks back with a head, and
    the extension requests waiting for a decision that follow their task or go to whoever decides now (`plans`:
    as the import planned them; the command line's news plans them again when told, since time has passed)."""
    await _tell_new_assignees(conv, news.assigned)
    await _tell_former_heads(conv, news.former_heads)
    await _tell_heads_of_returns(conv, news.returned)
    await _tell_requests(conv, plans if plans is not None else await conv.ctx.db.run(plan_requests, news,
                                                                                        conv.ctx.today()))


async def send_directory_news(conv: Conversation) -> int:
    """On each tick: what imports from the command line queued (`queue_news`) is told now, each once."""
    ctx = conv.ctx
    queued = await ctx.db.run(claim_news, now=ctx.clock.now())
    for data in queued:
        try:
            await tell_import(conv, DirectoryNews.from_json(data))
        except Exception:  # one import's news does not stop the next, nor the digests of this tick
            log.exception("could not tell the news of a directory import")
    if queued:
        log.info("news of %d directory imports from the command line told", len(queued))
    return len(queued)


# ---------------------------------------------------------------- extension requests an import touched

@dataclass(frozen=True, kw_only=True)
class RequestPlan:
    """An extension request waiting for a decision, after an import: who holds its task now and must know it waits
    (the task came to them), who decides now and was never shown it, and the messages of people still here who
    showed it to them as deciders but no longer decide (their actions come off). Nothing goes to anyone who
    left."""

    request: ExtensionRequest
    holder: Person | None
    deciders: tuple[Person, ...]
    no_longer: tuple[ShownAt, ...]


def plan_requests(session: Session, news: DirectoryNews, today: dt.date | None = None) -> list[RequestPlan]:
    """Whom each extension request the news touches now goes to; `today`: a head on leave that day is not one of
    them (nor named as one), as when the request was made."""
    plans = []
    for report_id in news.requests:
        request = extension_request(session, report_id, today)
        task = session.get_one(Task, request.task_id)
        if request.decision != "pending" or TaskStatus(task.status).is_closed:
            continue  # decided, replaced or finished meanwhile (the command line's news is told later)
        shown = extension_messages(session, report_id)
        shown_to = {s.person_id for s in shown}
        deciders = [p for p in approvers(session, task.id, request.requester_id, today)
                    if p.id != request.requester_id and p.id not in shown_to]
        no_longer = []
        for s in shown:
            someone = session.get_one(Person, s.person_id)
            if someone.role != Role.LEFT and not may_decide(session, someone, task, request.requester_id):
                no_longer.append(s)
        holder = task.assignee if (task.assignee_id not in (None, request.requester_id)
                                   and task.id in news.moved_tasks
                                   and task.assignee_id not in {p.id for p in deciders}) else None
        plans.append(RequestPlan(request=request, holder=holder, deciders=tuple(deciders),
                                 no_longer=tuple(no_longer)))
    return plans


async def _tell_requests(conv: Conversation, plans: Sequence[RequestPlan]) -> None:
    ctx = conv.ctx
    for plan in plans:
        request = plan.request
        for shown in plan.no_longer:
            await conv.clear_actions(shown.channel, shown.chat_id, shown.message_id)
            if (plan.holder is None or shown.person_id != plan.holder.id) and shown.channel in conv.channels:
                try:
                    await conv.send(shown.channel, shown.chat_id, Outgoing(
                        text=texts.extension_no_longer_yours(request), reply_to=shown.message_id))
                except SendError as exc:
                    log.info("request message %s on %s not answered: %s", shown.message_id, shown.channel, exc)
        if plan.holder is not None:
            await conv.notify(plan.holder, Outgoing(text=texts.extension_follows_task(plan.holder.full_name,
                                                                                      request)))
        for decider in plan.deciders:
            sent = await conv.notify(decider, Outgoing(
                text=texts.extension_rerouted(request, calendar=ctx.policy.calendar),
                actions=extension_actions(request)), remember=("extension", request.report_id))
            if sent is not None and sent.last_id is not None:
                await ctx.db.run(remember_extension_message, report_id=request.report_id, person_id=decider.id,
                                 channel=sent.channel, chat_id=sent.chat_id, message_id=sent.last_id,
                                 now=ctx.clock.now())


def told_lines(session: Session, news: DirectoryNews, plans: Sequence[RequestPlan]) -> list[str]:
    """Whom the news reaches and of what, one line a person, for the command line's summary; those with no chat
    with Nhắc việc are said to get nothing."""
    what: dict[int, list[str]] = {}
    given: dict[int, list[str]] = {}
    for got in news.assigned:
        given.setdefault(got.person_id, []).append(got.item_ref)
    for person_id, refs in given.items():
        what.setdefault(person_id, []).append(f"được giao {_count(len(refs))} (mục {', '.join(refs)})")
    for h in news.former_heads:
        if not h.from_left:
            whom = f"đ/c {h.to_name}" if h.to_name else "trưởng đơn vị mới khi có trong danh bạ"
            what.setdefault(h.from_id, []).append(f"{_count(len(h.tasks))} chuyển cho {whom} (mục {_refs(h)})")
    for h in news.returned:
        if h.to_id is not None:
            what.setdefault(h.to_id, []).append(f"nhận lại {_count(len(h.tasks))} của đ/c {h.from_name} "
                                                f"(mục {_refs(h)})")
    for plan in plans:
        if plan.holder is not None:
            what.setdefault(plan.holder.id, []).append(f"đề nghị gia hạn mục {plan.request.item_ref} đang chờ "
                                                       "quyết định")
        for decider in plan.deciders:
            what.setdefault(decider.id, []).append(f"đề nghị gia hạn mục {plan.request.item_ref} để quyết định")
    lines = []
    for person_id, items in what.items():
        person = session.get_one(Person, person_id)
        reach = "" if person.channels else " — chưa kết nối Nhắc việc nên chưa nhận được tin"
        lines.append(f"  • đ/c {person.full_name}: {'; '.join(items)}{reach}")
    return lines


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
        lines.append(f"• Mục {task.item_ref} ({title_in_sentence(title)}): {short_title(task.text)} — {due} — "
                     f"{progress_text(TaskStatus(task.status), task.percent)}")
    ref = rows[0][1].item_ref
    lines.append(f"Nhắc việc nhắc đồng chí về các nhiệm vụ này từ nay; để giao cán bộ khác, đồng chí gõ /giao {ref} "
                 "<họ tên cán bộ> (gõ /giao để xem cán bộ của đơn vị).")
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
