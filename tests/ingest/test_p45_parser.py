"""Round 45 (issue 8): leads of news copies that tell of an ask.

- a team named by what it does ("Đoàn giám sát", "Tổ giám sát") is one name: when it asks others, they lead; when it
  does the work itself, its whole name leads — not "Đoàn" cut before "giám sát";
- a news copy's "X (Bộ Y) có văn bản gửi Z đề nghị …" without "đã/vừa", and an addressee group named by its places
  ("Sở X các tỉnh, thành phố: A, B, C đề nghị …"): the addressees lead, not the sender.
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


# ---------------------------------------------------------------- a letter sent, told without "đã/vừa"


@pytest.mark.parametrize("doc", ["văn bản", "công văn", "công điện"])
@pytest.mark.parametrize("sender", ["Sở Y tế", "Cục Quản lý thị trường (Bộ Công Thương)"])
def test_a_letter_sent_without_da_or_vua_gives_the_lead_to_its_addressees(doc: str, sender: str) -> None:
    text = f"{sender} có {doc} gửi Trung tâm Y tế các huyện đề nghị rà soát danh sách trước ngày 10/5/2027."
    assert find_leads(text) == ["Trung tâm Y tế các huyện"]


@pytest.mark.parametrize("places", ["Hà Nội, Thái Nguyên, Bắc Ninh", "Quảng Ninh, Hải Phòng và Thái Bình"])
@pytest.mark.parametrize("ask", ["đề nghị", "yêu cầu"])
def test_an_addressee_group_named_by_its_places_is_kept_whole(places: str, ask: str) -> None:
    text = f"Bộ Công Thương vừa có công điện gửi Sở Công Thương các tỉnh, thành phố: {places} {ask} kiểm tra ngay."
    assert find_leads(text) == [f"Sở Công Thương các tỉnh, thành phố: {places}"]


@pytest.mark.parametrize("tail", ["xin ý kiến về dự thảo", "về việc rà soát danh sách", "báo cáo kết quả năm 2026"])
def test_a_letter_that_asks_no_work_of_its_addressees_gives_them_no_lead(tail: str) -> None:
    text = f"Sở Tài chính có văn bản gửi Bộ Tài chính {tail}."
    assert "Bộ Tài chính" not in find_leads(text)


@pytest.mark.parametrize("how", ["khẩn trương", "sớm", "chủ động"])
def test_an_ask_to_send_a_letter_leaves_the_lead_with_the_one_asked(how: str) -> None:
    text = f"Bộ Nông nghiệp và Môi trường {how} có văn bản gửi Bộ Tài chính những nội dung liên quan đến dự án."
    assert find_leads(text) == ["Bộ Nông nghiệp và Môi trường"]
