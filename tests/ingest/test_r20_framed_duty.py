"""Round 20: a news or portal report (no kind, no number of its own) that sets a unit's work in its frame — "Trong
thời gian này, Tổ Quản lý đô thị phường kết hợp với … triển khai …", "Trong thời gian từ ngày 15/3 đến ngày 30/3,
Phòng Văn hóa và Thông tin tổ chức tuyên truyền …", "Theo đó, Ban Chỉ huy Quân sự xã rà soát …" — holds that unit's
duty as a task (such sentences were no candidate at all). Not an account ("Theo đó, UBND xã đã tổ chức …"), nor in a
formal notice; a sentence a task holds is not repeated."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """{place} ra quân lập lại trật tự đô thị

Sáng 20/5/2022, UBND {place} tổ chức lễ ra quân lập lại trật tự đô thị, trật tự lòng đường, vỉa hè trên địa bàn.

Đợt ra quân được tổ chức trong 1 tháng, kể từ ngày 23/5 đến ngày 23/6/2022. {second}
"""

CASES = [dict(place="phường Lạc Viên"), dict(place="thị trấn Phú Thái")]
SECONDS = [
    ("Trong thời gian này, Tổ Quản lý đô thị phường kết hợp với lực lượng Công an phường và các tổ dân phố triển "
     "khai các biện pháp tuyên truyền và kiên quyết xử lý các trường hợp vi phạm.", ["Tổ Quản lý đô thị phường"]),
    ("Trong thời gian từ ngày 15/5 đến ngày 22/5/2022, Phòng Văn hóa và Thông tin tổ chức tuyên truyền, phổ biến "
     "việc ra quân lập lại trật tự đô thị đến từng hộ dân.", ["Phòng Văn hóa và Thông tin"]),
]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize(("second", "lead"), SECONDS)
def test_a_units_duty_in_its_frame_is_a_task(c: dict[str, str], second: str, lead: list[str]) -> None:
    tasks = list(parse_notice(REPORT.format(**c, second=second)).tasks)
    hits = [t for t in tasks if second[-50:] in t.text]
    assert len(hits) == 1 and "Đợt ra quân" not in hits[0].text, [t.text for t in tasks]
    assert list(hits[0].lead) == lead, [t.lead for t in tasks]


@pytest.mark.parametrize("c", CASES)
def test_an_account_in_its_frame_is_no_task(c: dict[str, str]) -> None:
    second = "Theo đó, UBND phường đã tổ chức ra quân nhắc nhở, vận động các hộ kinh doanh dọn dẹp hàng hóa lấn chiếm."
    tasks = list(parse_notice(REPORT.format(**c, second=second)).tasks)
    assert not [t for t in tasks if t.text.startswith(second[:30])], [t.text for t in tasks]


FORMAL = """UBND PHƯỜNG LẠC VIÊN
Số: 215/TB-UBND
Lạc Viên, ngày 20 tháng 5 năm 2022
THÔNG BÁO
Về việc ra quân lập lại trật tự đô thị

1. Tổ Quản lý đô thị phường chủ trì lập danh sách các trường hợp lấn chiếm vỉa hè. {second}
"""


def test_a_formal_notice_keeps_its_item_whole() -> None:
    second = SECONDS[0][0]
    tasks = list(parse_notice(FORMAL.format(second=second)).tasks)
    hits = [t for t in tasks if second[-50:] in t.text]
    assert len(hits) == 1 and "lập danh sách" in hits[0].text, [t.text for t in tasks]
