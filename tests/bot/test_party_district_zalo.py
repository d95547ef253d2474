"""A district Party committee's office whose people use Zalo (probe 18), through the sandbox: the Bí thư answers an
extension request the weekly summary shows him though the cadre's head was asked (he was told he had no authority,
and the task ran overdue to him); the clerk, on Zalo where no file reaches the bot, pastes the directory table
(it was read as a notice with no tasks, so a successor could not be added); a clause the notice gave its own line
("1 (ý 3)") is reported and decided typed as the digests show it ("1 (ý 3) xin gia hạn …" went to item 1, "3 …" was
"not found" with no hint); a leader's "báo cáo tháng 3 tình hình thực hiện Thông báo 40 …" is the report, which names
the notice as it is, to be forwarded."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import last_text, texts_to
from tests.conftest import local

HUYEN_UY = ("handle,full_name,title,unit,role\n"
            "vanthu,Phạm Thị Thu,Chuyên viên Văn phòng Huyện ủy,Văn phòng Huyện ủy,admin\n"
            "bithu,Lê Văn Hiệu,Bí thư Huyện ủy,Thường trực Huyện ủy,leader\n"
            "cvp,Nguyễn Văn Tư,Chánh Văn phòng Huyện ủy,Văn phòng Huyện ủy,head\n"
            "tb_tc,Đỗ Văn Thắng,Trưởng Ban Tổ chức Huyện ủy,Ban Tổ chức Huyện ủy,head\n"
            "pb_tc,Vũ Thị Lan,Phó Trưởng Ban Tổ chức Huyện ủy,Ban Tổ chức Huyện ủy,cadre\n"
            "tb_tg,Trần Văn Bình,Trưởng Ban Tuyên giáo Huyện ủy,Ban Tuyên giáo Huyện ủy,head\n"
            "ct_ubnd,Nguyễn Đức Toàn,Chủ tịch UBND huyện,UBND huyện,head\n"
            "bt_xa,Mạc Văn Quý,Bí thư Đảng ủy xã An Lạc,Đảng ủy xã An Lạc,head\n")
NOTICE = "\n".join([
    "HUYỆN ỦY AN PHÚ", "Số 40-TB/HU", "ĐẢNG CỘNG SẢN VIỆT NAM", "An Phú, ngày 03 tháng 03 năm 2025", "THÔNG BÁO",
    "Kết luận của đồng chí Bí thư Huyện ủy về công tác cải cách hành chính",
    "Đồng chí Bí thư Huyện ủy kết luận như sau:",
    "1. Giao UBND huyện chỉ đạo rà soát thủ tục hành chính trên địa bàn huyện, báo cáo Ban Thường vụ Huyện ủy trước "
    "ngày 31/3/2025.",
    "2. Giao Ban Tổ chức Huyện ủy rà soát, đánh giá đội ngũ cán bộ làm công tác một cửa, hoàn thành trước ngày "
    "20/3/2025.",
    "3. Giao Ban Tuyên giáo Huyện ủy thường xuyên tuyên truyền về cải cách hành chính trên hệ thống truyền thanh.",
    "T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Nguyễn Văn Tư", ""])
# a conclusion written as prose, whose first paragraph gives UBND huyện three clauses (numbered as the preview)
CLAUSES = Path(__file__).parents[1] / "corpus" / "batch-i" / \
    "902_haiduong-camgiang-bi-thu-huyen-uy-ket-luan-xoa-nha-tam-2025-portal.txt"


async def _zalo(db_url: str, directory: str = HUYEN_UY) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2025, 3, 3, 9, 0)), channel="zalo")
    await h.start(directory_csv=directory.encode(), enroll_all=True)
    return h


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await _zalo(db_url)
    await h.say("vanthu", NOTICE)
    await h.say("vanthu", "xác nhận")
    yield h
    await h.stop()


async def test_a_leader_decides_an_extension_a_cadre_asked_her_head_for(harness: Harness) -> None:
    await harness.say("tb_tc", "/giao 2 @pb_tc")
    await harness.say("pb_tc", "2 xin gia han den 27/3 vi cac xa chua gui danh sach")
    assert "đồng ý gia hạn 2" in last_text(harness, "tb_tc")  # the head is asked
    since = len(harness.sent)
    await harness.say("bithu", "đồng ý gia hạn 2")
    answer = last_text(harness, "bithu")
    assert "không có thẩm quyền" not in answer and "Đã gia hạn đến 27/03/2025" in answer, answer
    told = texts_to(harness, "pb_tc", since)
    assert told and "đ/c Lê Văn Hiệu đã đồng ý" in told[-1], told
    assert any("Lê Văn Hiệu" in t and "27/03/2025" in t for t in texts_to(harness, "tb_tc", since))
    # the task now runs to 27/03: not overdue after 20/03
    since = len(harness.sent)
    await harness.advance_to(local(2025, 3, 24, 9, 0))
    assert not any("QUÁ HẠN" in t for t in texts_to(harness, "pb_tc", since))
    # a leader who is neither: an admin still may; a head of another unit still may not
    await harness.say("pb_tc", "2 xin gia han den 03/4")
    await harness.say("tb_tg", "đồng ý gia hạn 2")
    assert "Đã gia hạn" not in last_text(harness, "tb_tg")


async def test_the_directory_pasted_on_zalo_is_imported_not_read_as_a_notice(harness: Harness) -> None:
    await harness.send_file("vanthu", "danhba.csv", data=HUYEN_UY.encode())
    refusal = last_text(harness, "vanthu")
    assert "Zalo chưa cho phép gửi tệp" in refusal and "Danh bạ" in refusal and "dán" in refusal, refusal
    # Bí thư of An Lạc moved; his successor is added: pasted as the CSV's text, or as a table copied from Excel
    moved = HUYEN_UY.replace("Đảng ủy xã An Lạc,head", "Đảng ủy xã An Lạc,đã chuyển công tác") + \
        "bt_xa2,Đinh Công Minh,Bí thư Đảng ủy xã An Lạc,Đảng ủy xã An Lạc,head\n"
    await harness.say("vanthu", moved)
    answer = last_text(harness, "vanthu")
    assert "Đã nhập danh bạ" in answer and "Đinh Công Minh" in answer, answer
    assert "Không tìm thấy nhiệm vụ" not in answer
    await harness.say("vanthu", "/moi bt_xa2")
    assert "Mã mời đồng chí Đinh Công Minh" in last_text(harness, "vanthu")
    tabbed = "\n".join("\t".join(line.split(",")) for line in moved.splitlines()) + \
        "\nbt_tg2\tHoàng Thị Mai\tPhó Trưởng Ban Tuyên giáo Huyện ủy\tBan Tuyên giáo Huyện ủy\tcadre\n"
    await harness.say("vanthu", tabbed)
    assert "Đã nhập danh bạ" in last_text(harness, "vanthu")
    # a notice that speaks of a list's columns in its body is still a notice
    await harness.say("vanthu", NOTICE.replace("Số 40-TB/HU", "Số 41-TB/HU").replace(
        "cải cách hành chính trên hệ thống", "cải cách hành chính (họ và tên, chức vụ, đơn vị) trên hệ thống"))
    assert "nhiệm vụ" in last_text(harness, "vanthu") and "Đã nhập danh bạ" not in last_text(harness, "vanthu")


async def test_a_clause_of_a_prose_notice_is_reported_and_decided_by_its_preview_number(db_url: str) -> None:
    # the notice prints no item numbers: its clauses are numbered as the preview numbers them, for the office and
    # the units alike — never "1 (ý 3)" (probe 28, F4)
    h = await _zalo(db_url)
    try:
        await h.say("vanthu", "Số 215-TB/HU\nNgày 03/03/2025\n" + CLAUSES.read_text(encoding="utf-8"))
        preview = "\n".join(texts_to(h, "vanthu"))
        assert "2. [Mục 2] chỉ đạo các Phòng" in preview and "3. [Mục 3] hướng dẫn nghiệm thu" in preview, preview
        assert "(ý" not in preview
        await h.say("vanthu", "2, 3 hạn 31/3/2025")  # (no deadline: none to extend, probe s19)
        await h.say("vanthu", "5: Ban Tổ chức Huyện ủy")  # the Phòng's item to another unit
        await h.say("vanthu", "xác nhận")
        held = last_text(h, "ct_ubnd")
        assert "• Mục 2:" in held and "• Mục 3:" in held and "(ý" not in held, held
        await h.say("ct_ubnd", "3 dat 70%")
        assert last_text(h, "ct_ubnd").startswith("Đã cập nhật: mục 3 — 70%"), last_text(h, "ct_ubnd")
        await h.say("ct_ubnd", "mục 3 xin gia han den 30/4 vi con 12 ho chua nghiem thu")
        assert last_text(h, "ct_ubnd").startswith("Đã cập nhật: mục 3 — Đề nghị gia hạn"), last_text(h, "ct_ubnd")
        await h.say("bithu", "đồng ý gia hạn 3")
        assert last_text(h, "bithu").startswith("Đã gia hạn đến 30/04/2025: nhiệm vụ mục 3"), last_text(h, "bithu")
    finally:
        await h.stop()


async def test_a_months_report_asked_of_the_office_names_the_notice_to_forward(harness: Harness) -> None:
    await harness.advance_to(local(2025, 3, 25, 9, 0))
    await harness.say("bithu", "Văn phòng gửi tôi báo cáo tháng 3 tình hình thực hiện Thông báo 40 để chuyển Ban "
                               "Thường vụ")
    sent = [s.text or "" for s in harness.sent if s.to == "bithu"]
    report = next((t for t in reversed(sent) if t.startswith("TỔNG HỢP")), "")
    scope = next(line for line in report.splitlines() if line.startswith("Phạm vi: "))
    # the notice as the office knows it, with what it is about (probe 20 F21), and the month
    assert scope.startswith("Phạm vi: Thông báo số 40-TB/HU ngày 03/03/2025 về ") and "; tháng 3/2025" in scope, scope
    assert "Ban Tổ chức Huyện ủy" in report
    # a period's report said sent is not a request
    await harness.say("bithu", "báo cáo tháng 3 đã gửi rồi")
    assert not last_text(harness, "bithu").startswith("TỔNG HỢP")


def test_an_unknown_item_number_names_what_is_held_and_the_clause_it_ends() -> None:
    said = texts.unknown_ref("3", ["1", "1 (ý 3)", "2"], "dat 70%")
    assert "Đồng chí đang phụ trách: mục 1, mục 1 (ý 3), mục 2." in said
    assert "Có phải đồng chí muốn báo mục 1 (ý 3)? Nếu đúng, đồng chí gõ: “1 (ý 3) dat 70%”." in said
    assert "Có phải" not in texts.unknown_ref("3", ["1", "2.3", "4"], "xong")  # "2.3" is not a clause 3
    assert texts.unknown_ref("7").endswith("Gõ /viec để xem danh sách.")


async def test_an_escalation_of_a_task_whose_extension_waits_says_how_to_decide_it(harness: Harness) -> None:
    await harness.say("tb_tc", "/giao 2 @pb_tc")
    # asked after the deadline (Thursday 20/03): the escalation runs on (asked by then, it would wait for the
    # decision, tests/bot/test_extensions_pending.py)
    await harness.advance_to(local(2025, 3, 21, 10, 0))
    await harness.say("pb_tc", "2 xin gia han den 03/4 vi cac xa chua gui danh sach")
    since = len(harness.sent)
    await harness.advance_to(local(2025, 3, 24, 9, 0))  # item 2 (20/03) two working days late, the request unsettled
    escalated = [t for t in texts_to(harness, "tb_tc", since) if "CẦN ĐỒNG CHÍ CHỈ ĐẠO" in t]
    assert escalated and "Đề nghị gia hạn đến 03/04/2025 đang chờ quyết định: gõ “đồng ý gia hạn 2” hoặc “không đồng " \
        "ý gia hạn 2”" in escalated[-1], escalated
    await harness.say("pb_tc", "2 60% dang tong hop")  # no request waiting: no such line
    since = len(harness.sent)
    await harness.advance_to(local(2025, 3, 28, 9, 0))
    assert not any("Đề nghị gia hạn đang chờ" in t for t in texts_to(harness, "bithu", since))


async def test_the_preview_shows_corrections_with_this_directorys_units_only(db_url: str) -> None:
    h = await _zalo(db_url)
    try:
        await h.say("vanthu", NOTICE.replace("2. Giao Ban Tổ chức Huyện ủy", "2. Giao Ban Tuyên giáo Huyện ủy"))
        preview = "\n".join(texts_to(h, "vanthu"))
        assert "Sở Tài chính" not in preview and "Sở Nội vụ" not in preview and "Sở Y tế" not in preview, preview
        assert "“thêm: Ban Tuyên giáo Huyện ủy chủ trì …, trước ngày …”" in preview or \
            "“thêm: UBND huyện chủ trì …, trước ngày …”" in preview, preview
    finally:
        await h.stop()
