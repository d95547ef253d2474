"""Lead 18: "… các thôn và toàn thể nhân dân …" (the people, in lower case) is one more doer of the list, as
"Nhân dân" is; "Mỗi huyện, thành, thị ủy …" / "Những huyện, thị ủy …" are the Party committees of the levels, one
group, as "các huyện, thành, thị ủy" already was."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("before", ["các cơ quan, đơn vị, trường học, các thôn", "UBND các xã", "các tổ dân phố"])
@pytest.mark.parametrize("people", ["toàn thể nhân dân", "toàn thể nhân dân trên địa bàn xã"])
def test_the_people_after_and_are_one_more_doer(before: str, people: str) -> None:
    leads = find_leads(f"Theo đó, {before} và {people} đồng loạt ra quân tổng vệ sinh môi trường.")
    assert leads[-1] == people and len(leads) >= 2, leads


@pytest.mark.parametrize("plural", ["Mỗi", "Những"])
@pytest.mark.parametrize("levels", ["huyện, thành, thị ủy", "huyện, thị ủy", "quận, huyện, thị ủy"])
def test_level_committees_after_each_are_one_group(plural: str, levels: str) -> None:
    leads = find_leads(f"{plural} {levels}, đảng ủy trực thuộc chỉ đạo một số đảng bộ cơ sở tổ chức đại hội điểm.")
    assert leads == [f"{plural} {levels}", "đảng ủy trực thuộc"]


# guards: the people as the object of the work are no doer; a capitalised "Nhân dân" still counts as before
@pytest.mark.parametrize("text,leads", [
    ("UBND các xã tuyên truyền, vận động toàn thể nhân dân tham gia.", ["UBND các xã"]),
    ("Đề nghị Nhân dân chủ động phòng, chống dịch.", ["Nhân dân"]),
    ("Các huyện, thị ủy chỉ đạo tổ chức đại hội.", ["Các huyện, thị ủy"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


# "toàn thể cán bộ, đảng viên, công chức …": all the staff of a place, asked as a group of doers
@pytest.mark.parametrize("staff", ["toàn thể cán bộ, đảng viên, công chức, viên chức, đoàn viên, hội viên",
                                   "toàn thể cán bộ, công chức, viên chức", "Toàn thể cán bộ, đảng viên"])
def test_all_the_staff_are_a_group_of_doers(staff: str) -> None:
    text = (f"Theo đó, UBND xã yêu cầu {staff}, các cơ quan, đơn vị, doanh nghiệp và toàn thể Nhân dân trên địa bàn "
            "xã đồng loạt ra quân tổng vệ sinh môi trường.")
    assert find_leads(text) == [staff, "các cơ quan, đơn vị, doanh nghiệp", "toàn thể Nhân dân trên địa bàn xã"]


def test_staff_as_the_object_of_the_work_are_no_doer() -> None:
    assert find_leads("UBND các xã quán triệt đến toàn thể cán bộ, đảng viên nội dung Chỉ thị.") == ["UBND các xã"]
