"""An item the parser cut into paragraphs is numbered "2 (đoạn 1)", "2 (đoạn 2)": people type the notice's own
number ("2 xong") or the part as the bot printed it ("2 (đoạn 1) xong")."""

from __future__ import annotations

import pytest

from bot.replies import split_ref
from storage.db import Database
from storage.directory import import_directory, parse_directory_csv, person_by_handle
from storage.itemref import by_ref, whole_item
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from storage.tasks import tasks_by_ref
from tests.conftest import DIRECTORY_CSV, local

AT = local(2026, 3, 2, 9, 0)


def test_the_whole_item_of_a_part() -> None:
    assert whole_item("2 (đoạn 1)") == "2" and whole_item("II.4 (đoạn 3)") == "ii.4" and whole_item("2.1") == "2.1"
    refs = ["1", "2 (đoạn 1)", "2 (đoạn 2)", "12"]
    assert by_ref(refs, "2", str) == ["2 (đoạn 1)", "2 (đoạn 2)"]
    assert by_ref(refs, "2 (đoạn 2)", str) == ["2 (đoạn 2)"]
    assert by_ref(refs, "1", str) == ["1"]


def test_a_clause_is_a_part_of_its_item_too() -> None:
    # the parser numbers the clauses of one paragraph "1 (ý 2)", "1 (ý 3)": the same mechanism as "(đoạn N)"
    refs = ["1", "1 (ý 2)", "1 (ý 3)", "2"]
    assert whole_item("1 (ý 3)") == "1" and whole_item("1 y 3") == "1"
    assert by_ref(refs, "1 (ý 3)", str) == by_ref(refs, "1 y 3", str) == by_ref(refs, "1 (y 3)", str) == ["1 (ý 3)"]
    assert by_ref(["1 (ý 2)", "1 (ý 3)"], "1", str) == ["1 (ý 2)", "1 (ý 3)"]  # the item's number: its clauses
    assert split_ref("1 (ý 3) xong") == ("1 (ý 3)", "xong") and split_ref("1 y 3 đạt 70%") == ("1 y 3", "đạt 70%")
    assert split_ref("2 y tế đã xong") == ("2", "y tế đã xong")  # a word, not a clause


@pytest.mark.parametrize(("typed", "ref"), [("2 (đoạn 1) xong", "2 (đoạn 1)"),
                                            ("mục 2 (doan 2): đang làm", "2 (doan 2)"), ("2 xong", "2")])
def test_a_part_typed_as_printed(typed: str, ref: str) -> None:
    found = split_ref(typed)
    assert found is not None and found[0] == ref


def test_the_notices_number_finds_the_parts_in_storage(migrated_db: Database) -> None:
    migrated_db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=AT)
    admin = migrated_db.call(person_by_handle, "admin")
    parsed = ParsedNotice(tasks=tuple(ParsedTask(ref=r, text=f"Nhiệm vụ {r}", lead=("Sở Tài nguyên và Môi trường",))
                                      for r in ("1", "2 (đoạn 1)", "2 (đoạn 2)")))
    draft = migrated_db.call(create_draft, parsed, source_text="t", source_name="a.txt", by=admin, now=AT)
    migrated_db.call(confirm_notice, draft.notice_id, by=admin, now=AT)
    head = migrated_db.call(person_by_handle, "head_stnmt")
    assert sorted(t.item_ref for t in migrated_db.call(tasks_by_ref, head, "2")) == ["2 (đoạn 1)", "2 (đoạn 2)"]
    assert [t.item_ref for t in migrated_db.call(tasks_by_ref, head, "2 (đoạn 2)")] == ["2 (đoạn 2)"]
    assert [t.item_ref for t in migrated_db.call(tasks_by_ref, head, "2 (doan 2)")] == ["2 (đoạn 2)"]  # typed plain
    assert [t.item_ref for t in migrated_db.call(tasks_by_ref, head, "1")] == ["1"]


def test_a_bare_number_drops_only_a_roman_section() -> None:
    """"2" is "II.2" when nothing is numbered "2" (the paper prints "2." under "II."), never "1.2" or "II.1.2"."""
    assert by_ref(["II.2", "III.1"], "2", str) == ["II.2"]
    assert by_ref(["2", "II.2"], "2", str) == ["2"]
    assert by_ref(["1.2", "II.1.2"], "2", str) == []
    assert by_ref(["I.2", "II.2"], "2", str) == ["I.2", "II.2"]  # two fit: the caller asks which


def test_a_task_added_to_a_draft_takes_the_next_number_of_the_notices_scheme() -> None:
    """Probe 13: after "bỏ 9", "thêm: …" was numbered "11" beside "II.11", and "11 xong" closed the wrong task."""
    from storage.notices import _next_ref

    assert _next_ref(["II.1", "II.2", "II.8", "II.10", "II.11"]) == "II.12"
    assert _next_ref(["1", "2.3"]) == "3"
    assert _next_ref(["I.1", "II.1", "II.2"]) == "II.3"
    assert _next_ref([]) == "1"
