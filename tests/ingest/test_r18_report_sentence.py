"""Round 18: in a retold report (no kind, no number of its own), a sentence that opens with the imperative "Báo cáo …"
after the work ("… kiểm tra, xử lý theo quy định. Báo cáo UBND tỉnh kết quả trước ngày 20/5/2026.") is the same
doer's duty of its own, with its own date; "Báo cáo của …", "Báo cáo số …" (the noun) split nothing."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """UBND tỉnh chỉ đạo giải quyết kiến nghị của công dân

Ngày 02/5/2026, UBND tỉnh có văn bản chỉ đạo giải quyết kiến nghị của các hộ dân thôn Bắc Sơn.

Theo đó, UBND tỉnh giao UBND huyện Hải Hà kiểm tra, xử lý dứt điểm việc lấn chiếm đất công theo đúng quy định của \
pháp luật. {report}
"""

REPORTS = ["Báo cáo kết quả thực hiện về Sở Tài nguyên và Môi trường trước ngày 20/5/2026.",
           "Báo cáo tình hình xử lý các trường hợp vi phạm, gửi Sở Xây dựng trước ngày 20/5/2026.",
           "Báo cáo công khai kết quả giải quyết trên cổng thông tin của huyện trước ngày 20/5/2026."]


@pytest.mark.parametrize("report", REPORTS)
def test_a_report_sentence_is_a_duty_of_its_own(report: str) -> None:
    tasks = parse_notice(REPORT.format(report=report)).tasks
    work = [t for t in tasks if "lấn chiếm đất công" in t.text]
    own = [t for t in tasks if t.text.startswith(report[:25])]
    assert len(work) == 1 and len(own) == 1 and work[0] is not own[0], [t.text for t in tasks]
    assert str(own[0].due) == "2026-05-20"
    assert list(own[0].lead) == list(work[0].lead) == ["UBND huyện Hải Hà"]


@pytest.mark.parametrize("noun", ["Báo cáo của UBND huyện Hải Hà cho thấy việc lấn chiếm đã kéo dài nhiều năm.",
                                  "Báo cáo số 15/BC-UBND ngày 20/4/2026 đã nêu rõ các trường hợp lấn chiếm."])
def test_the_noun_splits_nothing(noun: str) -> None:
    tasks = parse_notice(REPORT.format(report=noun)).tasks
    assert not any(t.text.startswith(noun[:20]) for t in tasks), [t.text for t in tasks]
