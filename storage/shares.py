"""The units' shares of one item (an item held by several lead units is one task row per unit) and a deadline moved
on a share nobody asked to extend: a leader's "đồng ý gia hạn 2.c đến 15/6" typed with no request waiting moves every
share, and "… cho Cục X đến 15/6" moves that unit's. A grant answering one unit's request moves that unit's share only,
and the decider is told which shares keep their date (`other_shares`) — probe 38, finding 1: the other unit's share
went overdue and was escalated to the very leader who thought he had moved it."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from storage.audit import audit
from storage.models import Notice, NoticeStatus, Person, StatusReport, Task, TaskStatus
from storage.notices import notice_title
from storage.tasks import decision_note, may_decide, read_in_notices, supports
from storage.unitnames import mentions

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Share:
    """One unit's row of an item."""

    task_id: int
    item_ref: str
    unit_name: str
    due_on: dt.date | None  # its deadline (`move_shares`: the one it had before)
    notice_title: str
    holder_id: int | None  # who holds it (its assignee)


def _share(task: Task) -> Share:
    return Share(task_id=task.id, item_ref=task.item_ref, unit_name=task.lead_name, due_on=task.due_on,
                 notice_title=notice_title(task.notice), holder_id=task.assignee_id)


def _waiting(session: Session, task_id: int) -> bool:
    return session.scalar(select(StatusReport.id).where(StatusReport.task_id == task_id,
                                                        StatusReport.decision == "pending").limit(1)) is not None


def _asked_ever(session: Session, task_id: int) -> bool:
    return session.scalar(select(StatusReport.id).where(StatusReport.task_id == task_id,
                                                        StatusReport.status == TaskStatus.EXTENSION_REQUESTED)
                          .limit(1)) is not None


def other_shares(session: Session, task_id: int) -> list[Share]:
    """The other open shares of the task's item (same notice, same number) with no request waiting: those a decision
    on this task's request leaves at their own date."""
    task = session.get_one(Task, task_id)
    rows = session.scalars(select(Task).where(Task.notice_id == task.notice_id, Task.item_ref == task.item_ref,
                                              Task.id != task.id).order_by(Task.id))
    return [_share(t) for t in rows if not TaskStatus(t.status).is_closed and not _waiting(session, t.id)]


def unasked_shares(session: Session, item_ref: str, person: Person, text: str) -> list[Share]:
    """The shares a grant typed with a date moves although no request waits on them: the units `text` names (with no
    request waiting), else — when no unit of the item ever asked — every open share. Only of one notice, only those
    `person` may decide; [] otherwise (the decision is read as before)."""
    tasks = read_in_notices(session, session.scalars(
        select(Task).join(Notice, Notice.id == Task.notice_id).where(Notice.status == NoticeStatus.CONFIRMED)
        .order_by(Task.id)), item_ref, lambda t: t.item_ref, lambda t: t.notice_id)
    if len({(t.notice_id, t.item_ref) for t in tasks}) != 1:
        return []
    open_ = [t for t in tasks if not TaskStatus(t.status).is_closed]
    named = [t for t in open_ if mentions(text, t.lead_name, t.assignee.full_name if t.assignee else None)]
    if named:
        chosen = [t for t in named if not _waiting(session, t.id)]
    elif any(_asked_ever(session, t.id) for t in tasks):
        return []
    else:
        chosen = open_
    if not chosen or not all(may_decide(session, person, t) for t in chosen):
        return []
    return [_share(t) for t in chosen]


def move_shares(session: Session, task_ids: list[int], *, by: Person, until: dt.date, now: dt.datetime) -> list[Share]:
    """The deadline of each share moved to `until` by `by` (no request answered): the task's history keeps the
    decision, the escalation ladder starts again from the new date."""
    moved = []
    for task_id in task_ids:
        task = session.get_one(Task, task_id, with_for_update=True)
        before = task.due_on
        moved.append(_share(task))
        task.due_on, task.due_text = until, f"gia hạn đến {until:%d/%m/%Y}"
        task.status = TaskStatus.EXTENDED
        task.escalated = []
        task.updated_at = now
        session.add(StatusReport(task_id=task.id, person_id=by.id, created_at=now, status=task.status,
                                 percent=task.percent, source="decision",
                                 note=decision_note(True, until, None, by.full_name)))
        audit(session, at=now, actor_id=by.id, action="task.extension_approved", entity="task", entity_id=task.id,
              requested=None, granted=str(until), before=str(before) if before else None)
        log.info("deadline of task %s moved to %s by %s (no request)", task.id, until, by.handle)
    return moved


def supported_item_tasks(session: Session, person: Person, item_ref: str) -> list[Task]:
    """The tasks numbered `item_ref` (not withdrawn, of confirmed notices) that the person's unit supports: a
    supporting head's "mục 2.a Vụ Pháp chế chủ trì hay chỉ phối hợp?" where her unit leads nothing in that notice
    (probe 38, F3)."""
    tasks = read_in_notices(session, session.scalars(
        select(Task).join(Notice, Notice.id == Task.notice_id)
        .options(selectinload(Task.lead_unit), selectinload(Task.assignee), selectinload(Task.notice))
        .where(Notice.status == NoticeStatus.CONFIRMED, Task.status != TaskStatus.CANCELLED)
        .order_by(Task.notice_id, Task.position, Task.id)), item_ref, lambda t: t.item_ref, lambda t: t.notice_id)
    return [t for t in tasks if supports(session, person, t)]
