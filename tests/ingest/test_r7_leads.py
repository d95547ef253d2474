"""Who must act (round 7): a plural group whose kinds share one "các", an administrative level as the doer of the
clause it opens, an office or official written in lower case before its capitalised name, and partners of an ask
listed across a ';'. Examples written in each pattern's general form."""

from __future__ import annotations

import pytest

from bot.ingest.parser import parse_notice
from bot.ingest.units import find_leads, find_leads_ranked, split_units


@pytest.mark.parametrize(("text", "leads"), [
    # the first kind has a qualifier of its own, the bare kinds after it end the name: one group under one "các"
    ("Yêu cầu các cấp ủy địa phương, cơ quan, đơn vị nghiêm túc quán triệt chỉ thị.",
     ["các cấp ủy địa phương, cơ quan, đơn vị"]),
    ("Các chi bộ trực thuộc, cơ quan, đơn vị tổ chức sinh hoạt chuyên đề trong quý II.",
     ["Các chi bộ trực thuộc, cơ quan, đơn vị"]),
])
def test_bare_kinds_after_a_qualified_kind_share_its_plural(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_a_qualified_kind_after_the_comma_still_opens_another_group() -> None:
    assert split_units("các phòng chuyên môn, đơn vị sự nghiệp") == ["các phòng chuyên môn", "đơn vị sự nghiệp"]


@pytest.mark.parametrize(("text", "leads"), [
    ("Cấp huyện tổng hợp và báo cáo kết quả trước ngày 10/5/2026;", ["Cấp huyện"]),
    ("Cấp xã hoàn thành việc rà soát trước ngày 20/4/2026.", ["Cấp xã"]),
    ("đối với cấp cơ sở, tiến hành chuẩn bị văn kiện và nhân sự trước ngày 30/6/2026;", ["cấp cơ sở"]),
])
def test_an_administrative_level_opening_a_clause_is_its_doer(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text) == (leads, 2)


@pytest.mark.parametrize("text", [
    "cấp tỉnh",  # the end of a task's name in a table cell, no doer
    "Cấp tỉnh đã ban hành kế hoạch từ năm trước.",  # what a level did, not its duty
])
def test_a_level_without_its_own_work_is_no_doer(text: str) -> None:
    assert find_leads(text) == []


@pytest.mark.parametrize(("text", "leads"), [
    ("Giao phòng Tài chính - Kế hoạch bố trí kinh phí cho hoạt động.", ["phòng Tài chính - Kế hoạch"]),
    ("Giao công chức Địa chính - Môi trường rà soát hiện trạng sử dụng đất.", ["công chức Địa chính - Môi trường"]),
    ("Đề nghị phòng Văn hóa và Thông tin, Đài Truyền thanh huyện tuyên truyền rộng rãi.",
     ["phòng Văn hóa và Thông tin", "Đài Truyền thanh huyện"]),
])
def test_an_office_written_in_lower_case_before_its_name(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


LETTER = """ỦY BAN NHÂN DÂN
HUYỆN AN BÌNH
Số: 12/UBND-NN
An Bình, ngày 02 tháng 3 năm 2026
CÔNG VĂN
V/v phòng, chống dịch bệnh trên đàn gia cầm
Kính gửi: Các cơ quan, đơn vị liên quan
UBND huyện có ý kiến như sau:
{ask}
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Bình
""".format(ask="Giao phòng Nông nghiệp và Môi trường phối hợp với Trạm Chăn nuôi và Thú y; các cơ quan liên quan và "
                "UBND các xã khẩn trương triển khai các biện pháp phòng dịch, báo cáo kết quả trước ngày 15/3/2026.")


def test_partners_listed_across_a_semicolon_stay_with_the_ask() -> None:
    notice = parse_notice(LETTER)
    tasks = [t for t in notice.tasks if "phòng dịch" in t.text]
    assert len(tasks) == 1
    task = tasks[0]
    assert task.lead == ("phòng Nông nghiệp và Môi trường",) and task.lead_source == "text"
    assert "Trạm Chăn nuôi và Thú y" in task.support
