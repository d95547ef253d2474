"""Who must act (round 8): how Vietnamese official writing lists its doers — an ask carried on by a linking word,
two doers joined by "cùng", the local administration named alone in a list of doers, and a bare kind of body
after "và". Examples written in each pattern's general form."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads, find_leads_ranked, find_supports, split_units


@pytest.mark.parametrize(("text", "leads"), [
    # a sentence of a news copy opens with a linking word: the document's own request goes on
    ("Theo đó, yêu cầu UBND các huyện, thị xã chỉ đạo lực lượng kiểm lâm tuần tra rừng.",
     ["UBND các huyện, thị xã"]),
    ("Ngoài ra, yêu cầu các trường học rà soát sĩ số học sinh.", ["các trường học"]),
    # "…; đồng thời yêu cầu …" goes on with the request of the person the sentence named before
    ("Kết luận hội nghị, đồng chí Bí thư Đảng ủy ghi nhận kết quả của các chi bộ; đồng thời yêu cầu các chi bộ ấp "
     "tiếp tục bám sát nghị quyết.", ["các chi bộ ấp"]),
])
def test_a_linking_word_before_the_ask_keeps_the_asked_units_as_doers(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text) == (leads, 2)


def test_an_ask_inside_the_items_own_work_is_still_its_object() -> None:
    # no one named before "đồng thời": the request is part of the item's own work, done by whoever the heading names
    assert find_leads("Kiểm tra hồ sơ; đồng thời yêu cầu các doanh nghiệp khắc phục.") == []
    assert find_leads("Kiểm tra các mỏ đá. Đồng thời yêu cầu các đơn vị lắp đặt trạm cân.") == []
    assert find_leads("Phối hợp với các Sở, ngành kiểm tra; đồng thời yêu cầu các tổ chức chấp hành.") == []


@pytest.mark.parametrize(("text", "leads"), [
    ("Sở Tài chính cùng Sở Xây dựng thẩm định dự toán.", ["Sở Tài chính", "Sở Xây dựng"]),
    ("Sở Nội vụ cùng Sở Tư pháp được giao soạn thảo quy chế.", ["Sở Nội vụ", "Sở Tư pháp"]),
    ("Hội Nông dân cùng các tổ chức thành viên vận động hội viên.", ["Hội Nông dân", "các tổ chức thành viên"]),
])
def test_two_doers_joined_by_cung_both_lead(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
    assert find_supports(text) == []


def test_cung_after_the_lead_role_or_before_a_report_is_not_a_second_doer() -> None:
    assert find_leads("Giao Sở Nội vụ chủ trì cùng các sở tổ chức đánh giá.") == ["Sở Nội vụ"]
    assert find_leads("UBND huyện cùng các đồng chí lãnh đạo huyện đã kiểm tra thiệt hại.") == ["UBND huyện"]


@pytest.mark.parametrize(("names", "units"), [
    ("các cấp ủy, chính quyền, các đoàn thể", ["các cấp ủy", "chính quyền", "các đoàn thể"]),
    ("Cấp ủy, chính quyền và các hội", ["Cấp ủy", "chính quyền", "các hội"]),
])
def test_the_administration_alone_in_a_list_is_a_doer_of_its_own(names: str, units: list[str]) -> None:
    assert split_units(names) == units


def test_the_administration_of_all_levels_after_other_kinds_stays_one_description() -> None:
    assert split_units("cấp ủy, tổ chức đảng, chính quyền các cấp") == ["cấp ủy, tổ chức đảng, chính quyền các cấp"]


@pytest.mark.parametrize(("names", "units"), [
    ("các trường học và khu phố", ["các trường học", "khu phố"]),
    ("các cơ quan, đơn vị và thôn, tổ dân phố", ["các cơ quan, đơn vị", "thôn, tổ dân phố"]),
])
def test_a_bare_kind_after_va_opens_a_group_of_its_own(names: str, units: list[str]) -> None:
    assert split_units(names) == units


def test_a_bare_kind_after_a_comma_stays_in_the_group() -> None:
    assert split_units("các sở, ban, ngành, đoàn thể tỉnh") == ["các sở, ban, ngành, đoàn thể tỉnh"]
