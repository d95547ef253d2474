"""Round 17: a notice of results that first lists the units it checked ("… của các đơn vị: Công ty A (…); Công ty B
(…) cho thấy …") and then asks "đơn vị nêu trên" / "các doanh nghiệp nêu trên" to act: every item under that ask —
also one that says only "Đề nghị Công ty …", or names nobody — is led by the units of the list, not by the pointer."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from storage.parsed import ParsedTask

NOTICE = """SỞ XÂY DỰNG TỈNH NAM ĐỊNH
Số: 512/TB-SXD
Nam Định, ngày 02 tháng 3 năm 2026
THÔNG BÁO
Kết quả kiểm tra công tác an toàn lao động trên công trường
1. Kết quả kiểm tra
- Qua kiểm tra công tác an toàn lao động của {kinds}: {first} (Gói thầu số 2: thi công đường tỉnh 490C); \
{second} (Gói thầu số 5: thi công cầu Đò Quan) cho thấy các đơn vị cơ bản đã chấp hành các quy định về an toàn.
2. Kiến nghị
Sở Xây dựng yêu cầu {pointer} thực hiện một số nội dung sau:
- Đề nghị {bare} tiếp tục tăng cường công tác kiểm tra, giám sát an toàn lao động trên công trường.
- Bổ sung biển báo, rào chắn tại các vị trí thi công nguy hiểm.
- Tổ chức huấn luyện an toàn lao động cho người lao động trước ngày 30/4/2026.
"""


@pytest.mark.parametrize(("kinds", "first", "second", "pointer", "bare"), [
    ("các đơn vị", "Công ty cổ phần Xây dựng Hòa Bình", "Công ty TNHH Thành Công", "đơn vị nêu trên", "Công ty"),
    ("các nhà thầu", "Công ty cổ phần Cầu đường Nam Hà", "Tổng công ty Xây dựng Thăng Long", "các đơn vị nêu trên",
     "đơn vị"),
    ("các doanh nghiệp", "Công ty TNHH Minh Phát", "Công ty cổ phần Đầu tư An Bình", "các doanh nghiệp nêu trên",
     "Công ty"),
])
def test_items_under_a_pointer_back_are_led_by_the_listed_units(kinds: str, first: str, second: str, pointer: str,
                                                                 bare: str) -> None:
    text = NOTICE.format(kinds=kinds, first=first, second=second, pointer=pointer, bare=bare)
    tasks = parse_notice(text).tasks
    assert len(tasks) == 3, [t.text for t in tasks]
    for task in tasks:
        assert list(task.lead) == [first, second], (task.text[:50], task.lead)


def test_a_named_lead_and_a_text_without_a_list_stay_as_they_are() -> None:
    from bot.ingest.parser import _resolve_back_references

    named = ParsedTask(ref="1", text="Sở Y tế kiểm tra …", lead=("Sở Y tế",))
    pointer = ParsedTask(ref="2", text="Đề nghị đơn vị nêu trên báo cáo …", lead=("đơn vị nêu trên",))
    listed = ("Qua kiểm tra của các đơn vị: Công ty A Bình; Công ty B Hòa cho thấy các đơn vị đã làm tốt. "
              "Yêu cầu đơn vị nêu trên thực hiện.")
    got = _resolve_back_references([named, pointer], listed)
    assert got[0].lead == ("Sở Y tế",)
    assert got[1].lead == ("Công ty A Bình", "Công ty B Hòa")
    # (no list earlier in the text: the pointer stays, for the preview to ask whom it means)
    assert _resolve_back_references([pointer], "Yêu cầu đơn vị nêu trên thực hiện.")[0].lead == ("đơn vị nêu trên",)
