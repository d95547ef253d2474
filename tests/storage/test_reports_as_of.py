"""A report of a period already over shows each task as it stood at the period's end (a leader asking on
07/12/2026 for October's report reads October as it was on 31/10), from the stored history: status reports,
extension decisions (the audit log keeps the deadline each replaced), withdrawals and the rounds of recurring
duties. The current period is reported as the tasks stand today, as before."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from scheduler.calendar import VN_TZ, WorkingCalendar
from storage.db import Database
from storage.directory import import_directory, parse_directory_csv, person_by_handle
from storage.models import Notice, Task, TaskOccurrence, TaskStatus
from storage.notices import confirm_notice, create_draft, withdraw
from storage.parsed import ParsedNotice, ParsedTask
from storage.reports import Report, ReportFilter, TaskRow, build_report
from storage.tasks import StatusUpdate, decide_extension, record_status
from tests.conftest import DIRECTORY_CSV, local

BDV = "Ban Dân vận Tỉnh ủy"
TODAY = dt.date(2026, 12, 7)  # a Monday: the leader asks for October's report
OCTOBER = ReportFilter(date_from=dt.date(2026, 10, 1), date_to=dt.date(2026, 10, 31), period="tháng 10/2026")
DECEMBER = ReportFilter(date_from=dt.date(2026, 12, 1), date_to=dt.date(2026, 12, 31), period="tháng 12/2026")


def _task_id(db: Database, number: str, ref: str) -> int:
    return db.call(lambda s: s.scalars(select(Task.id).join(Notice, Notice.id == Task.notice_id)
                                       .where(Notice.number == number, Task.item_ref == ref)).one())


def seed_october(db: Database) -> None:
    """Notice 88/TB-UBND of 01/10/2026 (Ban Dân vận leads every item) and what became of each item (see the
    comments); 90/TB-UBND, dated 28/10 but entered on 03/11; 91/TB-UBND, of 02/11, with an item due 30/10."""
    at = local(2026, 10, 1, 9, 0)
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=at)
    admin = db.call(person_by_handle, "admin")
    head = db.call(person_by_handle, "head_bdv")
    lead = (BDV,)
    a = ParsedNotice(kind="thông báo", number="88/TB-UBND", date=dt.date(2026, 10, 1), tasks=(
        ParsedTask(ref="1", text="Hoàn thiện đề án dân vận", lead=lead, due=dt.date(2026, 10, 20)),
        ParsedTask(ref="2", text="Tổng hợp ý kiến cơ sở", lead=lead, due=dt.date(2026, 10, 15)),
        ParsedTask(ref="3", text="Khảo sát mô hình dân vận khéo", lead=lead, due=dt.date(2026, 10, 9)),
        ParsedTask(ref="4", text="Xây dựng kế hoạch năm 2027", lead=lead, due=dt.date(2026, 10, 20)),
        ParsedTask(ref="5", text="Chuẩn bị hội nghị sơ kết", lead=lead, due=dt.date(2026, 10, 30)),
        ParsedTask(ref="6", text="Rà soát danh sách tổ tự quản", lead=lead, due=dt.date(2026, 10, 28)),
        ParsedTask(ref="7", text="Báo cáo tình hình dân vận hằng tháng", lead=lead),  # made a monthly duty below
        ParsedTask(ref="8", text="Báo cáo dư luận xã hội hằng tháng", lead=lead),  # made a monthly duty below
    ))
    draft = db.call(create_draft, a, source_text="notice 88", source_name="", by=admin, now=at)
    db.call(confirm_notice, draft.notice_id, by=admin, now=at)
    late_entry = local(2026, 11, 3, 9, 0)
    b = ParsedNotice(kind="thông báo", number="90/TB-UBND", date=dt.date(2026, 10, 28), tasks=(
        ParsedTask(ref="1", text="Tuyên truyền bầu cử", lead=lead, due=dt.date(2026, 11, 20)),))
    c = ParsedNotice(kind="thông báo", number="91/TB-UBND", date=dt.date(2026, 11, 2), tasks=(
        ParsedTask(ref="1", text="Gửi báo cáo nhanh", lead=lead, due=dt.date(2026, 10, 30)),))
    for i, parsed in enumerate((b, c)):
        draft = db.call(create_draft, parsed, source_text=f"notice late {i}", source_name="", by=admin, now=late_entry)
        db.call(confirm_notice, draft.notice_id, by=admin, now=late_entry)

    def report(ref: str, when: dt.datetime, **change) -> int:  # type: ignore[no-untyped-def]
        return db.call(record_status, task_id=_task_id(db, "88/TB-UBND", ref), actor=head,
                       change=StatusUpdate(**change), source="text", now=when, today=when.date()).report_id

    def grant(report_id: int, when: dt.datetime) -> None:
        db.call(decide_extension, report_id, by=admin, approve=True, now=when)

    # 1: 60 % on 15/10, finished on 10/11 — after October: open, and overdue, at the end of October
    report("1", local(2026, 10, 15, 10, 0), percent=60, note="đang hoàn thiện dự thảo")
    report("1", local(2026, 11, 10, 10, 0), status=TaskStatus.DONE, note="đã trình đề án")
    # 2: finished late on 23/10, reopened on 05/11 (open now): October's report has it finished late
    report("2", local(2026, 10, 23, 10, 0), status=TaskStatus.DONE)
    report("2", local(2026, 11, 5, 10, 0), reopen=True, status=TaskStatus.IN_PROGRESS, note="bổ sung theo ý kiến")
    # 3: due 09/10, extended on 08/10 to 20/11 (before the end), finished 16/11: within its deadline in October
    asked = report("3", local(2026, 10, 7, 10, 0), status=TaskStatus.EXTENSION_REQUESTED,
                   requested_due_on=dt.date(2026, 11, 20), note="chờ số liệu")
    grant(asked, local(2026, 10, 8, 15, 0))
    report("3", local(2026, 11, 16, 10, 0), status=TaskStatus.DONE)
    # 4: due 20/10, extension asked on 19/10, granted only on 03/11 (to 30/11): overdue at the end of October
    asked = report("4", local(2026, 10, 19, 10, 0), status=TaskStatus.EXTENSION_REQUESTED,
                   requested_due_on=dt.date(2026, 11, 30), note="xin gia hạn")
    grant(asked, local(2026, 11, 3, 15, 0))
    # 5: half done on 26/10, withdrawn on 10/11: shown as it stood in October; 6: withdrawn on 20/10: not shown
    report("5", local(2026, 10, 26, 10, 0), percent=50)
    notice_id = db.call(lambda s: s.scalars(select(Notice.id).where(Notice.number == "88/TB-UBND")).one())
    db.call(withdraw, notice_id, item_ref="5", reason="Đã lồng ghép vào hội nghị khác", by=admin,
            now=local(2026, 11, 10, 9, 0))
    db.call(withdraw, notice_id, item_ref="6", reason="Không còn phù hợp", by=admin, now=local(2026, 10, 20, 9, 0))
    # 90/TB-UBND's item: reported 50 % on 10/11, after October
    db.call(record_status, task_id=_task_id(db, "90/TB-UBND", "1"), actor=head,
            change=StatusUpdate(percent=50), source="text", now=local(2026, 11, 10, 11, 0), today=dt.date(2026, 11, 10))
    make_monthly_duties(db)


def make_monthly_duties(db: Database) -> None:
    """Items 7 and 8 made monthly duties due on the 26th (October) and 25th (November): 7's October round was
    reported only on 06/11 (late, after October), its November round never (kept when December's began); 8's
    October round on 20/10 and its November round on 24/11, on time. Both stand now for their December round."""

    def change(session: Session) -> None:
        for ref, october_done, november_done in (("7", local(2026, 11, 6, 10, 0), None),
                                                 ("8", local(2026, 10, 20, 10, 0), local(2026, 11, 24, 10, 0))):
            task = session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id)
                                   .where(Notice.number == "88/TB-UBND", Task.item_ref == ref)).one()
            task.recurrence, task.occurrence_label = "monthly", "tháng 12/2026"
            task.occurrence_start, task.due_on = dt.date(2026, 12, 1), dt.date(2026, 12, 25)
            session.add_all([
                TaskOccurrence(task_id=task.id, label="tháng 10/2026", period_start=dt.date(2026, 10, 1),
                               period_end=dt.date(2026, 10, 31), due_on=dt.date(2026, 10, 26), done_at=october_done,
                               on_time=october_done.date() <= dt.date(2026, 10, 26)),
                TaskOccurrence(task_id=task.id, label="tháng 11/2026", period_start=dt.date(2026, 11, 1),
                               period_end=dt.date(2026, 11, 30), due_on=dt.date(2026, 11, 25),
                               done_at=november_done, on_time=november_done is not None)])

    db.call(change)


def _report(db: Database, filt: ReportFilter, today: dt.date = TODAY) -> tuple[Report, dict[str, TaskRow]]:
    report = db.call(build_report, today=today, tz=VN_TZ, filt=filt, rule=WorkingCalendar())
    return report, {f"{r.notice_number} {r.item_ref}": r for r in report.tasks}


def test_a_past_month_is_reported_as_it_stood_at_its_end(migrated_db: Database) -> None:
    seed_october(migrated_db)
    report, rows = _report(migrated_db, OCTOBER)
    # finished on 10/11: at the end of October still 60 %, past its deadline; the note of then, not November's
    first = rows["88/TB-UBND 1"]
    assert (first.category, first.status, first.percent, first.done_on) == (
        "overdue", TaskStatus.IN_PROGRESS, 60, None)
    assert (first.latest_note, first.latest_note_on) == ("đang hoàn thiện dự thảo", dt.date(2026, 10, 15))
    # finished late within October (reopened in November): late, with the day it was finished
    second = rows["88/TB-UBND 2"]
    assert (second.category, second.status, second.done_on) == ("done_late", TaskStatus.DONE, dt.date(2026, 10, 23))
    bdv = next(u for u in report.units if u.unit == BDV)
    # overdue then: 1, 5 (withdrawn later), 7's October round; in progress: 3, 90/TB-UBND's item and 4 (its request,
    # sent by its deadline, was waiting for the decision at the end of October: not the unit's lateness, as a report
    # read then said it — granted only on 03/11); on time: 8's October round
    assert bdv.overdue_refs == ["1", "5", "7"]
    assert (bdv.done_on_time, bdv.done_late, bdv.in_progress, bdv.overdue, bdv.total) == (1, 1, 3, 3, 8)
    assert [(a.item_ref, a.asked_on, a.requested_due) for a in bdv.asked_in_time] == [
        ("4", dt.date(2026, 10, 19), dt.date(2026, 11, 30))]
    assert report.as_of == dt.date(2026, 10, 31)


def test_an_extension_granted_before_the_end_counts_one_granted_after_does_not(migrated_db: Database) -> None:
    seed_october(migrated_db)
    _, rows = _report(migrated_db, OCTOBER)
    # granted on 08/10: the deadline of October is 20/11; finished on 16/11, so in October still within it
    third = rows["88/TB-UBND 3"]
    assert (third.due_on, third.first_due_on, third.category, third.status, third.done_on) == (
        dt.date(2026, 11, 20), dt.date(2026, 10, 9), "in_progress", TaskStatus.EXTENDED, None)
    # asked on 19/10 (by its deadline), granted on 03/11: October's deadline stays 20/10, the request still waiting —
    # in progress at the end of October, as a report read then counted it (`waits_in_time`)
    fourth = rows["88/TB-UBND 4"]
    assert (fourth.due_on, fourth.first_due_on, fourth.category, fourth.status) == (
        dt.date(2026, 10, 20), None, "in_progress", TaskStatus.EXTENSION_REQUESTED)


def test_the_current_month_is_reported_as_the_tasks_stand_today(migrated_db: Database) -> None:
    seed_october(migrated_db)
    report, rows = _report(migrated_db, DECEMBER)
    # December: item 4 extended to 30/11 and still open is overdue against that deadline (as today's report has it)
    fourth = rows["88/TB-UBND 4"]
    assert (fourth.due_on, fourth.first_due_on, fourth.category, fourth.status) == (
        dt.date(2026, 11, 30), dt.date(2026, 10, 20), "overdue", TaskStatus.EXTENDED)
    assert "88/TB-UBND 1" not in rows and "88/TB-UBND 5" not in rows  # finished, withdrawn: as today
    # the same task in October, a month over: as it stood then
    _, october = _report(migrated_db, OCTOBER)
    assert (october["88/TB-UBND 4"].due_on, october["88/TB-UBND 4"].category) == (dt.date(2026, 10, 20),
                                                                                  "in_progress")
    # the current month is the same whichever day of it is asked: today's figures
    _, today_rows = _report(migrated_db, DECEMBER, today=dt.date(2026, 12, 31))
    assert today_rows["88/TB-UBND 4"].category == "overdue"
    assert report.as_of is None


def test_withdrawn_and_late_registered_tasks_of_a_past_month(migrated_db: Database) -> None:
    seed_october(migrated_db)
    report, rows = _report(migrated_db, OCTOBER)
    # withdrawn on 10/11: in October as it stood (50 %, overdue since 31/10); withdrawn on 20/10: not in it
    fifth = rows["88/TB-UBND 5"]
    assert (fifth.status, fifth.percent, fifth.category) == (TaskStatus.IN_PROGRESS, 50, "overdue")
    assert "88/TB-UBND 6" not in rows
    # a notice of 02/11 (its item due 30/10) was not in October
    assert "91/TB-UBND 1" not in rows
    # a notice of 28/10 entered on 03/11: in October, as nobody had reported then, and it says so
    late = rows["90/TB-UBND 1"]
    assert (late.status, late.percent, late.category, late.registered_on) == (
        TaskStatus.OPEN, None, "in_progress", dt.date(2026, 11, 3))
    assert sum(u.registered_later for u in report.units) == 1
    assert all(r.registered_on is None for key, r in rows.items() if key != "90/TB-UBND 1")


def test_a_recurring_duty_is_judged_by_its_rounds_of_the_period(migrated_db: Database) -> None:
    seed_october(migrated_db)
    report, rows = _report(migrated_db, OCTOBER)
    # 7: October's round (due 26/10) reported only on 06/11: at the end of October not reported, overdue
    seventh = rows["88/TB-UBND 7"]
    assert (seventh.due_on, seventh.category, seventh.rounds_done, seventh.rounds_missed) == (
        dt.date(2026, 10, 26), "overdue", 0, 1)
    # 8: October's round reported on 20/10: on time, though the duty now stands for its December round
    eighth = rows["88/TB-UBND 8"]
    assert (eighth.due_on, eighth.category, eighth.done_on, eighth.rounds_done) == (
        dt.date(2026, 10, 26), "done_on_time", dt.date(2026, 10, 20), 1)
    bdv = next(u for u in report.units if u.unit == BDV)
    assert (bdv.rounds_on_time, bdv.rounds_late, bdv.rounds_missed, bdv.missed_refs) == (1, 0, 1, {"7": 1})
    # November, also over: 7's November round never reported, 8's reported on 24/11
    _, november = _report(migrated_db, ReportFilter(date_from=dt.date(2026, 11, 1), date_to=dt.date(2026, 11, 30)))
    assert (november["88/TB-UBND 7"].due_on, november["88/TB-UBND 7"].category) == (dt.date(2026, 11, 25), "overdue")
    assert (november["88/TB-UBND 8"].due_on, november["88/TB-UBND 8"].category) == (
        dt.date(2026, 11, 25), "done_on_time")


@pytest.mark.parametrize(("filt", "as_of"), [
    (ReportFilter(date_from=dt.date(2026, 10, 1), date_to=dt.date(2026, 12, 6)), dt.date(2026, 12, 6)),
    (ReportFilter(date_from=dt.date(2026, 10, 1), date_to=TODAY), None),  # ends today: today's figures
    (ReportFilter(date_from=dt.date(2026, 10, 1)), None),
    (ReportFilter(notice="88/TB-UBND"), None),
])
def test_which_reports_stand_at_a_past_day(filt: ReportFilter, as_of: dt.date | None) -> None:
    from storage.reports import report_as_of

    assert report_as_of(filt, TODAY) == as_of


def test_a_weekly_round_the_duty_moved_on_from_is_counted_not_reported_not_overdue_at_the_end(
        migrated_db: Database) -> None:
    """Item 8 made a weekly duty: the week of 05/10 never reported (the duty moved on a week later), the three
    weeks after reported on time. At the end of October the duty was up to date: on time, with one round not
    reported in the unit's count."""
    from sqlalchemy import delete

    seed_october(migrated_db)

    def weekly(session: Session) -> None:
        task = session.scalars(select(Task).join(Notice, Notice.id == Task.notice_id)
                               .where(Notice.number == "88/TB-UBND", Task.item_ref == "8")).one()
        session.execute(delete(TaskOccurrence).where(TaskOccurrence.task_id == task.id))
        task.recurrence = "weekly"
        for monday, done in ((dt.date(2026, 10, 5), None), (dt.date(2026, 10, 12), local(2026, 10, 16, 9, 0)),
                             (dt.date(2026, 10, 19), local(2026, 10, 22, 9, 0)),
                             (dt.date(2026, 10, 26), local(2026, 10, 30, 9, 0))):
            session.add(TaskOccurrence(task_id=task.id, label=f"tuần từ {monday:%d/%m/%Y}", period_start=monday,
                                       period_end=monday + dt.timedelta(days=6),
                                       due_on=monday + dt.timedelta(days=4), done_at=done, on_time=done is not None))

    migrated_db.call(weekly)
    _, rows = _report(migrated_db, OCTOBER)
    eighth = rows["88/TB-UBND 8"]
    assert (eighth.due_on, eighth.category, eighth.done_on, eighth.rounds_done, eighth.rounds_missed) == (
        dt.date(2026, 10, 30), "done_on_time", dt.date(2026, 10, 30), 3, 1)


def test_a_request_waiting_at_the_periods_end_is_said_beside_the_late_item(migrated_db: Database) -> None:
    """Asked after its deadline (late all the same) and refused only in November: October's report lists the item
    late with the date asked for beside it, as a report read on 31/10 said it — not what was decided since."""
    db = migrated_db
    at = local(2026, 10, 1, 9, 0)
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=at)
    admin, head = db.call(person_by_handle, "admin"), db.call(person_by_handle, "head_bdv")
    notice = ParsedNotice(kind="thông báo", number="95/TB-UBND", date=dt.date(2026, 10, 1), tasks=(
        ParsedTask(ref="1", text="Hoàn thiện đề án dân vận", lead=(BDV,), due=dt.date(2026, 10, 20)),))
    draft = db.call(create_draft, notice, source_text="notice 95", source_name="", by=admin, now=at)
    db.call(confirm_notice, draft.notice_id, by=admin, now=at)
    task_id = _task_id(db, "95/TB-UBND", "1")
    asked_at = local(2026, 10, 26, 10, 0)
    asked = db.call(record_status, task_id=task_id, actor=head, source="text", now=asked_at, today=asked_at.date(),
                    change=StatusUpdate(status=TaskStatus.EXTENSION_REQUESTED, requested_due_on=dt.date(2026, 11, 15),
                                        note="chờ ý kiến các xã")).report_id
    db.call(decide_extension, asked, by=admin, approve=False, now=local(2026, 11, 4, 15, 0))
    report, rows = _report(db, OCTOBER)
    [bdv] = report.units
    assert (bdv.overdue_refs, bdv.overdue_asked, bdv.asked_in_time) == (["1"], [dt.date(2026, 11, 15)], [])
    assert rows["95/TB-UBND 1"].category == "overdue"
    report, _ = _report(db, ReportFilter(date_from=dt.date(2026, 11, 1), date_to=dt.date(2026, 11, 30)))
    assert [u.overdue_asked for u in report.units] == [[None]]  # refused on 04/11: nothing waits at November's end
