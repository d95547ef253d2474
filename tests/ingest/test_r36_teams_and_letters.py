"""Round 47: teams a unit sets up do the work they are set up for; a letter the news retells in the past tense
still asks ("… đã có văn bản chỉ đạo Sở X …", "… đã có điện khẩn gửi Sở X … rà soát …"); a later sentence after a
connective ("Cụ thể, lực lượng …", "Mặt khác, …") is its own duty; a role named before its unit ("Cơ quan Thường
trực là Tổng cục …") is the unit; a caption or a board's make-up is no task."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import split_units


def _leads(text: str, *, where: str) -> list[list[str]]:
    tasks = parse_notice(text).tasks
    return [list(t.lead) for t in tasks if where in t.text]


def _texts(text: str) -> list[str]:
    return [t.text for t in parse_notice(text).tasks]


@pytest.mark.parametrize("founder, teams, work", [
    ("Sở Y tế đã quyết định thành lập", "5 đoàn công tác", "đi kiểm tra công tác phòng, chống dịch sởi tại các huyện"),
    ("UBND huyện sẽ thành lập", "3 đoàn kiểm tra liên ngành", "có nhiệm vụ kiểm tra các cơ sở kinh doanh thực phẩm"),
    ("Ban Thường vụ Huyện ủy thành lập", "02 Đoàn kiểm tra", "trực tiếp kiểm tra 15 chi bộ trực thuộc"),
    ("Cục Quản lý thị trường vừa thành lập", "4 tổ công tác", "để kiểm tra việc kinh doanh xăng dầu"),
])
def test_counted_teams_set_up_do_the_work(founder: str, teams: str, work: str) -> None:
    text = f"Trước tình hình trên, {founder} {teams} {work} trong tháng 6 và tháng 7."
    assert _leads(text, where=work.split()[-1]) == [[teams]], [(t.text, t.lead) for t in parse_notice(text).tasks]


def test_teams_a_unit_is_charged_to_set_up_stay_the_units_work() -> None:
    text = "Giao Sở Y tế thành lập 3 đoàn kiểm tra để kiểm tra các cơ sở kinh doanh thực phẩm trên địa bàn."
    assert _leads(text, where="cơ sở kinh doanh") == [["Sở Y tế"]]


def test_the_team_named_by_its_kind_alone_later_is_the_counted_teams() -> None:
    text = ("Ban Quản lý An toàn thực phẩm cho biết, đơn vị này vừa quyết định thành lập 8 đoàn kiểm tra chuyên ngành "
            "để kiểm tra an toàn thực phẩm dịp Tết Trung thu.\n\n"
            "Đoàn sẽ tập trung kiểm tra các cơ sở sản xuất bánh trung thu về điều kiện sản xuất và nguồn gốc "
            "nguyên liệu.")
    assert _leads(text, where="cơ sở sản xuất bánh") == [["8 đoàn kiểm tra chuyên ngành"]]


@pytest.mark.parametrize("sentence, unit", [
    ("Tỉnh ủy đã có văn bản chỉ đạo Sở Giáo dục và Đào tạo thiết lập đường dây nóng tiếp nhận thông tin về bạo "
     "lực học đường.", "Sở Giáo dục và Đào tạo"),
    ("Văn phòng Chính phủ đã có công văn đề nghị Bộ Nội vụ hoàn thiện hồ sơ trình Thủ tướng.", "Bộ Nội vụ"),
    ("Sở Tài chính có Công văn gửi các sở, ban, ngành có liên quan đề nghị phối hợp báo cáo kết quả thực hiện "
     "dự toán ngân sách năm 2026.", "các sở, ban, ngành có liên quan"),
    ("Hôm qua, Bộ trưởng Bộ Y tế đã có điện khẩn gửi Sở Y tế các tỉnh phối hợp với các cơ quan chức năng rà soát, "
     "thống kê đầy đủ số ca mắc sởi.", "Sở Y tế các tỉnh"),
])
def test_a_letter_retold_in_the_past_still_asks(sentence: str, unit: str) -> None:
    tasks = parse_notice(sentence).tasks
    assert [list(t.lead) for t in tasks] == [[unit]], [(t.text, t.lead) for t in tasks]


def test_a_comma_after_the_ask_verb_does_not_hide_whom_it_asks() -> None:
    text = ("Thực hiện Công điện của Bộ Văn hóa, Thể thao và Du lịch, UBND tỉnh yêu cầu, các cơ quan, đơn vị, địa "
            "phương thực hiện treo cờ rủ tại cơ quan, công sở trong hai ngày Quốc tang.")
    assert _leads(text, where="treo cờ rủ") == [["các cơ quan, đơn vị, địa phương"]]


def test_the_connective_in_lower_case_force_and_the_work_after_it() -> None:
    text = ("Theo đó, Bộ Công Thương yêu cầu các đơn vị tiếp tục triển khai thực hiện có hiệu quả chỉ đạo của Thủ "
            "tướng. Cụ thể, lực lượng Quản lý thị trường tăng cường quản lý địa bàn, kiểm tra, giám sát chặt chẽ "
            "các cửa hàng xăng dầu. Mặt khác, tiến hành xử lý nghiêm, kịp thời mọi hành vi vi phạm theo quy định "
            "của pháp luật.")
    assert _leads(text, where="quản lý địa bàn") == [["lực lượng Quản lý thị trường"]]
    assert _leads(text, where="xử lý nghiêm") == [["lực lượng Quản lý thị trường"]]


def test_a_specific_sentence_after_the_ask_is_the_same_doers_duty() -> None:
    text = ("Thủ tướng yêu cầu Chủ tịch UBND các tỉnh, thành phố tập trung nguồn lực thực hiện quyết liệt các biện "
            "pháp phòng, chống bệnh dại. Cụ thể, tổ chức thống kê chính xác số hộ nuôi chó, mèo ở từng thôn, xã.")
    assert _leads(text, where="thống kê chính xác") == [["Chủ tịch UBND các tỉnh, thành phố"]]
    assert len(parse_notice(text).tasks) == 2


@pytest.mark.parametrize("verb", ["ưu tiên", "chú ý", "phối hợp với các ngành liên quan"])
def test_a_later_sentence_opened_by_another_unit_and_its_work(verb: str) -> None:
    text = ("Sở Nông nghiệp và Phát triển nông thôn có trách nhiệm thường xuyên cập nhật, báo cáo tình hình sạt lở. "
            f"Các địa phương {verb} cắm biển báo, khoanh vùng sạt lở bờ sông để cảnh báo người dân.")
    assert _leads(text, where="cắm biển báo") == [["Các địa phương"]], [(t.text, t.lead)
                                                                      for t in parse_notice(text).tasks]


def test_a_role_named_before_the_unit_that_holds_it() -> None:
    text = ("Ngoài ra, giao Cơ quan Thường trực là Tổng cục Quản lý thị trường có nhiệm vụ theo dõi việc thực hiện "
            "và tổng hợp kết quả, báo cáo Trưởng ban.")
    assert _leads(text, where="theo dõi việc thực hiện") == [["Tổng cục Quản lý thị trường"]]


@pytest.mark.parametrize("caption", [
    "Cục Đường sắt đề nghị 23 tỉnh tiếp tục xóa lối đi tự mở - Ảnh 1.",
    "Các trường cho học sinh nghỉ học vào ngày 29/9. (Ảnh minh hoạ)",
])
def test_a_caption_is_no_task(caption: str) -> None:
    text = (f"{caption}\n\nCục Đường sắt Việt Nam có văn bản đề nghị UBND các tỉnh tăng cường tuyên truyền phổ biến "
            "Luật Đường sắt.")
    assert all("Ảnh" not in t and "ảnh" not in t for t in _texts(text)), _texts(text)


def test_a_boards_make_up_is_no_task() -> None:
    text = ("UBND tỉnh vừa quyết định kiện toàn Ban chỉ đạo phổ cập giáo dục.\n\n"
            "Ban chỉ đạo gồm có 20 thành viên, trong đó ông A - Phó Chủ tịch UBND tỉnh làm Trưởng ban.")
    assert not any("20 thành viên" in t for t in _texts(text)), _texts(text)


@pytest.mark.parametrize("names, units", [
    ("các Sở Nội vụ, Tài chính, Giáo dục và Đào tạo và các huyện, thị xã, thành phố",
     ["Sở Nội vụ", "Sở Tài chính", "Sở Giáo dục và Đào tạo", "các huyện, thị xã, thành phố"]),
    ("các Bộ: Công an, Tài chính và các bộ, ngành liên quan",
     ["Bộ Công an", "Bộ Tài chính", "các bộ, ngành liên quan"]),
    ("ngành chuyên môn và chính quyền các địa phương", ["ngành chuyên môn", "chính quyền các địa phương"]),
])
def test_a_group_of_its_own_after_and(names: str, units: list[str]) -> None:
    assert split_units(names) == units


@pytest.mark.parametrize("text, lead", [
    ("Các Sở Giáo dục và Đào tạo tăng cường thanh tra, kiểm tra hoạt động dạy thêm, học thêm.",
     "Sở Giáo dục và Đào tạo"),
    ("VTV.VN - Các địa phương cần rà soát những điểm có nguy cơ cao về lũ quét và sạt lở đất.", "Các địa phương"),
    ("UBND các quận, huyện đồng loạt triển khai điều tra, thống kê lao động bị thu hồi đất.", "UBND các quận, huyện"),
    ("Đoàn kiểm tra liên ngành sẽ tiến hành kiểm tra việc quản lý đất đai tại các xã ven sông.",
     "Đoàn kiểm tra liên ngành"),
])
def test_a_duty_stated_flat_where_the_copy_asks_nobody_else(text: str, lead: str) -> None:
    tasks = parse_notice(text).tasks
    assert [list(t.lead) for t in tasks] == [[lead]], [(t.text, t.lead) for t in tasks]


def test_an_account_of_work_done_stays_no_task() -> None:
    assert _texts("UBND xã đã tổ chức hội nghị tổng kết công tác năm 2025 với sự tham dự của các ban, ngành.") == []


def test_a_flat_statement_gives_way_to_an_ask() -> None:
    text = ("Sở Y tế tổ chức hội nghị triển khai công tác phòng, chống dịch.\n\n"
            "Giám đốc Sở Y tế yêu cầu các bệnh viện tăng cường phân luồng, cách ly người bệnh nghi mắc sởi.")
    assert [list(t.lead) for t in parse_notice(text).tasks] == [["các bệnh viện"]]
