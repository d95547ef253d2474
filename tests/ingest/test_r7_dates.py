"""Round 7: header numbers as legal and scanned documents write them, the posting stamps of portal copies (the
year of a day written without one), and holidays that frame work rather than end it (own short examples)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice
from bot.ingest.dates import pick_deadline
from bot.ingest.parser import _number, _posted_on

HEADER = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{number_line}
An Bình, ngày 04 tháng 3 năm 2025
QUYẾT ĐỊNH
Về việc ban hành Quy định quản lý chợ trên địa bàn tỉnh

Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý chợ trên địa bàn tỉnh.
Điều 2. Giao Sở Công Thương chủ trì hướng dẫn, kiểm tra việc thực hiện Quy định này.
"""


# ---------------------------------------------------------------- the number line

@pytest.mark.parametrize(("number_line", "number"), [
    ("Số: 07/2025/QĐ-UBND", "07/2025/QĐ-UBND"),  # a legal document's number carries its year
    ("Số: 12 / 2025 /QĐ-UBND", "12/2025/QĐ-UBND"),
    ("Số:  31 /UBND -VX", "31/UBND-VX"),  # spaces inside the symbol
    ("Số: 31/UBND-VX", "31/UBND-VX"),
    ("Số: /KH-UBND", "/KH-UBND"),  # a draft's blank number stays as it was
])
def test_the_number_of_the_header_as_written(number_line: str, number: str) -> None:
    assert parse_notice(HEADER.format(number_line=number_line)).number == number


def test_a_place_after_the_number_is_not_glued_to_its_symbol() -> None:
    assert _number("Số: 45/SNV-TCBC   Hà Tây, ngày 02 tháng 4 năm 2024") == "45/SNV-TCBC"


@pytest.mark.parametrize(("line", "number"), [
    ("$ố:214/SYT-NVY Hà Nội, ngày 12 tháng 8 năm 2024", "214/SYT-NVY"),  # the OCR lost "Số"
    ("Số:3 0 7 5/BXD-KHTC Hà Nội, ngày 5 tháng 6 năm 2023", "3075/BXD-KHTC"),  # digits spaced by the OCR
    ("~. S6: 8/2025NĐ-CP Hà Nội, ngày 20 tháng 1 năm 2025", "8/2025/NĐ-CP"),  # the slash after the year lost
])
def test_a_scanned_number_line_before_the_place_and_date(line: str, number: str) -> None:
    head = f"BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n{line}\nCÔNG VĂN\n"
    assert _number(head) == number


def test_a_cited_number_in_a_sentence_is_not_the_header_number() -> None:
    assert _number("Căn cứ Công văn 214/SYT-NVY của Sở Y tế về việc tiêm chủng, UBND tỉnh chỉ đạo như sau") is None


# ---------------------------------------------------------------- the posting stamp of a portal copy

@pytest.mark.parametrize(("stamp", "day"), [
    ("09:40, 03/11/2022", "2022-11-03"),  # the time before the date
    ("14:05 18/06/2021", "2021-06-18"),
    ("Ngày đăng 12/05/2019 | 10:15 | Lượt xem: 342", "2019-05-12"),
    ("Ngày cập nhật 21/10/2016", "2016-10-21"),
    ("Cập nhật ngày: 07-09-2023", "2023-09-07"),
    ("Chủ nhật, 15/03/2020, 07:12 [GMT+7]", "2020-03-15"),
    ("11/02/2019 16:30 CH", "2019-02-11"),
    ("• 26/08/2021 09:02", "2021-08-26"),
    ("Thứ 5, 14.05.2020 | 08:00:41", "2020-05-14"),
])
def test_posting_stamps_of_portal_copies(stamp: str, day: str) -> None:
    posted = _posted_on(f"UBND tỉnh chỉ đạo phòng, chống hạn hán\n{stamp}\nTheo đó, UBND tỉnh yêu cầu …")
    assert posted is not None and posted.isoformat() == day


def test_a_sentence_with_a_date_is_no_posting_stamp() -> None:
    assert _posted_on("Tiêu đề\nNgày 03/11/2022, UBND tỉnh ban hành Công văn số 12/UBND-KT.\n") is None


def test_a_day_without_its_year_takes_the_year_of_the_posting_stamp() -> None:
    text = ("UBND tỉnh yêu cầu báo cáo kết quả xử lý vi phạm\n"
            "08:15, 02/12/2022\n"
            "UBND tỉnh vừa có công văn về việc xử lý các công trình xây dựng trái phép ven sông.\n"
            "Theo đó, UBND tỉnh giao UBND huyện Đông Sơn khẩn trương rà soát, báo cáo kết quả xử lý từng trường "
            "hợp, gửi Sở Xây dựng trước ngày 9-12.\n")
    tasks = [t for t in parse_notice(text).tasks if "rà soát" in t.text]
    assert len(tasks) == 1 and tasks[0].due == dt.date(2022, 12, 9)


# ---------------------------------------------------------------- holidays that frame the work

ISSUED = dt.date(2025, 12, 20)


@pytest.mark.parametrize("phrase", [
    "bảo đảm an ninh, trật tự trong dịp Tết Nguyên đán",
    "tổ chức trực, báo cáo tình hình trong dịp nghỉ Lễ Quốc khánh 2/9/2026",
    "chăm lo đời sống cho người có công nhân dịp Tết",
])
def test_work_during_a_holiday_has_no_deadline(phrase: str) -> None:
    assert pick_deadline(phrase, issued_on=ISSUED) is None


@pytest.mark.parametrize(("phrase", "due"), [
    ("hoàn thành việc chi trả trợ cấp trước Tết Nguyên đán", "2026-02-17"),
    ("sửa chữa xong tuyến đường trước Quốc khánh 2/9", "2026-09-02"),
])
def test_work_finished_before_a_holiday_is_due_on_it(phrase: str, due: str) -> None:
    found = pick_deadline(phrase, issued_on=ISSUED)
    assert found is not None and found.due.isoformat() == due
