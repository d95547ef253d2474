"""What waits on the office (`storage.waiting`): a unit's tasks nobody holds, a row for each notice with that notice's
number and title — the admins' section says each notice's items under its name, never a run across two notices ("1–3"
for "1, 2" of one and "3" of another), nor "mục 1, 2, 1" where one number is another task in each."""

from __future__ import annotations

import datetime as dt

from storage.db import Database
from storage.directory import person_by_handle
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice
from storage.waiting import waiting_on_office
from tests.conftest import local
from tests.scheduler.test_dispatcher import register, task

NOWHERE = "Sở Văn hóa, Thể thao và Du lịch"  # not in the directory: nobody holds its tasks


def test_a_units_unheld_items_are_kept_by_notice(migrated_db: Database) -> None:
    db = migrated_db
    due = dt.date(2018, 3, 30)
    register(db, [task("1", due, lead=NOWHERE), task("2", due, lead=NOWHERE)], at=local(2018, 2, 26, 9, 0))
    admin = db.call(person_by_handle, "admin")
    draft = db.call(create_draft, ParsedNotice(kind="THÔNG BÁO", number="7/TB-UBND",
                                               tasks=(task("1", due, lead=NOWHERE),)),
                    source_text="second", source_name="", by=admin, now=local(2018, 2, 27, 9, 0))
    db.call(confirm_notice, draft.notice_id, by=admin, now=local(2018, 2, 27, 9, 0))
    first, second = [w for w in db.call(waiting_on_office) if w.what == "nobody"]
    assert (first.unit, first.ref, first.notice) == (NOWHERE, "1, 2", "") and first.title, first
    assert (second.unit, second.ref, second.notice) == (NOWHERE, "1", "7/TB-UBND") and "7/TB-UBND" in second.title
    assert (first.since, second.since) == (local(2018, 2, 26, 9, 0), local(2018, 2, 27, 9, 0))
