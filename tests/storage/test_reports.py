from __future__ import annotations

import datetime as dt

from scheduler.calendar import VN_TZ
from storage.db import Database
from storage.directory import import_directory, parse_directory_csv, person_by_handle
from storage.models import StatusReport, TaskStatus
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from storage.reports import unit_summary
from storage.tasks import StatusUpdate, record_status, status_history
from tests.conftest import DIRECTORY_CSV, local


def test_summary_counts_each_follow_up_category(migrated_db: Database) -> None:
    db = migrated_db
    at = local(2018, 3, 1, 9, 0)
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=at)
    admin = db.call(person_by_handle, "admin")
    head = db.call(person_by_handle, "head_bdv")
    lead = ("Ban Dân vận Tỉnh ủy",)
    tasks = (
        ParsedTask(ref="1", text="a", lead=lead, due=dt.date(2018, 3, 10)),  # done on time
        ParsedTask(ref="2", text="b", lead=lead, due=dt.date(2018, 3, 5)),  # done late
        ParsedTask(ref="3", text="c", lead=lead, due=dt.date(2018, 3, 31)),  # in progress
        ParsedTask(ref="4", text="d", lead=lead, due=dt.date(2018, 3, 6)),  # overdue
        ParsedTask(ref="5", text="e", lead=lead),  # no deadline
        ParsedTask(ref="6", text="f", lead=("Sở Xây dựng",), due=dt.date(2018, 3, 6)),  # unknown unit
    )
    draft = db.call(create_draft, ParsedNotice(tasks=tasks), source_text="t", source_name="", by=admin, now=at)
    result = db.call(confirm_notice, draft.notice_id, by=admin, now=at)
    assert result.unassigned == [("6", "Sở Xây dựng")]
    when = local(2018, 3, 8, 10, 0)
    db.call(record_status, task_id=1, actor=head, change=StatusUpdate(status=TaskStatus.DONE), source="text",
            now=when, today=when.date())
    rec = db.call(record_status, task_id=2, actor=head, change=StatusUpdate(status=TaskStatus.DONE),
                  source="text", now=when, today=when.date())
    assert rec.on_time is False
    db.call(record_status, task_id=3, actor=head, change=StatusUpdate(percent=50, note="đang làm"), source="reply",
            now=when, today=when.date())
    rows = {r.unit: r for r in db.call(unit_summary, today=dt.date(2018, 3, 8), tz=VN_TZ)}
    bdv = rows["Ban Dân vận Tỉnh ủy"]
    assert (bdv.done_on_time, bdv.done_late, bdv.in_progress, bdv.overdue, bdv.no_deadline) == (1, 1, 1, 1, 1)
    assert bdv.overdue_refs == ["4"]
    assert rows["Sở Xây dựng"].overdue == 1
    history: list[StatusReport] = db.call(status_history, 3)
    assert [(h.status, h.percent, h.note) for h in history] == [(TaskStatus.IN_PROGRESS, 50, "đang làm")]


def test_tasks_left_unassigned_are_assigned_after_a_directory_import(migrated_db: Database) -> None:
    from storage.models import Task
    from storage.notices import assign_unassigned

    db = migrated_db
    at = local(2018, 3, 1, 9, 0)
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=at)
    admin = db.call(person_by_handle, "admin")
    draft = db.call(create_draft, ParsedNotice(tasks=(ParsedTask(ref="1", text="a", lead=("Sở Xây dựng",)),)),
                    source_text="t", source_name="", by=admin, now=at)
    assert db.call(confirm_notice, draft.notice_id, by=admin, now=at).unassigned
    assert db.call(assign_unassigned, now=at) == []
    more = "handle,full_name,title,unit,role\nhead_sxd,Đỗ Văn Dựng,Giám đốc,Sở Xây dựng,head\n"
    db.call(import_directory, parse_directory_csv(more.encode()), now=at)
    assert db.call(assign_unassigned, now=at) == [("1", "Đỗ Văn Dựng")]
    assert db.call(lambda s: s.query(Task).filter(Task.assignee_id.is_not(None)).count()) == 1
    assert db.call(assign_unassigned, now=at) == [], "assigned once"
