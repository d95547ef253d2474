"""Round 20: a news or portal report of a meeting (no kind, no number of its own) that retells the agenda it set for
the period ahead — "Hội nghị sơ kết Hội Nông dân xã đề ra 11 nội dung thực hiện trong quý II năm 2022, trọng tâm: A;
B; C", "… gợi mở một số nội dung để HND huyện tiếp tục triển khai thực hiện: HND từ huyện đến cơ sở A; B" — holds one
task per item: led by the units the first item opens with, else by the body the lead-in names; dated by the period
the lead-in names. Items a task already holds are not repeated; a formal notice is read as before."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice

ITEMS = [
    "tiếp tục đổi mới nội dung sinh hoạt, nâng cao chất lượng hoạt động của các chi, tổ hội",
    "tuyên truyền, vận động hội viên tham gia bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình",
    "chuẩn bị tốt các điều kiện tham gia Hội thi nhà nông đua tài cấp huyện",
]

REPORT = """{org} sơ kết công tác quý I, triển khai nhiệm vụ quý II năm 2022

{org} đã chủ động triển khai thực hiện các nhiệm vụ đến các chi hội, hội viên, đạt nhiều kết quả tích cực.

Tại Hội nghị sơ kết, {org} {verb} {count} nội dung thực hiện trong quý II năm 2022, trọng tâm: {items}./.
"""

OPENED = """Sơ kết 6 tháng đầu năm công tác {org}

Phát biểu chỉ đạo tại Hội nghị, đồng chí Phó Chủ tịch tỉnh đánh giá cao những kết quả đạt được 6 tháng qua, đồng \
thời gợi mở một số nội dung để {org} tiếp tục triển khai thực hiện: {org} từ huyện đến cơ sở {items}.
"""

ORGS = ["Hội Nông dân xã", "Hội Cựu chiến binh huyện"]


def _find(tasks: list, words: str) -> list:
    return [t for t in tasks if words in t.text]


@pytest.mark.parametrize("org", ORGS)
@pytest.mark.parametrize("verb", ["đề ra", "thống nhất"])
def test_each_item_of_a_retold_agenda_is_a_task(org: str, verb: str) -> None:
    notice = parse_notice(REPORT.format(org=org, verb=verb, count=11, items="; ".join(ITEMS)))
    for item in ITEMS:
        hits = _find(list(notice.tasks), item[:50])
        assert len(hits) == 1, [t.text for t in notice.tasks]
        assert list(hits[0].lead) == [org], [t.lead for t in notice.tasks]
        assert hits[0].due == dt.date(2022, 6, 30)
    assert len({id(_find(list(notice.tasks), item[:50])[0]) for item in ITEMS}) == len(ITEMS)


@pytest.mark.parametrize("org", ORGS)
def test_an_agenda_whose_first_item_names_its_doers_is_theirs(org: str) -> None:
    notice = parse_notice(OPENED.format(org=org, items="; ".join(ITEMS)))
    for item in ITEMS:
        hits = _find(list(notice.tasks), item[:50])
        assert len(hits) == 1, [t.text for t in notice.tasks]
        assert list(hits[0].lead) == [org], [t.lead for t in notice.tasks]


FORMAL = """HỘI NÔNG DÂN HUYỆN AN BÌNH
Số: 45-TB/HND
An Bình, ngày 05 tháng 4 năm 2022
THÔNG BÁO
Kết luận Hội nghị sơ kết quý I năm 2022

Tại Hội nghị sơ kết, Ban Thường vụ Hội Nông dân huyện đề ra các nội dung thực hiện trong quý II năm 2022, trọng \
tâm: {items}.
"""


def test_a_formal_notice_is_read_as_before() -> None:
    tasks = list(parse_notice(FORMAL.format(items="; ".join(ITEMS))).tasks)
    assert len(tasks) <= 1, [t.text for t in tasks]


def test_an_item_a_task_holds_is_not_repeated() -> None:
    report = REPORT.format(org=ORGS[0], verb="đề ra", count=3, items="; ".join(ITEMS)) + \
        f"\nĐồng chí Chủ tịch UBND xã yêu cầu {ORGS[0]} {ITEMS[2]}, hoàn thành trước ngày 30/5/2022.\n"
    tasks = list(parse_notice(report).tasks)
    assert len(_find(tasks, ITEMS[2][:50])) <= 1, [t.text for t in tasks]


SPOKEN = """Chào cờ đầu tháng, triển khai nhiệm vụ quý II năm 2022

Sau Lễ chào cờ, thay mặt Đảng ủy - UBND xã, đồng chí Chủ tịch {org} đã phát biểu triển khai các nhiệm vụ trọng tâm \
cần thực hiện trong quý II năm 2022, như: {items}.
"""


@pytest.mark.parametrize("org", ["UBND xã Quỳnh Lộc", "UBND phường Tân Hiệp"])
def test_the_agenda_a_leader_sets_out_is_a_list_of_tasks(org: str) -> None:
    notice = parse_notice(SPOKEN.format(org=org, items="; ".join(ITEMS)))
    for item in ITEMS:
        hits = _find(list(notice.tasks), item[:50])
        assert len(hits) == 1, [t.text for t in notice.tasks]
        assert hits[0].due == dt.date(2022, 6, 30)
