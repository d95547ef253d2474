"""What last session's new-user probe still met (probe 21): each through the real conversation core and the
sandbox, so Telegram and Zalo both get it."""

from __future__ import annotations

import io

import pytest

from bot import texts
from bot.sandbox.harness import Harness, HarnessError
from tests.bot.conftest import texts_to


def _pdf(pages: int, password: str | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize(("data", "said"), [
    (_pdf(40, password="bi-mat"), "Tệp PDF được đặt mật khẩu, không thể đọc."),
    (b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 100, "Tệp PDF bị hỏng, không thể đọc."),
])
async def test_a_locked_or_broken_pdf_gets_the_error_only_not_the_wait_line_first(
        harness: Harness, data: bytes, said: str) -> None:
    """Finding 2: a real-sized PDF (over 2 KB) that is locked or broken was first told "đang đọc … khoảng một phút"."""
    assert len(data) > 2048
    mark = len(harness.sent)
    await harness.send_file("admin", "thongbao.pdf", data=data)
    answers = texts_to(harness, "admin", mark)
    assert texts.READING not in answers and len(answers) == 1, answers
    assert answers[0].startswith(said), answers[0]


async def test_a_deadline_set_on_a_day_off_by_the_decision_says_where_it_runs_to_both_ways(harness: Harness) -> None:
    """Finding 4: the leader's own date (refusing, "phải xong trước 18/3", a Sunday) and the date granted on a
    holiday reach the requester and the leader with where the deadline runs to, not only the date."""
    from tests.conftest import local

    h = harness
    notice = ("Kính gửi: Ban Dân vận Tỉnh ủy\nĐồng chí Phó Bí thư Thường trực Tỉnh ủy kết luận như sau:\n"
              "1. Ban Dân vận Tỉnh ủy chủ trì rà soát quy chế làm việc, hoàn thành trước ngày 16/3/2018.\n"
              "2. Ban Dân vận Tỉnh ủy tổng kết công tác dân vận, hoàn thành trước ngày 16/3/2018.")
    await h.say("admin", notice)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2018, 3, 5, 8, 0))
    await h.say("head_bdv", "1 xin gia hạn đến 29/4")
    mark = len(h.sent)
    await h.say("leader", "không đồng ý gia hạn 1, phải xong trước 18/3")
    for who in ("leader", "head_bdv"):
        said = texts_to(h, who, mark)[-1]
        assert "18/03/2018" in said and "tính đến hết 19/03/2018" in said, (who, said)
    await h.say("head_bdv", "2 xin gia hạn đến 20/4")
    mark = len(h.sent)
    await h.say("leader", "đồng ý gia hạn 2 đến 30/4")
    for who in ("leader", "head_bdv"):
        said = texts_to(h, who, mark)[-1]
        assert "30/04/2018" in said and "tính đến hết 02/05/2018" in said, (who, said)


@pytest.mark.parametrize(("typed", "said", "percent"), [
    ("1 giảm 20%", "nêu mức tăng, giảm chứ chưa nêu tỷ lệ hoàn thành của mục 1", None),
    ("1 –20%", "không thể là số âm (-20%)", None),
    ("1 vướng kinh phí, kinh phí bị giảm 20%", "Vướng mắc", None),
    ("1 đạt 60%, chậm 10% so với kế hoạch", "60%", 60),
])
async def test_a_change_by_a_share_is_not_read_as_the_share_done(
        harness: Harness, typed: str, said: str, percent: int | None) -> None:
    """Finding 5: "-20%" typed with an en dash, "giảm 20%", were stored as 20 % done."""
    from tests.bot.conftest import last_text
    from tests.bot.conversation_setup import task

    h = harness
    await h.say("admin", "Kính gửi: Ban Dân vận Tỉnh ủy\nĐồng chí Phó Bí thư Thường trực Tỉnh ủy kết luận như sau:\n"
                         "1. Ban Dân vận Tỉnh ủy chủ trì rà soát quy chế làm việc, hoàn thành trước ngày 16/3/2018.")
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.say("head_bdv", typed)
    assert said in last_text(h, "head_bdv"), last_text(h, "head_bdv")
    assert task(h, "1").percent == percent


async def test_a_request_taken_back_is_closed_and_never_recalled_later(harness: Harness) -> None:
    """Finding 6: "2.1 rút đề nghị gia hạn" was read as a new request ("đến ngày nào?"); the old one stayed open and
    days later its requester was told it still waited, and the leader was asked again to decide it."""
    from tests.conftest import local

    h = harness
    notice = ("Kính gửi: Ban Dân vận Tỉnh ủy\nĐồng chí Phó Bí thư Thường trực Tỉnh ủy kết luận như sau:\n"
              "1. Ban Dân vận Tỉnh ủy chủ trì rà soát quy chế làm việc, hoàn thành trước ngày 09/3/2018.\n"
              "2. Ban Dân vận Tỉnh ủy tổng kết công tác dân vận, hoàn thành trước ngày 16/3/2018.")
    await h.say("admin", notice)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2018, 3, 5, 10, 0))
    await h.say("cadre_bdv", "1 xin gia hạn đến 30/3")
    mark = len(h.sent)
    await h.say("cadre_bdv", "1 rút đề nghị gia hạn, sẽ hoàn thành đúng hạn")
    said = texts_to(h, "cadre_bdv", mark)
    assert said and said[-1].startswith("Đã rút đề nghị gia hạn mục 1"), said
    assert any("đã rút lại đề nghị gia hạn mục 1" in t for t in texts_to(h, "head_bdv", mark))
    with pytest.raises(HarnessError):  # the leader's request message lost its actions: nothing left to decide
        harness.last_with_button("leader", texts.BUTTON_APPROVE)
    mark = len(h.sent)
    await h.advance_to(local(2018, 3, 12, 10, 0))  # past the day it would have been recalled (08/03)
    assert not any("chưa có quyết định" in t for t in texts_to(h, "cadre_bdv", mark)), "no stale line"
    assert not any("Đề nghị gia hạn chờ đồng chí quyết định" in t for t in texts_to(h, "leader", mark))
    mark = len(h.sent)
    await h.say("cadre_bdv", "rút đề nghị gia hạn")
    assert texts_to(h, "cadre_bdv", mark)[-1].startswith("Đồng chí không có đề nghị gia hạn nào")
    await h.say("leader", "không đồng ý gia hạn 1")  # a decision is no recall
    assert "rút" not in texts_to(h, "leader")[-1]


async def test_a_notice_named_by_its_meeting_reads_without_nested_parentheses(harness: Harness) -> None:
    """Month probe: a notice without number or date was titled "Thông báo (cuộc làm việc ngày 23/02/2018)", which
    most messages put in parentheses again — "(Thông báo (cuộc làm việc …))" in every digest and request."""
    from pathlib import Path

    h = harness
    seed = Path(__file__).resolve().parents[2] / "examples" / "seed-notice.txt"
    await h.send_file("admin", "seed-notice.txt", data=seed.read_bytes())
    await h.tap("admin", texts.BUTTON_CONFIRM)
    assigned = texts_to(h, "head_bdv")[-1]
    assert "theo thông báo về cuộc làm việc ngày 23/02/2018:" in assigned, assigned  # (mid-sentence: lower case)
    assert not any("((" in t or "(thông báo (" in t.lower() for t in texts_to(h, "head_bdv") + texts_to(h, "admin"))


async def test_a_report_on_a_section_of_several_tasks_is_kept_for_one_tap(harness: Harness) -> None:
    """Month probe: "2.3 60% vướng kinh phí" from the holder of 2.3.a–2.3.b.3 was answered with the list to type
    again, and the report was lost when they did not; now it is kept and one tap records it."""
    from tests.bot.conftest import last_text
    from tests.bot.conversation_setup import task

    h = harness
    await h.say("admin", "Kính gửi: Ban Dân vận Tỉnh ủy\nĐồng chí Phó Bí thư Thường trực Tỉnh ủy kết luận như sau:\n"
                         "1. Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 16/3/2018.\n"
                         "2. Về công tác dân vận:\n"
                         "2.1. Ban Dân vận Tỉnh ủy tổng kết công tác dân vận, hoàn thành trước ngày 23/3/2018.\n"
                         "2.2. Ban Dân vận Tỉnh ủy tham mưu kế hoạch năm, hoàn thành trước ngày 30/3/2018.")
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.say("head_bdv", "2 60% vướng kinh phí")
    asked = last_text(h, "head_bdv")
    assert asked.startswith("Mục 2 gồm 2 nhiệm vụ đồng chí đang phụ trách."), asked
    await h.tap("head_bdv", "Mục 2.2")
    assert task(h, "2.2").percent == 60 and task(h, "2.1").percent is None


async def test_on_zalo_the_section_question_gives_the_forms_to_type_once(db_url: str) -> None:
    """The same on Zalo (no buttons): the forms to type are given once (by the channel), not twice."""
    from scheduler.clock import FakeClock
    from tests.bot.conftest import last_text
    from tests.bot.conversation_setup import DIRECTORY_CSV, task
    from tests.conftest import local

    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", "Kính gửi: Ban Dân vận Tỉnh ủy\nĐồng chí Phó Bí thư Thường trực Tỉnh ủy kết luận như "
                             "sau:\n1. Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 16/3/2018.\n"
                             "2. Về công tác dân vận:\n"
                             "2.1. Ban Dân vận Tỉnh ủy tổng kết công tác dân vận, hoàn thành trước ngày 23/3/2018.\n"
                             "2.2. Ban Dân vận Tỉnh ủy tham mưu kế hoạch năm, hoàn thành trước ngày 30/3/2018.")
        await h.say("admin", "xác nhận")
        await h.say("head_bdv", "2 60% vướng kinh phí")
        asked = last_text(h, "head_bdv")
        assert asked.startswith("Mục 2 gồm 2 nhiệm vụ") and asked.count("“2.2 60% vướng kinh phí”") == 1, asked
        await h.say("head_bdv", "2.2 60% vướng kinh phí")
        assert task(h, "2.2").percent == 60
    finally:
        await h.stop()
