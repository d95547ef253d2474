"""Probe 21 (new users on notice 073): commands typed the way heads and leaders type them — /giao and /nghi with a
colleague's full name (F7, F11d), /nghi sent twice (F11a), /donvi with a bad time (F11b), a leader's question about
one item (F4)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import texts
from bot.conversation.itemquery import asked_item
from bot.sandbox.harness import Harness
from storage.models import Person
from tests.bot.conversation_setup import last_text, started, task, texts_to


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def person_id(h: Harness, handle: str) -> int:
    assert h.db is not None
    return h.db.call(lambda s: s.scalars(select(Person.id).where(Person.handle == handle)).one())


async def test_giao_takes_a_full_name_and_says_when_it_is_already_theirs(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 Phạm Thị Vận")
    assert last_text(h, "head_bdv").startswith("Đã giao nhiệm vụ mục 2"), last_text(h, "head_bdv")
    assert task(h, "2").assignee_id == person_id(h, "cadre_bdv")
    await h.say("head_bdv", "/giao 2 pham thi van")  # (F11d) the same cadre again, by name, without marks
    assert "Đ/c Phạm Thị Vận đang là người phụ trách nhiệm vụ mục 2" in last_text(h, "head_bdv")


async def test_giao_with_an_unknown_name_says_so_with_an_example_from_the_directory(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 Nguyễn Văn Không")
    said = last_text(h, "head_bdv")
    assert said.startswith("Không tìm thấy cán bộ “Nguyễn Văn Không” trong danh bạ"), said
    assert "Không có nhiệm vụ mục" not in said and "@cadre_bdv" in said and "Phạm Thị Vận" in said
    await h.say("head_bdv", "/giao")
    assert "/giao 1 @cadre_bdv hoặc /giao 1 Phạm Thị Vận" in last_text(h, "head_bdv")


async def test_nghi_takes_a_full_name_and_is_not_told_twice(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("head_bdv", "/nghi 27/2 1/3 Phạm Thị Vận")
    assert "đ/c Phạm Thị Vận nhận nhắc việc thay" in last_text(h, "head_bdv"), last_text(h, "head_bdv")
    await h.say("head_bdv", "/nghỉ 27/2 1/3 @cadre_bdv")  # the same leave again
    assert "đã được ghi nhận trước đó" in last_text(h, "head_bdv")
    told = [t for t in texts_to(h, "cadre_bdv", mark) if "nhờ đồng chí nhận nhắc việc thay" in t]
    assert len(told) == 1, told
    assert "(mục 1, 2, 3" in told[0] or "(mục 1, 2," in told[0], told[0]  # as the notice lists them


async def test_nghi_usage_names_someone_of_this_office(harness: Harness) -> None:
    h = harness
    await h.say("cadre_bdv", "/nghi 27/2 1/3 Ai Đó")
    said = last_text(h, "cadre_bdv")
    assert said.startswith("Không tìm thấy cán bộ “Ai Đó”") and "@head_bdv" in said and "@cadre_bdv" not in said
    await h.say("cadre_bdv", "/nghi mai")
    assert "Cú pháp: /nghi" in last_text(h, "cadre_bdv") and "@head_bdv" in last_text(h, "cadre_bdv")


async def test_donvi_with_a_bad_time_answers_with_donvi_syntax(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/donvi tháng 13")
    assert last_text(h, "head_bdv") == texts.unit_period_not_understood("tháng 13")
    assert "/tonghop" not in last_text(h, "head_bdv")


@pytest.mark.parametrize("asked", ["tình hình mục 2", "mục 2 thế nào?", "Mục 2 đã xong chưa ạ?", "tiến độ mục 2"])
async def test_a_leader_asking_about_one_item_gets_that_item_also_when_done(harness: Harness, asked: str) -> None:
    h = harness
    await h.say("head_bdv", "2 xong, đã gửi báo cáo rà soát quy chế")
    mark = len(h.sent)
    await h.say("leader", asked)
    said = last_text(h, "leader")
    assert said.startswith("Tình hình thực hiện mục 2:\n• Ban Dân vận Tỉnh ủy — đ/c Lê Văn Dân: Hoàn thành ngày "
                           "26/02/2018, đúng hạn"), said
    assert "đã gửi báo cáo rà soát quy chế" in said
    assert "TỔNG HỢP" not in said and texts_to(h, "admin", mark) == []  # not the table, not sent to the office


async def test_a_leader_asking_about_an_open_item_reads_its_deadline(harness: Harness) -> None:
    h = harness
    await h.say("leader", "mục 1 thế nào?")
    said = last_text(h, "leader")
    assert said.startswith("Tình hình thực hiện mục 1:\n• Ban Dân vận Tỉnh ủy — đ/c Lê Văn Dân: Chưa cập nhật; hạn "), \
        said


@pytest.mark.parametrize(("text", "expected"), [
    ("tình hình mục III.3", ("III.3", "")),
    ("mục II.7.b thế nào?", ("II.7.b", "")),
    ("tình hình mục 2.1", ("2.1", "")),
    ("tình hình thực hiện mục 2 của Sở Tài chính", ("2", "so tai chinh")),
    ("mục 2 huyện Thanh Sơn xong", None),  # the office recording a unit's word: not a question
    ("mục 2 đang làm 50%", None),
])
def test_what_reads_as_a_question_about_one_item(text: str, expected: tuple[str, str] | None) -> None:
    assert asked_item(text) == expected


SECOND = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 16/TB-UBND\nBình Thuận, ngày 21 tháng 02 năm 2018\nTHÔNG BÁO\n"
          "Kết luận của đồng chí Chủ tịch UBND tỉnh tại cuộc họp về quy hoạch chung các xã ven biển\n"
          "1. Giao Ban Dân vận Tỉnh ủy chủ trì tuyên truyền quy hoạch, hoàn thành trước ngày 30/3/2018.\n"
          "2. Các sở, ban, ngành liên quan phối hợp triển khai quy hoạch chung các xã ven biển.\n")


async def test_viec_groups_two_notices_tasks_under_each_notice(harness: Harness) -> None:
    h = harness
    await h.say("admin", SECOND)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    confirmed = last_text(h, "admin")
    # (F10) a vague group is not a unit to add to the directory: the office names the units
    assert "Mục 2: Các sở, ban, ngành liên quan" in confirmed, confirmed
    assert "“chuyển mục 2 sang <tên đơn vị>”" in confirmed
    assert "gửi tệp danh bạ" not in confirmed
    await h.say("head_bdv", "/viec")
    said = last_text(h, "head_bdv")
    first, second = said.index("Thông báo số 45/TB-UBND"), said.index("Thông báo số 16/TB-UBND")
    assert first < second and "theo 2 văn bản" in said.splitlines()[0], said
    assert "— Kết luận tại cuộc họp về quy hoạch chung các xã ven biển (1):" in said
    assert said.index("• Mục 1 (16/TB-UBND): Giao Ban Dân vận Tỉnh ủy chủ trì tuyên truyền") > second  # its notice
    assert "“1 xong 16/TB-UBND”" in said  # item 1 is in both: how to say which


async def test_a_typed_direction_reaches_the_unit_without_the_words_to_the_bot(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("leader", "chỉ đạo Sở Tài nguyên và Môi trường khẩn trương hoàn thành mục 4")
    (told,) = texts_to(h, "head_stnmt", mark)
    assert "“khẩn trương hoàn thành mục 4”" in told, told  # (F11c) not "“chỉ đạo Sở Tài nguyên … mục 4”"
    assert last_text(h, "leader").startswith("Đã chuyển ý kiến chỉ đạo của đồng chí đến:")
