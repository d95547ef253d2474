"""Tasks: who may change them, status updates with full history, look-ups."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from storage.audit import audit
from storage.errors import ExtensionDecided, NotAllowed, TaskClosed, TaskNotFound
from storage.models import (
    Digest,
    Person,
    Role,
    StatusReport,
    Task,
    TaskMessage,
    TaskStatus,
)
from storage.notices import notice_title

log = logging.getLogger(__name__)


def may_change(person: Person, task: Task) -> bool:
    """The assignee, the head of the lead unit, or an admin."""
    if person.role == Role.ADMIN or task.assignee_id == person.id:
        return True
    return person.role == Role.HEAD and task.lead_unit_id is not None and person.unit_id == task.lead_unit_id


@dataclass(frozen=True, kw_only=True)
class StatusUpdate:
    status: TaskStatus | None = None  # None: a progress note that keeps the current status
    percent: int | None = None
    note: str | None = None
    requested_due_on: dt.date | None = None
    reopen: bool = False  # an explicit "mở lại": the only way to change a finished task


@dataclass(frozen=True, kw_only=True)
class Recorded:
    report_id: int
    task_id: int
    item_ref: str
    status: TaskStatus
    percent: int | None
    on_time: bool | None  # for DONE with a deadline: finished by it? (None: no deadline)
    due_on: dt.date | None = None


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
    if not may_change(actor, task):
        log.info("status change on task %s refused for %s", task_id, actor.handle)
        raise NotAllowed(actor.handle, f"change task {task_id}")
    current = TaskStatus(task.status)
    if current.is_closed and not change.reopen:
        raise TaskClosed(task.item_ref, current, task.done_at.date() if task.done_at else None)
    if change.reopen and not current.is_closed:
        raise TaskClosed(task.item_ref, current, None, reopening=True)
    status = change.status or (TaskStatus.IN_PROGRESS if current == TaskStatus.OPEN else current)
    percent = change.percent
    if status == TaskStatus.DONE:
        percent = 100
        task.done_at = task.done_at or now
    elif current == TaskStatus.DONE:
        task.done_at = None  # reopened: tomorrow's digest judges it again
    task.status = status
    if percent is not None:
        task.percent = percent
    task.updated_at = now
    task.last_report_at = now  # restarts the check-in count of a task without a deadline
    task.snoozed_until = None
    report = StatusReport(task_id=task.id, person_id=actor.id, created_at=now, status=status,
                          percent=percent, note=change.note, requested_due_on=change.requested_due_on,
                          source=source)
    session.add(report)
    session.flush()
    audit(session, at=now, actor_id=actor.id, action="task.status", entity="task", entity_id=task.id,
          status=status.value, percent=percent, source=source)
    log.info("task %s status %s (%s%%) by %s via %s", task.id, status, percent, actor.handle, source)
    on_time = None
    if status == TaskStatus.DONE and task.due_on is not None:
        on_time = today <= effective_deadline(task.due_on)
    return Recorded(report_id=report.id, task_id=task.id, item_ref=task.item_ref, status=status, percent=percent,
                    due_on=task.due_on,
                    on_time=on_time)


@dataclass(frozen=True, kw_only=True)
class MessageTarget:
    """The tasks a bot message is about: one (a task card, an acknowledgement), or a digest's several."""

    task_ids: tuple[int, ...]


def task_for_message(session: Session, *, chat_id: str, message_id: str) -> MessageTarget | None:
    """What a bot message is about: a task card or assignment, a status acknowledgement, or a digest."""
    card = session.scalar(select(TaskMessage.task_id).where(TaskMessage.chat_id == chat_id,
                                                             TaskMessage.message_id == message_id))
    if card is not None:
        return MessageTarget(task_ids=(card,))
    report = session.scalar(select(StatusReport.task_id).where(StatusReport.ack_chat_id == chat_id,
                                                                StatusReport.ack_message_id == message_id))
    if report is not None:
        return MessageTarget(task_ids=(report,))
    digest = session.scalar(select(Digest).where(Digest.chat_id == chat_id, Digest.message_id == message_id))
    if digest is not None:
        return MessageTarget(task_ids=tuple(dict.fromkeys(i["task_id"] for i in digest.items)))
    return None


def remember_task_message(session: Session, *, task_id: int, channel: str, chat_id: str, message_id: str,
                          now: dt.datetime) -> None:
    session.add(TaskMessage(task_id=task_id, channel=channel, chat_id=chat_id, message_id=message_id,
                            created_at=now))


def snooze(session: Session, *, task_id: int, actor: Person, until: dt.date, now: dt.datetime) -> Task:
    """"Nhắc lại sau": no reminder of this task before `until`, one on that day."""
    task = session.get(Task, task_id, with_for_update=True)
    if task is None:
        raise TaskNotFound(task_id)
    if not may_change(actor, task):
        raise NotAllowed(actor.handle, f"snooze task {task_id}")
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
        .order_by(Task.due_on.is_(None), Task.due_on, Task.id)
    ))


def tasks_by_ref(session: Session, person: Person, item_ref: str) -> list[Task]:
    return [t for t in open_tasks_for(session, person) if t.item_ref == item_ref]


def done_tasks_by_ref(session: Session, person: Person, item_ref: str) -> list[Task]:
    """Finished tasks of `person` with that item number (for "mở lại 2.1"), oldest first."""
    return list(session.scalars(select(Task).where(Task.assignee_id == person.id, Task.item_ref == item_ref,
                                                   Task.status == TaskStatus.DONE).order_by(Task.id)))


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


def extension_request(session: Session, report_id: int) -> ExtensionRequest:
    report = session.get_one(StatusReport, report_id)
    task = report.task
    return ExtensionRequest(report_id=report.id, task_id=task.id, item_ref=task.item_ref,
                            notice_title=notice_title(task.notice), requester_name=report.person.full_name,
                            requester_id=report.person_id, current_due=task.due_on,
                            requested_due=report.requested_due_on, note=report.note)


def pending_extensions(session: Session, item_ref: str | None = None) -> list[ExtensionRequest]:
    """Extension requests nobody has decided yet (of item `item_ref`, if given), oldest first."""
    query = (select(StatusReport.id).join(Task, Task.id == StatusReport.task_id)
             .where(StatusReport.status == TaskStatus.EXTENSION_REQUESTED, StatusReport.decision.is_(None))
             .order_by(StatusReport.id))
    if item_ref:
        query = query.where(Task.item_ref == item_ref)
    return [extension_request(session, report_id) for report_id in session.scalars(query)]


def approvers(session: Session) -> list[Person]:
    """Who decides on extensions: admins and leaders reachable in chat (on any channel)."""
    return list(session.scalars(select(Person).where(
        Person.role.in_([Role.ADMIN, Role.LEADER]),
        or_(Person.telegram_chat_id.is_not(None), Person.zalo_user_id.is_not(None))).order_by(Person.id)))


def decide_extension(session: Session, report_id: int, *, by: Person, approve: bool,
                     now: dt.datetime) -> ExtensionRequest:
    """Approve (the deadline moves, reminders are planned anew) or reject an extension request."""
    if by.role not in (Role.ADMIN, Role.LEADER):
        raise NotAllowed(by.handle, "decide an extension")
    report = session.get(StatusReport, report_id, with_for_update=True)
    if report is None or report.status != TaskStatus.EXTENSION_REQUESTED:
        raise TaskNotFound(report.task_id if report else 0)
    if report.decision is not None:
        raise ExtensionDecided(report_id, report.decision)
    task = report.task
    report.decision = "approved" if approve and report.requested_due_on else "rejected"
    report.decided_by_id, report.decided_at = by.id, now
    if report.decision == "approved":
        task.due_on = report.requested_due_on
        task.due_text = f"gia hạn đến {task.due_on:%d/%m/%Y}"
        task.status = TaskStatus.EXTENDED
        task.escalated = []  # a new deadline: the ladder starts again from it
    else:
        task.status = TaskStatus.IN_PROGRESS
    task.updated_at = now
    session.add(StatusReport(task_id=task.id, person_id=by.id, created_at=now, status=task.status,
                             percent=task.percent, note=f"extension {report.decision}", source="decision"))
    audit(session, at=now, actor_id=by.id, action=f"task.extension_{report.decision}", entity="task",
          entity_id=task.id, requested=str(report.requested_due_on))
    log.info("extension for task %s %s by %s", task.id, report.decision, by.handle)
    return extension_request(session, report_id)
