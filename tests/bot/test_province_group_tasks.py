"""A province's letter whose items are given to groups ("Các sở, ban, ngành, UBND các huyện, thành phố …"), through the
sandbox (probe 17): each member reads its items by their work, not by the group's name, which filled the whole line
and made the items look alike; the leader's "đơn vị nào chưa gửi danh sách?" names the late units (the words after
it named no unit and filtered every task out: "no unit is late"); "Văn phòng gửi tôi báo cáo … Công văn 312 để chuyển
…" is the report of that notice, with the file to forward; the weekly summary names a duty's last round once."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import last_text, texts_to
from tests.conftest import local

TINH = ("handle,full_name,title,unit,role\n"
        "vanthu,Trần Thị Hương,Chuyên viên Văn phòng UBND tỉnh,Văn phòng UBND tỉnh,admin\n"
        "chutich,Nguyễn Đức Trung,Chủ tịch UBND tỉnh,Thường trực UBND tỉnh,leader\n"
        "pct,Bùi Đình Long,Phó Chủ tịch UBND tỉnh,Thường trực UBND tỉnh,leader\n"
        "gd_syt,Dương Đình Chỉnh,Giám đốc Sở Y tế,Sở Y tế,head\n"
        "gd_sct,Phạm Văn Hóa,Giám đốc Sở Công Thương,Sở Công Thương,head\n"
        "ct_vinh,Trần Ngọc Tú,Chủ tịch UBND thành phố Vinh,UBND thành phố Vinh,head\n"
        "ct_nghiloc,Võ Văn Hưng,Chủ tịch UBND huyện Nghi Lộc,UBND huyện Nghi Lộc,head\n")
NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "Số: 312/UBND-TH", "Nghệ An, ngày 03 tháng 02 năm 2025",
    "V/v triển khai Tháng hành động bảo đảm an toàn thực phẩm",
    "Kính gửi: Các sở, ban, ngành; UBND các huyện, thành phố.",
    "Chủ tịch UBND tỉnh có ý kiến như sau:",
    "1. Các sở, ban, ngành, UBND các huyện, thành phố phân công cán bộ đầu mối, gửi danh sách về Văn phòng UBND tỉnh "
    "trước ngày 07/02/2025.",
    "2. Các sở, ban, ngành, UBND các huyện, thành phố báo cáo kết quả thực hiện về Văn phòng UBND tỉnh trước ngày "
    "20/02/2025.",
    "3. Sở Công Thương báo cáo tình hình thị trường, giá cả hàng hóa trước 15 giờ thứ Sáu hằng tuần, đến hết ngày "
    "14/02/2025.",
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Đình Long", ""])


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2025, 2, 3, 9, 0)))
    await h.start(directory_csv=TINH.encode(), enroll_all=True)
    await h.say("vanthu", NOTICE)
    await h.tap("vanthu", "Xác nhận")
    yield h
    await h.stop()


async def test_a_member_of_the_group_reads_each_item_by_its_work(harness: Harness) -> None:
    assigned = last_text(harness, "gd_syt")
    assert "• Mục 1: Phân công cán bộ đầu mối, gửi danh sách về Văn phòng UBND tỉnh" in assigned, assigned
    assert "• Mục 2: Báo cáo kết quả thực hiện về Văn phòng UBND tỉnh" in assigned, assigned
    assert "Các sở, ban, ngành" not in assigned
    since = len(harness.sent)
    await harness.advance_to(local(2025, 2, 4, 8, 30))  # three working days before item 1's deadline
    digest = texts_to(harness, "ct_vinh", since)[-1]
    assert "• Mục 1: Phân công cán bộ đầu mối" in digest, digest


async def test_which_units_have_not_sent_names_the_late_ones(harness: Harness) -> None:
    await harness.say("gd_syt", "1 xong")
    await harness.say("gd_sct", "1 xong")
    await harness.say("ct_vinh", "1 xong")
    await harness.advance_to(local(2025, 2, 10, 9, 0))  # item 1 (07/02) overdue at Nghi Lộc only
    for asked in ("đơn vị nào chưa gửi danh sách cán bộ đầu mối?", "huyện nào chưa gửi danh sách?"):
        await harness.say("chutich", asked)
        answer = last_text(harness, "chutich")
        assert answer != texts.NOTHING_LATE and "không có" not in answer.split("\n")[0], answer
        assert "UBND huyện Nghi Lộc" in answer and "mục 1" in answer, answer
        assert "Sở Y tế" not in answer and "UBND thành phố Vinh" not in answer, answer
    # a unit that is named still filters: nothing late there
    await harness.say("chutich", "đơn vị nào chưa gửi, Sở Y tế?")
    assert "UBND huyện Nghi Lộc" not in last_text(harness, "chutich")


async def test_a_report_asked_of_the_office_to_pass_on_is_the_notices_report_with_its_file(harness: Harness) -> None:
    since = len(harness.sent)
    await harness.say("chutich", "Văn phòng gửi tôi báo cáo tình hình thực hiện Công văn 312 để chuyển Thường trực "
                                 "Tỉnh ủy")
    sent = [s for s in harness.sent[since:] if s.to == "chutich"]
    assert sent and sent[0].text and sent[0].text.startswith("TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"), sent
    assert "Phạm vi: Công văn số 312/UBND-TH ngày 03/02/2025" in sent[0].text, sent[0].text
    assert "Sở Y tế" in sent[0].text and "Văn phòng UBND tỉnh:" not in \
        sent[0].text.replace("về Văn phòng UBND tỉnh", ""), sent[0].text
    assert any(s.document and s.document.endswith(".xlsx") for s in sent), sent
    # "công văn 312/UBND-TH" typed in full, and the command, read the number the same way
    await harness.say("chutich", "/tonghop công văn 312/UBND-TH")
    assert "Công văn số 312/UBND-TH ngày 03/02/2025" in (last_text(harness, "chutich") + "".join(
        s.text or "" for s in harness.sent[-3:] if s.to == "chutich")), harness.sent[-3:]


async def test_the_weekly_summary_names_a_duty_s_last_round_once(harness: Harness) -> None:
    await harness.advance_to(local(2025, 2, 7, 10, 0))
    await harness.say("gd_sct", "3 xong")
    await harness.advance_to(local(2025, 2, 14, 10, 0))
    await harness.say("gd_sct", "3 xong")  # the last round: the series ends
    assert "đã hết các kỳ" in last_text(harness, "gd_sct"), last_text(harness, "gd_sct")
    since = len(harness.sent)
    await harness.advance_to(local(2025, 2, 14, 15, 30))
    weekly = next(t for t in texts_to(harness, "pct", since) if "trong tuần" in t)
    assert weekly.count("• Mục 3") == 1, weekly
    assert "kỳ tuần từ 10/02/2025" in weekly, weekly


async def test_the_preview_shows_a_duty_s_first_round_not_the_date_its_series_ends(harness: Harness) -> None:
    """"… trước 15 giờ thứ Sáu hằng tuần, đến hết ngày 14/02/2025": the preview said "Thời hạn: 14/02/2025" though
    confirmation registers the first weekly round (07/02) and the date only ends the series."""
    preview = next(s.text or "" for s in harness.sent if s.to == "vanthu" and "[Mục 3]" in (s.text or ""))
    assert "• Thời hạn: theo từng kỳ; kỳ đầu: tuần từ 03/02/2025, hạn 07/02/2025 (“đến hết ngày 14/02/2025”)" in \
        preview, preview
    assert "Nhiệm vụ định kỳ, kỳ đầu:\n• Mục 3: kỳ tuần từ 03/02/2025, hạn 07/02/2025" in \
        last_text(harness, "vanthu") or "hạn 07/02/2025" in last_text(harness, "vanthu"), last_text(harness, "vanthu")
