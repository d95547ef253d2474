"""Round 20: a news or portal report (no kind, no number of its own) that says what a group must do — "Các tàu
thuyền đang hoạt động trên biển phải về bờ neo đậu …", "Đối với các điều tra viên, cần nghiêm túc …" — holds that
duty as a task of its own, led by the group as the sentence names it (such sentences were no candidate at all).
Not "… phải là …" / "… cần có …" (what a thing is or needs), nor an account ("Các xã đã phải …"), nor in a
formal notice; a sentence a task holds is not repeated."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """{place} chủ động ứng phó với {event}

Chiều 12/10, Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn {place} đã họp triển khai công tác ứng phó \
với {event}.

Theo dự báo, {event} sẽ ảnh hưởng trực tiếp đến vùng biển và đất liền của {place} trong 2 ngày tới. {second}
"""

CASES = [dict(place="tỉnh Nghệ An", event="cơn bão số 6"), dict(place="huyện Quỳnh Lưu", event="áp thấp nhiệt đới")]
SECONDS = [
    ("Các tàu thuyền đang hoạt động trên biển phải về bờ neo đậu để bảo đảm an toàn trước khi bão vào.",
     "Các tàu thuyền đang hoạt động trên biển"),
    ("Những người dân sống ở vùng trũng thấp phải chủ động chuẩn bị lương thực, nước uống và sẵn sàng sơ tán.",
     "Những người dân sống ở vùng trũng thấp"),
]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize(("second", "group"), SECONDS)
def test_what_a_group_must_do_is_its_task(c: dict[str, str], second: str, group: str) -> None:
    tasks = list(parse_notice(REPORT.format(**c, second=second)).tasks)
    hits = [t for t in tasks if second[-50:] in t.text]
    assert len(hits) == 1 and "Theo dự báo" not in hits[0].text, [t.text for t in tasks]
    assert list(hits[0].lead) == [group], [t.lead for t in tasks]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("second", [
    "Các khu neo đậu phải là nơi kín gió, có đủ chỗ cho tàu thuyền của ngư dân trong vùng.",
    "Các hồ chứa cần có phương án vận hành an toàn trong mùa mưa lũ năm nay theo quy định.",
    # an account of what was done
    "Các xã đã phải huy động lực lượng giúp dân chằng chống nhà cửa trong đợt bão trước.",
])
def test_what_a_thing_is_or_needs_or_an_account_is_no_task(c: dict[str, str], second: str) -> None:
    tasks = list(parse_notice(REPORT.format(**c, second=second)).tasks)
    assert not [t for t in tasks if t.text.startswith(second[:30])], [t.text for t in tasks]


FORMAL = """UBND TỈNH NGHỆ AN
Số: 4512/UBND-NN
Nghệ An, ngày 12 tháng 10 năm 2020
CÔNG ĐIỆN
Về việc chủ động ứng phó với cơn bão số 6

Kính gửi: Chủ tịch UBND các huyện, thành phố, thị xã ven biển

1. Chủ tịch UBND các huyện ven biển kiểm đếm, hướng dẫn tàu thuyền vào nơi tránh trú an toàn. {second}
"""


def test_a_formal_notice_keeps_its_item_whole() -> None:
    second = SECONDS[0][0]
    tasks = list(parse_notice(FORMAL.format(second=second)).tasks)
    hits = [t for t in tasks if second[-50:] in t.text]
    assert len(hits) == 1 and "kiểm đếm" in hits[0].text, [t.text for t in tasks]
