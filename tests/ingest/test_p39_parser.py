"""Parser round 39 (issue 8): a news item's account of a letter and whom it asks ("X vừa ký văn bản gửi A, B yêu cầu
…", "X vừa có văn bản chỉ đạo A phối hợp với B …", "văn bản số … chỉ đạo, A phối hợp B …"); what a news item tells
that asks no work (a related story's question, whom a unit answers to if things go wrong, work already done, another
official's account); a date-only sentence "Hoàn thành, trình … trước ngày …" dates the work before it; a forecast's
year and a day's working hours are no deadline and no recurrence.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import datetime as dt

from bot.ingest import parse_notice
from bot.ingest.dates import find_recurrence, pick_deadline
from bot.ingest.parser import _letter_asks, _no_duty_told, _speaker_ask_tasks, candidate_notice
from bot.ingest.taskfilter import protected

ISSUED = dt.date(2026, 4, 20)


def _due(text: str) -> dt.date | None:
    found = pick_deadline(text, issued_on=ISSUED)
    return found.due if found else None


def _tasks(text: str) -> list[tuple[str, tuple[str, ...], dt.date | None]]:
    return [(t.text, t.lead, t.due) for t in parse_notice(text).tasks]


def test_letter_sent_to_units_asks_them() -> None:
    tasks = _tasks("Chủ tịch UBND tỉnh vừa ký văn bản gửi Sở Y tế và UBND các huyện yêu cầu kiểm tra, rà soát toàn bộ "
                   "các cơ sở khám chữa bệnh tư nhân trên địa bàn theo đúng quy định hiện hành của Bộ Y tế.\n")
    assert len(tasks) == 1
    assert "kiểm tra, rà soát toàn bộ" in tasks[0][0]
    assert tasks[0][1] == ("Sở Y tế", "UBND các huyện")


def test_letter_that_directs_a_unit_names_it() -> None:
    tasks = _tasks("Chủ tịch UBND tỉnh vừa có văn bản chỉ đạo Sở Công Thương phối hợp với các sở, ngành liên quan tổ "
                   "chức kiểm tra việc kinh doanh xăng dầu trên địa bàn tỉnh trong dịp cao điểm.\n")
    assert [lead for _, lead, _ in tasks] == [("Sở Công Thương",)]
    tasks = _tasks("UBND tỉnh vừa ban hành văn bản số 812/UBND-KT chỉ đạo, UBND huyện Đông Sơn phối hợp Sở Xây dựng "
                   "kiểm tra, xử lý công trình xây dựng trái phép ven quốc lộ. UBND tỉnh cũng yêu cầu xử lý trách "
                   "nhiệm cán bộ có liên quan và báo cáo kết quả trước ngày 15/5/2026.\n")
    assert len(tasks) == 2
    assert all(lead == ("UBND huyện Đông Sơn",) for _, lead, _ in tasks)


def test_letter_with_a_later_ask_of_another_unit() -> None:
    tasks = _tasks("Phó Chủ tịch UBND tỉnh vừa ký văn bản gửi Sở Tài chính và UBND các huyện yêu cầu rà soát kinh "
                   "phí hỗ trợ học sinh vùng khó khăn theo đúng quy định, yêu cầu Sở Giáo dục và Đào tạo tổng hợp, "
                   "báo cáo UBND tỉnh.\n")
    assert [lead for _, lead, _ in tasks] == [("Sở Tài chính", "UBND các huyện"), ("Sở Giáo dục và Đào tạo",)]


def test_letter_gist_before_its_details_is_no_task_of_its_own() -> None:
    gist = ("Ngày 3-3, UBND huyện vừa có công văn chỉ đạo các cơ quan, đơn vị và các nhà trường tăng cường công tác "
            "phòng, chống cháy nổ trên địa bàn.")
    details = ("Theo đó, Chủ tịch UBND huyện yêu cầu: Trưởng phòng Giáo dục và Đào tạo chỉ đạo các trường học kiểm "
               "tra hệ thống điện, thiết bị chữa cháy.")
    assert _letter_asks([gist, details], [], issued_on=ISSUED) == []
    assert [t.lead for t in _letter_asks([gist], [], issued_on=ISSUED)] == \
        [("các cơ quan, đơn vị", "các nhà trường")]


def test_news_sentences_that_ask_no_work() -> None:
    assert _no_duty_told("Vì sao giá vàng tăng mạnh trong tuần này?")
    assert _no_duty_told("Nếu để xảy ra tình trạng lấn chiếm vỉa hè trên địa bàn thì Chủ tịch UBND các phường phải "
                         "chịu trách nhiệm trước Chủ tịch UBND thành phố.")
    assert _no_duty_told("Theo đó, thủ trưởng các đơn vị phải chịu trách nhiệm trước Chủ tịch UBND tỉnh nếu để xảy ra "
                         "sai phạm trong công tác tuyển dụng.")
    assert _no_duty_told("Quý I, các phòng chuyên môn đã hoàn thành nhiệm vụ được giao.")
    assert _no_duty_told("Đội Quản lý thị trường số 2 cũng phát hiện, lập biên bản 5 cơ sở kinh doanh vi phạm.")
    assert _no_duty_told("Trong khi đó, ông Nguyễn Văn A, giám đốc Sở Xây dựng tỉnh bạn, cho biết tỉnh đang rà soát "
                         "quy hoạch. NGUYỄN HÀ")
    # (an ask is still an ask)
    assert not _no_duty_told("Sở Tài chính phải báo cáo UBND tỉnh trước ngày 30/5/2026.")
    assert not _no_duty_told("Ông Trần Văn B cho biết, UBND tỉnh yêu cầu các huyện kiểm tra ngay.")
    assert not _no_duty_told("chủ động thông báo trên loa truyền thanh các trường hợp vi phạm đã phát hiện;")


def test_news_question_and_liability_give_no_task() -> None:
    tasks = _tasks("Ngày 5/3, UBND tỉnh đã có thông báo chỉ đạo về việc chấn chỉnh tình trạng lấn chiếm vỉa hè.\n"
                   "UBND tỉnh yêu cầu UBND các huyện, thị xã kiểm tra, xử lý dứt điểm các trường hợp lấn chiếm vỉa hè, "
                   "lòng đường trên địa bàn.\nTheo đó, chủ tịch UBND các phường Hòa An, Hòa Bình và một số địa phương "
                   "khác phải chịu trách nhiệm trước chủ tịch UBND tỉnh; miễn nhiệm cán bộ địa chính nếu để xảy "
                   "ra tình trạng lấn chiếm kéo dài.\n- Tỉnh nào có nhiều học sinh giỏi quốc gia nhất năm nay?\n")
    assert [lead for _, lead, _ in tasks] == [("UBND các huyện, thị xã",)]


def test_chair_of_a_briefing_is_no_task() -> None:
    tasks = _tasks("Chiều 12-3, ông Lê Văn C - Phó Bí thư Tỉnh ủy chủ trì giao ban rà soát, đánh giá việc thực hiện "
                   "nhiệm vụ tháng 3 và triển khai nhiệm vụ tháng 4.\nPhát biểu kết luận, ông Lê Văn C yêu cầu các sở, "
                   "ngành, địa phương đẩy mạnh công tác cải cách hành chính, nâng cao chỉ số hài lòng của người dân.\n")
    assert not any("chủ trì giao ban" in t for t, _, _ in tasks)


def test_unit_in_lower_case_after_trong_do() -> None:
    tasks = _tasks("UBND tỉnh có công văn yêu cầu các sở, ngành và địa phương tăng cường quản lý hoạt động vận tải.\n"
                   "Trong đó, công an tỉnh cần phối hợp chặt chẽ với các đơn vị chức năng thường xuyên kiểm tra, xử lý "
                   "nghiêm xe quá khổ, quá tải.\n")
    assert any(t.startswith("Trong đó") and lead == ("công an tỉnh",) for t, lead, _ in tasks)


def test_photo_credit_after_a_dash_is_a_caption() -> None:
    tasks = _tasks("Tăng cường quản lý khai thác khoáng sản\n\nNgày 10.3, UBND tỉnh cho biết đã có công văn yêu cầu "
                   "các ngành chức năng và địa phương tăng cường quản lý khai thác khoáng sản.\n\nCông an huyện Lệ "
                   "Thủy kiểm tra một mỏ đá trái phép tại xã Tân Lập - Ảnh: N.V.An\n\nSở Tài nguyên và Môi trường kiên "
                   "quyết xử lý các tổ chức, cá nhân vi phạm trong hoạt động khai thác khoáng sản.\n")
    assert not any("Ảnh:" in t for t, _, _ in tasks)


def test_date_only_sentence_dates_the_work_before_it() -> None:
    tasks = _tasks("Chủ tịch UBND tỉnh vừa có công văn giao Sở Xây dựng chủ trì, phối hợp với các địa phương rà soát "
                   "hiện trạng nhà ở xã hội trên địa bàn, đề xuất giải pháp tháo gỡ khó khăn. Hoàn thành, trình UBND "
                   "tỉnh trước ngày 30/5/2026.\n")
    assert len(tasks) == 1 and tasks[0][2] == dt.date(2026, 5, 30)
    assert not any(t.startswith("Hoàn thành") for t, _, _ in tasks)


def test_forecast_year_is_no_deadline() -> None:
    assert _due("Tích nước các hồ chứa để chủ động trước dự báo tình hình khô hạn trong năm 2027.") is None
    assert _due("Hoàn thành việc nâng cấp các hồ chứa trong năm 2027.") == dt.date(2027, 12, 31)


def test_working_hours_are_no_recurrence() -> None:
    assert find_recurrence("Chỉ được khai thác cát từ 6h sáng và kết thúc trước 18h hằng ngày.") is None
    assert find_recurrence("Các chợ chỉ mở cửa từ 7 giờ đến 17 giờ hàng ngày.") is None
    assert find_recurrence("Báo cáo tình hình trước 16 giờ hằng ngày.") == "daily"


def test_unit_asked_in_the_passive_is_kept() -> None:
    text = ("Bão số 3 đang tiến gần vùng biển của tỉnh.\nCác xã ven biển được yêu cầu hướng dẫn tàu thuyền vào nơi neo "
            "đậu an toàn, hoàn tất việc neo đậu trước 17 giờ chiều mai.\n")
    candidates = [t for t in candidate_notice(text)[0].tasks if t.text.startswith("Các xã ven biển")]
    assert candidates and candidates[0].due is None
    assert protected(candidates[0])


def test_negative_duty_of_a_unit_named_in_lower_case() -> None:
    sentence = ("UBND tỉnh yêu cầu sở Văn hóa, UBND các huyện không cấp phép mới cho cơ sở karaoke, không gia hạn giấy "
                "phép cho các cơ sở không bảo đảm an toàn phòng cháy.")
    found = _speaker_ask_tasks([sentence], [], issued_on=ISSUED)
    assert [t.text for t in found] == [sentence]


def test_full_date_after_den_then_a_duty_is_a_deadline() -> None:
    assert _due("Yêu cầu đến 15/6/2026 Sở Tài chính phải có báo cáo gửi UBND tỉnh.") == dt.date(2026, 6, 15)
    assert _due("Số liệu tính đến 15/6/2026 các đơn vị phải tổng hợp đầy đủ.") is None


def test_liability_if_the_work_is_not_done() -> None:
    assert _no_duty_told("Chủ tịch lưu ý, một tháng tới không làm xong Giám đốc Sở Xây dựng chịu trách nhiệm.")
    assert not _no_duty_told("Giám đốc Sở Xây dựng chịu trách nhiệm tổ chức thực hiện việc này.")


def test_chain_clause_with_its_own_doer_in_lower_case() -> None:
    tasks = _tasks("Sáng 12-3, ông Nguyễn Văn D - Phó Bí thư Tỉnh ủy chủ trì giao ban đánh giá việc thực hiện nhiệm "
                   "vụ tháng 3.\nPhát biểu kết luận, ông Nguyễn Văn D yêu cầu các ngành, địa phương đẩy mạnh tuyên "
                   "truyền phòng, chống dịch bệnh trong nhân dân. Các cấp, ngành tiếp tục phối hợp chặt chẽ để chuẩn "
                   "bị tốt các hoạt động kỷ niệm ngày Quốc khánh; lực lượng vũ trang có phương án bảo đảm an toàn "
                   "tuyệt đối dịp lễ Quốc khánh và các sự kiện chính trị quan trọng của tỉnh.\n")
    assert any(t.startswith("lực lượng vũ trang") and lead == ("lực lượng vũ trang",) for t, lead, _ in tasks)
    tasks = _tasks("Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Y tế phải thiết lập quy chế luân chuyển trưởng trạm y tế "
                   "các xã; nhà trường phải có kế hoạch kiểm tra sức khỏe định kỳ cho học sinh toàn tỉnh theo quy "
                   "định.\n")
    assert any(t.startswith("nhà trường") and lead == ("nhà trường",) for t, lead, _ in tasks)


def test_an_ask_told_as_made_in_the_news() -> None:
    sentence = ("Sở Nông nghiệp và Môi trường đã đề nghị các địa phương ven sông tạm dừng cấp phép khai thác cát, "
                "kiểm tra toàn bộ bến bãi tập kết vật liệu trên địa bàn.")
    assert [t.lead for t in _letter_asks([sentence], [], issued_on=ISSUED)] == [("các địa phương ven sông",)]
    # (an ask of a named unit stays what another body wrote: background)
    assert _letter_asks(["Bộ Tài chính đã đề nghị UBND tỉnh báo cáo tình hình thực hiện dự toán năm nay."], [],
                        issued_on=ISSUED) == []


def test_a_bare_ask_after_an_ask_goes_to_the_same_unit() -> None:
    tasks = _tasks("Chính phủ chỉ đạo bảo đảm đủ giáo viên năm học mới\n\nThủ tướng yêu cầu Bộ Giáo dục và Đào tạo chủ "
                   "trì, phối hợp Bộ Nội vụ có giải pháp bảo đảm đủ giáo viên cho năm học mới tại các tỉnh miền "
                   "núi.\n\nThủ tướng yêu cầu đối với vấn đề vượt thẩm quyền, báo cáo Thủ tướng Chính phủ xem "
                   "xét, chậm nhất trước ngày 15/8/2026.\n")
    assert [lead for _, lead, _ in tasks] == [("Bộ Giáo dục và Đào tạo",)] * 2


def test_speaker_ask_of_groups_in_lower_case_leads_the_task_and_its_clauses() -> None:
    tasks = _tasks("Triển khai nhiệm vụ dân vận quý III\n\nChiều 5-7, ông Trần Văn E - Trưởng ban Dân vận Tỉnh ủy chủ "
                   "trì giao ban công tác dân vận quý II.\n\nPhát biểu chỉ đạo, ông Trần Văn E yêu cầu ban dân vận các "
                   "huyện, thị xã, thành phố tham mưu cấp ủy lãnh đạo, chỉ đạo tập trung công tác dân vận chính quyền "
                   "trong thời gian tới; tiếp tục vận động nhân dân thực hiện hiệu quả các phong trào thi đua.\n")
    assert tasks and all(lead and lead[0].startswith("ban dân vận") for _, lead, _ in tasks)
