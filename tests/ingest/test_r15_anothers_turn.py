"""Round 15: a period named in a purpose clause whose doer is another unit — "… để <UBND tỉnh> thảo luận tập thể
trong năm 2027", "… để <Sở X> tổng hợp, trình trong tháng 7" — is when that unit does its part, not this work's
deadline. A period of the work itself, or one after "để" without a unit of its own, stays."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import pick_deadline

ISSUED = dt.date(2026, 9, 30)


@pytest.mark.parametrize("text", [
    "Đăng ký những đề án, báo cáo chuyên đề trình HĐND tỉnh để UBND tỉnh thảo luận tập thể trong năm 2027.",
    "Đề xuất danh mục dự án để Sở Tài chính tổng hợp, trình Ủy ban nhân dân tỉnh trong tháng 12/2026.",
    "Các xã rà soát nhu cầu để UBND huyện phân bổ kinh phí trong quý I/2027.",
])
def test_the_time_of_anothers_part_is_no_deadline(text: str) -> None:
    assert pick_deadline(text, issued_on=ISSUED) is None


@pytest.mark.parametrize(("text", "due"), [
    ("Hoàn thành rà soát trong tháng 11/2026 để Sở Tài chính tổng hợp.", dt.date(2026, 11, 30)),
    ("Xây dựng kế hoạch để triển khai thực hiện trong năm 2027.", dt.date(2027, 12, 31)),
    ("Gửi danh mục để UBND tỉnh xem xét trước ngày 15/10/2026.", dt.date(2026, 10, 15)),
])
def test_the_works_own_time_stays(text: str, due: dt.date) -> None:
    d = pick_deadline(text, issued_on=ISSUED)
    assert d is not None and d.due == due
