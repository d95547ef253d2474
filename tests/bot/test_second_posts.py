"""One person, two posts (kiêm nhiệm): a second row of the directory with the same code, the same name and the
role of head names another unit this person heads. That unit's tasks come to this person as to its head (one
digest, one chat, replies by item number), the head level of escalation is skipped for them as for any head's own
task, the directory file round-trips, and a file that drops the second row gives the tasks back. A second row that
is not such a post is refused with the form to write. Through the real python-telegram-bot and the Bot API
sandbox, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.directory import (
    directory_csv,
    directory_rows,
    export_directory,
    head_of,
    parse_directory,
)
from storage.errors import DirectoryInvalid
from storage.models import Task, Unit
from tests.bot.conftest import held, texts_to
from tests.conftest import DIRECTORY_CSV, local

SECOND = "head_bdv,Lê Văn Dân,Trưởng Ban Tôn giáo tỉnh,Ban Tôn giáo tỉnh,trưởng đơn vị\n"
DIRECTORY = DIRECTORY_CSV.read_bytes() + SECOND.encode() + \
    "cadre_btg,Hà Thị Giáo,Chuyên viên Ban Tôn giáo,Ban Tôn giáo tỉnh,chuyên viên\n".encode()
NOTICE = """TỈNH ỦY BÌNH THUẬN
Số: 120-TB/TU
THÔNG BÁO
Kết luận của Thường trực Tỉnh ủy về công tác dân vận, tôn giáo

1. Ban Dân vận Tỉnh ủy chủ trì rà soát quy chế dân vận ở cơ sở, hoàn thành trước ngày 15/3/2018.
2. Ban Tôn giáo tỉnh chủ trì tổng hợp tình hình hoạt động tôn giáo trên địa bàn, báo cáo Thường trực Tỉnh ủy \
trước ngày 15/3/2018.
3. Sở Tài nguyên và Môi trường chủ trì rà soát đất cơ sở tôn giáo, hoàn thành trước ngày 30/3/2018.
"""


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY, enroll_all=True)
    await h.send_file("admin", "tb-120.txt", data=NOTICE.encode())
    await h.tap("admin", texts.BUTTON_CONFIRM)
    yield h
    await h.stop()






async def test_the_import_says_the_second_post(db_url: str) -> None:
    async with Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0))) as h:
        await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
        await h.send_file("admin", "danh-ba.csv", data=DIRECTORY)
        reply = texts_to(h, "admin")[-1]
        assert "5 cán bộ đã có (1 có thay đổi)" in reply, reply
        assert "Đ/c Lê Văn Dân kiêm nhiệm trưởng Ban Tôn giáo tỉnh: nhiệm vụ do Ban Tôn giáo tỉnh chủ trì giao cho " \
            "đ/c Lê Văn Dân." in reply, reply


async def test_the_second_units_tasks_come_to_the_same_person_in_one_digest(harness: Harness) -> None:
    h = harness
    assert held(h, "head_bdv") == ["1", "2"] and held(h, "head_stnmt") == ["3"]
    assert held(h, None) == []
    mark = len(h.sent)
    await h.advance_to(local(2018, 3, 12, 9, 0))  # three working days before 15/03
    digests = texts_to(h, "head_bdv", mark)
    assert len(digests) == 1, digests
    assert "Mục 1" in digests[0] and "Mục 2" in digests[0], digests[0]
    await h.say("head_bdv", "2 xong")
    assert held(h, "head_bdv") == ["1", "2"]
    assert h.db is not None
    status = h.db.call(lambda s: s.scalar(select(Task.status).where(Task.item_ref == "2")))
    assert status == "done"


async def test_a_late_task_of_the_second_unit_goes_to_the_leader_not_back_to_its_holder(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.advance_to(local(2018, 3, 23, 10, 0))  # 6 working days after 15/03: the head level would be due
    to_leader = "\n".join(texts_to(h, "leader", mark))
    assert "Ban Tôn giáo tỉnh" in to_leader, to_leader
    head_msgs = texts_to(h, "head_bdv", mark)
    assert not any("CẦN ĐỒNG CHÍ CHỈ ĐẠO" in t for t in head_msgs), head_msgs


async def test_the_head_of_two_units_hands_a_task_of_the_second_to_its_cadre(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_btg")
    assert held(h, "cadre_btg") == ["2"], texts_to(h, "head_bdv")[-1]
    await h.say("head_bdv", "/giao 1 @cadre_btg")
    assert "không phải cán bộ của Ban Dân vận Tỉnh ủy" in texts_to(h, "head_bdv")[-1]


async def test_the_directory_round_trips_and_a_file_without_the_second_row_gives_the_tasks_back(
        harness: Harness) -> None:
    h = harness
    assert h.db is not None
    rows = h.db.call(directory_rows)
    dan = [(r["unit"], r["role"]) for r in rows if r["handle"] == "head_bdv"]
    assert dan == [("Ban Dân vận Tỉnh ủy", "head"), ("Ban Tôn giáo tỉnh", "head")]
    _, people = h.db.call(export_directory, xlsx=False, now=local(2018, 2, 26, 9, 0))
    assert people == 6 and len(rows) == 7  # Lê Văn Dân's second post is a second row, not a second person
    again = parse_directory(directory_csv(rows), "danh-ba.csv")
    assert [p[1] for p in next(r for r in again if r["handle"] == "head_bdv")["posts"]] == ["Ban Tôn giáo tỉnh"]

    mark = len(h.sent)
    await h.send_file("admin", "danh-ba.csv", data=DIRECTORY_CSV.read_bytes())
    reply = texts_to(h, "admin", mark)[-1]
    assert "Đ/c Lê Văn Dân thôi kiêm nhiệm trưởng Ban Tôn giáo tỉnh." in reply, reply
    assert "Ban Tôn giáo tỉnh" in reply and "chưa có người nhận" in reply, reply
    assert held(h, "head_bdv") == ["1"] and held(h, None) == ["2"]
    unit = h.db.call(lambda s: s.scalar(select(Unit.id).where(Unit.name == "Ban Tôn giáo tỉnh")))
    assert h.db.call(head_of, unit) is None


@pytest.mark.parametrize(("row", "why"), [
    ("head_bdv,Lê Văn Dũng,Trưởng Ban Tôn giáo tỉnh,Ban Tôn giáo tỉnh,trưởng đơn vị", "họ tên khác dòng trước"),
    ("head_bdv,Lê Văn Dân,Phó Ban Tôn giáo tỉnh,Ban Tôn giáo tỉnh,chuyên viên", "cán bộ kiêm nhiệm trưởng"),
    ("head_bdv,Lê Văn Dân,Trưởng Ban Dân vận,Ban Dân vận Tỉnh ủy,trưởng đơn vị", "lặp lại đơn vị"),
])
def test_a_second_row_that_is_not_a_second_post_is_refused_with_the_form(row: str, why: str) -> None:
    with pytest.raises(DirectoryInvalid) as caught:
        parse_directory(DIRECTORY_CSV.read_bytes() + (row + "\n").encode(), "danh-ba.csv")
    message = caught.value.user_message
    assert "dòng 7: mã cán bộ “head_bdv” bị trùng với dòng 4" in message and why in message, message


def test_a_unit_headed_as_a_second_post_and_by_its_own_head_is_two_heads() -> None:
    with pytest.raises(DirectoryInvalid) as caught:
        parse_directory(DIRECTORY_CSV.read_bytes() + (
            SECOND + "head_btg,Võ Văn Tôn,Trưởng Ban Tôn giáo tỉnh,Ban Tôn giáo tỉnh,trưởng đơn vị\n").encode(),
            "danh-ba.csv")
    assert "có 2 trưởng đơn vị" in caught.value.user_message


BOTH = """TỈNH ỦY BÌNH THUẬN
Số: 121-TB/TU
THÔNG BÁO
Kết luận của Thường trực Tỉnh ủy về công tác tôn giáo

1. Ban Dân vận Tỉnh ủy, Ban Tôn giáo tỉnh rà soát các điểm nhóm sinh hoạt tôn giáo, hoàn thành trước ngày 15/3/2018.
2. Sở Tài nguyên và Môi trường rà soát đất cơ sở tôn giáo, hoàn thành trước ngày 30/3/2018.
"""


async def test_one_item_held_for_both_units_says_whose_and_asks_which(db_url: str) -> None:
    async with Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0))) as h:
        await h.start(directory_csv=DIRECTORY, enroll_all=True)
        await h.send_file("admin", "tb-121.txt", data=BOTH.encode())
        await h.say("admin", "1: Ban Dân vận Tỉnh ủy, Ban Tôn giáo tỉnh")  # (each unit its own task)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert held(h, "head_bdv") == ["1", "1"]
        given = texts_to(h, "head_bdv")[-1]
        assert "• Mục 1 (Ban Dân vận Tỉnh ủy): " in given and "• Mục 1 (Ban Tôn giáo tỉnh): " in given, given
        await h.say("head_bdv", "/viec")
        mine = texts_to(h, "head_bdv")[-1]
        assert "• Mục 1 — Ban Dân vận Tỉnh ủy:" in mine and "• Mục 1 — Ban Tôn giáo tỉnh:" in mine, mine
        mark = len(h.sent)
        await h.advance_to(local(2018, 3, 12, 9, 0))
        digest = next(s for s in h.sent[mark:] if s.to == "head_bdv")
        assert "— Ban Dân vận Tỉnh ủy" in digest.text and "— Ban Tôn giáo tỉnh" in digest.text, digest.text
        assert list(digest.buttons) == ["Mục 1 · Ban Dân vận Tỉnh ủy", "Mục 1 · Ban Tôn giáo tỉnh"], digest.buttons
        mark = len(h.sent)
        await h.say("head_bdv", "1 đang làm 50%")
        asked = texts_to(h, "head_bdv", mark)
        assert len(asked) == 1 and "• Mục 1 (Ban Tôn giáo tỉnh):" in asked[0], asked
        await h.say("head_bdv", "1 Ban Tôn giáo xong")
        assert h.db is not None
        done = h.db.call(lambda s: [t.lead_name for t in s.scalars(select(Task).where(Task.status == "done"))])
        assert done == ["Ban Tôn giáo tỉnh"], done


async def test_a_leader_who_heads_the_unit_is_asked_to_direct_its_late_task_once(db_url: str) -> None:
    directory = DIRECTORY_CSV.read_bytes() + (
        "leader,Huỳnh Thanh Cảnh,Trưởng Ban Tôn giáo tỉnh,Ban Tôn giáo tỉnh,trưởng đơn vị\n"
        "cadre_btg,Hà Thị Giáo,Chuyên viên Ban Tôn giáo,Ban Tôn giáo tỉnh,chuyên viên\n"
        "leader2,Nguyễn Văn Hai,Phó Bí thư Tỉnh ủy,Thường trực Tỉnh ủy,lãnh đạo\n").encode()
    async with Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0))) as h:
        await h.start(directory_csv=directory, enroll_all=True)
        await h.send_file("admin", "tb-120.txt", data=NOTICE.encode())
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert held(h, "leader") == ["2"]
        await h.say("leader", "/giao 2 @cadre_btg")
        assert held(h, "cadre_btg") == ["2"]
        mark = len(h.sent)
        await h.advance_to(local(2018, 4, 20, 10, 0))  # five weeks past 15/03: every level of escalation is due
        asked = [t for t in texts_to(h, "leader", mark) if "CẦN ĐỒNG CHÍ CHỈ ĐẠO" in t and "Ban Tôn giáo" in t]
        assert len(asked) == 1, asked
        assert any("CẦN ĐỒNG CHÍ CHỈ ĐẠO" in t and "Ban Tôn giáo" in t for t in texts_to(h, "leader2", mark))
