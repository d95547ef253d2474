"""Round 14: a unit bound to its work by a modal is a duty told in prose. "<Đơn vị> cần/phải/cần phải <việc>",
"<Đơn vị> chịu trách nhiệm <việc>" (not "chịu trách nhiệm trước <cấp trên>": whom it answers to), at the start of a
sentence or after an opening phrase ("Theo <cơ quan>, …", "Đối với <việc>, …", "Muốn vậy, …"). The unit leads when
the sentence names no other doer. Work reported as done ("… đã phải …") and people or households made to do something
("Nhiều hộ dân phải di dời …": not a unit) are not duties."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """{headline}
Ngày 12/3, Ủy ban nhân dân tỉnh tổ chức hội nghị đánh giá công tác {topic} năm 2024.
{sentence}
"""


def _tasks(sentence: str) -> list[tuple[str, tuple[str, ...]]]:
    notice = parse_notice(NEWS.format(headline="Tăng cường quản lý trật tự xây dựng", topic="quản lý trật tự xây dựng",
                                      sentence=sentence))
    return [(t.text, t.lead) for t in notice.tasks]


@pytest.mark.parametrize(("sentence", "lead"), [
    ("Các phòng, ban chuyên môn cần rà soát lại danh mục công trình vi phạm trật tự xây dựng trên địa bàn.",
     ("Các phòng, ban chuyên môn",)),
    ("Ủy ban nhân dân các xã phải kiểm tra, xử lý dứt điểm các công trình xây dựng trái phép.",
     ("Ủy ban nhân dân các xã",)),
    ("Chủ tịch UBND các huyện chịu trách nhiệm không để phát sinh công trình vi phạm mới tại địa phương.",
     ("Chủ tịch UBND các huyện",)),
    ("Đối với công tác cấp phép, Phòng Quản lý đô thị cần phải rút ngắn thời gian giải quyết hồ sơ.",
     ("Phòng Quản lý đô thị",)),
    # (round 30b: "trong tỉnh" after a group is where it is, part of its name)
    ("Theo Ủy ban nhân dân tỉnh, các địa phương trong tỉnh cần công khai danh sách công trình vi phạm.",
     ("các địa phương trong tỉnh",)),
    ("Để các báo cáo tổng hợp được chính xác, các đơn vị phải cập nhật đầy đủ thông tin công trình vi phạm.",
     ("các đơn vị",)),
])
def test_a_unit_bound_by_a_modal_has_the_duty(sentence: str, lead: tuple[str, ...]) -> None:
    tasks = _tasks(sentence)
    assert len(tasks) == 1
    assert tasks[0][0].startswith(sentence[:30])
    assert tasks[0][1] == lead


@pytest.mark.parametrize("sentence", [
    "Các xã đã phải huy động lực lượng tháo dỡ công trình vi phạm trong năm qua.",
    "Nhiều hộ dân phải tự tháo dỡ phần công trình lấn chiếm hành lang giao thông.",
    "Chủ tịch UBND các huyện chịu trách nhiệm trước Chủ tịch UBND tỉnh về trật tự xây dựng tại địa phương.",
    "Thủ trưởng cơ quan, đơn vị chịu trách nhiệm đối với những trường hợp báo cáo không trung thực.",
])
def test_no_duty_without_a_unit_bound_now(sentence: str) -> None:
    assert _tasks(sentence) == []
