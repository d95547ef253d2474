"""Round 27 phrasing pattern: under the last unit heading of a plan, a closing paragraph opens with its cadence and
then names its own doers — "Hằng năm, các sở, ngành và UBND các huyện báo cáo kết quả …", "Định kỳ hằng quý, …".
That paragraph is its own task, led by the units it names, not by the heading just above it. A cadence paragraph
that names no unit stays the heading unit's work. Unit names and work are invented."""

from __future__ import annotations

from bot.ingest import parse_notice

PLAN = """ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN
Số: 52/KH-UBND
Bình Nguyên, ngày 4 tháng 3 năm 2027

KẾ HOẠCH
Chăm sóc người có công năm 2027

1. Sở Lao động:

Chủ trì hướng dẫn các huyện rà soát hồ sơ người có công trên địa bàn tỉnh.

2. Các tổ chức xã hội, doanh nghiệp.

Khuyến khích các tổ chức xã hội, doanh nghiệp tham gia các hoạt động đền ơn đáp nghĩa.

{LAST}
"""


def _tasks(last: str) -> list[dict]:
    return parse_notice(PLAN.replace("{LAST}", last)).to_json()["tasks"]


def _lead_of(tasks: list[dict], words: str) -> list[str]:
    return next(t.get("lead") or [] for t in tasks if words in t["text"])


def test_yearly_report_names_its_own_doers() -> None:
    for opening in ("Hằng năm,", "Hàng năm,", "Định kỳ hằng năm,", "Định kỳ 6 tháng,"):
        tasks = _tasks(f"{opening} các sở, ngành và Ủy ban nhân dân các huyện báo cáo kết quả thực hiện về Sở Lao "
                       "động tổng hợp, báo cáo Ủy ban nhân dân tỉnh./.")
        assert _lead_of(tasks, "báo cáo kết quả thực hiện") == ["các sở, ngành", "Ủy ban nhân dân các huyện"], opening
        assert _lead_of(tasks, "đền ơn đáp nghĩa") == ["Các tổ chức xã hội, doanh nghiệp"], opening


def test_cadence_without_a_unit_stays_with_the_heading() -> None:
    tasks = _tasks("Hằng năm, tổ chức gặp mặt, tặng quà các gia đình chính sách nhân dịp ngày 27 tháng 7.")
    assert _lead_of(tasks, "tặng quà") == ["Các tổ chức xã hội, doanh nghiệp"]
