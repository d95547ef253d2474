"""Reports: per unit, how many tasks are done on time, done late, in progress within
the deadline, overdue, or without a deadline — the government's follow-up categories."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Notice, NoticeStatus, Task, TaskStatus, Unit
from storage.notices import notice_title

NO_UNIT = "(Chưa xác định đơn vị)"


@dataclass(kw_only=True)
class UnitSummary:
    unit: str
    done_on_time: int = 0
    done_late: int = 0
    in_progress: int = 0  # within the deadline
    overdue: int = 0
    no_deadline: int = 0
    overdue_refs: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.done_on_time + self.done_late + self.in_progress + self.overdue + self.no_deadline


def classify(task: Task, today: dt.date, tz: ZoneInfo) -> str:
    if task.status == TaskStatus.DONE:
        if task.due_on is None or task.done_at is None:
            return "done_on_time"
        return "done_on_time" if task.done_at.astimezone(tz).date() <= task.due_on else "done_late"
    if task.due_on is None:
        return "no_deadline"
    return "overdue" if today > task.due_on else "in_progress"


def unit_summary(session: Session, *, today: dt.date, tz: ZoneInfo) -> list[UnitSummary]:
    rows = session.execute(
        select(Task, Unit.name)
        .join(Notice, Notice.id == Task.notice_id)
        .outerjoin(Unit, Unit.id == Task.lead_unit_id)
        .where(Notice.status == NoticeStatus.CONFIRMED, Task.status != TaskStatus.CANCELLED)
        .order_by(Task.id)
    ).all()
    by_unit: dict[str, UnitSummary] = {}
    for task, unit_name in rows:
        name = unit_name or (task.lead_unit_names[0] if task.lead_unit_names else NO_UNIT)
        summary = by_unit.setdefault(name, UnitSummary(unit=name))
        kind = classify(task, today, tz)
        setattr(summary, kind, getattr(summary, kind) + 1)
        if kind == "overdue":
            summary.overdue_refs.append(task.item_ref)
    return sorted(by_unit.values(), key=lambda s: s.unit)


CATEGORY_LABELS = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "in_progress": "Đang thực hiện trong hạn",
    "overdue": "Quá hạn",
    "no_deadline": "Không có thời hạn",
}


@dataclass(frozen=True, kw_only=True)
class TaskRow:
    unit: str
    notice: str
    item_ref: str
    text: str
    assignee: str
    due_on: dt.date | None
    status: str
    percent: int | None
    category: str
    updated_at: dt.datetime


def task_rows(session: Session, *, today: dt.date, tz: ZoneInfo) -> list[TaskRow]:
    """Every task of the confirmed notices, for the detailed sheet of the report."""
    rows = []
    tasks = session.scalars(
        select(Task).join(Notice, Notice.id == Task.notice_id)
        .where(Notice.status == NoticeStatus.CONFIRMED, Task.status != TaskStatus.CANCELLED)
        .order_by(Task.notice_id, Task.position))
    for task in tasks:
        unit = task.lead_unit.name if task.lead_unit else (task.lead_unit_names[0] if task.lead_unit_names else NO_UNIT)
        rows.append(TaskRow(unit=unit, notice=notice_title(task.notice), item_ref=task.item_ref, text=task.text,
                            assignee=task.assignee.full_name if task.assignee else "", due_on=task.due_on,
                            status=task.status, percent=task.percent, category=classify(task, today, tz),
                            updated_at=task.updated_at))
    return sorted(rows, key=lambda r: (r.unit, r.notice, r.item_ref))
