"""The preview of a plan read from a table: a time cell with no date is said with the deadline, and a task that
repeats another (a plan's body item and its annex row) gets a ⓘ line (session 27, table39; probe 38 F7)."""

from __future__ import annotations

import datetime as dt

from bot import texts
from storage.notices import Draft
from storage.parsed import ParsedNotice, ParsedTask

BODY = ParsedTask(ref="II.5", text="Thường xuyên tổ chức theo dõi thi hành pháp luật; sơ kết, tổng kết, đánh giá việc "
                  "thực hiện nội dung của Nghị định để kịp thời phát hiện khó khăn, vướng mắc.")
ROW = ParsedTask(ref="5", text="Tổ chức theo dõi thi hành pháp luật; tổng hợp, đánh giá việc thực hiện nội dung của "
                 "Nghị định.", lead=("Cục Quản lý thị trường",))
OTHER = ParsedTask(ref="2", text="Xây dựng bộ tiêu chí đánh giá chợ đầu mối và hướng dẫn phân hạng chợ đầu mối cấp "
                   "vùng.", lead=("Cục Quản lý thị trường",), due=dt.date(2027, 5, 15))


def _draft(n: int) -> Draft:
    return Draft(notice_id=1, duplicate_of=None, guesses={}, numbers=tuple(range(1, n + 1)))


def test_a_body_item_repeated_by_an_annex_row_is_flagged_with_the_one_without_a_lead_to_drop() -> None:
    parsed = ParsedNotice(tasks=(BODY, OTHER, ROW))
    assert texts.repeated_task_lines(parsed, _draft(3)) == [
        "", "ⓘ Có nhiệm vụ gần trùng nội dung: nhiệm vụ 1 và 3 — nếu là một việc, đồng chí gõ “bỏ 1” để giữ một "
            "nhiệm vụ."]


def test_items_of_one_list_with_shared_wording_are_not_repeats() -> None:
    a = ParsedTask(ref="II.2", text="Xây dựng Kế hoạch bảo vệ môi trường cấp tỉnh giai đoạn 2031 - 2040, tầm nhìn đến "
                   "năm 2060.")
    b = ParsedTask(ref="II.4", text="Xây dựng Kế hoạch bảo tồn đa dạng sinh học cấp tỉnh giai đoạn 2031 - 2040, tầm "
                   "nhìn đến năm 2060.")
    assert texts.repeated_task_lines(ParsedNotice(tasks=(a, b)), _draft(2)) == []
    # (two units' duties in the same words are two tasks)
    led = ParsedTask(ref="II.5", text=BODY.text, lead=("Sở Tư pháp",))
    assert texts.repeated_task_lines(ParsedNotice(tasks=(led, ROW)), _draft(2)) == []


def test_a_time_cell_without_a_date_is_said_with_the_deadline() -> None:
    task = ParsedTask(ref="3", text="Theo dõi, đôn đốc việc thực hiện.", due_text="Thường xuyên")
    assert texts._deadline_said(task, None) == "không có thời hạn cụ thể (“Thường xuyên”)"
    assert texts._deadline_said(ParsedTask(ref="3", text="Theo dõi."), None) == "không có thời hạn cụ thể"
