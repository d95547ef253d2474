"""Tasks: who may change them, status updates with full history, look-ups; extension requests (one
pending a task, decided by whoever may grant it), delegation to a cadre of the lead unit, reports of
supporting units, and replies waiting for the person to say which task they are about."""

from __future__ import annotations

import datetime as dt
import enum
import logging
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn, Protocol, TypeVar

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from storage.audit import audit, claim_once
from storage.db import chunks
from storage.directory import did_you_mean, head_of, unit_matcher, written_short_for
from storage.errors import (
    DelegationInvalid,
    ExtensionDecided,
    ExtensionPending,
    NotAllowed,
    NotApprover,
    NotResponsible,
    PersonNotFound,
    TaskClosed,
    TaskNotFound,
)
from storage.itemref import (
    FIRST_PARAGRAPH,
    by_ref,
    ends_ref,
    position_reading,
    read_typed,
    ref_key,
    same_ref,
    section_items,
    whole_item,
)
from storage.models import (
    OPEN_STATUSES,
    AuditLog,
    Digest,
    ExtensionMessage,
    Notice,
    NoticeStatus,
    PendingReply,
    Person,
    Role,
    StatusReport,
    Task,
    TaskMessage,
    TaskStatus,
    Unit,
)
from storage.notices import _Leads, notice_title
from storage.unitgroups import read_group
from storage.unitnames import (
    best_unit_match,
    holds_office,
    marked_spelling,
    mentions,
    named_by_initials,
    named_by_title,
    signed_by,
    ways_to_name,
)
from storage.vntext import fold

log = logging.getLogger(__name__)


def _ref_is(item_ref: str):  # type: ignore[no-untyped-def]
    """SQL: the task's item number is `item_ref` as typed ("ii.5.c" finds "II.5.c"), or ends with it ("4.c"
    finds "II.4.c"; `_by_ref` then keeps the exact ones if there are any). Refs are ASCII but for "đ", which
    is stored lower-case, so SQLite's ASCII-only lower() is enough."""
    key = ref_key(item_ref)
    column = func.lower(Task.item_ref)
    # "2" (or "2 (đoạn 1)" typed) finds the parts "2 (đoạn 1)", "2 (đoạn 2)"
    part: ColumnElement[bool] = column.like(_like_literal(whole_item(item_ref)) + " (%", escape="\\")
    if FIRST_PARAGRAPH.search(key):  # "II.3 (đoạn 1)" typed also finds "II.3" (a heading's only paragraph: `by_ref`)
        part = or_(part, column == whole_item(item_ref))
    if "." not in key:  # "2" also finds "II.2" (`_by_ref` keeps a Roman section's item only, and only without a "2")
        return or_(column == key, part, column.like("%." + _like_literal(key), escape="\\")) if key.isdigit() \
            else or_(column == key, part)
    return or_(column == key, column.like("%." + _like_literal(key), escape="\\"), part)


def _like_literal(text: str) -> str:
    """`text` matched literally inside a LIKE pattern (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _by_ref(tasks: Iterable[Task], item_ref: str) -> list[Task]:
    return by_ref(tasks, item_ref, lambda t: t.item_ref)


def notice_refs(session: Session, notice_ids: Collection[int] | None = None) -> dict[int, list[str]]:
    """Each confirmed notice's item numbers (of `notice_ids`, if given), in its order — finished and withdrawn items
    too: a number typed as printed counts them."""
    query = (select(Task.notice_id, Task.item_ref).join(Notice, Notice.id == Task.notice_id)
             .where(Notice.status == NoticeStatus.CONFIRMED).order_by(Task.notice_id, Task.position, Task.id))
    if notice_ids is not None:
        query = query.where(Task.notice_id.in_(notice_ids))
    out: dict[int, list[str]] = {}
    for notice_id, item_ref in session.execute(query):
        if item_ref not in out.setdefault(notice_id, []):
            out[notice_id].append(item_ref)
    return out


R = TypeVar("R")


def read_in_notices(session: Session, items: Iterable[R], item_ref: str, ref_of: Callable[[R], str],
                    notice_of: Callable[[R], int]) -> list[R]:
    """The items (tasks, requests …) an item number typed means, read as progress replies read it: so numbered
    (`by_ref` over them all), else in each one's notice by `read_typed` ("4.3" for II.4.c, "2.1.a" for II.1.a). The
    one resolver of item numbers for commands other than progress (probe 36)."""
    items = list(items)
    found = by_ref(items, item_ref, ref_of)
    if found or not items:
        return found
    refs = notice_refs(session, {notice_of(i) for i in items})
    meant = {(n, r) for n, numbers in refs.items() for r in read_typed(item_ref, numbers)}
    # last, "2.g" for 1.g where an OCR reading lost the section's "2." (probe 37)
    return [i for i in items if (notice_of(i), ref_of(i)) in meant] or \
        point_meant(session, items, item_ref, ref_of, notice_of, refs=refs)


def point_meant(session: Session, items: Iterable[R], item_ref: str, ref_of: Callable[[R], str],
                notice_of: Callable[[R], int], *, refs: dict[int, list[str]] | None = None) -> list[R]:
    """"2.g" typed where the notice as read has nothing under a section 2 and numbers that point 1.g (an OCR reading
    lost the section's "2.", month probe 37, #1): the one item whose last letter is the one typed, in a notice with
    no item under the section typed. Letters only (a digit is too common to guess on); empty unless one fits."""
    typed = ref_key(item_ref).split(".")
    if len(typed) < 2 or not re.fullmatch(r"[a-zđ]", typed[-1]):
        return []
    items = list(items)
    if refs is None:  # (the notices' item numbers, when the caller has not read them already)
        refs = notice_refs(session, {notice_of(i) for i in items})

    def section_absent(notice_id: int) -> bool:
        return not any(ref_key(r).split(".")[:len(typed) - 1] == typed[:-1] for r in refs.get(notice_id, ()))

    fit = [i for i in items if ref_key(ref_of(i)).split(".")[-1] == typed[-1] and section_absent(notice_of(i))]
    return fit if len(fit) == 1 else []


def tasks_meant(session: Session, tasks: Iterable[Task], item_ref: str) -> list[Task]:
    return read_in_notices(session, tasks, item_ref, lambda t: t.item_ref, lambda t: t.notice_id)


def section_meant(session: Session, tasks: Iterable[Task], item_ref: str) -> tuple[str, list[Task]] | None:
    """A section typed by its number ("mục 5" for II.5.a–d): the section as numbered and those of `tasks` under it,
    when one notice's section so numbered holds any of them; None otherwise."""
    tasks = list(tasks)
    refs = notice_refs(session, {t.notice_id for t in tasks})
    found = {n: s for n, numbers in refs.items() if (s := section_items(item_ref, numbers)) is not None}
    under = [t for t in tasks if t.notice_id in found and t.item_ref in found[t.notice_id][1]]
    if not under or len({found[t.notice_id][0] for t in under}) != 1:
        return None
    return found[under[0].notice_id][0], under


def may_change(person: Person, task: Task, today: dt.date | None = None) -> bool:
    """The assignee, the head of the lead unit, an admin, or (on `today`) the colleague the assignee named to
    cover for them while on leave (`/nghi … @handle`): that colleague receives the digests, so may answer them."""
    if person.role == Role.ADMIN or task.assignee_id == person.id:
        return True
    if today is not None and covers(person, task, today):
        return True
    return is_lead_head(person, task)


def covers(person: Person, task: Task, today: dt.date) -> bool:
    assignee = task.assignee
    return assignee is not None and assignee.leave_cover_id == person.id and assignee.on_leave(today)


def is_lead_head(person: Person, task: Task) -> bool:
    return task.lead_unit_id is not None and task.lead_unit_id in person.headed_unit_ids


def lead_head(session: Session, task: Task) -> Person | None:
    """The head of the task's lead unit (the directory has at most one)."""
    if task.lead_unit_id is None:
        return None
    return head_of(session, task.lead_unit_id)


def supports(session: Session, person: Person, task: Task) -> bool:
    """Whether the person's unit is among the task's supporting units (phối hợp), as written in the notice."""
    unit = session.get(Unit, person.unit_id) if person.unit_id is not None else None
    if unit is None or not task.support_unit_names:
        return False
    if any(best_unit_match(name, [unit.name_key]) is not None for name in task.support_unit_names):
        return True
    # a unit written short ("phòng Nông nghiệp" for the directory's "Phòng Nông nghiệp và PTNT"): the unit the
    # directory reads it as, as it was told it supports the task at confirmation (probe s42: told, then /viec
    # listed nothing)
    match = unit_matcher(session)  # (lazy: the unit table is read at the first name whose words are all the unit's)
    return any(read_group(name) is None and written_short_for(name, unit, match) for name in task.support_unit_names)


def in_lead_unit(person: Person, task: Task) -> bool:
    """A member of the task's lead unit (a deputy, a cadre): reports for the unit are theirs to send, as in any
    office ("VI.1 phòng đã gửi báo cáo tháng 5" from the phó phòng), though the task is in the head's hands."""
    return person.role != Role.LEFT and person.unit_id is not None and task.lead_unit_id == person.unit_id


def check_may_change(session: Session, actor: Person, task: Task, today: dt.date, *, report: bool = False) -> None:
    """`may_change` (with `report`, a status report: also a member of the lead unit, `in_lead_unit`), refused
    with a message that says who may (NotResponsible)."""
    if not (may_change(actor, task, today) or (report and in_lead_unit(actor, task))):
        raise _refuse_change(session, actor, task)


def _refuse_change(session: Session, actor: Person, task: Task) -> NotResponsible:
    log.info("change of task %s refused for %s", task.id, actor.handle)
    return NotResponsible(actor.handle, task.item_ref, task.id,
                          assignee=task.assignee.full_name if task.assignee else None,
                          supporting=supports(session, actor, task))


@dataclass(frozen=True, kw_only=True)
class StatusUpdate:
    status: TaskStatus | None = None  # None: a progress note that keeps the current status
    percent: int | None = None
    note: str | None = None
    requested_due_on: dt.date | None = None
    reopen: bool = False  # an explicit "mở lại": the only way to change a finished task
    # "xong từ 28/1", reported later: when the work was finished (aware, local time); judged on time by that day
    done_at: dt.datetime | None = None
    # words on a round reported already ("báo cáo tháng 4 …" again after April closed): kept as a note, the status of
    # the round now due unchanged (not "in progress" for a round nobody has reported on; conv40, #2)
    past_round: bool = False


@dataclass(frozen=True, kw_only=True)
class Recorded:
    report_id: int
    task_id: int
    item_ref: str
    status: TaskStatus
    percent: int | None
    on_time: bool | None  # for DONE with a deadline: finished by it? (None: no deadline)
    due_on: dt.date | None = None
    extended_from: dt.date | None = None  # finished after an extension: the deadline it replaced
    replaced_report_id: int | None = None  # an extension request that replaced this earlier one
    actor_is_head: bool = False  # recorded by the head of the lead unit
    done_on: dt.date | None = None  # finished on a day said in the report, earlier than the report itself
    waiting: bool = False  # a progress report while an extension request waits: the request still waits
    waiting_due: dt.date | None = None  # (the date it asks for)
    closed_request_id: int | None = None  # an extension request the task's finishing closed ("withdrawn")
    standing: bool = False  # "xong" on a standing duty ("thường xuyên", "liên tục"): recorded as a report, kept open
    # a standing duty, or work that goes on without "thường xuyên" (tuyên truyền, giám sát …, no deadline): "report" —
    # a report on it ("đã báo cáo"), kept open; "asked" — a first "xong" on it, kept open and the person asked whether
    # the whole duty is finished (a second "xong" within WHOLE_ASKED_HOLDS closes it; probe 24 #12, probe 28 F3)
    ongoing: str | None = None


# the report sources that are not the holder's own word: a leader's decision, a supporting unit's report
NOT_HOLDERS_WORD = ("decision", "support")
# the reports after which a task whose extension request waits stays "extension requested" (not done, not withdrawn)
WAITING_KEEPS = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.PAUSED)


def _same_day(day: dt.date) -> dt.date:
    return day


def record_status(session: Session, *, task_id: int, actor: Person, change: StatusUpdate, source: str,
                  now: dt.datetime, today: dt.date,
                  effective_deadline: Callable[[dt.date], dt.date] = _same_day) -> Recorded:
    """Store a status report (`now`: when the person sent it). A finished or cancelled task changes only
    on an explicit reopen; `effective_deadline` moves a deadline on a day off to the next working day."""
    task = session.get(Task, task_id, with_for_update=True)
    if task is None:
        raise TaskNotFound(task_id)
    check_may_change(session, actor, task, today, report=True)
    current = TaskStatus(task.status)
    if current.is_closed and not change.reopen:
        raise TaskClosed(task.item_ref, current, task.done_at.date() if task.done_at else None)
    if change.reopen and not current.is_closed:
        raise TaskClosed(task.item_ref, current, None, reopening=True)
    status = change.status or (TaskStatus.IN_PROGRESS if current == TaskStatus.OPEN and not change.past_round
                               else current)
    percent = change.percent
    kind = duty_kind(task)
    ongoing = None
    if status == TaskStatus.DONE and actor.role in (Role.HEAD, Role.CADRE) and kind in (DutyKind.STANDING,
                                                                                      DutyKind.ONGOING):
        said = fold(change.note or "")
        if _REPORTED.search(said) and not _SAID_DONE.search(said):  # "đã báo cáo": a report on work that goes on
            ongoing = "report"
        elif not _whole_asked(session, task.id, since=now - WHOLE_ASKED_HOLDS):
            # a first "xong": asked once whether the whole duty is done, a standing one too (its "xong" is mostly a
            # report; the second, while the question holds, closes it — probe 28, F3)
            ongoing = "asked"
            audit(session, at=now, actor_id=actor.id, action="task.whole_asked", entity="task", entity_id=task.id)
    standing = ongoing is not None and kind is DutyKind.STANDING
    if ongoing is not None:  # a duty that goes on is reported on, not finished (the office or a leader may close it)
        status, percent = TaskStatus.IN_PROGRESS, None
    if status == TaskStatus.DONE:
        percent = 100
        task.done_at = task.done_at or change.done_at or now
    elif current == TaskStatus.DONE:
        task.done_at = None  # reopened: tomorrow's digest judges it again
        task.percent = None  # (no longer 100 %; the reopening may give a new share)
    task.status = status
    if percent is not None:
        task.percent = percent
    task.updated_at = now
    task.last_report_at = now  # restarts the check-in count of a task without a deadline
    task.snoozed_until = None
    replaced: int | None = None
    closed: int | None = None
    asked = change.status == TaskStatus.EXTENSION_REQUESTED
    waiting: StatusReport | None = None
    if asked:  # one pending request a task: a new one replaces the one before
        previous = _pending_request(session, task.id)
        if previous is not None:
            previous.decision, previous.decided_at = "replaced", now
            replaced = previous.id
    elif status == TaskStatus.DONE and (previous := _pending_request(session, task.id)) is not None:
        previous.decision, previous.decided_at = "withdrawn", now  # finished: no extension to decide
        closed = previous.id
    elif (waiting := _pending_request(session, task.id)) is not None and status in WAITING_KEEPS:
        # a report while a request waits ("đạt 70%", "vướng kinh phí"): the task still waits for the decision (every
        # report, the escalation and the digests count an open request by this status); the report keeps its own
        # status (a refusal goes back to it, the weekly digest lists a difficulty by it)
        task.status = TaskStatus.EXTENSION_REQUESTED
    report = StatusReport(task_id=task.id, person_id=actor.id, created_at=now, status=status,
                          percent=percent, note=change.note, requested_due_on=change.requested_due_on,
                          source=source, decision="pending" if asked else None)
    session.add(report)
    session.flush()
    audit(session, at=now, actor_id=actor.id, action="task.status", entity="task", entity_id=task.id,
          status=status.value, percent=percent, source=source)
    log.info("task %s status %s (%s%%) by %s via %s", task.id, status, percent, actor.handle, source)
    on_time = None
    done_on = change.done_at.date() if status == TaskStatus.DONE and change.done_at is not None else None
    if status == TaskStatus.DONE and task.due_on is not None:
        on_time = (done_on or today) <= effective_deadline(task.due_on)
    extended_from = None
    if on_time is not None and task.recurrence is None:
        # finished after an extension: the deadline it replaced (conv40; within it too, said as the summary does: fix42)
        first = session.scalar(select(AuditLog.detail).where(AuditLog.action == "task.extension_approved",
                                                            AuditLog.entity_id == task.id).order_by(AuditLog.id)
                               .limit(1))
        before = (first or {}).get("before")
        extended_from = dt.date.fromisoformat(before) if before and task.due_on and \
            dt.date.fromisoformat(before) < task.due_on else None
    return Recorded(report_id=report.id, task_id=task.id, item_ref=task.item_ref, status=status, percent=percent,
                    due_on=task.due_on, on_time=on_time, extended_from=extended_from, replaced_report_id=replaced,
                    actor_is_head=is_lead_head(actor, task), done_on=done_on,
                    waiting=waiting is not None,
                    waiting_due=waiting.requested_due_on if waiting is not None else None,
                    closed_request_id=closed, standing=standing, ongoing=ongoing)


class DutyKind(enum.StrEnum):
    """What kind of duty a task is for the unit that holds it (its lead unit): read once, from the task's words, by
    the reminders (`scheduler.policy.state_of`), the replies (`record_status`) and the reports (`storage.reports`)."""

    TASK = "task"  # a thing to deliver (by a deadline, in rounds, or none said): the unit answers for it
    # the holder's unit only supports another ("Có trách nhiệm phối hợp với …"), by a deadline: the lead unit answers
    # for the task (DOMAIN.md) — lighter reminders, never escalated, never counted late in a report
    SUPPORTING = "supporting"
    STANDING = "standing"  # "thường xuyên", "liên tục", no deadline: reported on, never finished by one report
    # work that goes on without being called so (tuyên truyền, giám sát …), no deadline: a second "xong" closes it
    ONGOING = "ongoing"


class ReportFacts(Protocol):
    """What `said_not_started` reads of a task (a stored `Task`, or the dispatcher's column select of one)."""

    status: str
    last_report_at: dt.datetime | None
    occurrence_start: dt.date | None


def said_not_started(task: ReportFacts) -> bool:
    """Its holder reported it not started ("2.3 chưa triển khai"): the one report that leaves a task open, so an open
    task reported on is one said not started — "Chưa triển khai", not "Chưa cập nhật" (probe s41). A recurring duty's
    round is open again at each new round whatever was said of the last: not read so."""
    return str(task.status) == TaskStatus.OPEN and task.last_report_at is not None and task.occurrence_start is None


class DutyFacts(Protocol):
    """What `duty_kind` reads of a task (a stored `Task`, or the dispatcher's column select of one)."""

    text: str
    due_on: dt.date | None
    recurrence: str | None


def duty_kind(task: DutyFacts) -> DutyKind:
    """The one reader of a task's duty kind (`DutyKind`). A recurring duty is a TASK (its rounds have deadlines); one
    with a deadline is SUPPORTING or a TASK; one without is STANDING, else ONGOING, else a TASK (a supporting duty
    without a deadline has no lateness to spare it from: read by its other words). `due_text` ("hạn: thường xuyên")
    is read only for a task without a deadline (the dispatcher's select of a dated task has none)."""
    if task.recurrence is not None:
        return DutyKind.TASK
    if task.due_on is not None:
        return DutyKind.SUPPORTING if _supports_only(task.text) else DutyKind.TASK
    due_text = getattr(task, "due_text", None) or ""
    if _STANDING.search(fold(f"{task.text} {due_text}")) is not None:
        return DutyKind.STANDING
    if _goes_on(task.text):
        return DutyKind.ONGOING
    return DutyKind.TASK


# how a notice says a duty has no end: "Thường xuyên đôn đốc …", "… liên tục", "hạn: thường xuyên" (folded; probe 22,
# F5b: a standing duty is reported on, never finished by one report)
_STANDING = re.compile(r"\b(?:thuong xuyen|lien tuc)\b")


# a task whose whole charge is to support another unit, folded: "Phối hợp với Sở Xây dựng …" (its unit named before
# it, as under a unit's heading), "Có trách nhiệm phối hợp với UBND các xã …", "Tham gia phối hợp cùng …", also after
# the subject the notice gave it ("Các sở, ban, ngành liên quan có trách nhiệm phối hợp với …"). Not "Sở Tài chính
# phối hợp với Sở Xây dựng bố trí …" (its subject does the work, with help), not a sentence that also gives a lead
# ("Sở X chủ trì, các đơn vị có trách nhiệm phối hợp …"), not "Chủ động phối hợp với các ban … trong quá trình tham
# mưu" (the unit's own way of working)
_SUPPORTING = re.compile(r"^(?:(?:(?P<subject>[a-z0-9 ]{0,90}?) )?(?:(?:co|chiu) trach nhiem|co nhiem vu|tham gia) )?"
                         r"phoi hop (?:chat che )?(?:voi|cung)\b")
_LEADS = re.compile(r"\b(?:chu tri|giao|chi dao)\b")


def _supports_only(text: str) -> bool:
    """Whether a task's text charges its holder only with supporting others: "Các sở, ban, ngành liên quan có trách
    nhiệm phối hợp với UBND các xã …" read into one task per unit (probe 23, II.4). Reads the first 160 characters."""
    m = _SUPPORTING.match(fold(text[:160]))
    return m is not None and not _LEADS.search(m.group("subject") or "")


# work that goes on rather than a thing delivered once (folded): "thực hiện công tác tuyên truyền và giám sát …",
# "xây dựng và tổ chức thực hiện Kế hoạch", "tiếp tục thực hiện Đề án …", "duy trì …" — not when the words only
# name what a document is about ("xây dựng kế hoạch tuyên truyền năm 2018", "chương trình công tác tuyên truyền")
_ONGOING = re.compile(r"\b(?:(?:cong tac\s+)?(?:tuyen truyen|giam sat|theo doi|kiem tra|don doc|van dong)|"
                      r"to chuc thuc hien|tiep tuc|duy tri)\b")
_ABOUT = re.compile(r"\b(?:ke hoach|chuong trinh|de an|bao cao|ket qua|van ban|noi dung|tai lieu|huong dan|quy che|"
                    r"phuong an|du thao|to trinh|quy dinh|so)\s*$")
_SAID_DONE = re.compile(r"\b(?:xong|hoan thanh|hoan tat|ht|hthanh)\b")  # ("đã ht": written short, as "bc" below)
_REPORTED = re.compile(r"\b(?:bao cao|bc)\b")


def _goes_on(text: str) -> bool:
    """Whether the task asks for continuing work in its first sentence — propaganda, supervision, follow-up,
    inspection, organising the implementation of a plan (probe 24 #12: "đã báo cáo" closed "thực hiện công tác tuyên
    truyền và giám sát …")."""
    first = fold(re.split(r"[.;](?:\s|$)", text, maxsplit=1)[0])  # the ask itself, not what the text adds after
    return any(not _ABOUT.search(first[:m.start()]) for m in _ONGOING.finditer(first))


# how long "is the whole duty finished?" holds: a "xong" later is another report on the duty, asked about again
WHOLE_ASKED_HOLDS = dt.timedelta(days=30)


def _whole_asked(session: Session, task_id: int, *, since: dt.datetime) -> bool:
    return session.scalar(select(func.count()).select_from(AuditLog).where(
        AuditLog.action == "task.whole_asked", AuditLog.entity_id == task_id, AuditLog.at >= since)) != 0


def _pending_request(session: Session, task_id: int) -> StatusReport | None:
    return session.scalar(select(StatusReport).where(StatusReport.task_id == task_id,
                                                     StatusReport.decision == "pending")
                          .order_by(StatusReport.id.desc()).limit(1))


@dataclass(frozen=True, kw_only=True)
class MessageTarget:
    """The tasks a bot message is about: one (a task card, an acknowledgement), or a digest's several."""

    task_ids: tuple[int, ...]


def task_for_message(session: Session, *, chat_id: str, message_id: str) -> MessageTarget | None:
    """What a bot message is about: a task card or assignment, a status acknowledgement, or a digest."""
    cards = list(session.scalars(select(TaskMessage.task_id).where(TaskMessage.chat_id == chat_id,
                                                                    TaskMessage.message_id == message_id)
                                 .order_by(TaskMessage.id)))
    if cards:  # a card: one task; an assignment message: every task it listed
        return MessageTarget(task_ids=tuple(dict.fromkeys(cards)))
    acked = list(session.scalars(select(StatusReport.task_id).where(StatusReport.ack_chat_id == chat_id,
                                                                     StatusReport.ack_message_id == message_id)
                                 .order_by(StatusReport.id)))
    if acked:  # an acknowledgement: of one update, or of every item a message named
        return MessageTarget(task_ids=tuple(dict.fromkeys(acked)))
    digest = session.scalar(select(Digest).where(Digest.chat_id == chat_id, Digest.message_id == message_id))
    if digest is not None:
        return MessageTarget(task_ids=tuple(dict.fromkeys(i["task_id"] for i in digest.items if "task_id" in i)))
    return None


def remember_task_message(session: Session, *, task_id: int, channel: str, chat_id: str, message_id: str,
                          now: dt.datetime) -> None:
    session.add(TaskMessage(task_id=task_id, channel=channel, chat_id=chat_id, message_id=message_id,
                            created_at=now))


def snooze(session: Session, *, task_id: int, actor: Person, until: dt.date, now: dt.datetime,
           today: dt.date | None = None) -> Task:
    """"Nhắc lại sau": no reminder of this task before `until`, one on that day."""
    task = session.get(Task, task_id, with_for_update=True)
    if task is None:
        raise TaskNotFound(task_id)
    if not (may_change(actor, task, today) or in_lead_unit(actor, task)):  # (a deputy reports, so may snooze)
        raise _refuse_change(session, actor, task)
    if TaskStatus(task.status).is_closed:
        raise TaskClosed(task.item_ref, TaskStatus(task.status), task.done_at.date() if task.done_at else None)
    task.snoozed_until = until
    audit(session, at=now, actor_id=actor.id, action="task.snooze", entity="task", entity_id=task.id,
          until=until.isoformat())
    return task


def remember_ack(session: Session, *, report_id: int, chat_id: str, message_id: str) -> None:
    report = session.get_one(StatusReport, report_id)
    report.ack_chat_id, report.ack_message_id = chat_id, message_id


def open_tasks_for(session: Session, person: Person) -> list[Task]:
    closed = [TaskStatus.DONE, TaskStatus.CANCELLED]
    return list(session.scalars(
        select(Task).where(Task.assignee_id == person.id, Task.status.not_in(closed))
        # told apart by their notice when item numbers repeat, by their unit when one person holds an item twice
        .options(selectinload(Task.notice), selectinload(Task.lead_unit), selectinload(Task.assignee))
        .order_by(Task.due_on.is_(None), Task.due_on, Task.id)
    ))


def tasks_by_ref(session: Session, person: Person, item_ref: str) -> list[Task]:
    """The person's open tasks numbered `item_ref`; if none, those it numbers without their section ("4.c" for
    "II.4.c": the caller asks which when there are several)."""
    return _by_ref(open_tasks_for(session, person), item_ref)


def covered_tasks_by_ref(session: Session, person: Person, item_ref: str, *, today: dt.date) -> list[Task]:
    """Open tasks numbered `item_ref` of colleagues on leave `today` who named `person` to cover for them."""
    away = select(Person.id).where(Person.leave_cover_id == person.id, Person.leave_from <= today,
                                   Person.leave_to >= today)
    return _by_ref(session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id).where(
        Task.assignee_id.in_(away.scalar_subquery()), _ref_is(item_ref), Notice.status == NoticeStatus.CONFIRMED,
        Task.status.in_(OPEN_STATUSES)).options(selectinload(Task.notice)).order_by(Task.id)), item_ref)


def unit_tasks_by_ref(session: Session, person: Person, item_ref: str, *, finished: bool = False) -> list[Task]:
    """Open tasks numbered `item_ref` of the units the person heads (in a cadre's hands: the head may still update
    them) or belongs to (in the head's or a colleague's: a member reports for the unit, `in_lead_unit`); with
    `finished`, the finished ones (a late word on one is told it is closed, not that there is none)."""
    units = set(person.headed_unit_ids)
    if person.unit_id is not None and person.role != Role.LEFT:
        units.add(person.unit_id)
    if not units:
        return []
    return _by_ref(session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id).where(
        Task.lead_unit_id.in_(units), _ref_is(item_ref), Notice.status == NoticeStatus.CONFIRMED,
        Task.status == TaskStatus.DONE if finished else Task.status.in_(OPEN_STATUSES))
        .options(selectinload(Task.notice), selectinload(Task.assignee)).order_by(Task.id)), item_ref)


def office_open_tasks(session: Session, person: Person) -> list[Task]:
    """For an admin or a leader: every open task of a confirmed notice, with its unit, holder and notice (to find
    those a typed direction names)."""
    if person.role not in (Role.ADMIN, Role.LEADER):
        return []
    return list(session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id)
                                .options(selectinload(Task.lead_unit), selectinload(Task.assignee),
                                         selectinload(Task.notice))
                                .where(Notice.status == NoticeStatus.CONFIRMED, Task.status.in_(OPEN_STATUSES))
                                .order_by(Task.id)))


def office_tasks_by_ref(session: Session, person: Person, item_ref: str) -> list[Task]:
    """For an admin (or, to read, a leader): every open task numbered `item_ref` (each unit of a group has its own),
    to record what a unit reported by phone or on paper; the caller picks by the unit or person the message names."""
    if person.role not in (Role.ADMIN, Role.LEADER):
        return []
    return _confirmed_by_ref(session, item_ref, Task.status.in_(OPEN_STATUSES), order=(Task.id,))


def office_item_tasks(session: Session, person: Person, item_ref: str) -> list[Task]:
    """For a leader or an admin asking about an item ("tình hình mục 2.1"): every task numbered `item_ref` of a
    confirmed notice, open or finished (not withdrawn), with its unit, holder and notice."""
    if person.role not in (Role.ADMIN, Role.LEADER):
        return []
    return _confirmed_by_ref(session, item_ref, Task.status != TaskStatus.CANCELLED,
                             order=(Task.notice_id, Task.position, Task.id))


def asked_item_tasks(session: Session, person: Person, item_ref: str) -> list[Task]:
    """For anyone asking who holds an item or its deadline ("mục 5 giao ai"): the tasks numbered `item_ref` (not
    withdrawn) of confirmed notices — for a head or a cadre, only of the notices where they or their unit hold one."""
    tasks = _confirmed_by_ref(session, item_ref, Task.status != TaskStatus.CANCELLED,
                              order=(Task.notice_id, Task.position, Task.id))
    if not tasks:  # "ai phụ trách mục 7.2" for II.7.b, "mục 5 giao ai" for II.5.a–d (probe 36, F5)
        every = list(session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id)
                                     .options(selectinload(Task.lead_unit), selectinload(Task.assignee),
                                              selectinload(Task.notice))
                                     .where(Notice.status == NoticeStatus.CONFIRMED,
                                            Task.status != TaskStatus.CANCELLED)
                                     .order_by(Task.notice_id, Task.position, Task.id)))
        tasks = tasks_meant(session, every, item_ref) or \
            ((section := section_meant(session, every, item_ref)) is not None and section[1]) or []
    if person.role in (Role.ADMIN, Role.LEADER) or not tasks:
        return tasks
    units = set(person.headed_unit_ids) | ({person.unit_id} if person.unit_id is not None else set())
    theirs = set(session.scalars(select(Task.notice_id).where(
        Task.notice_id.in_({t.notice_id for t in tasks}),
        or_(Task.assignee_id == person.id, Task.lead_unit_id.in_(units)))))
    return [t for t in tasks if t.notice_id in theirs]


def _confirmed_by_ref(session: Session, item_ref: str, which: ColumnElement[bool],
                      order: tuple[InstrumentedAttribute[int], ...]) -> list[Task]:
    """The tasks numbered `item_ref` of confirmed notices that `which` keeps, with unit, holder and notice loaded."""
    return _by_ref(session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id)
                                   .options(selectinload(Task.lead_unit), selectinload(Task.assignee),
                                            selectinload(Task.notice))
                                   .where(_ref_is(item_ref), Notice.status == NoticeStatus.CONFIRMED, which)
                                   .order_by(*order)), item_ref)


@dataclass(frozen=True, kw_only=True)
class DelegatedRow:
    item_ref: str
    text: str
    due_on: dt.date | None
    status: TaskStatus
    percent: int | None
    assignee_name: str
    notice_id: int = 0  # which notice: /viec groups the rows by notice when there are several (probe 21, F10)
    not_started: bool = False  # reported not started (`said_not_started`)


def delegated_tasks(session: Session, person: Person, *, member: bool = False) -> list[DelegatedRow]:
    """For a head: the unit's open tasks in a cadre's hands (shown under /viec), in the notice's order. With
    `member`, for a deputy or a cadre of the lead unit: the unit's open tasks in others' hands (the head's, a
    colleague's), which they may report on (`in_lead_unit`), so see too."""
    if member:
        units = [person.unit_id] if person.unit_id is not None and person.role not in (Role.LEFT, Role.HEAD) else []
    else:
        units = list(person.headed_unit_ids)
    if not units:
        return []
    tasks = session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id).where(
        Task.lead_unit_id.in_(units), Task.assignee_id.is_not(None), Task.assignee_id != person.id,
        Notice.status == NoticeStatus.CONFIRMED, Task.status.not_in([TaskStatus.DONE, TaskStatus.CANCELLED]))
        .options(selectinload(Task.assignee)).order_by(Task.notice_id, Task.position, Task.id))
    return [DelegatedRow(item_ref=t.item_ref, text=t.text, due_on=t.due_on, status=TaskStatus(t.status),
                         notice_id=t.notice_id, not_started=said_not_started(t),
                         percent=t.percent, assignee_name=t.assignee.full_name if t.assignee else "")
            for t in tasks]


@dataclass(frozen=True, kw_only=True)
class Position:
    """An item number typed as a position: "2.3" for the third lettered item under 2 ("2.c")."""

    typed: str
    item_ref: str  # the item meant
    siblings: list[str]  # the lettered items under the same number, in the notice's order
    notice_id: int | None = None  # the notice of the item meant


def by_position(session: Session, person: Person, item_ref: str) -> Position | None:
    """"2.3" (or "3" alone) typed for the third of the lettered items a notice has under one number — its dash
    bullets, which the bot letters 2.a, 2.b … — held by `person` (own or the unit's, finished ones too). "2.N" only
    where that notice has no item "2.N" and no numbered item under 2; a number alone where all the lettered items
    the person holds in that notice sit under one number. None unless exactly one item fits."""
    key = ref_key(item_ref)
    typed = re.fullmatch(r"(?:(?P<head>[0-9ivx]+(?:\.[0-9a-z]+)*)\.)?(?P<n>\d{1,2})", key)
    if typed is None or int(typed.group("n")) < 1:
        return None
    head, n = typed.group("head"), int(typed.group("n"))
    units = set(person.headed_unit_ids)
    if person.unit_id is not None and person.role != Role.LEFT:
        units.add(person.unit_id)
    held = list(session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id).where(
        Notice.status == NoticeStatus.CONFIRMED, Task.status != TaskStatus.CANCELLED,
        or_(Task.assignee_id == person.id, Task.lead_unit_id.in_(units)))))
    found: dict[tuple[int, str], list[str]] = {}
    for notice_id in sorted({t.notice_id for t in held}):
        refs = list(dict.fromkeys(session.scalars(select(Task.item_ref).where(Task.notice_id == notice_id)
                                                  .order_by(Task.position, Task.id))))
        mine = {ref_key(t.item_ref) for t in held if t.notice_id == notice_id}
        under = head
        if under is None:  # a number alone: the one number the person's lettered items sit under
            heads = {k.rpartition(".")[0] for k in mine if re.fullmatch(r"[a-zđ]", k.rpartition(".")[2])}
            if len(heads) != 1:
                continue
            under = heads.pop()
        children = [r for r in refs if ref_key(r).startswith(under + ".") and "." not in ref_key(r)[len(under) + 1:]]
        letters = [r for r in children if re.fullmatch(r"[a-zđ]", ref_key(r)[len(under) + 1:])]
        if head is not None:  # "2.3": read as every command reads a number typed as printed (`position_reading`)
            meant = position_reading(item_ref, refs, section_left_out=False)
            if meant is not None and ref_key(meant) in mine:
                found[(notice_id, meant)] = letters
            continue
        if n <= len(letters) and ref_key(letters[n - 1]) in mine:
            found[(notice_id, letters[n - 1])] = letters
    if len(found) != 1:
        return None
    (notice_id, meant), siblings = next(iter(found.items()))
    return Position(typed=item_ref, item_ref=meant, siblings=siblings, notice_id=notice_id)


def done_tasks_by_ref(session: Session, person: Person, item_ref: str) -> list[Task]:
    """Finished tasks of `person` with that item number (for "mở lại 2.1"), oldest first."""
    query = select(Task).where(Task.assignee_id == person.id, Task.status == TaskStatus.DONE) \
        .options(selectinload(Task.notice)).order_by(Task.id)
    # "mở lại 5.2" for II.5.b (probe 36, F3); "nhầm, 2.c mới 50%" for 1.c, its section's "2." lost (probe 37, #2)
    return _by_ref(session.scalars(query.where(_ref_is(item_ref))), item_ref) or \
        tasks_meant(session, session.scalars(query), item_ref)


def status_history(session: Session, task_id: int) -> list[StatusReport]:
    return list(session.scalars(
        select(StatusReport).where(StatusReport.task_id == task_id).order_by(StatusReport.id)
    ))


@dataclass(frozen=True, kw_only=True)
class ExtensionRequest:
    """What approvers are shown, and who to tell about the decision."""

    report_id: int
    task_id: int
    item_ref: str
    notice_title: str
    requester_name: str
    requester_id: int
    current_due: dt.date | None
    requested_due: dt.date | None
    note: str | None
    decision: str | None = None  # pending | approved | rejected | replaced
    decided_by_name: str | None = None
    decided_by_id: int | None = None
    deciders: str = "lãnh đạo hoặc quản trị viên"  # who may grant it, in words
    unit_name: str = ""  # the lead unit of the task ("UBND huyện Hạ Hòa"): one of a group's rows
    shared: bool = False  # other units hold the same item (a group's rows): typed decisions name the unit
    asked_at: dt.datetime | None = None  # when the request was sent
    holder_id: int | None = None  # who holds the task now (not the requester when a deputy asked for the head)
    requester_held: bool = True  # the requester held the task at some time (else asked for the unit's head)
    decided_at: dt.datetime | None = None  # when it was decided (or replaced, withdrawn)
    notice_id: int = 0  # the notice of the task: two notices' II.4.c told apart (probe 36)
    notice_number: str | None = None  # as written ("31/TB-VP"), None when the notice has none yet

    @property
    def typed_which(self) -> str:
        """How a typed decision names this request: "4", or "4 Đảng ủy xã Đại Sơn" on an item several units hold."""
        return f"{self.item_ref} {self.unit_name}" if self.shared and self.unit_name else self.item_ref


def extension_request(session: Session, report_id: int, today: dt.date | None = None) -> ExtensionRequest:
    """A request as it stands; `today`, when given, names whom it waits on as of that day (a head on leave does not
    decide: `_head_decides`)."""
    report = session.get_one(StatusReport, report_id)
    task = report.task
    decider = session.get(Person, report.decided_by_id) if report.decided_by_id else None
    return ExtensionRequest(report_id=report.id, task_id=task.id, item_ref=task.item_ref,
                            notice_title=notice_title(task.notice), requester_name=report.person.full_name,
                            requester_id=report.person_id, current_due=task.due_on,
                            requested_due=report.requested_due_on, note=report.note, decision=report.decision,
                            decided_by_name=decider.full_name if decider else None,
                            decided_by_id=decider.id if decider else None,
                            deciders=_deciders_words(session, task, report.person_id, today),
                            unit_name=task.lead_name,
                            shared=bool(session.scalar(select(func.count()).select_from(Task).where(
                                Task.notice_id == task.notice_id, Task.item_ref == task.item_ref,
                                Task.id != task.id))),
                            asked_at=report.created_at, holder_id=task.assignee_id,
                            requester_held=_held_by(session, task, report.person_id), decided_at=report.decided_at,
                            notice_id=task.notice_id, notice_number=task.notice.number)


def _held_by(session: Session, task: Task, person_id: int) -> bool:
    """Whether the person holds or once held the task (given it at assignment, or handed it since): a deputy who
    asked on the head's task never did — the head is told the deputy asked, not that the task moved to him."""
    if task.assignee_id == person_id:
        return True
    person = session.get(Person, person_id)
    if person is None:
        return False
    for detail in session.scalars(select(AuditLog.detail).where(
            AuditLog.entity == "task", AuditLog.entity_id == task.id,
            # (the hand-overs, rare: a task handed from the requester names them as "previous")
            AuditLog.action.in_(["task.delegate", "task.handover", "task.move_lead"]))):
        if person.handle in ((detail or {}).get("previous"), (detail or {}).get("to")):
            return True
    return False


def pending_extensions(session: Session, item_ref: str | None = None, decider: Person | None = None,
                       task_ids: Collection[int] | None = None, today: dt.date | None = None) -> list[ExtensionRequest]:
    """Extension requests nobody has decided yet (of item `item_ref`, if given; that `decider` may grant,
    if given — as of `today`, when given: a head on leave does not decide —; of the tasks `task_ids`, if given: a
    digest's), oldest first."""
    query = (select(StatusReport.id, Task.item_ref, Task.notice_id).join(Task, Task.id == StatusReport.task_id)
             .where(StatusReport.decision == "pending",
                    Task.status.not_in([TaskStatus.DONE, TaskStatus.CANCELLED])).order_by(StatusReport.id))
    if task_ids is not None:
        query = query.where(StatusReport.task_id.in_(task_ids))
    rows = list(session.execute(query))  # the requests waiting: a few
    if item_ref:  # as numbered, or without its section ("5.b" for "II.5.b"), or as printed ("4.3" for II.4.c)
        rows = read_in_notices(session, rows, item_ref, lambda r: r.item_ref, lambda r: r.notice_id)
    found = [extension_request(session, r.id, today) for r in rows]
    if decider is not None:
        found = [r for r in found
                 if may_decide(session, decider, session.get_one(Task, r.task_id), r.requester_id, today)]
    return found


def decided_extensions(session: Session, item_ref: str, decider: Person | None = None,
                       today: dt.date | None = None) -> list[ExtensionRequest]:
    """The open tasks an item number means (read as `pending_extensions` reads it) whose latest extension request was
    decided (granted or refused) and none waits: a second "đồng ý gia hạn II.4.c" after the grant is told so. Only
    those `decider` may decide, if given; oldest first."""
    latest = (select(StatusReport.task_id, func.max(StatusReport.id).label("last"))
              .where(StatusReport.status == TaskStatus.EXTENSION_REQUESTED).group_by(StatusReport.task_id).subquery())
    rows = list(session.execute(
        select(StatusReport.id, Task.item_ref, Task.notice_id).join(latest, latest.c.last == StatusReport.id)
        .join(Task, Task.id == StatusReport.task_id)
        .where(StatusReport.decision.in_(["approved", "rejected"]),
               Task.status.not_in([TaskStatus.DONE, TaskStatus.CANCELLED])).order_by(StatusReport.id)))
    rows = read_in_notices(session, rows, item_ref, lambda r: r.item_ref, lambda r: r.notice_id)
    found = [extension_request(session, r.id, today) for r in rows]
    if decider is not None:
        found = [r for r in found
                 if may_decide(session, decider, session.get_one(Task, r.task_id), r.requester_id, today)]
    return found


@dataclass(frozen=True, kw_only=True)
class NamedShare:
    """A unit's row of an item that a decision names (by its unit, holder or requester) but that has no request
    waiting: `request` is its latest extension request (decided, replaced or withdrawn), None when it never asked."""

    item_ref: str
    unit_name: str
    request: ExtensionRequest | None


def shares_named(session: Session, text: str, *, item_ref: str | None,
                 waiting: Sequence[ExtensionRequest], today: dt.date | None = None) -> list[NamedShare]:
    """The rows of the item a decision is about (`item_ref`, else the items of the `waiting` requests) whose unit,
    holder or last requester `text` names, among those with no request in `waiting`: a decision naming one of them is
    not about another unit's request."""
    waiting_ids = {r.task_id for r in waiting}
    if item_ref:
        tasks = _by_ref(session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id).where(
            _ref_is(item_ref), Notice.status == NoticeStatus.CONFIRMED).order_by(Task.id)), item_ref)
    else:
        items = {(t.notice_id, t.item_ref) for t in (session.get_one(Task, i) for i in waiting_ids)}
        tasks = [t for notice_id, ref in sorted(items) for t in session.scalars(
            select(Task).where(Task.notice_id == notice_id, Task.item_ref == ref).order_by(Task.id))]
    found: list[NamedShare] = []
    for task in tasks:
        if task.id in waiting_ids:
            continue
        last = session.scalar(select(StatusReport.id).where(
            StatusReport.task_id == task.id, StatusReport.status == TaskStatus.EXTENSION_REQUESTED)
            .order_by(StatusReport.id.desc()).limit(1))
        request = extension_request(session, last, today) if last is not None else None
        names = [task.assignee.full_name if task.assignee else None, request.requester_name if request else None]
        if any(mentions(text, task.lead_name, name) for name in names):
            found.append(NamedShare(item_ref=task.item_ref, unit_name=task.lead_name, request=request))
    return found


def _head_decides(session: Session, task: Task, requester_id: int | None = None,
                  today: dt.date | None = None) -> Person | None:
    """For a cadre's task, the head of the lead unit grants its extensions (when reachable in chat, and
    unless the head asked, or is on leave `today`: then a leader or an admin decides — probe 7: a cadre's request
    went to her head on leave over Tết, whose cover she was, and waited three weeks)."""
    head = lead_head(session, task)
    if head is None or task.assignee_id is None or task.assignee_id == head.id or not head.channels \
            or requester_id == head.id or today is not None and head.on_leave(today):
        return None
    return head


def may_decide(session: Session, person: Person, task: Task, requester_id: int | None = None,
               today: dt.date | None = None) -> bool:
    """The head of the lead unit for a cadre's task — and a leader, above that head (the leaders' weekly summary lists
    the requests waiting: a leader who answers one is obeyed, not told it is the head's); otherwise admins and
    leaders. Nobody grants their own."""
    if person.id == requester_id:
        return False
    head = _head_decides(session, task, requester_id, today)
    if head is not None:
        return person.id == head.id or person.role == Role.LEADER
    return person.role in (Role.ADMIN, Role.LEADER)


def _deciders_words(session: Session, task: Task, requester_id: int | None = None,
                    today: dt.date | None = None) -> str:
    head = _head_decides(session, task, requester_id, today)
    return f"đ/c {head.full_name} (trưởng đơn vị chủ trì)" if head is not None else "lãnh đạo hoặc quản trị viên"


def approvers(session: Session, task_id: int | None = None, requester_id: int | None = None,
              today: dt.date | None = None) -> list[Person]:
    """Who decides on extensions of the task (the head of the lead unit for a cadre's task — not while on leave
    `today` —, otherwise the admins and the leader who signed the notice — every leader when the signer is not one
    in the directory), reachable in chat on any channel; without a task: admins and leaders."""
    task = session.get_one(Task, task_id) if task_id is not None else None
    if task is not None:
        head = _head_decides(session, task, requester_id, today)
        if head is not None:
            return [head]
    people = list(session.scalars(select(Person).where(
        Person.role.in_([Role.ADMIN, Role.LEADER]),
        or_(Person.telegram_chat_id.is_not(None), Person.zalo_user_id.is_not(None))).order_by(Person.id)))
    if task is not None:  # the leader who follows the task decides on it (with the office), not every leader
        followers = task_followers(session, [task], [p for p in people if p.role == Role.LEADER])
        if ids := set(followers.get(task.id, [])):
            return [p for p in people if p.role == Role.ADMIN or p.id in ids]
    return people


def leaders_named(named: Iterable[str], leader_rows: Sequence[Any]) -> list[int]:
    """The leaders (of `leader_rows`: id, full_name, title) a notice's "Lãnh đạo phụ trách: …" names: each entry by
    the person's name ("Phó giám đốc Hoàng Văn Thuân"), else by the office it names ("Giám đốc Sở": the director)."""
    found: list[int] = []
    for written in named:
        ids = [r.id for r in leader_rows if signed_by(written, r.full_name)] or \
            [r.id for r in leader_rows if holds_office(r.title, written)]
        found += [i for i in ids if i not in found]
    return found


def task_followers(session: Session, tasks: Iterable[Any], leader_rows: Sequence[Any]) -> dict[int, list[int]]:
    """For each task (rows with id, notice_id, leaders_in_charge), the leaders who follow it: those the notice puts
    in charge of it, when any is in the directory; else those who follow its notice (`following_leaders`). A task
    none of them follows is absent (every leader hears of it)."""
    tasks = list(tasks)
    by_notice = following_leaders(session, {t.notice_id for t in tasks}, leader_rows)
    followed: dict[int, list[int]] = {}
    for t in tasks:
        if found := leaders_named(t.leaders_in_charge or (), leader_rows) or by_notice.get(t.notice_id, []):
            followed[t.id] = found
    return followed


def following_leaders(session: Session, notice_ids: Iterable[int],
                      leader_rows: Sequence[Any]) -> dict[int, list[int]]:
    """For each notice, the leaders (of `leader_rows`: id, full_name, title) who follow it: the leader whose
    conclusions it records ("Kết luận của đồng chí X, Phó Chủ tịch …", in its subject: the conclusions are theirs to
    follow up, whoever signed the notice for them — "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG", probe s43 #2); else the
    signer when a leader; else the holder of the office it was signed on behalf of ("TL. GIÁM ĐỐC": the Giám đốc);
    else the one leader whose title the subject names ("Kết luận của đồng chí Chủ tịch UBND huyện", signed "KT.
    CHÁNH VĂN PHÒNG": probe 41, #3). A notice none of them follows is absent (every leader hears of it). By primary
    key: a few rows."""
    if not leader_rows:
        return {}
    followed: dict[int, list[int]] = {}
    for ids in chunks(sorted(set(notice_ids))):
        # (the office from the stored parse by its JSON path: `meta` also holds every task of the notice)
        for notice in session.execute(select(Notice.id, Notice.signer, Notice.subject,
                                             Notice.meta[("notice", "signed_for")].as_string().label("office"))
                                      .where(Notice.id.in_(ids))):
            if found := [r.id for r in leader_rows if signed_by(notice.subject, r.full_name)] or \
                    [r.id for r in leader_rows if signed_by(notice.signer, r.full_name)] or \
                    [r.id for r in leader_rows if holds_office(r.title, notice.office)] or \
                    _one([r.id for r in leader_rows if named_by_title(notice.subject, r.title)]):
                followed[notice.id] = found
    return followed


def _one(found: list[int]) -> list[int]:
    """`found` when it holds one id; none when several leaders hold the title named (it names nobody in particular)."""
    return found if len(found) == 1 else []


def admins(session: Session) -> list[Person]:
    """Admins reachable in chat: told of every extension decision."""
    return list(session.scalars(select(Person).where(
        Person.role == Role.ADMIN,
        or_(Person.telegram_chat_id.is_not(None), Person.zalo_user_id.is_not(None))).order_by(Person.id)))


def decide_extension(session: Session, report_id: int, *, by: Person, approve: bool,
                     now: dt.datetime, until: dt.date | None = None, today: dt.date | None = None
                     ) -> ExtensionRequest:
    """Approve (the deadline moves — to `until` when the approver grants another date than asked — and
    reminders are planned anew) or reject an extension request (the task goes back to where it stood before
    the request; a refusal with `until` — "không đồng ý, phải xong trước 19/2" — sets that date as the deadline,
    kept as a refusal, not as an extension granted)."""
    report = session.get(StatusReport, report_id, with_for_update=True)
    if report is None or report.status != TaskStatus.EXTENSION_REQUESTED:
        raise TaskNotFound(report.task_id if report else 0)
    task = report.task
    if not may_decide(session, by, task, report.person_id, today):
        log.info("extension %s: decision refused for %s", report_id, by.handle)
        raise NotApprover(by.handle, task.item_ref, _deciders_words(session, task, report.person_id, today))
    if report.decision != "pending":
        decider = session.get(Person, report.decided_by_id) if report.decided_by_id else None
        raise ExtensionDecided(report_id, report.decision or "rejected", decider.full_name if decider else None)
    if TaskStatus(task.status).is_closed:
        raise TaskClosed(task.item_ref, TaskStatus(task.status), task.done_at.date() if task.done_at else None)
    granted = until or report.requested_due_on
    due_before = task.due_on
    report.decision = "approved" if approve and granted else "rejected"
    report.decided_by_id, report.decided_at = by.id, now
    set_due = until if report.decision == "rejected" and until is not None else None  # the leader's own date
    if report.decision == "approved":
        task.due_on = granted
        task.due_text = f"gia hạn đến {granted:%d/%m/%Y}"
        task.status = TaskStatus.EXTENDED
        task.escalated = []  # a new deadline: the ladder starts again from it
    else:  # back to what the task was before the request (not "in progress" for a task nobody reported on)
        _back_before_request(session, task, report.id)
        if set_due is not None:
            task.due_on = set_due
            task.due_text = f"yêu cầu hoàn thành chậm nhất {set_due:%d/%m/%Y}"
            task.escalated = []  # (as for any new deadline)
    task.updated_at = now
    session.add(StatusReport(task_id=task.id, person_id=by.id, created_at=now, status=task.status,
                             percent=task.percent, source="decision",
                             note=decision_note(report.decision == "approved", task.due_on if set_due or
                                                report.decision == "approved" else None,
                                                report.requested_due_on, by.full_name, counter=set_due is not None)))
    audit(session, at=now, actor_id=by.id, action=f"task.extension_{report.decision}", entity="task",
          entity_id=task.id, requested=str(report.requested_due_on),
          granted=str(task.due_on) if report.decision == "approved" else None,
          set=str(set_due) if set_due is not None else None,  # a refusal's own date: the deadline now
          before=str(due_before) if due_before else None)  # the deadline it replaced (reports show the first one)
    log.info("extension for task %s %s by %s%s", task.id, report.decision, by.handle,
             f", deadline set to {set_due}" if set_due else "")
    return extension_request(session, report_id)


def recall_extension(session: Session, task_id: int, *, by: Person, now: dt.datetime) -> ExtensionRequest | None:
    """The requester takes back their extension request still waiting ("rút đề nghị gia hạn"): it is no longer
    decided nor recalled to those who decide it, and the task goes back to where it stood before the request (as a
    refusal does). None when no request of theirs waits on the task (probe 21, finding 6: a request its requester
    meant to take back stayed open, and they were told days later it still waited)."""
    report = _pending_request(session, task_id)
    if report is None or report.person_id != by.id:
        return None
    task = report.task
    report.decision, report.decided_by_id, report.decided_at = "recalled", by.id, now
    _back_before_request(session, task, report.id)
    task.updated_at = now
    session.add(StatusReport(task_id=task.id, person_id=by.id, created_at=now, status=task.status,
                             percent=task.percent, source="decision",
                             note=f"Rút đề nghị gia hạn đến {report.requested_due_on:%d/%m/%Y} (đ/c {by.full_name})"
                             if report.requested_due_on else f"Rút đề nghị gia hạn (đ/c {by.full_name})"))
    audit(session, at=now, actor_id=by.id, action="task.extension_recalled", entity="task", entity_id=task.id,
          requested=str(report.requested_due_on))
    log.info("extension for task %s recalled by its requester %s", task.id, by.handle)
    return extension_request(session, report.id)


def _back_before_request(session: Session, task: Task, request_id: int) -> None:
    """A refused or recalled extension request: the task goes back to the status it had before (a progress report sent
    while it waited counts; an earlier decision's status too — "đã gia hạn" stays). Back to "open", its last report is
    the holder's own last word that left it open ("chưa triển khai"), or none: the request was no report that the work
    has not started, and the digest and the reports would otherwise say "Chưa triển khai" of a task nobody reported on
    (`said_not_started`; session 42's open hole)."""
    before = session.scalar(select(StatusReport.status).where(
        StatusReport.task_id == task.id, StatusReport.id != request_id,
        StatusReport.status.not_in([TaskStatus.EXTENSION_REQUESTED])).order_by(StatusReport.id.desc()).limit(1))
    task.status = TaskStatus(before) if before else TaskStatus.OPEN
    if task.status == TaskStatus.OPEN:
        task.last_report_at = session.scalar(select(StatusReport.created_at).where(
            StatusReport.task_id == task.id, StatusReport.status == TaskStatus.OPEN,
            StatusReport.source.not_in(NOT_HOLDERS_WORD)).order_by(StatusReport.id.desc()).limit(1))


def decision_note(approved: bool, due: dt.date | None, asked: dt.date | None, by_name: str, *,
                  counter: bool = False) -> str:
    """The decision as the task's history and the reports show it (its latest note): "Đồng ý gia hạn đến
    20/02/2027", "Không đồng ý gia hạn; yêu cầu hoàn thành chậm nhất ngày 19/02/2027 (đ/c …)"."""
    if approved:
        return f"Đồng ý gia hạn đến {due:%d/%m/%Y} (đ/c {by_name})" if due else f"Đồng ý gia hạn (đ/c {by_name})"
    if counter and due is not None:
        return f"Không đồng ý gia hạn; yêu cầu hoàn thành chậm nhất ngày {due:%d/%m/%Y} (đ/c {by_name})"
    return f"Không đồng ý gia hạn (đ/c {by_name})"


EXTENSION_REMINDED = "task.extension_reminded"


def requests_to_recall(session: Session, *, today: dt.date,
                       recall_on: Callable[[dt.datetime, dt.date | None], dt.date],
                       task_ids: Collection[int] | None = None,
                       again_on: Callable[[dt.datetime], dt.date] | None = None) -> list[ExtensionRequest]:
    """The extension requests still waiting (of the tasks `task_ids`, if given: a digest's) whose day to be recalled
    has come: never recalled, `recall_on(sent at, the task's deadline)`; recalled before, `again_on(last recalled at)`
    (None: recalled once only). One query over the waiting ones each tick, the whole request read only for those
    (the rest of the ticks of a day find none)."""
    recalled: dict[int | None, dt.datetime] = {r[0]: r[1] for r in session.execute(
        select(AuditLog.entity_id, func.max(AuditLog.at)).where(AuditLog.action == EXTENSION_REMINDED,
                                                                AuditLog.entity.like("status_report%"))
        .group_by(AuditLog.entity_id))}
    rows = session.execute(select(StatusReport.id, StatusReport.created_at, Task.due_on)
                           .join(Task, Task.id == StatusReport.task_id)
                           .where(StatusReport.decision == "pending",
                                  Task.status.not_in([TaskStatus.DONE, TaskStatus.CANCELLED]),
                                  *([StatusReport.task_id.in_(task_ids)] if task_ids is not None else []))
                           .order_by(StatusReport.id))
    return [extension_request(session, r.id, today) for r in rows
            if (recall_on(r.created_at, r.due_on) <= today if r.id not in recalled
                else again_on is not None and again_on(recalled[r.id]) <= today)]


def times_recalled(session: Session, report_id: int) -> int:
    """How many times a waiting extension request has been recalled to those who decide it."""
    return session.scalar(select(func.count()).select_from(AuditLog).where(
        AuditLog.action == EXTENSION_REMINDED, AuditLog.entity.like("status_report%"),
        AuditLog.entity_id == report_id)) or 0


def claim_extension_reminder(session: Session, report_id: int, *, now: dt.datetime, nth: int = 1) -> bool:
    """True once per extension request and `nth` recall: that reminder that it still waits is this caller's to send
    (the first claimed as "status_report", a later one as "status_report/2", "/3" …)."""
    entity = "status_report" if nth == 1 else f"status_report/{nth}"
    return claim_once(session, at=now, action=EXTENSION_REMINDED, entity=entity, entity_id=report_id)


@dataclass(frozen=True, kw_only=True)
class ShownAt:
    """A message that showed an extension request to someone who may decide it."""

    person_id: int
    channel: str
    chat_id: str
    message_id: str


def remember_extension_message(session: Session, *, report_id: int, person_id: int, channel: str, chat_id: str,
                               message_id: str, now: dt.datetime) -> None:
    session.add(ExtensionMessage(report_id=report_id, person_id=person_id, channel=channel, chat_id=chat_id,
                                 message_id=message_id, created_at=now))


def extension_messages(session: Session, report_id: int) -> list[ShownAt]:
    return [ShownAt(person_id=m.person_id, channel=m.channel, chat_id=m.chat_id, message_id=m.message_id)
            for m in session.scalars(select(ExtensionMessage).where(ExtensionMessage.report_id == report_id)
                                     .order_by(ExtensionMessage.id))]


def extension_for_message(session: Session, *, chat_id: str, message_id: str) -> int | None:
    """The extension request a message showed (a typed decision in reply to it)."""
    return session.scalar(select(ExtensionMessage.report_id).where(ExtensionMessage.chat_id == chat_id,
                                                                    ExtensionMessage.message_id == message_id))


# ---------------------------------------------------------------- who is told of a change

def people_to_inform(session: Session, task_id: int, actor_id: int) -> list[Person]:
    """Who hears of a status recorded on a task, besides the person who recorded it: the head of the lead
    unit when the task is in a cadre's hands, and the assignee when the head or an admin recorded it."""
    task = session.get_one(Task, task_id)
    told: list[Person] = []
    head = lead_head(session, task)
    if head is not None and head.id != actor_id and task.assignee_id != head.id:
        told.append(head)
    if task.assignee is not None and task.assignee_id != actor_id and all(p.id != task.assignee_id for p in told):
        told.append(task.assignee)
    return told


# ---------------------------------------------------------------- delegation (giao cán bộ)

@dataclass(frozen=True, kw_only=True)
class Delegated:
    task_id: int
    item_ref: str
    notice_title: str
    text: str
    due_on: dt.date | None
    assignee: Person
    previous_name: str | None
    head_name: str
    unit_name: str


def _person_by_handle_or_username(session: Session, handle: str) -> Person:
    key = handle.strip().lstrip("@").lower()
    found = session.scalar(select(Person).where(Person.handle == key)) if key else None
    if found is None and key:
        found = session.scalar(select(Person).where(func.lower(Person.telegram_username) == key))
    if found is None:
        raise PersonNotFound(handle)
    return found


def delegate(session: Session, *, by: Person, item_ref: str, handle: str, now: dt.datetime) -> Delegated:
    """The head of the lead unit hands a task to a cadre of the unit: the cadre becomes the assignee (and gets
    the reminders); the head keeps the right to update it and hears of every update."""
    if by.role != Role.ADMIN and not by.headed_unit_ids:
        raise NotAllowed(by.handle, "delegate a task")
    item_ref = _typed_ref(item_ref)
    item_ref, _, unit_words = item_ref.partition(" ")  # "/giao 1 UBND huyện Tân Sơn @x": one unit's row of item 1
    query = (select(Task).join(Notice, Notice.id == Task.notice_id)
             .where(Notice.status == NoticeStatus.CONFIRMED).order_by(Task.id))
    if by.role != Role.ADMIN:
        query = query.where(Task.lead_unit_id.in_(by.headed_unit_ids))
    tasks = _by_ref(session.scalars(query.where(_ref_is(item_ref))), item_ref) or \
        tasks_meant(session, session.scalars(query), item_ref)  # "/giao 4.3 @x" for II.4.c (probe 36, F2)
    if unit_words.strip():
        tasks = [t for t in tasks if mentions(unit_words, t.lead_name)]
    open_ = [t for t in tasks if not TaskStatus(t.status).is_closed]
    if not open_:
        if tasks:
            t = tasks[-1]
            raise TaskClosed(t.item_ref, TaskStatus(t.status), t.done_at.date() if t.done_at else None)
        whose = "do đơn vị đồng chí chủ trì " if by.role != Role.ADMIN else \
            (f"của “{unit_words.strip()}” " if unit_words.strip() else "")
        raise DelegationInvalid(f"no open task {item_ref} for {by.handle}",
                                f"Không có nhiệm vụ mục {item_ref} {whose}đang thực hiện. Gõ /viec để xem danh sách "
                                "và số mục.")
    if len(open_) > 1 and by.role == Role.ADMIN:  # one item of several units (or notices): say which to name
        rows = "; ".join(f"{t.lead_name or '?'} ({notice_title(t.notice)})" for t in open_[:8])
        example = open_[0].lead_name or "tên đơn vị"
        raise DelegationInvalid(f"{len(open_)} open tasks {item_ref}",
                                f"Có {len(open_)} nhiệm vụ cùng số mục {item_ref}: {rows}. Đồng chí gõ kèm tên đơn vị, "
                                f"ví dụ: /giao {item_ref} {example} {handle}.")
    if len(open_) > 1:
        titles = "; ".join(notice_title(t.notice) for t in open_)
        raise DelegationInvalid(f"{len(open_)} open tasks {item_ref}",
                                f"Có {len(open_)} nhiệm vụ cùng số mục {item_ref} ({titles}). Đồng chí vui lòng mở "
                                "thẻ nhiệm vụ (bấm số mục dưới tin nhắc việc) rồi giao từ nhiệm vụ đó, hoặc nhờ quản "
                                "trị viên giao.")
    task = open_[0]
    try:
        target = _person_by_handle_or_username(session, handle)
    except PersonNotFound:
        raise DelegationInvalid(f"person {handle!r} not found",
                                f"Không tìm thấy cán bộ có mã “{handle.lstrip('@')}” trong danh bạ. Đồng chí gõ /giao "
                                "(không kèm gì) để xem mã cán bộ của đơn vị, rồi gõ lại, ví dụ: /giao "
                                f"{task.item_ref} @mã_cán_bộ.") from None
    return _hand_over(session, by=by, task=task, target=target, now=now)


def item_units(session: Session, item_ref: str) -> set[int]:
    """The lead units of the open tasks of confirmed notices numbered `item_ref` (as /giao types it): where a
    person named by a given name alone ("/giao III.1.k Hương") is looked for."""
    item_ref = _typed_ref(item_ref)
    query = (select(Task).join(Notice, Notice.id == Task.notice_id)
             .where(Notice.status == NoticeStatus.CONFIRMED).order_by(Task.id))
    return {t.lead_unit_id for t in (_by_ref(session.scalars(query.where(_ref_is(item_ref))), item_ref)
                                     or tasks_meant(session, session.scalars(query), item_ref))
            if t.lead_unit_id is not None and not TaskStatus(t.status).is_closed}


def may_delegate(person: Person, task: Task) -> bool:
    return person.role == Role.ADMIN or is_lead_head(person, task)


def delegate_task(session: Session, *, by: Person, task_id: int, person_id: int, now: dt.datetime) -> Delegated:
    """The "Giao cán bộ" actions on a task card: the same hand-over, by ids."""
    task = session.get(Task, task_id, with_for_update=True)
    if task is None:
        raise TaskNotFound(task_id)
    if not may_delegate(by, task):
        raise NotAllowed(by.handle, "delegate a task")
    if TaskStatus(task.status).is_closed:
        raise TaskClosed(task.item_ref, TaskStatus(task.status), task.done_at.date() if task.done_at else None)
    return _hand_over(session, by=by, task=task, target=session.get_one(Person, person_id), now=now)


def _hand_over(session: Session, *, by: Person, task: Task, target: Person, now: dt.datetime) -> Delegated:
    unit = task.lead_unit
    if unit is None or target.unit_id != unit.id:
        where = target.unit.name if target.unit else "chưa thuộc đơn vị nào"
        raise DelegationInvalid(
            f"{target.handle} is not in the lead unit of task {task.id}",
            f"Đ/c {target.full_name} ({where}) không phải cán bộ của {unit.name if unit else 'đơn vị chủ trì'}; "
            f"nhiệm vụ mục {task.item_ref} chỉ giao được cho cán bộ của đơn vị chủ trì. Đơn vị phối hợp báo cáo "
            f"phần việc của mình bằng tin “phối hợp {task.item_ref}: <nội dung>”."
            + (f" Để chuyển nhiệm vụ sang đơn vị khác chủ trì, đồng chí gõ: chuyển mục {task.item_ref} sang "
               f"{target.unit.name if target.unit else '<tên đơn vị>'}." if by.role == Role.ADMIN else ""))
    if target.id == task.assignee_id:
        raise DelegationInvalid(f"{target.handle} already has task {task.id}",
                                f"Đ/c {target.full_name} đang là người phụ trách nhiệm vụ mục {task.item_ref}.")
    if not target.channels:
        raise DelegationInvalid(f"{target.handle} is not reachable",
                                f"Đ/c {target.full_name} chưa kết nối Nhắc việc nên chưa nhận được nhắc việc. Đồng chí "
                                "đề nghị quản trị viên gửi mã mời (/moi) cho đ/c trước khi giao.")
    previous = task.assignee
    task.assignee_id = target.id
    task.updated_at = now
    head = lead_head(session, task)
    audit(session, at=now, actor_id=by.id, action="task.delegate", entity="task", entity_id=task.id,
          to=target.handle, previous=previous.handle if previous else None)
    log.info("task %s handed to %s by %s", task.id, target.handle, by.handle)
    return Delegated(task_id=task.id, item_ref=task.item_ref, notice_title=notice_title(task.notice), text=task.text,
                     due_on=task.due_on, assignee=target, previous_name=previous.full_name if previous else None,
                     head_name=head.full_name if head else by.full_name, unit_name=unit.name)


def unit_cadres(session: Session, person: Person) -> list[Person]:
    """The people of a head's unit, to hand tasks to (/giao without a name lists them)."""
    if person.unit_id is None:
        return []
    return list(session.scalars(select(Person).where(Person.unit_id == person.unit_id, Person.id != person.id)
                                .order_by(Person.full_name)))


@dataclass(frozen=True, kw_only=True)
class LeadMoved:
    """A confirmed task given to another lead unit (and its head): who held it, who holds it now, where it
    stands (its progress and latest note, an extension request still waiting)."""

    task_id: int
    item_ref: str
    notice_title: str
    old_unit: str
    previous_id: int | None
    previous_name: str | None
    new_unit: str
    head_id: int
    head_name: str
    text: str = ""
    due_on: dt.date | None = None
    status: str = TaskStatus.OPEN
    percent: int | None = None
    note: str | None = None  # the latest progress note, and its day
    note_on: dt.date | None = None
    pending_due: dt.date | None = None  # an extension request not decided yet: the date asked, and by whom
    pending_by: str | None = None


def _typed_ref(item_ref: str) -> str:
    """An item number as typed after a command ("mục 2.1", "Mục II.3:"), without the word and the punctuation."""
    return item_ref.strip().removeprefix("Mục").removeprefix("mục").removeprefix("muc").strip(" .:")


def _move_candidates(session: Session, item_ref: str) -> tuple[str, list[Task], list[Task]]:
    """The item number as typed (without "mục"), the confirmed tasks so numbered, and the open ones."""
    item_ref = _typed_ref(item_ref)
    tasks = _by_ref(session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id)
                                    .where(_ref_is(item_ref), Notice.status == NoticeStatus.CONFIRMED)
                                    .order_by(Task.id)), item_ref)
    return item_ref, tasks, [t for t in tasks if not TaskStatus(t.status).is_closed]


def _holders(tasks: list[Task]) -> str:
    """"UBND xã A; UBND xã B (Thông báo số …)": the units holding the tasks, each notice named once."""
    if len({t.notice_id for t in tasks}) == 1:
        return "; ".join(t.lead_name or "?" for t in tasks[:8]) + f" ({notice_title(tasks[0].notice)})"
    return "; ".join(f"{t.lead_name or '?'} ({notice_title(t.notice)})" for t in tasks[:8])


def _none_to_change(item_ref: str, tasks: list[Task], action: str, message: str) -> NoReturn:
    """Nothing open numbered `item_ref` to move or correct: closed (said so, with when), or no such item."""
    if tasks:
        t = tasks[-1]
        raise TaskClosed(t.item_ref, TaskStatus(t.status), t.done_at.date() if t.done_at else None)
    raise DelegationInvalid(f"no open task {item_ref} to {action}", message)


def _share_to_move(item_ref: str, tasks: list[Task], open_: list[Task], from_words: str | None,
                   unit_words: str) -> Task:
    """The one open task numbered `item_ref` the move is about: the share of the unit `from_words` names (by its
    name as the directory has it, or loosely: "xã Hiệp Thạnh"), or the only one; several and none named: ask."""
    if not open_:
        _none_to_change(item_ref, tasks, "move", f"Không có nhiệm vụ mục {item_ref} nào đang thực hiện. Gõ /tonghop "
                        f"hoặc “{item_ref}?” để xem số mục.")
    to = unit_words.strip(" .:")
    if from_words:
        named = [t for t in open_ if mentions(from_words, t.lead_name, t.assignee.full_name if t.assignee else None)]
        if len(named) > 1:  # the same unit's item in several notices: the notice number tells them apart
            numbered = [t for t in named if t.notice.number and fold(t.notice.number) in fold(from_words)]
            named = numbered or named
        if not named:
            raise DelegationInvalid(f"no open task {item_ref} of {from_words!r}",
                                    f"Mục {item_ref} không có phần nào của “{from_words.strip()}” đang thực hiện. "
                                    f"Đơn vị chủ trì mục {item_ref}: {_holders(open_)}.")
        open_ = named
    if len(open_) > 1:
        units = list(dict.fromkeys(t.lead_name for t in open_))
        example = f"chuyển mục {item_ref} của {units[0]} sang {to}"
        if len(units) == 1:
            example = f"chuyển mục {item_ref} của {open_[0].notice.number or units[0]} sang {to}"
        raise DelegationInvalid(f"{len(open_)} open tasks {item_ref} to move",
                                f"Mục {item_ref} có {len(open_)} nhiệm vụ đang thực hiện: {_holders(open_)}. Đồng "
                                f"chí ghi rõ phần nào cần chuyển (phần của các đơn vị khác giữ nguyên), ví dụ: "
                                f"{example}")
    return open_[0]


def confirmed_item(session: Session, item_ref: str) -> bool:
    """Whether a confirmed notice has a task numbered `item_ref` (as "chuyển mục …" reads it)."""
    return bool(_move_candidates(session, item_ref)[1])


def move_lead(session: Session, *, by: Person, item_ref: str, unit_words: str, now: dt.datetime,
              from_words: str | None = None, task_id: int | None = None) -> LeadMoved:
    """An admin or a leader moves an open task of a confirmed notice to another lead unit ("chuyển mục II.3 sang
    Phòng …"; one unit's share of an item several hold: "chuyển mục II.1.a của UBND xã Hiệp Thạnh sang …"): the
    unit becomes its lead, the unit's head its assignee (reminders follow the assignee from the next run); the
    supporting units, deadline, progress, a pending extension request and history stay. The caller tells the
    previous holder and the new one. `task_id`: that task (a tap on the office's "Đồng ý chuyển"), not read from
    the item number."""
    if by.role not in (Role.ADMIN, Role.LEADER):
        raise NotAllowed(by.handle, "move a task to another unit")
    if task_id is not None:
        task = session.get_one(Task, task_id)
        if TaskStatus(task.status).is_closed:
            raise TaskClosed(task.item_ref, TaskStatus(task.status), task.done_at.date() if task.done_at else None)
    else:
        item_ref, tasks, open_ = _move_candidates(session, item_ref)
        task = _share_to_move(item_ref, tasks, open_, from_words, unit_words)
    leads = _Leads(session)
    found, _, group = leads.units_of(unit_words.strip(" .:"))
    if group is not None or len(found) != 1:
        raise DelegationInvalid(f"{unit_words!r} is not one unit of the directory",
                                f"Không tìm thấy đơn vị “{unit_words.strip()}” trong danh bạ (cần đúng một đơn vị). "
                                + (did_you_mean(session, unit_words.strip(" .:"), f"chuyển mục {task.item_ref} sang "
                                                "{unit}") or "Đồng chí ghi tên đơn vị như trong danh bạ, ví dụ: "
                                   f"chuyển mục {task.item_ref} sang Phòng Tài chính - Kế hoạch."))
    unit = found[0]
    old_unit = task.lead_name or "chưa xác định"
    if unit.id == task.lead_unit_id:
        raise DelegationInvalid(f"task {task.id} already led by unit {unit.id}",
                                f"{unit.name} đã là đơn vị chủ trì nhiệm vụ mục {task.item_ref}.")
    head = leads.head(unit)
    if head is None:
        raise DelegationInvalid(f"unit {unit.id} has no head",
                                f"{unit.name} chưa có trưởng đơn vị trong danh bạ nên chưa giao được. Đồng chí bổ "
                                "sung trưởng đơn vị vào danh bạ rồi gõ lại.")
    previous = task.assignee
    # the unit as the notice (or the words typed) spell it with marks, where the directory has it without (probe 24)
    unit_name = marked_spelling(unit.name, [*task.written_units(), unit_words])  # the notice's spelling first
    task.lead_unit_id, task.lead_unit_names = unit.id, [unit_name]
    task.assignee_id, task.updated_at = head.id, now
    audit(session, at=now, actor_id=by.id, action="task.move_lead", entity="task", entity_id=task.id,
          unit=unit.name, previous_unit=old_unit, to=head.handle, previous=previous.handle if previous else None)
    log.info("task %s moved from %r to unit %s by %s", task.id, old_unit, unit.id, by.handle)
    noted = session.scalars(select(StatusReport).where(
        StatusReport.task_id == task.id, StatusReport.note.is_not(None),
        StatusReport.source.not_in(NOT_HOLDERS_WORD)).order_by(StatusReport.id.desc()).limit(1)).first()
    pending = session.scalars(select(StatusReport).where(
        StatusReport.task_id == task.id, StatusReport.decision == "pending").order_by(StatusReport.id.desc())
        .limit(1)).first()
    return LeadMoved(task_id=task.id, item_ref=task.item_ref, notice_title=notice_title(task.notice),
                     old_unit=old_unit, previous_id=previous.id if previous else None,
                     previous_name=previous.full_name if previous else None, new_unit=unit_name,
                     head_id=head.id, head_name=head.full_name, text=task.text, due_on=task.due_on,
                     status=TaskStatus(task.status), percent=task.percent,
                     note=noted.note if noted else None, note_on=noted.created_at.date() if noted else None,
                     pending_due=pending.requested_due_on if pending else None,
                     pending_by=pending.person.full_name if pending else None)


@dataclass(frozen=True, kw_only=True)
class TaskEdited:
    """An admin's or a leader's correction of a confirmed item: its deadline or its wording, for every unit holding it
    (or the share named)."""

    item_ref: str
    notice_title: str
    field: str  # "due", "text" or "ref"
    due_before: dict[int, dt.date | None]  # task id → its deadline before ("due")
    due: dt.date | None = None
    text: str | None = None
    ref_before: str | None = None  # the item number before ("ref"; `item_ref` is the new one)
    holders: list[tuple[int, int | None, str]]  # (task id, assignee id, unit) of every task changed
    by_name: str


def edit_confirmed(session: Session, *, by: Person, item_ref: str, now: dt.datetime, today: dt.date,
                   share_words: str | None = None, due: dt.date | None = None, text: str | None = None,
                   ref: str | None = None, unless_asked: bool = False) -> TaskEdited:
    """An admin or a leader corrects a confirmed item from the paper ("2.d hạn 26/02/2027", "2.c nd: …", "1.b số mục:
    2.a"): the deadline of every open share of it (or of the unit `share_words` names; the reminder ladder starts
    again from the new date), or the wording of every share, or the item's number (every share, finished ones too:
    the reports read it; refused where the notice already has an item so numbered). Nothing changes when the item is
    in several notices and the words do not say which, or the new date has passed; the caller tells the holders.
    `unless_asked` ("gia hạn mục … đến …"): not where a holder asked for an extension (ExtensionPending: that is the
    decision on the request)."""
    if by.role not in (Role.ADMIN, Role.LEADER):
        raise NotAllowed(by.handle, "correct a confirmed task")
    item_ref, tasks, open_ = _move_candidates(session, item_ref)
    pool = open_ if due is not None else tasks
    if not pool:
        _none_to_change(item_ref, tasks, "correct", f"Không có nhiệm vụ mục {item_ref} nào trong các văn bản đã xác "
                        "nhận. Gõ /tonghop để xem số mục.")
    if share_words and (numbered := [t for t in pool if t.notice.number and
                                     fold(t.notice.number) in fold(share_words)]):
        pool, share_words = numbered, None  # "2.d của 1894/TB-SCT": the notice, not a unit
    if len({t.notice_id for t in pool}) > 1:
        titles = "; ".join(dict.fromkeys(notice_title(t.notice) for t in pool))
        number = next((t.notice.number for t in pool if t.notice.number), None) or "số văn bản"
        raise DelegationInvalid(f"item {item_ref} in several notices",
                                f"Mục {item_ref} có trong nhiều văn bản: {titles}. Đồng chí ghi kèm số văn bản, ví "
                                f"dụ: “{item_ref} của {number} hạn …”.")
    if share_words and ref is not None:  # one number for the whole item: every unit's share carries it
        raise DelegationInvalid(f"a share of item {item_ref} renumbered",
                                f"Số mục là của cả mục {item_ref}, mọi đơn vị cùng mang; đồng chí gõ "
                                f"“{item_ref} số mục: {ref}” để sửa cho cả mục.")
    if share_words:
        named = [t for t in pool if mentions(share_words, t.lead_name, t.assignee.full_name if t.assignee else None)]
        if not named:
            raise DelegationInvalid(f"no share of {share_words!r} in item {item_ref}",
                                    f"Mục {item_ref} không có phần nào của “{share_words.strip()}”. Đơn vị chủ trì "
                                    f"mục {item_ref}: {_holders(pool)}.")
        pool = named
    if unless_asked and (asked := [t for t in pool if t.status == TaskStatus.EXTENSION_REQUESTED]):
        t = asked[0]
        pending = session.scalars(select(StatusReport).where(
            StatusReport.task_id == t.id, StatusReport.decision == "pending").order_by(StatusReport.id.desc())
            .limit(1)).first()
        until = f" đến {pending.requested_due_on:%d/%m/%Y}" if pending and pending.requested_due_on else ""
        shares = [x for x in tasks if x.notice_id == t.notice_id]
        share = f" {t.lead_name}" if len(shares) > 1 and t.lead_name else ""
        to = f" cho{share}" if share else ""
        raise ExtensionPending(f"an extension of task {t.id} is pending",
                               f"Mục {t.item_ref}{share and ' của' + share} đang có đề nghị gia hạn{until} chờ ý "
                               f"kiến. Để quyết định đề nghị đó, đồng chí gõ “đồng ý gia hạn {t.item_ref}{to}"
                               f"{until or ' đến …'}” hoặc “không đồng ý gia hạn {t.item_ref}{to}”; để đổi thời hạn "
                               f"theo văn bản, gõ “{t.item_ref}{share} hạn …”.")
    if due is not None and due < today:
        raise DelegationInvalid(f"new deadline {due} has passed",
                                f"Ngày {due:%d/%m/%Y} đã qua; đồng chí kiểm tra lại thời hạn mới của mục {item_ref}.")
    if ref is not None:
        return _renumbered(session, by=by, pool=pool, ref=ref, typed=item_ref, now=now)
    changing = [t for t in pool if (due is not None and t.due_on != due) or (text is not None and t.text != text)]
    if not changing:  # typed twice, or what the task already says: nothing to change, nobody to tell again
        what = f"thời hạn {due:%d/%m/%Y}" if due is not None else "nội dung này"
        raise DelegationInvalid(f"task {item_ref} already reads so",
                                f"Mục {pool[0].item_ref} đã có {what}; không có gì thay đổi.")
    pool = changing
    before = {t.id: t.due_on for t in pool}
    for t in pool:
        if due is not None:
            t.due_on, t.escalated = due, []  # a new deadline: the ladder starts again from it
        if text is not None:
            t.text = text
        t.updated_at = now
        audit(session, at=now, actor_id=by.id, action="task.set_due" if due is not None else "task.set_text",
              entity="task", entity_id=t.id, before=str(before[t.id]) if due is not None else None,
              due=str(due) if due is not None else None)
    log.info("%s corrected %s of %d task(s) %s", by.handle, "deadline" if due is not None else "wording", len(pool),
             item_ref)
    return TaskEdited(item_ref=pool[0].item_ref, notice_title=notice_title(pool[0].notice),
                      field="due" if due is not None else "text", due_before=before, due=due, text=text,
                      holders=[(t.id, t.assignee_id, t.lead_name or "") for t in pool], by_name=by.full_name)


MAX_REF = 40  # tasks.item_ref's length


def _clipped(text: str, limit: int = 120) -> str:
    words = " ".join(text.split()).rstrip(".")
    return words if len(words) <= limit else words[:limit].rstrip() + "…"


def _renumbered(session: Session, *, by: Person, pool: list[Task], ref: str, typed: str,
                now: dt.datetime) -> TaskEdited:
    """`edit_confirmed`'s new item number for every share of one item (`pool`, one notice; `typed`: the number the
    office typed for it); refused where another item of the notice already has it, or where it is already the number.
    The Roman section dropped in typing is kept: "4.c số mục: 5.c" of II.4.c makes it II.5.c."""
    ref = ref.strip().rstrip(".")
    before = pool[0].item_ref
    if not same_ref(before, typed) and ends_ref(before, typed) and \
            (section := re.match(r"[IVXivx]+\.", before)) is not None and \
            len(before) - len(typed) == section.end() and not re.match(r"[IVXivx]+\.", ref):
        ref = section.group(0) + ref
    if not ref or len(ref) > MAX_REF:
        raise DelegationInvalid(f"item number {ref!r} unusable",
                                f"Số mục “{ref[:MAX_REF]}…” quá dài; số mục có tối đa {MAX_REF} ký tự, ví dụ: “2.a”.")
    if same_ref(before, ref):
        raise DelegationInvalid(f"task {before} already numbered {ref}",
                                f"Mục {before} đã mang số này; không có gì thay đổi.")
    ids = {t.id for t in pool}
    taken = [t for t in session.scalars(select(Task).where(Task.notice_id == pool[0].notice_id))
             if t.id not in ids and same_ref(t.item_ref, ref)]
    if taken:
        raise DelegationInvalid(f"item number {ref} taken in notice {pool[0].notice_id}",
                                f"{notice_title(pool[0].notice)} đã có mục {taken[0].item_ref}: "
                                f"“{_clipped(taken[0].text)}”. Nếu mục đó cũng mang số sai, đồng chí "
                                f"sửa số mục đó trước (“{taken[0].item_ref} số mục: …”), rồi sửa mục {before}.")
    for t in pool:
        t.item_ref, t.updated_at = ref, now
        audit(session, at=now, actor_id=by.id, action="task.set_ref", entity="task", entity_id=t.id, before=before,
              ref=ref)
    log.info("%s renumbered item %s as %s (%d task(s))", by.handle, before, ref, len(pool))
    return TaskEdited(item_ref=ref, notice_title=notice_title(pool[0].notice), field="ref", due_before={},
                      ref_before=before, holders=[(t.id, t.assignee_id, t.lead_name or "") for t in pool],
                      by_name=by.full_name)


@dataclass(frozen=True, kw_only=True)
class MoveAsked:
    """A head or a cadre asks for a task to go to another unit: the office (or a leader) decides."""

    item_ref: str
    notice_title: str
    unit_name: str  # the unit asked for
    form: str  # what an admin types to do it
    asker_name: str
    asker_unit: str
    admins: list[Person]
    head: Person | None = None  # the head answering for the task, when someone else asked and had not asked before


def ask_move(session: Session, *, by: Person, item_ref: str, unit_words: str, now: dt.datetime,
             from_words: str | None = None) -> MoveAsked | None:
    """A head's or a cadre's "chuyển mục II.2.a sang Phòng Tư pháp": nothing moves and no progress is stored;
    the request is kept in the audit log and handed to the admins with the form that does it. None when the
    words after "sang"/"cho" are not one unit of the directory ("giao lại mục 3 cho đ/c Vận": not a move)."""
    found, _, group = _Leads(session).units_of(unit_words.strip(" .:"))
    if group is not None or len(found) != 1:
        return None
    unit_name = found[0].name
    item_ref, tasks, open_ = _move_candidates(session, item_ref)
    own = [t for t in open_ if t.assignee_id == by.id or (by.unit_id is not None and t.lead_unit_id == by.unit_id)]
    task = _share_to_move(item_ref, tasks, own or open_, from_words, unit_words)
    share = f" của {task.lead_name}" if len(open_) > 1 and task.lead_name else ""
    form = f"chuyển mục {task.item_ref}{share} sang {unit_name}"
    asker_unit = session.get_one(Unit, by.unit_id).name if by.unit_id is not None else ""
    head = _head_to_tell(session, task, by)
    audit(session, at=now, actor_id=by.id, action="task.move_asked", entity="task", entity_id=task.id,
          unit=unit_name)
    log.info("%s asks task %s to move to %r", by.handle, task.id, unit_name)
    return MoveAsked(item_ref=task.item_ref, notice_title=notice_title(task.notice), unit_name=unit_name, form=form,
                     asker_name=by.full_name, asker_unit=asker_unit, admins=admins(session), head=head)


@dataclass(frozen=True, kw_only=True)
class RefRemarked:
    """A head or a cadre says a confirmed item carries the wrong number ("các mục 1.b đến 1.k đúng ra là mục 2"): the
    office corrects it; nothing is stored as progress."""

    words: str  # what they wrote
    notice_title: str | None  # the notice of the item named, where one is
    form: str | None  # what an admin types, where one item and its number are named ("1.b số mục: 2.a")
    asker_name: str
    asker_unit: str
    admins: list[Person]


def pass_ref_remark(session: Session, *, by: Person, words: str, item_ref: str | None, value: str | None,
                    now: dt.datetime) -> RefRemarked:
    """A holder's remark on an item's number, kept in the audit log and handed to the admins (with the form that
    corrects it when the remark names one item and its number)."""
    tasks = _move_candidates(session, item_ref)[1] if item_ref else []
    own = [t for t in tasks if t.assignee_id == by.id or (by.unit_id is not None and t.lead_unit_id == by.unit_id)]
    task: Task | None = (own or tasks)[0] if own or tasks else None
    form = f"{task.item_ref} số mục: {value}" if task is not None and value else None
    asker_unit = session.get_one(Unit, by.unit_id).name if by.unit_id is not None else ""
    audit(session, at=now, actor_id=by.id, action="task.ref_remark", entity="task",
          entity_id=task.id if task is not None else None, words=words[:500])
    log.info("%s says an item number is wrong: %r", by.handle, words[:200])
    return RefRemarked(words=words, notice_title=notice_title(task.notice) if task is not None else None, form=form,
                       asker_name=by.full_name, asker_unit=asker_unit, admins=admins(session))


@dataclass(frozen=True, kw_only=True)
class TransferAsked:
    """A head or a cadre says a task is not their unit's ("không thuộc chức năng của Sở …", "đề nghị chuyển Sở …"):
    the office (or a leader) decides; nothing moves and no progress is stored."""

    task_id: int
    item_ref: str
    notice_title: str
    unit_name: str | None  # the directory unit asked for; None: none named, or the words name no one unit
    unit_words: str | None  # the words typed for it
    form: str  # what an admin types to move it (the unit left to fill in when none is known)
    asker_name: str
    asker_unit: str
    admins: list[Person]
    unit_missing: bool = False  # the unit typed is not in the directory (nor a group of it)
    unit_id: int | None = None  # the directory unit of `unit_name` (the office's "Đồng ý chuyển" moves it there)
    head: Person | None = None  # the head answering for the task, when someone else asked and had not asked before
    # (probe 23, F7) nothing sent to the office: the unit asked for already leads the item (its own task), or the
    # same person asked the same move since the task last moved
    already_led: bool = False
    repeated: bool = False


def _same_ask_before(session: Session, task_id: int, person_id: int, unit: str) -> bool:
    """Whether the person already asked to move the task to the same unit since it last moved (or was told closed)."""
    since = session.scalar(select(func.max(AuditLog.id)).where(
        AuditLog.entity == "task", AuditLog.entity_id == task_id, AuditLog.action.in_(_TRANSFER_ANSWERED))) or 0
    return any((row.detail or {}).get("unit", "") == unit for row in session.scalars(select(AuditLog).where(
        AuditLog.entity == "task", AuditLog.entity_id == task_id, AuditLog.action == "task.move_asked",
        AuditLog.actor_id == person_id, AuditLog.id > since)))


def _asked_before(session: Session, task_id: int, person_id: int) -> bool:
    """Whether the person already asked to move the task since it last moved (or their asking was told closed)."""
    since = session.scalar(select(func.max(AuditLog.id)).where(
        AuditLog.entity == "task", AuditLog.entity_id == task_id, AuditLog.action.in_(_TRANSFER_ANSWERED))) or 0
    return session.scalar(select(func.count()).select_from(AuditLog).where(
        AuditLog.entity == "task", AuditLog.entity_id == task_id, AuditLog.action == "task.move_asked",
        AuditLog.actor_id == person_id, AuditLog.id > since)) != 0


def _head_to_tell(session: Session, task: Task, by: Person) -> Person | None:
    """The head of the unit answering for the task, told when one of its people asks to move it (once: not when
    that person asked before, nor when the head asked or is an admin the request reaches anyway)."""
    if task.lead_unit_id is None:
        return None
    head = head_of(session, task.lead_unit_id)
    if head is None or head.id == by.id or head.role == Role.LEFT or head.is_admin or \
            _asked_before(session, task.id, by.id):
        return None
    return head


def ask_transfer(session: Session, *, by: Person, task_id: int, unit_words: str | None,
                 now: dt.datetime) -> TransferAsked:
    """The request kept in the audit log (as a typed move's is) and handed to the admins, with the move's form; the
    unit typed is read as the directory has it when it names exactly one unit."""
    task = session.get_one(Task, task_id)
    unit_name = unit_id = None
    missing = already_led = False
    if unit_words:
        found, _, group = _Leads(session).units_of(unit_words.strip(" .:"))
        if group is None and len(found) == 1 and found[0].id != task.lead_unit_id:
            unit_name, unit_id = marked_spelling(found[0].name, [*task.written_units(), unit_words]), found[0].id
            already_led = session.scalar(select(func.count()).select_from(Task).where(
                Task.notice_id == task.notice_id, Task.item_ref == task.item_ref, Task.lead_unit_id == found[0].id,
                Task.status.in_(OPEN_STATUSES))) != 0
        missing = group is None and not found
    asker_unit = session.get_one(Unit, by.unit_id).name if by.unit_id is not None else ""
    repeated = _same_ask_before(session, task.id, by.id, unit_name or unit_words or "")
    if already_led or repeated:  # nothing for the office: told to the asker only, nothing logged
        log.info("%s asks to move task %s to %r: %s", by.handle, task.id, unit_name or unit_words,
                 "already led there" if already_led else "asked before")
        return TransferAsked(task_id=task.id, item_ref=task.item_ref, notice_title=notice_title(task.notice),
                             unit_name=unit_name, unit_words=unit_words, form="", asker_name=by.full_name,
                             asker_unit=asker_unit, admins=admins(session), already_led=already_led,
                             repeated=repeated)
    head = _head_to_tell(session, task, by)
    shares = session.scalar(select(func.count()).select_from(Task).where(
        Task.notice_id == task.notice_id, Task.item_ref == task.item_ref, Task.status.in_(OPEN_STATUSES))) or 0
    share = f" của {task.lead_name}" if shares > 1 and task.lead_name else ""
    form = f"chuyển mục {task.item_ref}{share} sang {unit_name or '<tên đơn vị chủ trì>'}"
    audit(session, at=now, actor_id=by.id, action="task.move_asked", entity="task", entity_id=task.id,
          unit=unit_name or unit_words or "")
    log.info("%s says task %s is not their unit's (to %r)", by.handle, task.id, unit_name or unit_words)
    return TransferAsked(task_id=task.id, item_ref=task.item_ref, notice_title=notice_title(task.notice),
                         unit_name=unit_name, unit_words=unit_words, form=form, asker_name=by.full_name,
                         asker_unit=asker_unit, admins=admins(session), unit_missing=missing, head=head,
                         unit_id=unit_id)


@dataclass(frozen=True, kw_only=True)
class MootRequest:
    """A request nobody decided that the task's end made moot: an extension request ("xin gia hạn", `report_id` its
    report, whose messages showed it to those who decide) or a transfer request ("không phải việc của đơn vị tôi").
    Its requester is told once that it is closed and why."""

    kind: str  # "extension" | "transfer"
    task_id: int
    item_ref: str
    notice_title: str
    requester_id: int
    requester_name: str
    asked: str  # what was asked, in words: "đến 30/03/2018", "sang Ban Tuyên giáo Tỉnh ủy", ""
    report_id: int | None = None


# what closes a transfer request: the task moved, or the request told closed (a request after it is a new one)
_TRANSFER_ANSWERED = ("task.move_lead", "task.transfer_closed")


def close_moot_requests(session: Session, task_id: int, *, why: str, by: Person, now: dt.datetime,
                        closed_request_id: int | None = None) -> list[MootRequest]:
    """The task was finished (`why` "done": `record_status` already closed its waiting extension request, given as
    `closed_request_id`) or cancelled ("cancelled": its waiting extension request is closed here): the requests
    nobody decided, each with whom to tell. Transfer requests (kept in the audit log) asked since the task last
    moved are closed by an audit row, so they are told once; none while the task is still open (a recurring
    duty's round)."""
    task = session.get_one(Task, task_id)
    title = notice_title(task.notice)
    found: list[MootRequest] = []
    if why == "cancelled":
        for report in session.scalars(select(StatusReport).where(StatusReport.task_id == task.id,
                                                                 StatusReport.decision == "pending")):
            report.decision, report.decided_at, report.decided_by_id = "cancelled", now, by.id
            closed_request_id = report.id
    if closed_request_id is not None:
        report = session.get_one(StatusReport, closed_request_id)
        asked = f"đến {report.requested_due_on:%d/%m/%Y}" if report.requested_due_on else ""
        found.append(MootRequest(kind="extension", task_id=task.id, item_ref=task.item_ref, notice_title=title,
                                 requester_id=report.person_id, requester_name=report.person.full_name,
                                 asked=asked, report_id=report.id))
    if not TaskStatus(task.status).is_closed:
        return found
    since = session.scalar(select(func.max(AuditLog.id)).where(
        AuditLog.entity == "task", AuditLog.entity_id == task.id, AuditLog.action.in_(_TRANSFER_ANSWERED))) or 0
    asks = list(session.execute(select(AuditLog.actor_id, AuditLog.detail).where(
        AuditLog.entity == "task", AuditLog.entity_id == task.id, AuditLog.action == "task.move_asked",
        AuditLog.id > since, AuditLog.actor_id.is_not(None)).order_by(AuditLog.id)))
    if not asks:
        return found
    by_requester: dict[int, str] = {}
    for actor_id, detail in asks:  # the latest words of each requester
        by_requester[actor_id] = str((detail or {}).get("unit") or "")
    for actor_id, unit in by_requester.items():
        person = session.get_one(Person, actor_id)
        found.append(MootRequest(kind="transfer", task_id=task.id, item_ref=task.item_ref, notice_title=title,
                                 requester_id=actor_id, requester_name=person.full_name,
                                 asked=f"sang {unit}" if unit else ""))
    audit(session, at=now, actor_id=by.id, action="task.transfer_closed", entity="task", entity_id=task.id,
          why=why, requesters=sorted(by_requester))
    log.info("task %s %s: %d transfer request(s) closed", task.id, why, len(by_requester))
    return found


def reportable_open_tasks(session: Session, person: Person, *, today: dt.date) -> list[Task]:
    """The open tasks a person may report on by their item number (as `may_change` with a report allows): their
    own, their unit's in others' hands (`unit_open_tasks`: a cadre on the head's task is normal in an office), and
    those of colleagues on leave `today` who named them to cover."""
    away = select(Person.id).where(Person.leave_cover_id == person.id, Person.leave_from <= today,
                                   Person.leave_to >= today)
    covered = session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id).where(
        Task.assignee_id.in_(away.scalar_subquery()), Notice.status == NoticeStatus.CONFIRMED,
        Task.status.in_(OPEN_STATUSES))
        .options(selectinload(Task.notice), selectinload(Task.lead_unit), selectinload(Task.assignee))
        .order_by(Task.id))
    found = {t.id: t for t in [*open_tasks_for(session, person), *unit_open_tasks(session, person), *covered]}
    return list(found.values())


def unit_open_tasks(session: Session, person: Person) -> list[Task]:
    """The open tasks of the person's unit in others' hands that they may report on: a head's in a cadre's hands, a
    deputy's or a cadre's in the head's or a colleague's (the tasks /viec lists as the unit's), in the notice's
    order."""
    units = set(person.headed_unit_ids)
    if person.unit_id is not None and person.role not in (Role.LEFT, Role.HEAD):
        units.add(person.unit_id)
    if not units:
        return []
    return list(session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id).where(
        Task.lead_unit_id.in_(units), Task.assignee_id.is_not(None), Task.assignee_id != person.id,
        Notice.status == NoticeStatus.CONFIRMED, Task.status.in_(OPEN_STATUSES))
        .options(selectinload(Task.notice), selectinload(Task.lead_unit), selectinload(Task.assignee))
        .order_by(Task.notice_id, Task.position, Task.id)))


# ---------------------------------------------------------------- supporting units (phối hợp)

@dataclass(frozen=True, kw_only=True)
class SupportRecorded:
    task_id: int
    item_ref: str
    notice_title: str
    unit_name: str
    reporter_name: str
    note: str
    lead_people: list[Person]  # the assignee and the head of the lead unit, to tell


def support_tasks_by_ref(session: Session, person: Person, item_ref: str) -> list[Task]:
    """Open tasks numbered `item_ref` that the person's unit supports."""
    tasks = session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id)
                            .where(_ref_is(item_ref), Notice.status == NoticeStatus.CONFIRMED,
                                   Task.status.in_(OPEN_STATUSES))
                            .options(selectinload(Task.lead_unit), selectinload(Task.notice)).order_by(Task.id))
    return _by_ref((t for t in tasks if supports(session, person, t)), item_ref)


def record_support(session: Session, *, task_id: int, actor: Person, note: str, now: dt.datetime) -> SupportRecorded:
    """A supporting unit's report on its part: stored with the task's history (source "support"); the task's
    status does not change — only the lead unit's report completes it."""
    task = session.get(Task, task_id, with_for_update=True)
    if task is None:
        raise TaskNotFound(task_id)
    if not supports(session, actor, task):
        raise _refuse_change(session, actor, task)
    if TaskStatus(task.status).is_closed:
        raise TaskClosed(task.item_ref, TaskStatus(task.status), task.done_at.date() if task.done_at else None)
    session.add(StatusReport(task_id=task.id, person_id=actor.id, created_at=now, status=task.status,
                             percent=None, note=note, source="support"))
    audit(session, at=now, actor_id=actor.id, action="task.support_report", entity="task", entity_id=task.id)
    told = [p for p in (task.assignee, lead_head(session, task)) if p is not None and p.id != actor.id]
    unique = list({p.id: p for p in told}.values())
    unit = session.get_one(Unit, actor.unit_id)
    return SupportRecorded(task_id=task.id, item_ref=task.item_ref, notice_title=notice_title(task.notice),
                           unit_name=unit.name, reporter_name=actor.full_name, note=note, lead_people=unique)


# ---------------------------------------------------------------- replies waiting for "which task?"

@dataclass(frozen=True, kw_only=True)
class Pending:
    text: str
    source: str
    sent_at: dt.datetime
    task_ids: list[int]


def save_pending_reply(session: Session, *, person: Person, text: str, source: str, task_ids: list[int],
                       sent_at: dt.datetime) -> int:
    row = PendingReply(person_id=person.id, text=text, source=source, task_ids=task_ids, sent_at=sent_at)
    session.add(row)
    session.flush()
    return row.id


DATE_ASKED = "date"  # a pending reply's source: an extension asked without a date, the bot asked "đến ngày nào?"


MEANT = "meant"  # a pending reply's source: an item number that names nothing held, the bot asked "ý là mục 3?"


def pending_date(session: Session, *, person: Person, since: dt.datetime,
                 source: str = DATE_ASKED) -> tuple[int, int, str] | None:
    """The latest extension request this person typed without a date since `since`, still waiting for one (with
    `source` MEANT: the latest text whose item the bot asked about): (pending id, task id, the words they typed)."""
    row = session.scalar(select(PendingReply).where(
        PendingReply.person_id == person.id, PendingReply.source == source, PendingReply.used_at.is_(None),
        PendingReply.sent_at >= since).order_by(PendingReply.id.desc()).limit(1))
    return (row.id, row.task_ids[0], row.text) if row is not None and row.task_ids else None


@dataclass(frozen=True, kw_only=True)
class Asked:
    """A question the bot asked a person about their words, answered or not (`used_at`)."""

    id: int
    source: str
    text: str
    task_ids: list[int]
    sent_at: dt.datetime
    used_at: dt.datetime | None


def last_asked(session: Session, *, person: Person, since: dt.datetime, sources: Collection[str]) -> Asked | None:
    """The latest question of these kinds asked of this person since `since`, answered, lapsed or still open."""
    row = session.scalar(select(PendingReply).where(
        PendingReply.person_id == person.id, PendingReply.source.in_(sources), PendingReply.sent_at >= since)
        .order_by(PendingReply.id.desc()).limit(1))
    if row is None or not row.task_ids:
        return None
    return Asked(id=row.id, source=row.source, text=row.text, task_ids=list(row.task_ids), sent_at=row.sent_at,
                 used_at=row.used_at)


def reported_since(session: Session, *, person: Person, task_id: int, since: dt.datetime) -> dt.datetime | None:
    """When this person last reported on the task after `since` (None: not since)."""
    return session.scalar(select(StatusReport.created_at).where(
        StatusReport.person_id == person.id, StatusReport.task_id == task_id, StatusReport.created_at > since)
        .order_by(StatusReport.created_at.desc()).limit(1))


def pending_which(session: Session, *, person: Person, since: dt.datetime,
                  sources: tuple[str, ...] = ("text", "reply")) -> tuple[int, list[int], str] | None:
    """The latest text of this person's the bot asked "là của nhiệm vụ nào?" about since `since`, still waiting for
    its task: (pending id, the tasks offered, the words typed). None when there is none, or when the person has
    reported anything since (the question is behind them)."""
    row = session.scalar(select(PendingReply).where(
        PendingReply.person_id == person.id, PendingReply.source.in_(sources), PendingReply.used_at.is_(None),
        PendingReply.sent_at >= since).order_by(PendingReply.id.desc()).limit(1))
    if row is None or not row.task_ids:
        return None
    later = session.scalar(select(StatusReport.id).where(StatusReport.person_id == person.id,
                                                         StatusReport.created_at > row.sent_at).limit(1))
    return None if later is not None else (row.id, list(row.task_ids), row.text)


def drop_pending_replies(session: Session, *, person: Person, since: dt.datetime, now: dt.datetime) -> list[Asked]:
    """Every question still open to this person that was asked since `since` ("là của nhiệm vụ nào?", "đến ngày
    nào?", "ý đồng chí là mục 3?") closed unanswered, as if answered at `now`: the person said "thôi", so nothing
    they typed before is applied later by a tap, a date or a "đúng". The questions closed, newest first."""
    rows = session.scalars(select(PendingReply).where(
        PendingReply.person_id == person.id, PendingReply.used_at.is_(None), PendingReply.sent_at >= since)
        .order_by(PendingReply.id.desc()).with_for_update()).all()
    for row in rows:
        row.used_at = now
    return [Asked(id=row.id, source=row.source, text=row.text, task_ids=list(row.task_ids or ()),
                  sent_at=row.sent_at, used_at=now) for row in rows]


def take_pending_reply(session: Session, pending_id: int, *, person: Person, task_id: int,
                       now: dt.datetime) -> Pending | None:
    """The text kept for this person's choice, once (None: unknown, used, someone else's, or not offered)."""
    row = session.get(PendingReply, pending_id, with_for_update=True)
    if row is None or row.person_id != person.id or row.used_at is not None or task_id not in row.task_ids:
        return None
    row.used_at = now
    return Pending(text=row.text, source=row.source, sent_at=row.sent_at, task_ids=list(row.task_ids))


@dataclass(frozen=True, kw_only=True)
class DirectionTarget:
    """An open task a leader's direction (a reply to an escalation) is about, and who holds it."""

    task_id: int
    item_ref: str
    unit_name: str
    notice_title: str
    assignee_id: int | None
    assignee_name: str | None
    lead_unit_id: int | None = None


def direction_targets(session: Session, task_ids: Iterable[int]) -> list[DirectionTarget]:
    """The open tasks among `task_ids` (a replied message's), in their order."""
    found = []
    for task_id in task_ids:
        task = session.get(Task, task_id)
        if task is None or task.status in (TaskStatus.DONE, TaskStatus.CANCELLED):
            continue
        found.append(DirectionTarget(task_id=task.id, item_ref=task.item_ref, unit_name=task.lead_name,
                                     notice_title=notice_title(task.notice), assignee_id=task.assignee_id,
                                     assignee_name=task.assignee.full_name if task.assignee else None,
                                     lead_unit_id=task.lead_unit_id))
    return found


def heads_over_holders(session: Session, targets: Sequence[DirectionTarget], by: Person) -> list[tuple[Person, list[
        DirectionTarget]]]:
    """The heads of the lead units of tasks a direction goes to that someone else in the unit holds (a cadre, a
    deputy): each with those tasks — a leader's direction on a unit's work reaches its head too, who answers for it.
    Not the director, not a head who holds the task, not one Nhắc việc cannot reach."""
    out: dict[int, tuple[Person, list[DirectionTarget]]] = {}
    for t in targets:
        if t.assignee_id is None or t.lead_unit_id is None:
            continue
        head = head_of(session, t.lead_unit_id)
        if head is None or head.id in (t.assignee_id, by.id) or not head.channels:
            continue
        out.setdefault(head.id, (head, []))[1].append(t)
    return list(out.values())


def named_without_tasks(session: Session, text: str, task_ids: Iterable[int], by: Person) -> list[str]:
    """The directory units a direction names that hold no open task in the notices of `task_ids` (the tasks it
    is passed to): the leader is told they were not told ("Đề nghị Phòng Tư pháp phối hợp …" on an item of
    Phòng Kinh tế và Hạ tầng)."""
    tasks = [t for t in (session.get(Task, i) for i in task_ids) if t is not None]
    notice_ids = {t.notice_id for t in tasks}
    held = set(session.scalars(select(Task.lead_unit_id).where(
        Task.notice_id.in_(notice_ids), Task.status.in_(OPEN_STATUSES), Task.lead_unit_id.is_not(None))))
    said = f" {fold(text)} "
    named = {u.id: {w for w in ways_to_name(u.name) if f" {w} " in said}
             for u in session.scalars(select(Unit).order_by(Unit.id))}
    named = {i: ways for i, ways in named.items() if ways}
    units = session.scalars(select(Unit).where(Unit.id.in_(named), Unit.id.not_in(held), Unit.id != by.unit_id)
                            .order_by(Unit.id))
    # not a unit whose name is only part of another unit named ("huyện Lâm Hà" in "xã Đinh Văn Lâm Hà"), nor one
    # that takes no work (the leaders' own body: no head)
    return [u.name for u in units if head_of(session, u.id) is not None and not any(
        all(any(w in other and w != other for other in named[v]) for w in named[u.id]) for v in named if v != u.id)]


# the directing word a direction opens with, the unit it charges right after it: "Giao Phòng Tài chính - Kế hoạch tham
# mưu …", "Đề nghị Sở Xây dựng …" (folded)
_CHARGING = re.compile(r"^(?:kinh\s+)?(?:giao(?:\s+cho)?|de\s+nghi|yeu\s+cau|chi\s+dao)\s+")
# what follows a unit named as a partner, or as one of several: not work of its own
_NOT_ITS_OWN_WORK = re.compile(r"\s*(?:,|phoi\s+hop|va\b|cung\b|voi\b|hoac\b)")


def charged_elsewhere(session: Session, text: str, task_ids: Iterable[int], by: Person) -> list[tuple[str, Person]]:
    """The directory unit a direction charges by name right after its directing word, when that unit holds none of
    the tasks it is passed to — "Giao Phòng Tài chính - Kế hoạch tham mưu bố trí kinh phí …, phối hợp Phòng NN&MT
    thực hiện mục 2.1" on an item of Phòng NN&MT (probe 7, #36: only the item's holder heard of it) —, with its head,
    who is to be told: [(unit name, head)]; [] when it charges none, or one of those units."""
    folded = fold(text)
    if (opening := _CHARGING.match(folded)) is None:
        return []
    rest = f" {folded[opening.end():]} "
    units = list(session.scalars(select(Unit).order_by(Unit.id)))
    best: tuple[Unit, int] | None = None
    for unit in units:
        for way in ways_to_name(unit.name):
            if rest.startswith(f" {way} ") and (best is None or len(way) > best[1]):
                best = (unit, len(way))
    if best is not None and _NOT_ITS_OWN_WORK.match(rest[best[1] + 2:]):
        return []  # "Đề nghị Sở Tư pháp phối hợp …", "Chỉ đạo Sở Tư pháp và Sở X hoàn thành mục 4": a partner, or
        # one of several named on the item's holder's work (probe 10: said to the leader as not told)
    if best is None:  # the unit written short: "Giao Phòng TC-KH tham mưu …"
        start = len(opening.group(0).split())
        short = named_by_initials(" ".join(text.split()[start:start + 4]), [u.name for u in units])
        best = next(((u, 0) for u in units if short and u.name == short[0]), None)
    if best is None:
        return []
    unit = best[0]
    held = {t.lead_unit_id for t in (session.get(Task, i) for i in task_ids) if t is not None}
    head = head_of(session, unit.id)
    if unit.id in held or unit.id == by.unit_id or head is None or head.id == by.id or not head.channels:
        return []
    return [(unit.name, head)]


def directions_answered(session: Session, task_id: int, report_id: int) -> list[tuple[Person, dt.datetime]]:
    """Who gave a direction on the task that this report (`report_id`, just stored) is the first answer to: the
    directions since its holder's report before this one (not decisions on requests, not supporting units' notes),
    each director once, with the day of their latest direction (probe s43, #13: a xã's answer to the leader's
    direction was recorded and the leader never heard of it)."""
    before = session.scalar(select(StatusReport.created_at).where(
        StatusReport.task_id == task_id, StatusReport.id < report_id,
        StatusReport.source.not_in(NOT_HOLDERS_WORD)).order_by(StatusReport.id.desc()).limit(1))
    rows = session.execute(select(AuditLog.actor_id, func.max(AuditLog.at)).where(
        AuditLog.action == "task.direction", AuditLog.entity == "task", AuditLog.entity_id == task_id,
        AuditLog.actor_id.is_not(None), *([AuditLog.at > before] if before is not None else []))
        .group_by(AuditLog.actor_id))
    return [(person, at) for actor_id, at in rows if (person := session.get(Person, actor_id)) is not None]


def latest_directions(session: Session, task_ids: Collection[int]) -> dict[tuple[int, int], dt.datetime]:
    """(task, director) → when that person last gave a direction on the task (`record_direction`), for these tasks."""
    out: dict[tuple[int, int], dt.datetime] = {}
    for ids in chunks(sorted(task_ids)):
        out |= {(task_id, actor_id): at for task_id, actor_id, at in session.execute(
            select(AuditLog.entity_id, AuditLog.actor_id, func.max(AuditLog.at)).where(
                AuditLog.action == "task.direction", AuditLog.entity == "task", AuditLog.entity_id.in_(ids),
                AuditLog.actor_id.is_not(None)).group_by(AuditLog.entity_id, AuditLog.actor_id))
            if task_id is not None and actor_id is not None}
    return out


def record_direction(session: Session, task_ids: Iterable[int], *, by: Person, text: str,
                     now: dt.datetime) -> None:
    """A leader's direction on tasks, kept in their history (the audit log) as written."""
    for task_id in task_ids:
        audit(session, at=now, actor_id=by.id, action="task.direction", entity="task", entity_id=task_id,
              text=text[:2000])
