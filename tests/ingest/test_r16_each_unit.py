"""Round 16: a unit named one by one — "Mỗi cơ quan, đơn vị bố trí …", "đề nghị mỗi trường giới thiệu …", "mỗi thôn,
tổ dân phố ra quân …" — is a doer as "các cơ quan" is; "mỗi" before anything that is not a kind of unit ("mỗi năm",
"mỗi người") names nobody."""

from __future__ import annotations

import pytest

from bot.ingest.units import UNIT_START, find_leads_ranked


@pytest.mark.parametrize(("text", "lead"), [
    ("Mỗi cơ quan, đơn vị bố trí 01 thùng thu gom pin thải tại trụ sở.", "Mỗi cơ quan, đơn vị"),
    ("Đề nghị mỗi trường tổ chức cho học sinh nghỉ học khi nhiệt độ xuống dưới 10 độ C.", "mỗi trường"),
    ("Mỗi xã xây dựng ít nhất một mô hình dân vận khéo trong năm 2027.", "Mỗi xã"),
    ("Yêu cầu mỗi hộ gia đình thu gom rác đúng giờ, đúng nơi quy định.", "mỗi hộ gia đình"),
])
def test_each_unit_is_a_doer(text: str, lead: str) -> None:
    leads, strength = find_leads_ranked(text)
    assert strength >= 2 and leads and leads[0] == lead, (leads, strength)


@pytest.mark.parametrize("text", ["mỗi năm tổ chức một lần", "mỗi người một việc", "mỗi khi có yêu cầu"])
def test_each_of_something_else_names_nobody(text: str) -> None:
    assert UNIT_START.match(text) is None
