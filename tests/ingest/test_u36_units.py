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


def test_a_body_of_people_asked_in_lower_case_is_the_lead() -> None:
    assert find_leads("Đồng chí Bí thư ghi nhận kết quả; đồng thời đề nghị đội ngũ báo cáo viên của huyện cần chủ động "
                      "nắm bắt dư luận.") == ["đội ngũ báo cáo viên của huyện"]
    # (a guard: the staff as the object of the work)
    assert find_leads("Các sở tập trung xây dựng đội ngũ cán bộ đủ năng lực.") == ["Các sở"]


def test_the_subject_of_a_rule_sentence_is_the_lead() -> None:
    assert find_leads("Lãnh đạo xã, phường phải bảo đảm nơi ở cho người dân sơ tán.") == ["Lãnh đạo xã, phường"]
    assert find_leads("Tổ chức, cá nhân khai thác cát phải lắp đặt trạm cân.") == ["Tổ chức, cá nhân khai thác cát"]
    # (a guard: the leader who speaks is no doer)
    assert find_leads("Lãnh đạo UBND huyện yêu cầu các xã rà soát.") == ["các xã"]


def test_a_manner_word_ends_the_name() -> None:
    assert find_leads("Chủ tịch UBND các xã hoàn toàn chịu trách nhiệm về số liệu báo cáo.") == ["Chủ tịch UBND các xã"]


def test_the_leaders_of_a_body_listed_after_another_doer() -> None:
    assert find_leads("Đảng đoàn HĐND tỉnh, lãnh đạo UBND tỉnh chỉ đạo các sở hướng dẫn treo cờ.") == \
        ["Đảng đoàn HĐND tỉnh", "lãnh đạo UBND tỉnh"]
    # (a guard: on whose behalf someone speaks is no doer)
    assert find_leads("Thừa ủy quyền của lãnh đạo UBND huyện, Văn phòng đã thông báo các nội dung các phòng, ban cần "
                      "triển khai.") != ["lãnh đạo UBND huyện"]


def test_the_members_in_a_board_stay_whole() -> None:
    assert find_leads("Yêu cầu các thành viên trong Ban Chỉ đạo, Văn phòng Điều phối hoàn chỉnh hồ sơ.") == \
        ["các thành viên trong Ban Chỉ đạo", "Văn phòng Điều phối"]
    # (a guard: "trong" before a time still ends the name)
    assert find_leads("Yêu cầu các thành viên trong thời gian tới hoàn chỉnh hồ sơ.") == ["các thành viên"]


def test_a_group_in_a_semicolon_list_names_its_members() -> None:
    assert find_leads("UBND các huyện; các sở: Xây dựng, Công Thương theo chức năng kiểm tra an toàn cháy nổ.") == \
        ["UBND các huyện", "Sở Xây dựng", "Sở Công Thương"]


def test_the_doer_after_a_condition_ending_in_thi() -> None:
    assert find_leads("Sau khi kiểm tra, đối với những hồ sơ đủ điều kiện thì Sở Y tế giới thiệu người bệnh đi giám "
                      "định.") == ["Sở Y tế"]
    assert find_leads("Khi nhận đủ hồ sơ hợp lệ thì Sở Tư pháp cấp phiếu lý lịch tư pháp.") == ["Sở Tư pháp"]
    # (a guard: what a unit will do to whoever fails is a consequence, no one's duty)
    assert find_leads("Sau thời hạn này, đơn vị nào không nộp hồ sơ thì Phòng Văn hóa sẽ không xét công nhận.") == []
