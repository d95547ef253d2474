"""Round 16: in a news item, a unit and what it "sẽ" (will) do — "Theo kế hoạch, <đơn vị> sẽ tổ chức …", "Theo đó,
<đơn vị> sẽ phối hợp …, chỉ đạo các tổ … phải …" — is that unit's work, as with "cần" or "phải"; the unit that
opens the text bound to its work leads it even where it then directs others. What a unit will do under a condition
or by a forecast ("Nếu …, UBND xã sẽ xử lý …", "Dự kiến, …, UBND tỉnh sẽ trình …") is no task."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """{place} triển khai {topic}

Sáng ngày 12/01/2026, UBND {place} tổ chức hội nghị triển khai {topic}. Đồng chí Chủ tịch UBND chủ trì hội nghị.

{opening}{unit} sẽ {work}.

Ảnh: Quang cảnh hội nghị.
"""

CASES = [
    dict(place="xã Tân Lập", topic="kế hoạch phục vụ Tết Nguyên đán", unit="xã Tân Lập",
         work="tổ chức nhiều hoạt động văn hóa, văn nghệ, thể dục thể thao phục vụ Nhân dân trong dịp Tết"),
    dict(place="phường Hòa An", topic="chiến dịch vệ sinh môi trường", unit="các khu phố trên địa bàn phường",
         work="tiếp tục tổ chức các buổi vệ sinh, xử lý các điểm nguy cơ vào các ngày cuối tuần"),
]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("opening", ["Theo kế hoạch, ", "Thời gian tới, ", ""])
def test_what_a_unit_will_do_is_its_work(c: dict[str, str], opening: str) -> None:
    tasks = parse_notice(NEWS.format(**c, opening=opening)).tasks
    got = [(t.text, t.lead) for t in tasks]
    assert any(c["work"][:40] in text and lead == (c["unit"],) for text, lead in got), got


@pytest.mark.parametrize("bank", ["Ngân hàng Chính sách xã hội huyện", "Phòng Kinh tế huyện"])
def test_the_unit_bound_to_its_work_leads_what_it_directs(bank: str) -> None:
    text = ("Chấn chỉnh hoạt động Tổ Tiết kiệm và Vay vốn\n\nTheo đó, " + bank + " sẽ phối hợp cùng các hội, đoàn thể "
            "nhận ủy thác, chỉ đạo các Tổ Tiết kiệm và Vay vốn trên địa bàn huyện phải tiến hành họp tổ để rà soát, "
            "chấn chỉnh lại những tồn tại, hoàn thành trước ngày 31/5/2026.\n")
    got = [(t.text, t.lead) for t in parse_notice(text).tasks]
    assert any("chỉ đạo các Tổ" in t and lead == (bank,) for t, lead in got), got


@pytest.mark.parametrize("sentence", [
    "Nếu tổ chức, cá nhân nào cố tình vi phạm, UBND xã Tân Lập sẽ xử lý theo quy định của pháp luật.",
    "Dự kiến, tại kỳ họp thứ 8, UBND tỉnh sẽ trình HĐND tỉnh 19 báo cáo, nghị quyết về kinh tế - xã hội.",
    "Trường hợp vượt quá thẩm quyền, UBND huyện sẽ báo cáo UBND tỉnh xem xét.",
])
def test_a_condition_or_forecast_is_no_task(sentence: str) -> None:
    text = NEWS.format(**CASES[0], opening="Theo kế hoạch, ") + "\n" + sentence + "\n"
    got = [t.text for t in parse_notice(text).tasks]
    assert not any(sentence[:30] in t for t in got), got
