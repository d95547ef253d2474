"""Round 22: in a retold report, a ';' clause that sets a condition before its verb — "…; nếu đúng, phối hợp với …",
"…; nếu cần thiết, kiểm tra …" — is the same doer's next duty, as the clause without the condition is (before, the
condition hid the verb and the clause stayed glued to the duty before it)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """Bảo vệ kết cấu hạ tầng giao thông đường bộ

Báo điện tử có đăng tin người dân tự ý phá kết cấu giao thông trên quốc lộ 1A, đoạn qua tỉnh Hà Tĩnh.

Phó Thủ tướng Thường trực giao {unit} kiểm tra thông tin nêu trên; {frame}, {work}, bảo đảm an toàn giao thông, \
báo cáo Thủ tướng Chính phủ kết quả.
"""


@pytest.mark.parametrize("unit", ["Bộ Giao thông vận tải", "Bộ Công an"])
@pytest.mark.parametrize("frame", ["nếu đúng", "nếu cần thiết", "nếu phát hiện vi phạm"])
@pytest.mark.parametrize("work", ["phối hợp với UBND tỉnh Hà Tĩnh khẩn trương xử lý",
                                  "kiểm tra, xử lý nghiêm các tổ chức, cá nhân vi phạm"])
def test_a_framed_clause_is_the_doers_next_duty(unit: str, frame: str, work: str) -> None:
    tasks = list(parse_notice(NEWS.format(unit=unit, frame=frame, work=work)).tasks)
    shown = [(t.ref, t.lead, t.text[:60]) for t in tasks]
    first = [t for t in tasks if "kiểm tra thông tin nêu trên" in t.text]
    second = [t for t in tasks if t.text.startswith(f"{frame}, {work}")]
    assert len(first) == 1 and work not in first[0].text, shown
    assert len(second) == 1 and list(second[0].lead) == [unit], shown


# guard: a framed clause that says no work goes on with the duty before it
@pytest.mark.parametrize("rest", ["đây là hành vi vi phạm nghiêm trọng hành lang an toàn đường bộ",
                                  "việc xử lý thuộc thẩm quyền của địa phương theo quy định hiện hành"])
def test_a_framed_clause_without_work_stays_with_the_duty(rest: str) -> None:
    text = NEWS.format(unit="Bộ Giao thông vận tải", frame="nếu đúng", work=rest)
    tasks = list(parse_notice(text).tasks)
    assert not any(t.text.startswith("nếu đúng") for t in tasks), [(t.ref, t.lead, t.text[:60]) for t in tasks]
