"""Round 25 phrasing patterns about who directs and who does: a unit that works with partners keeps its work when
the sentence says "giao dịch" or "nhiệm vụ được giao"; the bare own-level chair who directs a unit is no doer,
the chair of a named place asked by a letter from above is; a news headline that only says who directed is the
subject, not a task."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import find_leads


@pytest.mark.parametrize(("text", "lead"), [
    ("Cục Biến đổi khí hậu phối hợp thực hiện các nhiệm vụ liên quan đến sàn giao dịch các-bon trong nước.",
     "Cục Biến đổi khí hậu"),
    ("Sở Công Thương phối hợp với Sở Tài chính theo dõi giá cả, bảo đảm giao thông thông suốt trong dịp Tết.",
     "Sở Công Thương"),
    ("Phòng Văn hóa phối hợp với Trung tâm Văn hóa tổ chức giao lưu văn nghệ chào mừng ngày lễ.", "Phòng Văn hóa"),
    ("Công an huyện phối hợp với các xã thực hiện tốt nhiệm vụ được giao trong dịp bầu cử.", "Công an huyện"),
    ("Các sở, ngành phối hợp cùng với các quận, huyện khắc phục hệ thống giao thông trong ngày.", "Các sở, ngành"),
])
def test_a_unit_working_with_partners_leads_whatever_the_word_giao_means_later(text: str, lead: str) -> None:
    assert find_leads(text) == [lead]


def test_a_unit_given_the_lead_later_in_the_sentence_still_loses_it() -> None:
    assert find_leads("Sở A phối hợp với Sở B, giao Sở B chủ trì tổ chức hội nghị tổng kết.") == ["Sở B"]


@pytest.mark.parametrize(("text", "lead"), [
    ("Chủ tịch UBND tỉnh chỉ đạo Sở Y tế kiểm tra các cơ sở khám bệnh trên địa bàn.", ["Sở Y tế"]),
    ("Chủ tịch UBND huyện chỉ đạo Ban Chỉ huy PCTT và TKCN các xã thực hiện ngay các nội dung sau: Cảnh báo cho "
     "nhân dân;", ["Ban Chỉ huy PCTT và TKCN các xã"]),
    ("Phó Chủ tịch UBND thành phố chỉ đạo các phòng chuyên môn rà soát các hồ sơ tồn đọng.",
     ["các phòng chuyên môn"]),
])
def test_the_own_level_chair_who_directs_is_no_doer(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead


@pytest.mark.parametrize("text", [
    "Chủ tịch Ủy ban nhân dân tỉnh Phú Thọ chỉ đạo các sở, ngành chức năng kiểm tra làm rõ nội dung phản ánh.",
    "Chủ tịch UBND huyện Đông Anh chỉ đạo các phòng chuyên môn kiểm tra các công trình vi phạm.",
])
def test_the_chair_of_a_named_place_asked_to_direct_leads(text: str) -> None:
    assert len(find_leads(text)) == 1 and find_leads(text)[0].startswith("Chủ tịch")


def test_the_chairs_of_many_places_who_direct_lead() -> None:
    assert find_leads("Chủ tịch UBND các xã, thị trấn chỉ đạo các thôn kiểm tra các hộ.") == [
        "Chủ tịch UBND các xã, thị trấn"]


DIRECTOR_HEADLINE = (
    "Chủ tịch UBND huyện chỉ đạo tăng cường kiểm tra, xử lý vi phạm đất đai trên địa bàn huyện\n\n"
    "Trong thời gian gần đây, tình trạng vi phạm đất đai có dấu hiệu gia tăng. Để kịp thời chấn chỉnh, Chủ tịch "
    "UBND huyện Phạm Văn An chỉ đạo Chủ tịch UBND các xã, thị trấn tăng cường kiểm tra, xử lý dứt điểm vi phạm.\n\n"
    "Theo đó, Chủ tịch UBND các xã, thị trấn nghiêm túc thực hiện quy định về tuyên truyền Luật Đất đai.\n")


def test_a_headline_that_only_says_who_directed_is_no_task() -> None:
    tasks = parse_notice(DIRECTOR_HEADLINE).tasks
    assert not any(t.text.startswith("Chủ tịch UBND huyện chỉ đạo tăng cường") for t in tasks)
    assert all(t.lead != ("Chủ tịch UBND huyện",) for t in tasks)
    assert any("xử lý dứt điểm vi phạm" in t.text and t.lead == ("Chủ tịch UBND các xã, thị trấn",) for t in tasks)


def test_a_headline_that_names_whom_it_directs_is_read_as_before() -> None:
    text = ("UBND tỉnh chỉ đạo các sở, ngành treo cờ Tổ quốc dịp Quốc khánh\n\n"
            "UBND tỉnh đã có văn bản yêu cầu các sở, ngành treo cờ Tổ quốc tại trụ sở từ ngày 1/9 đến hết ngày 2/9.\n")
    tasks = parse_notice(text).tasks
    assert tasks and all(t.lead for t in tasks)


@pytest.mark.parametrize(("text", "lead"), [
    ("Trên cơ sở đăng ký, Ban Dân vận Huyện ủy sẽ có kế hoạch kiểm tra, khảo sát các mô hình.",
     ["Ban Dân vận Huyện ủy"]),
    ("Sau khi có kết quả thẩm định, Sở Tài chính sẽ tham mưu UBND tỉnh phân bổ kinh phí.", ["Sở Tài chính"]),
])
def test_a_unit_that_will_do_the_work_after_an_opening_leads_it(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead


def test_a_unit_that_will_be_acted_upon_is_no_doer() -> None:
    assert find_leads("Trên cơ sở đề xuất, Sở Tài chính sẽ được UBND tỉnh giao thêm chỉ tiêu biên chế.") != [
        "Sở Tài chính"]
