"""Probe 9 (session 48): a district People's Committee's conclusion notice lived over Giỗ Tổ and 30/4–1/5 2027.

- #1 A report made in person on the day said ("mục 8 đã báo cáo Chủ tịch tại cuộc họp giao ban chiều 28/4 rồi", typed
  the next morning) was recorded as done the day it was typed — late.
- #2 The office's record of a unit's call ("4 Công an huyện báo cáo qua điện thoại: …") was read as a question about
  item 4, or, long, as a notice with no task.
- #3 The leader's own refusal of an extension was quoted in his weekly summary as the unit's difficulty.
- #4 "Đã nhận, xã sẽ báo cáo trước ngày 20 hằng tháng" got "chưa hiểu" (the receipt and the promise joined by a
  comma, not a stop)."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import texts_to
from tests.conftest import local

DIRECTORY = """handle,full_name,title,unit,role
admin,Nguyễn Thị Hạnh,Chuyên viên Văn phòng HĐND và UBND huyện,Văn phòng HĐND và UBND huyện,admin
leader,Lê Văn Quang,Chủ tịch UBND huyện,Lãnh đạo UBND huyện,leader
head_vp,Phạm Văn Long,Chánh Văn phòng HĐND và UBND huyện,Văn phòng HĐND và UBND huyện,head
head_tnmt,Hoàng Văn Bình,Trưởng phòng Tài nguyên và Môi trường,Phòng Tài nguyên và Môi trường,head
cv_tnmt,Nguyễn Thị Lan,Chuyên viên Phòng Tài nguyên và Môi trường,Phòng Tài nguyên và Môi trường,cadre
head_ca,Ngô Đức Thành,Trưởng Công an huyện,Công an huyện,head
ct_tanlong,Lương Văn Tiến,Chủ tịch UBND xã Tân Long,UBND xã Tân Long,head
"""

NOTICE = """ỦY BAN NHÂN DÂN HUYỆN THANH BÌNH
Số: 86/TB-UBND
Thanh Bình, ngày 02 tháng 4 năm 2027
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban tháng 3 năm 2027
1. Giao Phòng Tài nguyên và Môi trường chủ trì, phối hợp với UBND xã Tân Long tập trung giải quyết dứt điểm vướng mắc \
trong bồi thường, giải phóng mặt bằng dự án nâng cấp tuyến đường ĐH.05; hoàn thành bàn giao mặt bằng trước ngày \
15/5/2027.
2. Giao Công an huyện thường xuyên tăng cường tuần tra, kiểm soát, xử lý nghiêm các hành vi vi phạm trật tự an toàn \
giao thông, nhất là trong dịp nghỉ lễ 30/4 - 01/5.
3. UBND xã Tân Long tập trung các giải pháp tăng thu ngân sách; định kỳ hằng tháng báo cáo kết quả thu ngân sách về \
UBND huyện trước ngày 20.
4. Giao Văn phòng HĐND và UBND huyện theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Thông báo này; tổng hợp kết \
quả, báo cáo Chủ tịch UBND huyện trước ngày 28/4/2027.
Nơi nhận:
- Lưu: VT.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Phạm Văn Long
"""


@pytest.fixture
async def h(db_url: str):  # type: ignore[no-untyped-def]
    harness = Harness(db_url=db_url, clock=FakeClock(local(2027, 4, 5, 9, 0)))
    await harness.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await harness.say("admin", NOTICE)
    await harness.tap("admin", texts.BUTTON_CONFIRM)
    yield harness
    await harness.stop()


@pytest.mark.parametrize("said", ["mục 4 đã báo cáo Chủ tịch tại cuộc họp giao ban chiều 28/4 rồi",
                                  "4 đã báo cáo Chủ tịch tại cuộc họp giao ban ngày 28/4",
                                  "mục 4 đã báo cáo lãnh đạo huyện sáng ngày 28/4 rồi ạ"])
async def test_a_report_made_on_the_day_said_is_done_that_day(h: Harness, said: str) -> None:
    await h.advance_to(local(2027, 4, 29, 8, 30))  # the deadline was 28/04
    mark = len(h.sent)
    await h.say("head_vp", said)
    assert any("Hoàn thành ngày 28/04/2027, đúng hạn" in t for t in texts_to(h, "head_vp", mark)), \
        texts_to(h, "head_vp", mark)


async def test_a_progress_report_with_a_day_is_no_done_day(h: Harness) -> None:
    # "đã báo cáo tiến độ …" is no "xong": nothing is finished, on that day or any other
    await h.advance_to(local(2027, 4, 20, 9, 0))
    mark = len(h.sent)
    await h.say("head_tnmt", "1 đã báo cáo tiến độ tại cuộc họp chiều 19/4, còn 3 hộ chưa nhận tiền")
    assert not any("Hoàn thành" in t for t in texts_to(h, "head_tnmt", mark)), texts_to(h, "head_tnmt", mark)


@pytest.mark.parametrize("said", [
    "2 Công an huyện báo cáo qua điện thoại: dịp lễ 30/4-1/5 đã xử lý 126 trường hợp vi phạm, không xảy ra tai nạn "
    "giao thông nghiêm trọng",
    "2 Công an huyện báo cáo qua điện thoại: đã xử lý 126 trường hợp vi phạm",
    "mục 2 Công an huyện cho biết: đã xử lý 126 trường hợp vi phạm",
])
async def test_the_office_records_what_a_unit_said_on_the_phone(h: Harness, said: str) -> None:
    mark = len(h.sent)
    await h.say("admin", said)
    to_admin = texts_to(h, "admin", mark)
    assert any("Đã cập nhật: mục 2 (Công an huyện) — Đang thực hiện" in t and "126 trường hợp" in t
               for t in to_admin), to_admin
    assert any("Đ/c Nguyễn Thị Hạnh đã cập nhật" in t and "126 trường hợp" in t for t in texts_to(h, "head_ca", mark))
    mark = len(h.sent)
    await h.say("admin", "tình hình mục 2")  # the record is the unit's latest report
    assert any("126 trường hợp" in t for t in texts_to(h, "admin", mark)), texts_to(h, "admin", mark)


async def test_a_refusal_is_not_the_units_difficulty_in_the_summary(h: Harness) -> None:
    await h.say("head_tnmt", "/giao 1 Nguyễn Thị Lan")
    await h.advance_to(local(2027, 4, 6, 10, 0))
    await h.say("cv_tnmt", "mục 1 đạt 70%, vướng mặt bằng 3 hộ chưa đồng ý phương án bồi thường")
    await h.advance_to(local(2027, 4, 7, 10, 0))
    await h.say("cv_tnmt", "xin gia hạn mục 1 đến 30/5 vì còn 3 hộ chưa nhận tiền bồi thường")
    await h.advance_to(local(2027, 4, 8, 9, 0))
    await h.say("leader", "không đồng ý gia hạn 1, yêu cầu hoàn thành đúng hạn 15/5")
    mark = len(h.sent)
    await h.advance_to(local(2027, 4, 9, 15, 5))  # the leader's Friday summary
    summary = [t for t in texts_to(h, "leader", mark) if "Vướng mắc, đề xuất của đơn vị" in t]
    assert summary and "còn 3 hộ chưa nhận tiền bồi thường" in summary[0], summary
    assert "Không đồng ý gia hạn" not in summary[0].split("Vướng mắc, đề xuất của đơn vị")[1], summary


@pytest.mark.parametrize("said", ["Đã nhận, xã sẽ báo cáo trước ngày 20 hằng tháng",
                                  "Da nhan, xa se bao cao truoc ngay 20 hang thang"])
async def test_a_receipt_and_a_promise_after_a_comma(h: Harness, said: str) -> None:
    mark = len(h.sent)
    await h.say("ct_tanlong", said)
    to_him = texts_to(h, "ct_tanlong", mark)
    assert to_him and not any("chưa hiểu" in t for t in to_him), to_him


async def test_a_supporting_unit_reads_the_work_not_a_partnership_with_itself(h: Harness) -> None:
    # #5: "• Mục 1: Phối hợp với UBND xã Tân Long …" told to UBND xã Tân Long
    told = "\n".join(t for t in texts_to(h, "ct_tanlong", 0) if "phối hợp thực hiện" in t)
    assert "• Mục 1: Tập trung giải quyết dứt điểm vướng mắc" in told, told
    assert "Phối hợp với UBND xã Tân Long" not in told and "chủ trì: Phòng Tài nguyên và Môi trường" in told, told


@pytest.mark.parametrize(("text", "shown"), [
    ("Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng Kinh tế và Hạ tầng rà soát tiến độ giải ngân",
     "Rà soát tiến độ giải ngân"),
    ("Chủ trì, phối hợp chặt chẽ với Công an tỉnh tăng cường kiểm tra", "Tăng cường kiểm tra"),
    # no work after the names, or no partners first: as written
    ("Phối hợp với các đơn vị", "Phối hợp với các đơn vị"),
    ("Sở Tài chính phối hợp với Sở Xây dựng thẩm định dự toán",
     "Sở Tài chính phối hợp với Sở Xây dựng thẩm định dự toán"),
])
def test_supported_work(text: str, shown: str) -> None:
    assert texts.supported_work(text) == shown


LETTERED = NOTICE.replace(
    "1. Giao Phòng Tài nguyên và Môi trường chủ trì, phối hợp với UBND xã Tân Long tập trung",
    "1. Giao Phòng Tài nguyên và Môi trường:\na) Chủ trì, phối hợp với UBND xã Tân Long tập trung").replace(
    "hoàn thành bàn giao mặt bằng trước ngày 15/5/2027.",
    "hoàn thành bàn giao mặt bằng trước ngày 15/5/2027.\nb) Chủ trì, hướng dẫn UBND xã Tân Long hoàn thành kiểm "
    "kê đất đai năm 2026, báo cáo trong tháng 4/2027.")


@pytest.mark.parametrize("asked", ["mục 1a hạn khi nào?", "muc 1a han khi nao", "mục 1.a hạn khi nào?"])
async def test_a_holders_question_on_a_lettered_item_typed_without_its_dot(db_url: str, asked: str) -> None:
    # #6: "mục 2a hạn khi nào?" from the head holding it got the task card with its buttons (Hoàn thành …), not the
    # short answer "mục 2.a hạn khi nào?" gets
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 4, 5, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", LETTERED)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        mark = len(h.sent)
        await h.say("head_tnmt", asked)
        answers = [s for s in h.sent[mark:] if s.to == "head_tnmt"]
        assert len(answers) == 1 and "15/05/2027" in (answers[0].text or ""), [s.text for s in answers]
        assert texts.BUTTON_DONE not in answers[0].buttons, answers[0].buttons
    finally:
        await h.stop()
