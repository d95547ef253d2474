"""Round 25: a kind of unit written bare ("HTX cần …", "Công ty chủ động …") where the text named the one unit of that
kind in full before it is that unit; several units of the kind, or none, leave the bare kind as written."""

from __future__ import annotations

from bot.ingest import parse_notice

ONE_COOPERATIVE = (
    "Chiều 5/3, UBND huyện làm việc với HTX sản xuất, kinh doanh nông nghiệp Tân Tiến về dự án chế biến.\n\n"
    "Kết luận cuộc họp, Chủ tịch UBND huyện đề nghị HTX Tân Tiến cần xây dựng dự án chế biến một cách cụ thể; "
    "HTX cần xin quy hoạch xây dựng xưởng sơ chế, sau khi có quy hoạch trình UBND huyện xem xét.\n")


def test_a_bare_kind_after_the_one_unit_named_in_full_is_that_unit() -> None:
    tasks = parse_notice(ONE_COOPERATIVE).tasks
    task = next(t for t in tasks if "xin quy hoạch" in t.text)
    assert task.lead == ("HTX Tân Tiến",)


SEVERAL_COMPANIES = (
    "Sở Công Thương đã kiểm tra Công ty cổ phần Xây dựng An Bình, Tổng công ty Xây dựng Trường Sơn và Công ty TNHH "
    "Hiệp Phú về việc sử dụng vật liệu nổ công nghiệp.\n\n"
    "Sở Công Thương đề nghị Công ty tiếp tục giám sát việc lập hộ chiếu nổ mìn, báo cáo kết quả về Sở.\n")


def test_a_bare_kind_after_several_units_of_that_kind_stays_as_written() -> None:
    tasks = parse_notice(SEVERAL_COMPANIES).tasks
    task = next(t for t in tasks if "hộ chiếu nổ mìn" in t.text)
    assert "Công ty TNHH Hiệp Phú" not in task.lead
