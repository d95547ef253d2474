"""Round 21: a charge quoted from another text ("… Cụ thể là: “Giao UBND TP. Vinh thành lập Tổ công tác …”") gives
the work to the unit after "Giao" — the opening quote is no reason to miss it, and "TP." does not end the name —;
and its closing "Hoàn thành trước ngày …" dates that work, it is no piece of work of its own."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import find_leads

UNITS = ["UBND TP. Vinh", "Công an TP. Hồ Chí Minh", "Sở Xây dựng"]


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("quote", ["“", "\"", "«"])
def test_a_quoted_charge_names_its_unit(unit: str, quote: str) -> None:
    text = (f"Kết luận của Bí thư Tỉnh ủy được thể hiện tại Công văn số 168/CV-BNCTU. Cụ thể là: {quote}Giao {unit} "
            "thành lập Tổ công tác rà soát kỹ lưỡng hồ sơ đất đai của các hộ dân.")
    assert find_leads(text) == [unit]


REPORT = """Kết luận của Bí thư Tỉnh ủy tại phiên tiếp dân

Kết luận của Bí thư Tỉnh ủy tại phiên tiếp dân ngày 20/3/2020 được thể hiện tại Công văn số 168/CV-BNCTU do Ban Nội \
chính Tỉnh ủy ban hành. Cụ thể là: “Giao {unit} thành lập Tổ công tác rà soát kỹ lưỡng hồ sơ đất đai của các hộ dân; \
tổ chức đối thoại và trả lời bằng văn bản cho các hộ dân theo quy định. Hoàn thành trước ngày 20/6/2020”.
"""


@pytest.mark.parametrize("unit", UNITS)
def test_the_closing_deadline_is_no_task_of_its_own(unit: str) -> None:
    tasks = list(parse_notice(REPORT.format(unit=unit)).tasks)
    assert tasks and not any(t.text.startswith("Hoàn thành trước") for t in tasks), [t.text for t in tasks]
    assert [list(t.lead) for t in tasks if "Tổ công tác" in t.text] == [[unit]], [t.lead for t in tasks]


# guards: "Giao" inside a word or after "bàn" gives nothing; "Hoàn thành" with its own work still opens one
@pytest.mark.parametrize("text,leads", [
    ("Sở Tài chính bàn giao cho UBND huyện hồ sơ dự án.", ["Sở Tài chính"]),
    ("Giao Sở Y tế thực hiện ngay. Sở Tài chính bố trí kinh phí.", ["Sở Y tế"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
