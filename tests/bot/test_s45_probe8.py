"""Probe 8 (session 45): a Huyện ủy Standing Board's conclusion notice lived over a quarter. An undo with a clerk's
lead-in was not understood; a draft submitted closed a task that goes on to carry out the programme; a leader's
direction reached a head on leave and nobody standing in; a watch duty's "nothing new this month" was shown the
task's card and stored nothing; a receipt with a promise and a leader's "tóm tắt tình hình tuần này" were "chưa
hiểu"."""

from __future__ import annotations

import pytest

from bot import texts
from bot.conversation.status import is_acknowledgement, two_months_named
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import texts_to
from tests.conftest import local

DIRECTORY = """handle,full_name,title,unit,role
admin,Trần Thị Thu Hà,Chuyên viên Văn phòng Huyện ủy,Văn phòng Huyện ủy,admin
leader,Nguyễn Văn Thắng,Phó Bí thư Thường trực Huyện ủy,Thường trực Huyện ủy,leader
head_btc,Phạm Thị Hồng,Trưởng Ban Tổ chức Huyện ủy,Ban Tổ chức Huyện ủy,head
cv_btc,Đỗ Văn Khánh,Chuyên viên Ban Tổ chức Huyện ủy,Ban Tổ chức Huyện ủy,cadre
head_btg,Võ Thanh Bình,Trưởng Ban Tuyên giáo Huyện ủy,Ban Tuyên giáo Huyện ủy,head
head_ubkt,Hoàng Văn Sơn,Chủ nhiệm Ủy ban Kiểm tra Huyện ủy,Ủy ban Kiểm tra Huyện ủy,head
head_ubnd,Trương Quốc Dũng,Chủ tịch UBND huyện,UBND huyện,head
"""

NOTICE = """ĐẢNG BỘ TỈNH BÌNH THUẬN
HUYỆN ỦY HÀM THUẬN NAM
Số 215-TB/HU
Hàm Thuận Nam, ngày 05 tháng 01 năm 2027
THÔNG BÁO
KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY
1. Ủy ban Kiểm tra Huyện ủy xây dựng, trình Ban Thường vụ ban hành Chương trình kiểm tra, giám sát năm 2027 và \
triển khai thực hiện các cuộc kiểm tra, giám sát theo chương trình trong quý I/2027.
2. Ban Tuyên giáo Huyện ủy thường xuyên nắm bắt tình hình tư tưởng của cán bộ, đảng viên và dư luận xã hội trên địa \
bàn, kịp thời tham mưu Ban Thường vụ định hướng thông tin.
3. Ban Tổ chức Huyện ủy hướng dẫn các chi, đảng bộ cơ sở tổ chức sinh hoạt chi bộ chuyên đề quý I/2027; tổng hợp kết \
quả, báo cáo Ban Thường vụ trong quý I/2027.
4. UBND huyện tập trung chỉ đạo công tác thu ngân sách năm 2027; định kỳ hằng tháng báo cáo kết quả về Ban Thường vụ \
Huyện ủy trước ngày 25.
Nơi nhận:
- Lưu Văn phòng Huyện ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC
Nguyễn Văn Thắng
"""


async def _started(db_url: str, *, confirm: bool = True) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 1, 6, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await h.say("admin", NOTICE)
    if confirm:
        await h.tap("admin", texts.BUTTON_CONFIRM)
    return h


async def _said(h: Harness, handle: str, text: str) -> list[str]:
    mark = len(h.sent)
    await h.say(handle, text)
    return texts_to(h, handle, mark)


@pytest.mark.parametrize("undo", ["à nhầm, hoàn tác", "ơ nhầm rồi, hoàn tác giúp em", "thôi, hoàn tác"])
async def test_an_undo_after_a_clerks_lead_in(db_url: str, undo: str) -> None:
    h = await _started(db_url, confirm=False)
    try:
        await h.say("admin", "sửa hạn nhiệm vụ 3 thành 15/3/2027")
        said = await _said(h, "admin", undo)
        assert said and said[0].startswith("Đã hoàn tác lần sửa gần nhất"), said
    finally:
        await h.stop()


async def test_a_draft_submitted_on_a_task_that_goes_on_is_progress(db_url: str) -> None:
    h = await _started(db_url)
    try:
        await h.advance_to(local(2027, 1, 13, 9, 0))
        said = await _said(h, "head_ubkt", "Mục 1: UBKT đã trình BTV dự thảo Chương trình KTGS năm 2027, dự kiến ban "
                                           "hành 15/01")
        assert "Đang thực hiện" in said[0] and "Hoàn thành" not in said[0], said
    finally:
        await h.stop()


async def test_a_direction_to_a_head_on_leave_reaches_the_colleague_standing_in(db_url: str) -> None:
    h = await _started(db_url)
    try:
        await h.advance_to(local(2027, 3, 3, 10, 0))
        await h.say("head_btc", "/nghi 08/03 12/03 @cv_btc")
        await h.advance_to(local(2027, 3, 10, 10, 0))
        mark = len(h.sent)
        await h.say("leader", "Đề nghị Ban Tổ chức khẩn trương tổng hợp kết quả sinh hoạt chi bộ chuyên đề")
        [cover] = texts_to(h, "cv_btc", mark)
        assert "(Đồng chí nhận thay đ/c Phạm Thị Hồng nghỉ phép đến hết 12/03/2027.)" in cover, cover
        assert "mục 3" in cover and texts_to(h, "head_btc", mark), cover
        [told] = texts_to(h, "leader", mark)
        assert "(đ/c Phạm Thị Hồng nghỉ phép đến hết 12/03/2027; đã chuyển cả đ/c Đỗ Văn Khánh làm thay)" in told, told
        # back at work: the head alone
        await h.advance_to(local(2027, 3, 15, 10, 0))
        mark = len(h.sent)
        await h.say("leader", "Đề nghị Ban Tổ chức báo cáo kết quả sinh hoạt chi bộ chuyên đề")
        assert texts_to(h, "head_btc", mark) and not texts_to(h, "cv_btc", mark)
    finally:
        await h.stop()


async def test_nothing_new_on_a_watch_duty_is_its_report(db_url: str) -> None:
    h = await _started(db_url)
    try:
        await h.advance_to(local(2027, 3, 26, 10, 0))
        said = await _said(h, "head_btg", "2 tháng 3 không có vụ việc gì mới")
        assert said[0].startswith("Đã cập nhật: mục 2"), said
        answer = await _said(h, "leader", "đơn vị nào chưa báo cáo?")
        assert "Ban Tuyên giáo" not in answer[0], answer
    finally:
        await h.stop()


async def test_a_receipt_with_a_promise_and_a_summary_asked_in_words(db_url: str) -> None:
    h = await _started(db_url)
    try:
        said = await _said(h, "head_ubnd", "Đã nhận nhiệm vụ. UBND huyện sẽ báo cáo định kỳ trước ngày 25 hằng tháng.")
        assert said == [texts.RECEIPT_NOTED], said
        said = await _said(h, "leader", "tóm tắt tình hình tuần này")
        assert said and "chưa hiểu" not in said[0] and "TỔNG HỢP" in said[0], said
    finally:
        await h.stop()


@pytest.mark.parametrize(("text", "months"), [
    ("đã gửi báo cáo tháng 1 (số 25/BC-UBND) và tháng 2 về Văn phòng", ("tháng 1", "tháng 2")),
    ("bc tháng 12/2026 và tháng 1/2027 đã nộp", ("tháng 12/2026", "tháng 1/2027")),
    ("đã gửi báo cáo tháng 1 và 25 xã", None),  # no second month
    ("báo cáo tháng 1 và tháng 3", None),  # not in a row
])
def test_two_months_named(text: str, months: tuple[str, str] | None) -> None:
    assert two_months_named(text) == months


async def test_two_rounds_reported_together_close_both_and_the_director_hears(db_url: str) -> None:
    h = await _started(db_url)
    try:
        await h.advance_to(local(2027, 1, 26, 9, 0))
        await h.say("leader", "Đề nghị UBND huyện khẩn trương gửi báo cáo tháng 1 về thu ngân sách")
        await h.advance_to(local(2027, 2, 22, 9, 0))
        mark = len(h.sent)
        await h.say("head_ubnd", "UBND huyện đã gửi báo cáo tháng 1 (số 25/BC-UBND) và tháng 2 về Văn phòng Huyện ủy.")
        [said] = texts_to(h, "head_ubnd", mark)
        assert "hoàn thành kỳ hạn 25/01/2027, quá hạn" in said, said
        assert "hoàn thành kỳ hạn 25/02/2027, đúng hạn" in said, said
        assert "tiếp tục nhắc" not in said and "Kỳ tiếp theo: hạn 25/03/2027." in said, said
        assert any("Sau ý kiến chỉ đạo của đồng chí ngày 26/01/2027" in t for t in texts_to(h, "leader", mark))
        mark = len(h.sent)
        await h.advance_to(local(2027, 3, 5, 9, 0))  # February's round is not chased
        assert not any("QUÁ HẠN" in t for t in texts_to(h, "head_ubnd", mark)), texts_to(h, "head_ubnd", mark)
    finally:
        await h.stop()


async def test_two_months_named_on_a_task_that_does_not_recur_is_one_report(db_url: str) -> None:
    h = await _started(db_url)
    try:
        await h.advance_to(local(2027, 2, 22, 9, 0))
        said = await _said(h, "head_btc", "3 đã gửi báo cáo kết quả sinh hoạt chi bộ tháng 1 và tháng 2")
        assert len(said) == 1 and said[0].startswith("Đã cập nhật: mục 3 — Hoàn thành"), said
    finally:
        await h.stop()


@pytest.mark.parametrize(("text", "receipt"), [
    ("Đã nhận nhiệm vụ. UBND huyện sẽ báo cáo định kỳ trước ngày 25 hằng tháng.", True),
    ("Đã nhận. Phòng sẽ triển khai ngay", True),
    ("Đã nhận. Phòng sẽ báo cáo, đã xong 2 xã", False),  # a status said after the promise: a report
    ("Đã nhận. Phòng sẽ gửi báo cáo, hiện đạt 40%", False),
])
def test_a_receipt_then_a_promise(text: str, receipt: bool) -> None:
    assert is_acknowledgement(text) is receipt
