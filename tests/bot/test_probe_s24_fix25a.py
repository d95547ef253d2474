"""What probe 24 met loading a notice, through the real conversation core and the Telegram sandbox on a real
database: the same notice confirmed twice when its date could not be read (#1); a deadline typed by mistake years
back going out as overdue (#2); an empty message from a head answered with the notice hint (#14)."""

from __future__ import annotations

from sqlalchemy import func, select

from bot import texts
from bot.sandbox.harness import Harness
from storage.models import Notice, NoticeStatus, Task
from tests.bot.conftest import last_text, texts_to
from tests.conftest import local

HEAD = "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 15/TB-UBND\n"
BODY = ("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh về công tác dân vận\n"
        "1. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân, báo cáo trước ngày 02/3/2018.\n"
        "2. Giao Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 09/3/2018.\n")
UNDATED = HEAD + BODY  # the date line lost (a scan, a copy): "ngày 20 tháng 0 2 năm 2018" unread
DATED = HEAD + "Bình Thuận, ngày 20 tháng 02 năm 2018\n" + BODY


def notices(h: Harness) -> list[str]:
    assert h.db is not None
    return h.db.call(lambda s: list(s.scalars(select(Notice.status).order_by(Notice.id))))


def task_count(h: Harness) -> int:
    assert h.db is not None
    return h.db.call(lambda s: s.scalar(select(func.count()).select_from(Task)))


async def test_a_notice_of_the_same_number_and_issuer_is_flagged_and_asked_again_at_confirmation(
        harness: Harness) -> None:
    """Probe 24 #1: a plan confirmed from its .docx (date unread), pasted four days later: a fresh preview with no
    warning, and "xác nhận" gave every task a second time."""
    h = harness
    await h.say("admin", UNDATED)
    await h.say("admin", "xác nhận")
    assert task_count(h) == 2
    await h.advance_to(local(2018, 3, 1, 9, 0))
    await h.say("admin", DATED)
    preview = last_text(h, "admin")
    assert ("Lưu ý: văn bản này có vẻ đã được xác nhận ngày 26/02/2018: Thông báo số 15/TB-UBND" in preview
            and "(mã #1, 2 nhiệm vụ)" in preview and "đồng chí bấm Hủy" in preview), preview
    mark = len(h.sent)
    await h.say("admin", "xác nhận")
    asked = "\n".join(texts_to(h, "admin", mark))
    assert asked.startswith("Chưa xác nhận: văn bản này có vẻ đã được xác nhận ngày 26/02/2018"), asked
    assert "“vẫn xác nhận”" in asked and "“hủy”" in asked and "/huy #1" in asked
    assert task_count(h) == 2, "nothing given a second time before the admin chooses"
    await h.say("admin", "xác nhận")  # typed again: asked again
    assert last_text(h, "admin").startswith("Chưa xác nhận: văn bản này có vẻ"), "asked again"
    await h.tap("admin", texts.BUTTON_CONFIRM_AGAIN)
    assert last_text(h, "admin").startswith("Đã xác nhận Thông báo số 15/TB-UBND"), last_text(h, "admin")
    assert task_count(h) == 4 and notices(h) == [NoticeStatus.CONFIRMED, NoticeStatus.CONFIRMED]


async def test_a_likely_repeat_dropped_at_the_question_gives_nothing_again(harness: Harness) -> None:
    h = harness
    await h.say("admin", DATED)
    await h.say("admin", "xác nhận")
    await h.say("admin", UNDATED)  # the other way round: the new copy lacks the date
    assert "có vẻ đã được xác nhận" in last_text(h, "admin")
    await h.say("admin", "xác nhận")
    await h.say("admin", "hủy")
    assert last_text(h, "admin") == texts.CANCELLED
    assert task_count(h) == 2 and notices(h) == [NoticeStatus.CONFIRMED, NoticeStatus.CANCELLED]


async def test_the_same_number_of_another_year_or_issuer_is_not_flagged(harness: Harness) -> None:
    h = harness
    await h.say("admin", DATED)
    await h.say("admin", "xác nhận")
    next_year = DATED.replace("năm 2018", "năm 2019").replace("/2018", "/2019")
    await h.say("admin", next_year)
    assert "nhận diện được 2 nhiệm vụ" in last_text(h, "admin") and "có vẻ" not in last_text(h, "admin")
    await h.say("admin", "hủy")
    other = UNDATED.replace("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN")
    await h.say("admin", other)
    assert "nhận diện được 2 nhiệm vụ" in last_text(h, "admin") and "có vẻ" not in last_text(h, "admin")
    await h.say("admin", "xác nhận")
    assert last_text(h, "admin").startswith("Đã xác nhận"), last_text(h, "admin")


async def test_a_number_typed_into_a_draft_that_makes_it_a_likely_repeat_is_said_at_once(harness: Harness) -> None:
    h = harness
    await h.say("admin", DATED)
    await h.say("admin", "xác nhận")
    await h.say("admin", UNDATED.replace("Số: 15/TB-UBND", "Số: /TB-UBND").replace("rà soát", "sửa đổi"))
    assert "có vẻ" not in last_text(h, "admin")
    await h.say("admin", "số: 15/TB-UBND")
    said = last_text(h, "admin")
    assert "Lưu ý: văn bản này có vẻ đã được xác nhận ngày 26/02/2018" in said, said


async def test_an_empty_message_is_answered_with_what_that_person_can_type(harness: Harness) -> None:
    """Probe 24 #14: a head's empty message was answered "gửi nội dung văn bản hoặc tệp" — heads send no notices."""
    h = harness
    await h.say("admin", DATED)
    await h.say("admin", "xác nhận")
    await h.say("head_bdv", "   ")
    said = last_text(h, "head_bdv")
    assert said.startswith("Tin nhắn trống. Để báo cáo tiến độ") and "“1 xong”" in said, said
    assert "văn bản hoặc tệp" not in said
    await h.say("leader", " ")
    said = last_text(h, "leader")
    assert said.startswith("Tin nhắn trống.") and "“báo cáo tình hình”" in said and "tệp" not in said, said
    await h.say("admin", "  ")
    assert last_text(h, "admin") == texts.EMPTY_MESSAGE


def due_of(h: Harness, ref: str) -> str | None:
    assert h.db is not None
    return h.db.call(lambda s: [t for t in s.scalars(select(Notice)).all()][-1].meta["tasks"][int(ref) - 1].get("due"))


async def test_a_deadline_typed_before_the_notice_date_is_asked_and_said_again_at_confirmation(
        harness: Harness) -> None:
    """Probe 24 #2: "6 hạn 15/3/2018" for a plan of 26/06/2018 was taken with one "Lưu ý" line; the head was told
    "đã quá hạn" and reminded daily, the office never told again."""
    h = harness
    await h.say("admin", DATED)
    await h.say("admin", "2 hạn 9/3/2017")
    asked = last_text(h, "admin")
    assert asked.startswith("Nhắc việc chưa ghi thời hạn này — có thể gõ nhầm"), asked
    assert "• Hạn 09/03/2017 ở nhiệm vụ 2 sớm hơn ngày của văn bản (20/02/2018)." in asked
    assert "Nếu đúng, đồng chí gõ “đúng”; nếu nhầm, đồng chí gõ lại, ví dụ “2 hạn 9/3/2018”" in asked
    assert due_of(h, "2") == "2018-03-09", "not taken"
    await h.say("admin", "đúng")
    assert "• nhiệm vụ 2 (Mục 2), thời hạn: 09/03/2017" in last_text(h, "admin"), last_text(h, "admin")
    assert due_of(h, "2") == "2017-03-09"
    await h.say("admin", "xác nhận")
    said = last_text(h, "admin")
    assert "Lưu ý: 1 nhiệm vụ đã quá hạn ngay khi giao: Mục 2 (hạn 09/03/2017)" in said, said


async def test_a_doubtful_deadline_typed_again_replaces_the_question(harness: Harness) -> None:
    h = harness
    await h.say("admin", DATED)
    await h.say("admin", "2 hạn 9/3/2017\n1: Sở Tài nguyên và Môi trường")  # the other line is taken at once
    said = last_text(h, "admin")
    assert said.startswith("Đã sửa 1 nội dung:") and "Nhắc việc chưa ghi thời hạn này" in said, said
    await h.say("admin", "2 hạn 9/4/2018")
    assert due_of(h, "2") == "2018-04-09"
    await h.say("admin", "đúng")
    assert due_of(h, "2") == "2018-04-09", "the question was replaced: nothing to keep"
    await h.say("admin", "xác nhận")
    assert "quá hạn ngay khi giao" not in last_text(h, "admin")


async def test_without_a_notice_date_only_a_deadline_long_past_is_asked(harness: Harness) -> None:
    h = harness
    await h.say("admin", UNDATED)
    await h.say("admin", "1 hạn 1/1/2018")
    assert "• Hạn 01/01/2018 ở nhiệm vụ 1 đã qua 56 ngày (hôm nay 26/02/2018)." in last_text(h, "admin")
    await h.say("admin", "1 hạn 20/2/2018")  # a week back: taken, with the note it has passed
    said = last_text(h, "admin")
    assert "thời hạn: 20/02/2018" in said and "Lưu ý: thời hạn đã qua ở nhiệm vụ số 1 (20/02/2018)" in said, said
