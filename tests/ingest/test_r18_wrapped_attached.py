"""Round 18: a hard-wrapped line that goes on with "kèm theo" in lower case ("… trong Kế hoạch và Phụ lục" / "kèm
theo; tăng cường kiểm tra …") is the item going on, not the "(Kèm theo …)" line that opens an attachment: its text
(and the duties in it) stays in the item."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import ATTACHMENT_RE

NOTICE = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 12/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Giang, ngày 10 tháng 3 năm 2026

QUYẾT ĐỊNH
Ban hành Kế hoạch chuyển đổi số năm 2026

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn An

KẾ HOẠCH
Chuyển đổi số năm 2026
(Kèm theo Quyết định số 12/QĐ-UBND ngày 10 tháng 3 năm 2026 của Chủ tịch UBND tỉnh)

I. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành tham mưu UBND tỉnh
tổ chức sơ kết việc thực hiện Kế hoạch vào tháng 6 năm 2026.
2. Giám đốc các sở, Chủ tịch UBND các huyện tập trung chỉ đạo thực hiện các nhiệm
vụ được giao trong Kế hoạch này và Phụ lục
kèm theo; tăng cường kiểm tra, đôn đốc việc triển khai thực hiện Kế hoạch tại cơ
quan, địa phương mình, gửi kết quả về Sở Khoa học và Công nghệ trước ngày 15/12/2026.
3. Sở Tài chính bảo đảm kinh phí thực hiện Kế hoạch theo quy định của pháp luật về
ngân sách nhà nước.
"""


def test_the_wrapped_line_stays_in_its_item() -> None:
    tasks = parse_notice(NOTICE).tasks
    assert any("tăng cường kiểm tra" in t.text for t in tasks), [t.text for t in tasks]
    dated = [t for t in tasks if "tăng cường kiểm tra" in t.text]
    assert str(dated[0].due) == "2026-12-15"


@pytest.mark.parametrize("line", ["(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của UBND tỉnh)",
                                  "(Ban hành kèm theo Kế hoạch số 120/KH-UBND)", "Kèm theo Kế hoạch số 120/KH-UBND",
                                  "Ban hành kèm theo Quyết định số 12/QĐ-UBND"])
def test_an_attachment_line_still_opens_an_attachment(line: str) -> None:
    assert ATTACHMENT_RE.match(line)


def test_a_lower_case_continuation_opens_none() -> None:
    assert not ATTACHMENT_RE.match("kèm theo; tăng cường kiểm tra, đôn đốc việc triển khai thực hiện")
