"""Probe 41: a district UBND conclusion notice on Telegram. The subject names the leader by title only ("Kết luận
của đồng chí Chủ tịch UBND huyện", signed "KT. CHÁNH VĂN PHÒNG"), so every leader got everything (#3); a task
finished within a granted extension was "đúng hạn" with no word of it (#5); a Trưởng phòng's grant never reached the
Chủ tịch (#1); a head on leave was written a decision her stand-in had asked for (#6); "Phòng NN thế nào?" found no
unit (#4); "xong roi a, …" kept "a," (#8); the only unit that missed the monthly report had no line saying so (#8)."""

from __future__ import annotations

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.reports import unit_matches
from storage.unitnames import named_by_title
from tests.bot.conftest import last_text, texts_to
from tests.conftest import local

DIRECTORY = """handle,full_name,title,unit,role
vanthu,Vũ Thị Hồng Nhung,Chuyên viên Văn phòng HĐND và UBND huyện,Văn phòng HĐND và UBND huyện,admin
chutich,Hoàng Vĩnh Khuyến,Chủ tịch UBND huyện,UBND huyện Đầm Hà,leader
pct,Phạm Văn Hùng,Phó Chủ tịch UBND huyện,UBND huyện Đầm Hà,leader
tp_nn,Lê Văn Thành,Trưởng phòng Nông nghiệp và Phát triển nông thôn,Phòng Nông nghiệp và Phát triển nông thôn,head
cv_nn,Triệu Văn Sáng,Chuyên viên Phòng NN&PTNT,Phòng Nông nghiệp và Phát triển nông thôn,cadre
tp_ktht,Ngô Đức Long,Trưởng phòng Kinh tế - Hạ tầng,Phòng Kinh tế - Hạ tầng,head
tp_tckh,Bùi Thị Thanh Hương,Trưởng phòng Tài chính - Kế hoạch,Phòng Tài chính - Kế hoạch,head
cv_tckh,Lý Văn Phúc,Chuyên viên Phòng Tài chính - Kế hoạch,Phòng Tài chính - Kế hoạch,cadre
ct_ttdh,Đỗ Minh Tuấn,Chủ tịch UBND thị trấn Đầm Hà,UBND thị trấn Đầm Hà,head
ct_quangtan,Trần Văn Quý,Chủ tịch UBND xã Quảng Tân,UBND xã Quảng Tân,head
"""

SUBJECT = "Kết luận của đồng chí Chủ tịch UBND huyện tại cuộc họp giao ban UBND huyện ngày 02/12/2026"
NOTICE = f"""ỦY BAN NHÂN DÂN HUYỆN ĐẦM HÀ
VĂN PHÒNG HĐND VÀ UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 412/TB-VP
Đầm Hà, ngày 04 tháng 12 năm 2026
THÔNG BÁO
{SUBJECT}
Ngày 02/12/2026, đồng chí Hoàng Vĩnh Khuyến – Phó Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì cuộc họp giao ban \
UBND huyện. Sau khi nghe báo cáo, đồng chí Chủ tịch UBND huyện kết luận như sau:
II. NHIỆM VỤ THỜI GIAN TỚI
1. UBND thị trấn Đầm Hà, UBND xã Quảng Tân báo cáo kết quả trồng rừng về UBND huyện (qua Phòng NN&PTNT) trước \
ngày 25 hằng tháng.
2. Phòng NN&PTNT tham mưu hoàn thiện hồ sơ, thẩm định các dự án hỗ trợ sản xuất, trình UBND huyện trước ngày \
31/12/2026.
3. Phòng Kinh tế - Hạ tầng thẩm định về nội dung phương án phố đêm, hoàn thành trước ngày 15/12/2026.
4. Phòng Tài chính - Kế hoạch thẩm định kinh phí đối với hoạt động phố đêm, hoàn thành trước ngày 08/01/2027.
5. UBND thị trấn Đầm Hà xây dựng kế hoạch tổ chức khu phố đêm, báo cáo UBND huyện trước ngày 05/01/2027.
Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện./.
Nơi nhận:
- Chủ tịch, các PCT UBND huyện;
- Lưu: VT, TH.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Nguyễn Thị Thu Hà
"""


async def _loaded(db_url: str) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 7, 8, 30)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await h.say("vanthu", NOTICE)
    await h.tap("vanthu", texts.BUTTON_CONFIRM)
    return h


def test_a_subject_names_the_leader_by_the_exact_title() -> None:
    assert named_by_title(SUBJECT, "Chủ tịch UBND huyện")
    assert named_by_title(SUBJECT, "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện")  # either post of the title
    assert not named_by_title(SUBJECT, "Phó Chủ tịch UBND huyện")
    deputy = "Kết luận của đồng chí Phó Chủ tịch UBND huyện Phạm Văn Hùng tại buổi làm việc"
    assert named_by_title(deputy, "Phó Chủ tịch UBND huyện") and not named_by_title(deputy, "Chủ tịch UBND huyện")
    assert not named_by_title("Kết luận của Chủ tịch UBND tỉnh", "Chủ tịch UBND huyện")


async def test_the_leader_named_by_title_follows_the_notice_and_hears_of_grants_within_the_week(db_url: str) -> None:
    h = await _loaded(db_url)
    try:
        await h.say("tp_nn", "/giao 2 @cv_nn")
        # #3: the request goes to the Chủ tịch (and the office), not to the Phó Chủ tịch
        await h.advance_to(local(2026, 12, 14, 9, 0))
        mark = len(h.sent)
        await h.say("tp_ktht", "3 xin gia hạn đến 18/12 vì chờ ý kiến Công an huyện")
        assert any("18/12/2026" in t for t in texts_to(h, "chutich", mark)), texts_to(h, "chutich", mark)
        assert not texts_to(h, "pct", mark), texts_to(h, "pct", mark)
        await h.advance_to(local(2026, 12, 14, 16, 0))
        await h.say("chutich", "đồng ý gia hạn 3")
        # #1: the head grants his cadre's request; the Chủ tịch reads it in his weekly summary
        await h.advance_to(local(2026, 12, 16, 9, 0))
        await h.say("cv_nn", "2 xin gia han den 15/1/2027 vi cac xa chua nop du ho so")
        await h.say("tp_nn", "đồng ý gia hạn 2")
        await h.advance_to(local(2026, 12, 17, 11, 0))
        await h.say("tp_ktht", "3 xong")
        mark = len(h.sent)
        await h.advance_to(local(2026, 12, 18, 17, 0))
        weekly = [t for t in texts_to(h, "chutich", mark) if "Hoàn thành trong tuần" in t]
        # #5: finished within the extension, said so
        assert weekly and "hoàn thành ngày 17/12/2026 (đúng hạn, đã gia hạn từ 15/12 đến 18/12/2026)" in weekly[-1], \
            weekly
        assert "Đã gia hạn trong tuần: 1." in weekly[-1] and \
            "— Phòng Nông nghiệp và Phát triển nông thôn: 31/12/2026 → 15/01/2027 (đ/c Lê Văn Thành quyết định " \
            "ngày 16/12)" in weekly[-1], weekly[-1]
        assert "Mục 3" not in weekly[-1].split("Đã gia hạn trong tuần")[1], weekly[-1]  # (his own grant: not told)
        assert not texts_to(h, "pct", mark), texts_to(h, "pct", mark)  # #3: not the Phó Chủ tịch's notice
    finally:
        await h.stop()


async def test_a_decision_for_a_head_on_leave_goes_to_her_stand_in_not_to_her(db_url: str) -> None:
    h = await _loaded(db_url)
    try:
        await h.advance_to(local(2026, 12, 23, 14, 0))
        await h.say("tp_tckh", "/nghi 04/01 08/01 @cv_tckh")
        await h.advance_to(local(2027, 1, 6, 16, 0))
        await h.say("cv_tckh", "4 xin gia hạn đến 15/01")
        await h.advance_to(local(2027, 1, 7, 8, 30))
        mark = len(h.sent)
        await h.say("chutich", "đồng ý")
        assert any("15/01/2027" in t for t in texts_to(h, "cv_tckh", mark)), texts_to(h, "cv_tckh", mark)
        assert not texts_to(h, "tp_tckh", mark), texts_to(h, "tp_tckh", mark)
    finally:
        await h.stop()


def test_a_unit_named_by_its_initials() -> None:
    names = ["Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Kinh tế - Hạ tầng", "Phòng Tài chính - Kế hoạch",
             "UBND thị trấn Đầm Hà", "Văn phòng HĐND và UBND huyện"]
    assert unit_matches("Phòng NN", names) == {"Phòng Nông nghiệp và Phát triển nông thôn"}
    assert unit_matches("phong KT-HT", names) == {"Phòng Kinh tế - Hạ tầng"}
    assert unit_matches("Phòng VH", names) == set()
    assert unit_matches("Phòng T", names) == set()  # one letter: not an abbreviation
    two = [*names, "Phòng Ngoại ngữ"]  # two units with those initials: neither by them
    assert unit_matches("Phòng NN", two) != {"Phòng Nông nghiệp và Phát triển nông thôn"}


async def test_how_a_unit_named_as_offices_shorten_it_is_doing(db_url: str) -> None:
    h = await _loaded(db_url)
    try:
        await h.advance_to(local(2027, 1, 13, 9, 0))
        await h.say("chutich", "Phòng NN thế nào?")
        said = last_text(h, "chutich")
        assert "không tìm thấy" not in said and "Phòng Nông nghiệp và Phát triển nông thôn" in said, said
    finally:
        await h.stop()


async def test_a_done_reply_with_a_particle_keeps_only_its_words(db_url: str) -> None:
    h = await _loaded(db_url)
    try:
        await h.advance_to(local(2026, 12, 31, 15, 0))
        await h.say("ct_ttdh", "5 xong roi a, da gui ke hoach len UBND huyen")
        said = last_text(h, "ct_ttdh")
        assert "Nội dung: da gui ke hoach len UBND huyen" in said, said
        assert texts.note_body("xong rồi ạ") == "xong rồi ạ" and texts.note_body("xong ạ, đã gửi") == "đã gửi"
    finally:
        await h.stop()


async def test_the_only_unit_that_missed_the_monthly_report_is_said_to(db_url: str) -> None:
    h = await _loaded(db_url)
    try:
        await h.advance_to(local(2026, 12, 24, 16, 0))
        await h.say("ct_ttdh", "1 bao cao thang 12 da gui phong NN")
        await h.advance_to(local(2027, 1, 5, 10, 0))
        await h.say("chutich", "/tonghop tháng 12")
        said = next(t for t in texts_to(h, "chutich") if t.startswith("TỔNG HỢP"))
        quangtan = said.split("UBND xã Quảng Tân")[1]
        assert "Báo cáo định kỳ, các kỳ trong khoảng này: 1 — đúng hạn 0, quá hạn 0, không báo cáo 1 (mục II.1: 1 kỳ)" \
            in quangtan.split("\n•")[0], said
        assert "đúng hạn 1, quá hạn 0, không báo cáo 0" in said.split("UBND thị trấn Đầm Hà")[1], said
    finally:
        await h.stop()


async def test_a_bare_yes_from_a_leader_sent_no_request_lists_those_he_may_decide(db_url: str) -> None:
    h = await _loaded(db_url)
    try:
        await h.advance_to(local(2027, 1, 6, 16, 0))
        await h.say("cv_tckh", "4 xin gia hạn đến 15/01")
        await h.advance_to(local(2027, 1, 7, 8, 30))
        await h.say("pct", "đồng ý")  # sent nothing (the notice is the Chủ tịch's): not "chưa hiểu", nothing decided
        said = last_text(h, "pct")
        assert "chưa hiểu" not in said and "gõ “đồng ý gia hạn" in said and "15/01/2027" in said, said
        assert not any("Đã gia hạn" in t for t in texts_to(h, "cv_tckh")), texts_to(h, "cv_tckh")
        await h.say("pct", "ok")  # an "ok" stays an acknowledgement
        assert "đồng ý gia hạn" not in last_text(h, "pct"), last_text(h, "pct")
    finally:
        await h.stop()
