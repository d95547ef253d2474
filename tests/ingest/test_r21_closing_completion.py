"""Round 21: a closing "Hoàn thành và trình / và báo cáo … trong quý I/2020." after a unit's work dates that work; it is
no piece of work of its own (ALSO_WORK no longer reads it as the next duty of the same doer)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice

REPORT = """Triển khai Chỉ thị số 27/CT-TTg của Thủ tướng Chính phủ

Chủ tịch UBND tỉnh vừa có văn bản yêu cầu Thủ trưởng các sở, ban ngành, Chủ tịch UBND các huyện, thành phố nghiêm túc \
quán triệt và tổ chức triển khai thực hiện Chỉ thị số 27/CT-TTg ngày 19/11/2019 của Thủ tướng Chính phủ.

Trên cơ sở hướng dẫn của các Bộ, ngành Trung ương, {unit} chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu \
UBND tỉnh ban hành Kế hoạch triển khai thực hiện; trong đó chú trọng nội dung giải pháp phát triển kinh tế biển. \
{closing}
"""


@pytest.mark.parametrize("unit", ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"])
@pytest.mark.parametrize("closing,due", [
    ("Hoàn thành và trình UBND tỉnh trong quý I/2020.", dt.date(2020, 3, 31)),
    ("Hoàn thành và báo cáo UBND tỉnh trước ngày 15/3/2020.", dt.date(2020, 3, 15)),
])
def test_the_closing_completion_dates_the_work(unit: str, closing: str, due: dt.date) -> None:
    tasks = list(parse_notice(REPORT.format(unit=unit, closing=closing)).tasks)
    assert not any(t.text.startswith("Hoàn thành") for t in tasks), [t.text for t in tasks]
    work = [t for t in tasks if "Kế hoạch triển khai" in t.text]
    assert len(work) == 1 and work[0].due == due, [(t.text, t.due) for t in tasks]


# guard: "Hoàn thành" with work of its own still adds a piece of work
def test_completion_with_its_own_work_is_a_task() -> None:
    closing = "Hoàn thành việc ban hành các quy chế phối hợp trong quý II/2020."
    tasks = list(parse_notice(REPORT.format(unit="Sở Nội vụ", closing=closing)).tasks)
    assert any(t.text.startswith("Hoàn thành việc ban hành") for t in tasks), [t.text for t in tasks]
