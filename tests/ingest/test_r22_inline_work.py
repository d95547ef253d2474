"""Round 22: a numbered heading that names its unit and gives the unit's work on its own line after the colon — "3.
Phòng Tài nguyên và Môi trường huyện: Xây dựng kế hoạch …" — is that unit's task with that work, even when a
paragraph follows it (before, the task was read from the next paragraph only, a source line or a note)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

PLAN = """Triển khai hướng dẫn tuyên truyền kỷ niệm Ngày thành lập tỉnh

Thực hiện Hướng dẫn số 06-HD/HU của Huyện ủy, Ủy ban nhân dân huyện giao nhiệm vụ cho các đơn vị như sau:

1. Phòng Văn hóa và Thông tin chủ trì, phối hợp các cơ quan, đơn vị có liên quan tham mưu Ủy ban nhân dân huyện \
hướng dẫn công tác tuyên truyền, thông tin cổ động trực quan.

2. Trung tâm Văn hóa - Thông tin và Thể thao

- Tăng cường các tin, bài tuyên truyền trên sóng truyền thanh, truyền hình.

- Tổ chức các hoạt động tuyên truyền trực quan, thông tin cổ động phù hợp.

3. {unit}: {work}

{after}
"""


@pytest.mark.parametrize("unit", ["Phòng Tài nguyên và Môi trường huyện", "Ban Quản lý dự án huyện"])
@pytest.mark.parametrize("work", [
    "Xây dựng kế hoạch chỉnh trang đô thị, vệ sinh môi trường trên địa bàn huyện.",
    "Chủ trì rà soát, sửa chữa các tuyến đường trục chính trước ngày kỷ niệm.",
])
@pytest.mark.parametrize("after", ["(Nguồn: Từ Công văn số 1150/UBND-VP ngày 22/04/2021)",
                                   "Các nội dung trên hoàn thành và báo cáo Ủy ban nhân dân huyện."])
def test_the_work_after_the_units_colon_is_its_task(unit: str, work: str, after: str) -> None:
    tasks = list(parse_notice(PLAN.format(unit=unit, work=work, after=after)).tasks)
    own = [t for t in tasks if work[:30] in t.text]
    assert len(own) == 1 and list(own[0].lead) == [unit], [(t.ref, t.lead, t.text) for t in tasks]


# guard: a heading that names only its unit leads the items below it and is no task itself
def test_a_heading_naming_only_its_unit_leads_its_items() -> None:
    text = PLAN.format(unit="Phòng Tài nguyên và Môi trường huyện", work="Xây dựng kế hoạch chỉnh trang đô thị.",
                       after="")
    tasks = list(parse_notice(text).tasks)
    items = [t for t in tasks if t.text.startswith(("Tăng cường các tin", "Tổ chức các hoạt động"))]
    assert len(items) == 2 and all(list(t.lead) == ["Trung tâm Văn hóa - Thông tin và Thể thao"] for t in items), \
        [(t.ref, t.lead, t.text) for t in tasks]
    assert not any(t.text.startswith("Trung tâm Văn hóa") for t in tasks), [(t.ref, t.lead, t.text) for t in tasks]


# guard: the names a group's colon lists are its members, not work
def test_members_after_a_groups_colon_are_no_work() -> None:
    text = PLAN.format(unit="UBND các phường", work="Ba Đình, Hoàn Kiếm, Cửa Nam", after="Chỉ đạo các tổ dân phố "
                       "tổ chức tổng vệ sinh môi trường trên địa bàn.")
    tasks = list(parse_notice(text).tasks)
    assert not any(t.text.startswith("Ba Đình") for t in tasks), [(t.ref, t.lead, t.text) for t in tasks]
