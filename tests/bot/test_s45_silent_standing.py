"""A unit that never answers on its standing duties (no deadline) is named to the leader in the weekly summary once
it has been silent four weeks (probe 7: Phòng KT-HT said nothing for twelve weeks and nobody was told unprompted)."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import texts_to
from tests.conftest import local

DIRECTORY = """handle,full_name,title,unit,role
vp,Lê Thị Hòa,Chuyên viên Văn phòng HĐND và UBND huyện,Văn phòng HĐND và UBND huyện,admin
ct,Nguyễn Văn Bình,Chủ tịch UBND huyện,Thường trực UBND huyện,leader
tp_ktht,Trần Quốc Việt,Trưởng phòng Kinh tế và Hạ tầng,Phòng Kinh tế và Hạ tầng,head
tp_vhtt,Phan Thị Lan,Trưởng phòng Văn hóa và Thông tin,Phòng Văn hóa và Thông tin,head
"""

NOTICE = """ỦY BAN NHÂN DÂN HUYỆN YÊN SƠN
Số: 420/TB-UBND
Yên Sơn, ngày 04 tháng 12 năm 2026
THÔNG BÁO
Kết luận của đồng chí Nguyễn Văn Bình, Chủ tịch UBND huyện tại cuộc họp giao ban
1. Phòng Kinh tế và Hạ tầng thường xuyên kiểm tra, đôn đốc các nhà thầu thi công đảm bảo chất lượng công trình.
2. Phòng Văn hóa và Thông tin thường xuyên tuyên truyền về phòng, chống cháy nổ dịp Tết.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Bình
"""

SILENT = "nhiệm vụ không có thời hạn (mục 1) chưa báo cáo lần nào"


@pytest.fixture
async def h(db_url: str):  # type: ignore[no-untyped-def]
    harness = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 7, 9, 0)))
    await harness.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await harness.say("vp", NOTICE)
    await harness.tap("vp", texts.BUTTON_CONFIRM)
    yield harness
    await harness.stop()


async def test_the_unit_silent_four_weeks_on_its_duties_is_named_to_the_leader(h: Harness) -> None:
    await h.advance_to(local(2026, 12, 9, 10, 0))
    await h.say("tp_vhtt", "2 đang triển khai tuyên truyền trên loa truyền thanh các xã")
    mark = len(h.sent)
    await h.advance_to(local(2026, 12, 31, 17, 0))  # three and a half weeks: not yet
    assert not any(SILENT in t for t in texts_to(h, "ct", mark)), texts_to(h, "ct", mark)
    mark = len(h.sent)
    await h.advance_to(local(2027, 1, 15, 17, 0))
    summaries = [t for t in texts_to(h, "ct", mark) if "Chưa phản hồi lần nào từ khi được giao:" in t]
    assert summaries, texts_to(h, "ct", mark)
    assert "• đ/c Trần Quốc Việt — Phòng Kinh tế và Hạ tầng (giao từ 07/12): 1 nhiệm vụ không có thời hạn (mục 1) " \
        "chưa báo cáo lần nào" in summaries[-1], summaries[-1]
    assert "Phan Thị Lan" not in summaries[-1]  # she answered
    assert summaries[-1].endswith(texts.WEEKLY_MORE), summaries[-1]
    # with nothing else new, the summary is not sent again every week for him: in the week his silence reaches eight
    # weeks (from 07/12: 01/02), it is
    mark = len(h.sent)
    await h.advance_to(local(2027, 1, 29, 17, 0))
    assert not any(SILENT in t for t in texts_to(h, "ct", mark)), texts_to(h, "ct", mark)
    await h.advance_to(local(2027, 2, 3, 17, 0))  # (the summary moved to Wednesday 03/02: Tết 04/02–10/02)
    assert any(SILENT in t for t in texts_to(h, "ct", mark)), texts_to(h, "ct", mark)
    # once he answers, he is not named again
    await h.say("tp_ktht", "1 đã kiểm tra 3 công trình, đang tiếp tục đôn đốc")
    mark = len(h.sent)
    await h.advance_to(local(2027, 3, 5, 17, 0))
    assert not any(SILENT in t for t in texts_to(h, "ct", mark)), texts_to(h, "ct", mark)
