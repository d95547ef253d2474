"""Round 49: a kind word in a portal's menu below the article is not the document's title; "Địa phương" opening a
later sentence is the one named place asked before it; more words that end a doer's name ("sẵn sàng", "tạo thuận
lợi", "không bắt buộc"); a place asked by its name keeps only its capitalised words; a directive "ban hành chỉ thị
đến" the heads of units asks them; what happened before ("Trước đó, …") and the weather forecast are no tasks."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice


def _led(text: str) -> list[tuple[str, list[str]]]:
    return [(t.text, list(t.lead)) for t in parse_notice(text).tasks]


ARTICLE = ("Ngày 12/3, UBND tỉnh ban hành văn bản chỉ đạo các địa phương về công tác phòng chống dịch trên địa bàn. "
           "Theo đó, UBND tỉnh yêu cầu UBND các huyện, thị xã, thành phố tập trung kiểm tra, giám sát việc tiêm phòng "
           "cho đàn gia súc, gia cầm trong toàn tỉnh, không để dịch lây lan ra diện rộng.")


@pytest.mark.parametrize("kind", ["THÔNG BÁO", "KẾ HOẠCH", "CÔNG VĂN"])
def test_a_kind_word_in_the_menu_below_the_article_is_no_title(kind: str) -> None:
    text = (f"Thông tin chỉ đạo, điều hành\n{ARTICLE}\n\nNgọc Hà\n\n{kind}\n\nLiên kết các website\n\n"
            "Thống kê truy cập\n\nĐang truy cập:\n")
    got = _led(text)
    assert ["UBND các huyện, thị xã, thành phố"] in [lead for _, lead in got], got


def test_a_title_with_its_body_below_is_still_the_title() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 12/TB-UBND\n\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại buổi làm "
            "việc với Sở Y tế\n\nNgày 10/3/2027, Chủ tịch UBND tỉnh làm việc với Sở Y tế về công tác phòng chống dịch, "
            "sau khi nghe báo cáo, Chủ tịch UBND tỉnh kết luận như sau:\n"
            "1. Sở Y tế chủ trì, phối hợp với UBND các huyện tổ chức tiêm phòng cho trẻ em trước ngày 30/4/2027.\n")
    notice = parse_notice(text)
    assert notice.kind == "THÔNG BÁO" and [list(t.lead) for t in notice.tasks] == [["Sở Y tế"]], notice.tasks


@pytest.mark.parametrize("asked", ["Ủy ban Nhân dân huyện Na Hang", "UBND xã Tân An", "huyện Minh Hóa"])
def test_the_place_named_again_by_its_kind(asked: str) -> None:
    text = (f"Ủy ban Nhân dân tỉnh yêu cầu {asked} theo dõi chặt chẽ diễn biến mưa lũ. "
            "Địa phương sẵn sàng lực lượng, phương tiện để hỗ trợ người dân; khẩn trương di dời các hộ dân ra khỏi "
            "vùng nguy hiểm.")
    got = _led(text)
    assert len(got) >= 2 and all(lead == [asked] for _, lead in got), got


def test_the_named_place_among_the_units_asked() -> None:
    text = ("Theo đó, UBND tỉnh Quảng Bình yêu cầu huyện Minh Hóa và các đơn vị liên quan theo dõi chặt chẽ diễn biến "
            "thời tiết. "
            "Địa phương tăng cường thông tin, truyền thông để người dân biết về nguy cơ sạt lở.")
    got = _led(text)
    assert got[-1] == (got[-1][0], ["huyện Minh Hóa"]) and got[-1][0].startswith("Địa phương"), got


def test_after_a_group_of_places_the_kind_stays_as_written() -> None:
    text = ("Ủy ban Nhân dân tỉnh yêu cầu UBND các huyện theo dõi chặt chẽ diễn biến mưa lũ. "
            "Địa phương sẵn sàng lực lượng, phương tiện để hỗ trợ người dân.")
    got = _led(text)
    assert got[-1][1] == ["Địa phương"], got


@pytest.mark.parametrize(("text", "lead"), [
    ("Thủ tướng cũng yêu cầu lãnh đạo các bộ ngành và địa phương tạo thuận lợi cho khách du lịch.",
     ["lãnh đạo các bộ ngành", "địa phương"]),
    ("Sở GD&ĐT yêu cầu các trường tiểu học không bắt buộc phụ huynh phải mua đồng phục mới cho con em.",
     ["các trường tiểu học"]),
    ("UBND tỉnh yêu cầu các địa phương sẵn sàng lực lượng, phương tiện để ứng phó với mưa lũ.",
     ["các địa phương"]),
])
def test_more_words_end_a_doers_name(text: str, lead: list[str]) -> None:
    assert [got for _, got in _led(text)] == [lead], _led(text)


def test_the_name_of_a_place_asked_ends_at_its_capitalised_words() -> None:
    text = "Cục Quản lý môi trường y tế yêu cầu tỉnh Gia Lai ưu tiên xử lý các ổ dịch mới phát sinh."
    assert [lead for _, lead in _led(text)] == [["tỉnh Gia Lai"]], _led(text)


def test_a_directive_issued_to_the_heads_of_units() -> None:
    text = ("Trước tình hình dịch bệnh diễn biến phức tạp, vừa qua, Bộ Y tế ban hành chỉ thị đến các giám đốc sở y tế "
            "các tỉnh, thành phố tăng cường phòng chống dịch sốt xuất huyết.")
    assert [lead for _, lead in _led(text)] == [["các giám đốc sở y tế các tỉnh, thành phố"]], _led(text)


def test_a_unit_urged_to_issue_a_letter_still_leads() -> None:
    text = "Bộ Y tế khẩn trương ban hành văn bản gửi các sở y tế hướng dẫn phòng chống dịch."
    assert [lead for _, lead in _led(text)] == [["Bộ Y tế"]], _led(text)


@pytest.mark.parametrize("before", [
    "Trước đó, vào đầu tháng 10 vừa qua, Hạt Kiểm lâm huyện Phước Sơn chủ trì, phối hợp với các cơ quan chức năng "
    "huyện kiểm tra hiện trường.",
    "Trước đó, ngày 2/10, Chi cục Kiểm lâm có công văn gửi Hạt Kiểm lâm huyện Phước Sơn đề nghị kiểm tra hiện trường.",
])
def test_what_happened_before_is_no_task(before: str) -> None:
    text = ("UBND tỉnh yêu cầu UBND huyện Phước Sơn chỉ đạo Công an huyện điều tra, làm rõ vụ phá rừng. " + before)
    assert [lead for _, lead in _led(text)] == [["UBND huyện Phước Sơn"]], _led(text)


def test_what_is_still_to_come_after_trước_đó_stays_a_task() -> None:
    text = ("Thành ủy yêu cầu các quận ủy tổ chức lấy ý kiến nhân dân. Trước đó, để hoàn thiện dự thảo, Thành ủy sẽ tổ "
            "chức 7 hội nghị lấy ý kiến góp ý của các đại biểu.")
    assert [lead for _, lead in _led(text)] == [["các quận ủy"], ["Thành ủy"]], _led(text)


@pytest.mark.parametrize("forecast", [
    "Các tỉnh từ Thanh Hóa đến Quảng Trị và ven biển Bắc bộ, gió sẽ mạnh dần lên cấp 6, có nơi cấp 7.",
    "Các tỉnh ven biển Nam Trung bộ, gió mạnh cấp 8, giật cấp 10.",
])
def test_the_weather_forecast_is_no_task(forecast: str) -> None:
    text = ("Phó Thủ tướng yêu cầu các địa phương ven biển khẩn trương kêu gọi tàu thuyền vào nơi tránh trú. "
            + forecast)
    assert [lead for _, lead in _led(text)] == [["các địa phương ven biển"]], _led(text)


DETACHED = """QUYẾT ĐỊNH:
Điều 1. Quy định mức hỗ trợ cho hộ nghèo trên địa bàn tỉnh như sau:
1 - Mức hỗ trợ thường xuyên: 500.000 đồng/tháng.
2 - Mức hỗ trợ đột xuất: 2.000.000 đồng/lần.
Điều 2. Tổ chức thực hiện:
1
- Thời gian áp dụng mức hỗ trợ quy định tại Điều 1:
- Các hộ đang được hỗ trợ thì được chuyển sang mức mới từ ngày 01/01/2027.
2 - Sở Y tế có trách nhiệm.
- Quản lý chặt chẽ danh sách hộ nghèo được hỗ trợ trên địa bàn tỉnh;
- Hằng năm lập dự toán kinh phí hỗ trợ, gửi Sở Tài chính thẩm định.
3
- Ủy ban nhân dân các huyện, thành phố:
- Hướng dẫn, kiểm tra cấp xã trong việc lập danh sách hộ được hỗ trợ;
- Thực hiện chế độ báo cáo định kỳ về Sở Y tế.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_item_marks_set_apart_from_their_text() -> None:
    """An extract that put each item's number on a line of its own ("1" over "- …") or before a dash ("2 - Sở Y tế
    có trách nhiệm."): the dashes below a unit's item are that unit's duties."""
    got = _led(DETACHED)
    assert [lead for _, lead in got] == [["Sở Y tế"]] * 2 + [["Ủy ban nhân dân các huyện, thành phố"]] * 2, got
    assert got[0][0].startswith("Quản lý chặt chẽ"), got  # (the unit's heading is no task of its own)


def test_numbers_alone_that_skip_are_left_alone() -> None:
    text = DETACHED.replace("\n3\n- Ủy ban", "\n5\n- Ủy ban")
    assert _led(text) != _led(DETACHED)


@pytest.mark.parametrize("stop", [":", "."])
def test_a_units_heading_over_its_duties(stop: str) -> None:
    text = ("Điều 2. Tổ chức thực hiện:\n"
            f"1. Sở Tài chính có trách nhiệm{stop}\n- Thẩm định dự toán kinh phí hỗ trợ;\n"
            "- Bố trí kinh phí kịp thời.\n")
    got = _led(text)
    assert [t[:10] for t, _ in got] == ["Thẩm định ", "Bố trí kin"] and all(
        lead == ["Sở Tài chính"] for _, lead in got), got


def test_an_article_number_on_a_line_of_its_own() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1.\nBan hành Danh mục mã dùng chung kèm theo Quyết định này.\nĐiều 2.\n"
            "Các cơ sở khám bệnh, chữa bệnh có trách nhiệm cập nhật danh mục mã dùng chung vào phần mềm quản lý "
            "trước ngày 30/6/2027.\nĐiều 3.\nQuyết định này có hiệu lực kể từ ngày ký.\n")
    got = _led(text)
    assert [lead for _, lead in got] == [["Các cơ sở khám bệnh, chữa bệnh"]], got


@pytest.mark.parametrize("article", [
    "Điều 4. Quyết định này có hiệu lực kể từ ngày ký. Đề nghị Ủy ban Kiểm tra Tỉnh ủy, Ban Nội chính Tỉnh ủy phối hợp "
    "kiểm tra, giám sát việc thực hiện Quyết định này. Thanh tra tỉnh, Công an tỉnh theo chức năng, nhiệm vụ tham mưu "
    "cho Ủy ban nhân dân tỉnh xử lý nghiêm các vi phạm.",
    "Điều 4. Quyết định này có hiệu lực kể từ ngày ký.\nĐề nghị Ủy ban Kiểm tra Tỉnh ủy, Ban Nội chính Tỉnh ủy "
    "phối hợp kiểm tra, giám sát việc thực hiện Quyết định này. Thanh tra tỉnh, Công an tỉnh theo chức năng, nhiệm "
    "vụ tham mưu cho Ủy ban nhân dân tỉnh xử lý nghiêm các vi phạm.",
])
def test_asks_after_the_entry_into_force(article: str) -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030 của tỉnh.\n"
            f"{article}\nĐiều 5. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành chịu trách nhiệm "
            "thi hành Quyết định này./.\n")
    got = parse_notice(text).tasks
    assert [(t.ref, list(t.lead)) for t in got] == [
        ("4.1", ["Ủy ban Kiểm tra Tỉnh ủy", "Ban Nội chính Tỉnh ủy"]),
        ("4.2", ["Thanh tra tỉnh", "Công an tỉnh"])], got


def test_an_article_that_charges_units_on_a_basis() -> None:
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Kế hoạch sử dụng đất năm 2027 của huyện Châu Thành.\n"
            "Điều 2. Căn cứ vào Điều 1 của Quyết định này, Sở Tài nguyên và Môi trường, UBND huyện Châu Thành, "
            "Văn phòng UBND tỉnh có trách nhiệm tổ chức thực hiện các công việc sau:\n"
            "1. Sở Tài nguyên và Môi trường có trách nhiệm tham mưu thu hồi đất, giao đất theo đúng kế hoạch.\n"
            "2. Văn phòng UBND tỉnh có trách nhiệm đăng tải Quyết định này lên cổng thông tin điện tử.\n")
    got = _led(text)
    assert [lead for _, lead in got] == [["Sở Tài nguyên và Môi trường"], ["Văn phòng UBND tỉnh"]], got


OCR_ONE = ("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\n"
           "Bộ Tài chính đề nghị Ủy ban nhân dân các tỉnh tập trung chỉ đạo triển khai các nhiệm vụ trọng tâm sau:\n"
           "I. Tổ chức tuyên truyền, phổ biến nội dung của Nghị định đến các cơ quan, đơn vị trên địa bàn.\n"
           "2. Rà soát các văn bản quy phạm pháp luật do địa phương ban hành để sửa đổi, bổ sung cho phù hợp.\n"
           "3. Chỉ đạo thống kê toàn bộ tài sản kết cấu hạ tầng trên địa bàn, báo cáo trước ngày 30/6/2027.\n")


def test_a_first_item_mark_read_as_a_roman_one() -> None:
    got = [t.ref for t in parse_notice(OCR_ONE).tasks]
    assert got == ["1", "2", "3"], got


def test_a_roman_part_with_a_sibling_stays_a_part() -> None:
    text = OCR_ONE.replace("3. Chỉ đạo", "II. NHIỆM VỤ KHÁC\n1. Chỉ đạo")
    got = [t.ref for t in parse_notice(text).tasks]
    assert got[0] == "I.2", got  # (the part "I." keeps its sentence as its title, as before)


@pytest.mark.parametrize("how_often", ["định kỳ hằng tháng", "định kỳ ngày 20 hàng tháng,", "hằng quý"])
def test_a_report_asked_after_how_often(how_often: str) -> None:
    text = ("UBND tỉnh yêu cầu Sở Xây dựng rà soát các công trình vi phạm trật tự xây dựng. "
            f"Đồng thời, {how_often} báo cáo kết quả thực hiện về UBND tỉnh.")
    got = parse_notice(text).tasks
    assert [list(t.lead) for t in got] == [["Sở Xây dựng"]] * 2, got
    assert got[1].recurrence is not None, got


def test_the_sentence_naming_the_letter_retold_is_no_task() -> None:
    text = ("Hằng tháng báo cáo Chủ tịch UBND tỉnh danh sách doanh nghiệp nợ thuế\n\nV.D |\n\n"
            "Đó là nội dung tại Công văn số 2948/UBND-TKTH ngày 14.6.2027 của UBND tỉnh về tăng cường các biện pháp "
            "thu hồi nợ thuế. Theo đó, UBND tỉnh yêu cầu Cục trưởng Cục Thuế thực hiện nghiêm ý kiến chỉ đạo của Tổng "
            "cục Thuế và phối hợp với UBND các huyện, thị xã, thành phố; các sở, ngành liên quan trong việc xử lý "
            "thu nợ. "
            "Đồng thời tổng hợp báo cáo danh sách các doanh nghiệp nợ thuế cho Chủ tịch UBND tỉnh.\n\n"
            "Công văn còn yêu cầu, UBND các huyện, thị xã, thành phố cùng tham gia phối hợp với Cục Thuế để thu hồi nợ "
            "thuế.\n")
    got = _led(text)
    assert not any(t.startswith("Đó là") for t, _ in got) and len(got) == 3, got
