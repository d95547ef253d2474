"""The assignment says where a deadline on a day off runs to, as the preview and the digests do (probe 7: a quarterly
round given as "hạn 20/12/2026" only, the preview's "(rơi vào Chủ nhật, tính đến hết 21/12/2026)" left out)."""

from __future__ import annotations

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import texts_to
from tests.bot.test_s44_probe7 import DIRECTORY
from tests.conftest import local

NOTICE = """ỦY BAN NHÂN DÂN HUYỆN YÊN SƠN
Số: 421/TB-UBND
Yên Sơn, ngày 04 tháng 12 năm 2026
THÔNG BÁO
Kết luận của đồng chí Nguyễn Văn Bình, Chủ tịch UBND huyện tại cuộc họp giao ban
1. Phòng Nông nghiệp và Môi trường định kỳ hằng quý báo cáo kết quả xây dựng nông thôn mới trước ngày 20 tháng cuối \
quý.
2. Phòng Nông nghiệp và Môi trường tổng hợp tình hình sản xuất vụ Đông, báo cáo UBND huyện trước ngày 25/02/2027.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Bình
"""


async def test_a_deadline_on_a_day_off_is_said_where_it_runs_to(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 7, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("vp", NOTICE)
        mark = len(h.sent)
        await h.tap("vp", texts.BUTTON_CONFIRM)
        [given] = [t for t in texts_to(h, "tp", mark) if "Đồng chí được giao chủ trì" in t]
        assert "hạn 20/12/2026 (kỳ quý IV/2026, định kỳ), rơi vào Chủ nhật, tính đến hết 21/12/2026\n" in given, given
        assert "— hạn 25/02/2027\n" in given, given  # a Thursday: nothing to say
    finally:
        await h.stop()
