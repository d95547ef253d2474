"""Who must act (round 9): how news copies and letters name the doer when a leader speaks — the leader who
directs is no doer, whom he directs is; office holders named with their person's name; the folk and the families
a commune's notice asks. Examples written in each pattern's general form."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads, find_leads_ranked


@pytest.mark.parametrize(("text", "leads"), [
    # the speaker does something else first, then directs: the directed units act
    ("Đ/c Chủ tịch UBND huyện thăm hỏi bà con bị thiệt hại, đồng thời chỉ đạo các xã, thị trấn cần tập trung "
     "khắc phục hậu quả.", ["các xã, thị trấn"]),
    # a time phrase between "chỉ đạo" and whom it directs
    ("Theo đó, Phó Chủ tịch UBND tỉnh Trần Văn Bình chỉ đạo, trong tháng 10/2026, các địa phương phải hoàn thành "
     "việc lập danh sách hộ.", ["các địa phương"]),
    # "chỉ đạo cho X": X acts (an office holder written "Trưởng Phòng …")
    ("Đồng chí Chủ tịch UBND huyện chỉ đạo cho Trưởng Phòng Tài nguyên và Môi trường huyện kiểm tra các bãi rác.",
     ["Trưởng Phòng Tài nguyên và Môi trường huyện"]),
])
def test_a_speaker_who_directs_is_no_doer(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text) == (leads, 2)


def test_an_office_with_its_holders_name_after_it_is_a_speaker() -> None:
    # "Phó Bí thư Tỉnh ủy Lê Văn A yêu cầu, …, Hội X cần …": the title names a person speaking, not the doer
    text = ("Phó Bí thư Thường trực Tỉnh ủy Đỗ Văn Hùng phát biểu tại hội nghị. Phát biểu tại hội nghị, Phó Bí thư "
            "Thường trực Tỉnh ủy Đỗ Văn Hùng yêu cầu, trong thời gian tới, Hội Nông dân cần tập trung vận động "
            "hội viên.")
    assert find_leads(text) == ["Hội Nông dân"]


def test_an_office_holder_charged_with_directing_still_leads() -> None:
    # no person named, or the person charged: the office directs the work and answers for it
    assert find_leads("Giám đốc Sở Y tế chỉ đạo các bệnh viện tăng cường trực cấp cứu.") == ["Giám đốc Sở Y tế"]
    assert find_leads("Giao đồng chí Phó Chủ tịch UBND huyện chỉ đạo các xã rà soát hộ nghèo.") == \
        ["đồng chí Phó Chủ tịch UBND huyện"]


def test_the_steering_board_is_not_the_verb_chi_dao() -> None:
    text = "Đồng chí Nguyễn Văn An kiểm tra Ban chỉ đạo xã, yêu cầu các thôn rà soát hộ nghèo."
    assert find_leads(text) == ["các thôn"]


@pytest.mark.parametrize(("text", "leads"), [
    # a commune's notice asks the folk and the families themselves
    ("UBND xã cũng đề nghị bà con nhân dân nếu phát hiện sai sót kịp thời báo cáo Trưởng thôn.", ["bà con nhân dân"]),
    ("Các hộ kinh doanh ở chợ và bà con nhân dân chủ động kê kích hàng hóa lên cao.",
     ["Các hộ kinh doanh ở chợ", "bà con nhân dân"]),
    ("Đối với các gia đình có trẻ nhỏ cần quản lý chặt chẽ con em mình.", ["các gia đình có trẻ nhỏ"]),
])
def test_the_folk_and_families_a_public_notice_asks_act(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_the_folk_as_the_object_of_the_work_lead_nothing() -> None:
    assert find_leads("Tăng cường tuyên truyền để bà con hiểu rõ tác hại của dịch bệnh.") == []
    assert find_leads("UBND xã yêu cầu các thôn tuyên truyền cho bà con nhân dân.") == ["các thôn"]
