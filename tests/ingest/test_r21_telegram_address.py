"""Round 21: a telegram's address line ("Chủ tịch UBND huyện điện:", "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN, điện:") with the
dash-list of its addressees below is read as "Kính gửi:" is: the list is no task, the background after it is no
continuation of the last addressee, and the numbered items are tasks."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

TELEGRAM = """ỦY BAN NHÂN DÂN
HUYỆN {place}
Số: 04/CĐ-UBND
{place}, ngày 07 tháng 10 năm 2020
CÔNG ĐIỆN
Chủ động ứng phó với tình hình mưa, lũ
{to}
- Chủ tịch UBND các xã, thị trấn;
- Thủ trưởng các cơ quan, đoàn thể trong huyện;
- Các thành viên Ban chỉ huy PCTT và TKCN huyện.
Theo tin từ Đài Khí tượng thuỷ văn tỉnh, từ ngày 06/10/2020 trên địa bàn huyện đã có mưa, mưa vừa có nơi mưa to; \
dự báo từ nay đến ngày 10/10 tiếp tục có mưa vừa, mưa to.
Để chủ động ứng phó với mưa lũ, Chủ tịch UBND huyện yêu cầu Chủ tịch UBND các xã, thị trấn triển khai các nội dung sau:
1. Thực hiện nghiêm túc nội dung Công điện số 03/CĐ-PCTT ngày 06/10/2020 của Ban chỉ huy PCTT-TKCN tỉnh.
2. Tổ chức trực ban nghiêm túc 24/24 giờ, theo dõi chặt chẽ diễn biến mưa lũ.
"""


@pytest.mark.parametrize("place", ["QUẢNG ĐIỀN", "HƯƠNG KHÊ"])
@pytest.mark.parametrize("to", ["Chủ tịch UBND huyện điện:", "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN, điện:"])
def test_the_addressees_of_a_telegram_are_no_task(place: str, to: str) -> None:
    tasks = list(parse_notice(TELEGRAM.format(place=place, to=to)).tasks)
    assert [t.text[:30] for t in tasks] == ["Thực hiện nghiêm túc nội dung ", "Tổ chức trực ban nghiêm túc 24"]
    assert all(list(t.lead) == ["Chủ tịch UBND các xã, thị trấn"] for t in tasks), [t.lead for t in tasks]


# guard: a sentence ending in "điện:" inside the body (a lead-in about power) is no address line
def test_a_body_lead_in_is_not_an_address() -> None:
    power = "2. Công ty Điện lực bảo đảm an toàn lưới điện:\n- Kiểm tra các trạm biến áp.\n3. Tổ chức trực ban"
    text = TELEGRAM.format(place="QUẢNG ĐIỀN", to="Kính gửi:").replace("2. Tổ chức trực ban", power)
    tasks = list(parse_notice(text).tasks)
    assert any(t.text.startswith("Thực hiện nghiêm túc") for t in tasks), [t.text for t in tasks]
