"""`Task.lead_name` reads what it needs and no more: the notice's own spellings of its units are looked at only for a
directory name spelled without marks (storage.unitnames.marked_spelling), and only up to the first that fits.
Building every unit of the notice for every task made confirming a notice of n items n² work (2,000 items: 0.8 s of
the 1.2 s bench/bench_scale.py's register took, session 25) and loaded the notice of a task read on its own."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from storage.db import Database, counting_statements
from storage.directory import import_directory, parse_directory_csv, person_by_handle
from storage.models import Task
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from tests.conftest import local

DIRECTORY = ("handle,full_name,title,unit,role\nadmin,Quản trị,,Văn phòng,admin\n"
             "h1,Trưởng Một,,Ban Dân vận Tỉnh ủy,head\nh2,Trưởng Hai,,So Xay dung,head\n")


def _registered(db: Database) -> None:
    at = local(2018, 2, 26, 9, 0)
    db.call(import_directory, parse_directory_csv(DIRECTORY.encode()), now=at)
    admin = db.call(person_by_handle, "admin")
    tasks = (ParsedTask(ref="1", text="Nhiệm vụ một", lead=("Ban Dân vận Tỉnh ủy",), due=dt.date(2018, 3, 30)),
             ParsedTask(ref="2", text="Nhiệm vụ hai", lead=("Sở Xây dựng",), due=dt.date(2018, 3, 30)))
    draft = db.call(create_draft, ParsedNotice(tasks=tasks), source_text="two", source_name="", by=admin, now=at)
    registered = db.call(confirm_notice, draft.notice_id, by=admin, now=at)
    # the confirmation's answer names each head's unit as the notice spells it
    assert registered.units == {"Trưởng Một": "Ban Dân vận Tỉnh ủy", "Trưởng Hai": "Sở Xây dựng"}


def test_a_lead_name_spelled_with_marks_reads_nothing_more(migrated_db: Database) -> None:
    db = migrated_db
    _registered(db)

    def names(session: Session) -> tuple[list[str], int]:
        tasks = list(session.scalars(select(Task).options(selectinload(Task.lead_unit)).order_by(Task.position)))
        with counting_statements(db) as counts:
            first = tasks[0].lead_name  # the directory spells it with marks: the notice is not needed
        return [first, tasks[1].lead_name], counts["statements"]

    found, statements = db.call(names)
    assert statements == 0
    assert found == ["Ban Dân vận Tỉnh ủy", "Sở Xây dựng"]  # the directory's "So Xay dung" as the notice spells it
