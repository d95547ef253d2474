"""Round 34 (issue 8): a completion cue after an event verb, a weather forecast's window, a possible completion.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import datetime as dt

from bot.ingest.dates import find_deadlines

ISSUED = dt.date(2026, 3, 2)


def dues(text: str) -> list[dt.date]:
    return [d.due for d in find_deadlines(text, issued_on=ISSUED)]


def test_completion_cue_after_an_event_verb_is_a_deadline() -> None:
    # "diễn ra" tells of an event, but the cue itself asks for the work to be finished
    text = ("Ban Chỉ đạo xã kiểm tra, đôn đốc, bảo đảm đợt rà soát diễn ra đúng kế hoạch và phấn đấu hoàn thành "
            "trước ngày 15-4-2026.")
    assert dues(text) == [dt.date(2026, 4, 15)]


def test_event_date_still_is_not_a_deadline() -> None:
    assert dues("Hội nghị dự kiến diễn ra trước ngày 20/3/2026 tại hội trường UBND huyện.") == []


def test_forecast_window_is_not_a_deadline() -> None:
    text = ("Theo dự báo của Đài Khí tượng thủy văn tỉnh, từ ngày 05 - 09/3, một đợt mưa lớn ảnh hưởng đến tỉnh, "
            "đề nghị các địa phương chủ động ứng phó.")
    assert dues(text) == []


def test_work_window_keeps_its_end() -> None:
    assert dues("Các xã tổ chức ra quân từ ngày 10/3 đến ngày 20/3/2026.") == [dt.date(2026, 3, 20)]


def test_possible_completion_is_not_a_deadline() -> None:
    text = "Nếu xã quyết tâm thì việc đạt chuẩn có thể hoàn thành muộn nhất là trong năm 2027."
    assert dues(text) == []


def test_conditional_duty_keeps_its_date() -> None:
    assert dues("Nếu có vướng mắc thì báo cáo về Sở trước ngày 15/5/2026.") == [dt.date(2026, 5, 15)]
