"""Item numbers as notices write them and as people type them, end to end through the sandbox on SQLite and
PostgreSQL: a conclusion notice numbered "II.1.a", "II.2.đ" (Roman sections, Vietnamese letters) answered with
"II.1.a xong", "ii.2.đ 50%", "II.1.b xin gia hạn thêm 2 tuần" and decided with "đồng ý gia hạn II.1.b" — the
forms a cadre types, which the bot once did not recognise (it asked "which task?" instead)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Task, TaskStatus
from tests.bot.conversation_setup import last_text
from tests.conftest import DIRECTORY_CSV, local

NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    "Số: 61/TB-UBND",
    "Bình Thuận, ngày 05 tháng 3 năm 2018",
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh tại hội nghị công tác dân vận",
    "I. Đánh giá chung",
    "Các đơn vị đã triển khai nghiêm túc các nhiệm vụ được giao.",
    "II. Nhiệm vụ trong thời gian tới",
    "1. Giao Ban Dân vận Tỉnh ủy:",
    "a) Tổng hợp ý kiến của Nhân dân về dự án đường ven biển, báo cáo trước ngày 30/3/2018.",
    "b) Xây dựng kế hoạch tuyên truyền năm 2018, hoàn thành trước ngày 15/4/2018.",
    "2. Giao Sở Tài nguyên và Môi trường:",
    "a) Kiểm tra hiện trạng sử dụng đất ven biển, báo cáo trước ngày 20/4/2018.",
    "b) Rà soát hồ sơ giao đất các dự án du lịch.",
    "c) Đề xuất phương án xử lý các trường hợp vi phạm.",
    "d) Cập nhật cơ sở dữ liệu đất đai.",
    "đ) Công khai quy hoạch sử dụng đất ven biển.",
    "",
])


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 3, 6, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    yield h
    await h.stop()


def tasks(h: Harness) -> dict[str, Task]:
    assert h.db is not None
    return h.db.call(lambda s: {t.item_ref: t for t in s.scalars(select(Task))})


async def test_roman_and_letter_item_numbers_typed_in_any_case(harness: Harness) -> None:
    h = harness
    found = tasks(h)
    assert {"II.1.a", "II.1.b", "II.2.d", "II.2.đ"} <= found.keys()

    await h.say("head_bdv", "II.1.a xong")
    assert last_text(h, "head_bdv") == "Đã cập nhật: mục II.1.a — Hoàn thành, đúng hạn."
    await h.say("head_stnmt", "ii.2.đ 50% đang cập nhật bản đồ")
    assert last_text(h, "head_stnmt").startswith("Đã cập nhật: mục II.2.đ — 50% — Đang thực hiện.")
    now = tasks(h)
    assert TaskStatus(now["II.1.a"].status) == TaskStatus.DONE
    assert (TaskStatus(now["II.2.đ"].status), now["II.2.đ"].percent) == (TaskStatus.IN_PROGRESS, 50)
    assert TaskStatus(now["II.2.d"].status) == TaskStatus.OPEN, "“đ” is not “d”"

    await h.say("head_stnmt", "II.2.b đã gửi báo cáo rà soát")
    assert TaskStatus(tasks(h)["II.2.b"].status) == TaskStatus.DONE
    await h.say("head_bdv", "mở lại II.1.a")
    assert TaskStatus(tasks(h)["II.1.a"].status) == TaskStatus.IN_PROGRESS


async def test_extension_for_more_time_and_typed_decision(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "II.1.b xin gia hạn thêm 2 tuần vì chờ ý kiến các sở")
    assert "Đề nghị gia hạn đến 29/04/2018" in last_text(h, "head_bdv")
    await h.say("leader", "đồng ý gia hạn ii.1.b")
    assert last_text(h, "leader").startswith("Đã gia hạn đến 29/04/2018: nhiệm vụ mục II.1.b")
    assert tasks(h)["II.1.b"].due_on == dt.date(2018, 4, 29)
    await h.say("leader", "đồng ý gia hạn II.9.z")
    assert "II.9.z" in last_text(h, "leader"), "an unknown item is named as typed"


async def test_an_item_number_typed_without_its_section(harness: Harness) -> None:
    """People drop the Roman section ("1.a" for "II.1.a"): the one task it can be is updated and named in
    full; the extension decision finds the request the same way."""
    h = harness
    await h.say("head_bdv", "1.a xong")
    assert last_text(h, "head_bdv") == "Đã cập nhật: mục II.1.a — Hoàn thành, đúng hạn."
    assert TaskStatus(tasks(h)["II.1.a"].status) == TaskStatus.DONE
    await h.say("head_bdv", "mở lại 1.a")  # the finished tasks are looked up in SQL: the same short form
    assert TaskStatus(tasks(h)["II.1.a"].status) == TaskStatus.IN_PROGRESS
    await h.say("head_bdv", "1.b xin gia hạn đến 30/4")
    await h.say("leader", "đồng ý gia hạn 1.b")
    assert last_text(h, "leader").startswith("Đã gia hạn đến 30/04/2018: nhiệm vụ mục II.1.b")
    await h.say("head_stnmt", "9.z xong")
    assert "9.z" in last_text(h, "head_stnmt"), "no task of that number: said as typed"


async def test_a_short_item_number_that_fits_two_tasks_asks_which(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 3, 6, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE.replace(
            "I. Đánh giá chung\nCác đơn vị đã triển khai nghiêm túc các nhiệm vụ được giao.",
            "I. Nhiệm vụ trước mắt\n1. Giao Ban Dân vận Tỉnh ủy:\n"
            "a) Tổng kết công tác dân vận năm 2017, báo cáo trước ngày 20/3/2018."))
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert {"I.1.a", "II.1.a"} <= tasks(h).keys()
        await h.say("head_bdv", "1.a xong")
        question = last_text(h, "head_bdv")
        assert "I.1.a" in question and "II.1.a" in question
        assert all(TaskStatus(t.status) == TaskStatus.OPEN for t in tasks(h).values())
    finally:
        await h.stop()


SECTIONED = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    "Số: 75/TB-UBND",
    "Bình Thuận, ngày 06 tháng 3 năm 2018",
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về quy hoạch ven biển",
    "I. Đánh giá chung",
    "Các đơn vị đã triển khai nghiêm túc các nhiệm vụ được giao.",
    "II. Nhiệm vụ trong thời gian tới",
    "1. Ban Dân vận Tỉnh ủy tổng hợp ý kiến của Nhân dân về dự án, báo cáo trước ngày 30/3/2018.",
    "2. Sở Tài nguyên và Môi trường kiểm tra hiện trạng sử dụng đất ven biển, báo cáo trước ngày 20/4/2018.",
    "3. Sở Tài nguyên và Môi trường chủ trì, phối hợp với Ban Dân vận Tỉnh ủy công khai quy hoạch ven biển.",
    "",
])


async def test_the_number_printed_under_a_roman_section_finds_its_task(db_url: str) -> None:
    """The paper prints "1." under "II."; the bot names the task II.1. People type what the paper shows ("1 xong",
    "mục 2 đang làm 50%"), and a supporting unit's "3 đã phối hợp, …" is its report on its part."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 3, 6, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", SECTIONED)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert {"II.1", "II.2", "II.3"} <= tasks(h).keys()
        await h.say("head_bdv", "1 xong")
        assert last_text(h, "head_bdv") == "Đã cập nhật: mục II.1 — Hoàn thành, đúng hạn."
        await h.say("head_stnmt", "muc 2 dang lam 50%")
        assert last_text(h, "head_stnmt").startswith("Đã cập nhật: mục II.2 — 50% — Đang thực hiện.")
        await h.say("head_bdv", "3 da phoi hop, da gui y kien cua Nhan dan")
        assert last_text(h, "head_bdv").startswith("Đã ghi nhận báo cáo phối hợp của Ban Dân vận Tỉnh ủy về nhiệm vụ "
                                                   "mục II.3")
        assert "da gui y kien cua Nhan dan" in last_text(h, "head_stnmt")
        assert TaskStatus(tasks(h)["II.3"].status) == TaskStatus.OPEN, "the lead unit reports the status"
        await h.say("head_stnmt", "4 xong")
        assert last_text(h, "head_stnmt") == texts.unknown_ref("4", ["II.2", "II.3"], "xong",
                                                               dues=[tasks(h)["II.2"].due_on, tasks(h)["II.3"].due_on])
    finally:
        await h.stop()


async def test_withdrawing_the_number_printed_under_a_roman_section(db_url: str) -> None:
    """Probe 13: "/huy 75/TB-UBND mục 2 …" was answered "không có mục 2" for the notice's II.2."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 3, 6, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", SECTIONED)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("admin", "/huy 75/TB-UBND mục 2 lý do: giao nhầm")
        assert last_text(h, "admin").startswith("Đã hủy mục II.2 của Thông báo số 75/TB-UBND"), last_text(h, "admin")
        assert TaskStatus(tasks(h)["II.2"].status) == TaskStatus.CANCELLED
        assert TaskStatus(tasks(h)["II.1"].status) == TaskStatus.OPEN
    finally:
        await h.stop()


async def test_asking_what_ones_tasks_are_is_answered_as_viec(db_url: str) -> None:
    """Probe 13: "huyện mình có nhiệm vụ gì?" got "Nhắc việc chưa hiểu tin nhắn này"."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 3, 6, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", SECTIONED)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        for question in ("đơn vị mình có nhiệm vụ gì?", "nhiem vu cua toi la gi"):
            await h.say("head_stnmt", question)
            answer = last_text(h, "head_stnmt")
            assert answer.startswith("Nhiệm vụ đồng chí Trần Văn Môi đang phụ trách (2)"), answer
            assert "Mục II.2" in answer and "Mục II.3" in answer
    finally:
        await h.stop()
