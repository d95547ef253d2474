"""Round 38 (issue 8): lead and supporting units on phrasing patterns the unseen notices showed.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest.units import find_leads, find_supports


def test_a_sector_by_its_capitalised_name_is_a_partner() -> None:
    text = "Sở Y tế chủ trì, phối hợp ngành Giáo dục tổ chức khám sức khỏe cho học sinh."
    assert find_leads(text) == ["Sở Y tế"]
    assert find_supports(text) == ["ngành Giáo dục"]


def test_the_unit_that_works_with_a_sector_leads() -> None:
    # ("X phối hợp ngành Y …" without "với": X does the work with Y, X is no supporter)
    text = "Công an tỉnh phối hợp ngành Thuế kiểm tra các cửa hàng kinh doanh xăng dầu."
    assert find_leads(text) == ["Công an tỉnh"]
    assert find_supports(text) == ["ngành Thuế"]


def test_a_sector_opening_a_sentence_is_its_doer() -> None:
    assert find_leads("Ngành Nông nghiệp tỉnh chủ động xây dựng phương án chống hạn.") == ["Ngành Nông nghiệp tỉnh"]


def test_the_last_kind_of_a_group_is_no_sector_name() -> None:
    # (guards: "ngành" after a comma ends a group, a capitalised level after it qualifies the group)
    assert find_leads("Các sở, ban, ngành Thành phố rà soát các thủ tục hành chính.") == \
        ["Các sở, ban, ngành Thành phố"]
    assert find_leads("Bộ Nội vụ, các Bộ, ngành đối với lĩnh vực được giao xây dựng tài liệu.") == \
        ["Bộ Nội vụ", "các Bộ, ngành"]
    assert find_leads("Các bộ, ngành Trung ương hướng dẫn các địa phương.") == ["Các bộ, ngành Trung ương"]


def test_a_head_of_offices_in_lower_case_is_the_one_asked() -> None:
    # (the one asked directs the offices below it: it leads, not the offices it assigns)
    assert find_leads("Tổng cục yêu cầu cục trưởng các cục hải quan phải chỉ đạo, phân công các phòng nghiệp vụ "
                      "rà soát hồ sơ.") == ["cục trưởng các cục hải quan"]
    assert find_leads("Đề nghị viện trưởng các viện nghiên cứu chủ động đề xuất đề tài.") == \
        ["viện trưởng các viện nghiên cứu"]
    # (guard: "nhiệm vụ" is no head of a department)
    assert find_leads("Giao nhiệm vụ trưởng Ban kiểm tra.") == []


def test_a_group_that_directs_those_below_it_leads() -> None:
    # (a role word after the ones directed does not make them the lead)
    assert find_leads("UBND các huyện chỉ đạo các xã khẩn trương thống kê số hộ bị ảnh hưởng.") == ["UBND các huyện"]
    assert find_leads("Chủ tịch UBND các huyện, thị xã chỉ đạo UBND các xã có trách nhiệm rà soát đất công.") == \
        ["Chủ tịch UBND các huyện, thị xã"]
    # (guard: one body that directs in a report tells whom it asked)
    assert find_leads("UBND huyện chỉ đạo các xã khẩn trương rà soát đất công.") == ["các xã"]


def test_organisations_of_a_kind_after_a_group_are_units_of_their_own() -> None:
    assert find_leads("Các tổ chức chính trị - xã hội, tổ chức xã hội, tổ chức xã hội - nghề nghiệp vận động hội viên "
                      "tham gia.") == \
        ["Các tổ chức chính trị - xã hội", "tổ chức xã hội", "tổ chức xã hội - nghề nghiệp"]
    assert find_leads("Ủy ban MTTQ tỉnh, các tổ chức chính trị - xã hội, tổ chức phi chính phủ hỗ trợ người dân.") == \
        ["Ủy ban MTTQ tỉnh", "các tổ chức chính trị - xã hội", "tổ chức phi chính phủ"]
    assert find_leads("Các hiệp hội, cộng đồng doanh nghiệp chủ động tham gia chương trình.") == \
        ["Các hiệp hội", "cộng đồng doanh nghiệp"]
    # (guard: "xã hội hóa" describes the organisations of the group)
    assert find_leads("Các cơ quan, đơn vị, tổ chức xã hội hóa đầu tư tham gia.") == \
        ["Các cơ quan, đơn vị, tổ chức xã hội hóa"]


def test_a_sector_after_a_named_unit_is_another_partner() -> None:
    assert find_supports("Sở Y tế chủ trì, phối hợp Sở Tài chính, ngành Bảo hiểm xã hội rà soát chi phí.") == \
        ["Sở Tài chính", "ngành Bảo hiểm xã hội"]


def test_whoever_leads_above_is_no_doer() -> None:
    assert find_leads("Dưới sự chỉ đạo của cấp ủy, các chi bộ trực thuộc tiến hành tự kiểm tra; các ban Đảng căn "
                      "cứ chức năng tự đánh giá.") == ["các chi bộ trực thuộc"]
    assert find_leads("Dưới sự lãnh đạo, chỉ đạo của Huyện ủy, UBND các xã khẩn trương triển khai kế hoạch.") == \
        ["UBND các xã"]
    # (guard: no unit after the opening clause, no doer)
    assert find_leads("Dưới sự chỉ đạo của UBND tỉnh, năm 2025 tỉnh đạt nhiều kết quả.") == []
