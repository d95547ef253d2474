"""Round 22: a retold report's sentence that says what a group must do ("Các / Những X cần / phải …") is a task after
the frame it opens with too — "Định kỳ từ ngày 1 đến ngày 5 hằng tháng, các đơn vị … phải cập nhật …", "Ngoài ra,
các đội … cần …" (before, only a sentence opening with "Các / Những" was read); not where a unit asks in the frame."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import _obligation_tasks

NEWS = """Sở Giao thông công chính cập nhật giải quyết nguyện vọng cử tri

Thực hiện chỉ đạo của UBND thành phố về việc công khai kết quả giải quyết kiến nghị của cử tri, trong năm qua Sở đã \
tiếp nhận 120 kiến nghị, đến nay đã giải quyết xong 98 kiến nghị, số còn lại đang được xem xét giải quyết.

{sentence}
"""


@pytest.mark.parametrize("sentence,lead", [
    ("Định kỳ từ ngày 1 đến ngày 5 hằng tháng, các đơn vị và phòng ban được phân công phải cập nhật kết quả giải quyết "
     "nguyện vọng cử tri trên mạng của tháng trước.", "các đơn vị và phòng ban được phân công"),
    ("Ngoài ra, các đội quản lý công trình cần tăng cường kiểm tra hiện trường các tuyến đường bị phản ánh.",
     "các đội quản lý công trình"),
    ("Cùng với đó, các xí nghiệp thoát nước cần nạo vét các tuyến cống bị ngập theo phản ánh của cử tri.",
     "các xí nghiệp thoát nước"),
])
def test_a_framed_obligation_is_a_task(sentence: str, lead: str) -> None:
    tasks = list(parse_notice(NEWS.format(sentence=sentence)).tasks)
    own = [t for t in tasks if sentence[-60:-1] in t.text]
    assert len(own) == 1 and list(own[0].lead) == [lead], [(t.ref, t.lead, t.text[:60]) for t in tasks]


# guards: an account of what was done, and a unit that asks another, are no obligation of their own
@pytest.mark.parametrize("sentence", [
    "Năm qua, các đơn vị đã phải huy động nhiều nguồn lực để giải quyết dứt điểm các kiến nghị của cử tri.",
    "Theo quy định, người dân phải gửi kiến nghị qua tổ đại biểu hoặc qua cổng thông tin của thành phố.",
])
def test_no_obligation_without_a_doer_bound_now(sentence: str) -> None:
    tasks = list(parse_notice(NEWS.format(sentence=sentence)).tasks)
    assert not any(sentence[-60:-1] in t.text for t in tasks), [(t.ref, t.lead, t.text[:60]) for t in tasks]


# (round 23: a unit's ask of another is no obligation the obligation reader takes; it is the speaker's ask, read by
# `_speaker_ask_tasks` — a task of the units asked, as batch-o 1274's labels have "Sở cũng lưu ý các đơn vị phải …")
def test_a_units_ask_is_no_obligation_but_an_ask() -> None:
    sentence = "Sở cũng lưu ý các đơn vị phải đảm bảo trả lời cử tri đúng thời hạn quy định tại quy chế của thành phố."
    assert _obligation_tasks([sentence], [], issued_on=None) == []
    tasks = [t for t in parse_notice(NEWS.format(sentence=sentence)).tasks if sentence[-60:-1] in t.text]
    assert [list(t.lead) for t in tasks] == [["các đơn vị"]], tasks
