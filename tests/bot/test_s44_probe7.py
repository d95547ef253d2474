"""Probe 7 (session 44): a district notice lived over Tết 2027. A cadre who holds a task of her unit covers her head
while he is on leave: she was asked, as the head's cover, to direct her own overdue task (and the leader read that the
head had been told), and her extension request went to the head on leave and waited three weeks."""

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
tp,Hoàng Văn Minh,Trưởng phòng Nông nghiệp và Môi trường,Phòng Nông nghiệp và Môi trường,head
cv,Đỗ Thị Thu,Chuyên viên Phòng Nông nghiệp và Môi trường,Phòng Nông nghiệp và Môi trường,cadre
"""

NOTICE = """ỦY BAN NHÂN DÂN HUYỆN YÊN SƠN
Số: 418/TB-UBND
Yên Sơn, ngày 04 tháng 12 năm 2026
THÔNG BÁO
Kết luận của đồng chí Nguyễn Văn Bình, Chủ tịch UBND huyện tại cuộc họp giao ban
1. Phòng Nông nghiệp và Môi trường kiểm tra, rà soát công tác phòng, chống dịch bệnh gia súc tại các xã, hoàn \
thành trước ngày 03/02/2027.
2. Phòng Nông nghiệp và Môi trường tổng hợp tình hình sản xuất vụ Đông, báo cáo UBND huyện trước ngày 25/02/2027.
3. Phòng Nông nghiệp và Môi trường tham mưu UBND huyện ban hành Kế hoạch ra quân sản xuất mừng Đảng, mừng Xuân, \
trình UBND huyện trước ngày 18/12/2026.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Bình
"""


async def confirmed(db_url: str) -> Harness:
    """The notice confirmed on Monday 07/12/2026, item 1 handed to the cadre."""
    harness = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 7, 9, 0)))
    await harness.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await harness.say("vp", NOTICE)
    await harness.tap("vp", texts.BUTTON_CONFIRM)
    await harness.say("tp", "/giao 1 Đỗ Thị Thu")
    return harness


@pytest.fixture
async def h(db_url: str):  # type: ignore[no-untyped-def]
    harness = await confirmed(db_url)
    yield harness
    await harness.stop()


async def _head_away(h: Harness) -> None:
    await h.advance_to(local(2027, 1, 28, 10, 30))
    await h.say("tp", "/nghi 01/02 19/02 @cv")  # the cadre who holds item 1 covers her head


async def test_the_holder_covering_her_head_is_not_asked_to_direct_her_own_task(h: Harness) -> None:
    await h.say("tp", "3 xong")
    await _head_away(h)
    mark = len(h.sent)
    await h.advance_to(local(2027, 2, 18, 9, 0))  # item 1 overdue since 03/02 (Tết 04–10/02 off)
    said = texts_to(h, "cv", mark)
    assert said and not any("CẦN ĐỒNG CHÍ CHỈ ĐẠO" in t for t in said), said
    assert not any("đã báo đồng chí trưởng đơn vị" in t for t in said), said
    to_leader = [t for t in texts_to(h, "ct", mark) if "CẦN ĐỒNG CHÍ CHỈ ĐẠO" in t]
    assert to_leader and not any("Đã báo: trưởng đơn vị" in t for t in to_leader), to_leader
    # back from leave, the head hears of it, the leader's having been told said
    mark = len(h.sent)
    await h.advance_to(local(2027, 2, 22, 9, 0))
    to_head = [t for t in texts_to(h, "tp", mark) if "CẦN ĐỒNG CHÍ CHỈ ĐẠO" in t]
    assert to_head and "Mục 1" in to_head[0] and "Đã báo: lãnh đạo" in to_head[0], to_head


async def test_a_request_while_the_head_is_on_leave_goes_to_the_leader_and_the_office(h: Harness) -> None:
    await _head_away(h)
    await h.advance_to(local(2027, 2, 1, 9, 0))
    mark = len(h.sent)
    await h.say("cv", "1 xin gia hạn đến 26/2 do còn 4 xã chưa kiểm tra xong")
    assert any("đã được chuyển tới đ/c Nguyễn Văn Bình và Văn phòng" in t for t in texts_to(h, "cv", mark)), \
        texts_to(h, "cv", mark)
    assert not texts_to(h, "tp", mark), texts_to(h, "tp", mark)
    assert any("26/02/2027" in t for t in texts_to(h, "ct", mark))
    # the office decides it, typed (the head being away)
    mark = len(h.sent)
    await h.say("vp", "đồng ý gia hạn 1")
    assert any("26/02/2027" in t and "đồng ý" in t.lower() for t in texts_to(h, "cv", mark)), \
        texts_to(h, "cv", mark)


async def test_with_the_head_at_work_the_head_decides(h: Harness) -> None:
    await _head_away(h)
    await h.advance_to(local(2027, 1, 29, 9, 0))
    mark = len(h.sent)
    await h.say("cv", "1 xin gia hạn đến 26/2 do còn 4 xã chưa kiểm tra xong")
    assert any("đ/c Hoàng Văn Minh (trưởng đơn vị chủ trì)" in t for t in texts_to(h, "cv", mark))
    assert any("26/02/2027" in t for t in texts_to(h, "tp", mark))
    assert not texts_to(h, "ct", mark)


async def test_the_draft_submitted_is_the_work_when_the_task_is_to_advise_and_submit(h: Harness) -> None:
    # #16: "đã trình UBND huyện dự thảo Kế hoạch mừng Đảng …" stayed "Đang thực hiện" ("mừng Đảng" read as "đang")
    await h.advance_to(local(2026, 12, 17, 10, 0))
    mark = len(h.sent)
    await h.say("tp", "3 đã trình UBND huyện dự thảo Kế hoạch ra quân sản xuất mừng Đảng, mừng Xuân kèm Tờ trình số "
                      "52/TTr-NN")
    assert any("mục 3 — Hoàn thành, đúng hạn" in t for t in texts_to(h, "tp", mark)), texts_to(h, "tp", mark)
    # a draft sent round for comments is still on the way
    mark = len(h.sent)
    await h.say("cv", "1 đã gửi dự thảo xin ý kiến các xã")
    assert not any("Hoàn thành" in t for t in texts_to(h, "cv", mark)), texts_to(h, "cv", mark)


async def test_the_day_it_was_submitted_is_the_day_it_was_done(h: Harness) -> None:
    # #18: "mục 3 đã trình UBND huyện từ ngày 17/12 rồi", said on 21/12, was recorded done that day, late
    await h.advance_to(local(2026, 12, 21, 9, 0))
    mark = len(h.sent)
    await h.say("tp", "mục 3 đã trình UBND huyện từ ngày 17/12 rồi, đề nghị cập nhật là hoàn thành")
    assert any("Hoàn thành ngày 17/12/2026, đúng hạn" in t for t in texts_to(h, "tp", mark)), texts_to(h, "tp", mark)


async def test_a_direction_on_a_list_of_items_goes_to_each(h: Harness) -> None:
    # #38: "nhắc … mục 4.a, 4.b" was passed on for 4.a only
    mark = len(h.sent)
    await h.say("ct", "nhắc Phòng Nông nghiệp và Môi trường khẩn trương báo cáo tiến độ mục 1, 2")
    assert any("mục 1" in t for t in texts_to(h, "cv", mark)), texts_to(h, "cv", mark)
    assert any("mục 2" in t for t in texts_to(h, "tp", mark)), texts_to(h, "tp", mark)


async def test_a_leave_typed_with_its_reason(h: Harness) -> None:
    # #39: "chưa hiểu" when the reason came before the days
    mark = len(h.sent)
    await h.say("tp", "Tôi nghỉ phép về quê ăn Tết từ 01/02 đến hết 19/02, đ/c Thu làm thay")
    said = texts_to(h, "tp", mark)
    assert any("nghỉ từ 01/02/2027 đến hết 19/02/2027" in t and "Đỗ Thị Thu" in t for t in said), said


MONTHLY = """ỦY BAN NHÂN DÂN HUYỆN YÊN SƠN
Số: 420/TB-UBND
Yên Sơn, ngày 04 tháng 12 năm 2026
THÔNG BÁO
Kết luận của đồng chí Nguyễn Văn Bình, Chủ tịch UBND huyện về giải ngân vốn đầu tư công
1. Phòng Nông nghiệp và Môi trường định kỳ hằng tháng báo cáo tiến độ giải ngân vốn sự nghiệp nông nghiệp về UBND \
huyện trước ngày 25 hằng tháng.
Nơi nhận:
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Bình
"""


async def test_the_reports_due_in_a_month_named_by_its_number(h: Harness) -> None:
    # #49: "tháng 2 phải nộp báo cáo gì ạ?" went to the office; asked with January's round still open, February's
    # round is due too
    await h.say("vp", MONTHLY)
    await h.tap("vp", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2027, 2, 11, 9, 0))
    mark = len(h.sent)
    await h.say("tp", "tháng 2 phải nộp báo cáo gì ạ?")
    said = texts_to(h, "tp", mark)
    assert len(said) == 1 and "trong tháng 2/2027" in said[0] and "hạn 25/02/2027" in said[0], said
    assert not texts_to(h, "vp", mark)  # not a question to the office
    mark = len(h.sent)
    await h.say("tp", "tháng 3 có phải nộp thêm báo cáo không ạ?")
    assert any("hạn 25/03/2027" in t for t in texts_to(h, "tp", mark)), texts_to(h, "tp", mark)


DIRECTORY_TCKH = DIRECTORY + "tp_tc,Trần Quốc Tuấn,Trưởng phòng Tài chính - Kế hoạch,Phòng Tài chính - Kế hoạch,head\n"


@pytest.fixture
async def h2(db_url: str):  # type: ignore[no-untyped-def]
    harness = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 7, 9, 0)))
    await harness.start(directory_csv=DIRECTORY_TCKH.encode(), enroll_all=True)
    await harness.say("vp", NOTICE)
    await harness.tap("vp", texts.BUTTON_CONFIRM)
    yield harness
    await harness.stop()


@pytest.mark.parametrize("unit", ["Phòng Tài chính - Kế hoạch", "Phòng TC-KH"])
async def test_a_unit_charged_by_a_direction_on_an_item_it_does_not_hold_is_told(h2: Harness, unit: str) -> None:
    # #36: "Giao Phòng TC-KH tham mưu …, phối hợp Phòng NN&MT thực hiện mục 2.1" reached only the holder of 2.1
    mark = len(h2.sent)
    await h2.say("ct", f"Giao {unit} tham mưu bố trí kinh phí mua hóa chất cho 4 xã còn thiếu, phối hợp Phòng "
                       "Nông nghiệp và Môi trường thực hiện mục 1")
    to_tc = texts_to(h2, "tp_tc", mark)
    assert len(to_tc) == 1 and "giao Phòng Tài chính - Kế hoạch liên quan đến nhiệm vụ mục 1" in to_tc[0], to_tc
    assert "Phòng Nông nghiệp và Môi trường chủ trì" in to_tc[0], to_tc
    assert texts_to(h2, "tp", mark), "the holder of item 1 is told as before"
    said = texts_to(h2, "ct", mark)
    assert any("đ/c Trần Quốc Tuấn (Phòng Tài chính - Kế hoạch) — đơn vị được giao theo ý kiến" in t
               for t in said), said


async def test_a_unit_named_as_a_partner_is_not_charged(h2: Harness) -> None:
    mark = len(h2.sent)
    await h2.say("ct", "Đề nghị Phòng Nông nghiệp và Môi trường phối hợp Phòng Tài chính - Kế hoạch khẩn trương "
                       "hoàn thành mục 1")
    assert not texts_to(h2, "tp_tc", mark), texts_to(h2, "tp_tc", mark)
