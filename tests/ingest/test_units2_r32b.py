"""Round 32b: unit names that swallowed the work after them, and date words a scan or an object phrase misread.

A name ends at its level ("Ban Nghiên cứu phát triển Thành phố đặt hàng, …") and "các Ban" (a council's committees)
is followed by its work ("Phối hợp các Ban xây dựng …"); OCR's misread "t" of a time cue ("frong tháng 01/2026");
"hằng năm" naming the year's budget or a plan's periods, not how often the work comes back; a year that ends the work
("Đến năm 2015, hoàn thành …") and a time field's "Thực hiện đến năm 2030"."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import find_recurrence, pick_deadline
from bot.ingest.units import find_leads, find_supports


@pytest.mark.parametrize(("text", "supports"), [
    ("- Chủ động phối hợp Ban Nghiên cứu phát triển Thành phố đặt hàng, phản biện các đề tài lớn; nghiên cứu chuyên "
     "đề về nguồn thu từ đất.", ["Ban Nghiên cứu phát triển Thành phố"]),
    ("Phối hợp các Ban xây dựng chi tiết các trường dữ liệu, phương án cấu hình và khai thác.", ["các Ban"]),
    ("Văn phòng phối hợp với Sở Tài chính Thành phố thẩm định dự án.", ["Sở Tài chính Thành phố"]),
])
def test_a_partner_name_ends_before_the_work_that_follows_it(text: str, supports: list[str]) -> None:
    assert find_supports(text) == supports


def test_a_lead_name_ends_at_the_city_level_too() -> None:
    assert find_leads("Sở Tài chính Thành phố thẩm định các dự án đầu tư công.") == ["Sở Tài chính Thành phố"]
    # (the city's own name still belongs to it)
    assert find_leads("Sở Y tế Thành phố Hồ Chí Minh kiểm tra các cơ sở.") == ["Sở Y tế Thành phố Hồ Chí Minh"]


def test_the_party_building_boards_keep_their_name() -> None:
    assert find_supports("Phối hợp các Ban xây dựng Đảng tổ chức hội nghị.") == ["các Ban xây dựng Đảng"]


@pytest.mark.parametrize("text", [
    "Xây dựng kế hoạch thực hiện Nghị quyết (rong tháng 01/2026).",
    "quy hoạch chung các xã, phường frong tháng\n01/2026.",
    "Ban hành kế hoạch lrong tháng 01/2026.",
])
def test_a_time_cue_whose_t_a_scan_misread_is_read(text: str) -> None:
    found = pick_deadline(text, issued_on=dt.date(2025, 10, 1))
    assert found is not None and found.due == dt.date(2026, 1, 31)


def test_a_misread_cue_before_a_day_and_only_before_a_period() -> None:
    found = pick_deadline("Gửi báo cáo frước ngày 15/6/2026.", issued_on=dt.date(2026, 1, 5))
    assert found is not None and found.due == dt.date(2026, 6, 15)
    # (a word of that shape with no period after it stays as written)
    assert pick_deadline("Các hộ frong thôn tham gia đầy đủ.", issued_on=dt.date(2026, 1, 5)) is None


@pytest.mark.parametrize("text", [
    "Các bộ, địa phương bố trí kinh phí trong dự toán ngân sách được giao hàng năm để thực hiện.",
    "bố trí kinh phí trong dự toán ngân sách hàng năm đồng thời huy động từ nguồn vốn khác.",
    "Bảo đảm nguồn kinh phí phù hợp khả năng cân đối ngân sách nhà nước hằng năm.",
    "Xây dựng Quyết định ban hành tổng hạn ngạch phát thải khí nhà kính cho giai đoạn đến năm 2030 và hằng năm.",
])
def test_hang_nam_naming_a_budget_or_a_plans_periods_is_no_recurrence(text: str) -> None:
    assert find_recurrence(text) is None


@pytest.mark.parametrize("text", [
    "Thời gian hoàn thành: Năm 2022 và hàng năm.",
    "Hằng năm, lập dự toán ngân sách gửi Sở Tài chính.",
    "Báo cáo kết quả hằng năm về tình hình sử dụng ngân sách.",
])
def test_work_done_every_year_stays_yearly(text: str) -> None:
    assert find_recurrence(text) == "yearly"


def test_a_year_that_ends_the_work_is_its_deadline() -> None:
    text = ("Hàng năm, tiến hành rà soát các KCN thuộc diện hỗ trợ vốn ngân sách Trung ương. Đến năm 2015, hoàn thành "
            "chương trình hỗ trợ có mục tiêu từ ngân sách trung ương.")
    found = pick_deadline(text, issued_on=dt.date(2012, 3, 1))
    assert found is not None and found.due == dt.date(2015, 12, 31)
    # (a target's horizon is no deadline)
    assert pick_deadline("Đến năm 2030, tỷ lệ hộ dân sử dụng nước sạch đạt 90%.", issued_on=dt.date(2025, 1, 1)) is None


def test_a_time_field_that_says_it_goes_on_until_a_year() -> None:
    found = pick_deadline("Phân bổ hạn ngạch. Thời gian hoàn thành: Thực hiện đến năm 2030 và theo kế hoạch phân bổ.",
                          issued_on=dt.date(2025, 1, 1))
    assert found is not None and found.due == dt.date(2030, 12, 31)


@pytest.mark.parametrize(("text", "leads"), [
    ("Các cơ quan, đơn vị, tổ chức, cá nhân có liên quan thực hiện nghiêm các quy định.",
     ["Các cơ quan, đơn vị, tổ chức, cá nhân có liên quan"]),
    ("Đề nghị tất cả các cơ quan, đơn vị, tổ chức kinh tế xã hội, doanh nghiệp trên địa bàn tiến hành dọn dẹp vệ sinh.",
     ["tất cả các cơ quan, đơn vị, tổ chức kinh tế xã hội, doanh nghiệp trên địa bàn"]),
    # (after the list, "tổ chức" before an event is the verb)
    ("Các cơ quan, đơn vị, tổ chức hội nghị sơ kết.", ["Các cơ quan, đơn vị"]),
])
def test_organisations_after_a_list_of_kinds_are_one_more_kind(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_the_central_body_of_an_association_after_a_comma_is_a_unit_of_its_own() -> None:
    text = ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, Trung ương Hội Cựu chiến binh Việt Nam chỉ đạo các cấp hội "
            "tuyên truyền.")
    assert find_leads(text) == ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Trung ương Hội Cựu chiến binh Việt Nam"]


@pytest.mark.parametrize(("text", "supports"), [
    ("Chủ trì, phối hợp với các Sở, ban ngành, nhà đầu tư thứ cấp thực hiện công tác giải phóng mặt bằng.",
     ["các Sở, ban ngành", "nhà đầu tư thứ cấp"]),
    ("Phối hợp với Công an tỉnh, ban chỉ đạo cấp huyện phát động, tổ chức đợt tuyên truyền.",
     ["Công an tỉnh", "ban chỉ đạo cấp huyện"]),
    ("Bộ Tài nguyên và Môi trường phối hợp các Bộ, ngành và địa phương lồng ghép vấn đề quản lý phát thải.",
     ["các Bộ, ngành và địa phương"]),
])
def test_a_partner_list_ends_before_its_verb_and_keeps_each_partner(text: str, supports: list[str]) -> None:
    assert find_supports(text) == supports


def test_kinds_of_board_in_a_list_still_stay_one_group() -> None:
    assert find_leads("Các sở, ban, ngành thực hiện nghiêm túc.") == ["Các sở, ban, ngành"]


_COUNTED_FROM_EFFECT = ("Rà soát, phân loại và giao tài sản kết cấu hạ tầng theo quy định tại Nghị định số "
                        "178/2026/NĐ-CP trong thời hạn 02 năm kể từ ngày Nghị định số 178/2026/NĐ-CP có hiệu lực "
                        "thi hành.")


def test_a_count_from_the_day_a_decree_takes_effect_is_a_deadline_when_that_day_is_known() -> None:
    found = pick_deadline(_COUNTED_FROM_EFFECT, issued_on=dt.date(2026, 6, 1), effective_on=dt.date(2026, 7, 6))
    assert found is not None and found.due == dt.date(2028, 7, 6)
    text = ("Nghị định có hiệu lực thi hành từ ngày 06/7/2026. Các Bộ rà soát, báo cáo trong thời hạn 03 tháng kể từ "
            "ngày Nghị định có hiệu lực.")
    found = pick_deadline(text, issued_on=dt.date(2026, 6, 1))
    assert found is not None and found.due == dt.date(2026, 10, 6)


def test_without_the_day_it_takes_effect_a_count_from_it_stays_a_time_limit() -> None:
    assert pick_deadline(_COUNTED_FROM_EFFECT, issued_on=dt.date(2026, 6, 1)) is None


def test_a_stated_aim_before_the_doer_is_no_doer() -> None:
    assert find_leads("Với mục tiêu bảo đảm an toàn giao thông, Công an tỉnh tăng cường tuần tra.") == ["Công an tỉnh"]
