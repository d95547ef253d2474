"""Round 53: leads that point back or give examples. A ministry or department named by a pointer beside others ("Bộ
này và UBND các cấp …") is the one of that kind the text named last; a department written bare ("Phòng cũng có
trách nhiệm …", "Sở …") is the one of that kind named in full before it; a group given by examples ("các địa phương
như: Hà Nội, Hải Phòng, Nam Định") is the units it lists; a sentence that turns to a unit and asks without naming
anyone ("Đối với X, Bộ yêu cầu phối hợp …") asks that unit, and so does the piece split off it."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice


def _led(text: str) -> list[tuple[str, list[str]]]:
    return [(t.text, list(t.lead)) for t in parse_notice(text).tasks]


def _lead_of(got: list[tuple[str, list[str]]], opening: str) -> list[list[str]]:
    return [lead for text, lead in got if text.startswith(opening)]


@pytest.mark.parametrize(("ministry", "pointer"), [("Bộ Văn hóa, Thể thao và Du lịch", "Bộ này"),
                                                   ("Bộ VH-TT&DL", "Bộ này"), ("Bộ Y tế", "Bộ đó")])
def test_a_pointer_to_a_ministry_beside_another_unit_is_the_ministry_named_last(ministry: str, pointer: str) -> None:
    text = (f"Thủ tướng yêu cầu các cơ quan, đơn vị chủ trì tổ chức lễ hội phải chịu trách nhiệm về nội dung chương "
            f"trình. Việc mời khách Trung ương cần có ý kiến thống nhất của {ministry}.\n\n"
            f"{pointer} và UBND các cấp tăng cường thanh tra, kiểm tra, ngăn chặn kịp thời những biểu hiện tiêu cực "
            "trong lễ hội.\n")
    assert _lead_of(_led(text), pointer) == [[ministry, "UBND các cấp"]]


def test_a_pointer_with_no_ministry_named_before_stays_as_written() -> None:
    text = ("Thủ tướng yêu cầu các cơ quan, đơn vị chủ trì tổ chức lễ hội phải chịu trách nhiệm về nội dung chương "
            "trình.\n\nBộ này và UBND các cấp tăng cường thanh tra, kiểm tra những biểu hiện tiêu cực trong lễ hội.\n")
    assert _lead_of(_led(text), "Bộ này") == [["Bộ này", "UBND các cấp"]]


@pytest.mark.parametrize("named", ["Các phòng GD&ĐT", "Phòng Giáo dục và Đào tạo"])
def test_a_department_written_bare_is_the_one_named_in_full_before(named: str) -> None:
    text = ("Sở đề nghị các nhà trường phổ biến đến giáo viên, học sinh để biết, thực hiện nghiêm túc quy định về "
            f"dạy thêm.\n\n{named} cần chỉ đạo trường học trên địa bàn thực hiện nghiêm túc yêu cầu trên, tăng cường "
            "công tác kiểm tra. Phòng cũng có trách nhiệm tham mưu cho UBND huyện chỉ đạo các địa phương thường "
            "xuyên rà soát, nắm bắt thông tin.\n")
    leads = _lead_of(_led(text), "Phòng cũng")
    assert leads == [[named.removeprefix("Các ")]] or leads == [[named]], leads


@pytest.mark.parametrize(("group", "listed"), [
    ("các địa phương như: Hà Nội, Hải Phòng, Nam Định, Vĩnh Phúc, Phú Thọ",
     ["Hà Nội", "Hải Phòng", "Nam Định", "Vĩnh Phúc", "Phú Thọ"]),
    ("các tỉnh như Quảng Ninh, Hải Phòng và Thái Bình", ["Quảng Ninh", "Hải Phòng", "Thái Bình"]),
])
def test_a_group_given_by_examples_is_the_units_it_lists(group: str, listed: list[str]) -> None:
    text = f"Bộ Văn hóa, Thể thao và Du lịch yêu cầu {group} cần giám sát chặt chẽ những lễ hội tập trung đông người.\n"
    assert [lead for _, lead in _led(text)] == [listed]


def test_as_above_is_no_example() -> None:
    got = _led("Bộ yêu cầu các địa phương như trên khẩn trương kiểm tra an toàn đê điều trước mùa mưa bão.\n")
    assert [lead for _, lead in got] == [["các địa phương"]]


@pytest.mark.parametrize("turned", ["NHNN chi nhánh các tỉnh, thành phố", "UBND các huyện",
                                    "Ngân hàng Nhà nước chi nhánh tỉnh"])
def test_a_unit_turned_to_then_asked_without_a_name_is_the_one_asked(turned: str) -> None:
    text = ("Bão số 10 gây thiệt hại lớn cho nhiều khách hàng vay vốn.\n\n"
            f"Đối với {turned}, NHNN yêu cầu phối hợp với các cơ quan liên quan để nắm bắt kịp thời tình hình thiệt "
            "hại của các khách hàng vay vốn. Đồng thời, theo dõi, kiểm tra, tổng hợp báo cáo về tình hình thực hiện "
            "của các tổ chức tín dụng trên địa bàn.\n")
    got = _led(text)
    assert got and all(lead for _, lead in got), got
    assert {tuple(lead) for _, lead in got} == {(turned,)} or \
        {", ".join(lead) for _, lead in got} == {turned}, got


def test_a_unit_turned_to_then_asked_by_name_keeps_the_name() -> None:
    got = _led("Đối với ngành giáo dục, UBND tỉnh yêu cầu Sở Giáo dục và Đào tạo chỉ đạo các trường rà soát cơ sở "
               "vật chất trước năm học mới.\n")
    assert [lead for _, lead in got] == [["Sở Giáo dục và Đào tạo"]]


# ---- a body's ask told in the news: "X đã giao Sở Y …", "… văn bản truyền đạt ý kiến chỉ đạo của Thủ tướng giao Bộ Y"

NEWS_OPENING = "Tình trạng dạy thêm trái phép diễn ra ở nhiều trường học trong thời gian qua.\n\n"


@pytest.mark.parametrize(("sentence", "lead"), [
    ("UBND tỉnh Khánh Hòa đã giao Sở GD-ĐT chấn chỉnh lại các thiếu sót trong quản lý dạy thêm, học thêm.",
     ["Sở GD-ĐT"]),
    ("UBND tỉnh vừa giao Công an tỉnh chủ trì kiểm tra, xử lý các cơ sở dạy thêm không phép.", ["Công an tỉnh"]),
    ("Văn phòng Chính phủ vừa có văn bản truyền đạt ý kiến chỉ đạo của Thủ tướng Chính phủ giao Bộ Lao động - "
     "Thương binh và Xã hội nắm chắc tình hình việc làm của người lao động.",
     ["Bộ Lao động - Thương binh và Xã hội"]),
])
def test_an_ask_told_in_the_news_is_the_asked_units_task(sentence: str, lead: list[str]) -> None:
    got = _led(NEWS_OPENING + sentence + "\n")
    assert [led for text, led in got if text.startswith(sentence[:30])] == [lead], got


def test_an_assignment_to_the_peoples_committee_told_in_a_letter_stays_background() -> None:
    # (what a ministry once asked of the province is the ground of the letter, not its ask)
    got = _led(NEWS_OPENING + "Trước đó, Bộ Giáo dục và Đào tạo đã giao UBND tỉnh rà soát các quy định về dạy "
               "thêm, học thêm.\n")
    assert not [text for text, _ in got if text.startswith("Trước đó")], got


# ---- who asks: a body by its initials, the police; "kiểm điểm" is the work after the units asked


@pytest.mark.parametrize("speaker", ["UBKT Trung ương", "Từ đó, UBKT Trung ương", "NHNN", "Công an tỉnh An Giang"])
def test_a_body_by_its_initials_or_the_police_asks_the_units_after_it(speaker: str) -> None:
    got = _led(f"{speaker} yêu cầu Ban Thường vụ Tỉnh ủy và các đồng chí Thường trực Tỉnh ủy Kiên Giang kiểm điểm "
               "nghiêm túc, rút kinh nghiệm sâu sắc.\n")
    assert [lead for _, lead in got] == [["Ban Thường vụ Tỉnh ủy", "các đồng chí Thường trực Tỉnh ủy Kiên Giang"]], got


def test_initials_inside_the_work_ask_nobody() -> None:
    # (an abbreviation after the opening words is no speaker: the ask's object stays the work's object)
    got = _led("Tiếp tục triển khai dự án ODA, yêu cầu các nhà thầu bảo đảm tiến độ thi công.\n")
    assert not any(lead and lead[0].startswith("ODA") for _, lead in got), got


@pytest.mark.parametrize(("asked", "lead"), [
    ("giám đốc Công an các tỉnh, thành phố trực thuộc Trung ương",
     "giám đốc Công an các tỉnh, thành phố trực thuộc Trung ương"),
    ("chủ tịch UBND các huyện", "chủ tịch UBND các huyện"),
    ("Giám đốc Công an các tỉnh", "Giám đốc Công an các tỉnh"),
])
def test_a_head_titled_in_lower_case_before_a_unit_is_asked(asked: str, lead: str) -> None:
    got = _led(f"Công điện nêu rõ yêu cầu {asked} tiếp tục chỉ đạo quyết liệt các giải pháp phòng ngừa, ngăn chặn "
               "sản xuất, buôn bán, sử dụng pháo nổ.\n")
    assert [led for _, led in got] == [[lead]], got
