"""Round 36 (issue 8): the set phrase "các cấp, các ngành" split in two, a leader of a group ("lãnh đạo các …") not
read as a doer, and nouns of persons or bodies ("tuyên truyền viên", "các viện nghiên cứu", "Tổng cục thống kê") cut
at the verb inside them.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest.units import find_leads


def test_every_level_and_sector_is_one_group() -> None:
    assert find_leads("UBND tỉnh yêu cầu các cấp, các ngành tập trung chỉ đạo thu ngân sách.") == ["các cấp, các ngành"]
    assert find_leads("Thủ tướng yêu cầu các ngành, các cấp tiến hành kiểm kê đất đai.") == ["các ngành, các cấp"]


def test_a_group_with_its_own_cac_after_the_pair_stays_apart() -> None:
    assert find_leads("Yêu cầu các cấp, các ngành, các địa phương tổ chức tốt ngày hội.") == \
        ["các cấp, các ngành", "các địa phương"]
    # (a guard: the Party committees are no sector)
    assert find_leads("Yêu cầu các ngành, các cấp ủy rà soát danh sách.") == ["các ngành", "các cấp ủy"]


def test_leaders_of_a_group_asked_are_the_lead() -> None:
    assert find_leads("UBND tỉnh yêu cầu lãnh đạo các địa phương, đơn vị thông báo cho tàu thuyền tránh bão.") == \
        ["lãnh đạo các địa phương, đơn vị"]
    assert find_leads("Yêu cầu Chủ tịch UBND các tỉnh, lãnh đạo các bộ, ngành thành viên tăng cường kiểm tra.") == \
        ["Chủ tịch UBND các tỉnh", "lãnh đạo các bộ, ngành thành viên"]


def test_leading_as_work_is_no_unit() -> None:
    # (guards: "lãnh đạo" after a doer is still its work)
    assert find_leads("Giao UBND huyện lãnh đạo các xã thực hiện.") == ["UBND huyện"]
    assert find_leads("Yêu cầu các sở, lãnh đạo, chỉ đạo các địa phương thực hiện.") == ["các sở"]


def test_nouns_holding_a_verb_stay_whole() -> None:
    assert find_leads("Đội ngũ tuyên truyền viên, báo cáo viên của tỉnh chủ động nắm bắt dư luận.") == \
        ["Đội ngũ tuyên truyền viên, báo cáo viên của tỉnh"]
    assert find_leads("Tổng cục thống kê có trách nhiệm hướng dẫn các địa phương.") == ["Tổng cục thống kê"]
