"""What waits on the office (`storage.waiting`): a unit's tasks nobody holds, by notice — where another notice's items
begin is kept, so the admins' line never says a run across two notices ("1–3" for "1, 2" of one and "3" of another)."""

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
    draft = db.call(create_draft, ParsedNotice(kind="THÔNG BÁO", tasks=(task("3", due, lead=NOWHERE),)),
                    source_text="second", source_name="", by=admin, now=local(2018, 2, 27, 9, 0))
    db.call(confirm_notice, draft.notice_id, by=admin, now=local(2018, 2, 27, 9, 0))
    [waiting] = [w for w in db.call(waiting_on_office) if w.what == "nobody"]
    assert (waiting.unit, waiting.ref, waiting.breaks) == (NOWHERE, "1, 2, 3", (2,))
