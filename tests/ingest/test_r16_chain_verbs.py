"""Round 16: in a doer's chain of ';' duties, a clause that opens with "tiến hành", "bổ sung", "giám sát", "cung
cấp", "hoàn thiện", "hoàn chỉnh" or "nghiên cứu" (after an adverb or not: "chủ động tiến hành …") is the doer's next
duty, as "tổ chức …" or "rà soát …" already were. A clause that qualifies the one before (its time, its cases) is
not."""

from __future__ import annotations

import pytest

from bot.ingest.parser import _chained_duties

UNITS = ["Các cơ quan, đơn vị", "Sở Nội vụ", "UBND các huyện, thị xã"]


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("clause", [
    "chủ động tiến hành đầy đủ các thủ tục lấy ý kiến, tiếp thu ý kiến của các đơn vị liên quan",
    "bổ sung những vấn đề mới phát sinh vào chương trình công tác của tháng tiếp theo",
    "giám sát chặt chẽ việc thực hiện của các đơn vị trực thuộc trên địa bàn",
    "cung cấp đầy đủ hồ sơ, tài liệu liên quan cho đoàn kiểm tra của tỉnh",
    "kịp thời hoàn thiện hồ sơ trình cấp có thẩm quyền phê duyệt theo quy định",
    "nghiên cứu, đề xuất sửa đổi quy chế phối hợp giữa các cơ quan",
])
def test_the_clause_is_a_duty_of_its_own(unit: str, clause: str) -> None:
    text = f"{unit} chịu trách nhiệm về nội dung và hồ sơ trình UBND tỉnh; {clause}."
    pieces = _chained_duties(text)
    assert len(pieces) == 2 and pieces[1].startswith(clause[:20]), pieces


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("clause", [
    "thời gian hoàn thành trước ngày 30/6/2026",
    "trường hợp vượt thẩm quyền thì báo cáo UBND tỉnh xem xét, quyết định",
])
def test_a_qualifying_clause_stays(unit: str, clause: str) -> None:
    text = f"{unit} chịu trách nhiệm rà soát toàn bộ hồ sơ trình UBND tỉnh; {clause}."
    assert _chained_duties(text) == [text]
