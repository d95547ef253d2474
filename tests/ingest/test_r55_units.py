"""Round 55 (issue 8, chosen on batch zza): lead units on phrasing patterns the unseen notices showed.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from bot.ingest.units import find_leads, is_speaker


def test_dieu_tra_after_a_group_is_its_work_not_its_name() -> None:
    text = "Thủ tướng yêu cầu các bộ, ngành điều tra, làm rõ các trường hợp vi phạm về đất đai."
    assert find_leads(text) == ["các bộ, ngành"]
    assert find_leads("Công an tỉnh điều tra, xử lý nghiêm các vụ việc buôn lậu.") == ["Công an tỉnh"]


def test_the_investigating_bodies_keep_dieu_tra_in_their_names() -> None:
    assert find_leads("Cơ quan Cảnh sát điều tra Công an tỉnh khẩn trương xác minh vụ việc.") == \
        ["Cơ quan Cảnh sát điều tra Công an tỉnh"]
    assert find_leads("Giao Ban Chỉ đạo Tổng điều tra dân số tỉnh hướng dẫn các huyện triển khai.") == \
        ["Ban Chỉ đạo Tổng điều tra dân số tỉnh"]


def test_the_prime_minister_by_title_alone_is_a_speaker() -> None:
    assert is_speaker(["Thủ tướng"]) and is_speaker(["Phó Thủ tướng"]) and is_speaker(["Thủ tướng Chính phủ"])
    assert not is_speaker(["Bộ Tài chính"])
    # the one he asks leads; named as the one asked, he still is ("Đề nghị Thủ tướng Chính phủ xem xét …")
    assert find_leads("Thủ tướng yêu cầu Bộ Y tế chỉ đạo các bệnh viện bảo đảm thuốc.") == ["Bộ Y tế"]


def test_a_headline_quoting_its_speaker_is_no_unit_heading() -> None:
    text = ("Tag: phòng chống dịch\n\nThủ tướng: Kiên quyết không để dịch lan rộng\n\n"
            "Thủ tướng yêu cầu các địa phương rà soát, khoanh vùng ổ dịch. Xử lý nghiêm các trường hợp che giấu "
            "dịch.\n")
    leads = [t.lead for t in parse_notice(text).tasks]
    assert leads and all(list(lead) == ["các địa phương"] for lead in leads), leads
    # a unit's heading above its work stays one
    text = "Sở Y tế: Chủ trì hướng dẫn các cơ sở y tế bảo đảm thuốc, vật tư.\n"
    assert [list(t.lead) for t in parse_notice(text).tasks] == [["Sở Y tế"]]
