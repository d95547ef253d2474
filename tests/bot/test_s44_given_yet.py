"""Whether the work was given out: a leader asks "… đã giao việc cho các đơn vị chưa?" (probe s43 #1: not
understood). The answer says, for the newest notices, a draft the office has not confirmed yet, or how many tasks
went to which units and whom, and the items nobody holds."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import texts_to
from tests.conftest import local

DIRECTORY = """handle,full_name,title,unit,role
vanthu,Vũ Thị Hồng Nhung,Chuyên viên Văn phòng HĐND và UBND huyện,Văn phòng HĐND và UBND huyện,admin
pct,Phạm Văn Hùng,Phó Chủ tịch UBND huyện,UBND huyện Đầm Hà,leader
tp_ktht,Ngô Đức Long,Trưởng phòng Kinh tế - Hạ tầng,Phòng Kinh tế - Hạ tầng,head
tp_tckh,Bùi Thị Thanh Hương,Trưởng phòng Tài chính - Kế hoạch,Phòng Tài chính - Kế hoạch,head
"""

NOTICE = """ỦY BAN NHÂN DÂN HUYỆN ĐẦM HÀ
Số: 415/TB-UBND
Đầm Hà, ngày 04 tháng 12 năm 2026
THÔNG BÁO
Kết luận của đồng chí Phạm Văn Hùng - Phó Chủ tịch UBND huyện tại cuộc họp về phương án phố đêm
1. Phòng Kinh tế - Hạ tầng thẩm định nội dung phương án phố đêm, hoàn thành trước ngày 15/12/2026.
2. Phòng Kinh tế - Hạ tầng hướng dẫn thị trấn lắp đặt hệ thống chiếu sáng, hoàn thành trước ngày 30/12/2026.
3. Phòng Tài chính - Kế hoạch thẩm định kinh phí hoạt động phố đêm, hoàn thành trước ngày 08/01/2027.
4. UBND thị trấn Đầm Hà xây dựng kế hoạch tổ chức khu phố đêm, báo cáo UBND huyện trước ngày 05/01/2027.
Nơi nhận:
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Phạm Văn Hùng
"""


@pytest.fixture
async def h(db_url: str):  # type: ignore[no-untyped-def]
    harness = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 7, 8, 30)))
    await harness.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    yield harness
    await harness.stop()


async def _asked(h: Harness, text: str) -> str:
    mark = len(h.sent)
    await h.say("pct", text)
    said = texts_to(h, "pct", mark)
    assert len(said) == 1, said
    return said[0]


async def test_nothing_received_yet_is_said(h: Harness) -> None:
    assert await _asked(h, "Văn phòng đã giao việc cho các đơn vị chưa?") == \
        "Nhắc việc chưa nhận văn bản nào để giao việc."


async def test_a_draft_not_confirmed_is_not_given_yet(h: Harness) -> None:
    await h.say("vanthu", NOTICE)
    said = await _asked(h, "Văn phòng đã giao việc cho các đơn vị chưa?")
    assert "415/TB-UBND" in said and "chưa giao — văn phòng đang soát bản xem trước (4 nhiệm vụ" in said, said


async def test_confirmed_work_is_told_per_unit_with_who_holds_it(h: Harness) -> None:
    await h.say("vanthu", NOTICE)
    await h.tap("vanthu", texts.BUTTON_CONFIRM)
    said = await _asked(h, "đã giao nhiệm vụ cho các phòng chưa?")
    assert "đã giao 4 nhiệm vụ ngày 07/12/2026 cho 3 đơn vị" in said, said
    assert "Phòng Kinh tế - Hạ tầng 2 (đ/c Ngô Đức Long)" in said, said
    assert "Phòng Tài chính - Kế hoạch 1 (đ/c Bùi Thị Thanh Hương)" in said, said
    assert "UBND thị trấn Đầm Hà 1 (chưa có người nhận)" in said and "Chưa có người nhận: mục 4" in said, said
    # a notice named by its number; one Nhắc việc does not hold is said so
    assert "đã giao 4 nhiệm vụ" in await _asked(h, "Thông báo 415/TB-UBND đã được giao hết chưa?")
    assert await _asked(h, "Thông báo số 99 đã giao chưa?") == \
        "Nhắc việc chưa có văn bản số 99 (đang soát hoặc đã giao)."


async def test_a_unit_asked_whether_it_did_something_is_still_its_report(h: Harness) -> None:
    await h.say("vanthu", NOTICE)
    await h.tap("vanthu", texts.BUTTON_CONFIRM)
    said = await _asked(h, "Phòng Tài chính - Kế hoạch đã thẩm định kinh phí chưa?")
    assert "Tình hình giao việc" not in said and "Phòng Tài chính - Kế hoạch" in said, said
    said = await _asked(h, "Phòng Kinh tế - Hạ tầng đã chuyển hồ sơ cho thị trấn chưa?")
    assert "Tình hình giao việc" not in said, said


async def test_a_unit_asked_whether_it_gave_out_its_work_gets_its_report(h: Harness) -> None:
    """"Phòng X đã giao việc cho người thực hiện chưa?" is about the unit handing on its own work (its report says
    who holds each task), not the office's question about the notices; "Văn phòng đã giao …" still is."""
    await h.say("vanthu", NOTICE)
    await h.tap("vanthu", texts.BUTTON_CONFIRM)
    for asked in ("Phòng Kinh tế - Hạ tầng đã giao việc cho người thực hiện chưa?",
                  "Phòng Tài chính - Kế hoạch đã phân công cho các phòng ban chưa?"):
        said = await _asked(h, asked)
        assert "đã giao 4 nhiệm vụ" not in said and asked.split(" đã ")[0] in said, said
        assert "UBND thị trấn Đầm Hà" not in said, said
    said = await _asked(h, "Văn phòng HĐND và UBND huyện đã giao việc cho các đơn vị chưa?")
    assert "đã giao 4 nhiệm vụ" in said, said
