"""Admin days off and make-up working days, stored on SQLite and PostgreSQL, and `nhacviec calendar`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main
from scheduler.calendar import WorkingCalendar
from storage.calendar import (
    CalendarDayInvalid,
    add_calendar_day,
    list_calendar_days,
    load_calendar_days,
    parse_calendar_date,
    remove_calendar_day,
)
from storage.db import Database
from storage.models import AuditLog, CalendarDay, CalendarDayKind
from tests.conftest import local

NOW = local(2026, 11, 29, 9, 0)
BASE = WorkingCalendar()
OFF, WORKING = CalendarDayKind.OFF, CalendarDayKind.WORKING


def count_days(db: Database) -> int:
    return db.call(lambda s: s.scalar(select(func.count()).select_from(CalendarDay)))


def test_days_are_added_listed_loaded_and_removed(migrated_db: Database) -> None:
    db = migrated_db
    db.call(add_calendar_day, day=dt.date(2027, 2, 15), kind=OFF, note="  Nghỉ   bù ", base=BASE, now=NOW)
    db.call(add_calendar_day, day=dt.date(2027, 2, 20), kind=WORKING, note="Làm bù", base=BASE, now=NOW)
    db.call(add_calendar_day, day=dt.date(2028, 1, 4), kind=OFF, note="", base=BASE, now=NOW)
    entries = db.call(list_calendar_days, year=2027)
    assert [(e.day, e.kind, e.note) for e in entries] == [(dt.date(2027, 2, 15), OFF, "Nghỉ bù"),
                                                          (dt.date(2027, 2, 20), WORKING, "Làm bù")]
    assert len(db.call(list_calendar_days)) == 3
    cal = BASE.with_days(db.call(load_calendar_days))
    assert not cal.is_working_day(dt.date(2027, 2, 15)) and cal.is_working_day(dt.date(2027, 2, 20))
    assert cal.explain_deadline(dt.date(2027, 2, 15)) == "hạn 15/02/2027 rơi vào ngày nghỉ bù, tính đến hết 16/02/2027"
    removed = db.call(remove_calendar_day, dt.date(2027, 2, 15), now=NOW)
    assert (removed.kind, removed.note) == (OFF, "Nghỉ bù")
    assert BASE.with_days(db.call(load_calendar_days)).is_working_day(dt.date(2027, 2, 15))
    actions = db.call(lambda s: [a.action for a in s.scalars(select(AuditLog).order_by(AuditLog.id))])
    assert actions == ["calendar_add", "calendar_add", "calendar_add", "calendar_remove"]


@pytest.mark.parametrize(("day", "kind", "message"), [
    (dt.date(2027, 2, 10), OFF, "Ngày 10/02/2027 đã là ngày nghỉ Tết, không cần thêm ngày nghỉ."),
    (dt.date(2027, 2, 13), OFF, "Ngày 13/02/2027 đã là thứ Bảy, không cần thêm ngày nghỉ."),
    (dt.date(2026, 9, 2), OFF, "Ngày 02/09/2026 đã là ngày nghỉ Quốc khánh, không cần thêm ngày nghỉ."),
    (dt.date(2027, 2, 19), WORKING, "Ngày 19/02/2027 đã là ngày làm việc, không cần thêm ngày làm bù."),
    (dt.date(2027, 2, 15), OFF, "Ngày 15/02/2027 đã có trong lịch là ngày nghỉ (Nghỉ bù)."),  # a duplicate
    (dt.date(2027, 2, 15), WORKING, "Ngày 15/02/2027 đã có trong lịch là ngày nghỉ (Nghỉ bù)."),
])
def test_an_entry_that_changes_nothing_is_refused_and_nothing_is_stored(
        migrated_db: Database, day: dt.date, kind: CalendarDayKind, message: str) -> None:
    db = migrated_db
    db.call(add_calendar_day, day=dt.date(2027, 2, 15), kind=OFF, note="Nghỉ bù", base=BASE, now=NOW)
    with pytest.raises(CalendarDayInvalid) as err:
        db.call(add_calendar_day, day=day, kind=kind, note="x", base=BASE, now=NOW)
    assert err.value.user_message.startswith(message)
    assert count_days(db) == 1


def test_removing_a_day_never_added_and_a_too_long_note_are_refused(migrated_db: Database) -> None:
    with pytest.raises(CalendarDayInvalid, match="not in"):
        migrated_db.call(remove_calendar_day, dt.date(2027, 2, 16), now=NOW)
    with pytest.raises(CalendarDayInvalid) as err:
        migrated_db.call(add_calendar_day, day=dt.date(2027, 2, 15), kind=OFF, note="x" * 201, base=BASE, now=NOW)
    assert "tối đa 200 ký tự" in err.value.user_message
    assert count_days(migrated_db) == 0


@pytest.mark.parametrize("text", ["2027-02-30", "15/13/2027", "mai", ""])
def test_bad_dates_are_refused_in_vietnamese(text: str) -> None:
    with pytest.raises(CalendarDayInvalid) as err:
        parse_calendar_date(text)
    assert "không phải là một ngày hợp lệ" in err.value.user_message


def test_dates_in_both_spellings() -> None:
    assert parse_calendar_date("2027-02-15") == parse_calendar_date("15/02/2027") == dt.date(2027, 2, 15)


def test_the_calendar_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path}/cli.db"
    assert main(["calendar", "add", "2027-02-15", "--off", "Nghỉ bù", "--db", url]) == 0
    assert "Đã thêm ngày nghỉ 15/02/2027 (Nghỉ bù)." in capsys.readouterr().out
    assert main(["calendar", "add", "20/02/2027", "--working", "Làm bù", "--db", url]) == 0
    capsys.readouterr()
    assert main(["calendar", "add", "2027-02-15", "--off", "Nghỉ bù", "--db", url]) == 1
    assert "đã có trong lịch" in capsys.readouterr().err
    assert main(["calendar", "add", "2027-02-10", "--off", "Tết", "--db", url]) == 1
    assert "đã là ngày nghỉ Tết" in capsys.readouterr().err
    assert main(["calendar", "add", "2027-02-31", "--off", "x", "--db", url]) == 1
    assert "không phải là một ngày hợp lệ" in capsys.readouterr().err
    assert main(["calendar", "list", "--year", "2027", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "10/02/2027  Mùng năm Tết Nguyên Đán" in out
    assert "15/02/2027  nghỉ — Nghỉ bù" in out and "20/02/2027  làm bù — Làm bù" in out
    assert main(["calendar", "remove", "2027-02-15", "--db", url]) == 0
    assert "Đã xóa ngày nghỉ 15/02/2027" in capsys.readouterr().out
    assert main(["calendar", "remove", "2027-02-15", "--db", url]) == 1
    assert "không có trong danh sách" in capsys.readouterr().err
    assert main(["calendar", "list", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "15/02/2027" not in out and "20/02/2027" in out
