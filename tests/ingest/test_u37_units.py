"""Round 37 (issue 8): who must act where a unit directs another ("X chỉ đạo Y …"), where an ask is passed on
("chỉ đạo cho X yêu cầu Y …"), where a consent comes before a charge, and names a case or a bracket hid.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest.units import find_leads, find_supports, split_units


def test_the_one_told_to_pass_an_ask_on_is_the_lead() -> None:
    assert find_leads("Đồng chí Chủ tịch UBND huyện chỉ đạo cho Trưởng Phòng Tài chính huyện yêu cầu lãnh đạo các xã "
                      "khẩn trương nộp báo cáo.") == ["Trưởng Phòng Tài chính huyện"]
    assert find_leads("UBND tỉnh chỉ đạo Sở Y tế yêu cầu các bệnh viện tăng cường trực cấp cứu.") == ["Sở Y tế"]
    # (a guard: an ask with nobody told to pass it on)
    assert find_leads("Chủ tịch UBND tỉnh yêu cầu Sở Y tế tăng cường trực cấp cứu.") == ["Sở Y tế"]


def test_a_unit_directed_after_the_subjects_own_work_is_no_lead() -> None:
    assert find_leads("Thống đốc Ngân hàng Nhà nước căn cứ quy định xác định hạn mức cho vay; đồng thời chỉ đạo "
                      "Ngân hàng thương mại A chịu trách nhiệm thẩm định.") == ["Thống đốc Ngân hàng Nhà nước"]
    assert find_leads("Sở Y tế tiếp tục theo dõi dịch bệnh; đồng thời hướng dẫn Trung tâm Y tế các huyện khẩn trương "
                      "tiêm vắc xin.") == ["Sở Y tế"]
    # (a guard: a report of what was directed names the unit directed)
    assert find_leads("Trong thời gian qua, UBND các tỉnh đã khẩn trương chỉ đạo Sở Y tế chủ trì tạo điều kiện cấp "
                      "chứng chỉ hành nghề.") == ["Sở Y tế"]
    # (a guard: one asked after a topic is still asked)
    assert find_leads("Đối với chi phí vượt dự toán năm 2024, yêu cầu Bộ Tài chính, Kho bạc Nhà nước khẩn trương "
                      "thực hiện theo thẩm quyền.") == ["Bộ Tài chính", "Kho bạc Nhà nước"]


def test_a_group_that_directs_those_below_it_is_the_lead() -> None:
    assert find_leads("Công văn của UBND tỉnh nêu rõ, trong thời gian nghỉ lễ, các đơn vị, địa phương chỉ đạo các "
                      "trường triển khai nghiêm các biện pháp phòng dịch.") == ["các đơn vị, địa phương"]
    assert find_leads("Theo đó, UBND các huyện chỉ đạo UBND các xã tổ chức thu hoạch lúa.") == ["UBND các huyện"]


def test_a_charge_opening_a_later_clause_names_the_lead() -> None:
    assert find_leads("Đối với chi phí vượt dự toán được Thủ tướng giao năm 2022, giao Bảo hiểm xã hội tỉnh tổ chức "
                      "thanh toán.") == ["Bảo hiểm xã hội tỉnh"]
    # (a guard: land handed over to an investor charges nobody)
    assert find_leads("Thu hồi diện tích đã giao nhưng chủ đầu tư chậm triển khai; bồi thường đất có quyết định thu "
                      "hồi giao chủ đầu tư dự án.") == []


def test_a_charge_after_a_consent_names_the_lead() -> None:
    assert find_leads("UBND tỉnh đã đồng ý để UBND huyện A xây dựng Đề án lễ hội, đồng thời giao Sở Văn hóa, Thể thao "
                      "và Du lịch chủ trì thẩm định Đề án.") == ["Sở Văn hóa, Thể thao và Du lịch"]
    # (a guard: a consent alone lets the unit act)
    assert find_leads("Đồng ý để Công ty B thực hiện dự án nạo vét.") == ["Công ty B"]


def test_a_national_park_is_a_unit_in_either_case() -> None:
    assert split_units("UBND huyện A và Vườn Quốc gia B") == ["UBND huyện A", "Vườn Quốc gia B"]


def test_places_inside_a_bracket_are_no_doers() -> None:
    assert find_leads("Trên địa bàn tỉnh có nhiều rừng chè cổ thụ (tại khu vực núi Pu Ta Leng: Các xã vùng cao của "
                      "huyện Mường Tè; xã Ka Lăng, xã Thu Lũm của huyện Nậm Nhùn), đây là di sản quý giá cần được "
                      "bảo tồn.") == []


def test_a_later_sentence_that_opens_with_its_own_lead_role_keeps_its_partners() -> None:
    assert find_supports("Ban Dân tộc chủ trì, phối hợp với các địa phương xây dựng kế hoạch. Chủ trì, phối hợp với "
                         "Sở Tài chính hướng dẫn việc rà soát danh sách.") == ["các địa phương"]
    # (a guard: with no partners before it, the later sentence's partners are the text's)
    assert find_supports("Chỉ đạo đổi mới công tác nắm tình hình. Chủ trì, phối hợp với Viện Kiểm sát tỉnh trong công "
                         "tác điều tra.") == ["Viện Kiểm sát tỉnh"]

