"""Round 40 (issue 8): an OCR'd resolution's duties list — item marks the OCR spoiled ("1 Đổi mới …" without its
stop, "Š." for "5."), and a duties section whose items name no lead that the task filter thinned out."""

from __future__ import annotations

from bot.ingest import parse_notice
from bot.ingest.enumeration import Skip, repair_numbers, skips
from bot.texts import numbering_lines

_HEAD = ("TỈNH ỦY HÀ GIANG\nBAN THƯỜNG VỤ\nSố 12-NQ/TU\nHà Giang, ngày 05 tháng 3 năm 2027\n\nNGHỊ QUYẾT\n"
         "về phát triển du lịch cộng đồng\n\nI. MỤC TIÊU\n\nPhấn đấu đến năm 2030 có 50 làng du lịch.\n\n")


def test_a_mark_read_without_its_stop_under_a_heading_opens_the_list() -> None:
    text = "II. NHIỆM VỤ\n\n1 Rà soát quy hoạch các làng\nvăn hóa.\n\n2. Xây dựng sản phẩm mới.\n"
    assert "\n1. Rà soát quy hoạch" in repair_numbers(text)


def test_a_digit_read_as_a_letter_between_its_neighbours_is_put_back() -> None:
    text = "4. Đào tạo hướng dẫn viên.\n\nŠ. Quảng bá điểm đến.\n\n6. Thu hút đầu tư.\n"
    assert "\n5. Quảng bá điểm đến." in repair_numbers(text)


def test_marks_the_neighbours_do_not_vouch_for_are_left_alone() -> None:
    text = ("1. Sở A làm x.\n\n3 Phó Chủ tịch UBND tỉnh dự họp.\n\n4. Sở B làm y.\n\nS. Thống kê.\n\n9. Sở C.\n"
            "STT Đơn vị\n1 Sở Tài chính\n2 Sở Xây dựng\n")
    assert repair_numbers(text) == text


def _resolution(items: list[str]) -> str:
    body = "\n\n".join(items)
    return (_HEAD + "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU\n\n" + body + "\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh ban hành kế hoạch thực hiện Nghị quyết trong tháng 4/2027.\n\n"
            "2. Ban Tuyên giáo và Dân vận Tỉnh ủy chỉ đạo công tác tuyên truyền Nghị quyết.\n\n"
            "3. Ủy ban Kiểm tra Tỉnh ủy kiểm tra, giám sát việc thực hiện Nghị quyết.\n\n"
            "4. Văn phòng Tỉnh ủy theo dõi, đôn đốc, định kỳ báo cáo Ban Thường vụ Tỉnh ủy.\n")


def test_every_item_of_a_duties_section_that_names_no_lead_reaches_the_preview() -> None:
    items = ["1 Đổi mới, tăng cường sự lãnh đạo của cấp ủy đối với phát triển du lịch cộng đồng; kiện toàn bộ máy\n"
             "quản lý du lịch các cấp.",
             "2. Tăng cường hiệu lực quản lý nhà nước về du lịch theo hướng phân cấp, ủy quyền tối đa cho cấp xã.",
             "3. Hoàn thành việc lập quy hoạch các làng du lịch trong tháng 6/2027.",
             "4. Tổ chức rà soát toàn bộ các dự án du lịch chậm tiến độ, kiên quyết thu hồi dự án vi phạm.",
             "Š. Tập trung giải phóng mặt bằng, bảo đảm tiến độ giao đất cho nhà đầu tư.",
             "6. Đẩy mạnh cải cách hành chính gắn với chuyển đổi số trong quản lý du lịch.",
             "7. Đổi mới và nâng cao hiệu quả công tác xúc tiến, quảng bá du lịch theo hướng chuyên nghiệp.",
             "8. Tăng cường bảo vệ môi trường tại các điểm du lịch, bảo đảm phát triển bền vững."]
    refs = [t.ref for t in parse_notice(_resolution(items)).tasks]
    assert [r for r in refs if r and r.startswith("II.")] == [f"II.{n}" for n in range(1, 9)]


def test_a_duties_sections_bare_items_are_carried_out_by_whoever_makes_the_resolution_concrete() -> None:
    text = (_HEAD + "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU\n\n"
            "1. Đổi mới công tác quy hoạch các làng du lịch cộng đồng.\n\n"
            "2. Tổ chức rà soát các dự án du lịch chậm tiến độ, hoàn thành frong Quý II/2027.\n\n"
            "3. Đẩy mạnh xúc tiến, quảng bá du lịch.\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Các cấp ủy, tổ chức đảng, chính quyền các cấp tổ chức quán triệt Nghị quyết; căn cứ chức năng, nhiệm "
            "vụ cụ thể hóa thành chương trình, kế hoạch thực hiện.\n\n"
            "2. Ban Tuyên giáo và Dân vận Tỉnh ủy chỉ đạo công tác tuyên truyền Nghị quyết.\n")
    tasks = {t.ref: t for t in parse_notice(text).tasks}
    charged = tasks["III.1"].lead
    assert charged and [tasks[f"II.{n}"].lead for n in (1, 2, 3)] == [charged] * 3
    assert tasks["III.2"].lead == ("Ban Tuyên giáo và Dân vận Tỉnh ủy",)
    assert str(tasks["II.2"].due) == "2027-06-30"  # "frong": an OCR reading of "trong"


def test_a_section_that_only_reports_results_keeps_its_items_leadless() -> None:
    text = (_HEAD + "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n\n1. Đã rà soát 12 dự án.\n\n2. Đã tổ chức 3 hội chợ.\n\n"
            "3. Đã đón 20 đoàn khách.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Các cấp ủy, tổ chức đảng cụ thể hóa thành kế hoạch thực hiện Nghị quyết.\n")
    tasks = parse_notice(text).tasks
    assert all(not t.lead for t in tasks if t.ref.startswith("II."))


def test_a_numbered_item_the_ocr_lost_is_reported_where_the_numbers_jump() -> None:
    text = "II. NHIỆM VỤ\n1. Rà soát quy hoạch.\n2. Xây dựng sản phẩm.\n4. Thu hút đầu tư.\n4. Quảng bá.\n"
    assert skips(text) == [Skip("4", missing="3"), Skip("4", twice=True)]
    line = numbering_lines(skips(text))[0]
    assert "“4.” đứng ngay sau “2.” (không thấy “3.”)" in line and "“4.” có hai lần liền nhau" in line
    assert "“d)”" not in line


def test_numbers_repaired_or_restarting_are_not_reported() -> None:
    text = ("II. NHIỆM VỤ\n\n1 Rà soát quy hoạch.\n\n2. Xây dựng.\n\n3. Đào tạo.\n\n4. Bảo tồn.\n\nŠ. Quảng bá.\n\n"
            "6. Thu hút.\n\n"
            "III. TỔ CHỨC\n1. Sở A.\nĐiều 2. Trách nhiệm\n1. Sở B.\n2. Sở C.\n1. Sở D.\n")
    assert skips(text) == []
