"""Probe 41, left after fix41 and conv41: a unit's own confirmation of a task finished within a granted extension
said only "đúng hạn" (fix41 #5 left); the "đề nghị đã được thay" note to the approvers went out at once at night
(conv41 left); "… có phải báo cáo hằng tháng không, nộp cho ai?" did not say where the report goes (probe 41 #8); the
office's own "theo dõi, đôn đốc" item was listed as a unit that never reported (probe 41 #7)."""

from __future__ import annotations

from bot import texts
from bot.conversation.due_reports import report_addressee
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import last_text, texts_to
from tests.bot.test_probe_s28_fix41 import DIRECTORY
from tests.bot.test_probe_s28_fix41 import NOTICE as FIX41_NOTICE
from tests.conftest import local

# probe 41's district notice (fix41's test), with the office's own follow-up item added as 6.
NOTICE = FIX41_NOTICE.replace("Văn phòng HĐND và UBND huyện thông báo để", """6. Văn phòng HĐND và UBND huyện theo \
dõi, đôn đốc các cơ quan, đơn vị thực hiện; tổng hợp, báo cáo Chủ tịch UBND huyện tại cuộc họp giao ban tháng 01/2027.
Văn phòng HĐND và UBND huyện thông báo để""")


async def _loaded(db_url: str) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 7, 8, 30)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await h.say("vanthu", NOTICE)
    await h.tap("vanthu", texts.BUTTON_CONFIRM)
    return h


async def test_a_task_finished_within_its_extension_is_confirmed_so(db_url: str) -> None:
    h = await _loaded(db_url)
    try:
        await h.advance_to(local(2026, 12, 14, 9, 0))
        await h.say("tp_ktht", "3 xin gia hạn đến 18/12 vì chờ ý kiến Công an huyện")
        await h.advance_to(local(2026, 12, 14, 16, 0))
        await h.say("chutich", "đồng ý gia hạn 3")
        await h.advance_to(local(2026, 12, 17, 11, 0))
        await h.say("tp_ktht", "3 xong")
        said = last_text(h, "tp_ktht")
        assert "Hoàn thành (đúng hạn, đã gia hạn từ 15/12 đến 18/12/2026)" in said, said
    finally:
        await h.stop()


async def test_a_request_replaced_at_night_is_told_to_the_approvers_in_the_morning(db_url: str) -> None:
    h = await _loaded(db_url)
    try:
        await h.advance_to(local(2026, 12, 14, 9, 0))
        await h.say("tp_ktht", "3 xin gia hạn đến 18/12 vì chờ ý kiến Công an huyện")
        assert any("18/12/2026" in t for t in texts_to(h, "chutich")), texts_to(h, "chutich")
        await h.advance_to(local(2026, 12, 14, 20, 0))
        mark = len(h.sent)
        await h.say("tp_ktht", "3 xin gia hạn đến 21/12")
        assert texts_to(h, "tp_ktht", mark), "the requester's own reply goes at once"
        assert not texts_to(h, "chutich", mark), texts_to(h, "chutich", mark)
        assert not texts_to(h, "vanthu", mark), texts_to(h, "vanthu", mark)
        await h.advance_to(local(2026, 12, 15, 8, 30))
        morning = texts_to(h, "chutich", mark)
        assert any("đã được thay bằng đề nghị mới (đến 21/12/2026)" in t for t in morning), morning
        assert any("21/12/2026" in t and "thay bằng" not in t for t in morning), morning  # (the new request too)
    finally:
        await h.stop()


def test_where_an_item_says_its_report_goes() -> None:
    assert report_addressee("UBND thị trấn Đầm Hà báo cáo kết quả trồng rừng về UBND huyện (qua Phòng NN&PTNT) "
                            "trước ngày 25 hằng tháng.") == "UBND huyện (qua Phòng NN&PTNT)"
    assert report_addressee("Báo cáo kết quả gửi Sở Tài chính, qua Văn phòng UBND tỉnh trước ngày 15 hằng tháng") \
        == "Sở Tài chính (qua Văn phòng UBND tỉnh)"
    assert report_addressee("Định kỳ hằng tháng báo cáo kết quả về Sở Nông nghiệp và Môi trường trước ngày 20.") \
        == "Sở Nông nghiệp và Môi trường"
    assert report_addressee("Các xã báo cáo tình hình thực hiện hằng quý.") is None
    assert report_addressee("Báo cáo về công tác phòng chống dịch hằng tháng.") is None  # ("về": what about)


async def test_a_unit_asking_whether_and_to_whom_it_reports_monthly_is_told_both(db_url: str) -> None:
    h = await _loaded(db_url)
    try:
        await h.advance_to(local(2026, 12, 7, 14, 0))
        await h.say("ct_ttdh", "thi tran co phai bao cao hang thang khong, nop cho ai?")
        said = last_text(h, "ct_ttdh")
        assert "báo cáo hằng tháng" in said and "Nơi nhận báo cáo: UBND huyện (qua Phòng NN&PTNT)." in said, said
        await h.say("ct_ttdh", "thi tran co phai bao cao hang thang khong?")  # not asked where: not said
        assert "Nơi nhận" not in last_text(h, "ct_ttdh"), last_text(h, "ct_ttdh")
    finally:
        await h.stop()


async def test_the_offices_follow_up_item_is_no_unit_that_never_reported(db_url: str) -> None:
    h = await _loaded(db_url)
    try:
        await h.advance_to(local(2026, 12, 11, 9, 0))  # (nothing overdue yet)
        await h.say("chutich", "don vi nao cham?")
        said = last_text(h, "chutich")
        never = said.split("Chưa báo cáo lần nào từ khi giao:")[1]
        assert "UBND xã Quảng Tân" in never and "Văn phòng HĐND và UBND huyện" not in never, said
        await h.say("chutich", "đơn vị nào chưa cập nhật?")
        said = last_text(h, "chutich")
        assert "UBND xã Quảng Tân" in said and "Văn phòng HĐND và UBND huyện" not in said, said
    finally:
        await h.stop()
