"""Round 12: in running prose a named leader, or the chair who speaks, directs a unit: "…, ông Nguyễn Văn A –
Phó Chủ tịch UBND huyện chỉ đạo Phòng X phối hợp với … hướng dẫn …" — the unit directed acts, not the speaker.
Office holders asked as a group ("Chủ tịch UBND các xã chỉ đạo …") and any unit or title that is itself asked
("Giám đốc Sở Y tế chỉ đạo …") still lead their own directing."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads_ranked


@pytest.mark.parametrize(("speaker", "unit"), [
    ("Qua kiểm tra thực tế, ông Trần Văn Bình – Phó Chủ tịch UBND huyện", "Phòng Nông nghiệp và Phát triển nông thôn"),
    ("Kết luận buổi làm việc, bà Lê Thị Hoa, Chủ tịch UBND thị xã", "Phòng Tài nguyên và Môi trường"),
    ("Chủ tịch UBND tỉnh", "Sở Y tế"),
    ("Đồng chí Bí thư Huyện ủy", "Đảng ủy các xã, thị trấn"),
])
def test_the_unit_a_leader_directs_acts(speaker: str, unit: str) -> None:
    text = f"{speaker} chỉ đạo {unit} phối hợp với Trạm Khuyến nông hướng dẫn nông dân chăm sóc cây trồng."
    assert find_leads_ranked(text)[0] == [unit]


@pytest.mark.parametrize(("text", "lead"), [
    ("Chủ tịch UBND các xã chỉ đạo các thôn tổ chức tuyên truyền.", "Chủ tịch UBND các xã"),
    ("Giám đốc Sở Y tế chỉ đạo các bệnh viện bố trí giường bệnh.", "Giám đốc Sở Y tế"),
    ("UBND huyện chỉ đạo các xã rà soát diện tích lúa.", "UBND huyện"),
    # whoever the leader asks directs: "… yêu cầu UBND huyện cần tập trung chỉ đạo …"
    ("Đồng chí Chủ tịch HĐND huyện yêu cầu UBND huyện cần tập trung chỉ đạo các cơ quan, đơn vị liên quan tổ chức "
     "thực hiện các thủ tục đầu tư.", "UBND huyện"),
])
def test_a_doer_who_directs_others_keeps_its_duty(text: str, lead: str) -> None:
    assert find_leads_ranked(text)[0] == [lead]
