"""Round 54: a group of kinds asked without "các". "yêu cầu cơ quan, tổ chức, cá nhân có liên quan …" asks the same
group as "các cơ quan, tổ chức, cá nhân …": the "tổ chức" after a bare "cơ quan," or "đơn vị," is one more kind of
the group when a kind word or a qualifier follows it, not the verb "to organise" that would end the name."""

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
