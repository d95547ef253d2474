"""A commune's thôn heads and leaders in their own words, through the sandbox (probe 14, findings 6, 7 and 8):
"báo cáo rồi", "gửi biên bản rồi", "bc tuần rồi nhé" are reports sent (done; for a weekly duty, this round), without
an item number the one round due takes them, else the bot asks which with buttons — never "chưa hiểu"; "chưa báo
cáo", "sẽ báo cáo" are not done; "thôn nào chậm?" is "đơn vị nào chậm?" about the thôn; in a draft "4: giống mục 1"
is item II.1 of a list numbered II.1, II.2 …, and "giống mục II.1" is read, never a unit's name."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Person, Task, TaskOccurrence, TaskStatus
from tests.bot.conftest import last_text
from tests.conftest import local

XA = ("handle,full_name,title,unit,role\n"
      "vp,Nguyễn Thị Lan,Công chức Văn phòng - Thống kê,Văn phòng - Thống kê,admin\n"
      "pct,Lê Văn Khánh,Phó Chủ tịch UBND xã,Lãnh đạo UBND xã,leader\n"
      "thon1,Đinh Văn Một,Trưởng thôn 1,Thôn 1,head\n"
      "thon2,Lý Văn Hai,Trưởng thôn 2,Thôn 2,head\n"
      "thon3,Hà Văn Ba,Trưởng thôn 3,Thôn 3,head\n"
      "truong,Bùi Văn Bình,Hiệu trưởng,Trường Tiểu học An Hòa,head\n")
NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN XÃ AN HÒA", "Số: 88/TB-UBND", "An Hòa, ngày 30 tháng 11 năm 2026", "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 11/2026", "I. TÌNH HÌNH CHUNG",
    "Trong tháng, các thôn đã cơ bản hoàn thành các chỉ tiêu được giao.", "II. NHIỆM VỤ TRỌNG TÂM",
    "1. Trưởng các thôn rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo trên địa bàn, hoàn thành trước ngày "
    "15/12/2026.",
    "2. Trưởng các thôn tổ chức họp thôn tổng kết năm 2026; gửi biên bản về UBND xã trước ngày 25/12/2026.",
    "4. Trường Tiểu học An Hòa tổ chức kiểm tra sức khỏe cho học sinh, hoàn thành trước ngày 18/12/2026.", ""])
WEEKLY = ("thêm mục II.3: Trưởng các thôn hằng tuần báo cáo tình hình an ninh trật tự trên địa bàn thôn về UBND xã "
          "vào sáng thứ Sáu")
THON = "Thôn 1; Thôn 2; Thôn 3"


async def _draft(h: Harness) -> None:
    """The notice pasted, the weekly duty added (preview number 4, item II.3)."""
    await h.say("vp", NOTICE)
    assert "1. [Mục II.1]" in last_text(h, "vp") and "3. [Mục II.4]" in last_text(h, "vp")
    await h.say("vp", WEEKLY)
    assert "nhiệm vụ 4 (Mục II.3)" in last_text(h, "vp"), last_text(h, "vp")


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    """Confirmed: II.1, II.2 and the weekly II.3 to each thôn, II.4 to the school; Wednesday 02/12/2026."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 1, 8, 30)))
    await h.start(directory_csv=XA.encode(), enroll_all=True)
    await _draft(h)
    await h.say("vp", "1, 2, 4: Thôn 1, Thôn 2, Thôn 3")
    await h.tap("vp", texts.BUTTON_CONFIRM)
    assert "Mục II.3 → 3 đồng chí" in last_text(h, "vp"), last_text(h, "vp")
    await h.advance_to(local(2026, 12, 2, 9, 0))
    yield h
    await h.stop()


def _status(h: Harness, handle: str, ref: str) -> TaskStatus:
    assert h.db is not None
    return h.db.call(lambda s: TaskStatus(s.scalars(select(Task.status).join(Person, Person.id == Task.assignee_id)
                                                    .where(Person.handle == handle, Task.item_ref == ref)).one()))


def _rounds_done(h: Harness, handle: str) -> list[str]:
    """The labels of the weekly duty's rounds this thôn head reported."""
    assert h.db is not None
    return h.db.call(lambda s: list(s.scalars(
        select(TaskOccurrence.label).join(Task, Task.id == TaskOccurrence.task_id)
        .join(Person, Person.id == Task.assignee_id)
        .where(Person.handle == handle, Task.item_ref == "II.3", TaskOccurrence.done_at.is_not(None))
        .order_by(TaskOccurrence.id))))


# ---------------------------------------------------------------- finding 6: a report said sent is done

async def test_a_report_said_sent_on_the_day_it_is_due_closes_that_round(harness: Harness) -> None:
    await harness.advance_to(local(2026, 12, 4, 9, 30))  # Friday: the weekly round is due
    # the thôn naming itself, typed without marks, with "bc": all the weekly report, the other items untouched
    for handle, typed in (("thon1", "thôn 1 báo cáo rồi"), ("thon2", "bc tuan roi nhe"), ("thon3", "Đã gửi báo cáo")):
        await harness.say(handle, typed)
        answer = last_text(harness, handle)
        assert "mục II.3 — hoàn thành kỳ tuần từ 30/11/2026, đúng hạn" in answer, (typed, answer)
        assert "chưa hiểu" not in answer
        assert _rounds_done(harness, handle) == ["tuần từ 30/11/2026"]
        assert _status(harness, handle, "II.1") == _status(harness, handle, "II.2") == TaskStatus.OPEN


async def test_a_reply_to_a_digest_of_several_items_is_the_round_due(harness: Harness) -> None:
    await harness.advance_to(local(2026, 12, 18, 9, 0))  # Friday: II.1 overdue, II.3's round due today
    digest = last_text(harness, "thon2")
    assert "Mục II.1" in digest and "Mục II.3 — kỳ tuần từ 14/12/2026" in digest, digest
    await harness.reply("thon2", "Thôn 2 bc rồi nhé")
    answer = last_text(harness, "thon2")
    assert "mục II.3 — hoàn thành kỳ tuần từ 14/12/2026, đúng hạn" in answer, answer
    assert _status(harness, "thon2", "II.1") == TaskStatus.OPEN


@pytest.mark.parametrize(("typed", "ref"), [
    ("2 đã họp, gửi biên bản rồi", "II.2"), ("1 báo cáo rồi", "II.1"), ("II.1 đã nộp", "II.1"),
    ("mục 2 gửi biên bản rồi nhé", "II.2"), ("1 bc r", "II.1"),
])
async def test_a_report_said_sent_of_an_item_is_done(harness: Harness, typed: str, ref: str) -> None:
    await harness.say("thon3", typed)
    answer = last_text(harness, "thon3")
    assert f"Đã cập nhật: mục {ref} — Hoàn thành, đúng hạn." in answer, answer
    assert _status(harness, "thon3", ref) == TaskStatus.DONE


async def test_a_weekly_report_sent_with_its_number_is_this_round(harness: Harness) -> None:
    await harness.advance_to(local(2026, 12, 4, 9, 30))
    await harness.say("thon3", "3 báo cáo rồi")
    answer = last_text(harness, "thon3")
    assert "mục II.3 — hoàn thành kỳ tuần từ 30/11/2026, đúng hạn" in answer, answer
    assert "Kỳ tiếp theo: tuần từ 07/12/2026, hạn 11/12/2026." in answer


@pytest.mark.parametrize("typed", ["1 chưa báo cáo", "1 sẽ báo cáo", "1 đang làm báo cáo", "1 báo cáo sau",
                                   "1 sắp gửi báo cáo rồi", "2 chưa gửi biên bản"])
async def test_a_report_not_yet_sent_is_not_done(harness: Harness, typed: str) -> None:
    await harness.say("thon1", typed)
    assert "Hoàn thành" not in last_text(harness, "thon1"), last_text(harness, "thon1")
    assert _status(harness, "thon1", f"II.{typed.split()[0]}") != TaskStatus.DONE


async def test_with_no_round_due_the_bot_asks_which_and_the_button_applies_it(harness: Harness) -> None:
    await harness.say("thon2", "báo cáo rồi")  # Wednesday: nothing due today, three open items
    asked = [s for s in harness.sent if s.to == "thon2"][-1]
    assert "Nội dung “báo cáo rồi” là của nhiệm vụ nào?" in (asked.text or ""), asked.text
    assert {"Mục II.1", "Mục II.2", "Mục II.3"} <= set(asked.buttons), asked.buttons
    assert "chưa hiểu" not in (asked.text or "")
    await harness.tap("thon2", "Mục II.2")
    assert "Đã cập nhật: mục II.2 — Hoàn thành, đúng hạn." in last_text(harness, "thon2")
    assert _status(harness, "thon2", "II.2") == TaskStatus.DONE


async def test_one_open_task_takes_a_report_without_its_number(harness: Harness) -> None:
    await harness.say("truong", "đã gửi báo cáo rồi")  # the school holds II.4 only
    assert "Đã cập nhật: mục II.4 — Hoàn thành, đúng hạn." in last_text(harness, "truong")


async def test_another_units_report_is_not_the_senders_but_the_office_records_it(harness: Harness) -> None:
    await harness.advance_to(local(2026, 12, 4, 9, 30))
    await harness.say("thon2", "thôn 1 báo cáo rồi")  # not Thôn 2's report: nothing recorded for either
    assert "Đã cập nhật" not in last_text(harness, "thon2")
    assert _rounds_done(harness, "thon2") == _rounds_done(harness, "thon1") == []
    await harness.say("vp", "Thôn 1 báo cáo rồi")  # the office, told by phone: Thôn 1's round due
    # (the office's confirmation names the unit whose row it changed: probe 22, F8)
    assert "mục II.3 (Thôn 1) — hoàn thành kỳ tuần từ 30/11/2026" in last_text(harness, "vp"), last_text(harness, "vp")
    assert _rounds_done(harness, "thon1") == ["tuần từ 30/11/2026"]
    await harness.say("vp", "thôn 2 đạt 60%")  # several of Thôn 2's items: which one, never the clerk's own
    asked = [s for s in harness.sent if s.to == "vp"][-1]
    assert (asked.text or "").startswith("Thôn 2 đang có 3 nhiệm vụ. Nội dung “đạt 60%” là của nhiệm vụ nào?"), \
        asked.text
    await harness.tap("vp", "Mục II.1")
    assert "mục II.1" in last_text(harness, "vp") and "60%" in last_text(harness, "vp"), last_text(harness, "vp")
    assert _status(harness, "thon2", "II.1") == TaskStatus.IN_PROGRESS


# ---------------------------------------------------------------- finding 7: "thôn nào chậm?"

async def test_which_thon_are_late_is_about_the_thon(harness: Harness) -> None:
    await harness.advance_to(local(2026, 12, 22, 9, 0))  # II.1 (15/12) and the school's II.4 (18/12) overdue
    await harness.say("pct", "đơn vị nào chậm?")
    every = last_text(harness, "pct")
    assert "• Thôn 1:" in every and "• Trường Tiểu học An Hòa:" in every, every
    await harness.say("pct", "Thôn nào chưa báo cáo?")  # who has not written at all: the thôn only (probe 28, F2)
    silent = last_text(harness, "pct")
    assert silent.startswith("Thôn chưa báo cáo, chưa cập nhật") and "• Thôn 1 (đ/c" in silent, silent
    assert ": mục II.1" in silent, silent
    assert "Trường Tiểu học" not in silent, silent
    for n, typed in enumerate(("thôn nào chậm?", "thon nao cham", "những thôn nào quá hạn")):
        # (each asked more than half an hour after the last: the same report asked again at once, unchanged, is
        # said in one line — session 25, F11)
        await harness.advance_to(local(2026, 12, 22, 9, 0) + dt.timedelta(minutes=31 * (n + 1)))
        await harness.say("pct", typed)
        answer = last_text(harness, "pct")
        assert "Phạm vi: đơn vị các thôn" in answer, (typed, answer)
        assert "• Thôn 1:" in answer and "• Thôn 3:" in answer and "Trường Tiểu học" not in answer, (typed, answer)
        assert "chưa hiểu" not in answer
    await harness.say("pct", "trường nào chậm?")
    school = last_text(harness, "pct")
    assert "• Trường Tiểu học An Hòa:" in school and "Thôn 1" not in school, school
    # a kind the directory has none of: every late unit, as "đơn vị nào chậm?"
    for n, typed in enumerate(("xã nào chậm?", "sở nào chậm", "phòng nào chậm?")):
        await harness.advance_to(local(2026, 12, 22, 11, 0) + dt.timedelta(minutes=31 * (n + 1)))
        await harness.say("pct", typed)
        answer = last_text(harness, "pct")
        assert "• Thôn 1:" in answer and "• Trường Tiểu học An Hòa:" in answer, (typed, answer)
    await harness.say("truong", "4 xong")
    await harness.say("pct", "trường nào chậm?")
    assert last_text(harness, "pct") == texts.nothing_late("trường")
    assert "Hiện không có trường nào" in last_text(harness, "pct")


async def test_a_direction_naming_which_thon_is_not_taken_for_the_question(harness: Harness) -> None:
    await harness.advance_to(local(2026, 12, 16, 9, 0))
    await harness.say("pct", "đề nghị thôn nào chậm thì khẩn trương hoàn thành mục 1")
    assert "TỔNG HỢP TÌNH HÌNH" not in last_text(harness, "pct")


# ---------------------------------------------------------------- finding 8: "giống mục 1" in a draft

async def test_same_as_an_item_numbered_under_a_roman_section(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 1, 8, 30)))
    await h.start(directory_csv=XA.encode(), enroll_all=True)
    try:
        await _draft(h)
        await h.say("vp", "1: Thôn 1, Thôn 2, Thôn 3")
        for typed in ("4: giống mục 1", "4: giống mục II.1", "4: giong muc ii.1", "2, 4: giống mục 1"):
            await h.say("vp", "4: Thôn 1")  # (another lead between, so each line is seen to change it)
            await h.say("vp", typed)
            answer = last_text(h, "vp")
            assert f"nhiệm vụ 4 (Mục II.3), chủ trì: {THON}" in answer, (typed, answer)
            assert "giống" not in answer.split("Sau khi sửa")[0].replace(typed, ""), answer
        await h.say("vp", "4: giống mục 1 và 2")  # does not read: explained, nothing stored as a unit
        refused = last_text(h, "vp")
        assert refused.startswith("Không hiểu “giống mục 1 và 2”"), refused
        await h.say("vp", "xem 4")
        assert "giống mục" not in last_text(h, "vp") and "Thôn 1" in last_text(h, "vp"), last_text(h, "vp")
        await h.tap("vp", texts.BUTTON_CONFIRM)
        assert "Mục II.3 → 3 đồng chí: Đinh Văn Một, Lý Văn Hai, Hà Văn Ba" in last_text(h, "vp"), last_text(h, "vp")
    finally:
        await h.stop()
