"""A department's notice asks "các phòng, đơn vị (trực) thuộc Sở": every unit of its directory but the leaders'
own, on SQLite and PostgreSQL (probe 12, finding 3); a group that leaves units out says which."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from storage.db import Database
from storage.directory import import_directory, parse_directory_csv, person_by_handle
from storage.models import Task
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from tests.conftest import local

AT = local(2027, 1, 20, 9, 0)

SO = ("handle,full_name,title,unit,role\n"
      "vanthu,Nguyễn Thị Thư,Văn thư,Văn phòng Sở,admin\n"
      "gd,Đỗ Minh Quang,Giám đốc Sở,Ban Giám đốc Sở,leader\n"
      "pgd,Trịnh Văn Thành,Phó Giám đốc Sở,Ban Giám đốc Sở,leader\n"
      "cvp,Lương Văn Chánh,Chánh Văn phòng,Văn phòng Sở,head\n"
      "tp_qlcn,Nguyễn Văn Công,Trưởng phòng,Phòng Quản lý Công nghiệp,head\n"
      "tp_khth,Lê Văn Hợp,Trưởng phòng,Phòng Kế hoạch - Tổng hợp,head\n"
      "cct,Hà Văn Trường,Chi cục trưởng,Chi cục Quản lý thị trường,head\n")
ALL = ["Văn phòng Sở", "Phòng Quản lý Công nghiệp", "Phòng Kế hoạch - Tổng hợp", "Chi cục Quản lý thị trường"]


def test_the_units_under_the_department_are_each_given_the_task(migrated_db: Database) -> None:
    db = migrated_db
    db.call(import_directory, parse_directory_csv(SO.encode()), now=AT)
    admin = db.call(person_by_handle, "vanthu")
    parsed = ParsedNotice(tasks=(
        ParsedTask(ref="1", text="Rà soát", lead=("Các phòng, đơn vị trực thuộc Sở",), due=dt.date(2027, 1, 29)),
        ParsedTask(ref="2", text="Báo cáo quý I", lead=("Các phòng, đơn vị",), due=dt.date(2027, 3, 15)),
        ParsedTask(ref="3", text="Rà soát hồ sơ", lead=("các phòng",), due=dt.date(2027, 2, 26))))
    draft = db.call(create_draft, parsed, source_text="t", source_name="a.txt", by=admin, now=AT)
    for name in ("Các phòng, đơn vị trực thuộc Sở", "Các phòng, đơn vị"):
        guess = draft.guesses[name]
        assert guess.group and [u for u, _ in guess.members] == ALL, name  # not the Ban Giám đốc
        assert guess.left_out == ()
    phong = draft.guesses["các phòng"]
    assert [u for u, _ in phong.members] == ALL[:3]  # the Văn phòng is one of the phòng
    assert phong.left_out == ("Chi cục Quản lý thị trường",)  # for the preview to name it
    db.call(confirm_notice, draft.notice_id, by=admin, now=AT)
    rows = db.call(lambda s: [(t.item_ref, t.assignee.handle if t.assignee else None)
                              for t in s.scalars(select(Task).order_by(Task.position))])
    holders = ["cvp", "tp_qlcn", "tp_khth", "cct"]
    assert rows == [("1", h) for h in holders] + [("2", h) for h in holders] + [("3", h) for h in holders[:3]]
