"""Round 12: an office holder named by title opens a unit of its own after a comma, in lower case as often as not:
"Phòng Giáo dục và Đào tạo, hiệu trưởng các trường …" is two leads; so are "UBND các xã, trưởng công an các xã",
"Đảng ủy xã, bí thư chi bộ các thôn", "UBND xã, trưởng thôn các thôn", "…, chủ nhiệm các hợp tác xã", "…, trưởng
phòng X", "…, tổ trưởng tổ dân phố". Such a title also opens a sentence as its doer."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads_ranked, name_prefix, split_units


@pytest.mark.parametrize(("unit", "title"), [
    ("Phòng Giáo dục và Đào tạo", "hiệu trưởng các trường trên địa bàn"),
    ("UBND các xã", "trưởng công an các xã"),
    ("Đảng ủy xã", "bí thư chi bộ các thôn"),
    ("UBND xã", "trưởng thôn các thôn"),
    ("UBND xã", "trưởng các thôn, tổ dân phố"),
    ("Phòng Nông nghiệp", "chủ nhiệm các hợp tác xã"),
    ("Phòng Nội vụ", "trưởng phòng Tài chính - Kế hoạch"),
    ("UBND phường", "tổ trưởng tổ dân phố"),
])
def test_a_title_after_a_comma_opens_a_unit_of_its_own(unit: str, title: str) -> None:
    assert split_units(f"{unit}, {title}") == [unit, title]
    assert find_leads_ranked(f"{unit}, {title} rà soát, báo cáo kết quả.")[0] == [unit, title]


@pytest.mark.parametrize("title", [
    "Bí thư chi bộ các thôn", "Chủ nhiệm các hợp tác xã", "Tổ trưởng tổ dân phố", "Trưởng phòng Tài chính - Kế hoạch",
    "Hiệu trưởng các trường",
])
def test_a_title_opens_a_sentence_as_its_doer(title: str) -> None:
    assert name_prefix(f"{title} quán triệt nội dung đến từng người.") == title
    assert find_leads_ranked(f"{title} quán triệt nội dung đến từng người.")[0] == [title]


@pytest.mark.parametrize("text", [
    "các trường, thôn, bản tổ chức tuyên truyền",  # kinds of a group, no title
    "Bí thư Tỉnh ủy yêu cầu các huyện rà soát",  # who asks is not a doer
])
def test_no_title_no_extra_unit(text: str) -> None:
    leads = find_leads_ranked(text)[0]
    assert not any(u.lower().startswith(("bí thư", "trưởng", "hiệu")) for u in leads)
