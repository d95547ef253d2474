"""Round 28 phrasing pattern: a portal copy prints its dateline on a line of its own — "Thứ sáu, 12/10/2018 08:00:02 |
Tin địa phương", "Thứ ba, 21 Tháng 8 2018", "Thứ tư - 25/11/2020 14:27", "Thứ hai, ngày 01/06/2020 | 10:22 AM (GMT
+7)". It is the page's stamp: neither the notice's subject nor words of a task. (The posting date is still read from
it.) A paragraph that opens with an ordinal "Thứ hai, …" is text. Texts invented."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import WEEKDAY_DATELINE

BODY = ("Theo đó, UBND huyện Lạc Sơn yêu cầu UBND các xã, thị trấn khẩn trương rà soát, thống kê các hộ nuôi ong "
        "bị thiệt hại do rét đậm, rét hại, báo cáo về Phòng Nông nghiệp trước ngày 20/01/2027.")


@pytest.mark.parametrize("stamp", ["Thứ sáu, 12/10/2026 08:00:02 | Tin địa phương", "Thứ ba, 21 Tháng 12 2026",
                                   "Thứ tư - 25/11/2026 14:27", "Thứ hai, ngày 07/12/2026 | 10:22 AM (GMT +7)"])
def test_dateline_is_no_subject_and_no_task_text(stamp: str) -> None:
    notice = parse_notice("\n".join([stamp, "Lạc Sơn: Rà soát thiệt hại của các hộ nuôi ong", "", BODY]))
    assert not (notice.subject or "").startswith("Thứ")
    tasks = notice.to_json()["tasks"]
    assert any("thống kê các hộ nuôi ong" in t["text"] for t in tasks)
    for t in tasks:
        assert "Thứ " not in t["text"] and "Tin địa phương" not in t["text"]


def test_ordinal_paragraph_is_not_a_dateline() -> None:
    # guard: "Thứ hai, <work>" opens a paragraph of the text
    assert not WEEKDAY_DATELINE.match("Thứ hai, hoàn thành việc rà soát 12 hồ sơ trước ngày 15/12/2026.")
    assert WEEKDAY_DATELINE.match("Thứ bảy, 05/12/2026")
