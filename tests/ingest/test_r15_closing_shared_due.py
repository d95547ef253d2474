"""Round 15: a closing call after the items that asks the units to carry out everything above by one date —
"<Cơ quan> yêu cầu <đơn vị>; <đơn vị> thực hiện đầy đủ các yêu cầu trên và gửi <văn bản> về <cơ quan> trước ngày D",
"Đề nghị <đơn vị> triển khai thực hiện các nội dung nêu trên, báo cáo … trước ngày D" — gives D to every item above
that has no deadline of its own (as the lead-in form "Đề nghị … báo cáo các nội dung sau, gửi về trước ngày D:"
already does). An item with its own date or a recurring duty keeps what it has; the call itself stays a task."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice

LETTER = """ỦY BAN NHÂN DÂN TỈNH {province}
Số: {number}/UBND-TH
V/v {subject}

Kính gửi: {addressees}

Để chuẩn bị {subject}, Ủy ban nhân dân tỉnh yêu cầu:
1. {unit_a} rà soát, đề xuất danh mục đề án trình Ủy ban nhân dân tỉnh.
2. {unit_b} đăng ký các nội dung cần trình Ban Thường vụ Tỉnh ủy.
3. {unit_c} hoàn thành dự thảo tổng hợp trước ngày {own_due}.
4. {unit_c} định kỳ hằng tháng cập nhật tiến độ trên hệ thống.

{closing}

Nơi nhận:
- Như trên;
- Lưu: VT.
"""

CASES = [
    dict(province="LAI CHÂU", number="1499", subject="xây dựng chương trình công tác năm 2027",
         addressees="Các sở, ban, ngành tỉnh; UBND các huyện, thành phố.", unit_a="Các sở, ban, ngành tỉnh",
         unit_b="UBND các huyện, thành phố", unit_c="Sở Tài chính", own_due="20/10/2026", due=dt.date(2026, 11, 5),
         closing="Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thành phố "
                 "thực hiện đầy đủ các yêu cầu trên và gửi văn bản về Ủy ban nhân dân tỉnh trước ngày 05/11/2026."),
    dict(province="HÀ GIANG", number="2210", subject="rà soát quy hoạch ngành năm 2027",
         addressees="Các sở, ngành; UBND các huyện.", unit_a="Sở Xây dựng", unit_b="UBND các huyện",
         unit_c="Sở Nông nghiệp và Môi trường", own_due="15/9/2026", due=dt.date(2026, 9, 30),
         closing="Đề nghị các sở, ngành và UBND các huyện triển khai thực hiện các nội dung nêu trên, báo cáo kết quả "
                 "về Sở Tài chính trước ngày 30/9/2026 để tổng hợp."),
]


@pytest.mark.parametrize("c", CASES)
def test_the_closing_date_is_the_due_of_the_items_without_one(c: dict) -> None:
    notice = parse_notice(LETTER.format(**c))
    by_ref = {t.ref: t for t in notice.tasks}
    assert by_ref["1"].due == c["due"]
    assert by_ref["2"].due == c["due"]


@pytest.mark.parametrize("c", CASES)
def test_own_dates_and_recurring_duties_keep_theirs(c: dict) -> None:
    notice = parse_notice(LETTER.format(**c))
    by_ref = {t.ref: t for t in notice.tasks}
    assert by_ref["3"].due is not None and by_ref["3"].due < c["due"]
    assert by_ref["4"].recurrence == "monthly" and by_ref["4"].due is None
    assert any(t.due == c["due"] and "trên" in t.text for t in notice.tasks), [t.text for t in notice.tasks]
