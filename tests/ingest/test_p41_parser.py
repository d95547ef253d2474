"""Round 41 (issue 8): recall on unseen phrasings of retold notices — a paragraph whose later sentences name their
doer again, an ask whose units are read up to a work verb, a doer that gives its grounds before its verb."""

from __future__ import annotations

from bot import texts
from bot.ingest import parse_notice
from bot.ingest.enumeration import unread_items
from bot.ingest.parser import items_not_read

_NEWS = "Ngày 20/12, ông Nguyễn Văn A, Chủ tịch UBND tỉnh, cho biết đã ký công văn khẩn chỉ đạo các ngành. "


def _texts(text: str) -> list[str]:
    return [t.text for t in parse_notice(text).tasks]


def test_a_retold_paragraphs_sentence_naming_the_same_doer_again_is_its_next_duty() -> None:
    text = (_NEWS + "Sở Xây dựng phối hợp với Sở Tài chính thường xuyên kiểm tra, xử lý nghiêm các công trình vi phạm "
            "trật tự xây dựng trên địa bàn. Sở Xây dựng tăng cường phối hợp với các ban quản lý dự án để đề nghị "
            "đẩy nhanh tiến độ thi công các công trình trọng điểm.\n")
    texts = _texts(text)
    first = next(t for t in texts if "thường xuyên kiểm tra" in t)
    second = next(t for t in texts if "tăng cường phối hợp với các ban" in t)
    assert first != second


def test_a_later_ask_to_the_same_unit_before_a_watch_verb_is_a_duty_of_its_own() -> None:
    text = (_NEWS + "Ông A yêu cầu Sở Nông nghiệp chỉ đạo các phòng chuyên môn cấp huyện thường xuyên theo dõi diễn "
            "biến thời tiết để kịp thời báo cáo. Với các vùng trũng thấp ven sông, yêu cầu Sở Nông nghiệp theo dõi, "
            "nếu mực nước lên cao thì chủ động gia cố đê bao bảo vệ sản xuất.\n")
    texts = _texts(text)
    first = next(t for t in texts if "chỉ đạo các phòng chuyên môn" in t)
    second = next(t for t in texts if "chủ động gia cố đê bao" in t)
    assert first != second


def test_a_doer_giving_its_grounds_before_its_verb_names_a_duty_of_its_own() -> None:
    text = (_NEWS + "UBND cấp xã thành lập Tổ công tác, ban hành quy chế hoạt động của Tổ theo thẩm quyền quy định "
            "tại Luật Tổ chức chính quyền địa phương. UBND cấp xã căn cứ quy định tại Điều 10 Nghị định số "
            "118/2025/NĐ-CP xác định số lượng điểm tiếp nhận hồ sơ của Tổ.\n")
    texts = _texts(text)
    first = next(t for t in texts if "thành lập Tổ công tác" in t)
    second = next(t for t in texts if "xác định số lượng điểm" in t)
    assert first != second


def test_grounds_for_a_purpose_are_no_duty_verb() -> None:
    text = (_NEWS + "Các sở, ngành và địa phương bố trí kinh phí thực hiện theo phân cấp ngân sách nhà nước hiện hành. "
            "Các sở, ngành và địa phương căn cứ mục tiêu, nhiệm vụ nêu trong Kế hoạch để xây dựng dự toán kinh phí "
            "cho các nhiệm vụ cụ thể.\n")
    texts = _texts(text)
    assert not any(t.startswith("Các sở, ngành và địa phương căn cứ") for t in texts)


def test_a_long_ask_that_does_its_work_earnestly_is_no_closing_call() -> None:
    text = (_NEWS + "Bên cạnh đó, Công an tỉnh cũng yêu cầu công an các đơn vị, địa phương nêu cao tinh thần trách "
            "nhiệm, tập trung lực lượng thực hiện nghiêm túc nhiệm vụ được phân công, đảm bảo kỳ thi diễn ra an toàn, "
            "khách quan, công bằng và đúng quy chế.\n")
    task = next(t for t in parse_notice(text).tasks if "nêu cao tinh thần trách nhiệm" in t.text)
    assert task.lead == ("công an các đơn vị, địa phương",) or "công an các đơn vị" in task.lead



_PLAN = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 1576/KH-UBND\nThành phố Hồ Chí Minh, ngày 05 tháng 4 năm 2027\n\n"
         "KẾ HOẠCH\nTriển khai đánh giá hài lòng về giải quyết thủ tục hành chính\n\n"
         "Thực hiện Nghị định số 61/2018/NĐ-CP, Ủy ban nhân dân thành phố ban hành Kế hoạch triển khai như sau:\n"
         "1.1. Thống nhất tiêu chí đánh giá và mẫu phiếu đánh giá, bảo đảm phù hợp với thực tế tại thành phố.\n"
         "1.2. Tiết kiệm thời gian, nguồn lực trong triển khai công tác đánh giá hài lòng tại các cơ quan, đơn vị.\n"
         "1.3. Xác định trách nhiệm của thủ trưởng các cơ quan, đơn vị trong thực hiện đánh giá, công khai kết quả.\n"
         "2. Sở Nội vụ chủ trì xây dựng hệ thống đánh giá hài lòng, hoàn thành trước ngày 30/6/2027.\n"
         "3. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n")


def test_numbered_items_the_filter_took_for_no_duty_are_named() -> None:
    unread = items_not_read(_PLAN, parse_notice(_PLAN))
    assert "1.2" in unread and "1.3" in unread
    assert "2" not in unread and "3" not in unread


def test_an_item_held_by_a_duty_split_off_it_or_an_item_under_it_is_read() -> None:
    text = "1. A\n2. B\n2.1. C\n3. D\n4. E\n"
    assert unread_items(["1", "2", "3", "4", "II.5"], ["1 (ý 2)", "2.1", "3"], text) == ["4"]


def test_the_parsers_own_numbers_for_unnumbered_paragraphs_are_not_named() -> None:
    assert unread_items(["1", "2"], ["1"], "Sở A làm x.\nSở B làm y.\n") == []


def test_the_preview_says_which_items_were_not_read_in_one_line() -> None:
    assert texts.unread_item_lines([]) == []
    (line,) = texts.unread_item_lines(["1.2", "1.3"])
    assert line.startswith("Mục 1.2, 1.3 của văn bản không được nhận là nhiệm vụ") and "đồng chí" in line
    (many,) = texts.unread_item_lines([str(n) for n in range(1, 12)])
    assert "và 3 mục khác" in many


def test_a_meeting_held_and_a_letter_issued_before_its_retelling_are_no_tasks() -> None:
    text = ("Hướng dẫn vận hành Trung tâm Phục vụ hành chính công cấp xã\n\n"
            "Chiều 12/6/2025, tại Hà Nội, Ban Chỉ đạo Trung ương về cải cách hành chính tiến hành Phiên họp trực tuyến "
            "thứ 2 kết nối tới tất cả điểm cầu địa phương trên toàn quốc.\n\n"
            "Văn phòng UBND tỉnh ban hành văn bản số 986/VPUBND-PVHCC hướng dẫn UBND các xã, phường vận hành mô hình "
            "hoạt động của Trung tâm Phục vụ hành chính công cấp xã.\n\n"
            "Về thành lập Trung tâm: Văn phòng UBND tỉnh đề nghị:\n\n"
            "UBND cấp xã thành lập Trung tâm Phục vụ hành chính công cấp xã, ban hành quyết định quy định chức năng, "
            "nhiệm vụ của Trung tâm, hoàn thành trước ngày 01/7/2025.\n")
    texts_ = _texts(text)
    assert not any("tiến hành Phiên họp" in t or "ban hành văn bản số 986" in t for t in texts_), texts_
    assert any("UBND cấp xã thành lập Trung tâm" in t for t in texts_)


def test_a_speaker_reminding_units_what_they_must_do_asks_them() -> None:
    text = ("Bộ trưởng kiểm tra công tác chuẩn bị kỳ thi\n\nBộ trưởng làm việc với tỉnh sáng 23-6 về công tác thi. "
            "Ông cũng nhắc nhở các nhà trường cần tính toán phương án dự phòng để không bị động trong các tình "
            "huống phát sinh.\n")
    task = next(t for t in parse_notice(text).tasks if "tính toán phương án dự phòng" in t.text)
    assert task.lead == ("các nhà trường",)


def test_a_dated_slogan_headline_lends_no_date_to_the_paragraph_below() -> None:
    text = ("Xóa nhà tạm, nhà dột nát trên địa bàn tỉnh\n\n"
            "Chiều 12/1/2025, tại Hà Nội, Ban Chỉ đạo Trung ương tiến hành Phiên họp trực tuyến toàn quốc thứ 2.\n\n"
            "Quyết tâm cao, nỗ lực lớn để đến ngày 31/12/2025 hoàn thành mục tiêu xóa nhà tạm trên cả nước\n\n"
            "Tại Công văn số 8746/UBND-VX ngày 8/10, Phó Chủ tịch UBND tỉnh giao Sở Lao động - Thương binh và Xã "
            "hội chủ trì, phối hợp với các sở, ngành liên quan triển khai thực hiện kịp thời, hiệu quả ý kiến chỉ "
            "đạo của Thủ tướng Chính phủ về đẩy mạnh xóa nhà tạm.\n")
    task = next(t for t in parse_notice(text).tasks if "triển khai thực hiện kịp thời" in t.text)
    assert task.due is None and "Quyết tâm" not in task.text


def test_a_portals_section_and_time_glued_to_the_lead_paragraph_are_cut_off() -> None:
    text = ("Bộ Chính trị sẽ chỉ định bí thư tỉnh ủy sau sáp nhậpThời sự - 26/04 19:05Ban Tổ chức Trung ương sẽ "
            "tham mưu Bộ Chính trị, Ban Bí thư chỉ định bí thư, phó bí thư tỉnh ủy, thành ủy khi các địa phương "
            "tiến hành sáp nhập.\n")
    task = next(t for t in parse_notice(text).tasks if "tham mưu Bộ Chính trị" in t.text)
    assert task.lead == ("Ban Tổ chức Trung ương",) and task.text.startswith("Ban Tổ chức")
