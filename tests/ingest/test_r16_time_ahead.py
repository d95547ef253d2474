"""Round 16: the time ahead named before a unit and its verb — "Nhằm …, trong thời gian tới <đơn vị> củng cố …",
"Thời gian tới, <đơn vị> …", "Những tháng còn lại của năm 2026, <đơn vị> tham mưu …" — makes that sentence the
unit's work, even after sentences that assess the past in the same paragraph; the bare imperatives after it are its
next tasks. What the unit did ("… đã …") stays an account."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """Sơ kết {topic} tại xã Phước An

Nguyên nhân chất lượng {topic} đạt thấp là do nhiều hộ vay không chấp hành trả lãi. Công tác tuyên truyền chưa hiệu \
quả, việc thu hồi nợ đến hạn còn chậm. {opening} {unit} củng cố, kiện toàn tổ thu hồi nợ, thực hiện các giải pháp \
nâng cao chất lượng {topic}. Tập trung tuyên truyền nâng cao ý thức chấp hành của hộ vay vốn. Kiên quyết xử lý \
những hộ nợ quá hạn kéo dài.
"""


@pytest.mark.parametrize("unit", ["Ủy ban nhân dân xã", "Ngân hàng Chính sách xã hội huyện"])
@pytest.mark.parametrize("opening", [
    "Nhằm thực hiện tốt phương án củng cố tín dụng trên địa bàn, trong thời gian tới",
    "Thời gian tới,",
    "Những tháng còn lại của năm 2026,",
])
def test_the_work_of_the_time_ahead(unit: str, opening: str) -> None:
    tasks = parse_notice(NEWS.format(topic="tín dụng chính sách", unit=unit, opening=opening)).tasks
    got = [(t.text, t.lead) for t in tasks]
    for key in ("kiện toàn tổ thu hồi nợ", "Tập trung tuyên truyền", "Kiên quyết xử lý"):
        owners = [lead for text, lead in got if key in text]
        assert owners and owners[0] == (unit,), (key, got)
    assert not any("Nguyên nhân" in text and "kiện toàn" in text for text, _ in got), got


def test_what_was_done_stays_an_account() -> None:
    text = NEWS.format(topic="tín dụng chính sách", unit="Ủy ban nhân dân xã",
                       opening="Trong thời gian qua,").replace("xã củng cố", "xã đã củng cố")
    got = [t.text for t in parse_notice(text).tasks]
    assert not any("đã củng cố" in t for t in got), got
