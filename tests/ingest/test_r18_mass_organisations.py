"""Round 18: the mass organisations written by their initials ("HND xã", "HPN huyện", "HCCB", "ĐTN", "LĐLĐ") and
the trade union ("Công đoàn cơ sở") are units: asked, they lead the work."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import find_leads_ranked

NAMES = ["HND xã", "HPN xã", "HLHPN huyện", "HCCB xã", "ĐTN xã", "LĐLĐ huyện", "Công đoàn cơ sở"]
LETTER = """Ngày 12/4/2026, Đảng ủy xã tổ chức hội nghị sơ kết công tác dân vận quý I.

Kết luận hội nghị, đồng chí Bí thư Đảng ủy xã đề nghị {name} tiếp tục tuyên truyền, vận động hội viên tham gia bảo \
hiểm y tế hộ gia đình, hoàn thành trước ngày 30/6/2026.
"""


@pytest.mark.parametrize("name", NAMES)
def test_initials_of_a_mass_organisation_name_a_unit(name: str) -> None:
    leads, _ = find_leads_ranked(f"Đề nghị {name} tăng cường vận động hội viên tham gia bảo hiểm y tế.")
    assert leads == [name]


@pytest.mark.parametrize("name", NAMES)
def test_the_organisation_asked_leads_the_task(name: str) -> None:
    tasks = parse_notice(LETTER.format(name=name)).tasks
    assert [list(t.lead) for t in tasks] == [[name]], [(t.text, t.lead) for t in tasks]


def test_a_union_member_is_no_unit() -> None:
    leads, _ = find_leads_ranked("Công đoàn viên tích cực tham gia hiến máu tình nguyện.")
    assert leads != ["Công đoàn viên"]
