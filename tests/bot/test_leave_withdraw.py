"""Leave (/nghi), withdrawal (/huy) and the admin's calendar days, through the sandbox on
SQLite and PostgreSQL: who gets which morning digest, who is told, and bad input refused
with nothing changed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.calendar import WorkingCalendar
from storage.calendar import add_calendar_day
from storage.models import CalendarDayKind, Notice, NoticeStatus, Person, StatusReport, Task, TaskStatus
from tests.bot.conftest import last_text, texts_to
from tests.conftest import SEED_NOTICE, local

NOTICE = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 15/TB-UBND\nBình Thuận, ngày 20 tháng 02 năm 2018\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch UBND tỉnh\n"
          "1. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân, báo cáo trước ngày 02/3/2018.\n"
          "2. Giao Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 09/3/2018.\n")


def digests(h: Harness, handle: str) -> list[tuple[str, str]]:
    tz = local(2018, 1, 1).tzinfo
    return [(s.at.astimezone(tz).date().isoformat(), s.text or "") for s in h.sent
            if s.to == handle and (s.text or "").startswith("Kính gửi") and "Nhắc việc thứ" in (s.text or "")]


async def confirm(h: Harness, text: str = NOTICE) -> None:
    await h.say("admin", text)
    await h.tap("admin", texts.BUTTON_CONFIRM)


async def test_a_colleague_covers_while_the_head_is_on_leave(harness: Harness) -> None:
    h = harness
    await confirm(h)
    await h.say("head_bdv", "/nghi 27/2 1/3 @cadre_bdv")
    assert "từ 27/02/2018 đến hết 01/03/2018 (3 ngày làm việc); trong thời gian này đ/c Phạm Thị Vận" \
        in last_text(h, "head_bdv")
    told = last_text(h, "cadre_bdv")
    assert told.startswith("Kính gửi đồng chí Phạm Thị Vận, đ/c Lê Văn Dân nghỉ từ 27/02/2018 đến hết 01/03/2018 và "
                           "nhờ đồng chí nhận nhắc việc thay trong thời gian này: "), told
    assert re.search(r": \d+ nhiệm vụ \(mục [\d.]+(, [\d.]+)*\)\.", told), told  # the tasks, by item number
    await h.advance_to(local(2018, 3, 2, 9, 0))
    assert [day for day, _ in digests(h, "head_bdv")] == ["2018-03-02"], "nothing while away, back on Friday"
    covered = digests(h, "cadre_bdv")
    assert [day for day, _ in covered] == ["2018-02-27"]  # the deadline announced to her once (session 22)
    assert all("theo dõi thay đ/c Lê Văn Dân nghỉ phép" in text for _, text in covered)


async def test_the_colleague_covering_may_answer_for_the_tasks_while_the_leave_lasts(harness: Harness) -> None:
    h = harness
    await confirm(h)
    await h.say("head_bdv", "/nghi 27/2 1/3 @cadre_bdv")
    await h.advance_to(local(2018, 2, 27, 9, 0))
    await h.say("cadre_bdv", "1 60% đang tổng hợp ý kiến")
    assert last_text(h, "cadre_bdv").startswith("Đã cập nhật: mục 1 — 60% — Đang thực hiện.")
    await h.tap("cadre_bdv", "Mục 1")
    await h.tap("cadre_bdv", texts.BUTTON_DONE)
    assert h.db is not None
    assert h.db.call(lambda s: s.scalar(select(Task.status).where(Task.item_ref == "1"))) == TaskStatus.DONE
    await h.advance_to(local(2018, 3, 2, 9, 0))  # back from leave: the digests are the head's alone again
    # the cadre may still report for the unit, as any member may (probe 19); the head, back, is told of it
    told = len(h.sent)
    await h.say("cadre_bdv", "2 xong")
    assert h.db.call(lambda s: s.scalar(select(Task.status).where(Task.item_ref == "2"))) == TaskStatus.DONE
    assert any("Đ/c Phạm Thị Vận đã cập nhật nhiệm vụ mục 2" in t for t in texts_to(h, "head_bdv", told))


async def test_a_cadre_on_leave_is_reported_to_the_head(harness: Harness) -> None:
    h = harness
    await h.say("cadre_bdv", "/nghi 5/3 9/3")
    assert "tạm dừng nhắc đồng chí" in last_text(h, "cadre_bdv")
    assert "đ/c Phạm Thị Vận nghỉ từ 05/03/2018 đến hết 09/03/2018" in last_text(h, "head_bdv")
    await h.say("cadre_bdv", "/nghi hủy")
    assert h.db is not None
    assert h.db.call(lambda s: s.scalar(select(Person.leave_from).where(Person.handle == "cadre_bdv"))) is None


@pytest.mark.parametrize(("args", "expected"), [
    ("9/3 5/3", "Ngày kết thúc đứng trước ngày bắt đầu"),
    ("1/2/2017 5/2/2017", "Kỳ nghỉ này đã qua"),
    ("1/3 1/12", "dài quá 60 ngày"),
    ("mai", "Cú pháp: /nghi"),
    ("1/3 ngày-không-có 5/3", "Cú pháp: /nghi"),
    ("1/3 31/2", "Không hiểu ngày “31/2”"),
    ("1/3 5/3 @head_bdv", "không thể tự làm người thay"),
    ("1/3 5/3 @khongco", "Không tìm thấy cán bộ"),
])
async def test_bad_leave_is_explained_and_changes_nothing(harness: Harness, args: str, expected: str) -> None:
    h = harness
    await h.say("head_bdv", f"/nghi {args}")
    assert expected in last_text(h, "head_bdv")
    assert h.db is not None
    assert h.db.call(lambda s: s.scalar(select(Person.leave_from).where(Person.handle == "head_bdv"))) is None


async def test_withdrawing_a_notice_stops_its_reminders_and_tells_the_assignee_once(harness: Harness) -> None:
    h = harness
    await confirm(h)
    await h.say("head_bdv", "/huy 15/TB-UBND lý do: nhầm")
    assert "Chỉ quản trị viên mới hủy văn bản" in last_text(h, "head_bdv")
    await h.say("admin", "/huy 15/TB-UBND")
    assert last_text(h, "admin") == texts.WITHDRAW_NEEDS_REASON
    await h.say("admin", "/huy 99/TB-UBND lý do: nhầm")
    assert "Không tìm thấy văn bản đã xác nhận có số “99/TB-UBND”" in last_text(h, "admin")
    told_before = len([s for s in h.sent if s.to == "head_bdv"])
    await h.say("admin", "/huy 15/tb-ubnd mục 2 lý do: giao Ban Tuyên giáo thực hiện")
    assert "Đã hủy mục 2 của" in last_text(h, "admin")
    await h.say("admin", "/huy 15/TB-UBND lý do: đã được thay thế bằng Thông báo 20/TB-UBND")
    assert "Đã hủy Thông báo số 15/TB-UBND ngày 20/02/2018 (1 nhiệm vụ thôi theo dõi)" in last_text(h, "admin")
    told = [s.text or "" for s in h.sent if s.to == "head_bdv"][told_before:]
    assert len(told) == 2 and "mục 2;" in told[0] and "mục 1;" in told[1], "told once for each withdrawal"
    await h.say("admin", "/huy 15/TB-UBND lý do: lần nữa")
    assert "đã được hủy trước đây" in last_text(h, "admin")
    await h.advance_to(local(2018, 3, 12, 9, 0))
    assert digests(h, "head_bdv") == [], "no reminder for a withdrawn notice"
    assert h.db is not None
    assert h.db.call(lambda s: s.scalar(select(func.count()).select_from(Task).where(
        Task.status == TaskStatus.CANCELLED))) == 2
    assert h.db.call(lambda s: s.scalar(select(Notice.status))) == NoticeStatus.CANCELLED
    assert h.db.call(lambda s: s.scalar(select(func.count()).select_from(StatusReport).where(
        StatusReport.source == "withdrawal"))) == 2, "the history keeps it"


async def test_the_same_notice_cannot_be_confirmed_twice(harness: Harness) -> None:
    h = harness
    await h.send_file("admin", SEED_NOTICE)  # loaded twice before either is confirmed: two drafts
    await h.send_file("admin", SEED_NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)  # the newer
    await h.say("admin", "xác nhận")  # the older, still open
    assert "đã được xác nhận trước đây" in last_text(h, "admin")
    assert h.db is not None
    assert h.db.call(lambda s: s.scalar(select(func.count()).select_from(Task))) == 13


async def test_an_admin_day_off_has_no_digest(harness: Harness) -> None:
    h = harness
    assert h.db is not None
    h.db.call(add_calendar_day, day=dt.date(2018, 3, 1), kind=CalendarDayKind.OFF, note="Nghỉ bù",
              base=WorkingCalendar(), now=local(2018, 2, 26, 9, 0))
    await confirm(h)
    await h.advance_to(local(2018, 3, 5, 9, 0))
    days = [day for day, _ in digests(h, "head_bdv")]
    assert "2018-03-01" not in days and "2018-02-28" in days


async def test_admins_list_delivery_problems(harness: Harness) -> None:
    h = harness
    await h.say("admin", "/loi")
    assert "mọi tin nhắc việc đều đã được gửi" in last_text(h, "admin")
    await h.say("head_bdv", "/loi")
    assert "không có quyền" in last_text(h, "head_bdv")
    await h.say("admin", "/loi gui 99")
    assert "Không có tin nhắc việc số 99" in last_text(h, "admin")


@pytest.mark.parametrize("cover", ["@head_stnmt", ""])
async def test_a_head_on_leave_is_not_messaged_of_updates_the_colleague_covering_is(harness: Harness,
                                                                                   cover: str) -> None:
    """Probe 19: a head away 04–08/05, told "Nhắc việc nhắc lại từ ngày làm việc đầu tiên sau kỳ nghỉ", was messaged
    on 05/05 that a cadre had updated a task."""
    h = harness
    await confirm(h)
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    await h.say("head_bdv", f"/nghi 27/2 1/3 {cover}".strip())
    await h.advance_to(local(2018, 2, 27, 9, 0))
    mark = len(h.sent)
    await h.say("cadre_bdv", "2 xong")
    assert "Đã cập nhật: mục 2 — Hoàn thành" in last_text(h, "cadre_bdv")
    assert texts_to(h, "head_bdv", mark) == []
    told = texts_to(h, "head_stnmt", mark)
    if cover:
        assert len(told) == 1 and told[0].startswith("(Đồng chí theo dõi thay đ/c Lê Văn Dân nghỉ phép.)\n"
                                                     "Đ/c Phạm Thị Vận đã cập nhật nhiệm vụ mục 2"), told
    else:
        assert told == []
