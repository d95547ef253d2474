"""Extension requests around Tết (probe 12, finding 6), through the sandbox on SQLite and PostgreSQL: a deadline
inside the break already runs to the first working day after it, so "xin gia hạn đến sau Tết" is asked "đến ngày
nào?" (probe 20: it was refused on the person's behalf), nothing is sent to the approvers until a date comes; a date
asked that is a day off says how it runs; asking again for a day that runs to the same working day is not sent twice;
"N ngày làm việc" counts from the deadline as it runs. Tết 2027: mùng 1 is 06/02, the break 04/02–10/02."""

from __future__ import annotations

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conversation_setup import last_text, texts_to
from tests.conftest import DIRECTORY_CSV, local

NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    "Số: 12/TB-UBND",
    "Bình Thuận, ngày 19 tháng 01 năm 2027",
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban tháng 01/2027",
    "1. Ban Dân vận Tỉnh ủy tổng hợp ý kiến của Nhân dân, báo cáo trước ngày 05/02/2027.",
    "2. Sở Tài nguyên và Môi trường rà soát hồ sơ đất đai, báo cáo trước ngày 03/02/2027.",
    "",
])


async def test_extension_requests_around_tet(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 1, 19, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        h.clock.set(local(2027, 1, 25, 9, 0))
        mark = len(h.sent)
        await h.say("head_bdv", "1 xin gia hạn đến sau Tết")
        answer = last_text(h, "head_bdv")
        assert answer.startswith("Thời hạn hiện tại của mục 1 là 05/02/2027, tính đến hết 11/02/2027 (ngày làm việc "
                                 "đầu tiên sau ngày nghỉ), trùng với ngày 11/02/2027 theo thời gian đồng chí nêu. "
                                 "Nếu cần thêm thời gian, đồng chí xin gia hạn đến ngày nào?"), answer
        assert "không" not in answer, "no double negative"
        assert texts_to(h, "leader", mark) == [] and texts_to(h, "admin", mark) == [], "nobody asked to decide"
        await h.say("head_bdv", "đến 26/2")  # the date: the request goes ahead
        assert "Đề nghị gia hạn đến 26/02/2027 đã được chuyển tới" in last_text(h, "head_bdv")
        assert "đề nghị gia hạn đến: 26/02/2027" in texts_to(h, "leader")[-1]

        await h.say("head_stnmt", "2 xin gia hạn đến 8/2 vì chờ số liệu")
        answer = last_text(h, "head_stnmt")
        assert "Đề nghị gia hạn đến 08/02/2027 đã được chuyển tới" in answer
        assert "(hạn 08/02/2027 rơi vào ngày nghỉ Tết, tính đến hết 11/02/2027)" in answer
        mark = len(h.sent)
        await h.say("head_stnmt", "2 xin gia hạn đến hết Tết")  # 11/02: the same working day as 8/2 runs to
        assert texts_to(h, "leader", mark) == [], "the same request is not sent again"
        assert "đang chờ" in last_text(h, "head_stnmt")
    finally:
        await h.stop()


async def test_working_days_asked_count_from_the_deadline_as_it_runs(db_url: str) -> None:
    """Probe 20: "xin gia hạn 5 ngày làm việc" on a deadline inside Tết counted from the nominal day (one working day
    short of five after the real deadline)."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 1, 25, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("head_bdv", "1 xin gia hạn 5 ngày làm việc")  # due 05/02 (Tết): runs to 11/02; +5: 18/02
        assert "Đề nghị gia hạn đến 18/02/2027 đã được chuyển tới" in last_text(h, "head_bdv"), last_text(h, "head_bdv")
    finally:
        await h.stop()
