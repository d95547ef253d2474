"""Parser round 38 (issue 8): an activity's own date range — flags hung, a duty roster, a holiday or a pause — is not
a deadline (DOMAIN.md), while a window for work still ends in one; a period with dotted dates ("từ ngày 20.1 đến ngày
28.1.2016") is read as a period; and in a formal document a later sentence of one paragraph that opens with another
unit's name and that unit's duty is that unit's task.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bot.ingest import parse_notice
from bot.ingest.dates import pick_deadline
from bot.ingest.parser import _split_own_doer_sentences

ISSUED = dt.date(2026, 4, 20)


def _due(text: str) -> dt.date | None:
    found = pick_deadline(text, issued_on=ISSUED)
    return found.due if found else None


def test_flag_window_is_no_deadline() -> None:
    assert _due("Đề nghị các cơ quan, đơn vị và hộ gia đình treo cờ Tổ quốc từ ngày 28/4/2026 đến hết ngày "
                "01/5/2026.") is None
    assert _due("Thời gian treo cờ Tổ quốc: Từ ngày 01/9/2026 đến hết ngày 03/9/2026.") is None
    assert _due("Các trường tổ chức treo băng rôn, khẩu hiệu chào mừng từ ngày 10/5 - 20/5/2026.") is None


def test_roster_holiday_and_pause_windows_are_no_deadline() -> None:
    assert _due("Phân công lãnh đạo, cán bộ trực cơ quan dịp nghỉ lễ từ ngày 30/4/2026 đến hết ngày 03/5/2026.") is None
    assert _due("Học sinh các trường trên địa bàn nghỉ học từ ngày 22/4/2026 đến ngày 26/4/2026.") is None
    assert _due("Các chợ tạm dừng hoạt động từ ngày 25/4/2026 đến ngày 30/4/2026.") is None


def test_a_window_for_work_still_ends_in_a_deadline() -> None:
    assert _due("Các xã tổ chức lấy ý kiến nhân dân từ ngày 22/4/2026 đến ngày 15/5/2026.") == dt.date(2026, 5, 15)
    assert _due("Các đơn vị rà soát, cập nhật danh sách từ ngày 01/5/2026 đến hết ngày 20/5/2026.") == \
        dt.date(2026, 5, 20)
    # a deadline after the flag window in the same text is still read
    assert _due("Treo cờ Tổ quốc từ ngày 28/4 đến hết ngày 01/5/2026; báo cáo kết quả về UBND xã trước ngày "
                "05/5/2026.") == dt.date(2026, 5, 5)


def test_a_period_with_dotted_dates_is_no_deadline() -> None:
    assert _due("Các đơn vị báo cáo số liệu tính từ ngày 1.1 đến ngày 31.3.2026 theo biểu mẫu của Sở.") is None
    assert _due("Các cơ quan treo cờ Tổ quốc, cờ Đảng tại trụ sở từ ngày 27.4 đến ngày 1.5.2026.") is None


FORMAL = (
    "ỦY BAN NHÂN DÂN TỈNH X\n"
    "Số: 123/UBND-KT\n"
    "X, ngày 20 tháng 4 năm 2026\n"
    "V/v triển khai thực hiện chương trình nước sạch nông thôn\n"
    "Kính gửi: Các sở, ngành; UBND các huyện, thành phố.\n"
    "1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các đơn vị liên quan xây dựng kế hoạch cấp nước sạch "
    "nông thôn giai đoạn 2026 - 2030, trình UBND tỉnh trước ngày 30/6/2026. Sở Tài chính có trách nhiệm cân đối, "
    "bố trí kinh phí thực hiện kế hoạch theo quy định.\n"
    "2. UBND các huyện, thành phố tuyên truyền, vận động nhân dân sử dụng nước sạch, bảo vệ công trình cấp nước.\n"
)


def test_another_units_sentence_in_a_formal_paragraph_is_its_task() -> None:
    tasks = parse_notice(FORMAL).tasks
    texts = [t.text for t in tasks]
    assert len(tasks) == 3, texts
    assert tasks[0].lead == ("Sở Nông nghiệp và Môi trường",) and tasks[0].due == dt.date(2026, 6, 30)
    assert tasks[1].text.startswith("Sở Tài chính có trách nhiệm") and tasks[1].lead == ("Sở Tài chính",)
    assert tasks[1].due is None  # (the first unit's date is not the second's)


def test_answerability_and_the_closing_formula_are_no_tasks_of_their_own() -> None:
    whole = replace(parse_notice(FORMAL).tasks[0], text=(
        "Sở Kế hoạch và Đầu tư tổng hợp số liệu giải ngân vốn đầu tư công của các đơn vị, báo cáo UBND tỉnh hằng "
        "tháng. Các chủ đầu tư chịu trách nhiệm về tính chính xác của số liệu đã báo cáo. Căn cứ văn bản này, các "
        "cơ quan, đơn vị liên quan triển khai thực hiện./."))
    assert _split_own_doer_sentences([whole], issued_on=ISSUED) == [whole]
    # (while a unit charged with work in the same words is split off)
    charged = replace(whole, text=whole.text.replace("chịu trách nhiệm về tính chính xác của", "có trách nhiệm rà "
                                                     "soát, đối chiếu"))
    assert [t.lead for t in _split_own_doer_sentences([charged], issued_on=ISSUED)] == \
        [whole.lead, ("Các chủ đầu tư",)]


AGAIN = (
    "ỦY BAN NHÂN DÂN TỈNH X\n"
    "Số: 125/UBND-VX\n"
    "X, ngày 20 tháng 4 năm 2026\n"
    "V/v rà soát cơ sở khám bệnh, chữa bệnh tư nhân\n"
    "Kính gửi: Sở Y tế.\n"
    "Đề nghị Sở Y tế rà soát điều kiện hoạt động của các cơ sở khám bệnh, chữa bệnh tư nhân trên địa bàn tỉnh. "
    "Sở Y tế báo cáo kết quả rà soát về UBND tỉnh trước ngày 15/5/2026.\n"
)


def test_the_same_doer_named_again_opens_its_next_duty() -> None:
    tasks = parse_notice(AGAIN).tasks
    assert [t.text[:20] for t in tasks] == ["Đề nghị Sở Y tế rà s", "Sở Y tế báo cáo kết "]
    assert [t.lead for t in tasks] == [("Sở Y tế",), ("Sở Y tế",)]
    assert [t.due for t in tasks] == [None, dt.date(2026, 5, 15)]


def test_an_approval_split_from_the_duty_after_it_is_no_task() -> None:
    whole = replace(parse_notice(FORMAL).tasks[0], lead=("Ủy ban nhân dân tỉnh Z",), text=(
        "Đồng ý chủ trương điều chỉnh quy hoạch chung khu du lịch hồ Y như đề nghị của Bộ Xây dựng tại văn bản nêu "
        "trên. Ủy ban nhân dân tỉnh Z tổ chức lập đồ án điều chỉnh quy hoạch chung khu du lịch hồ Y theo đúng quy "
        "định."))
    tasks = _split_own_doer_sentences([whole], issued_on=ISSUED)
    assert [t.text[:24] for t in tasks] == ["Ủy ban nhân dân tỉnh Z t"] and tasks[0].lead == ("Ủy ban nhân dân tỉnh Z",)
    # (an approval that hands out work in its own sentence stays)
    gives = replace(whole, text=whole.text.replace("như đề nghị của", "và giao"))
    assert _split_own_doer_sentences([gives], issued_on=ISSUED)[0].text.startswith("Đồng ý chủ trương")


def test_more_work_verbs_open_another_units_duty() -> None:
    whole = replace(parse_notice(FORMAL).tasks[0], text=(
        "Sở Nội vụ chủ trì, phối hợp với các đơn vị rà soát vị trí việc làm của các cơ quan hành chính cấp tỉnh. "
        "Sở Tài chính hướng dẫn các đơn vị lập dự toán kinh phí thực hiện. Các huyện tổng hợp nhu cầu biên chế "
        "của địa phương, gửi Sở Nội vụ trước ngày 30/5/2026."))
    tasks = _split_own_doer_sentences([whole], issued_on=ISSUED)
    assert [t.lead for t in tasks] == [whole.lead, ("Sở Tài chính",), ("Các huyện",)]
    assert tasks[2].due == dt.date(2026, 5, 30) and tasks[1].due is None


TIMETABLE = (
    "Sở Giáo dục và Đào tạo hướng dẫn lịch công tác tuyển sinh lớp 10 năm học 2027 - 2028 như sau:\n"
    "Ngày 05/5/2027: Hạn cuối các trường trung học cơ sở nộp hồ sơ đăng ký dự tuyển của học sinh về Sở.\n"
    "Ngày 20-21/5/2027: Các trường được chọn làm điểm thi nhận đề thi, túi bài thi tại Sở Giáo dục và Đào tạo.\n"
    "Ngày 10/6/2027: Công bố kết quả tuyển sinh trên trang thông tin điện tử của Sở.\n"
)


def test_a_timetable_line_is_one_item_due_on_its_day() -> None:
    tasks = parse_notice(TIMETABLE).tasks
    dated = [(t.lead, t.due) for t in tasks if t.due is not None]
    assert dated == [(("các trường trung học cơ sở",), dt.date(2027, 5, 5)),
                     (("Các trường được chọn làm điểm thi",), dt.date(2027, 5, 21))], [t.text for t in tasks]
    assert not any(t.text.startswith("Công bố kết quả") for t in tasks)  # an event, nobody asked
