from __future__ import annotations

import datetime as dt

import pytest

from bot.corrections import LOOKS_LIKE_CORRECTION, CorrectionError, looks_like_correction, parse_corrections
from storage.corrections import Correction
from storage.parsed import ParsedTask

TODAY = dt.date(2018, 3, 1)


def test_each_line_is_one_correction() -> None:
    got = parse_corrections("3: Sở Tài chính\nMục 2.1 chủ trì: Ban Tuyên giáo\n3 hạn 30/4\n4 hạn không\nbỏ 5",
                            today=TODAY)
    assert got == [
        Correction(target="3", field="lead", value=("Sở Tài chính",)),
        Correction(target="mục 2.1", field="lead", value=("Ban Tuyên giáo",)),
        Correction(target="3", field="due", value=dt.date(2018, 4, 30)),
        Correction(target="4", field="due", value=None),
        Correction(target="5", field="drop"),
    ]


@pytest.mark.parametrize("text", ["cảm ơn", "3 hạn sớm nhất có thể", "3 hạn 31/2/2018"])
def test_what_is_not_a_correction_is_explained(text: str) -> None:
    with pytest.raises(CorrectionError) as caught:
        parse_corrections(text, today=TODAY)
    assert caught.value.user_message.startswith(("Không hiểu", "Ngày"))


def test_deadlines_as_typed_and_the_hint_names_this_year() -> None:
    got = parse_corrections("3 hạn thứ 6 tuần sau\n4 thời hạn: cuối tháng\n5 hạn 1/2\n6 hạn không có", today=TODAY)
    assert [c.value for c in got] == [dt.date(2018, 3, 9), dt.date(2018, 3, 31), dt.date(2019, 2, 1), None]
    with pytest.raises(CorrectionError) as caught:
        parse_corrections("cảm ơn", today=dt.date(2026, 5, 4))
    assert "“3 hạn 30/4/2027”" in caught.value.user_message and "2018" not in caught.value.user_message  # (to come)


@pytest.mark.parametrize(("typed", "expected"), [
    ("bo 3", [("3", "drop", None)]),
    ("bỏ 3, bỏ 5", [("3", "drop", None), ("5", "drop", None)]),
    ("bỏ 3, 5 và 7", [("3", "drop", None), ("5", "drop", None), ("7", "drop", None)]),
    ("bo muc II.1.a", [("mục ii.1.a", "drop", None)]),
    ("4 han 30/4/2026", [("4", "due", dt.date(2026, 4, 30))]),
])
def test_corrections_typed_without_marks_or_several_on_a_line(typed: str, expected: list[tuple[str, str, object]]) \
        -> None:
    got = parse_corrections(typed, today=dt.date(2026, 1, 26))
    assert [(c.target, c.field, c.value) for c in got] == expected


def test_several_lead_units_are_separate_and_a_group_stays_whole() -> None:
    got = parse_corrections("3: Sở Tài chính, Sở Nội vụ\n4: UBND các huyện, thành phố\n"
                            "5 chủ trì: Sở Y tế và Sở Tư pháp", today=TODAY)
    assert [c.value for c in got] == [("Sở Tài chính", "Sở Nội vụ"), ("UBND các huyện, thành phố",),
                                      ("Sở Y tế", "Sở Tư pháp")]


def test_a_lead_cannot_be_removed_only_replaced() -> None:
    with pytest.raises(CorrectionError) as caught:
        parse_corrections("3: không", today=TODAY)
    assert "cần có đơn vị chủ trì" in caught.value.user_message and "“bỏ 3”" in caught.value.user_message


@pytest.mark.parametrize(("typed", "expected"), [
    ("3 phối hợp: Sở Nội vụ, Sở Tư pháp", ("Sở Nội vụ", "Sở Tư pháp")),
    ("Mục 2.1 phối hợp với: Công an tỉnh", ("Công an tỉnh",)),
    ("3 phoi hop: khong", ()),
])
def test_supporting_units(typed: str, expected: tuple[str, ...]) -> None:
    [got] = parse_corrections(typed, today=TODAY)
    assert got.field == "support" and got.value == expected


def test_new_wording_of_a_task() -> None:
    [got] = parse_corrections("4 nội dung:   Rà soát   định mức chi thường xuyên.", today=TODAY)
    assert (got.target, got.field, got.value) == ("4", "text", "Rà soát định mức chi thường xuyên.")


def test_an_added_task_is_read_as_a_notice_item_reads() -> None:
    [plain, numbered, monthly] = parse_corrections(
        "thêm: Sở Nội vụ chủ trì, phối hợp Sở Tài chính rà soát biên chế, báo cáo trước ngày 20/5\n"
        "them muc 2.4: Văn phòng UBND tỉnh theo dõi, đôn đốc\n"
        "bổ sung nhiệm vụ: Sở Y tế báo cáo tình hình dịch bệnh hằng tháng", today=TODAY)
    assert plain.field == "add" and plain.target == ""
    task = plain.value
    assert isinstance(task, ParsedTask)
    assert task.lead == ("Sở Nội vụ",) and task.support == ("Sở Tài chính",) and task.due == dt.date(2018, 5, 20)
    assert numbered.target == "2.4" and isinstance(numbered.value, ParsedTask)
    assert numbered.value.lead == ("Văn phòng UBND tỉnh",) and numbered.value.due is None
    assert isinstance(monthly.value, ParsedTask) and monthly.value.recurrence == "monthly"


def test_a_day_without_a_year_in_an_added_task_is_the_next_such_day() -> None:
    [got] = parse_corrections("thêm: Sở Nội vụ báo cáo trước ngày 20/2", today=TODAY)
    assert isinstance(got.value, ParsedTask) and got.value.due == dt.date(2019, 2, 20)


def test_several_tasks_in_one_line_and_short_forms() -> None:
    got = parse_corrections("1, 2 và 5 hạn 30/4\n3 han ko\n4 nd: Rà soát lại\nmục 2.1, mục 2.2 phối hợp: Sở Nội vụ",
                            today=TODAY)
    assert [(c.target, c.field, c.value) for c in got] == [
        ("1", "due", dt.date(2018, 4, 30)), ("2", "due", dt.date(2018, 4, 30)), ("5", "due", dt.date(2018, 4, 30)),
        ("3", "due", None), ("4", "text", "Rà soát lại"),
        ("mục 2.1", "support", ("Sở Nội vụ",)), ("mục 2.2", "support", ("Sở Nội vụ",))]


def test_an_added_task_with_its_own_number_and_a_deadline_said_as_han() -> None:
    [got] = parse_corrections("thêm mục 1b: UBND huyện Bình Sơn di dời các hộ dân vùng sạt lở, hạn 20/4", today=TODAY)
    assert got.target == "1b" and isinstance(got.value, ParsedTask)
    assert got.value.lead == ("UBND huyện Bình Sơn",) and got.value.due == dt.date(2018, 4, 20)
    assert got.value.text == "UBND huyện Bình Sơn di dời các hộ dân vùng sạt lở"  # the deadline said apart goes


def test_the_notice_itself() -> None:
    got = parse_corrections("số: 476 / UBND-VP\nngày: 12/3/2018\ntrích yếu: Về việc phòng, chống sạt lở\n"
                            "người ký: Nguyễn Văn An", today=TODAY)
    assert [(c.field, c.value) for c in got] == [
        ("number", "476/UBND-VP"), ("date", dt.date(2018, 3, 12)), ("subject", "Về việc phòng, chống sạt lở"),
        ("signer", "Nguyễn Văn An")]


@pytest.mark.parametrize(("typed", "meant"), [
    ("1, 2 hạn trước Tết", True), ("thêm mục 1b: x", True), ("3: Sở X", True), ("bo 3", True), ("số: 12", True),
    ("2 phoi hop: Sở Y", True), ("2.1 xong", False), ("2 xong", False), ("mục 2.1 xong", False),
    ("xin gia hạn 2.1 đến 30/4", False), ("cảm ơn", False),
    ("3.b nd: Tổ chức tuyên truyền", True), ("1.a, 1.b hạn 15/10", True), ("II.2: Sở Y tế", True),
    ("1.a xong", False),
])
def test_what_begins_as_a_correction(typed: str, meant: bool) -> None:
    assert bool(LOOKS_LIKE_CORRECTION.match(typed)) is meant


def test_giving_a_task_to_someone_or_the_lead_of_another_task() -> None:
    got = parse_corrections("11 giao đ/c Khái\n3 giao cho Sở Y tế, Sở Nội vụ\n4, 5: giống mục 2\n6 → như nhiệm vụ 3",
                            today=TODAY)
    assert [(c.target, c.field, c.value) for c in got] == [
        ("11", "lead", ("đ/c Khái",)), ("3", "lead", ("Sở Y tế", "Sở Nội vụ")),
        ("4", "lead_from", "mục 2"), ("5", "lead_from", "mục 2"), ("6", "lead_from", "3")]


@pytest.mark.parametrize(("typed", "expected"), [
    ("1: Bộ XD, Bộ TN&MT, UBDT, EVN", ("Bộ XD", "Bộ TN&MT", "UBDT", "EVN")),  # every comma separates what is typed
    ("1: Thị ủy Cửa Lò; ĐU Khối các cơ quan tỉnh", ("Thị ủy Cửa Lò", "ĐU Khối các cơ quan tỉnh")),
    ("1: tất cả các bộ, ngành", ("tất cả các bộ, ngành",)),  # a group stays one
    ("1: Sở Lao động - Thương binh và Xã hội, Sở Y tế", ("Sở Lao động - Thương binh và Xã hội", "Sở Y tế")),
])
def test_lead_lists_as_typed(typed: str, expected: tuple[str, ...]) -> None:
    [got] = parse_corrections(typed, today=TODAY)
    assert got.value == expected


def test_a_wrong_signer_can_be_cleared() -> None:
    assert [(c.field, c.value) for c in parse_corrections("người ký: không\ntrích yếu: xoá", today=TODAY)] == [
        ("signer", None), ("subject", None)]


@pytest.mark.parametrize(("typed", "due"), [
    ("them: so noi vu ra soat bien che, truoc ngay 30/4", dt.date(2018, 4, 30)),
    ("them: phong tai chinh bao cao cham nhat 15/5/2018", dt.date(2018, 5, 15)),
    ("them: so y te kiem tra, han 20/4", dt.date(2018, 4, 20)),
    ("them: so y te kiem tra cac co so", None),
    # "hang thang" (hằng tháng) is not "hạn": the task is added as typed, never refused as a wrong deadline
    ("them: cac dang uy xa bao cao tien do truoc ngay 25 hang thang", None),
])
def test_a_deadline_typed_without_marks_in_an_added_task(typed: str, due: dt.date | None) -> None:
    [got] = parse_corrections(typed, today=TODAY)
    assert got.field == "add" and isinstance(got.value, ParsedTask) and got.value.due == due
    assert ("truoc" not in got.value.text and "han 20" not in got.value.text) if due else True


def test_an_item_number_no_preview_number_can_be_names_that_item() -> None:
    got = parse_corrections("1.a, 1.b hạn 15/10/2018\n3.b nd: Tổ chức tuyên truyền trực quan\nII.2 phối hợp: Sở Y tế",
                            today=TODAY)
    assert [(c.target, c.field, c.value) for c in got] == [
        ("mục 1.a", "due", dt.date(2018, 10, 15)), ("mục 1.b", "due", dt.date(2018, 10, 15)),
        ("mục 3.b", "text", "Tổ chức tuyên truyền trực quan"), ("mục ii.2", "support", ("Sở Y tế",))]


def test_a_deadline_that_recurs_makes_the_task_recurring() -> None:
    [got] = parse_corrections("2 hạn trước ngày 15 hằng tháng", today=TODAY)
    assert (got.target, got.field, got.value) == ("2", "recurring", ("monthly", "trước ngày 15 hằng tháng"))
    [quarterly] = parse_corrections("mục c hạn trước ngày 5 tháng cuối mỗi quý", today=TODAY)
    assert quarterly.field == "recurring" and isinstance(quarterly.value, tuple) and quarterly.value[0] == "quarterly"


@pytest.mark.parametrize(("typed", "units"), [
    ("1: các sở, ban, ngành, UBND các huyện, thành phố", ("các sở, ban, ngành", "UBND các huyện, thành phố")),
    ("1: các cơ quan, đơn vị thuộc UBND huyện, UBND các xã, thị trấn",
     ("các cơ quan, đơn vị thuộc UBND huyện", "UBND các xã, thị trấn")),
    ("1: các sở, ban, ngành, UBND huyện Châu Đức", ("các sở, ban, ngành", "UBND huyện Châu Đức")),
    ("1: các Sở, Ban ngành", ("các Sở, Ban ngành",)),  # one group, written with capitals
    ("1: UBND các xã, thị trấn", ("UBND các xã, thị trấn",)),
    # a commune's units named beside a group (probe 16: the school was lost inside "các thôn, …")
    ("3: các thôn, Tổ dân phố 4, Trường THCS Đak Đoa, các đoàn thể",
     ("các thôn", "Tổ dân phố 4", "Trường THCS Đak Đoa", "các đoàn thể")),
    ("3: các thôn, tổ dân phố", ("các thôn, tổ dân phố",)),  # one group, its kinds in lower case
])
def test_two_groups_typed_in_one_line_are_two_leads(typed: str, units: tuple[str, ...]) -> None:
    [got] = parse_corrections(typed, today=TODAY)
    assert (got.field, got.value) == ("lead", units)


def test_how_often_typed_without_marks_in_an_added_task() -> None:
    [got] = parse_corrections("them: cac dang uy xa bao cao tien do truoc ngay 25 hang thang", today=TODAY)
    assert isinstance(got.value, ParsedTask) and got.value.recurrence == "monthly"
    [once] = parse_corrections("them: so y te kiem tra cac co so, truoc ngay 30/4", today=TODAY)
    assert isinstance(once.value, ParsedTask) and once.value.recurrence is None


@pytest.mark.parametrize(("typed", "expected"), [  # probe 14, finding 8
    ("10: giống mục 1", [("10", "mục 1")]),
    ("10: giống mục II.1", [("10", "mục II.1")]),
    ("10: giong muc ii.1.", [("10", "mục ii.1")]),
    ("10: giống II.1", [("10", "mục II.1")]),
    ("4, 5: tương tự mục 2", [("4", "mục 2"), ("5", "mục 2")]),
    ("10 chủ trì: như nhiệm vụ 3", [("10", "3")]),
    ("10: giống như trên", [("10", "9")]),  # the task just above
    ("4, 5: như trên", [("4", "3"), ("5", "3")]),
])
def test_the_lead_of_another_task_by_its_item_number(typed: str, expected: list[tuple[str, str]]) -> None:
    got = parse_corrections(typed, today=TODAY)
    assert [(c.target, c.value) for c in got] == expected
    assert {c.field for c in got} == {"lead_from"}


@pytest.mark.parametrize("typed", ["10: giống mục 1 và 2", "10: như mục II.1, II.2", "mục 2.1: như trên",
                                   "1: giống trên"])
def test_a_same_as_that_does_not_read_is_no_unit_name(typed: str) -> None:
    with pytest.raises(CorrectionError) as caught:
        parse_corrections(typed, today=TODAY)
    assert caught.value.user_message.startswith("Không hiểu “")
    assert "giống mục 2" in caught.value.user_message


@pytest.mark.parametrize(("typed", "field", "unit"), [
    ("1: thêm UBND xã Hiệp Thạnh ạ", "lead_add", "UBND xã Hiệp Thạnh"),
    ("1: bỏ Bộ CHQS tỉnh vì không liên quan", "lead_remove", "Bộ CHQS tỉnh"),
    ("1: bo Cong an tinh vi khong lien quan nhe", "lead_remove", "Cong an tinh"),
    ("1: thêm Sở Y tế nhé", "lead_add", "Sở Y tế"),
    ("1: Sở Tài chính giúp em", "lead", "Sở Tài chính"),
    ("1: bỏ Sở Xây dựng, lý do đã giao ở văn bản khác", "lead_remove", "Sở Xây dựng"),
    ("1: thêm UBND huyện Đô Lương", "lead_add", "UBND huyện Đô Lương"),
    ("1: thêm đơn vị Sở Nội vụ", "lead_add", "Sở Nội vụ"),
])
def test_a_reason_or_polite_words_are_not_part_of_a_unit(typed: str, field: str, unit: str) -> None:
    # probe 23, F9: "thêm UBND xã Hiệp Thạnh ạ" stored "… Hiệp Thạnh ạ"; "bỏ … vì không liên quan" echoed the reason
    assert parse_corrections(typed, today=TODAY) == [Correction(target="1", field=field, value=(unit,))]


@pytest.mark.parametrize(("typed", "expected"), [
    ("nhiệm vụ 1 giao Văn phòng chủ trì", [("lead", ("Văn phòng",))]),
    ("1: Văn phòng chủ trì thực hiện", [("lead", ("Văn phòng",))]),
    ("1: Văn phòng thực hiện", [("lead", ("Văn phòng",))]),
    ("1 Văn phòng chủ trì", [("lead", ("Văn phòng",))]),
    ("nhiệm vụ 1 do Văn phòng chủ trì thực hiện", [("lead", ("Văn phòng",))]),
    ("chuyển 1 sang Văn phòng chủ trì", [("lead", ("Văn phòng",))]),
    ("1 chuyển Văn phòng chủ trì", [("lead", ("Văn phòng",))]),
    ("giao Văn phòng chủ trì nhiệm vụ 1", [("lead", ("Văn phòng",))]),
    ("1 giao Văn phòng chủ trì, Sở Ngoại vụ phối hợp", [("lead", ("Văn phòng",)), ("support", ("Sở Ngoại vụ",))]),
    ("1 giao Văn phòng chủ trì, phối hợp với Sở Ngoại vụ", [("lead", ("Văn phòng",)), ("support", ("Sở Ngoại vụ",))]),
    ("1: Văn phòng chủ trì, Sở A và Sở B cùng phối hợp", [("lead", ("Văn phòng",)), ("support", ("Sở A", "Sở B"))]),
    ("giao Văn phòng chủ trì, Sở Ngoại vụ phối hợp nhiệm vụ 1",
     [("lead", ("Văn phòng",)), ("support", ("Sở Ngoại vụ",))]),
    ("1 giao Văn phòng và Sở Ngoại vụ chủ trì", [("lead", ("Văn phòng", "Sở Ngoại vụ"))]),
])
def test_a_unit_typed_with_its_role_is_the_unit_alone(typed: str, expected: list[tuple[str, object]]) -> None:
    # probe 25 #7: "nhiệm vụ 1 giao Văn phòng chủ trì" set the lead to "Văn phòng chủ trì"
    got = parse_corrections(typed, today=TODAY)
    assert [(c.target, c.field, c.value) for c in got] == [("1", field, value) for field, value in expected]


def test_a_line_that_goes_on_after_the_role_is_not_read_as_a_lead() -> None:
    assert not looks_like_correction("2.1 Văn phòng chủ trì đã xong")
