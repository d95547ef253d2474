"""Round 33 (issue 8): letter items after a quoted table, quoted amendments, notes parts, recurring days, and counts
from the day the document's legal text takes effect.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import datetime as dt

from bot.ingest import parse_notice
from bot.ingest.dates import find_recurrence
from bot.ingest.parser import _amended_quote, candidate_notice
from storage.parsed import ParsedTask

DECISION_HEAD = """BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH AN BÌNH
Số: 77/QĐ-BQL
An Bình, ngày 12 tháng 6 năm 2026
QUYẾT ĐỊNH
Về việc điều chỉnh chủ trương đầu tư dự án Nhà máy A
TRƯỞNG BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH
Căn cứ Luật Đầu tư;
QUYẾT ĐỊNH:
"""

LETTER_HEAD = """BỘ TÀI CHÍNH
Số: 501/BTC-QLCS
V/v triển khai Nghị định quản lý tài sản
Hà Nội, ngày 15 tháng 6 năm 2026
Kính gửi: Các Bộ, cơ quan ngang bộ
"""

SIGNATURE = """Nơi nhận:
- Như trên;
- Lưu: VT.
TRƯỞNG BAN
Trần Văn Bình
"""


def _tasks(body: str, *, head: str = DECISION_HEAD) -> list[ParsedTask]:
    return list(parse_notice(head + body + SIGNATURE).tasks)


def _with(tasks: list[ParsedTask], words: str) -> list[ParsedTask]:
    return [t for t in tasks if words in t.text]


# ---------------------------------------------------------------- a quoted table ends at the next article

QUOTED_TABLE = """Điều 1. Chấp thuận điều chỉnh chủ trương đầu tư dự án Nhà máy A với nội dung điều chỉnh như sau:
1. Nội dung điều chỉnh thứ nhất:
Nội dung “Tiến độ thực hiện dự án” quy định tại khoản 1 Điều 1 Quyết định số 12/QĐ-BQL được điều chỉnh như sau:
“8. Tiến độ góp vốn:
Số vốn góp Tỷ lệ Tiến độ
STT Tên nhà đầu tư
(tỷ đồng) (%) góp vốn
Công ty cổ phần B
1 20 100% Quý IV/2026
- Tiến độ hoàn thành dự án: Quý IV/2027”.
Điều 2. Tổ chức thực hiện
1. Trách nhiệm của nhà đầu tư trong việc thực hiện dự án:
a. Công ty cổ phần B phải làm thủ tục đăng ký tài khoản trên Hệ thống thông tin quốc gia về đầu tư.
b. Công ty cổ phần B phải thực hiện chế độ báo cáo giám sát đầu tư theo quy định.
c. Công ty cổ phần B phải thực hiện đầy đủ nghĩa vụ tài chính theo quy định của pháp luật.
2. Phòng Quản lý đầu tư chủ động kiểm tra, giám sát việc thực hiện dự án.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_letter_dot_items_after_a_quoted_table_are_tasks_of_their_own() -> None:
    # (every candidate, the learned filter off: the split is what is tested, not the filter's choice)
    tasks = list(candidate_notice(DECISION_HEAD + QUOTED_TABLE + SIGNATURE, broad=False)[0].tasks)
    for words in ("làm thủ tục đăng ký tài khoản", "chế độ báo cáo giám sát", "nghĩa vụ tài chính"):
        found = _with(tasks, words)
        assert len(found) == 1, words
        assert found[0].text.startswith("Công ty cổ phần B")
        assert found[0].lead == ("Công ty cổ phần B",)
    assert not _with(tasks, "Trách nhiệm của nhà đầu tư trong việc thực hiện dự án: a.")


def test_quoted_amended_text_is_not_a_task() -> None:
    tasks = _tasks(QUOTED_TABLE)
    assert not _with(tasks, "Tiến độ góp vốn")
    assert not _with(tasks, "được điều chỉnh như sau")


def test_letter_dot_items_without_a_table_still_split() -> None:
    body = """Điều 1. Giao Phòng Quản lý đầu tư thực hiện các nội dung sau:
a. Rà soát hồ sơ các dự án chậm tiến độ trong khu công nghiệp.
b. Đôn đốc nhà đầu tư hoàn thiện thủ tục về môi trường.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""
    tasks = _tasks(body)
    assert len(_with(tasks, "Rà soát hồ sơ các dự án")) == 1
    assert len(_with(tasks, "Đôn đốc nhà đầu tư")) == 1
    assert not _with(tasks, "chậm tiến độ trong khu công nghiệp. b.")


def test_only_quoted_amended_text_without_an_ask_before_it_is_amendment() -> None:
    quoted = "Nội dung “Tiến độ” quy định tại khoản 1 Điều 1 Quyết định số 12/QĐ-BQL được điều chỉnh như sau: “Quý IV”."
    assert _amended_quote(quoted)
    assert _amended_quote("Khoản 2 Điều 5 được sửa đổi, bổ sung như sau: “2. Sở Tài chính thẩm định …”.")
    # the amended text given plainly, a duty in it: the decision's own words
    assert not _amended_quote("Sửa đổi, bổ sung khoản 3 Điều 4 như sau: Các doanh nghiệp có trách nhiệm báo cáo …")
    # an ask before the quotation: work
    assert not _amended_quote("Giao Sở Tư pháp rà soát khoản 2 Điều 5 được sửa đổi như sau: “…”")


# ---------------------------------------------------------------- a part of notes

NOTES_BODY = """1. Về việc triển khai Nghị định
Đề nghị các Bộ, cơ quan ngang bộ tổ chức phổ biến nội dung Nghị định đến các đơn vị trực thuộc.
2. Một số lưu ý trong triển khai thực hiện quy định tại Điều 5 Nghị định:
2.1. Về tài sản đang sử dụng
- Tài sản đang sử dụng được tiếp tục quản lý theo hồ sơ đã lập.
- Việc hạch toán tài sản thực hiện theo chế độ kế toán hiện hành.
2.2. Để bảo đảm quản lý thống nhất, các Bộ, cơ quan ngang bộ sớm rà soát danh mục tài sản thuộc phạm vi quản lý.
"""


def test_items_of_a_notes_part_are_no_tasks() -> None:
    tasks = _tasks(NOTES_BODY, head=LETTER_HEAD)
    assert not _with(tasks, "tiếp tục quản lý theo hồ sơ")
    assert not _with(tasks, "chế độ kế toán hiện hành")


def test_a_note_that_binds_a_named_unit_stays_a_task() -> None:
    tasks = _tasks(NOTES_BODY, head=LETTER_HEAD)
    assert len(_with(tasks, "sớm rà soát danh mục tài sản")) == 1
    assert len(_with(tasks, "tổ chức phổ biến nội dung Nghị định")) == 1


# ---------------------------------------------------------------- recurring duties and their days

def test_monthly_report_due_on_a_day_of_the_month_recurs() -> None:
    assert find_recurrence("Báo cáo tháng gửi trước ngày 15 của tháng") == "monthly"
    assert find_recurrence("Báo cáo tháng gửi Sở Tài chính trước ngày 15 của tháng sau") == "monthly"
    assert find_recurrence("Báo cáo tháng 5 gửi trước ngày 15/6/2026") is None


def test_recurring_day_of_each_period_gives_no_due() -> None:
    body = """1. Sở Công Thương tổng hợp, báo cáo UBND tỉnh kết quả thực hiện trước ngày 20 hằng tháng.
2. Sở Tài chính báo cáo tình hình giải ngân trước ngày 15 của tháng cuối quý.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    (monthly,) = _with(tasks, "kết quả thực hiện")
    assert (monthly.recurrence, monthly.due) == ("monthly", None)
    (quarterly,) = _with(tasks, "tình hình giải ngân")
    assert (quarterly.recurrence, quarterly.due) == ("quarterly", None)


def test_recurring_duty_with_a_final_year_keeps_that_deadline() -> None:
    body = """1. Hằng năm, Sở Kế hoạch và Đầu tư rà soát các khu công nghiệp thuộc diện hỗ trợ vốn. \
Đến năm 2028, hoàn thành chương trình hỗ trợ hạ tầng khu công nghiệp.
2. Sở Tài chính báo cáo hằng năm về tình hình sử dụng vốn trong năm 2026.
"""
    tasks = _tasks(body, head=LETTER_HEAD)
    (final,) = _with(tasks, "hoàn thành chương trình hỗ trợ")
    assert (final.recurrence, final.due) == ("yearly", dt.date(2028, 12, 31))
    (each,) = _with(tasks, "tình hình sử dụng vốn")
    assert (each.recurrence, each.due) == ("yearly", None)


# ---------------------------------------------------------------- counts from the day the legal text takes effect

EFFECT_BODY = """Ngày 20/5/2026, Chính phủ ban hành Nghị định số 50/2026/NĐ-CP quy định quản lý tài sản hạ tầng, \
có hiệu lực thi hành từ ngày 01/7/2026. Bộ Tài chính đề nghị các Bộ thực hiện các nội dung sau:
1. Trong thời hạn 06 tháng, kể từ ngày Nghị định số 50/2026/NĐ-CP có hiệu lực thi hành, \
Bộ Xây dựng ban hành danh mục tài sản hạ tầng đô thị.
2. Bộ Giao thông vận tải điều chỉnh danh mục tài sản trong thời hạn 06 tháng \
kể từ ngày quy định của pháp luật chuyên ngành có hiệu lực thi hành.
"""


def test_count_from_the_effect_of_the_document_s_decree_is_dated() -> None:
    tasks = _tasks(EFFECT_BODY, head=LETTER_HEAD)
    (decree,) = _with(tasks, "danh mục tài sản hạ tầng đô thị")
    assert decree.due == dt.date(2027, 1, 1)


def test_count_from_the_effect_of_another_text_is_not_dated_by_the_decree() -> None:
    tasks = _tasks(EFFECT_BODY, head=LETTER_HEAD)
    (other,) = _with(tasks, "điều chỉnh danh mục tài sản")
    assert other.due is None


# ---------------------------------------------------------------- the doer a title of duties names

def test_title_of_duties_names_the_lead_of_its_items() -> None:
    body = """Điều 1. Tổ chức thực hiện
1. Trách nhiệm của nhà đầu tư trong việc triển khai thực hiện dự án:
a) Hoàn thiện thủ tục về môi trường trước khi đưa dự án vào hoạt động.
b) Thực hiện đúng nội dung đã cam kết về tiến độ dự án.
2. Trách nhiệm của các phòng chuyên môn thuộc Ban quản lý:
Chủ động kiểm tra, giám sát việc thực hiện dự án theo quy định.
"""
    tasks = list(candidate_notice(DECISION_HEAD + body + SIGNATURE, broad=False)[0].tasks)
    for words in ("Hoàn thiện thủ tục về môi trường", "Thực hiện đúng nội dung đã cam kết"):
        (task,) = _with(tasks, words)
        assert task.lead == ("Nhà đầu tư",)
    (office,) = _with(tasks, "Chủ động kiểm tra, giám sát")
    assert office.lead == ("Các phòng chuyên môn thuộc Ban quản lý",)
