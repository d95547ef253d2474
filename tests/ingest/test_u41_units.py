"""Round 41 (issue 8): lead units on phrasing patterns the unseen notices showed.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest.units import GLUED_HEADLINE, find_leads, split_units


def test_a_named_person_with_titles_listed_after_a_dash_directs_the_units_that_act() -> None:
    # (the titles hold commas: the person who directs is no lead, the units directed are)
    text = ("Đồng chí Trần Văn Bình – Phó Bí thư Huyện ủy, Chủ tịch Ủy ban MTTQ huyện, Trưởng ban Dân vận chỉ đạo "
            "các đoàn thể huyện chủ động rà soát hội viên.")
    assert find_leads(text) == ["các đoàn thể huyện"]
    text = ("Ông Lê Minh – Giám đốc Sở Y tế, Trưởng ban Thường trực chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh "
            "tăng cường giám sát ổ dịch.")
    assert find_leads(text) == ["Trung tâm Kiểm soát bệnh tật tỉnh"]


def test_a_board_in_lower_case_after_giao_is_charged_not_a_briefing() -> None:
    # ("giao ban thường vụ …" = giao + the standing board; "giao ban" alone is a briefing meeting)
    text = "Ban Bí thư giao ban thường vụ các tỉnh ủy, thành ủy khẩn trương kiện toàn bộ máy."
    assert find_leads(text) == ["Ban Thường vụ các tỉnh ủy, thành ủy"]
    assert find_leads("Các đơn vị duy trì chế độ giao ban thường kỳ để nắm tình hình.") == ["Các đơn vị"]
    # (the committees listed alone are two units, as before)
    assert split_units("Các tỉnh ủy, thành ủy") == ["Các tỉnh ủy", "thành ủy"]


def test_boards_in_lower_case_listed_after_an_ask_are_each_a_unit() -> None:
    text = "Đồng chí Bí thư yêu cầu ban thường vụ và ban chấp hành đảng bộ xã Tân An tiếp tục hoàn thiện văn kiện."
    assert find_leads(text) == ["Ban Thường vụ", "Ban Chấp hành đảng bộ xã Tân An"]


def test_contractors_in_lower_case_after_an_ask_lead() -> None:
    text = "Phó Chủ tịch UBND huyện yêu cầu nhà thầu thi công các tuyến đường nội thị khẩn trương bổ sung nhân lực."
    assert find_leads(text) == ["nhà thầu thi công các tuyến đường nội thị"]


def test_forces_named_after_a_colon_and_a_word_of_time_each_lead() -> None:
    text = ("Chủ tịch UBND huyện yêu cầu: Thời gian tới, 3 lực lượng Công an, Quân sự, Biên phòng tăng cường "
            "phối hợp tuần tra.")
    assert find_leads(text) == ["Công an", "Quân sự", "Biên phòng"]
    assert find_leads("Lực lượng Công an, Quân sự và Biên phòng tăng cường tuần tra.") == \
        ["Công an", "Quân sự", "Biên phòng"]


def test_a_unit_that_only_tells_is_no_lead_of_the_ask_after_it() -> None:
    # ("X cho biết …" reports; the unit it asks in the next sentence leads)
    text = ("Ban Quản lý dự án huyện cho biết đã gửi văn bản tới UBND phường Tân Phú. Do mùa mưa sắp đến, Ban "
            "Quản lý dự án đề nghị phường Tân Phú sớm bàn giao mặt bằng.")
    assert find_leads(text) == ["phường Tân Phú"]


def test_a_scan_garbled_front_name_is_read_as_its_words() -> None:
    # (a scan splits "Tổ quốc" into "T, ô quốc" and drops tone marks: "Đảng úy", "tô chức", "đây mạnh")
    text = ("Đảng úy Ủy ban Mặt trận T, ô quốc Việt Nam huyện và các tô chức chính trị - xã hội đây mạnh tuyên "
            "truyền, vận động Nhân dân.")
    assert find_leads(text) == ["Đảng ủy Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "các tổ chức chính trị - xã hội"]


def test_the_body_after_a_glued_headline_names_the_units_directed() -> None:
    # (a copy glues the headline, without a stop, before the body that opens with the office holder who directs)
    text = ("Huyện chủ động phòng chống rét cho đàn gia súc Chủ tịch UBND huyện chỉ đạo các xã, các hợp tác xã "
            "bố trí chuồng trại kín gió.")
    assert find_leads(text) == ["các xã", "các hợp tác xã"]
    # (guards: the holder as the object of an ask, or whose opinion is carried out, is no body of a glued headline)
    for text in ("Thực hiện ý kiến của Phó Chủ tịch UBND tỉnh chỉ đạo các phòng chuyên môn rà soát.",
                 "Ban chỉ đạo huyện họp và đề nghị Chủ tịch UBND huyện chỉ đạo các xã rà soát."):
        assert GLUED_HEADLINE.match(text) is None


def test_a_letters_closing_received_clause_asks_the_units_after_it() -> None:
    text = "Nhận được tài liệu này, đề nghị các cơ quan, đơn vị phổ biến đến cán bộ, công chức."
    assert find_leads(text) == ["các cơ quan, đơn vị"]


def test_a_group_that_asks_those_below_it_does_that_work_itself() -> None:
    # (like a group that directs them; one body that asks names the units asked)
    text = "UBND các huyện, thị xã yêu cầu UBND các xã, phường kiểm tra ngay các điểm có nguy cơ cháy nổ."
    assert find_leads(text) == ["UBND các huyện, thị xã"]
    assert find_leads("UBND tỉnh yêu cầu UBND các huyện kiểm tra ngay các điểm có nguy cơ cháy nổ.") == \
        ["UBND các huyện"]


def test_an_ask_after_a_case_and_scan_garbles_of_it_name_the_units_asked() -> None:
    text = "Trường hợp xảy ra sự cố nghiêm trọng, yêu cầu thủ trưởng các cơ quan, đơn vị báo cáo ngay."
    assert find_leads(text) == ["thủ trưởng các cơ quan, đơn vị"]
    text = "Trường họp xảy ra các sự cố nghiêm trọng, yêu cầu thủ trưởng các cơ quan, đơn vị báo cáo ngay."
    assert find_leads(text) == ["thủ trưởng các cơ quan, đơn vị"]
    text = "Chủ tịch UBND tỉnh vừa có văn bản chỉ đạo sác Sở: Xây dựng, Công Thương tăng cường kiểm tra."
    assert find_leads(text) == ["Sở Xây dựng", "Sở Công Thương"]


def test_a_department_in_lower_case_and_the_committees_of_two_levels_are_units() -> None:
    text = "UBND tỉnh yêu cầu sở GD-ĐT, UBND các huyện không cấp phép dạy thêm trái quy định."
    assert find_leads(text) == ["sở GD-ĐT", "UBND các huyện"]
    assert find_leads("Các cơ sở Y tế tăng cường kiểm tra.") == ["Các cơ sở Y tế"]
    text = "Tỉnh, thành ủy nơi đặt trung tâm hành chính mới chủ trì xây dựng đề án."
    assert find_leads(text) == ["Tỉnh, thành ủy nơi đặt trung tâm hành chính mới"]
