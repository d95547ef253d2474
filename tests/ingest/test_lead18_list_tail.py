"""Lead 18: the last members of a list of doers are not lost. "… và tổ chức chính trị - xã hội …" names the mass
organisations (a noun, not the verb "tổ chức" = organise, which ended the list before it), and "các đảng ủy trực
thuộc" is a group of Party committees as "các cấp ủy" is."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import find_leads

ASKER = ["Ban Thường vụ Tỉnh ủy yêu cầu", "Đề nghị", "Thường trực Huyện ủy đề nghị"]


@pytest.mark.parametrize("asker", ASKER)
@pytest.mark.parametrize("front", ["Mặt trận Tổ quốc", "Ủy ban Mặt trận Tổ quốc tỉnh"])
@pytest.mark.parametrize("level", ["tỉnh", "huyện", "thành phố"])
def test_mass_organisations_after_and_are_one_more_doer(asker: str, front: str, level: str) -> None:
    text = (f"{asker} các sở, ban, ngành, {front} và tổ chức chính trị - xã hội {level} tiếp tục quán triệt, "
            "tuyên truyền sâu rộng Chỉ thị.")
    assert find_leads(text) == ["các sở, ban, ngành", front, f"tổ chức chính trị - xã hội {level}"]


@pytest.mark.parametrize("before", ["các sở, ban, ngành Thành phố, các quận, huyện, thị ủy",
                                    "Ban Thường vụ các huyện ủy, thị ủy", "các cơ quan, đơn vị"])
@pytest.mark.parametrize("committees", ["các đảng ủy trực thuộc", "các đảng ủy trực thuộc Tỉnh ủy",
                                        "các Đảng ủy cơ sở"])
def test_party_committees_of_a_group_end_the_list(before: str, committees: str) -> None:
    text = f"Thường trực Thành ủy yêu cầu {before} và {committees} thực hiện nghiêm túc Hướng dẫn số 03-HD/TU."
    leads = find_leads(text)
    assert leads[-1] == committees and len(leads) >= 2


def test_the_whole_list_leads_the_task_in_a_notice() -> None:
    notice = ("THÔNG BÁO\nKết luận của Thường trực Huyện ủy\n\n"
              "1. Đề nghị các cấp ủy đảng, chính quyền, Mặt trận Tổ quốc và tổ chức chính trị - xã hội huyện tập "
              "trung lãnh đạo, chỉ đạo thực hiện tốt Nghị quyết, hoàn thành trước ngày 30/6/2026.\n")
    tasks = parse_notice(notice).tasks
    assert [list(t.lead) for t in tasks] == [["các cấp ủy đảng", "chính quyền", "Mặt trận Tổ quốc",
                                              "tổ chức chính trị - xã hội huyện"]]


# guards: the verb "tổ chức" still ends a name; a Party committee's own name stays whole
@pytest.mark.parametrize("text,leads", [
    ("Đề nghị Sở Văn hóa và Thể thao tổ chức hội nghị tập huấn.", ["Sở Văn hóa và Thể thao"]),
    ("Đề nghị UBND các xã tổ chức tuyên truyền chính trị trong nhân dân.", ["UBND các xã"]),
    ("Đảng ủy các xã, thị trấn xây dựng kế hoạch thực hiện.", ["Đảng ủy các xã, thị trấn"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
