"""One working calendar everywhere: the admin's days off and make-up days (typed with /lich in chat, or with
`nhacviec calendar add` on the server while the bot runs) count from the next message or tick for the leaders'
weekly summary, the notice preview and leave, as they do for the morning digests. /lich lists, adds, removes."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.calendar import WorkingCalendar
from scheduler.clock import FakeClock
from storage.audit import audit_entries
from storage.calendar import CalendarDayEntry, add_calendar_day, list_calendar_days
from storage.models import CalendarDayKind
from tests.bot.conftest import last_text
from tests.bot.conversation_setup import NOTICE
from tests.conftest import DIRECTORY_CSV, SEED_NOTICE, local

MONDAY = local(2018, 2, 26, 9, 0)


async def _started(db_url: str, channel: str = "telegram") -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(MONDAY), channel=channel)
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    return h


def _entries(h: Harness) -> list[CalendarDayEntry]:
    assert h.db is not None
    return h.db.call(list_calendar_days)


def _add_on_server(h: Harness, day: dt.date, kind: CalendarDayKind, note: str) -> None:
    """What `nhacviec calendar add` does, on the running bot's database."""
    assert h.db is not None
    h.db.call(add_calendar_day, day=day, kind=kind, note=note, base=WorkingCalendar(), now=h.clock.now())


def _weekly(h: Harness) -> list[dt.datetime]:
    return [s.at for s in h.sent if s.to == "leader" and "báo cáo tình hình thực hiện nhiệm vụ trong tuần"
            in (s.text or "")]


@pytest.mark.parametrize("how", ["chat", "server"])
async def test_the_weekly_summary_moves_off_an_admin_day_off_as_the_digests_do(db_url: str, how: str) -> None:
    """Friday 02/03/2018 made a day off (after the bot started and had read its calendar): the summary goes out
    on Thursday 15:00, nothing on Friday; a Saturday made a working day gets the morning digests."""
    h = await _started(db_url)
    try:
        await h.send_file("admin", SEED_NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.tick()  # the calendar as it was is read and cached
        if how == "chat":
            await h.say("admin", "/lich nghỉ 02/03/2018 Nghỉ bù")
            assert "Đã thêm ngày nghỉ thứ Sáu, 02/03/2018 (Nghỉ bù)" in last_text(h, "admin")
        else:
            _add_on_server(h, dt.date(2018, 3, 2), CalendarDayKind.OFF, "Nghỉ bù")
        h.clock.set(local(2018, 3, 1, 10, 0))
        await h.say("head_bdv", "2 xong")  # something to tell the leader about
        for moment in (local(2018, 3, 1, 14, 59), local(2018, 3, 1, 15, 0), local(2018, 3, 2, 8, 0),
                       local(2018, 3, 2, 15, 0), local(2018, 3, 2, 16, 0)):
            h.clock.set(moment)
            await h.tick()
        assert _weekly(h) == [local(2018, 3, 1, 15, 0)]
        assert not any(s.at.date() == dt.date(2018, 3, 2) for s in h.sent)  # a day off: nobody hears anything
    finally:
        await h.stop()


async def test_the_preview_counts_a_deadline_to_the_working_day_after_the_admin_days_off(db_url: str) -> None:
    """Task 1 of the notice is due Thursday 15/03/2018; the admin made 15/03 and Friday 16/03 days off (on the
    server, after the bot started): the preview runs it to the end of Monday 19/03, as the digests will."""
    h = await _started(db_url)
    try:
        await h.say("admin", "/viec")  # the bot has read its calendar once already
        _add_on_server(h, dt.date(2018, 3, 15), CalendarDayKind.OFF, "Nghỉ bù")
        _add_on_server(h, dt.date(2018, 3, 16), CalendarDayKind.OFF, "Nghỉ bù")
        await h.say("admin", NOTICE)
        preview = last_text(h, "admin")
        assert "(hạn 15/03/2018 rơi vào ngày nghỉ bù, tính đến hết 19/03/2018)" in preview, preview
    finally:
        await h.stop()


async def test_leave_counts_working_days_by_the_admin_calendar(db_url: str) -> None:
    h = await _started(db_url)
    try:
        await h.say("admin", "/lich nghỉ 16/03/2018 Nghỉ bù")
        await h.say("head_bdv", "/nghi 12/03/2018 16/03/2018")
        assert "(4 ngày làm việc)" in last_text(h, "head_bdv")
    finally:
        await h.stop()


async def test_the_admin_lists_adds_and_removes_calendar_days_in_chat(db_url: str) -> None:
    h = await _started(db_url)
    try:
        await h.say("admin", "/lich")
        listed = last_text(h, "admin")
        assert listed.startswith("Lịch nghỉ Nhắc việc đang dùng, từ 26/02/2018 đến 27/04/2018")
        assert "• thứ Tư, 25/04/2018 — Ngày Giỗ Tổ Hùng Vương" in listed, listed
        assert "/lich nghỉ 12/02/2027 Nghỉ bù Tết" in listed

        await h.say("admin", "/lich nghỉ 16/03/2018 Nghỉ bù theo quyết định của UBND tỉnh")
        said = last_text(h, "admin")
        assert said.startswith("Đã thêm ngày nghỉ thứ Sáu, 16/03/2018 (Nghỉ bù theo quyết định của UBND tỉnh)")
        assert "không gửi nhắc việc ngày này; hạn rơi vào ngày này được tính đến hết 19/03/2018" in said
        await h.say("admin", "lich lam 17/03/2018")  # no slash, no marks: a make-up Saturday
        assert last_text(h, "admin").startswith("Đã thêm ngày làm việc bù thứ Bảy, 17/03/2018 (Làm bù)")
        assert [(e.day, e.kind, e.note) for e in _entries(h)] == [
            (dt.date(2018, 3, 16), CalendarDayKind.OFF, "Nghỉ bù theo quyết định của UBND tỉnh"),
            (dt.date(2018, 3, 17), CalendarDayKind.WORKING, "Làm bù")]

        await h.say("admin", "/lich")
        listed = last_text(h, "admin")
        assert "• thứ Sáu, 16/03/2018 — Nghỉ bù theo quyết định của UBND tỉnh (quản trị viên đã thêm)" in listed
        made_up = ("Ngày làm việc bù (quản trị viên đã thêm):\n"
                   "• thứ Bảy, 17/03/2018 — Làm bù (theo lịch chung là thứ Bảy)")
        assert made_up in listed

        await h.say("admin", "/lich nghỉ 16/03/2018")  # twice: how to remove it, in chat terms
        assert "Muốn thay đổi, đồng chí xóa trước: /lich xoá 16/03/2018" in last_text(h, "admin")
        await h.say("admin", "/lich xoa 16/03/2018")
        assert last_text(h, "admin").startswith("Đã xoá ngày nghỉ thứ Sáu, 16/03/2018")
        assert [e.day for e in _entries(h)] == [dt.date(2018, 3, 17)]

        assert h.db is not None
        logged = [(e.actor, e.action, e.detail["day"]) for e in h.db.call(audit_entries)
                  if e.action.startswith("calendar_")]
        assert logged == [("admin", "calendar_add", "2018-03-16"), ("admin", "calendar_add", "2018-03-17"),
                          ("admin", "calendar_remove", "2018-03-16")]
    finally:
        await h.stop()


@pytest.mark.parametrize(("typed", "says"), [
    ("/lich nghỉ 31/02/2018 Nghỉ bù", "Không hiểu ngày “31/02/2018”."),
    ("/lich nghỉ ngày-mốt-kia", "Không hiểu ngày “ngày-mốt-kia”."),
    ("/lich nghỉ 01/02/2018 Nghỉ bù", "Ngày 01/02/2018 đã qua"),
    ("/lich làm 05/03/2018", "Ngày 05/03/2018 đã là ngày làm việc, không cần thêm ngày làm bù."),
    ("/lich xoá 05/03/2018", "Ngày 05/03/2018 không có trong danh sách ngày nghỉ/làm bù đã thêm."),
    ("/lich nghỉ 16/03/2072", "còn quá xa"),
    ("/lich abc", "Chưa hiểu “abc”."),
])
async def test_bad_calendar_input_is_explained_and_nothing_is_stored(typed: str, says: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    h = await _started(f"sqlite:///{tmp_path}/nhacviec.db")
    try:
        await h.say("admin", typed)
        assert says in last_text(h, "admin"), last_text(h, "admin")
        assert _entries(h) == []
    finally:
        await h.stop()


@pytest.mark.parametrize("channel", ["telegram", "zalo"])
async def test_only_the_admin_may_see_or_change_the_calendar(channel: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    h = await _started(f"sqlite:///{tmp_path}/nhacviec.db", channel=channel)
    try:
        for typed in ("/lich", "/lich nghỉ 16/03/2018 Nghỉ bù"):
            await h.say("head_bdv", typed)
            assert last_text(h, "head_bdv") == texts.CALENDAR_ADMIN_ONLY
        assert _entries(h) == []
        await h.say("admin", "/lich nghỉ 16/03/2018")
        assert last_text(h, "admin").startswith("Đã thêm ngày nghỉ thứ Sáu, 16/03/2018 vào lịch.")
        await h.say("admin", "/lich năm 2018")
        listed = last_text(h, "admin")
        assert listed.startswith("Lịch nghỉ Nhắc việc đang dùng, năm 2018") and "01/01/2018" in listed
        await h.say("admin", "/huongdan")
        assert "/lich — các ngày nghỉ lễ, Tết sắp tới" in last_text(h, "admin")
        await h.say("head_bdv", "/huongdan")
        assert "/lich" not in last_text(h, "head_bdv")
    finally:
        await h.stop()


def test_typed_dates_count_working_days_by_the_calendar_given() -> None:
    """"sau Tết" is the first working day after the break: 11/02/2027 by the `holidays` package, 15/02 once the
    admin made 11–12/02 days off; "trước Tết" 04/02 once 04/02 is a working day."""
    from bot.datetext import parse_when
    from scheduler.calendar import with_corrections
    from storage.calendar import CalendarDays

    now = local(2027, 1, 18, 9, 0)
    corrected = with_corrections(WorkingCalendar(), CalendarDays(
        days_off=frozenset({dt.date(2027, 2, 11), dt.date(2027, 2, 12)}),
        working_days=frozenset({dt.date(2027, 2, 4)})))
    assert parse_when("sau Tết", now=now).date == dt.date(2027, 2, 11)
    assert parse_when("sau Tết", now=now, calendar=corrected).date == dt.date(2027, 2, 15)
    assert parse_when("trước Tết", now=now, calendar=corrected).date == dt.date(2027, 2, 4)


async def test_a_day_off_tells_the_admin_which_open_deadlines_it_moves(db_url: str) -> None:
    """Probe 20 F20: the office makes a day off; the answer names the open tasks whose deadline now runs further
    (and where it ran before), so the office knows before the holders' next reminder says it; removing the day
    moves them back; a day no deadline runs into lists nothing."""
    h = await _started(db_url)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("admin", "/lich nghỉ 15/03/2018 Nghỉ bù")
        said = last_text(h, "admin")
        assert "Hạn của 1 nhiệm vụ đang thực hiện thay đổi theo lịch mới" in said, said
        assert ("• Mục 1 (Ban Dân vận Tỉnh ủy): hạn 15/03/2018, nay tính đến hết 16/03/2018 (trước đây: hết "
                "15/03/2018)") in said, said
        await h.say("admin", "/lich nghỉ 16/03/2018 Nghỉ bù")  # the run of days off grows: 1 now runs to Monday
        said = last_text(h, "admin")
        assert "• Mục 1 (Ban Dân vận Tỉnh ủy): hạn 15/03/2018, nay tính đến hết 19/03/2018 (trước đây: hết " \
               "16/03/2018)" in said, said
        await h.say("admin", "/lich xoá 15/03/2018")
        said = last_text(h, "admin")
        assert "• Mục 1 (Ban Dân vận Tỉnh ủy): hạn 15/03/2018, nay tính đến hết 15/03/2018 (trước đây: hết " \
               "19/03/2018)" in said, said
        await h.say("admin", "/lich nghỉ 22/03/2018 Nghỉ bù")  # no open deadline runs into it
        assert "thay đổi theo lịch mới" not in last_text(h, "admin")
        await h.say("head_bdv", "1 xong")  # a finished task is not listed
        await h.say("admin", "/lich nghỉ 15/03/2018 Nghỉ bù")
        assert "thay đổi theo lịch mới" not in last_text(h, "admin")
    finally:
        await h.stop()
