"""Round 45 (issue 8): leads of news copies that tell of an ask.

- a team named by what it does ("Đoàn giám sát", "Tổ giám sát") is one name: when it asks others, they lead; when it
  does the work itself, its whole name leads — not "Đoàn" cut before "giám sát".
Written from phrasing patterns; the names are made up or generic."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads, name_prefix

# ---------------------------------------------------------------- a team named by what it does


@pytest.mark.parametrize("team", ["Đoàn giám sát", "Đoàn giám sát số 2",
                                  "Đoàn giám sát của Ban Thường vụ Tỉnh ủy"])
@pytest.mark.parametrize("ask", ["đề nghị", "yêu cầu"])
def test_a_supervising_team_that_asks_gives_the_lead_to_those_it_asks(team: str, ask: str) -> None:
    text = (f"{team} {ask} Huyện ủy A, Thị ủy B cập nhật tình hình công tác chuẩn bị đại hội, "
            "tổng hợp báo cáo trước ngày 15/3/2027.")
    assert find_leads(text) == ["Huyện ủy A", "Thị ủy B"]


@pytest.mark.parametrize("team", ["Đoàn giám sát", "đoàn giám sát", "Tổ giám sát"])
def test_a_supervising_team_is_one_name(team: str) -> None:
    assert name_prefix(f"{team} sẽ làm việc với các xã trong tháng 4") == team


def test_giam_sat_after_another_name_still_ends_it() -> None:
    assert name_prefix("Ban Thường vụ Huyện ủy giám sát việc chuẩn bị đại hội") == "Ban Thường vụ Huyện ủy"
    assert find_leads("Phòng Nội vụ giám sát việc thực hiện quy chế tại các xã.") == ["Phòng Nội vụ"]
