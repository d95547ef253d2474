"""A "xong" sent again on a task already finished ("1.a xong, đã tổ chức hội nghị sáng nay" a week after "1.a đã
gửi giấy mời"): its note kept in the task's history, and its day recorded as the completion day when the earlier
finish was not said with a done word, or when the person names the day ("1.a hoàn thành ngày 23/04/2027", as
offered). Probe 38, F2: the true date and what happened were both lost."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.audit import audit
from storage.errors import TaskNotFound
from storage.models import Person, StatusReport, Task, TaskStatus
from storage.tasks import check_may_change

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DoneAgain:
    item_ref: str
    done_before: dt.datetime | None  # the completion recorded before
    done_at: dt.datetime | None  # the completion now (the same when kept)
    redated: bool


def done_again(session: Session, *, task_id: int, actor: Person, note: str, source: str, now: dt.datetime,
               today: dt.date, finished_at: dt.datetime | None, said_done: Callable[[str], bool]) -> DoneAgain:
    """Keep `note` in the finished task's history; move the completion day to `finished_at` (a day named) or, when
    the finish recorded was not said with a done word (`said_done` of its note), to when this one was sent."""
    task = session.get(Task, task_id, with_for_update=True)
    if task is None:
        raise TaskNotFound(task_id)
    check_may_change(session, actor, task, today, report=True)
    before = task.done_at
    last = session.scalar(select(StatusReport).where(StatusReport.task_id == task.id,
                                                     StatusReport.status == TaskStatus.DONE)
                          .order_by(StatusReport.id.desc()).limit(1))
    new = finished_at if finished_at is not None else \
        (now if last is not None and not said_done(last.note or "") else None)
    if new is not None and before is not None and new.date() == before.date():
        new = None
    if new is not None:
        task.done_at = new
        audit(session, at=now, actor_id=actor.id, action="task.done_redated", entity="task", entity_id=task.id,
              before=before.isoformat() if before else None, after=new.isoformat())
    task.updated_at = now
    session.add(StatusReport(task_id=task.id, person_id=actor.id, created_at=now, status=TaskStatus.DONE,
                             percent=100, note=note, source=source))
    log.info("task %s: done again by %s%s", task.id, actor.handle, f", completion moved to {new}" if new else "")
    return DoneAgain(item_ref=task.item_ref, done_before=before, done_at=task.done_at, redated=new is not None)
