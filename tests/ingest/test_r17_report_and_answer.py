"""Round 17: in a reply's conclusion, "… giao UBND huyện A kiểm tra, xử lý theo quy định. Báo cáo UBND tỉnh và trả lời
công dân trước ngày 20/12." — the closing sentence reports to the superior and answers the citizen, a task of its own
for the same unit, and its date is the date of the work it reports on. "Báo cáo gửi về Sở … trước ngày …" (the report
as the noun) still only dates the ask."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice

REPLY = """Ngày 15/11/2026, UBND tỉnh thông báo kết luận tiếp công dân định kỳ tháng 11.

Về kiến nghị của hộ ông Nguyễn Văn A, UBND tỉnh giao {unit} kiểm tra, xem xét có phương án giải quyết kịp thời theo \
quy định. {closing} trước ngày 20/12/2026.
"""


@pytest.mark.parametrize("unit", ["UBND huyện Hải Lăng", "Sở Tài nguyên và Môi trường"])
@pytest.mark.parametrize("closing", ["Báo cáo UBND tỉnh và trả lời công dân",
                                     "Báo cáo kết quả UBND tỉnh và trả lời cho công dân rõ"])
def test_the_report_and_answer_is_a_task_dated_with_the_work(unit: str, closing: str) -> None:
    tasks = parse_notice(REPLY.format(unit=unit, closing=closing)).tasks
    assert [t.text.split()[0] for t in tasks] == ["Về", "Báo"], [t.text for t in tasks]
    assert all(list(t.lead) == [unit] for t in tasks)
    assert all(t.due == dt.date(2026, 12, 20) for t in tasks)


def test_a_report_sent_in_only_dates_the_ask() -> None:
    tasks = parse_notice(REPLY.format(unit="UBND huyện Hải Lăng", closing="Báo cáo gửi về Sở Tài chính")).tasks
    assert len(tasks) == 1 and tasks[0].due == dt.date(2026, 12, 20)
