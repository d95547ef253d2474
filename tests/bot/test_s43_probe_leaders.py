"""Probe s43: new leaders and department heads on a provincial conclusion notice. The leader whose conclusions the
notice records never heard of a request, an escalation or a weekly summary: they went to the office's deputy chief who
signed it for him ("TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG") and who is a leader in the directory (#2)."""

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
pcvp,Nguyễn Thị Thu Hà,Phó Chánh Văn phòng HĐND và UBND huyện,Văn phòng HĐND và UBND huyện,leader
tp_ktht,Ngô Đức Long,Trưởng phòng Kinh tế - Hạ tầng,Phòng Kinh tế - Hạ tầng,head
cv_ktht,Lê Thị Hoa,Chuyên viên Phòng Kinh tế - Hạ tầng,Phòng Kinh tế - Hạ tầng,cadre
tp_tckh,Bùi Thị Thanh Hương,Trưởng phòng Tài chính - Kế hoạch,Phòng Tài chính - Kế hoạch,head
ct_ttdh,Đỗ Minh Tuấn,Chủ tịch UBND thị trấn Đầm Hà,UBND thị trấn Đầm Hà,head
"""

NOTICE = """ỦY BAN NHÂN DÂN HUYỆN ĐẦM HÀ
VĂN PHÒNG HĐND VÀ UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 415/TB-VP
Đầm Hà, ngày 04 tháng 12 năm 2026
THÔNG BÁO
Kết luận của đồng chí Phạm Văn Hùng - Phó Chủ tịch UBND huyện tại cuộc họp về phương án phố đêm thị trấn Đầm Hà
Ngày 02/12/2026, đồng chí Phạm Văn Hùng – Phó Chủ tịch UBND huyện chủ trì cuộc họp. Sau khi nghe báo cáo, đồng chí \
Phó Chủ tịch UBND huyện kết luận như sau:
1. Phòng Kinh tế - Hạ tầng thẩm định về nội dung phương án phố đêm, hoàn thành trước ngày 15/12/2026.
2. Phòng Tài chính - Kế hoạch thẩm định kinh phí đối với hoạt động phố đêm, hoàn thành trước ngày 08/01/2027.
3. UBND thị trấn Đầm Hà xây dựng kế hoạch tổ chức khu phố đêm, báo cáo UBND huyện trước ngày 05/01/2027.
Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện./.
Nơi nhận:
- Chủ tịch, các PCT UBND huyện;
- Lưu: VT, TH.
TL. CHỦ TỊCH
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Nguyễn Thị Thu Hà
"""


@pytest.fixture
async def h(db_url: str):  # type: ignore[no-untyped-def]
    harness = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 7, 8, 30)))
    await harness.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await harness.say("vanthu", NOTICE)
    await harness.tap("vanthu", texts.BUTTON_CONFIRM)
    yield harness
    await harness.stop()


async def test_the_leader_whose_conclusions_they_are_decides_not_the_office_that_signed_for_him(h: Harness) -> None:
    mark = len(h.sent)
    await h.say("tp_ktht", "1 xin gia hạn đến 18/12 vì chờ ý kiến Công an huyện")
    assert any("18/12/2026" in t for t in texts_to(h, "pct", mark)), texts_to(h, "pct", mark)
    assert not texts_to(h, "pcvp", mark), texts_to(h, "pcvp", mark)
    # overdue and escalated: to him too
    await h.say("pct", "không đồng ý gia hạn 1")
    mark = len(h.sent)
    await h.advance_to(local(2026, 12, 24, 9, 0))
    assert any("1" in t and "Phòng Kinh tế - Hạ tầng" in t for t in texts_to(h, "pct", mark)), \
        texts_to(h, "pct", mark)
    assert not texts_to(h, "pcvp", mark), texts_to(h, "pcvp", mark)


async def test_a_unit_typed_by_its_initials_is_directed(h: Harness) -> None:
    # #3 (E16): "Yêu cầu Sở XD khẩn trương …" was read as the leader's own report and nothing was passed on
    mark = len(h.sent)
    await h.say("pct", "Yêu cầu Phòng KT-HT khẩn trương hoàn thành thẩm định phương án phố đêm")
    said = texts_to(h, "tp_ktht", mark)
    assert any("khẩn trương hoàn thành thẩm định" in t and "mục 1" in t for t in said), said
    assert any("đ/c Ngô Đức Long (Phòng Kinh tế - Hạ tầng)" in t for t in texts_to(h, "pct", mark))


async def test_a_reply_to_an_escalation_goes_to_its_unit_not_the_unit_it_should_urge(h: Harness) -> None:
    # #1: "Đề nghị Sở XD báo cáo rõ lý do chậm, đôn đốc xã Hiệp Thạnh gửi hồ sơ" went to the xã only
    await h.advance_to(local(2026, 12, 24, 9, 0))
    assert "QUÁ HẠN CẦN ĐỒNG CHÍ CHỈ ĐẠO" in texts_to(h, "pct")[-1], texts_to(h, "pct")[-1]
    mark = len(h.sent)
    await h.reply("pct", "Đề nghị Phòng KTHT báo cáo rõ lý do chậm, đôn đốc thị trấn Đầm Hà gửi phương án")
    assert any("báo cáo rõ lý do chậm" in t for t in texts_to(h, "tp_ktht", mark)), texts_to(h, "tp_ktht", mark)
    assert not texts_to(h, "ct_ttdh", mark), texts_to(h, "ct_ttdh", mark)
    # named in a list with it, the other unit is addressed too
    mark = len(h.sent)
    await h.reply("pct", "Đề nghị Phòng KTHT và UBND thị trấn Đầm Hà phối hợp hoàn thành sớm")
    assert texts_to(h, "tp_ktht", mark) and texts_to(h, "ct_ttdh", mark), h.sent[mark:]


async def test_a_head_hands_an_item_to_a_cadre_in_his_own_words(h: Harness) -> None:
    # E7: "> Chuyển mục II.2.a cho đ/c Hoa xử lý" was kept as progress, and asked which task it was of
    mark = len(h.sent)
    await h.reply("tp_ktht", "Chuyển mục 1 cho đ/c Hoa xử lý")
    assert any(t.startswith("Đã giao nhiệm vụ mục 1") and "Lê Thị Hoa" in t for t in texts_to(h, "tp_ktht", mark)), \
        texts_to(h, "tp_ktht", mark)
    assert any("Mục 1:" in t for t in texts_to(h, "cv_ktht", mark)), texts_to(h, "cv_ktht", mark)


@pytest.mark.parametrize("said", [
    "Tôi nghỉ phép từ 14/12 đến 18/12, đ/c Hoa làm thay",
    "em xin nghỉ từ ngày 14/12 đến hết ngày 18/12 ạ, nhờ đồng chí Lê Thị Hoa theo dõi thay"])
async def test_a_leave_typed_in_words_is_recorded_as_nghi_is(h: Harness, said: str) -> None:
    # #14: "Tôi nghỉ phép từ 4/5 đến 8/5, đ/c Thành làm thay" was "chưa hiểu"; only /nghi worked
    mark = len(h.sent)
    await h.say("tp_ktht", said)
    own = texts_to(h, "tp_ktht", mark)
    assert own and "14/12" in own[0] and "18/12" in own[0] and "Lê Thị Hoa" in own[0], own
    assert any("Ngô Đức Long" in t and "14/12" in t for t in texts_to(h, "cv_ktht", mark)), texts_to(h, "cv_ktht", mark)


async def test_a_leave_typed_with_its_reason_is_recorded_without_a_colleague(h: Harness) -> None:
    mark = len(h.sent)
    await h.say("tp_ktht", "Tôi nghỉ phép từ 14/12 đến 18/12 để đi học lớp bồi dưỡng")
    own = texts_to(h, "tp_ktht", mark)
    assert own and own[0].startswith("Đã ghi nhận đồng chí nghỉ từ 14/12/2026 đến hết 18/12/2026"), own
    assert not texts_to(h, "cv_ktht", mark)


@pytest.mark.parametrize("said", [
    "Giao Phòng Tài chính - Kế hoạch tham mưu bố trí kinh phí tổ chức phố đêm, báo cáo UBND huyện trước 20/12",
    "Đồng ý đề xuất của Phòng Tài chính - Kế hoạch, giao Phòng TC-KH chủ trì trình bổ sung kinh phí phố đêm"])
async def test_a_leaders_giao_in_chat_reaches_the_unit(h: Harness, said: str) -> None:
    # #30, #47: "Giao Sở Tài chính tham mưu …", "Đồng ý đề xuất của Sở Tài chính, giao …" were "chưa hiểu"
    mark = len(h.sent)
    await h.say("pct", said)
    assert any("có ý kiến chỉ đạo về nhiệm vụ mục 2" in t for t in texts_to(h, "tp_tckh", mark)), h.sent[mark:]
    assert any(t.startswith("Đã chuyển ý kiến chỉ đạo") for t in texts_to(h, "pct", mark)), texts_to(h, "pct", mark)


async def test_a_question_in_reply_to_an_extension_request_reaches_the_requester(h: Harness) -> None:
    # E3: "> Xã đã làm được đến đâu rồi? Vướng ở khâu nào?" was answered "không tìm thấy đơn vị …"
    await h.say("ct_ttdh", "3 xin gia hạn đến 20/1/2027 vì chờ ý kiến các ngành")
    mark = len(h.sent)
    await h.reply("pct", "Thị trấn đã làm được đến đâu rồi? Vướng ở khâu nào?")
    assert any("Vướng ở khâu nào?" in t for t in texts_to(h, "ct_ttdh", mark)), h.sent[mark:]
    assert not any("không tìm thấy" in t for t in texts_to(h, "pct", mark)), texts_to(h, "pct", mark)
    # the request still waits: decided afterwards
    mark = len(h.sent)
    await h.say("pct", "đồng ý gia hạn 3")
    assert any("20/01/2027" in t for t in texts_to(h, "ct_ttdh", mark)), texts_to(h, "ct_ttdh", mark)


async def test_the_leader_hears_the_first_answer_to_his_direction(h: Harness) -> None:
    # #13: "Dạ xã đang phối hợp tư vấn hoàn thiện, chậm nhất 6/5 gửi Sở ạ" was recorded; the PCT was never told
    await h.say("pct", "Yêu cầu Phòng Kinh tế - Hạ tầng khẩn trương hoàn thành thẩm định phương án phố đêm")
    mark = len(h.sent)
    await h.reply("tp_ktht", "Dạ phòng đã thẩm định được 70%, chậm nhất 12/12 trình ạ")
    told = texts_to(h, "pct", mark)
    assert len(told) == 1 and "Sau ý kiến chỉ đạo của đồng chí ngày 07/12/2026, đ/c Ngô Đức Long (Phòng Kinh tế - " \
        "Hạ tầng) đã báo cáo mục 1: 70% — Đang thực hiện." in told[0], told
    mark = len(h.sent)
    await h.say("tp_ktht", "1 xong")  # a second report: no further word to the leader
    assert not texts_to(h, "pct", mark), texts_to(h, "pct", mark)


async def test_a_leaders_questions_in_the_office_s_words_are_answered(h: Harness) -> None:
    # #45, F12, E14: "Đề nghị báo cáo tổng hợp tình hình thực hiện Thông báo số 125 …" and "Xem chi tiết nhiệm vụ của
    # xã Đức Trọng" were "chưa hiểu"; "Ai đang phụ trách mục II.2.a?" went to the office
    mark = len(h.sent)
    await h.say("pct", "Đề nghị báo cáo tổng hợp tình hình thực hiện Thông báo số 415/TB-VP ngày 04/12/2026")
    assert texts_to(h, "pct", mark)[0].startswith("TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"), texts_to(h, "pct", mark)
    mark = len(h.sent)
    await h.say("pct", "Xem chi tiết nhiệm vụ của thị trấn Đầm Hà")
    said = texts_to(h, "pct", mark)[0]
    assert "Phạm vi: đơn vị UBND thị trấn Đầm Hà" in said and "Phòng Tài chính" not in said, said
    mark = len(h.sent)
    await h.say("pct", "Ai đang phụ trách mục 1?")
    said = texts_to(h, "pct", mark)
    assert len(said) == 1 and "Phòng Kinh tế - Hạ tầng chủ trì (đ/c Ngô Đức Long)" in said[0], said
    assert not texts_to(h, "vanthu", mark)
    # a unit asked for its report is a direction, not a question
    mark = len(h.sent)
    await h.say("pct", "Đề nghị Phòng KT-HT báo cáo tình hình thẩm định phương án phố đêm")
    assert texts_to(h, "tp_ktht", mark), h.sent[mark:]


def test_a_direction_naming_no_item_goes_to_the_task_whose_words_it_quotes_in_a_row() -> None:
    # #38: "Đề nghị Sở Xây dựng khẩn trương hoàn thành thẩm định, trình phê duyệt nhiệm vụ quy hoạch các xã" went to
    # II.2.a and to the monthly report II.2.c, which shares "quy hoạch … các xã" word for word as many times
    import datetime as dt

    from bot.conversation.status import _about
    from storage.models import Task

    appraise = Task(id=1, text="Tổ chức thẩm định hồ sơ nhiệm vụ quy hoạch chung của các xã, trình UBND tỉnh phê duyệt")
    monthly = Task(id=2, text="Theo dõi, đôn đốc các xã lập quy hoạch; thẩm định hồ sơ kết quả, phê duyệt kế hoạch, "
                              "trình báo cáo UBND tỉnh hằng tháng")
    said = "Đề nghị Sở Xây dựng khẩn trương hoàn thành thẩm định, trình phê duyệt nhiệm vụ quy hoạch các xã"
    assert [t.id for t in _about([appraise, monthly], said, dt.date(2026, 5, 18))] == [1]


async def test_a_list_of_late_tasks_asked_of_one_unit_is_that_units(h: Harness) -> None:
    # #51: "Gửi tôi danh sách các việc quá hạn của Sở Xây dựng trong tháng 5" was "chưa hiểu"; "các việc quá hạn của
    # xã X" sent every unit's
    await h.advance_to(local(2026, 12, 21, 9, 0))
    mark = len(h.sent)
    await h.say("pct", "Gửi tôi danh sách các việc quá hạn của Phòng Kinh tế - Hạ tầng trong tháng 12")
    said = texts_to(h, "pct", mark)[0]
    assert "Phạm vi: đơn vị Phòng Kinh tế - Hạ tầng; tháng 12/2026" in said and "Tài chính" not in said, said
    mark = len(h.sent)
    await h.say("pct", "các việc quá hạn của thị trấn Đầm Hà")  # (nothing late there: not the Phòng's table)
    said = texts_to(h, "pct", mark)[0]
    assert said.startswith("Hiện không có đơn vị nào có nhiệm vụ quá hạn") and "Kinh tế" not in said, said


async def test_a_unit_named_first_in_a_question_without_marks_is_read_whatever_follows(h: Harness) -> None:
    # #48: "So Tai chinh da xu ly vuong mac kinh phi chua" → "không tìm thấy đơn vị “So Tai chinh da xu ly kinh phi”"
    await h.say("tp_tckh", "2 vướng: chưa có hướng dẫn định mức kinh phí phố đêm")
    mark = len(h.sent)
    await h.say("pct", "Phong Tai chinh Ke hoach da xu ly vuong mac kinh phi chua")
    said = texts_to(h, "pct", mark)
    assert len(said) == 1 and "(Phòng Tài chính - Kế hoạch)" in said[0] and "chưa có hướng dẫn định mức" in said[0], \
        said


async def test_whether_a_unit_did_something_is_answered_with_its_report(h: Harness) -> None:
    # #46: "Xã Hiệp Thạnh đã nộp hồ sơ chưa?" went to the office (unanswered four days later) though the bot knew
    await h.say("ct_ttdh", "3 xong, đã gửi kế hoạch tổ chức khu phố đêm")
    mark = len(h.sent)
    await h.say("pct", "Thị trấn Đầm Hà đã gửi kế hoạch chưa?")
    said = texts_to(h, "pct", mark)
    assert len(said) == 1 and "Phạm vi: đơn vị UBND thị trấn Đầm Hà" in said[0] and "đã gửi kế hoạch" in said[0], said
    assert not texts_to(h, "vanthu", mark)


def test_a_deputy_in_the_role_column_is_a_member_of_the_unit() -> None:
    # the probe's directory wrote "deputy" for a Phó Giám đốc: refused as no role
    from storage.directory import parse_directory_csv
    from storage.models import Role

    rows = parse_directory_csv("handle,full_name,title,unit,role\n"
                               "gd,Lê Quang Dũng,Giám đốc Sở Xây dựng,Sở Xây dựng,head\n"
                               "pgd,Phạm Văn Thành,Phó Giám đốc Sở Xây dựng,Sở Xây dựng,deputy\n"
                               "pgd2,Ngô Văn Bình,Phó Giám đốc Sở Xây dựng,Sở Xây dựng,cấp phó\n")
    assert [r["role"] for r in rows] == [Role.HEAD, Role.CADRE, Role.CADRE]


async def test_a_request_of_the_office_not_understood_is_pointed_to_hoi_van_phong(h: Harness) -> None:
    # F5: "xã chưa nhận được văn bản gốc …, gửi lại giúp xã với" got "chưa hiểu" with no word of how to ask the office
    mark = len(h.sent)
    await h.say("ct_ttdh", "Đồng chí ơi thị trấn chưa nhận được văn bản gốc, gửi lại giúp với")
    said = texts_to(h, "ct_ttdh", mark)
    assert said and said[-1].startswith("Nhắc việc chưa hiểu") and "“hỏi văn phòng: …”" in said[-1], said
