"""What the new-user month probe 36 met with item numbers typed as printed ("4.3" for the third dash bullet II.4.c
of section II), read in progress replies but not elsewhere: a leader's extension decision (F1), /giao (F2), a "xong"
taken back (F3), an extension asked on a section whose items have no deadline (F6), who holds an item asked by its
section or printed number (F7), and "(đoạn 1)" on a section of one paragraph (F9). Through the real conversation core
and the Telegram sandbox on a real database."""

from __future__ import annotations

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Person, StatusReport, Task, TaskStatus
from tests.bot.conversation_setup import last_text, task, texts_to
from tests.conftest import local

DIRECTORY = """handle,full_name,title,unit,role
admin,Nguyễn Thị Mỹ Hạnh,Chuyên viên Phòng Công tác HĐND,Văn phòng HĐND tỉnh,admin
leader,Võ Văn Minh,Chủ tịch HĐND tỉnh,HĐND tỉnh,leader
tb_pc,Phạm Thành Kiên,Trưởng Ban Pháp chế,Ban Pháp chế HĐND tỉnh,head
cv_pc,Đặng Ngọc Trâm,Chuyên viên Ban Pháp chế,Ban Pháp chế HĐND tỉnh,cadre
tb_ktns,Nguyễn Văn Dũng,Trưởng Ban Kinh tế - Ngân sách,Ban Kinh tế - Ngân sách HĐND tỉnh,head
tb_dt,Lê Hoàng Phúc,Trưởng Ban Đô thị,Ban Đô thị HĐND tỉnh,head
"""

NOTICE = ("VĂN PHÒNG HĐND TỈNH\nSố: 31/TB-VP\nTây Ninh, ngày 29 tháng 07 năm 2026\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch HĐND tỉnh tại cuộc họp giao ban tuần thứ 30\n"
          "I. THÀNH PHẦN THAM DỰ\n"
          "Thường trực HĐND tỉnh, lãnh đạo các Ban HĐND tỉnh.\n"
          "II. NỘI DUNG\n"
          "1. Về công tác chuẩn bị kỳ họp\n"
          "Đề nghị các Ban HĐND tỉnh theo lĩnh vực phụ trách tiếp tục chủ động tham mưu Thường trực theo dõi, đôn đốc "
          "các Sở, ngành về tiến độ chuẩn bị các dự thảo Nghị quyết trình kỳ họp.\n"
          "2. Giao Ban Pháp chế\n"
          "- Chủ trì, phối hợp các Ban HĐND tham mưu chuẩn bị nội dung làm việc giữa Chủ tịch HĐND với Chủ tịch "
          "UBND tỉnh về các dự án đầu tư tồn đọng, hoàn thành trước ngày 20/8/2026.\n"
          "- Tiếp tục chủ trì, phối hợp các Ban HĐND hoàn thiện phương án cơ cấu tổ chức các Ban của HĐND tỉnh.\n"
          "- Khẩn trương hoàn thành việc rà soát các Nghị quyết quy phạm pháp luật do HĐND tỉnh ban hành, hoàn "
          "thành trước ngày 14/8/2026.\n"
          "3. Giao Ban Kinh tế - Ngân sách\n"
          "- Tiếp tục tập trung giám sát chuyên đề công tác sắp xếp, xử lý tài sản công, báo cáo Thường trực HĐND "
          "theo kế hoạch.\n"
          "- Phối hợp Ban Pháp chế tham mưu Thường trực HĐND đề nghị UBND tỉnh sớm thống nhất chủ trương về mức chi "
          "đối với các chính sách an sinh xã hội.\n"
          "4. Giao Ban Đô thị\n"
          "- Chủ động trao đổi với Sở Xây dựng đề nghị sớm tham mưu UBND tỉnh phân cấp sử dụng vốn kiến thiết "
          "thị chính.\n"
          "- Phối hợp Sở Xây dựng đẩy nhanh tiến độ lập quy hoạch đô thị của tỉnh.\n")


async def _started(db_url: str) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 7, 29, 9, 0)))  # a Wednesday
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await h.say("admin", NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    assert task(h, "II.2.c").status == TaskStatus.OPEN and task(h, "II.2.c").due_on is not None
    return h


async def test_a_section_of_one_paragraph_is_numbered_as_printed(db_url: str) -> None:
    """F9: "II.1 (đoạn 1)" in every example and button of the heads; the paper prints "1." over one paragraph."""
    h = await _started(db_url)
    try:
        refs = h.db.call(lambda s: sorted({t.item_ref for t in s.query(Task)}))  # type: ignore[union-attr]
        assert "II.1" in refs and not any("đoạn" in r for r in refs), refs
        assert not any("đoạn" in m.text for m in h.sent if m.text), [m.text for m in h.sent if "đoạn" in m.text]
    finally:
        await h.stop()


async def test_a_leaders_decision_reads_the_printed_number_as_the_request_did(db_url: str) -> None:
    """F1: "đồng ý gia hạn 4.3 đến 15/9" → "Không có đề nghị gia hạn nào cho mục 4.3", although the cadre's
    "xin gia hạn mục 4.3" had been read as II.4.c."""
    h = await _started(db_url)
    try:
        await h.say("tb_pc", "xin gia hạn mục 2.3 đến 30/9 vì Sở Tư pháp chưa có danh mục")
        assert "II.2.c" in last_text(h, "tb_pc")
        h.clock.set(local(2026, 7, 30, 9, 0))
        await h.say("leader", "đồng ý gia hạn 2.4 đến 15/9")  # no such item: the request waiting on him is shown
        said = last_text(h, "leader")
        assert "Không có đề nghị gia hạn nào cho mục 2.4" in said and "gõ “đồng ý gia hạn II.2.c" in said, said
        await h.say("leader", "đồng ý gia hạn 2.3 đến 15/9")
        said = last_text(h, "leader")
        assert "Không có đề nghị" not in said and "II.2.c" in said, said
        assert str(task(h, "II.2.c").due_on) == "2026-09-15"
    finally:
        await h.stop()


async def test_giao_reads_the_printed_number(db_url: str) -> None:
    """F2: "/giao 4.3 @cv_pc" → "Không có nhiệm vụ mục 4.3 …": the cadre never got the task."""
    h = await _started(db_url)
    try:
        mark = len(h.sent)
        await h.say("tb_pc", "/giao 2.3 @cv_pc")
        said = last_text(h, "tb_pc")
        assert "Không có nhiệm vụ" not in said, said
        cadre = h.db.call(lambda s: s.query(Person).filter_by(handle="cv_pc").one().id)  # type: ignore[union-attr]
        assert task(h, "II.2.c").assignee_id == cadre
        assert any("II.2.c" in t for t in texts_to(h, "cv_pc", mark)), texts_to(h, "cv_pc", mark)
        # the cadre's "xong" typed by mistake, taken back: the head, told of the "xong", is told of the correction
        await h.say("cv_pc", "2.3 xong")
        assert "Hoàn thành" in last_text(h, "tb_pc"), last_text(h, "tb_pc")
        mark = len(h.sent)
        await h.say("cv_pc", "em báo nhầm, 2.3 mới đạt 50%")
        assert task(h, "II.2.c").status != TaskStatus.DONE and task(h, "II.2.c").percent == 50
        told = "\n".join(texts_to(h, "tb_pc", mark))
        assert "II.2.c" in told and "50%" in told, told
    finally:
        await h.stop()


async def test_a_done_typed_by_mistake_is_taken_back(db_url: str) -> None:
    """F3: "mục 3.2 xong" then "nhầm, mục 3.2 mới đạt 30%" → "đã hoàn thành …; tình trạng được giữ nguyên", and
    "mở lại 3.2" → "Không có nhiệm vụ mục 3.2 đã hoàn thành"."""
    h = await _started(db_url)
    try:
        await h.say("tb_ktns", "mục 3.2 xong")
        assert task(h, "II.3.b").status == TaskStatus.DONE
        await h.reply("tb_ktns", "nhầm, mục 3.2 mới đạt 30%, còn chờ UBND tỉnh có ý kiến")
        said = last_text(h, "tb_ktns")
        assert "giữ nguyên" not in said and "Đã sửa" in said and "30%" in said, said
        corrected = task(h, "II.3.b")
        assert corrected.status != TaskStatus.DONE and corrected.percent == 30 and corrected.done_at is None
        history = h.db.call(lambda s: [r.status for r in s.query(StatusReport).filter_by(
            task_id=corrected.id).order_by(StatusReport.id)])  # type: ignore[union-attr]
        assert history[0] == TaskStatus.DONE and len(history) == 2, history  # both kept
        assert "còn chờ UBND tỉnh" in (h.db.call(lambda s: s.query(StatusReport).order_by(  # type: ignore[union-attr]
            StatusReport.id.desc()).first().note) or "")
        await h.say("tb_ktns", "mở lại 3.2")  # taken back already: said so, not "no such item"
        said = last_text(h, "tb_ktns")
        assert said.startswith("Mục II.3.b chưa ghi hoàn thành (đang thực hiện) nên không cần mở lại"), said
        await h.say("tb_ktns", "3.2 xong")
        assert task(h, "II.3.b").status == TaskStatus.DONE
        await h.say("tb_ktns", "mở lại 3.2")  # the printed number, as "3.2 xong" was read
        said = last_text(h, "tb_ktns")
        assert "Không có nhiệm vụ" not in said and task(h, "II.3.b").status != TaskStatus.DONE, said
    finally:
        await h.stop()


async def test_a_correction_without_an_item_number_takes_back_the_last_done(db_url: str) -> None:
    """F3 on Zalo (no reply): "em báo nhầm, chưa xong ạ" right after "3.2 xong" is about that "xong"."""
    h = await _started(db_url)
    try:
        await h.say("tb_ktns", "3.2 xong")
        await h.say("tb_ktns", "em báo nhầm, chưa xong ạ")
        assert task(h, "II.3.b").status != TaskStatus.DONE, last_text(h, "tb_ktns")
        assert "Đã sửa" in last_text(h, "tb_ktns"), last_text(h, "tb_ktns")
    finally:
        await h.stop()


async def test_a_late_correction_is_not_taken_without_reopening(db_url: str) -> None:
    """F3, the window: a "nhầm" days after the "xong" is not a correction of it (the task stays done)."""
    h = await _started(db_url)
    try:
        await h.say("tb_ktns", "mục 3.2 xong")
        h.clock.set(local(2026, 8, 5, 9, 0))
        await h.say("tb_ktns", "nhầm, mục 3.2 mới đạt 30%")
        assert task(h, "II.3.b").status == TaskStatus.DONE, last_text(h, "tb_ktns")
    finally:
        await h.stop()


async def test_an_extension_on_a_section_without_deadlines_says_so(db_url: str) -> None:
    """F6: "xin gia hạn mục 6 đến 30/9" asked "là của nhiệm vụ nào? [II.6.a] [II.6.b]", both without a deadline."""
    h = await _started(db_url)
    try:
        await h.say("tb_dt", "xin gia hạn mục 4 đến 30/9")
        said = last_text(h, "tb_dt")
        assert "không có thời hạn" in said and "không cần gia hạn" in said and "II.4.a" in said, said
        assert "nhiệm vụ nào" not in said, said
        assert task(h, "II.4.a").status == TaskStatus.OPEN and task(h, "II.4.b").status == TaskStatus.OPEN
    finally:
        await h.stop()


async def test_who_holds_a_section_or_a_printed_number_is_answered(db_url: str) -> None:
    """F7: "mục 5 giao ai? …" and "ai phụ trách mục 7.2?" went to the office as "CÂU HỎI SỐ N", unanswered."""
    h = await _started(db_url)
    try:
        mark = len(h.sent)
        await h.say("tb_dt", "mục 3 giao ai? ban Đô thị có phải báo cáo phần phối hợp không")
        said = last_text(h, "tb_dt")
        assert "CÂU HỎI" not in said and "II.3.a" in said and "II.3.b" in said, said
        assert said.startswith("Mục II.3 (II.3.a–II.3.b) do Ban Kinh tế - Ngân sách HĐND tỉnh chủ trì "
                               "(đ/c Nguyễn Văn Dũng):"), said  # the section's holder said once
        await h.say("cv_pc", "mục 3 giao ai? ban Pháp chế có phải báo cáo phần phối hợp không")
        said = last_text(h, "cv_pc")
        assert "Ban Pháp chế HĐND tỉnh (đơn vị đồng chí) phối hợp mục II.3.b: đơn vị chủ trì báo cáo" in said, said
        await h.say("cv_pc", "ai phụ trách mục 4.2?")
        said = last_text(h, "cv_pc")
        assert "CÂU HỎI" not in said and "II.4.b" in said and "Ban Đô thị" in said, said
        assert not any("CÂU HỎI" in t for t in texts_to(h, "admin", mark)), texts_to(h, "admin", mark)
    finally:
        await h.stop()
