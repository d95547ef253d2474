"""Probe 39, finding 1: a task that joins a one-off step to a recurring report ("ban hành kế hoạch … (trong tháng 3);
định kỳ trước ngày 25 hằng tháng báo cáo …"). The plan's "đã trình … kế hoạch số 85, xong" closed March's report
round; the real March report, late, was kept as "60% — Đang thực hiện"; April's, on its day, as "75% — Vướng mắc",
and April then went overdue. A reply saying the periodic report was sent closes that round (late by its date), its
share and difficulty are the report's content; the one-off step named closes no round."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot import texts
from bot.replies import one_off_step, parse_status_text, sends_round_report
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import StatusReport, Task, TaskOccurrence, TaskStatus
from storage.tasks import pending_extensions
from tests.bot.conftest import last_text
from tests.conftest import DIRECTORY_CSV, local

MIXED = ("Ban Dân vận Tỉnh ủy tham mưu ban hành kế hoạch thực hiện Kết luận (trong tháng 3/2026), trong đó xác định "
         "rõ nội dung, lộ trình; định kỳ trước ngày 25 hằng tháng báo cáo tiến độ, khó khăn, vướng mắc, kiến nghị.")
NOTICE = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 39/TB-UBND\nBình Thuận, ngày 02 tháng 03 năm 2026\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch UBND tỉnh\n"
          f"1. Giao {MIXED}\n"
          "2. Giao Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 30/6/2026.\n")


def test_the_grammar_of_a_round_s_report_and_of_a_one_off_step() -> None:
    day = dt.date(2026, 4, 1)

    def status(text: str) -> TaskStatus | None:
        said = parse_status_text(text, today=day, task_text=MIXED, deliverable=MIXED)
        assert said is not None
        return said.status

    for sent in ("báo cáo tháng 3: đã rà soát 45/52 dự án, đạt 60%", "bao cao thang 4 dat 75%, vuong GPMB",
                 "đã gửi báo cáo tháng 3", "bc tháng 4 xong", "báo cáo tháng 4 em gửi sớm: đạt 70%"):
        assert sends_round_report(sent) and status(sent) == TaskStatus.DONE, sent
    for not_sent in ("sẽ gửi báo cáo tháng 4", "chưa gửi báo cáo tháng 3", "báo cáo tháng 4 đang tổng hợp, đạt 50%",
                     "báo cáo tháng này gồm những gì?"):
        assert not sends_round_report(not_sent), not_sent
    assert status("xin gia hạn báo cáo tháng 3 đến 30/4") == TaskStatus.EXTENSION_REQUESTED
    # the plan, the task's one-off part: progress, no round
    step = "da trinh UBND tinh ban hanh ke hoach so 85/KH-UBND, xong"
    assert one_off_step(step, MIXED) and status(step) == TaskStatus.IN_PROGRESS
    assert not one_off_step("đã gửi báo cáo, kèm kế hoạch số 85", MIXED) and status("xong") == TaskStatus.DONE
    # a duty whose recurring part is the plan itself ("hằng tháng xây dựng kế hoạch … và báo cáo"): its own work
    assert not one_off_step("đã ban hành kế hoạch tháng 4", "Hằng tháng xây dựng kế hoạch tuyên truyền và báo cáo.")
    # without the duty's wording (a task that does not recur): as before
    plain = parse_status_text("báo cáo tháng 3: đạt 60%", today=day)
    assert plain is not None and plain.status == TaskStatus.IN_PROGRESS and plain.percent == 60


def _rounds(h: Harness) -> list[tuple[str, bool, bool]]:
    assert h.db is not None
    return h.db.call(lambda s: [(o.label, o.done_at is not None, o.on_time) for o in s.scalars(
        select(TaskOccurrence).join(Task, Task.id == TaskOccurrence.task_id).where(Task.item_ref == "1")
        .order_by(TaskOccurrence.period_start))])


def _task(h: Harness) -> Task:
    assert h.db is not None
    return h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "1")).one())


async def test_a_monthly_report_closes_its_own_round_and_the_plan_closes_none(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert _task(h).due_on == dt.date(2026, 3, 25) and _task(h).occurrence_start is not None
        # the plan went to the province: not March's report
        await h.advance_to(local(2026, 3, 19, 10, 0))
        await h.say("head_bdv", "1 da trinh UBND tinh ban hanh ke hoach so 85/KH-UBND, xong")
        said = last_text(h, "head_bdv")
        assert "hoàn thành kỳ" not in said and "kỳ hạn 25/03/2026 vẫn mở" in said and "“1 đã gửi báo cáo”" in said, \
            said
        assert _rounds(h) == [] and _task(h).due_on == dt.date(2026, 3, 25)
        # March's report, a week late, with its share: March closed late, April's round opened
        await h.advance_to(local(2026, 4, 1, 9, 0))
        await h.say("head_bdv", "1 bao cao thang 3: da ra soat xong 45/52 du an, dat 60%")
        said = last_text(h, "head_bdv")
        assert "hoàn thành kỳ hạn 25/03/2026, quá hạn" in said and "60% — Đang thực hiện" not in said, said
        assert _rounds(h) == [("hạn 25/03/2026", True, False)] and _task(h).due_on == dt.date(2026, 4, 25)
        # April's, on its day, with a difficulty: April closed on time, not "Vướng mắc" and overdue the day after
        await h.advance_to(local(2026, 4, 24, 10, 0))
        await h.say("head_bdv", "1 báo cáo tháng 4 đạt 75%, vướng giải phóng mặt bằng")
        said = last_text(h, "head_bdv")
        assert "hoàn thành kỳ hạn 25/04/2026, đúng hạn" in said and "Vướng mắc" not in said, said
        assert _rounds(h)[-1] == ("hạn 25/04/2026", True, True) and _task(h).status == TaskStatus.OPEN
    finally:
        await h.stop()


async def test_a_head_asks_more_time_for_the_monthly_report_he_handed_to_a_cadre(db_url: str) -> None:
    """Probe 39, finding 2: "xin gia hạn báo cáo tháng 3" from a head who had handed the monthly report to his
    cadre: the "which task?" list left that item out, the request was lost and the leader found nothing to grant."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("head_bdv", "/giao 1 @cadre_bdv")
        await h.advance_to(local(2026, 3, 24, 16, 0))
        await h.say("head_bdv", "vướng: chưa có số liệu thu hồi đất, xin gia hạn báo cáo tháng 3 đến 31/3")
        said = last_text(h, "head_bdv")
        assert "là của nhiệm vụ nào" not in said and "mục 1" in said, said
        assert h.db is not None
        pending = h.db.call(lambda s: pending_extensions(s))
        assert [(r.item_ref, r.requested_due) for r in pending] == [("1", dt.date(2026, 3, 31))]
        # with no period named, the choices hold the handed item too
        await h.say("head_bdv", "xin gia hạn đến 15/4")
        said = last_text(h, "head_bdv")
        assert "là của nhiệm vụ nào" in said and "Mục 1" in said and "Mục 2" in said, said
        # granted: March's report sent within the extension is on time
        await h.advance_to(local(2026, 3, 25, 9, 0))
        await h.say("leader", "đồng ý gia hạn báo cáo tháng 3 của Ban Dân vận đến 31/3")
        assert _task(h).due_on == dt.date(2026, 3, 31), last_text(h, "leader")
        await h.advance_to(local(2026, 3, 30, 10, 0))
        await h.say("cadre_bdv", "1 đã gửi báo cáo tháng 3")
        said = last_text(h, "cadre_bdv")
        assert "hoàn thành kỳ hạn 25/03/2026, đúng hạn" in said, said
        assert _rounds(h) == [("hạn 25/03/2026", True, True)] and _task(h).due_on == dt.date(2026, 4, 25)
    finally:
        await h.stop()


async def test_what_must_be_reported_this_month_is_answered_not_forwarded(db_url: str) -> None:
    """Probe 39, finding 4: "Tháng này phải báo cáo gì?" went to the office though the rounds are known."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("head_bdv", "/giao 1 @cadre_bdv")
        await h.advance_to(local(2026, 3, 17, 9, 0))
        to_office = len([s for s in h.sent if s.to == "admin"])
        for who, asked in (("cadre_bdv", "thang nay phai bao cao gi?"), ("head_bdv", "Tháng này phải báo cáo gì?")):
            await h.say(who, asked)
            said = last_text(h, who)
            assert said.startswith("Kỳ báo cáo định kỳ của đồng chí đến hạn trong tháng 3/2026:"), said
            assert "• Mục 1: " in said and "hạn 25/03/2026" in said and "Mục 2" not in said, said
        await h.say("leader", "tháng này đơn vị nào phải báo cáo?")
        said = last_text(h, "leader")
        assert "Kỳ báo cáo định kỳ của các đơn vị" in said and "Ban Dân vận Tỉnh ủy — hạn 25/03/2026" in said, said
        assert len([s for s in h.sent if s.to == "admin"]) == to_office, "nothing forwarded to the office"
        # reported: said so; next month's round not yet due this month
        await h.say("cadre_bdv", "1 đã gửi báo cáo tháng 3")
        await h.say("cadre_bdv", "tháng này phải báo cáo gì")
        assert "• Mục 1: " in last_text(h, "cadre_bdv") and "đã báo cáo ngày 17/03/2026" in last_text(h, "cadre_bdv")
        await h.say("cadre_bdv", "tháng sau phải báo cáo gì?")
        assert "trong tháng 4/2026:\n• Mục 1: " in last_text(h, "cadre_bdv") and "hạn 25/04/2026 (rơi vào thứ Bảy" in \
            last_text(h, "cadre_bdv")
        await h.say("leader", "tuần này phải báo cáo gì?")  # (the round due 25/03 is next week's)
        assert last_text(h, "leader") == "Trong tuần từ 16/03/2026, các đơn vị không có kỳ báo cáo định kỳ nào đến hạn."
    finally:
        await h.stop()


async def test_a_question_typed_without_marks_is_not_a_progress_report(db_url: str) -> None:
    """Probe 39, finding 3: "… giao Đảng ủy MTTQ mục nào vậy? có phải báo cáo hằng tháng không", typed without
    marks, was stored as the unit's progress on its one item."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE.split("1. Giao")[0] + "1. Giao Ban Dân vận Tỉnh ủy đẩy mạnh tuyên truyền, vận động "
                     "Nhân dân đồng thuận với công tác giải phóng mặt bằng.\n")
        await h.say("admin", "xác nhận")
        await h.advance_to(local(2026, 3, 3, 9, 0))
        assert h.db is not None
        before = h.db.call(lambda s: len(list(s.scalars(select(StatusReport)))))
        await h.say("head_bdv", "Ban Dan van Tinh uy duoc giao muc nao vay? co phai bao cao hang thang khong")
        said = last_text(h, "head_bdv")
        assert "Đã cập nhật" not in said and "có phải là báo cáo" not in said and "Mục 1" in said, said
        assert h.db.call(lambda s: len(list(s.scalars(select(StatusReport))))) == before
    finally:
        await h.stop()
