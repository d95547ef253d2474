"""How a task is named in lists (assignments, digests): the start of its text, without who asks and who leads —
but a lead's "chủ trì, phối hợp với B …" keeps "Chủ trì", or the line reads as B's support (probe 14, finding 9)."""

from __future__ import annotations

import pytest

from bot.texts import short_title


@pytest.mark.parametrize(("text", "lead", "shown"), [
    ("Giao công chức Địa chính - Xây dựng chủ trì, phối hợp với Trưởng thôn 2 kiểm tra, lập biên bản",
     "Địa chính - Xây dựng", "Chủ trì, phối hợp với Trưởng thôn 2 kiểm tra, lập biên bản"),
    ("Giao Sở Công Thương chủ trì, phối hợp Sở Tài chính rà soát giá điện", None,
     "Chủ trì, phối hợp Sở Tài chính rà soát giá điện"),
    ("Đề nghị Ủy ban MTTQ xã chủ trì, phối hợp Hội Nông dân vận động nhân dân", "Ủy ban MTTQ xã",
     "Chủ trì, phối hợp Hội Nông dân vận động nhân dân"),
    ("Giao Sở Tài chính chủ trì, tham mưu UBND tỉnh bố trí kinh phí", None, "Tham mưu UBND tỉnh bố trí kinh phí"),
    ("Giao Sở Tài chính chủ trì: tham mưu UBND tỉnh bố trí kinh phí", "Sở Tài chính",
     "Tham mưu UBND tỉnh bố trí kinh phí"),
])
def test_the_lead_is_left_out_but_chu_tri_stays_before_phoi_hop(text: str, lead: str | None, shown: str) -> None:
    assert short_title(text, lead=lead) == shown


def test_a_supporting_unit_reads_the_work_without_chu_tri() -> None:
    """The supporting unit's own message: "Phối hợp với Trưởng thôn 2 …" under "chủ trì: Địa chính - Xây dựng", not
    "Chủ trì, phối hợp …", which would read as if it led."""
    text = "Giao công chức Địa chính - Xây dựng chủ trì, phối hợp với Trưởng thôn 2 kiểm tra, lập biên bản"
    assert short_title(text, for_lead=False) == "Phối hợp với Trưởng thôn 2 kiểm tra, lập biên bản"


@pytest.mark.parametrize(("text", "shown"), [
    ("Các Sở, ban, ngành, đơn vị cấp tỉnh, UBND các huyện, thành phố, thị xã phân công, bố trí cán bộ trực Tết",
     "Phân công, bố trí cán bộ trực Tết"),
    ("UBND các xã, thị trấn báo cáo tình hình thiệt hại do rét gây ra", "Báo cáo tình hình thiệt hại do rét gây ra"),
    ("Thủ trưởng các sở, ban, ngành tỉnh chỉ đạo rà soát thủ tục hành chính", "Chỉ đạo rà soát thủ tục hành chính"),
    ("Các cơ quan, đơn vị liên quan chủ trì, tăng cường hướng dẫn người dân", "Tăng cường hướng dẫn người dân"),
    ("Theo đó, các sở, ban, ngành triển khai thực hiện nghiêm túc Chỉ thị", "Triển khai thực hiện nghiêm túc Chỉ thị"),
])
def test_a_group_that_opens_the_task_is_left_out(text: str, shown: str) -> None:
    """A group's member reads the work (probe 17): the group filled the line, and a unit's three items read alike."""
    assert short_title(text, lead="Sở Y tế") == shown
    assert short_title(text) == shown


@pytest.mark.parametrize("text", [
    "Sở Y tế, Sở Tài chính hoàn thành dự toán",  # named units, not a group: another unit's share may be meant
    "Các nội dung tại Kế hoạch số 12 phải hoàn thành trước ngày 30/6",  # no unit opens it
    "Các sở, ban, ngành: Ghi nhận",  # no work after the group
])
def test_only_a_group_followed_by_its_work_is_left_out(text: str) -> None:
    assert short_title(text) == text


@pytest.mark.parametrize(("text", "lead", "shown"), [
    ("Công an tỉnh chủ trì, phối hợp với các cơ quan, đơn vị liên quan tăng cường các biện pháp bảo đảm an ninh",
     "Công an tỉnh", "Tăng cường các biện pháp bảo đảm an ninh"),
    ("Giao Sở Nội vụ chủ trì, phối hợp các sở, ngành có liên quan, rà soát vị trí việc làm", None,
     "Rà soát vị trí việc làm"),
    ("Chủ trì và phối hợp cùng những đơn vị liên quan xây dựng kế hoạch", None, "Xây dựng kế hoạch"),
])
def test_support_by_everyone_concerned_does_not_fill_the_leads_line(text: str, lead: str | None, shown: str) -> None:
    """Probe 17: a single lead's digest line read "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tăng cường
    các biện…" — the work cut off by a group that names nobody."""
    assert short_title(text, lead=lead) == shown


@pytest.mark.parametrize("text", [
    "Chủ trì, phối hợp với các cơ quan liên quan và UBND các huyện rà soát quy hoạch",  # a named unit follows
    "Chủ trì, phối hợp với Sở Tài chính và các đơn vị liên quan rà soát giá điện",  # a named unit first
])
def test_named_support_stays_in_the_leads_line(text: str) -> None:
    assert short_title(text) == text



@pytest.mark.parametrize(("text", "lead", "shown"), [
    ("Những nhiệm vụ cần tập trung thực hiện trong thời gian tới: Yêu cầu chung là: Trên cơ sở quán triệt kết luận "
     "của Tỉnh ủy, Ban Tuyên giáo rà soát, bổ sung kế hoạch công tác năm 2024 để thực hiện.", "Ban Tuyên giáo",
     "Rà soát, bổ sung kế hoạch công tác năm 2024 để thực hiện."),
    ("Để bảo đảm tiến độ giải ngân vốn đầu tư công năm 2025 theo chỉ đạo của Chính phủ, Sở Tài chính khẩn trương "
     "tham mưu phương án điều chuyển vốn", "Sở Tài chính", "Khẩn trương tham mưu phương án điều chuyển vốn"),
])
def test_a_heading_or_frame_before_the_ask_is_left_out(text: str, lead: str, shown: str) -> None:
    """Seed notice: the head's list read "Mục 2: Những nhiệm vụ cần tập trung thực hiện trong thời gian tới: Yêu cầu
    chung là…" — the heading, not the work; the one-line view starts at the ask, as the preview does."""
    assert short_title(text, lead=lead) == shown


def test_a_cut_title_has_no_full_stop_before_its_ellipsis() -> None:
    title = short_title("Rà soát, bổ sung đầy đủ vào kế hoạch công tác năm 2018 để triển khai thực hiện. Quá trình "
                        "đó, cần lưu ý thực hiện tốt một số nhiệm vụ", limit=80)
    assert title.endswith("thực hiện…")


def test_assignment_of_one_units_tasks_lists_each_from_its_ask() -> None:
    from bot.texts import assignment_text

    heading = ("Những nhiệm vụ cần tập trung thực hiện trong thời gian tới: Yêu cầu chung là: Trên cơ sở quán triệt "
               "kết luận của Tỉnh ủy, Ban Tuyên giáo rà soát, bổ sung kế hoạch công tác năm 2024.")
    text = assignment_text("Nguyễn Văn A", "Thông báo số 1-TB/TU", [("2", heading, None, None),
                                                                  ("3", "Tổng kết công tác năm.", None, None)],
                           buttons=True, units=["Ban Tuyên giáo", "Ban Tuyên giáo"])
    assert "• Mục 2: Rà soát, bổ sung kế hoạch công tác năm 2024. — không có thời hạn" in text
    assert "(Ban Tuyên giáo)" not in text  # one unit: not named on every line


@pytest.mark.parametrize("text", [
    "Phối hợp Ban Pháp chế tham mưu Thường trực HĐND đề nghị UBND tỉnh sớm ban hành quy chế phối hợp giữa các sở",
    "Chủ động đề xuất Ban Thường vụ yêu cầu các huyện ủy rà soát, bổ sung quy hoạch cán bộ",
])
def test_advice_to_ask_another_body_keeps_the_readers_own_verb(text: str) -> None:
    """Probe 36: "Phối hợp … tham mưu Thường trực HĐND đề nghị UBND Thành phố sớm thống nhất …" read "Sớm thống nhất …"
    — the asked body's act, shown to the unit as its own."""
    assert short_title(text, lead="Ban Kinh tế - Ngân sách").startswith(text.split()[0])
