"""Round 16: a lead-in with nothing listed under it — the list is only in the attached file — "…; yêu cầu <đơn vị>
thực hiện tốt các nội dung sau:" followed by a link to the full text — is kept as the one task it announces, and
whom it asks leads it (it was a task with no lead)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

LETTER = """UBND-KTHT

V/v tăng cường công tác {topic}.

Hiện nay, tình trạng vi phạm trên các tuyến đường còn diễn ra phức tạp, ảnh hưởng đến trật tự an toàn giao thông.
Để bảo đảm {topic}; {ask} {unit} thực hiện tốt các nội dung sau:

Xem chi tiết tại đây.
Cv-tang-cuong_signed.pdf
"""


@pytest.mark.parametrize("unit", ["UBND các xã, thị trấn", "Phòng Kinh tế và Hạ tầng"])
@pytest.mark.parametrize("ask", ["yêu cầu", "đề nghị"])
def test_a_lead_in_alone_is_asked_of_whom_it_names(unit: str, ask: str) -> None:
    tasks = parse_notice(LETTER.format(topic="trật tự an toàn giao thông", ask=ask, unit=unit)).tasks
    got = [(t.text, t.lead) for t in tasks]
    announced = [lead for text, lead in got if "thực hiện tốt các nội dung sau" in text]
    assert announced and all(announced), got
    assert unit.split(",")[0] in announced[0][0], got
