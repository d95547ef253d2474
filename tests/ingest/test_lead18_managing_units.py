"""Lead 18: "đơn vị / cơ quan quản lý …" names the managing units (a noun phrase, as "Ban quản lý …" is): "các đơn vị
quản lý đường bộ tăng cường …", "đề nghị các cơ quan quản lý trực tiếp cơ sở giáo dục đại học phối hợp …". The name
no longer stops at "quản lý"; "quản lý chặt chẽ / tốt / hiệu quả" after them is still their work."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import find_leads


@pytest.mark.parametrize("unit", ["các đơn vị quản lý đường bộ", "các cơ quan quản lý trực tiếp cơ sở giáo dục đại học",
                                  "đơn vị quản lý tuyến đường", "các cơ quan quản lý thị trường"])
@pytest.mark.parametrize("opening,work", [("", "tăng cường kiểm tra, xử lý vi phạm."),
                                          ("Đề nghị ", "phối hợp chỉ đạo, kiểm tra, đôn đốc."),
                                          ("Giao ", "khẩn trương khắc phục, sửa chữa.")])
def test_the_managing_units_are_named_whole(unit: str, opening: str, work: str) -> None:
    name = unit[:1].upper() + unit[1:] if not opening else unit
    assert find_leads(f"{opening}{name} {work}") == [name]


def test_the_managing_units_lead_a_notice_item() -> None:
    notice = ("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n\n"
              "1. Các đơn vị quản lý đường bộ tăng cường công tác tuần đường, rà soát, bổ sung hệ thống biển báo, "
              "hoàn thành trước ngày 15/3/2026.\n")
    assert [list(t.lead) for t in parse_notice(notice).tasks] == [["Các đơn vị quản lý đường bộ"]]


# guards: their work "quản lý chặt chẽ / tốt / hiệu quả …" still ends the name
@pytest.mark.parametrize("text,leads", [
    ("Các cơ quan, đơn vị quản lý chặt chẽ tài sản công.", ["Các cơ quan, đơn vị"]),
    ("Các đơn vị quản lý tốt hồ sơ địa chính.", ["Các đơn vị"]),
    ("UBND các xã quản lý chặt chẽ đất đai.", ["UBND các xã"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
