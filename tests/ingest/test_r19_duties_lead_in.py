"""Round 19: in a news or portal report (no kind, no number of its own), a paragraph that names a duty and then a
lead-in to a ';' list of duties — "… yêu cầu X hoàn thành …, triển khai một số nhiệm vụ trọng tâm, như: Rà soát …;
tăng cường …;" — gives the first listed duty a task of its own, led by the doer of the whole, apart from the lead-in
sentence. An example list ("các biện pháp như: …") is no lead-in; a formal notice keeps its item whole."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """UBND tỉnh tổng kết công tác {topic} năm 2025

Ngày 10/3/2026, UBND tỉnh tổ chức hội nghị tổng kết công tác {topic} năm 2025.

Kết luận hội nghị, Chủ tịch UBND tỉnh yêu cầu {unit} hoàn thành báo cáo tổng kết công tác {topic} trước ngày \
30/3/2026 và triển khai thực hiện {lead_in} {first}; tăng cường kiểm tra, giám sát việc thực hiện các quy định về \
{topic} trên địa bàn; chủ động bố trí kinh phí, nhân lực cho công tác {topic} năm 2026.
"""
FIRST = "Rà soát, kiểm kê vật tư, trang thiết bị dự phòng trước mùa mưa lũ để có phương án bổ sung kịp thời"
CASES = [
    dict(topic="phòng, chống thiên tai", unit="các sở, ngành, địa phương"),
    dict(topic="phòng cháy, chữa cháy rừng", unit="UBND các huyện, thành phố"),
]
LEAD_INS = ["một số nhiệm vụ trọng tâm, như:", "các nhiệm vụ trọng tâm:", "các nội dung sau:"]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("lead_in", LEAD_INS)
def test_the_first_listed_duty_is_a_task_apart_from_the_lead_in(c: dict[str, str], lead_in: str) -> None:
    tasks = list(parse_notice(REPORT.format(**c, lead_in=lead_in, first=FIRST)).tasks)
    report = [t for t in tasks if "hoàn thành báo cáo tổng kết" in t.text]
    first = [t for t in tasks if FIRST[10:50].lower() in t.text.lower()]
    assert len(report) == 1 and len(first) == 1, [t.text for t in tasks]
    assert report[0] is not first[0]
    assert list(first[0].lead) == list(report[0].lead) == [c["unit"]], [t.lead for t in tasks]


@pytest.mark.parametrize("c", CASES)
def test_an_example_list_is_no_lead_in(c: dict[str, str]) -> None:
    text = REPORT.format(**c, lead_in="các biện pháp bảo vệ như:", first=FIRST)
    tasks = list(parse_notice(text).tasks)
    assert any("hoàn thành báo cáo tổng kết" in t.text and FIRST[10:50] in t.text for t in tasks), \
        [t.text for t in tasks]


@pytest.mark.parametrize("c", CASES)
def test_a_formal_notice_keeps_its_item_whole(c: dict[str, str]) -> None:
    formal = ("UBND TỈNH AN BÌNH\nSố: 88/TB-UBND\nAn Bình, ngày 12 tháng 3 năm 2026\nTHÔNG BÁO\nKết luận của Chủ "
              "tịch UBND tỉnh\n\n1. " + REPORT.format(**c, lead_in="các nội dung sau:", first=FIRST).split(
                  "Kết luận hội nghị, ")[1])
    tasks = list(parse_notice(formal).tasks)
    assert any("hoàn thành báo cáo tổng kết" in t.text and FIRST[10:50] in t.text for t in tasks), \
        [t.text for t in tasks]
