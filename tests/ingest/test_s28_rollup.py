"""The office that receives a recurring report compiles each round: its "tổng hợp, báo cáo" item recurs with it
(probe 42: a monthly roll-up read as a one-off was closed for good by its first "xong")."""

from __future__ import annotations

from bot.ingest import parse_notice

PLAN = """KẾ HOẠCH
Thực hiện Đề án phát triển công nghiệp
I. TỔ CHỨC THỰC HIỆN
1. Các phòng, đơn vị báo cáo tình hình thực hiện về Phòng Kế hoạch - Tổng hợp trước ngày 18 hằng tháng.
2. Phòng Kế hoạch - Tổng hợp tổng hợp, báo cáo Lãnh đạo Sở và gửi UBND tỉnh theo quy định.
3. Phòng Quản lý Năng lượng tổng hợp số liệu, báo cáo Giám đốc Sở về tình hình cung ứng điện.
"""


def _tasks(text: str) -> dict[str, str | None]:
    return {t.ref: t.recurrence for t in parse_notice(text).tasks}


def test_the_receiver_of_a_monthly_report_compiles_it_monthly() -> None:
    got = _tasks(PLAN)
    assert got.get("I.1") == "monthly" and got.get("I.2") == "monthly", got
    assert got.get("I.3") is None, got  # another office's own report, not a roll-up of the one above


def test_a_roll_up_with_its_own_date_keeps_it() -> None:
    dated = PLAN.replace("theo quy định.", "trước ngày 30/6/2026.")
    got = {t.ref: (t.recurrence, t.due) for t in parse_notice(dated).tasks}
    assert got["I.2"][0] is None and got["I.2"][1] is not None, got


def test_the_roll_up_falls_on_the_reports_day_and_needs_one() -> None:
    rolled = next(t for t in parse_notice(PLAN).tasks if t.ref == "I.2")
    assert rolled.due_text == "trước ngày 18 hằng tháng", rolled
    no_day = PLAN.replace(" trước ngày 18 hằng tháng", " hằng tháng")  # no day: rounds could fall before any report
    assert {t.ref: t.recurrence for t in parse_notice(no_day).tasks}.get("I.2") is None
