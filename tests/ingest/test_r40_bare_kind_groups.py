"""Round 54: a group of kinds asked without "các". "yêu cầu cơ quan, tổ chức, cá nhân có liên quan …" asks the same
group as "các cơ quan, tổ chức, cá nhân …": the "tổ chức" after a bare "cơ quan," or "đơn vị," is one more kind of
the group when a kind word or a qualifier follows it, not the verb "to organise" that would end the name. Also: an
election board ("Ủy ban Bầu cử tỉnh") keeps "cử" in its name, and "toàn dân" (the whole people) is asked like
"toàn thể nhân dân", with "gương mẫu" (setting an example) as their work."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice


def _leads(text: str) -> list[list[str]]:
    return [list(t.lead) for t in parse_notice(text).tasks]


@pytest.mark.parametrize(("speaker", "group"), [
    ("UBND tỉnh yêu cầu", "cơ quan, tổ chức, cá nhân có liên quan"),
    ("UBND tỉnh yêu cầu", "cơ quan, tổ chức, doanh nghiệp trên địa bàn tỉnh"),
    ("Sở Tài chính đề nghị", "cơ quan, đơn vị, tổ chức có liên quan"),
    ("UBND huyện yêu cầu", "đơn vị, tổ chức liên quan"),
    ("Sở Tài nguyên và Môi trường đề nghị", "cơ quan, tổ chức và cá nhân sử dụng đất"),
    ("Chủ tịch UBND huyện yêu cầu", "cơ quan, tổ chức hành chính nhà nước"),
])
def test_a_bare_list_of_kinds_with_organisations_is_the_group_asked(speaker: str, group: str) -> None:
    text = f"{speaker} {group} nghiêm túc thực hiện việc tiết kiệm điện, báo cáo kết quả trước ngày 20/12/2026.\n"
    assert _leads(text) == [[group]]


def test_the_group_asked_with_cac_reads_the_same() -> None:
    text = ("UBND tỉnh yêu cầu các cơ quan, tổ chức, cá nhân có liên quan nghiêm túc thực hiện việc tiết kiệm điện.\n")
    assert _leads(text) == [["các cơ quan, tổ chức, cá nhân có liên quan"]]


def test_organising_after_a_role_is_still_the_work() -> None:
    # "chủ trì, tổ chức hội nghị": the body that leads, then its work; no group of kinds
    text = "UBND tỉnh giao Sở Nội vụ chủ trì, tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2026.\n"
    assert _leads(text) == [["Sở Nội vụ"]]


@pytest.mark.parametrize("board", ["Ủy ban Bầu cử tỉnh", "Ủy ban bầu cử huyện Mường Tè", "Ban bầu cử số 3",
                                   "Ủy ban Bầu cử tỉnh, cấp huyện, cấp xã"])
def test_an_election_board_keeps_cu_in_its_name(board: str) -> None:
    # "cử" alone is a verb ("cử cán bộ": to send someone); in "bầu cử" it is part of the board's name
    text = f"Chậm nhất ngày 15/6/2026, {board} tiến hành công bố kết quả bầu cử.\n"
    assert _leads(text) == [[board]]


def test_sending_someone_still_ends_a_name() -> None:
    assert _leads("UBND huyện cử cán bộ tham gia đoàn kiểm tra liên ngành trước ngày 20/12/2026.\n") == [["UBND huyện"]]


def test_the_whole_people_asked_is_the_lead_and_setting_an_example_is_their_work() -> None:
    assert _leads("UBND xã đề nghị toàn dân gương mẫu thực hiện giữ gìn vệ sinh môi trường nơi ở.\n") == [["toàn dân"]]


@pytest.mark.parametrize(("text", "lead"), [
    ("UBND xã đề nghị các thôn đẩy mạnh phong trào Toàn dân bảo vệ an ninh Tổ quốc trong tháng 12/2026.\n",
     "các thôn"),
    ("Các thôn tổ chức Ngày hội Đại đoàn kết toàn dân tộc trước ngày 18/11/2026.\n", "Các thôn"),
])
def test_a_movement_or_the_nation_named_after_toan_dan_is_no_addressee(text: str, lead: str) -> None:
    assert _leads(text) == [[lead]]
