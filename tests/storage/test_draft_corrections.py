"""Corrections applied to a draft in storage: added tasks get an item number that is free, every target
refers to the list as the admin saw it, and a refused correction changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot.ingest.parser import read_task
from storage.corrections import Correction
from storage.db import Database
from storage.directory import import_directory, parse_directory_csv, person_by_handle
from storage.errors import DraftCorrectionInvalid
from storage.models import Notice
from storage.notices import correct_draft, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from tests.conftest import DIRECTORY_CSV, local

AT = local(2026, 3, 2, 9, 0)


def _draft(db: Database, refs: list[str]) -> int:
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=AT)
    admin = db.call(person_by_handle, "admin")
    parsed = ParsedNotice(tasks=tuple(ParsedTask(ref=r, text=f"Nhiệm vụ {r}", lead=("Ban Dân vận Tỉnh ủy",))
                                      for r in refs))
    return db.call(create_draft, parsed, source_text="t", source_name="a.txt", by=admin, now=AT).notice_id


def _correct(db: Database, notice_id: int, corrections: list[Correction]) -> ParsedNotice:
    admin = db.call(person_by_handle, "admin")
    parsed, _ = db.call(correct_draft, notice_id, corrections, by=admin, now=AT)
    return parsed  # type: ignore[no-any-return]


def _added(text: str) -> Correction:
    task = ParsedTask(ref="?", text=text, lead=("Sở Tài nguyên và Môi trường",))
    return Correction(target="", field="add", value=task)


@pytest.mark.parametrize(("refs", "expected"), [
    (["1", "2", "2.1", "3"], ["4", "5"]),
    # under a Roman section: the next number of the last item's section (a bare "4" would sit beside "II.4" — which
    # "4 xong" also finds — and was once a number already used: probe 13)
    (["I.1", "I.2", "II.1"], ["II.2", "II.3"]),
    (["1", "2", "4"], ["5", "6"]),
])
def test_added_tasks_take_the_next_free_numbers(migrated_db: Database, refs: list[str], expected: list[str]) -> None:
    notice_id = _draft(migrated_db, refs)
    parsed = _correct(migrated_db, notice_id, [_added("Thêm một"), _added("Thêm hai")])
    assert [t.ref for t in parsed.tasks] == refs + expected
    assert parsed.tasks[-1].lead == ("Sở Tài nguyên và Môi trường",)


def test_targets_are_the_numbers_shown_even_after_a_drop_and_an_add(migrated_db: Database) -> None:
    notice_id = _draft(migrated_db, ["1", "2", "3"])
    parsed = _correct(migrated_db, notice_id, [
        Correction(target="1", field="drop"), _added("Mới"),
        Correction(target="3", field="support", value=("Sở Nội vụ", "Sở Tư pháp")),
        Correction(target="2", field="lead", value=("Sở Tài chính", "Sở Y tế")),
        Correction(target="2", field="text", value="Nhiệm vụ hai, viết lại")])
    assert [(t.ref, t.text, t.lead, t.support) for t in parsed.tasks] == [
        ("2", "Nhiệm vụ hai, viết lại", ("Sở Tài chính", "Sở Y tế"), ()),
        ("3", "Nhiệm vụ 3", ("Ban Dân vận Tỉnh ủy",), ("Sở Nội vụ", "Sở Tư pháp")),
        ("4", "Mới", ("Sở Tài nguyên và Môi trường",), ())]
    assert parsed.tasks[0].lead_source == "admin"


def test_an_added_number_already_used_is_refused_and_nothing_changes(migrated_db: Database) -> None:
    notice_id = _draft(migrated_db, ["1", "2"])
    task = ParsedTask(ref="2", text="Trùng số", due=dt.date(2026, 4, 30))
    with pytest.raises(DraftCorrectionInvalid) as err:
        _correct(migrated_db, notice_id, [Correction(target="1", field="drop"),
                                          Correction(target="2", field="add", value=task)])
    assert "Đã có nhiệm vụ “Mục 2”" in err.value.user_message
    meta = migrated_db.call(lambda s: s.get_one(Notice, notice_id).meta)
    assert [t["ref"] for t in meta["tasks"]] == ["1", "2"]


PROVINCE = ("handle,full_name,title,unit,role\n"
            "admin,Nguyễn Thị Quản,Chuyên viên,Văn phòng UBND tỉnh,admin\n"
            "head_tc,Lê Văn Tài,Giám đốc,Sở Tài chính,head\n"
            "head_nv,Phạm Thị Nội,Giám đốc,Sở Nội vụ,head\n"
            "head_bt,Hoàng Văn Thắng,Chủ tịch,UBND huyện Bảo Thắng,head\n"
            "head_lc,Vũ Thị Cai,Chủ tịch,UBND thành phố Lào Cai,head\n"
            "cadre_sp,Đỗ Văn Phố,Chuyên viên,UBND huyện Si Ma Cai,cadre\n")


def test_a_group_and_a_list_of_units_are_each_asked(migrated_db: Database) -> None:
    from storage.models import Task
    from storage.notices import confirm_notice

    db = migrated_db
    db.call(import_directory, parse_directory_csv(PROVINCE.encode()), now=AT)
    admin = db.call(person_by_handle, "admin")
    parsed = ParsedNotice(tasks=(
        ParsedTask(ref="1", text="Rà soát", lead=("các sở, ban, ngành",), due=dt.date(2026, 4, 30)),
        ParsedTask(ref="2", text="Báo cáo", lead=("UBND các huyện, thành phố", "Sở Nội vụ")),
        ParsedTask(ref="3", text="Phối hợp", lead=("Sở Tài chính", "các đơn vị liên quan")),
        ParsedTask(ref="4", text="Theo dõi", lead=("các đơn vị liên quan",)),
        ParsedTask(ref="5", text="Tổng hợp", lead=("Sở Tài chính", "Sở Xây dựng"))))
    draft = db.call(create_draft, parsed, source_text="t", source_name="a.txt", by=admin, now=AT)
    group = draft.guesses["UBND các huyện, thành phố"]
    assert group.group and [u for u, _ in group.members] == ["UBND huyện Bảo Thắng", "UBND thành phố Lào Cai",
                                                             "UBND huyện Si Ma Cai"]
    assert dict(group.members)["UBND huyện Si Ma Cai"] is None  # no head there yet
    registered = db.call(confirm_notice, draft.notice_id, by=admin, now=AT)
    rows = db.call(lambda s: [(t.item_ref, t.lead_unit_names, t.assignee.handle if t.assignee else None, t.due_on)
                              for t in s.scalars(select(Task).order_by(Task.position))])
    assert rows == [
        ("1", ["Sở Tài chính"], "head_tc", dt.date(2026, 4, 30)),
        ("1", ["Sở Nội vụ"], "head_nv", dt.date(2026, 4, 30)),
        ("2", ["UBND huyện Bảo Thắng"], "head_bt", None),
        ("2", ["UBND thành phố Lào Cai"], "head_lc", None),
        ("2", ["UBND huyện Si Ma Cai"], None, None),
        ("2", ["Sở Nội vụ"], "head_nv", None),
        ("3", ["Sở Tài chính", "các đơn vị liên quan"], "head_tc", None),  # the vague group beside a unit: no row
        ("4", ["các đơn vị liên quan"], None, None),
        ("5", ["Sở Tài chính"], "head_tc", None),
        ("5", ["Sở Xây dựng"], None, None),  # not in the directory yet: assigned once it is
    ]
    assert registered.task_count == 5
    assert registered.unassigned == [("2", "UBND huyện Si Ma Cai"), ("4", "các đơn vị liên quan"),
                                     ("5", "Sở Xây dựng")]


def test_a_task_keeps_its_number_through_corrections(migrated_db: Database) -> None:
    from storage.notices import draft_task

    notice_id = _draft(migrated_db, ["1", "2", "3"])
    admin = migrated_db.call(person_by_handle, "admin")
    _, draft = migrated_db.call(correct_draft, notice_id, [Correction(target="1", field="drop")], by=admin, now=AT)
    assert draft.numbers == (2, 3)
    _, draft = migrated_db.call(correct_draft, notice_id, [
        Correction(target="2", field="text", value="Viết lại"), _added("Mới")], by=admin, now=AT)
    assert draft.numbers == (2, 3, 4)
    assert [(a.number, a.ref, a.field) for a in draft.applied] == [(2, "2", "text"), (4, "4", "add")]
    found = migrated_db.call(draft_task, notice_id, number=2)
    assert found is not None and found[0] == 2 and found[1].text == "Viết lại"
    assert migrated_db.call(draft_task, notice_id, number=1) is None  # dropped: its number is not reused
    assert migrated_db.call(draft_task, notice_id, ref="3") == (3, ParsedTask(
        ref="3", text="Nhiệm vụ 3", lead=("Ban Dân vận Tỉnh ủy",)))
    with pytest.raises(DraftCorrectionInvalid) as err:
        migrated_db.call(correct_draft, notice_id, [Correction(target="1", field="drop")], by=admin, now=AT)
    # a task dropped earlier and named again is said to be dropped (probe 24), not merely missing
    assert err.value.user_message == ("Mục 1 (nhiệm vụ 1) đã được bỏ khỏi danh sách trước đó; không cần sửa thêm. "
                                      "Để đưa lại, đồng chí gõ “thêm mục 1: <nội dung nhiệm vụ>”.")
    with pytest.raises(DraftCorrectionInvalid) as err:  # a number that never was one: the numbers there are
        migrated_db.call(correct_draft, notice_id, [Correction(target="9", field="drop")], by=admin, now=AT)
    assert err.value.user_message == "Danh sách không có nhiệm vụ số 9 (các số đang có: 2, 3, 4)."


def test_the_notice_number_date_subject_and_signer(migrated_db: Database) -> None:
    notice_id = _draft(migrated_db, ["1"])
    parsed = _correct(migrated_db, notice_id, [
        Correction(target="", field="number", value="476/UBND-VP"),
        Correction(target="", field="date", value=dt.date(2026, 3, 12)),
        Correction(target="", field="subject", value="Về việc phòng, chống sạt lở"),
        Correction(target="", field="signer", value="Nguyễn Văn An")])
    assert (parsed.number, parsed.date, parsed.subject, parsed.signer) == (
        "476/UBND-VP", dt.date(2026, 3, 12), "Về việc phòng, chống sạt lở", "Nguyễn Văn An")
    notice = migrated_db.call(lambda s: s.get_one(Notice, notice_id))
    assert (notice.number, notice.issued_on, notice.signer) == ("476/UBND-VP", dt.date(2026, 3, 12), "Nguyễn Văn An")


def test_a_person_named_as_lead_takes_the_task(migrated_db: Database) -> None:
    from storage.models import Task
    from storage.notices import confirm_notice

    db = migrated_db
    csv = PROVINCE + ("pm_khai,Lê Minh Khái,Phó Thủ tướng,Lãnh đạo Chính phủ,leader\n"
                      "cv_an,Nguyễn Văn An,Chuyên viên,Sở Tài chính,cadre\n"
                      "cv_an2,Trần Văn An,Chuyên viên,Sở Nội vụ,cadre\n")
    db.call(import_directory, parse_directory_csv(csv.encode()), now=AT)
    admin = db.call(person_by_handle, "admin")
    parsed = ParsedNotice(tasks=(
        ParsedTask(ref="1", text="Họp với Bộ Tài chính", lead=("Phó Thủ tướng Lê Minh Khái",)),
        ParsedTask(ref="2", text="Tổng hợp", lead=("Sở Nội vụ",)),
        ParsedTask(ref="3", text="Rà soát", lead=("Sở Xây dựng",)),
        ParsedTask(ref="4", text="Theo dõi", lead=("Sở Xây dựng",))))
    draft = db.call(create_draft, parsed, source_text="t", source_name="a.txt", by=admin, now=AT)
    assert draft.guesses["Phó Thủ tướng Lê Minh Khái"].person
    named_first = db.call(create_draft, ParsedNotice(tasks=(ParsedTask(
        ref="1", text="Chỉ đạo", lead=("đồng chí Lê Minh Khái - Phó Thủ tướng Chính phủ, Trưởng ban",)),)),
        source_text="t2", source_name="b.txt", by=admin, now=AT)
    assert named_first.guesses["đồng chí Lê Minh Khái - Phó Thủ tướng Chính phủ, Trưởng ban"].person  # name, then title
    parsed, draft = db.call(correct_draft, draft.notice_id, [
        Correction(target="2", field="lead", value=("@cv_an",)),
        Correction(target="3", field="lead", value=("đ/c An",)),  # two people called An: nobody guessed
        Correction(target="4", field="lead_from", value="1"),
        Correction(target="", field="signer", value=None)], by=admin, now=AT)
    assert parsed.tasks[3].lead == ("Phó Thủ tướng Lê Minh Khái",) and parsed.signer is None
    db.call(confirm_notice, draft.notice_id, by=admin, now=AT)
    rows = db.call(lambda s: [(t.item_ref, t.assignee.handle if t.assignee else None,
                               t.lead_unit.name if t.lead_unit else None)
                              for t in s.scalars(select(Task).order_by(Task.position))])
    assert rows == [("1", "pm_khai", "Lãnh đạo Chính phủ"), ("2", "cv_an", "Sở Tài chính"), ("3", None, None),
                    ("4", "pm_khai", "Lãnh đạo Chính phủ")]


@pytest.mark.parametrize(("typed", "lead"), [
    ("so tai nguyen va moi truong ra soat danh sach ho dan", ("Sở Tài nguyên và Môi trường",)),
    ("giao ban dan van tinh uy chu tri tong ket", ("Ban Dân vận Tỉnh ủy",)),
    ("de nghi ban dan van bao cao ket qua", ("Ban Dân vận Tỉnh ủy",)),  # its words in order in one unit's name
    ("ra soat danh sach ho dan", ()),  # names no unit: nothing guessed
    ("UBND cac huyen, thanh pho to chuc tiem chung", ("UBND cac huyen, thanh pho",)),  # a group, as typed
    ("giao cac so, ban, nganh bao cao ket qua", ("cac so, ban, nganh",)),
    ("Sở Tài nguyên và Môi trường ra soát", ()),  # typed with marks: the parser's reading stands
])
def test_an_added_task_typed_without_marks_takes_the_unit_its_first_words_name(
        migrated_db: Database, typed: str, lead: tuple[str, ...]) -> None:
    notice_id = _draft(migrated_db, ["1"])
    added = Correction(target="", field="add", value=ParsedTask(ref="?", text=typed))
    parsed = _correct(migrated_db, notice_id, [added])
    assert parsed.tasks[-1].text == typed
    assert parsed.tasks[-1].lead == lead
    assert parsed.tasks[-1].lead_source == ("text" if lead else None)


@pytest.mark.parametrize(("typed", "lead", "support"), [
    # probe 18: the whole sentence up to the deadline was read as one lead ("… ra soat, bo sung …, truoc")
    ("Ban Dan van Tinh uy ra soat, bo sung quy che, truoc ngay 28/02/2025", ("Ban Dân vận Tỉnh ủy",), ()),
    # the parser's "Ban Tuyen" (its name cut where it could not see one end) is no directory unit: dropped
    ("Ban Dan van Tinh uy chu tri, phoi hop Ban Tuyen giao ra soat quy che", ("Ban Dân vận Tỉnh ủy",), ()),
    ("Ban Quan ly du an ra soat, bo sung ho so", (), ()),  # no directory unit opens it: nobody guessed
])
def test_an_added_task_typed_without_marks_keeps_only_units_the_directory_knows(
        migrated_db: Database, typed: str, lead: tuple[str, ...], support: tuple[str, ...]) -> None:
    """The unit the first words name wins over the parser's reading of text without marks, which cannot tell
    where a name ends; a supporting unit the parser read stays only when it is a directory unit's name."""
    notice_id = _draft(migrated_db, ["1"])
    parsed = _correct(migrated_db, notice_id, [Correction(target="", field="add",
                                                          value=read_task(typed, ref="?", issued_on=AT.date()))])
    assert parsed.tasks[-1].lead == lead
    assert parsed.tasks[-1].support == support


def test_a_recurring_deadline_and_a_date_set_by_the_admin(migrated_db: Database) -> None:
    notice_id = _draft(migrated_db, ["1", "2"])
    parsed = _correct(migrated_db, notice_id, [
        Correction(target="1", field="recurring", value=("monthly", "trước ngày 15 hằng tháng")),
        Correction(target="2", field="due", value=dt.date(2026, 4, 30))])
    monthly, dated = parsed.tasks
    assert (monthly.recurrence, monthly.due, monthly.due_text) == ("monthly", None, "trước ngày 15 hằng tháng")
    assert (dated.due, dated.due_text) == (dt.date(2026, 4, 30), None)  # nothing quoted that the notice did not say


def test_every_unit_meant_by_tat_ca_is_one_with_a_head(migrated_db: Database) -> None:
    notice_id = _draft(migrated_db, ["1"])
    admin = migrated_db.call(person_by_handle, "admin")
    _, draft = migrated_db.call(correct_draft, notice_id, [
        Correction(target="1", field="lead", value=("tất cả các cơ quan, đơn vị",))], by=admin, now=AT)
    guess = draft.guesses["tất cả các cơ quan, đơn vị"]
    assert guess.group
    # the leaders' and the admin's offices have no head: they give no work to themselves
    assert [unit for unit, _ in guess.members] == ["Ban Dân vận Tỉnh ủy", "Sở Tài nguyên và Môi trường"]


def test_an_item_number_with_only_one_task_under_it_names_that_task(migrated_db: Database) -> None:
    notice_id = _draft(migrated_db, ["1", "2 (đoạn 1)", "3.a", "4.a", "4.b"])
    parsed = _correct(migrated_db, notice_id, [Correction(target="mục 3", field="text", value="Ba"),
                                               Correction(target="mục 2", field="text", value="Hai")])
    assert [t.text for t in parsed.tasks][1:3] == ["Hai", "Ba"]
    with pytest.raises(DraftCorrectionInvalid):  # two under "4": which one is not guessed
        _correct(migrated_db, notice_id, [Correction(target="mục 4", field="text", value="Bốn")])


def test_seeing_an_item_number_with_only_one_task_under_it(migrated_db: Database) -> None:
    from storage.notices import draft_task

    notice_id = _draft(migrated_db, ["1", "3.a", "4.a", "4.b"])
    seen = migrated_db.call(draft_task, notice_id, ref="3")
    assert seen is not None and seen[1].ref == "3.a"
    assert migrated_db.call(draft_task, notice_id, ref="4") is None  # two under "4": not guessed


def test_a_unit_whose_name_has_a_comma_stays_one_unit(migrated_db: Database) -> None:
    # "Phòng Kinh tế, Hạ tầng và Đô thị" typed as a lead: the admin's commas separate names, but parts that join
    # back into one directory unit are that unit (probe 18: two tasks for one head)
    csv = DIRECTORY_CSV.read_bytes() + "tp_kthtdt,Lê Văn Hạ,Trưởng phòng,\"Phòng Kinh tế, Hạ tầng và Đô thị\",head\n" \
        .encode()
    notice_id = _draft(migrated_db, ["1", "2"])
    migrated_db.call(import_directory, parse_directory_csv(csv), now=AT)
    parsed = _correct(migrated_db, notice_id, [
        Correction(target="1", field="lead", value=("Phòng Kinh tế", "Hạ tầng và Đô thị")),
        Correction(target="2", field="support", value=("Sở Tài chính", "Phòng Kinh tế", "Hạ tầng và Đô thị"))])
    assert parsed.tasks[0].lead == ("Phòng Kinh tế, Hạ tầng và Đô thị",)
    assert parsed.tasks[1].support == ("Sở Tài chính", "Phòng Kinh tế, Hạ tầng và Đô thị")
