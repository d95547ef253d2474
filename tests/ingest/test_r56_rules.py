"""Round 56 (issue 8, chosen on batches zzb and zzc): duties and lead units on phrasing patterns the unseen notices
showed.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import _cut as cut_name
from bot.ingest.units import find_leads


def _tasks(text: str) -> list[tuple[list[str], str]]:
    return [(list(t.lead), t.text) for t in parse_notice(text).tasks]


@pytest.mark.parametrize("opening", ["Ưu tiên", "Nghiên cứu, tham mưu", "Kịp thời"])
def test_a_bare_imperative_after_an_ask_is_a_duty_of_its_own(opening: str) -> None:
    text = (f"Giám đốc Sở yêu cầu các phòng chuyên môn khẩn trương rà soát hồ sơ tồn đọng của doanh nghiệp. "
            f"{opening} giải quyết dứt điểm các hồ sơ quá hạn trong tháng này.")
    tasks = _tasks(text)
    assert [text.split(". ")[1].startswith(t[1][:len(opening)]) for t in tasks] == [False, True], tasks
    assert all(lead == ["các phòng chuyên môn"] for lead, _ in tasks)


@pytest.mark.parametrize("adverb", ["đã", "cũng", "vừa"])
def test_a_speaker_who_asks_with_a_colon_is_no_doer(adverb: str) -> None:
    text = (f"Đồng chí Phó Chủ tịch UBND huyện {adverb} yêu cầu: Các đơn vị chức năng tăng cường kiểm tra "
            "các cơ sở kinh doanh thực phẩm.")
    assert find_leads(text) == ["Các đơn vị chức năng"]


def test_without_the_colon_the_asked_units_are_read_as_before() -> None:
    text = "Chủ tịch UBND huyện cũng đề nghị Phòng Tài chính - Kế hoạch rà soát kinh phí."
    assert find_leads(text) == ["Phòng Tài chính - Kế hoạch"]


@pytest.mark.parametrize(("fragment", "name"), [
    ("các địa phương tạm ứng ngân sách để trả lương", "các địa phương"),
    ("các đơn vị nỗ lực hoàn thành chỉ tiêu", "các đơn vị"),
    ("Thủ tướng đặc biệt lưu ý các địa phương", "Thủ tướng"),
    ("các Tiểu ban hậu cần, lễ tân chuẩn bị chu đáo", "các Tiểu ban hậu cần, lễ tân"),
    ("Sở Xây dựng trình UBND tỉnh phê duyệt", "Sở Xây dựng"),
    ("các xã cần khẩn trương hoàn thành", "các xã"),
])
def test_where_a_unit_name_ends(fragment: str, name: str) -> None:
    assert cut_name(fragment) == name
