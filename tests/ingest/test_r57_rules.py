"""Round 57 (issue 8, chosen on batch zzd): duties and lead units on phrasing patterns the unseen notices showed.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import _cut as cut_name
from bot.ingest.units import find_leads


@pytest.mark.parametrize("opening", ["Đổi mới", "Làm tốt", "Gắn", "Gắn chặt", "Đề xuất"])
def test_more_bare_imperatives_after_an_ask_are_duties_of_their_own(opening: str) -> None:
    text = ("Trưởng ban yêu cầu các xã tăng cường tuyên truyền về phòng, chống mua bán người tại các thôn. "
            f"{opening} công tác tuyên truyền với việc xây dựng nông thôn mới ở từng thôn.")
    tasks = [(list(t.lead), t.text) for t in parse_notice(text).tasks]
    assert len(tasks) == 2 and tasks[1][1].startswith(opening), tasks
    assert all(lead == ["các xã"] for lead, _ in tasks), tasks


def test_a_proposal_as_a_noun_opens_no_duty() -> None:
    text = ("Chủ tịch UBND huyện yêu cầu Phòng Tài chính - Kế hoạch rà soát kinh phí. Đề xuất của Phòng được thống "
            "nhất tại cuộc họp.")
    assert len(parse_notice(text).tasks) == 1


@pytest.mark.parametrize(("fragment", "name"), [
    ("Các cơ quan, đơn vị và tổ chức chính trị - xã hội sử dụng hàng hóa nội địa",
     "Các cơ quan, đơn vị và tổ chức chính trị - xã hội"),
    ("các doanh nghiệp, người sử dụng lao động thực hiện", "các doanh nghiệp, người sử dụng lao động"),
    ("các cấp ngành trực thuộc, khẩn cấp tháo gỡ vướng mắc", "các cấp ngành trực thuộc"),
    ("Ban Chỉ huy ứng phó sự cố khẩn cấp tỉnh chỉ đạo", "Ban Chỉ huy ứng phó sự cố khẩn cấp tỉnh"),
])
def test_where_a_unit_name_ends(fragment: str, name: str) -> None:
    assert cut_name(fragment) == name


def test_the_directed_units_lead_with_khan_cap_after_them() -> None:
    text = ("Chủ tịch UBND tỉnh Nguyễn Văn An chỉ đạo chủ đầu tư và các cấp ngành trực thuộc, khẩn cấp tháo gỡ "
            "vướng mắc, đẩy nhanh tiến độ thi công.")
    assert find_leads(text) == ["chủ đầu tư", "các cấp ngành trực thuộc"]
