"""Supporting units (phối hợp): every partner the text names, and nothing of the work after them."""

from __future__ import annotations

import pytest

from bot.ingest.units import WEAK, find_leads, find_leads_ranked, find_supports


@pytest.mark.parametrize(("text", "supports"), [
    # the work after the partners is not a partner: "giúp", "có các giải pháp", "chú trọng"
    ("Bộ Nội vụ chủ trì, phối hợp với các cơ quan liên quan giúp Chính phủ theo dõi việc sắp xếp",
     ["các cơ quan liên quan"]),
    ("Bộ Giao thông vận tải chủ trì, phối hợp với các bộ, ngành liên quan có các giải pháp hỗ trợ doanh nghiệp",
     ["các bộ, ngành liên quan"]),
    # every "phối hợp với" of the text, in order
    ("Sở Công Thương chủ trì, phối hợp với Sở Tài chính rà soát giá điện; phối hợp với Sở Xây dựng đẩy nhanh tiến độ",
     ["Sở Tài chính", "Sở Xây dựng"]),
    # a word of manner between "phối hợp" and "với"
    ("Sở Y tế cần tiếp tục phối hợp tốt với các sở, ngành liên quan, các huyện kịp thời xử lý",
     ["các sở, ngành liên quan", "các huyện"]),
    ("Công an tỉnh phối hợp chặt chẽ với Bộ Chỉ huy Quân sự tỉnh tuần tra", ["Bộ Chỉ huy Quân sự tỉnh"]),
    # the fields of ministries listed after "các Bộ:", then the related bodies
    ("Bộ Ngoại giao chủ trì, phối hợp các Bộ: Văn hóa, Thể thao và Du lịch, Công an, Tài chính và các cơ quan "
     "liên quan mở rộng diện cấp thị thực",
     ["Bộ Văn hóa, Thể thao và Du lịch", "Bộ Công an", "Bộ Tài chính", "các cơ quan liên quan"]),
    # scanned copies lose diacritics: the role word and the field names are still read
    ("Bộ Tài chính chủ trì, phối hop với Bộ Y tế khẩn trương hoàn thiện", ["Bộ Y tế"]),
    ("Bộ Ngoại giao chủ trì, phối hợp các Bộ: Văn hóa, Thể thao và Du lich, Tài chính thực hiện",
     ["Bộ Văn hóa, Thể thao và Du lich", "Bộ Tài chính"]),
    ("Bộ Giao thông vận tải chủ trì, phối hợp với các Bộ: Kế hoạch và Đầu. tư, Tài chính nghiên cứu",
     ["Bộ Kế hoạch và Đầu. tư", "Bộ Tài chính"]),
])
def test_supports(text: str, supports: list[str]) -> None:
    assert find_supports(text) == supports


@pytest.mark.parametrize(("text", "leads", "supports"), [
    # the unit that opens the text and works with others is the lead
    ("Bộ Y tế phối hợp với các bộ liên quan chỉ đạo các bệnh viện xây dựng kế hoạch", ["Bộ Y tế"],
     ["các bộ liên quan"]),
    ("Sở Nội vụ phối hợp chặt chẽ với Sở Tài chính hướng dẫn các xã", ["Sở Nội vụ"], ["Sở Tài chính"]),
])
def test_opening_unit_that_works_with_partners_leads(text: str, leads: list[str], supports: list[str]) -> None:
    assert find_leads(text) == leads
    assert find_supports(text) == supports



def test_partner_that_opens_a_sentence_with_a_named_lead_is_not_the_lead() -> None:
    text = "Sở Xây dựng phối hợp với Sở Tài chính, giao Sở Tài chính chủ trì kiểm tra"
    assert find_leads(text) == ["Sở Tài chính"]


def test_a_lead_in_that_works_with_one_partner_and_leads_others() -> None:
    text = "Bộ Y tế phối hợp với Ban Tuyên giáo Trung ương và chủ trì cùng các bộ, ngành, địa phương:"
    assert find_leads(text) == ["Bộ Y tế"]
    assert find_supports(text) == ["Ban Tuyên giáo Trung ương", "các bộ, ngành, địa phương"]


def test_a_national_federation_is_a_unit() -> None:
    assert find_leads("Đề nghị Tổng Liên đoàn Lao động Việt Nam xem xét, hướng dẫn") == \
        ["Tổng Liên đoàn Lao động Việt Nam"]


def test_a_unit_working_with_partners_after_a_topic_title_leads_weakly() -> None:
    text = "Đẩy mạnh truyền thông Bộ Y tế phối hợp với Ban Tuyên giáo Trung ương và chủ trì cùng các địa phương:"
    assert find_leads_ranked(text) == (["Bộ Y tế"], WEAK)
    # the partner of someone asked or directed is not the subject
    assert find_leads_ranked("Tăng cường kiểm tra, chỉ đạo Công an xã phối hợp với Đoàn Thanh niên tuần tra")[0] != \
        ["Công an xã"]


def test_a_request_inside_the_work_done_with_a_partner_is_not_the_lead() -> None:
    text = "Phối hợp với Bộ Tài chính rà soát, yêu cầu các doanh nghiệp thực hiện báo cáo định kỳ"
    assert find_leads(text) == []
    assert find_leads("Bộ Tài chính rà soát, yêu cầu các doanh nghiệp thực hiện báo cáo") == ["Bộ Tài chính"]


@pytest.mark.parametrize(("text", "supports"), [
    # forces named by their function, the local government
    ("Tăng cường phối hợp với lực lượng chức năng và chính quyền cơ sở tổ chức kiểm tra liên ngành",
     ["lực lượng chức năng", "chính quyền cơ sở"]),
    # the Party-building boards ("các Ban xây dựng Đảng") are a group, not a board that builds
    ("Ban Tuyên giáo chủ trì, phối hợp với các Ban xây dựng Đảng, MTTQ, các đoàn thể Thị xã đánh giá kết quả",
     ["các Ban xây dựng Đảng", "MTTQ Thị xã", "các đoàn thể Thị xã"]),
])
def test_partner_groups(text: str, supports: list[str]) -> None:
    assert find_supports(text) == supports


@pytest.mark.parametrize(("text", "leads", "supports"), [
    # "phối hợp" straight before the partner, without "với"
    ("Sở Tài chính phối hợp Sở Xây dựng tham mưu UBND tỉnh bố trí kinh phí", ["Sở Tài chính"], ["Sở Xây dựng"]),
    # the unit that works "phối hợp với" someone is not its own partner
    ("UBND các xã biên giới phối hợp với Đồn Biên phòng tuần tra", ["UBND các xã biên giới"], ["Đồn Biên phòng"]),
    ("Trạm Y tế xã phối hợp với Trường tiểu học tổ chức tiêm chủng", ["Trạm Y tế xã"], ["Trường tiểu học"]),
    # "Giao A chủ trì, B phối hợp": B supports
    ("Giao Sở Y tế chủ trì, Sở Tài chính phối hợp.", ["Sở Y tế"], ["Sở Tài chính"]),
    # public service units ("công lập") are a name, not the verb "lập"
    ("Các đơn vị sự nghiệp công lập trực thuộc Sở thực hiện tự chủ tài chính",
     ["Các đơn vị sự nghiệp công lập trực thuộc Sở"], []),
])
def test_working_with_partners(text: str, leads: list[str], supports: list[str]) -> None:
    assert find_leads(text) == leads
    assert find_supports(text) == supports


@pytest.mark.parametrize(("text", "supports"), [
    # a kind word as a scan spells it
    ("Bộ Công Thương chủ trì, phối hợp với Bộ Tài chính và các đơn vi liên quan bảo đảm thông quan",
     ["Bộ Tài chính", "các đơn vi liên quan"]),
    # the work and a date after a group end it
    ("Sở Nội vụ chủ trì, phối hợp với các cơ quan, ban ngành, đoàn thể nêu cao tinh thần trách nhiệm",
     ["các cơ quan, ban ngành, đoàn thể"]),
])
def test_partner_names_end_where_the_work_starts(text: str, supports: list[str]) -> None:
    assert find_supports(text) == supports


def test_a_written_date_after_a_unit_ends_it() -> None:
    text = "Sở Công Thương các tỉnh Ngày 02 tháng 02 năm 2026 báo cáo kết quả"
    assert find_leads(text) == ["Sở Công Thương các tỉnh"]


def test_a_unit_that_opens_the_text_and_coordinates_is_its_lead() -> None:
    text = "Cục Biến đổi khí hậu phối hợp thực hiện các nhiệm vụ về thị trường các-bon"
    assert find_leads(text) == ["Cục Biến đổi khí hậu"]
    assert find_supports(text) == []


def test_the_handing_over_body_is_a_name() -> None:
    assert find_leads("Bộ, cơ quan chuyển giao chịu trách nhiệm về hồ sơ") == ["Bộ, cơ quan chuyển giao"]


@pytest.mark.parametrize(("text", "leads", "supports"), [
    # the partner written before the lead
    ("Sở Tài chính phối hợp, Sở Y tế chủ trì xây dựng kế hoạch", ["Sở Y tế"], ["Sở Tài chính"]),
    ("Với sự phối hợp của Sở Tài chính, Sở Y tế chủ trì xây dựng kế hoạch", ["Sở Y tế"], ["Sở Tài chính"]),
    # … or after the work
    ("Sở Y tế chủ trì xây dựng kế hoạch, có sự phối hợp của Sở Tài chính và UBND các huyện", ["Sở Y tế"],
     ["Sở Tài chính", "UBND các huyện"]),
    ("Sở Y tế chủ trì xây dựng kế hoạch (phối hợp: Sở Tài chính, Sở Nội vụ)", ["Sở Y tế"],
     ["Sở Tài chính", "Sở Nội vụ"]),
])
def test_partner_before_or_after_the_lead(text: str, leads: list[str], supports: list[str]) -> None:
    assert find_leads(text) == leads
    assert find_supports(text) == supports
