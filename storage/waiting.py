"""What waits on the office (the admins): a move request nobody decided yet ("không phải việc của đơn vị tôi … đề
nghị chuyển …"), an extension request nobody decided yet (probe 27: the admin had its buttons, never this list),
a question to the office not answered yet ("CÂU HỎI SỐ 1"), open tasks nobody holds ("chưa có người nhận").
Read for the admins' weekly "ĐANG CHỜ VĂN PHÒNG" section (scheduler/dispatcher.py); probe 24, F9:
in a month the office was never reminded of any of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from storage.models import OPEN_STATUSES, AuditLog, Notice, NoticeStatus, Person, Question, Role, Task, Unit
from storage.notices import notice_title, unheld_tasks
from storage.tasks import approvers, pending_extensions


@dataclass(frozen=True, kw_only=True)
class OfficeWaiting:
    """One thing the office has to do. `what`: "move" (`ref` the item, `unit` the unit holding it, `to` the unit
    asked for, "" when none was named), "extension" (`ref` the item, `unit` who asked and from where, `to` the date
    asked for, `text` who is to decide), "question" (`ref` its number, `unit` who asked and from where, `text` the
    question) or "nobody" (`ref` one notice's item numbers, `unit` the lead unit as written, `notice` and `title` that
    notice's number and title, for its short name); `since`: when it began to wait."""

    what: str
    ref: str
    unit: str
    since: dt.datetime
    to: str = ""
    text: str = ""
    notice: str = ""  # "nobody": the notice's number ("" when it has none)
    title: str = ""  # "nobody": the notice's title (`storage.notices.notice_title`)
    by: int | None = None  # "nobody": who brought the notice in (was shown these in its confirmation)


# what answers a move request: the task moved, or the request told closed (as storage.tasks reads it)
_MOVE_ANSWERED = ("task.move_lead", "task.transfer_closed")


def _moves(session: Session) -> list[OfficeWaiting]:
    answered = dict(session.execute(select(AuditLog.entity_id, func.max(AuditLog.id)).where(
        AuditLog.entity == "task", AuditLog.action.in_(_MOVE_ANSWERED)).group_by(AuditLog.entity_id)).all())
    latest: dict[int, AuditLog] = {}  # a task's latest request still waiting (asked again: the first day kept)
    first: dict[int, dt.datetime] = {}
    for row in session.scalars(select(AuditLog).where(AuditLog.entity == "task", AuditLog.action == "task.move_asked")
                               .order_by(AuditLog.id)):
        if row.entity_id is None or row.id < answered.get(row.entity_id, 0):
            continue
        latest[row.entity_id] = row
        first.setdefault(row.entity_id, row.at)
    if not latest:
        return []
    tasks = {t.id: t for t in session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id).where(
        Task.id.in_(sorted(latest)), Task.status.in_(OPEN_STATUSES), Notice.status == NoticeStatus.CONFIRMED)
        .options(selectinload(Task.lead_unit)))}
    return [OfficeWaiting(what="move", ref=tasks[task_id].item_ref, unit=tasks[task_id].lead_name,
                          to=str((row.detail or {}).get("unit") or ""), since=first[task_id])
            for task_id, row in latest.items() if task_id in tasks]


def _extensions(session: Session, today: dt.date | None) -> list[OfficeWaiting]:
    found = []
    for request in pending_extensions(session, today=today):
        deciders = [p for p in approvers(session, request.task_id, request.requester_id, today)
                    if p.id != request.requester_id]
        named = [f"đ/c {p.full_name}" for p in deciders if p.role != Role.ADMIN]
        office = any(p.role == Role.ADMIN for p in deciders)
        who = " hoặc ".join([", ".join(named)] + (["Văn phòng"] if office else [])) if named else "Văn phòng"
        found.append(OfficeWaiting(
            what="extension", ref=request.item_ref, since=request.asked_at or dt.datetime.min,
            unit=f"đ/c {request.requester_name}" + (f" ({request.unit_name})" if request.unit_name else ""),
            to=f"{request.requested_due:%d/%m/%Y}" if request.requested_due else "", text=who))
    return found


def _questions(session: Session) -> list[OfficeWaiting]:
    return [OfficeWaiting(what="question", ref=str(q.id), unit=f"đ/c {name}" + (f" ({unit})" if unit else ""),
                          text=q.text, since=q.asked_at)
            for q, name, unit in session.execute(
                select(Question, Person.full_name, Unit.name).join(Person, Person.id == Question.asker_id)
                .outerjoin(Unit, Unit.id == Person.unit_id).where(Question.answer.is_(None)).order_by(Question.id))]


def _nobody(session: Session) -> list[OfficeWaiting]:
    """`unheld_tasks` by notice, then by unit as written (as bot.conversation.delivery.held_by_nobody for /loi), with
    the day each unit's first such task of that notice was made: one number means another task in each notice."""
    rows: dict[tuple[int, str], tuple[list[str], dt.datetime, Notice]] = {}
    for task in unheld_tasks(session):
        refs, since, notice = rows.setdefault((task.notice_id, task.lead_name), ([], task.created_at, task.notice))
        refs.append(task.item_ref)
        rows[task.notice_id, task.lead_name] = (refs, min(since, task.created_at), notice)
    return [OfficeWaiting(what="nobody", ref=", ".join(refs), unit=unit, since=since, notice=notice.number or "",
                          title=notice_title(notice), by=notice.created_by_id)
            for (_, unit), (refs, since, notice) in rows.items()]


def waiting_on_office(session: Session, today: dt.date | None = None) -> list[OfficeWaiting]:
    """Everything waiting on the office now (`today`: whom an extension request waits on — a head on leave does not
    decide): the move requests, the extension requests, then the questions, then the tasks nobody holds; each kind
    oldest first."""
    return [*sorted(_moves(session), key=lambda w: w.since), *_extensions(session, today), *_questions(session),
            *_nobody(session)]
