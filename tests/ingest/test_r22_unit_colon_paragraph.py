"""Round 22: an unnumbered paragraph that names a unit and its work after a colon — "Sở Công Thương: Theo dõi, đánh
giá nguồn cung …" — over dash items with no unit of their own is the unit's first task, and the unit leads every item
below it (before, the paragraph was no task and the items had no lead)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """Ngày 20/12/2023, Chủ tịch UBND tỉnh ban hành Chỉ thị về việc tổ chức đón Tết Nguyên đán.

Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Trưởng các ban, ngành, đơn vị cấp tỉnh, Chủ tịch UBND các huyện, thị xã, \
thành phố tập trung chỉ đạo thực hiện đồng bộ, có hiệu quả các nhiệm vụ, giải pháp trọng tâm sau:

{unit}: {work}

- Chủ động tham mưu cho Ủy ban nhân dân tỉnh phương án chuẩn bị nguồn hàng, dự trữ hàng hóa thiết yếu phục vụ Tết.

- Phối hợp với các đơn vị chức năng theo dõi sát tình hình sản xuất, diễn biến thời tiết, dịch bệnh trên địa bàn.
"""
ITEMS = ("Chủ động tham mưu", "Phối hợp với các đơn vị")


@pytest.mark.parametrize("unit", ["Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn"])
@pytest.mark.parametrize("work", [
    "Theo dõi, đánh giá nguồn cung, nhu cầu hàng hóa, nhất là các mặt hàng thiết yếu trên địa bàn.",
    "Chủ trì kiểm tra, giám sát thị trường, bảo đảm cung ứng đủ hàng hóa thiết yếu dịp Tết.",
])
def test_the_units_paragraph_is_its_task_and_leads_the_items(unit: str, work: str) -> None:
    tasks = list(parse_notice(NEWS.format(unit=unit, work=work)).tasks)
    shown = [(t.ref, t.lead, t.text[:50]) for t in tasks]
    own = [t for t in tasks if work[:30] in t.text]
    assert len(own) == 1 and list(own[0].lead) == [unit], shown
    items = [t for t in tasks if t.text.startswith(ITEMS)]
    assert len(items) == 2 and all(list(t.lead) == [unit] for t in items), shown


# guard: a field label before its colon names no unit, and gives the items below none
@pytest.mark.parametrize("label", ["Thời gian thực hiện", "Nội dung"])
def test_a_field_label_leads_nothing(label: str) -> None:
    text = NEWS.format(unit=label, work="Từ ngày 25 tháng Chạp đến hết ngày mùng 6 Tết năm nay.")
    tasks = list(parse_notice(text).tasks)
    assert not any(label in " ".join(t.lead) for t in tasks), [(t.ref, t.lead, t.text[:50]) for t in tasks]
