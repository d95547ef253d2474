"""The whole loop through the real python-telegram-bot and the Bot API sandbox,
on SQLite and on PostgreSQL: a notice in, a reminder out, a status back."""

from __future__ import annotations

import io
import zipfile

import pytest
from sqlalchemy import func, select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import AuditLog, Notice, NoticeStatus, StatusReport, Task, TaskStatus
from tests.bot.conftest import last_text, texts_to
from tests.conftest import DIRECTORY_CSV, SEED_NOTICE, local


def count(h: Harness, model: type, *where) -> int:  # type: ignore[no-untyped-def]
    assert h.db is not None
    return h.db.call(lambda s: s.scalar(select(func.count()).select_from(model).where(*where)))


async def load_seed(h: Harness) -> None:
    await h.send_file("admin", SEED_NOTICE)
    preview = h.last_with_button("admin", texts.BUTTON_CONFIRM)
    assert "13 nhiệm vụ" in h.state.bot_messages(preview.chat_id)[0].text
    await h.tap("admin", texts.BUTTON_CONFIRM)


async def open_card(h: Harness, handle: str, ref: str) -> None:
    """Tap the item's button under the person's last digest: its card, with the status buttons, comes back."""
    await h.tap(handle, f"Mục {ref}")
    assert last_text(h, handle).startswith(f"Mục {ref} —")


async def test_seed_notice_loop(harness: Harness) -> None:
    h = harness
    await load_seed(h)
    assert "Đã xác nhận" in last_text(h, "admin")
    assert count(h, Task) == 13
    assert count(h, Task, Task.assignee_id.is_(None)) == 0
    assignment = last_text(h, "head_bdv")
    assert "Đồng chí được giao chủ trì 13 nhiệm vụ" in assignment, "one assignment message, at once"
    assert len([s for s in h.sent if s.to == "head_bdv"]) == 1

    await h.advance_to(local(2018, 3, 12, 8, 0))
    digests = [s for s in h.sent if s.to == "head_bdv"][1:]
    assert len(digests) == 1, "thirteen check-ins come as one morning digest"
    digest = digests[0]
    assert digest.at == local(2018, 3, 12, 8, 0) and "CẬP NHẬT ĐỊNH KỲ (13)" in (digest.text or "")
    assert "xin gia hạn" not in (digest.text or ""), "no extension example for tasks without a deadline"
    assert len(digest.buttons) == 13 and digest.buttons[:2] == ["Mục 2", "Mục 2.1"] and \
        digest.buttons[-1] == "Mục 4", "a button per item, the last one too"
    assert "gõ số mục" not in (digest.text or "").split("Bấm số mục")[0], "no 'type the others' under 24 items"

    await open_card(h, "head_bdv", "2.1")
    card = h.last_with_button("head_bdv", texts.BUTTON_DONE)
    assert card.buttons == [texts.BUTTON_DONE, texts.BUTTON_PROGRESS, texts.BUTTON_BLOCKED,
                            texts.BUTTON_SNOOZE_DAY, texts.BUTTON_SNOOZE_WEEK, texts.BUTTON_DELEGATE]
    await h.tap("head_bdv", texts.BUTTON_DONE)
    assert last_text(h, "head_bdv") == "Đã cập nhật: mục 2.1 — Hoàn thành."

    assert h.db is not None
    report = h.db.call(lambda s: s.execute(
        select(StatusReport, Task).join(Task, Task.id == StatusReport.task_id)).one())
    assert report[1].item_ref == "2.1" and report[0].status == TaskStatus.DONE and report[0].source == "button"
    assert report[1].status == TaskStatus.DONE

    await h.say("admin", "/tonghop")
    summary_message, chart, report_file = [s for s in h.sent if s.to == "admin"][-3:]
    assert "Ban Dân vận Tỉnh ủy: 13 nhiệm vụ" in (summary_message.text or "")
    # item 2.1 has no deadline: done, it stays under "không có thời hạn" (QĐ 42/2014), never "đúng hạn"
    assert "Hoàn thành đúng hạn: 0" in (summary_message.text or "")
    assert "Không có thời hạn: 13 (đã hoàn thành 1, chưa cập nhật " in (summary_message.text or "")
    assert chart.document == "tong-hop-nhiem-vu-2018-03-12.png" and chart.text == texts.CHART_CAPTION
    # the same summary as an Excel file to forward
    from openpyxl import load_workbook

    assert report_file.document == "tong-hop-nhiem-vu-2018-03-12.xlsx"
    stored = h.state.find_message(h.handles["admin"], report_file.message_id)  # type: ignore[arg-type]
    assert stored is not None and stored.document is not None
    workbook = load_workbook(io.BytesIO(h.state.files[stored.document["file_id"]][0]))
    assert [c.value for c in workbook["Tổng hợp"][5]][:8] == [1, "Ban Dân vận Tỉnh ủy", 13, 0, 0, 0, 0, 13]
    detail = {row[2]: row for row in workbook["Chi tiết"].iter_rows(min_row=5, values_only=True)}
    assert detail["2.1"][4] == "Ban Dân vận Tỉnh ủy" and detail["2.1"][5] == "Lê Văn Dân"
    assert detail["2.1"][8] == "Hoàn thành"
    assert detail["2.1"][10] == "Không có thời hạn" and detail["3"][10] == "Không có thời hạn"


async def test_one_digest_a_morning_and_closed_tasks_drop_out(harness: Harness) -> None:
    h = harness
    await load_seed(h)
    await h.advance_to(local(2018, 3, 12, 8, 0))
    sent_before = len(h.sent)
    await h.tick()
    await h.advance_to(local(2018, 3, 12, 16, 0))
    assert len(h.sent) == sent_before, "the morning's digest goes out once"
    await h.say("head_bdv", "/viec")
    assert "(13)" in last_text(h, "head_bdv")
    for ref in ["2", "2.1", "2.2.a", "2.2.b", "2.2.c", "2.2.d", "2.3.a", "2.3.b", "2.3.b.1", "2.3.b.2", "2.3.b.3", "3"]:
        await h.say("head_bdv", f"{ref} xong")
        if "một lần nữa" in last_text(h, "head_bdv"):  # work that goes on: a second "xong" ends it (probe 24 #12)
            await h.say("head_bdv", f"{ref} xong")
        assert f"mục {ref} — Hoàn thành" in last_text(h, "head_bdv")
    await h.advance_to(local(2018, 3, 30, 9, 0))
    new = [s.text or "" for s in h.sent[sent_before:] if s.to == "head_bdv" and "Kính gửi" in (s.text or "")]
    assert len(new) == 1 and "CẬP NHẬT ĐỊNH KỲ (1)" in new[0] and "• Mục 4:" in new[0]
    # an old button replayed on a finished task changes nothing and says how to reopen it
    await h.say("head_bdv", "2.1 đang thực hiện")
    assert "đã hoàn thành" in last_text(h, "head_bdv") and "mở lại 2.1" in last_text(h, "head_bdv")
    await h.say("head_bdv", "mở lại 2.1")
    assert "Đã mở lại mục 2.1: Đang thực hiện" in last_text(h, "head_bdv")
    assert count(h, Task, Task.status == TaskStatus.DONE) == 11


async def test_reply_to_a_digest_names_the_item_and_a_reply_to_a_card_needs_no_number(harness: Harness) -> None:
    h = harness
    await load_seed(h)
    await h.advance_to(local(2018, 3, 12, 8, 0))
    await h.reply("head_bdv", "60% vướng kinh phí")
    assert "là của nhiệm vụ nào" in last_text(h, "head_bdv"), "thirteen tasks in the digest: the bot asks"
    await h.tap("head_bdv", "Mục 2.2.a", containing="là của nhiệm vụ nào")  # one action per candidate
    assert "mục 2.2.a — 60% — Vướng mắc" in last_text(h, "head_bdv")
    await open_card(h, "head_bdv", "2.1")
    await h.reply("head_bdv", "xin gia hạn đến 30/4")  # 2.1 has no deadline: nothing to extend, nothing recorded
    assert last_text(h, "head_bdv").startswith("Mục 2.1 không có thời hạn cụ thể nên không cần gia hạn.")
    await open_card(h, "head_bdv", "2.1")
    await h.reply("head_bdv", "40% đang rà soát")
    assert "mục 2.1 — 40% — Đang thực hiện" in last_text(h, "head_bdv"), last_text(h, "head_bdv")
    assert h.db is not None
    reports = h.db.call(lambda s: [(r.percent, r.note, r.source) for r in s.scalars(select(StatusReport)
                                                                                     .order_by(StatusReport.id))])
    assert reports[0] == (60, "60% vướng kinh phí", "reply") and reports[1][2] == "reply"
    # a number typed in a reply to another item's card: the bot asks which
    await h.reply("head_bdv", "3 xong")
    assert "Đồng chí báo cáo mục 3 hay mục 2.1?" in last_text(h, "head_bdv")


async def test_only_the_responsible_may_change_a_task(harness: Harness) -> None:
    h = harness
    await load_seed(h)
    await h.advance_to(local(2018, 3, 12, 8, 0))
    await open_card(h, "head_bdv", "2.1")
    message = h.last_with_button("head_bdv", texts.BUTTON_DONE)
    data = message.button_data(texts.BUTTON_DONE) or ""
    # another unit's head taps a forwarded button: refused, nothing stored
    forwarded = type(message)(**{**message.__dict__, "chat_id": h.handles["head_stnmt"]})
    await h.deliver(h.state.user_tap(h.handles["head_stnmt"], forwarded, data))
    assert "Đồng chí không phụ trách nhiệm vụ mục 2.1 (người phụ trách: đ/c Lê Văn Dân)" in last_text(h, "head_stnmt")
    assert count(h, StatusReport) == 0


async def test_a_member_of_the_lead_unit_reports_for_it_and_the_head_is_told(harness: Harness) -> None:
    """Probe 19: the phó phòng's "VI.1 phòng đã gửi báo cáo tháng 5" was refused ("Không tìm thấy nhiệm vụ"), and
    the unit then showed as late in every reminder, summary and report. Reports for the unit are any member's to
    send; the head, who holds the task, hears of it. Another unit's member still finds nothing."""
    h = harness
    await load_seed(h)
    await h.advance_to(local(2018, 3, 12, 8, 0))
    told_before = len(texts_to(h, "head_bdv"))
    await h.say("cadre_bdv", "2.1 phòng đã gửi báo cáo")
    assert "Đã cập nhật: mục 2.1 — Hoàn thành" in last_text(h, "cadre_bdv")
    told = texts_to(h, "head_bdv")[told_before:]
    assert len(told) == 1 and "Đ/c Phạm Thị Vận đã cập nhật nhiệm vụ mục 2.1" in told[0]
    assert count(h, StatusReport) == 1 and count(h, Task, Task.status == TaskStatus.DONE) == 1
    await h.say("head_stnmt", "2.2.a xong")
    assert "Không tìm thấy nhiệm vụ mục 2.2.a" in last_text(h, "head_stnmt")
    assert count(h, StatusReport) == 1


async def test_cancelled_notice_buttons_do_nothing(harness: Harness) -> None:
    h = harness
    await h.send_file("admin", SEED_NOTICE)
    await h.tap("admin", texts.BUTTON_CANCEL)
    assert last_text(h, "admin") == texts.CANCELLED
    preview = h.state.bot_messages(h.handles["admin"])[-2]
    assert preview.buttons == []  # the keyboard is removed
    # a stale copy of the button (e.g. tapped from another device) is refused
    await h.deliver(h.state.user_tap(h.handles["admin"], preview, "n:1:ok"))
    assert "đã được hủy" in last_text(h, "admin")
    assert count(h, Task) == 0
    assert count(h, Notice, Notice.status == NoticeStatus.CANCELLED) == 1


async def test_pasted_text_notice(harness: Harness) -> None:
    h = harness
    await h.say("admin", SEED_NOTICE.read_text(encoding="utf-8"))
    await h.tap("admin", texts.BUTTON_CONFIRM)
    assert count(h, Task) == 13


@pytest.mark.parametrize(("send", "expected"), [
    (("text", "   "), texts.EMPTY_MESSAGE),
    (("text", "Chào buổi sáng, hôm nay họp lúc mấy giờ?"), "Nhắc việc chưa hiểu tin nhắn này. Để nạp văn bản"),
    (("text", "Kính gửi các đồng chí, chiều nay Văn phòng tổ chức họp giao ban tại phòng họp số 2; đề nghị các đồng "
              "chí sắp xếp thời gian tham dự đầy đủ và đúng giờ."), "Không tìm thấy nhiệm vụ nào"),
    (("text", "/khongcolenh"), texts.UNKNOWN_COMMAND),
    (("file", b"not a zip at all", "bienban.docx"), "Tệp .docx bị hỏng"),
    (("file", b"\x00\x01\x02\xff" * 500, "scan.txt"), "không phải văn bản"),
    (("file", b"", "empty.txt"), "trống"),
])
async def test_bad_input_gets_a_vietnamese_explanation_and_stores_nothing(harness: Harness, send, expected):  # type: ignore[no-untyped-def]
    h = harness
    if send[0] == "text":
        await h.say("admin", send[1])
    else:
        await h.send_file("admin", send[2], data=send[1])
    assert expected in last_text(h, "admin")
    assert count(h, Notice) == 0 and count(h, Task) == 0


async def test_zip_bomb_docx_is_refused(harness: Harness) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<a>" + b"0" * 150_000_000 + b"</a>")
    await harness.send_file("admin", "bom.docx", data=buf.getvalue())
    assert "bất thường" in last_text(harness, "admin")
    assert count(harness, Notice) == 0


async def test_file_over_20_mb_is_refused_before_download(harness: Harness) -> None:
    h = harness
    update = h.state.user_document(h.handles["admin"], b"x" * (20 * 1024 * 1024 + 1), "to.txt")
    await h.deliver(update)
    assert last_text(h, "admin") == texts.FILE_TOO_LARGE
    assert count(h, Notice) == 0


async def test_non_admin_cannot_load_a_notice(harness: Harness) -> None:
    await harness.send_file("head_bdv", SEED_NOTICE)
    assert "Chỉ quản trị viên (Văn phòng) mới đưa văn bản thông báo" in last_text(harness, "head_bdv")
    assert count(harness, Notice) == 0


async def test_unenrolled_chat_can_only_start(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=False)
    try:
        await h.say("head_bdv", "/viec")
        assert last_text(h, "head_bdv") == texts.NOT_ENROLLED
        await h.say("head_bdv", "/start")
        assert last_text(h, "head_bdv").startswith(texts.NOT_ENROLLED + "\nMã Telegram của đồng chí: ")
        await h.say("head_bdv", "/start khong-hop-le")
        assert "Mã mời không hợp lệ" in last_text(h, "head_bdv")
    finally:
        await h.stop()


async def test_invite_link_enrolls_a_person(db_url: str) -> None:
    from bot.settings import load_settings

    clock = FakeClock(local(2018, 2, 26, 9, 0))
    settings = load_settings(environ={"NHACVIEC_ADMIN_IDS": "555"}, env_file=None)
    h = Harness(db_url=db_url, clock=clock, settings=settings)
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=False)
    try:
        h.add_person("boss", "Quản trị Hệ thống", user_id=555)
        await h.say("boss", "/start")
        assert "Kính chào đồng chí Quản trị Hệ thống" in last_text(h, "boss")
        await h.say("boss", "/moi Le Van Dan")  # a clerk types the name (here without marks), not the handle
        assert "t.me/nhacviec_bot?start=" in last_text(h, "boss") and "Lê Văn Dân" in last_text(h, "boss")
        await h.say("boss", "/moi Lê Văn Không Có")
        assert last_text(h, "boss").startswith("Không tìm thấy cán bộ có mã hoặc họ tên “Lê Văn Không Có”")
        await h.say("boss", "/moi head_bdv")
        assert "t.me/nhacviec_bot?start=" in last_text(h, "boss")
        await h.open_invite("head_bdv")
        assert "Kính chào đồng chí Lê Văn Dân" in last_text(h, "head_bdv")
        await h.say("head_bdv", "/viec")
        assert "không có nhiệm vụ nào" in last_text(h, "head_bdv")
        # the code works once
        await h.say("cadre_bdv", "/start " + last_text(h, "boss").split("?start=")[1].split()[0])
        assert "Mã mời không hợp lệ" in last_text(h, "cadre_bdv")
        assert count(h, AuditLog, AuditLog.action == "invite.redeem") == 1
    finally:
        await h.stop()


LATE_NOTICE = ("Kính gửi: Sở Tài nguyên và Môi trường\n"
               "Phó Chủ tịch UBND tỉnh có ý kiến như sau:\n"
               "Sở Tài nguyên và Môi trường chủ trì rà soát cơ sở gây ô nhiễm, báo cáo trước ngày 02/3/2018.")


async def test_a_late_task_is_listed_every_second_working_day_then_weekly(harness: Harness) -> None:
    h = harness
    await h.say("admin", LATE_NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2018, 3, 30, 12, 0))
    digests = [s for s in h.sent if s.to == "head_stnmt"][1:]  # after the assignment message
    days = [s.at.astimezone(local(2018, 1, 1).tzinfo).date().isoformat() for s in digests]
    # session 23: late on 5/3, 7/3 and 9/3 (the 1st, 3rd and 5th working days; on 9/3 the leader is told and the
    # head's line says so), then Mondays — not five mornings in a row
    assert days == ["2018-02-27", "2018-03-02", "2018-03-05", "2018-03-07", "2018-03-09", "2018-03-12", "2018-03-19",
                    "2018-03-26"]
    told = "hôm nay Nhắc việc đã báo lãnh đạo phụ trách để nắm tình hình"
    assert [told in (s.text or "") for s in digests] == [d == "2018-03-09" for d in days]
    assert [s for s in h.sent if s.to == "leader" and "quá hạn 5 ngày làm việc" in (s.text or "")]


async def test_overdue_tasks_back_off_and_escalate_once_to_the_leader(db_url: str) -> None:
    # the daily overdue lines of before session 23 (NHACVIEC_OVERDUE_EVERY_DAYS=1), with the quiet cadence on top
    from bot.settings import load_settings

    settings = load_settings(environ={"NHACVIEC_OVERDUE_EVERY_DAYS": "1"}, env_file=None)
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)), settings=settings)
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await _overdue_daily(h)
    finally:
        await h.stop()


async def _overdue_daily(h: Harness) -> None:
    await h.say("admin", LATE_NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2018, 3, 30, 12, 0))
    digests = [s for s in h.sent if s.to == "head_stnmt"][1:]  # after the assignment message
    days = [s.at.astimezone(local(2018, 1, 1).tzinfo).date().isoformat() for s in digests]
    # registered Mon 26/2, due Fri 2/3: Tue 27/2 before (announced once: not again on Thu 1/3, session 22), the day
    # itself, overdue daily (5/3 …), then weekly on Mondays; the head never answers, so after digests on five working
    # days in a row (2/3 … 8/3) a digest that only repeats waits for the weekly one (Monday 12/3) — but on 9/3 the
    # task goes to the leader, and the head's own line says so that day
    assert days == ["2018-02-27", "2018-03-02", "2018-03-05", "2018-03-06", "2018-03-07", "2018-03-08",
                    "2018-03-09", "2018-03-12", "2018-03-19", "2018-03-26"]
    texts_ = [s.text or "" for s in digests]
    told = "hôm nay Nhắc việc đã báo lãnh đạo phụ trách để nắm tình hình"
    assert [told in t for t in texts_] == [d == "2018-03-09" for d in days]
    assert "quá hạn 5 ngày làm việc — Chưa cập nhật\n  (Do nhiệm vụ đã quá hạn, " + told in texts_[6]
    assert "còn 3 ngày làm việc" in texts_[0] and not any("còn 1 ngày làm việc" in t for t in texts_)
    assert "hạn hôm nay 02/03/2018" in texts_[1] and "quá hạn 1 ngày làm việc" in texts_[2]
    assert not any("-" in t.split("còn ")[-1][:3] for t in texts_ if "còn " in t), "never a negative count"
    assert [texts.QUIET_NOTE in t for t in texts_[-4:]] == [False, True, True, True], "the weekly ones say why"
    to_leader = [s for s in h.sent if s.to == "leader"]
    weekly = [s for s in to_leader if "tình hình thực hiện nhiệm vụ trong tuần" in (s.text or "")]
    assert [s.at.astimezone(local(2018, 1, 1).tzinfo).date().isoformat() for s in weekly] == [
        "2018-03-09", "2018-03-16", "2018-03-23"]  # Friday afternoons (02/03: nothing to tell)
    to_leader = [s for s in to_leader if s not in weekly]
    assert len(to_leader) == 1 and "quá hạn 5 ngày làm việc" in (to_leader[0].text or "")
    assert "Chủ trì: Sở Tài nguyên và Môi trường, đ/c Trần Văn Môi" in (to_leader[0].text or "")
    assert to_leader[0].buttons == []
    # the admin sees who is reminded weekly only, and since when: his first weekly digest (nothing was held in between:
    # his 08/03 line went out as the fifth day in a row, the later repeats fell on Mondays)
    await h.say("admin", "/loi")
    assert ("Chỉ nhắc lại hằng tuần (thứ Hai) vì chưa phản hồi sau 5 ngày làm việc được nhắc liền (1):\n"
            "• đ/c Trần Văn Môi (Sở Tài nguyên và Môi trường) — từ 12/03/2018\n") in last_text(h, "admin")
    await h.say("head_stnmt", "1 đang thực hiện 40%")
    await h.say("admin", "/loi")
    assert "Chỉ nhắc lại hằng tuần" not in last_text(h, "admin"), "an answer takes him off the list"


async def test_admin_corrects_the_lead_unit_and_deadline_before_confirming(harness: Harness) -> None:
    h = harness
    notice = ("Kính gửi: Sở Xây dựng\n"
              "Chủ tịch UBND tỉnh có ý kiến như sau:\n"
              "1. Sở Xây dựng chủ trì kiểm tra các công trình, báo cáo trước ngày 15/3/2018.\n"
              "2. Ban Dân vận Tỉnh ủy phối hợp tuyên truyền trong nhân dân.\n"
              "3. Sở Xây dựng tổng hợp kết quả.")
    await h.say("admin", notice)
    first_preview = last_text(h, "admin")
    assert "1. [Mục 1]" in first_preview and "Sở Xây dựng (chưa có trong danh bạ)" in first_preview
    await h.reply("admin", "1: Sở Tài nguyên và Môi trường\n1 hạn 30/4/2018\nbỏ 3")
    corrected = last_text(h, "admin")  # one message: what changed, and the tasks it touched as they now read
    assert corrected.startswith("Đã sửa 3 nội dung:")
    assert "Chủ trì: Sở Tài nguyên và Môi trường — giao đ/c Trần Văn Môi" in corrected
    assert "30/04/2018" in corrected and "[Mục 3]" not in corrected and "[Mục 2]" not in corrected
    # a deadline on a day off is said where it runs to, before anyone is reminded of it
    assert "(hạn 30/04/2018 rơi vào" in corrected and "tính đến hết 02/05/2018)" in corrected, corrected
    assert "Danh sách hiện có 2 nhiệm vụ; gõ “xem tất cả”" in corrected
    await h.say("admin", "xem tất cả")
    assert "2. [Mục 2] Ban Dân vận Tỉnh ủy" in last_text(h, "admin") and "[Mục 3]" not in last_text(h, "admin")
    # only the newest list keeps its buttons
    assert [m.buttons for m in h.state.bot_messages(h.handles["admin"]) if m.buttons] == [
        [texts.BUTTON_CONFIRM, texts.BUTTON_CANCEL]]
    await h.reply("admin", "không phải sửa đổi")
    assert "Không hiểu dòng" in last_text(h, "admin")
    await h.tap("admin", texts.BUTTON_CONFIRM)
    assert h.db is not None
    tasks = h.db.call(lambda s: [(t.item_ref, t.assignee_id is not None, t.due_on) for t in
                                 s.scalars(select(Task).order_by(Task.position))])
    import datetime as dt
    assert tasks[0] == ("1", True, dt.date(2018, 4, 30)) and len(tasks) == 2
    assert count(h, AuditLog, AuditLog.action == "notice.correct") == 1


async def test_admin_adds_a_missed_task_and_sets_supporting_units_and_wording(harness: Harness) -> None:
    h = harness
    notice = ("Kính gửi: Sở Tài nguyên và Môi trường\n"
              "Chủ tịch UBND tỉnh có ý kiến như sau:\n"
              "1. Sở Tài nguyên và Môi trường chủ trì kiểm tra các bãi rác, báo cáo trước ngày 15/3/2018.\n"
              "2. Ban Dân vận Tỉnh ủy tuyên truyền trong nhân dân.")
    await h.say("admin", notice)
    await h.reply("admin", "thêm: Sở Tài nguyên và Môi trường rà soát các cơ sở gây ô nhiễm, phối hợp với "
                           "Ban Dân vận Tỉnh ủy, báo cáo trước ngày 20/4\n"
                           "2 phối hợp: Sở Tài nguyên và Môi trường\n"
                           "1 nội dung: Kiểm tra các bãi rác trên toàn tỉnh, báo cáo trước ngày 15/3/2018.")
    corrected = last_text(h, "admin")
    assert corrected.startswith("Đã sửa 3 nội dung:")
    assert "3. [Mục 3] Sở Tài nguyên và Môi trường rà soát các cơ sở gây ô nhiễm" in corrected
    assert "20/04/2018" in corrected and "1. [Mục 1] Kiểm tra các bãi rác trên toàn tỉnh" in corrected
    await h.reply("admin", "them muc 3: Ban Dân vận Tỉnh ủy báo cáo hằng tháng")  # the number is taken
    assert "Đã có nhiệm vụ “Mục 3”" in last_text(h, "admin")
    await h.tap("admin", texts.BUTTON_CONFIRM)
    assert h.db is not None
    tasks = h.db.call(lambda s: [(t.item_ref, t.text[:30], t.support_unit_names, t.due_on, t.assignee_id is not None)
                                 for t in s.scalars(select(Task).order_by(Task.position))])
    import datetime as dt
    assert [t[0] for t in tasks] == ["1", "2", "3"]
    assert tasks[0][1] == "Kiểm tra các bãi rác trên toàn"
    assert tasks[1][2] == ["Sở Tài nguyên và Môi trường"]
    assert tasks[2][2] == ["Ban Dân vận Tỉnh ủy"] and tasks[2][3] == dt.date(2018, 4, 20) and tasks[2][4]


async def test_a_group_as_lead_is_shown_as_its_members_and_each_is_told(harness: Harness) -> None:
    h = harness
    notice = ("Chủ tịch UBND tỉnh có ý kiến như sau:\n"
              "1. Giao các sở, ban, ngành rà soát thủ tục hành chính, báo cáo trước ngày 15/3/2018.\n"
              "2. Giao Sở Tài nguyên và Môi trường, Ban Dân vận Tỉnh ủy tuyên truyền về bảo vệ môi trường.\n"
              "3. Giao các đơn vị liên quan theo dõi, đôn đốc.")
    await h.say("admin", notice)
    preview = last_text(h, "admin")
    assert ("Chủ trì: các sở, ban, ngành — 1 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: "
            "Sở Tài nguyên và Môi trường") in preview  # not the Party's board
    assert ("Chủ trì (mỗi đơn vị một nhiệm vụ):\n     – Sở Tài nguyên và Môi trường — giao đ/c Trần Văn Môi\n"
            "     – Ban Dân vận Tỉnh ủy — giao đ/c Lê Văn Dân") in preview
    assert "các đơn vị liên quan (nhóm đơn vị; chưa xác định được đơn vị cụ thể" in preview
    await h.tap("admin", texts.BUTTON_CONFIRM)
    assert "Mục 3: các đơn vị liên quan" in last_text(h, "admin")
    assert "• Mục 2 → 2 đồng chí: Trần Văn Môi, Lê Văn Dân" in last_text(h, "admin")  # one line an item
    told = [s.text or "" for s in h.sent if s.to == "head_bdv"]
    assert len(told) == 1 and "Mục 2" in told[0] and "Mục 1" not in told[0]


async def test_a_draft_keeps_its_numbers_says_what_changed_and_reads_lines_meant_for_it(harness: Harness) -> None:
    h = harness
    notice = ("Kính gửi: Sở Tài nguyên và Môi trường\n"
              "Chủ tịch UBND tỉnh có ý kiến như sau:\n"
              "1. Sở Tài nguyên và Môi trường chủ trì kiểm tra các bãi rác, báo cáo trước ngày 15/3/2018.\n"
              "2. Sở Xây dựng rà soát quy hoạch các khu xử lý chất thải rắn trên địa bàn toàn tỉnh, đề xuất "
              "phương án đầu tư, bố trí vốn và lộ trình đóng cửa các bãi chôn lấp không hợp vệ sinh, báo cáo UBND "
              "tỉnh trong quý II năm 2018.\n"
              "3. Ban Dân vận Tỉnh ủy tuyên truyền trong nhân dân.")
    await h.say("admin", notice)
    assert "Lưu ý: chưa có người nhận ở nhiệm vụ số 2 (Sở Xây dựng)" in last_text(h, "admin")
    await h.reply("admin", "bỏ 1")
    assert "• bỏ nhiệm vụ 1 (Mục 1)" in last_text(h, "admin")
    assert "Lưu ý: còn 1 nhiệm vụ chưa có người nhận: số 2." in last_text(h, "admin")  # said short, once explained
    await h.say("admin", "xem lại danh sách")
    preview = last_text(h, "admin")
    assert "2. [Mục 2]" in preview and "3. [Mục 3]" in preview  # the numbers read before stay
    await h.reply("admin", "3 phoi hop: Sở Tài nguyên và Môi trường")
    assert "• nhiệm vụ 3 (Mục 3), phối hợp: Sở Tài nguyên và Môi trường" in last_text(h, "admin")
    await h.say("admin", "xem 2")
    assert last_text(h, "admin").startswith("Nhiệm vụ 2 [Mục 2]:\nSở Xây dựng rà soát quy hoạch")
    assert "lộ trình đóng cửa các bãi chôn lấp không hợp vệ sinh" in last_text(h, "admin")  # whole
    for asked in ("xem đầy đủ mục 3", "3?"):
        await h.say("admin", asked)
        assert last_text(h, "admin").startswith("Nhiệm vụ 3 [Mục 3]:\nBan Dân vận Tỉnh ủy tuyên truyền")
    await h.say("admin", "xem 9")
    assert last_text(h, "admin") == "Danh sách không có nhiệm vụ số 9."
    await h.say("admin", "2, 3 hạn trước Tết ta")  # meant for the draft: explained, not a progress report
    assert "Không hiểu thời hạn" in last_text(h, "admin")
    await h.reply("admin", "2: Sở Tài nguyên và Môi trường")  # a reply to that error still corrects the draft
    assert "• nhiệm vụ 2 (Mục 2), chủ trì: Sở Tài nguyên và Môi trường" in last_text(h, "admin")
    assert "Lưu ý" not in last_text(h, "admin")
    await h.say("admin", "số: 125/TB-UBND")
    assert "• số văn bản: 125/TB-UBND" in last_text(h, "admin")
    await h.say("admin", "xem tất cả")
    assert "125/TB-UBND" in last_text(h, "admin").splitlines()[0]
    await h.say("admin", "xác nhận")
    await h.say("admin", "thêm: Sở Xây dựng báo cáo kết quả trước ngày 30/6/2018")  # the draft is gone
    assert last_text(h, "admin") == texts.NO_OPEN_DRAFT


DEV_070 = __import__("tests.conftest", fromlist=["SHARED"]).SHARED / "corpus" / "dev-files" / \
    "070_laocai-sct-tb-1894-ket-qua-kiem-tra-vlncn-2026.pdf"


@pytest.mark.skipif(not DEV_070.exists(), reason="dev files not present")
async def test_a_photo_of_a_notice_is_read_by_ocr(harness: Harness) -> None:
    import io

    import pypdfium2 as pdfium

    from bot.ingest.files import ocr_available

    if not ocr_available():
        pytest.skip("tesseract with Vietnamese data is not installed (scripts/test.sh installs it as root)")
    pdf = pdfium.PdfDocument(DEV_070.read_bytes())
    buf = io.BytesIO()
    pdf[1].render(scale=200 / 72).to_pil().save(buf, format="JPEG", quality=90)  # page 2: the tasks
    pdf.close()
    await harness.send_photo("admin", buf.getvalue())
    texts_to_admin = [s.text or "" for s in harness.sent if s.to == "admin"]
    assert texts_to_admin[0] == texts.READING
    assert "nhiệm vụ" in texts_to_admin[-1] and harness.last_with_button("admin", texts.BUTTON_CONFIRM)
    assert sum("nhận dạng chữ (OCR)" in t for t in texts_to_admin) == 1, "the preview says the text came from OCR, once"
    preview = texts_to_admin[-1]
    misread = preview[preview.index("có thể đọc sai"):preview.index("Nhắc việc nhận diện")]
    assert "“VUNCN” (VLNCN?) — nhiệm vụ 3" in misread, "an acronym the page writes otherwise (VLNCN) elsewhere"
    assert "(nổ mìn?)" in misread and "Để sửa, đồng chí gõ “1 nd: …”" in misread  # a diacritic misread, how to fix
    assert texts.OCR_NOTE not in preview, "the general note gives way to the words themselves"


async def test_an_extension_request_goes_to_approvers_and_moves_the_deadline(harness: Harness) -> None:
    import datetime as dt

    h = harness
    notice = ("Kính gửi: Ban Dân vận Tỉnh ủy\nĐồng chí Phó Bí thư Thường trực Tỉnh ủy kết luận như sau:\n"
              "Ban Dân vận Tỉnh ủy chủ trì rà soát quy chế làm việc, hoàn thành trước ngày 09/3/2018.")
    await h.say("admin", notice)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2018, 3, 6, 8, 0))  # the 3-days-before reminder
    assert "còn 3 ngày làm việc" in last_text(h, "head_bdv")
    await h.reply("head_bdv", "xin gia hạn đến 30/3 vì chờ ý kiến các ban")
    assert "Đề nghị gia hạn đến 30/03/2018" in last_text(h, "head_bdv")
    for approver in ("admin", "leader"):
        request = h.last_with_button(approver, texts.BUTTON_APPROVE)
        assert "đồng chí Lê Văn Dân (Ban Dân vận Tỉnh ủy) đề nghị gia hạn nhiệm vụ mục 1" in (request.text or "")
        assert "đề nghị gia hạn đến: 30/03/2018" in (request.text or "")
    await h.tap("leader", texts.BUTTON_APPROVE)
    assert last_text(h, "leader").startswith("Đã gia hạn đến 30/03/2018: nhiệm vụ mục 1")
    assert "Kính gửi đồng chí Lê Văn Dân, đ/c Huỳnh Thanh Cảnh đã đồng ý" in last_text(h, "head_bdv")
    assert h.db is not None
    task = h.db.call(lambda s: s.scalars(select(Task)).one())
    assert (task.due_on, task.status) == (dt.date(2018, 3, 30), TaskStatus.EXTENDED)
    # the ladder follows the new deadline: nothing overdue, announced once 3 working days before it, then on the day
    await h.advance_to(local(2018, 3, 30, 9, 0))
    to_head = [s for s in h.sent if s.to == "head_bdv" and "Nhắc việc" in (s.text or "")
               and s.at >= local(2018, 3, 7, 0, 0)]
    assert not any("quá hạn" in (s.text or "") for s in to_head)
    assert [s.at.astimezone(local(2018, 1, 1).tzinfo).date().isoformat() for s in to_head] == [
        "2018-03-27", "2018-03-30"]
    # the other approver's request message now says who decided, without buttons; a stale copy of one is refused
    stale = next(m for m in h.state.bot_messages(h.handles["admin"])
                 if "đã được đ/c Huỳnh Thanh Cảnh quyết định" in (m.text or ""))
    assert stale.buttons == [] and stale.edited
    report_id = h.db.call(lambda s: s.scalars(select(StatusReport.id).where(StatusReport.decision == "approved")).one())
    await h.deliver(h.state.user_tap(h.handles["admin"], stale, f"x:{report_id}:no"))
    assert "đã được xử lý (đồng ý) bởi đ/c Huỳnh Thanh Cảnh" in last_text(h, "admin")


async def test_a_deadline_already_past_when_loaded_is_pointed_out(harness: Harness) -> None:
    h = harness
    notice = ("Kính gửi: Sở Tài nguyên và Môi trường\n"
              "Chủ tịch UBND tỉnh có ý kiến như sau:\n"
              "1. Sở Tài nguyên và Môi trường kiểm tra các bãi rác, báo cáo trước ngày 15/1/2018.\n"
              "2. Sở Tài nguyên và Môi trường rà soát các mỏ đá, báo cáo trước ngày 30/4/2018.\n")
    await h.say("admin", notice)
    preview = last_text(h, "admin")
    assert "Lưu ý: thời hạn đã qua ở nhiệm vụ số 1 (15/01/2018)." in preview and "số 2 (" not in preview
    await h.reply("admin", "1 hạn 30/3/2018")
    assert "thời hạn đã qua" not in last_text(h, "admin")


async def test_a_blocked_tap_asks_what_is_in_the_way_and_the_reason_needs_no_second_ask(harness: Harness) -> None:
    h = harness
    await load_seed(h)
    await h.advance_to(local(2018, 3, 12, 8, 0))
    await open_card(h, "head_bdv", "2.2.a")
    await h.tap("head_bdv", "Vướng mắc", containing="Mục 2.2.a")
    told = last_text(h, "head_bdv")
    assert "mục 2.2.a — Vướng mắc" in told and "trả lời tin này để nêu cụ thể vướng mắc" in told
    await h.reply("head_bdv", "vướng kinh phí khảo sát")
    told = last_text(h, "head_bdv")
    assert "Nội dung: vướng kinh phí khảo sát" in told and "nêu cụ thể" not in told
    await h.say("head_bdv", "2.3.a vướng chờ ý kiến Sở Tài chính")
    assert "nêu cụ thể" not in last_text(h, "head_bdv"), "the reason came with the status"
