from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from scheduler.calendar import VN_TZ
from storage.db import Database
from storage.directory import import_directory, parse_directory_csv, person_by_handle
from storage.models import StatusReport, Task, TaskOccurrence, TaskStatus
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from storage.reports import (
    FilterNotUnderstood,
    ReportFilter,
    build_report,
    classify,
    notice_number_matches,
    parse_filter,
    task_rows,
    unit_summary,
    weekly_digest,
)
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
    db.call(record_status, task_id=5, actor=head, change=StatusUpdate(status=TaskStatus.DONE), source="text",
            now=when, today=when.date())
    rows = {r.unit: r for r in db.call(unit_summary, today=dt.date(2018, 3, 8), tz=VN_TZ)}
    bdv = rows["Ban Dân vận Tỉnh ủy"]
    # a task without a deadline, done, counts under "không có thời hạn", never "hoàn thành đúng hạn"
    assert (bdv.done_on_time, bdv.done_late, bdv.in_progress, bdv.overdue, bdv.no_deadline) == (1, 1, 1, 1, 1)
    assert bdv.no_deadline_done == 1
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
    assert [(a.item_ref, a.name) for a in db.call(assign_unassigned, now=at)] == [("1", "Đỗ Văn Dựng")]
    assert db.call(lambda s: s.query(Task).filter(Task.assignee_id.is_not(None)).count()) == 1
    assert db.call(assign_unassigned, now=at) == [], "assigned once"


# ---------------------------------------------------------------- filters, rows, digest on a known dataset

TODAY = dt.date(2026, 4, 2)
BDV, TNMT = "Ban Dân vận Tỉnh ủy", "Sở Tài nguyên và Môi trường"


def seed_report_data(db: Database) -> None:
    """Two notices, eight tasks, one of each category (see the comments), as of 02/04/2026."""
    at = local(2026, 3, 5, 9, 0)
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=at)
    admin = db.call(person_by_handle, "admin")
    head = db.call(person_by_handle, "head_bdv")
    head_tnmt = db.call(person_by_handle, "head_stnmt")
    a = ParsedNotice(kind="thông báo", number="45/TB-UBND", date=dt.date(2026, 3, 5), tasks=(
        ParsedTask(ref="1", text="Báo cáo kết quả dân vận khéo", lead=(BDV,), due=dt.date(2026, 3, 20)),
        ParsedTask(ref="2", text="Tổng kết phong trào", lead=(BDV,), due=dt.date(2026, 3, 10)),
        ParsedTask(ref="3", text="Rà soát quy hoạch sử dụng đất", lead=("Sở TN&MT",), support=("Sở Tài chính",
                   "Sở Xây dựng"), due=dt.date(2026, 4, 30)),
        ParsedTask(ref="4", text="Kiểm tra bãi rác", lead=("Sở TN&MT",), due=dt.date(2026, 3, 27)),
        ParsedTask(ref="5", text="Khảo sát dư luận", lead=(BDV,)),  # (a one-off: "theo dõi" would go on, probe 24)
        ParsedTask(ref="6", text="Nắm tình hình cơ sở", lead=(BDV,), support=("Sở Tài chính",)),
    ))
    b = ParsedNotice(kind="thông báo", number="12/TB-VPTU", date=dt.date(2026, 1, 10), tasks=(
        ParsedTask(ref="1", text="Cắm mốc hành lang", lead=(TNMT,), due=dt.date(2026, 2, 28)),
        ParsedTask(ref="2", text="Sơ kết quý I", lead=(BDV,), due=dt.date(2026, 3, 31)),
    ))
    for i, parsed in enumerate((a, b)):
        draft = db.call(create_draft, parsed, source_text=f"notice {i}", source_name="", by=admin, now=at)
        db.call(confirm_notice, draft.notice_id, by=admin, now=at)

    def report(task_id: int, who, when: dt.datetime, **change) -> None:  # type: ignore[no-untyped-def]
        db.call(record_status, task_id=task_id, actor=who, change=StatusUpdate(**change), source="text", now=when,
                today=when.date())

    report(1, head, local(2026, 3, 18, 10, 0), status=TaskStatus.DONE, note="đã gửi báo cáo")  # done on time
    report(2, head, local(2026, 3, 12, 10, 0), status=TaskStatus.DONE)  # done late
    report(3, head_tnmt, local(2026, 3, 20, 10, 0), percent=60, note="đang khảo sát")  # in progress
    report(3, head_tnmt, local(2026, 3, 31, 10, 0), status=TaskStatus.EXTENSION_REQUESTED,
           requested_due_on=dt.date(2026, 5, 31), note="xin gia hạn vì chờ ý kiến Sở Tài chính")
    # 4: overdue since 28/03 (newly overdue in the week to 02/04); 5: no deadline, done; 6: no deadline, open
    report(5, head, local(2026, 3, 30, 15, 0), status=TaskStatus.DONE)
    # b.1: overdue since March (not new this week); b.2: overdue since 01/04 (new this week)


def test_categories_of_a_known_dataset(migrated_db: Database) -> None:
    seed_report_data(migrated_db)
    rows = {r.unit: r for r in migrated_db.call(unit_summary, today=TODAY, tz=VN_TZ)}
    bdv, tnmt = rows[BDV], rows[TNMT]
    assert (bdv.done_on_time, bdv.done_late, bdv.in_progress, bdv.overdue, bdv.no_deadline) == (1, 1, 0, 1, 2)
    assert bdv.no_deadline_done == 1 and bdv.overdue_refs == ["2"] and bdv.total == 5
    assert (tnmt.done_on_time, tnmt.done_late, tnmt.in_progress, tnmt.overdue, tnmt.no_deadline) == (0, 0, 1, 2, 0)
    assert list(rows) == [BDV, TNMT]


@pytest.mark.parametrize(("filt", "expected"), [
    (ReportFilter(), {("45/TB-UBND", r) for r in "123456"} | {("12/TB-VPTU", "1"), ("12/TB-VPTU", "2")}),
    (ReportFilter(notice="45/TB-UBND"), {("45/TB-UBND", r) for r in "123456"}),
    (ReportFilter(notice="45/tb ubnd"), {("45/TB-UBND", r) for r in "123456"}),
    (ReportFilter(notice="12"), {("12/TB-VPTU", "1"), ("12/TB-VPTU", "2")}),
    (ReportFilter(notice="46/TB-UBND"), set()),
    (ReportFilter(unit="tài nguyên"), {("45/TB-UBND", "3"), ("45/TB-UBND", "4"), ("12/TB-VPTU", "1")}),
    (ReportFilter(unit="Sở TN&MT"), {("45/TB-UBND", "3"), ("45/TB-UBND", "4"), ("12/TB-VPTU", "1")}),
    (ReportFilter(unit="Sở Tài nguyen va Moi truong", notice="12"), {("12/TB-VPTU", "1")}),
    (ReportFilter(unit="Sở Giáo dục"), set()),
    # March: notice 45 (dated 05/03) whole, b.2 whose deadline is 31/03, and b.1 (dated January, due 28/02),
    # overdue and still open all March
    (ReportFilter(date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 31)),
     {("45/TB-UBND", r) for r in "123456"} | {("12/TB-VPTU", "1"), ("12/TB-VPTU", "2")}),
    # February: only b.1's deadline
    (ReportFilter(date_from=dt.date(2026, 2, 1), date_to=dt.date(2026, 2, 28)), {("12/TB-VPTU", "1")}),
    # from April: 45.3 due 30/04, and what is overdue and open (45.4, b.1, b.2); not what was finished in March
    (ReportFilter(date_from=dt.date(2026, 4, 1)),
     {("45/TB-UBND", "3"), ("45/TB-UBND", "4"), ("12/TB-VPTU", "1"), ("12/TB-VPTU", "2")}),
])
def test_filters(migrated_db: Database, filt: ReportFilter, expected: set[tuple[str, str]]) -> None:
    seed_report_data(migrated_db)
    rows = migrated_db.call(task_rows, today=TODAY, tz=VN_TZ, filt=filt)
    assert {(r.notice_number, r.item_ref) for r in rows} == expected
    assert sum(u.total for u in migrated_db.call(unit_summary, today=TODAY, tz=VN_TZ, filt=filt)) == len(expected)


def test_unit_id_filter_is_exactly_one_unit(migrated_db: Database) -> None:
    seed_report_data(migrated_db)
    head = migrated_db.call(person_by_handle, "head_bdv")
    report = migrated_db.call(build_report, today=TODAY, tz=VN_TZ, filt=ReportFilter(unit_id=head.unit_id))
    assert [u.unit for u in report.units] == [BDV]
    assert [(r.notice_number, r.item_ref) for r in report.tasks] == [
        ("12/TB-VPTU", "2"), ("45/TB-UBND", "1"), ("45/TB-UBND", "2"), ("45/TB-UBND", "5"), ("45/TB-UBND", "6")]


def test_task_rows_carry_what_the_detail_sheet_shows(migrated_db: Database) -> None:
    seed_report_data(migrated_db)
    rows = {(r.notice_number, r.item_ref): r
            for r in migrated_db.call(task_rows, today=TODAY, tz=VN_TZ)}
    first = rows[("45/TB-UBND", "1")]
    assert (first.unit, first.done_on, first.category, first.latest_note, first.latest_note_on) == (
        BDV, dt.date(2026, 3, 18), "done_on_time", "đã gửi báo cáo", dt.date(2026, 3, 18))
    assert first.notice == "Thông báo số 45/TB-UBND ngày 05/03/2026" and first.notice_date == dt.date(2026, 3, 5)
    third = rows[("45/TB-UBND", "3")]
    assert third.unit == TNMT and third.support == "Sở Tài chính; Sở Xây dựng"
    assert third.latest_note == "xin gia hạn vì chờ ý kiến Sở Tài chính", "the latest note, not the first"
    assert (third.status, third.percent, third.category, third.done_on) == (
        TaskStatus.EXTENSION_REQUESTED, 60, "in_progress", None)
    assert rows[("45/TB-UBND", "2")].category == "done_late"
    assert rows[("45/TB-UBND", "2")].latest_note is None
    assert rows[("45/TB-UBND", "5")].category == "no_deadline" and rows[("45/TB-UBND", "5")].done_on is not None
    assert rows[("12/TB-VPTU", "1")].category == "overdue"


def test_weekly_digest(migrated_db: Database) -> None:
    seed_report_data(migrated_db)
    digest = migrated_db.call(weekly_digest, today=TODAY, tz=VN_TZ)
    assert (digest.since, digest.until) == (dt.date(2026, 3, 27), TODAY)
    assert [(d.item_ref, d.done_on) for d in digest.done] == [("5", dt.date(2026, 3, 30))]
    assert [(d.notice, d.item_ref) for d in digest.newly_overdue] == [
        ("Thông báo số 45/TB-UBND ngày 05/03/2026", "4"), ("Thông báo số 12/TB-VPTU ngày 10/01/2026", "2")]
    # said with the deadline they are overdue from, as the old ones are (a holiday-run deadline, with a calendar)
    assert all(d.effective_due is not None and d.effective_due == d.due_on for d in digest.newly_overdue)
    # b.1, overdue since 01/03: named, with the deadline it is overdue from
    assert [(d.item_ref, d.unit, d.effective_due) for d in digest.still_overdue] == [("1", TNMT, dt.date(2026, 2, 28))]
    assert [(p.item_ref, p.requester, p.requested_due) for p in digest.pending] == [
        ("3", "Trần Văn Môi", dt.date(2026, 5, 31))]
    # the window ending 20/03: 45.1 was done on 18/03; 45.2 on 12/03 (outside); nothing became overdue
    earlier = migrated_db.call(weekly_digest, today=dt.date(2026, 3, 20), tz=VN_TZ)
    assert [d.item_ref for d in earlier.done] == ["1"]
    assert [d.item_ref for d in earlier.newly_overdue] == []


# ---------------------------------------------------------------- the filter as typed (pure)

NOW = dt.date(2026, 11, 29)


@pytest.mark.parametrize(("typed", "notice", "unit", "span", "period"), [
    ("", None, None, None, None),
    ("tháng 3", None, None, ("2026-03-01", "2026-03-31"), "tháng 3/2026"),
    ("Tháng 03/2025", None, None, ("2025-03-01", "2025-03-31"), "tháng 3/2025"),
    ("thang 2 nam 2024", None, None, ("2024-02-01", "2024-02-29"), "tháng 2/2024"),
    ("tháng 12", None, None, ("2026-12-01", "2026-12-31"), "tháng 12/2026"),
    ("quý 1", None, None, ("2026-01-01", "2026-03-31"), "quý I/2026"),
    ("quý IV/2025", None, None, ("2025-10-01", "2025-12-31"), "quý IV/2025"),
    ("quý II năm 2026", None, None, ("2026-04-01", "2026-06-30"), "quý II/2026"),
    ("năm 2025", None, None, ("2025-01-01", "2025-12-31"), "năm 2025"),
    ("tháng này", None, None, ("2026-11-01", "2026-11-30"), "tháng 11/2026"),
    ("tháng trước", None, None, ("2026-10-01", "2026-10-31"), "tháng 10/2026"),
    ("quý trước", None, None, ("2026-07-01", "2026-09-30"), "quý III/2026"),
    ("từ 1/3 đến 15/3/2026", None, None, ("2026-03-01", "2026-03-15"), "từ 01/03/2026 đến 15/03/2026"),
    ("1/3-15/3", None, None, ("2026-03-01", "2026-03-15"), "từ 01/03/2026 đến 15/03/2026"),
    ("45/TB-UBND", "45/TB-UBND", None, None, None),
    ("số 45/TB-UBND", "45/TB-UBND", None, None, None),
    ("thông báo 12 / TB-VPTU", "12/TB-VPTU", None, None, None),
    ("462-KL/TU", "462-KL/TU", None, None, None),
    ("số 45", "45", None, None, None),
    ("thông báo số 45 tháng 3", "45", None, ("2026-03-01", "2026-03-31"), "tháng 3/2026"),
    ("Sở Tài chính 45/TB-UBND", "45/TB-UBND", "Sở Tài chính", None, None),
    ("Sở Tài chính", None, "Sở Tài chính", None, None),
    ("đơn vị Ban Dân vận Tỉnh ủy", None, "Ban Dân vận Tỉnh ủy", None, None),
    ("Sở Tài chính tháng 3", None, "Sở Tài chính", ("2026-03-01", "2026-03-31"), "tháng 3/2026"),
    ("45/TB-UBND Sở Tài chính quý 1", "45/TB-UBND", "Sở Tài chính", ("2026-01-01", "2026-03-31"), "quý I/2026"),
])
def test_parse_filter(typed: str, notice: str | None, unit: str | None, span: tuple[str, str] | None,
                      period: str | None) -> None:
    filt = parse_filter(typed, NOW)
    got_span = (filt.date_from.isoformat(), filt.date_to.isoformat()) if filt.date_from and filt.date_to else None
    assert (filt.notice, filt.unit, got_span, filt.period) == (notice, unit, span, period)
    assert filt.is_empty == (typed == "")


def test_a_month_far_ahead_means_last_year() -> None:
    assert parse_filter("tháng 12", dt.date(2027, 1, 15)).date_from == dt.date(2026, 12, 1)
    assert parse_filter("quý IV", dt.date(2027, 2, 1)).date_from == dt.date(2026, 10, 1)
    assert parse_filter("tháng 3", dt.date(2027, 1, 15)).date_from == dt.date(2027, 3, 1)


@pytest.mark.parametrize("typed", ["tháng 13", "tháng 0", "từ 31/2 đến 5/3", "từ 15/3 đến 1/3"])
def test_impossible_periods_are_refused(typed: str) -> None:
    with pytest.raises(FilterNotUnderstood):
        parse_filter(typed, NOW)


@pytest.mark.parametrize(("typed", "number", "match"), [
    ("45/TB-UBND", "45/TB-UBND", True),
    ("45/tb-ubnd", "45/TB-UBND", True),
    ("45 TB UBND", "45/TB-UBND", True),
    ("số 45/TB-UBND", "45/TB-UBND", True),
    ("45", "45/TB-UBND", True),
    ("045", "45/TB-UBND", True),
    ("4", "45/TB-UBND", False),
    ("45/TB", "45/TB-UBND", True),
    ("45/QD", "45/QĐ-UBND", True),
    ("45/2026", "45/2026/QĐ-UBND", True),
    ("462", "462-KL/TU", True),
    ("462-kl/tu", "462-KL/TU", True),
    ("45/202", "45/2026/QĐ-UBND", False),
    ("46/TB-UBND", "45/TB-UBND", False),
    ("45/TB-UBND", None, False),
    ("", "45/TB-UBND", False),
])
def test_notice_numbers_match_loosely(typed: str, number: str | None, match: bool) -> None:
    assert notice_number_matches(typed, number) is match


def test_a_deadline_on_a_day_off_runs_to_the_next_working_day() -> None:
    """Civil Code art. 148, as the scheduler's calendar reads it: due Saturday 28/03/2026, done or
    looked at on Monday 30/03, is on time / within the deadline; as written it would be late."""
    from scheduler.calendar import WorkingCalendar

    calendar = WorkingCalendar()
    saturday, monday = dt.date(2026, 3, 28), dt.date(2026, 3, 30)
    done = Task(due_on=saturday, status=TaskStatus.DONE, done_at=local(2026, 3, 30, 16, 0))
    open_task = Task(due_on=saturday, status=TaskStatus.IN_PROGRESS)
    assert classify(done, monday, VN_TZ, calendar) == "done_on_time"
    assert classify(done, monday, VN_TZ) == "done_late"
    assert classify(open_task, monday, VN_TZ, calendar) == "in_progress"
    assert classify(open_task, monday + dt.timedelta(days=1), VN_TZ, calendar) == "overdue"
    assert classify(open_task, monday, VN_TZ) == "overdue"
    assert classify(Task(due_on=None, status=TaskStatus.DONE, done_at=local(2026, 3, 30, 16, 0)), monday,
                    VN_TZ, calendar) == "no_deadline"


def test_a_round_of_a_recurring_duty_finished_in_the_week_is_in_the_weekly_digest(migrated_db: Database) -> None:
    seed_report_data(migrated_db)

    def make_recurring(session: Session) -> None:
        task = session.scalars(select(Task).where(Task.item_ref == "6")).first()
        assert task is not None and task.status != TaskStatus.DONE
        task.recurrence = "monthly"
        done = dt.datetime(2026, 3, 28, 10, 0, tzinfo=VN_TZ)
        session.add_all([
            TaskOccurrence(task_id=task.id, label="tháng 3/2026", period_start=dt.date(2026, 3, 1),
                           period_end=dt.date(2026, 3, 31), due_on=dt.date(2026, 3, 27), done_at=done, on_time=False),
            TaskOccurrence(task_id=task.id, label="tháng 2/2026", period_start=dt.date(2026, 2, 1),
                           period_end=dt.date(2026, 2, 28), due_on=dt.date(2026, 2, 27),
                           done_at=dt.datetime(2026, 2, 20, 9, 0, tzinfo=VN_TZ), on_time=True)])

    migrated_db.call(make_recurring)
    digest = migrated_db.call(weekly_digest, today=TODAY, tz=VN_TZ)
    rounds = [d for d in digest.done if d.item_ref == "6"]
    assert [(d.text.split(":")[0], d.done_on, d.on_time) for d in rounds] == [
        ("kỳ tháng 3/2026", dt.date(2026, 3, 28), False)]  # February's round was finished before the week


# ---------------------------------------------------------------- a month's report (probe 9, finding 3)

def seed_may_data(db: Database) -> None:
    """A notice of 10/04/2026 whose tasks are due "trong tháng 4" — 30/04, a holiday, run to Monday 04/05 — and
    one due in June; their fates in May and June (see the comments)."""
    at = local(2026, 4, 10, 9, 0)
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=at)
    admin = db.call(person_by_handle, "admin")
    head = db.call(person_by_handle, "head_bdv")
    april = dt.date(2026, 4, 30)
    notice = ParsedNotice(kind="thông báo", number="76/TB-UBND", date=dt.date(2026, 4, 10), tasks=(
        ParsedTask(ref="1", text="Hoàn thiện hồ sơ quy hoạch", lead=(BDV,), due=april),  # open: overdue all May
        ParsedTask(ref="2", text="Rà soát hiện trạng", lead=(BDV,), due=april),  # finished late on 08/05
        ParsedTask(ref="3", text="Lấy ý kiến cộng đồng", lead=(BDV,), due=april),  # finished 04/05: on time
        ParsedTask(ref="4", text="Báo cáo nhanh", lead=(BDV,), due=dt.date(2026, 4, 15)),  # finished 14/04
        ParsedTask(ref="5", text="Theo dõi chung", lead=(BDV,)),  # no deadline, open
        ParsedTask(ref="6", text="Tổng kết", lead=(BDV,), due=dt.date(2026, 6, 15)),  # due in June, open
        ParsedTask(ref="7", text="Rà soát đợt 2", lead=(BDV,), due=april),  # finished 02/06: late, after May
    ))
    draft = db.call(create_draft, notice, source_text="notice 76", source_name="", by=admin, now=at)
    db.call(confirm_notice, draft.notice_id, by=admin, now=at)
    for task_id, when in ((2, local(2026, 5, 8, 10, 0)), (3, local(2026, 5, 4, 16, 0)), (4, local(2026, 4, 14, 9, 0)),
                          (7, local(2026, 6, 2, 9, 0))):
        db.call(record_status, task_id=task_id, actor=head, change=StatusUpdate(status=TaskStatus.DONE),
                source="text", now=when, today=when.date())


@pytest.mark.parametrize(("span", "today", "expected"), [
    # May: 1 overdue all month, 2 finished late in May, 3 due (run to 04/05) and finished in May, 7 overdue all
    # May (finished late in June: a past period as it stood at its end); not 4 (finished in April), 5 (no
    # deadline) or 6 (due in June)
    ((dt.date(2026, 5, 1), dt.date(2026, 5, 31)), dt.date(2026, 6, 5),
     {"1": "overdue", "2": "done_late", "3": "done_on_time", "7": "overdue"}),
    # June: 1 still overdue, 6 due, 7 finished in June
    ((dt.date(2026, 6, 1), dt.date(2026, 6, 30)), dt.date(2026, 6, 5),
     {"1": "overdue", "6": "in_progress", "7": "done_late"}),
    # 1–4 May: overdue only from 05/05 (the day after 04/05): the deadline itself is in the range; on 04/05 only 3
    # was finished, the others were still within their deadline
    ((dt.date(2026, 5, 1), dt.date(2026, 5, 4)), dt.date(2026, 6, 5),
     {"1": "in_progress", "2": "in_progress", "3": "done_on_time", "7": "in_progress"}),
    # March: nothing yet (the notice is of April)
    ((dt.date(2026, 3, 1), dt.date(2026, 3, 31)), dt.date(2026, 6, 5), {}),
])
def test_a_months_report_holds_every_task_open_or_finished_in_it(
        migrated_db: Database, span: tuple[dt.date, dt.date], today: dt.date, expected: dict[str, str]) -> None:
    from scheduler.calendar import WorkingCalendar

    seed_may_data(migrated_db)
    filt = ReportFilter(date_from=span[0], date_to=span[1])
    report = migrated_db.call(build_report, today=today, tz=VN_TZ, filt=filt, rule=WorkingCalendar())
    assert {r.item_ref: r.category for r in report.tasks} == expected
    total = sum((u.total for u in report.units), 0)
    overdue = sum((u.overdue for u in report.units), 0)
    assert (total, overdue) == (len(expected), list(expected.values()).count("overdue")), "the totals agree"


@pytest.mark.parametrize(("span", "today", "standing"), [
    ((dt.date(2026, 5, 1), dt.date(2026, 5, 31)), dt.date(2026, 6, 5), [("Ban Dân vận Tỉnh ủy", "5")]),
    ((dt.date(2026, 6, 1), dt.date(2026, 6, 30)), dt.date(2026, 6, 5), [("Ban Dân vận Tỉnh ủy", "5")]),
    # April: the notice is dated in it, so item 5 is in April's figures (no deadline), not said again
    ((dt.date(2026, 4, 1), dt.date(2026, 4, 30)), dt.date(2026, 6, 5), []),
    # March: the notice was not out yet
    ((dt.date(2026, 3, 1), dt.date(2026, 3, 31)), dt.date(2026, 6, 5), []),
])
def test_a_months_report_names_the_open_standing_duties_its_figures_leave_out(
        migrated_db: Database, span: tuple[dt.date, dt.date], today: dt.date, standing: list[tuple[str, str]]) -> None:
    """Item 5 has no deadline and stays open: a month's figures leave it out (probe 9), the report names it."""
    from scheduler.calendar import WorkingCalendar

    seed_may_data(migrated_db)
    filt = ReportFilter(date_from=span[0], date_to=span[1])
    report = migrated_db.call(build_report, today=today, tz=VN_TZ, filt=filt, rule=WorkingCalendar())
    assert report.standing == standing
    assert "5" not in {r.item_ref for r in report.tasks} or not standing
    assert migrated_db.call(build_report, today=today, tz=VN_TZ, filt=None).standing == [], "no period: all counted"


def test_a_standing_duty_finished_by_the_periods_end_is_not_named(migrated_db: Database) -> None:
    seed_may_data(migrated_db)
    head = migrated_db.call(person_by_handle, "head_bdv")
    for _ in range(2):  # ("Theo dõi chung" goes on: a first "xong" asks whether all of it is done, probe 24 #12)
        migrated_db.call(record_status, task_id=5, actor=head, change=StatusUpdate(status=TaskStatus.DONE),
                         source="text", now=local(2026, 5, 20, 9, 0), today=dt.date(2026, 5, 20))
    june = ReportFilter(date_from=dt.date(2026, 6, 1), date_to=dt.date(2026, 6, 30))
    assert migrated_db.call(build_report, today=dt.date(2026, 6, 5), tz=VN_TZ, filt=june).standing == []
    april = ReportFilter(date_from=dt.date(2026, 4, 11), date_to=dt.date(2026, 4, 30))  # as it stood on 30/04: open
    report = migrated_db.call(build_report, today=dt.date(2026, 6, 5), tz=VN_TZ, filt=april)
    assert report.standing == [("Ban Dân vận Tỉnh ủy", "5")]
    # the Excel file's rows of them: as it stood on 30/04 (finished only on 20/05)
    assert [(r.item_ref, r.status, r.done_on) for r in report.standing_rows] == [("5", TaskStatus.OPEN, None)]


def test_a_task_overdue_only_after_the_period_is_not_in_it(migrated_db: Database) -> None:
    """Due 30/04 as written, run to 04/05: in a report of 1–3 May it is not yet due, nor overdue (as written it
    would have been overdue from 01/05)."""
    from scheduler.calendar import WorkingCalendar

    seed_may_data(migrated_db)
    filt = ReportFilter(date_from=dt.date(2026, 5, 1), date_to=dt.date(2026, 5, 3))
    rows = migrated_db.call(task_rows, today=dt.date(2026, 6, 5), tz=VN_TZ, filt=filt, rule=WorkingCalendar())
    assert [r.item_ref for r in rows] == []
    as_written = migrated_db.call(task_rows, today=dt.date(2026, 6, 5), tz=VN_TZ, filt=filt)
    assert {r.item_ref for r in as_written} == {"1", "2", "3", "7"}


# ---------------------------------------------------------------- rounds of a recurring duty (probe 10, P4 and P5)

def make_monthly_duty(db: Database, *, may_done: dt.datetime | None) -> None:
    """Item 6 of `seed_may_data` made a monthly report due on the 15th: April's round never reported (kept when
    the May round began), May's round reported on `may_done` (None: never, the duty moved on to June), June's
    round now due."""

    def change(session: Session) -> None:
        task = session.scalars(select(Task).where(Task.item_ref == "6")).one()
        task.recurrence, task.occurrence_label, task.occurrence_start = "monthly", "tháng 6/2026", dt.date(2026, 6, 1)
        session.add_all([
            TaskOccurrence(task_id=task.id, label="tháng 4/2026", period_start=dt.date(2026, 4, 1),
                           period_end=dt.date(2026, 4, 30), due_on=dt.date(2026, 4, 15), done_at=None,
                           on_time=False),
            TaskOccurrence(task_id=task.id, label="tháng 5/2026", period_start=dt.date(2026, 5, 1),
                           period_end=dt.date(2026, 5, 31), due_on=dt.date(2026, 5, 15), done_at=may_done,
                           on_time=may_done is not None and may_done.date() <= dt.date(2026, 5, 15))])

    db.call(change)


@pytest.mark.parametrize(("span", "expected", "rounds"), [
    # May: the May round reported on 12/05 puts the duty (now at its June round) in May's report; April's round,
    # never reported, was still outstanding in May until the duty moved on (about the May round's deadline)
    ((dt.date(2026, 5, 1), dt.date(2026, 5, 31)), True, (1, 0, 1)),
    # 12–15 May: the day it was reported, and its deadline
    ((dt.date(2026, 5, 12), dt.date(2026, 5, 15)), True, (1, 0, 1)),
    # June: the May round is done before June, April's is long gone; the duty is in June by its June round
    ((dt.date(2026, 6, 1), dt.date(2026, 6, 30)), True, (0, 0, 0)),
    # April: the April round was due, and never reported
    ((dt.date(2026, 4, 1), dt.date(2026, 4, 30)), True, (0, 0, 1)),
    # March: nothing of it yet
    ((dt.date(2026, 3, 1), dt.date(2026, 3, 31)), False, (0, 0, 0)),
])
def test_a_periods_report_holds_the_rounds_of_a_recurring_duty_in_it(
        migrated_db: Database, span: tuple[dt.date, dt.date], expected: bool, rounds: tuple[int, int, int]) -> None:
    from scheduler.calendar import WorkingCalendar

    seed_may_data(migrated_db)
    make_monthly_duty(migrated_db, may_done=local(2026, 5, 12, 10, 0))
    filt = ReportFilter(date_from=span[0], date_to=span[1])
    report = migrated_db.call(build_report, today=dt.date(2026, 6, 1), tz=VN_TZ, filt=filt, rule=WorkingCalendar())
    assert ("6" in [r.item_ref for r in report.tasks]) is expected
    bdv = [u for u in report.units if u.unit == BDV]
    counted = (bdv[0].rounds_on_time, bdv[0].rounds_late, bdv[0].rounds_missed) if bdv else (0, 0, 0)
    assert counted == rounds, "the period's rounds, not every round"


def test_a_missed_round_is_overdue_until_about_the_next_round_not_for_ever(migrated_db: Database) -> None:
    from scheduler.calendar import WorkingCalendar

    seed_may_data(migrated_db)
    make_monthly_duty(migrated_db, may_done=local(2026, 5, 12, 10, 0))
    early_may = ReportFilter(date_from=dt.date(2026, 5, 1), date_to=dt.date(2026, 5, 10))
    units = migrated_db.call(unit_summary, today=dt.date(2026, 6, 1), tz=VN_TZ, filt=early_may,
                             rule=WorkingCalendar())
    assert [(u.rounds_missed, u.missed_refs) for u in units if u.unit == BDV] == [(1, {"6": 1})]
    august = ReportFilter(date_from=dt.date(2026, 8, 1), date_to=dt.date(2026, 8, 31))
    units = migrated_db.call(unit_summary, today=dt.date(2026, 9, 1), tz=VN_TZ, filt=august, rule=WorkingCalendar())
    assert [u.rounds for u in units if u.unit == BDV] in ([], [0])


def test_missed_rounds_make_a_unit_late_and_name_the_duty_in_the_weekly_summary(migrated_db: Database) -> None:
    seed_may_data(migrated_db)
    make_monthly_duty(migrated_db, may_done=None)
    units = migrated_db.call(unit_summary, today=dt.date(2026, 6, 5), tz=VN_TZ)
    bdv = next(u for u in units if u.unit == BDV)
    assert (bdv.rounds_missed, bdv.missed_refs, bdv.is_late) == (2, {"6": 2}, True)
    digest = migrated_db.call(weekly_digest, today=dt.date(2026, 6, 5), tz=VN_TZ)
    assert [(u.unit, u.item_ref, u.missed, u.latest) for u in digest.unreported] == [(BDV, "6", 2, "tháng 5/2026")]
    assert not digest.is_empty


def test_a_duty_reported_again_is_no_longer_named_as_unreported(migrated_db: Database) -> None:
    seed_may_data(migrated_db)
    make_monthly_duty(migrated_db, may_done=local(2026, 5, 12, 10, 0))
    digest = migrated_db.call(weekly_digest, today=dt.date(2026, 6, 5), tz=VN_TZ)
    assert digest.unreported == []
