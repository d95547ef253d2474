"""Party offices number every notice from 1: a secretary who holds item 1 of two notices says which notice
by its number ("1 xong tb 228", "mục 1 thông báo 215-TB/HU xong", "1 xong 228-TB/HU") or by a few words of the
task; /viec shows each item's notice; and several plain item numbers in one line ("1 xong, 2 đang làm 80%")
each get what was said of them. Over Zalo (typed only: no reply-to), SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Notice, Task, TaskStatus
from tests.conftest import DIRECTORY_CSV, local


def notice(number: str, first: str, second: str) -> str:
    return f"""HUYỆN ỦY HÀM THUẬN
Số: {number}
Hàm Thuận, ngày 02 tháng 3 năm 2018
THÔNG BÁO
Kết luận của Thường trực Huyện ủy
1. Ban Dân vận Tỉnh ủy {first}, hoàn thành trước ngày 30/3/2018.
2. Ban Dân vận Tỉnh ủy {second}, báo cáo trước ngày 15/4/2018.
"""


FIRST = notice("215-TB/HU", "tổ chức quán triệt Nghị quyết cho cán bộ, đảng viên",
               "rà soát quy chế phối hợp với Mặt trận")
SECOND = notice("228-TB/HU", "tiếp thu ý kiến góp ý hoàn chỉnh dự thảo báo cáo chính trị",
                "chuẩn bị nhân sự đại hội điểm")


@pytest.fixture
async def zalo(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 3, 5, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    for text in (FIRST, SECOND):
        await h.say("admin", text)
        await h.say("admin", "xác nhận")
    yield h
    await h.stop()


def last(h: Harness, handle: str) -> str:
    return [s.text or "" for s in h.sent if s.to == handle][-1]


def state(h: Harness, number: str, ref: str) -> str:
    assert h.db is not None
    return h.db.call(lambda s: next(t.status for t in s.query(Task).join(Notice).filter(Notice.number == number)
                                    if t.item_ref == ref))


async def test_the_notice_is_named_by_its_number(zalo: Harness) -> None:
    h = zalo
    await h.say("head_bdv", "da xong muc 1")
    asked = last(h, "head_bdv")
    assert "Mục 1 có ở 2 thông báo" in asked and "215-TB/HU" in asked and "228-TB/HU" in asked
    # a form per notice that works on a channel without buttons (session 25: was one example to copy)
    assert "“1 da xong 215-TB/HU” · “1 da xong 228-TB/HU”" in asked, asked
    assert state(h, "215-TB/HU", "1") == state(h, "228-TB/HU", "1") == TaskStatus.OPEN

    await h.say("head_bdv", "muc 1 tb 228 da gui BTC ngay 6/3")
    assert last(h, "head_bdv").startswith("Đã cập nhật: mục 1 (228-TB/HU) — Hoàn thành")
    assert state(h, "228-TB/HU", "1") == TaskStatus.DONE and state(h, "215-TB/HU", "1") == TaskStatus.OPEN
    # the same notice named again: that task is finished — refused as such, never the other notice's item 1
    await h.say("head_bdv", "1 xong 228-TB/HU")
    assert "đã hoàn thành" in last(h, "head_bdv") and state(h, "215-TB/HU", "1") == TaskStatus.OPEN
    await h.say("head_bdv", "mục 1 thông báo 215-TB/HU xong")
    assert state(h, "215-TB/HU", "1") == TaskStatus.DONE


async def test_the_task_named_by_its_words_and_viec_shows_the_notices(zalo: Harness) -> None:
    h = zalo
    await h.say("head_bdv", "/viec")
    listing = last(h, "head_bdv")
    assert "• Mục 1 (215-TB/HU):" in listing and "• Mục 1 (228-TB/HU):" in listing
    assert "gõ kèm số văn bản" in listing
    await h.say("head_bdv", "1 tiep thu y kien gop y xong")
    assert last(h, "head_bdv").startswith("Đã cập nhật: mục 1 (228-TB/HU) — Hoàn thành")
    assert state(h, "228-TB/HU", "1") == TaskStatus.DONE and state(h, "215-TB/HU", "1") == TaskStatus.OPEN


async def test_several_plain_item_numbers_in_one_line(zalo: Harness) -> None:
    h = zalo
    await h.say("head_bdv", "1 xong tb 215, 2 đang làm 80% tb 215")
    assert state(h, "215-TB/HU", "1") == TaskStatus.DONE
    assert state(h, "215-TB/HU", "2") == TaskStatus.IN_PROGRESS
    assert state(h, "228-TB/HU", "1") == state(h, "228-TB/HU", "2") == TaskStatus.OPEN
    # a count after a comma is not an item: "2 xã" stays in what was said of item 2
    await h.say("head_bdv", "mục 2 TB 228 đang làm, 2 xã còn chậm")
    assert state(h, "228-TB/HU", "2") == TaskStatus.IN_PROGRESS


async def test_da_bc_is_a_report_not_a_polite_yes(zalo: Harness) -> None:
    """"da bc" (đã báo cáo) from someone with several tasks is answered (which task?), never taken for "dạ"."""
    h = zalo
    before = len([s for s in h.sent if s.to == "head_bdv"])
    await h.say("head_bdv", "da bc")
    answers = [s.text or "" for s in h.sent if s.to == "head_bdv"][before:]
    assert len(answers) == 1 and "Mục 1" in answers[0] and "Mục 2" in answers[0], answers


async def test_the_report_tells_the_two_notices_items_apart_and_says_who_holds_nothing(zalo: Harness) -> None:
    h = zalo
    await h.say("admin", notice("230-TB/HU", "tổ chức kiểm tra an toàn thực phẩm", "x").replace(
        "1. Ban Dân vận Tỉnh ủy", "1. Sở Y tế").split("\n2.")[0])
    await h.say("admin", "xác nhận")
    await h.advance_to(local(2018, 4, 2, 9, 0))  # both item 1s are late
    await h.say("leader", "/tonghop")
    text = next(t for t in (s.text or "" for s in reversed(h.sent) if s.to == "leader") if t.startswith("TỔNG HỢP"))
    assert "quá hạn chưa hoàn thành: 2/4 nhiệm vụ có thời hạn — mục 1 (215-TB/HU), 1 (228-TB/HU)" in text, text
    assert "• Sở Y tế: 1 nhiệm vụ — 1 chưa có người nhận" in text, text
    assert "Ban Dân vận Tỉnh ủy: 4 nhiệm vụ\n" in text, "a unit whose tasks are all held says nothing more"


async def test_the_digest_example_names_the_notice_when_item_numbers_repeat(zalo: Harness) -> None:
    h = zalo
    await h.advance_to(local(2018, 3, 27, 8, 0))  # both item 1s are due within days
    digest = [s.text or "" for s in h.sent if s.to == "head_bdv" and "Nhắc việc thứ" in (s.text or "")][-1]
    example = digest.split("ví dụ: “")[1].split("”")[0]
    assert example.startswith("1 ") and example.endswith(" xong") and "-TB/HU" in example, digest
    before = len(h.sent)
    await h.say("head_bdv", example)  # the example, typed as shown, is understood
    assert [s.text or "" for s in h.sent[before:] if s.to == "head_bdv"][-1].startswith("Đã cập nhật: mục 1")
