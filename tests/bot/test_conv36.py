"""Month-probe leftovers (session 26, conv36): the leader's Friday is one message, the waiting request answerable
in the weekly summary; pasted OCR text warned like a scan; a Tết greeting returned once; held messages pruned; the
"report unchanged" memory shared by the workers. Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import texts
from bot.app import make_conversation
from bot.channels.telegram import KEY
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import HeldMessage
from tests.bot.conversation_setup import NOTICE, START, count, started, task, texts_to
from tests.conftest import DIRECTORY_CSV, local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def told_on(h: Harness, handle: str, day: dt.date, since: int = 0) -> list[str]:
    tz = local(2018, 1, 1).tzinfo
    return [s.text or "" for s in h.sent[since:] if s.to == handle and s.at.astimezone(tz).date() == day]


async def test_a_waiting_request_recalled_on_the_summary_day_is_in_the_summary_with_its_buttons(
        harness: Harness) -> None:
    """Asked after the deadline on a Wednesday, a request is recalled two working days on, Friday 08:00 — the day of
    the leaders' weekly summary (15:00): the leader is sent one message that day, the summary, which names the
    request and carries its approve / refuse buttons; tapping one decides it."""
    h = harness
    await h.advance_to(local(2018, 3, 21, 9, 0))  # task 4 was due Tue 20/03
    await h.say("head_stnmt", "4 xin gia hạn đến 30/4 vì chờ kết quả đo đạc")
    start = len(h.sent)
    friday = dt.date(2018, 3, 23)
    await h.advance_to(local(2018, 3, 23, 16, 0))
    said = told_on(h, "leader", friday, start)
    assert len(said) == 1, said
    [summary] = [s for s in h.sent[start:] if s.to == "leader"
                 and s.at.astimezone(local(2018, 1, 1).tzinfo).date() == friday]
    assert "báo cáo tình hình thực hiện nhiệm vụ trong tuần" in (summary.text or ""), summary.text
    assert "đề nghị gia hạn đến 30/04/2018" in (summary.text or ""), summary.text
    assert texts.BUTTON_APPROVE in " ".join(summary.buttons), summary.buttons
    assert "bằng nút bên dưới" in (summary.text or ""), summary.text
    await h.tap("leader", texts.BUTTON_APPROVE)
    assert "30/04/2018" in (h.sent[-1].text or ""), h.sent[-1].text


async def test_on_zalo_the_summary_says_how_to_type_the_decision_once(db_url: str) -> None:
    """Zalo has no buttons: the summary says the typed decision once (no list of forms under it), and typing it
    decides the request."""
    h = await started(db_url, channel="zalo")
    try:
        await h.advance_to(local(2018, 3, 21, 9, 0))
        await h.say("head_stnmt", "4 xin gia hạn đến 30/4 vì chờ kết quả đo đạc")
        start = len(h.sent)
        await h.advance_to(local(2018, 3, 23, 16, 0))
        said = told_on(h, "leader", dt.date(2018, 3, 23), start)
        assert len(said) == 1 and said[0].count("đồng ý gia hạn 4”") == 2, said  # (“đồng ý …” and “không đồng ý …”)
        assert "Đồng chí quyết định ngay tại tin này: gõ “đồng ý gia hạn 4”" in said[0], said
        await h.say("leader", "đồng ý gia hạn 4")
        assert "30/04/2018" in texts_to(h, "leader")[-1], texts_to(h, "leader")[-1]
    finally:
        await h.stop()


async def test_held_messages_sent_weeks_ago_are_pruned_by_the_tick(harness: Harness) -> None:
    """A head's copy of a cadre's evening update is held till the morning, sent, then kept a few weeks only
    (`storage.held.prune_held`, from the tick's `send_held`): the table does not grow forever."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    await h.advance_to(local(2018, 3, 5, 20, 0))
    await h.say("cadre_bdv", "2 đã rà soát được 60% số hộ")
    assert count(h, HeldMessage) == 1
    await h.advance_to(local(2018, 3, 6, 9, 0))
    assert count(h, HeldMessage, HeldMessage.sent_at.is_not(None)) == 1  # sent this morning, kept a while
    await h.advance_to(local(2018, 3, 20, 9, 0))
    assert count(h, HeldMessage) == 1
    await h.advance_to(local(2018, 4, 10, 9, 0))
    assert count(h, HeldMessage) == 0


GARBLED = NOTICE.replace("rà soát", "tà soát").replace("dự án đường", "dư án đường")


async def test_pasted_text_from_an_ocr_reading_is_warned_as_a_scan_is(db_url: str) -> None:
    """An OCR reading pasted into the chat ("tà soát", "dư án"): the preview says it looks copied from OCR and names
    the words to check under their tasks, as for a scanned file; the same notice typed clean gets no warning."""
    h = Harness(db_url=db_url, clock=FakeClock(START))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", GARBLED)
        preview = "\n".join(texts_to(h, "admin"))
        assert "Văn bản dán vào có vẻ được chép từ bản nhận dạng chữ (OCR)" in preview, preview
        assert "“tà soát” (rà soát?)" in preview and "nhiệm vụ 2" in preview, preview
        assert "“dư án” (dự án?)" in preview, preview
        await h.say("admin", "hủy")
        start = len(h.sent)
        await h.say("admin", NOTICE)
        clean = "\n".join(texts_to(h, "admin", start))
        assert "OCR" not in clean, clean
    finally:
        await h.stop()


async def test_an_ocr_readings_letters_that_do_not_follow_on_are_said_in_the_preview(db_url: str) -> None:
    """Month probe 37 (#3, #4): an OCR reading with "d)" read as "đ)" gave two units' tasks one item number, silently.
    The preview says where the letters do not follow on; a clean list says nothing of it."""
    lettered = GARBLED.replace("3. Ban Dân vận Tỉnh ủy chủ trì xây dựng kế hoạch tuyên truyền năm 2018.",
                               "3. Giao các đơn vị:\na) Ban Dân vận Tỉnh ủy chủ trì xây dựng kế hoạch tuyên truyền;\n"
                               "b) Sở Tài nguyên và Môi trường chủ trì hướng dẫn các hộ dân;\n"
                               "c) Sở Tài chính chủ trì bố trí kinh phí.")
    skipping = lettered.replace("\nb) ", "\nc) ").replace("\nc) Sở Tài chính", "\nd) Sở Tài chính")
    h = Harness(db_url=db_url, clock=FakeClock(START))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", skipping)
        preview = "\n".join(texts_to(h, "admin"))
        assert "Số thứ tự các điểm trong văn bản có chỗ không liền mạch: “c)” đứng ngay sau “a)” (không thấy “b)”)" \
            in preview, preview
        await h.say("admin", "hủy")
        start = len(h.sent)
        await h.say("admin", lettered)
        clean = "\n".join(texts_to(h, "admin", start))
        assert "Sở Tài chính" in clean and "không liền mạch" not in clean, clean
    finally:
        await h.stop()


async def test_a_new_year_wish_said_with_a_report_is_returned_once_above_the_confirmation(harness: Harness) -> None:
    """"Chúc mừng năm mới đồng chí, mục 1 xong ạ": the status is recorded and the answer's first line returns the
    wish — one message; the next report with a wish is answered without it (once a season)."""
    h = harness
    start = len(h.sent)
    await h.say("head_bdv", "Chúc mừng năm mới đồng chí, mục 1 xong ạ")
    answers = texts_to(h, "head_bdv", start)
    assert len(answers) == 1, answers
    first, *rest = answers[0].splitlines()
    assert first.startswith("Nhắc việc xin cảm ơn và kính chúc đồng chí năm mới"), answers
    assert "mục 1" in "\n".join(rest), answers
    assert task(h, "1").status == "done"
    start = len(h.sent)
    await h.say("head_bdv", "Kính chúc đồng chí năm mới an khang. Mục 3 đạt 50% ạ")
    answers = texts_to(h, "head_bdv", start)
    assert len(answers) == 1 and texts.NEW_YEAR_RETURNED not in answers[0], answers
    assert task(h, "3").percent == 50


async def test_the_same_report_asked_again_on_another_worker_is_said_unchanged(harness: Harness) -> None:
    """Two workers: the second /tonghop, unchanged within half an hour, lands on the other process — which knows
    the first was sent (the memory is the database's) and says so in one line."""
    h = harness
    mark = len(h.sent)
    await h.say("leader", "/tonghop")
    first = "\n".join(texts_to(h, "leader", mark))
    assert "Ban Dân vận Tỉnh ủy" in first, first
    assert h.app is not None and h.db is not None and h.conversation is not None
    other = make_conversation(h.settings, db=h.db, clock=h.clock)  # another process: nothing in its memory
    other.channels = h.conversation.channels
    h.app.bot_data[KEY] = other
    mark = len(h.sent)
    await h.say("leader", "/tonghop")
    again = [s for s in h.sent[mark:] if s.to == "leader"]
    assert len(again) == 1 and (again[0].text or "").startswith("Báo cáo không thay đổi"), again


async def test_a_wish_returned_alone_is_not_returned_again_with_a_report(harness: Harness) -> None:
    """"Chúc mừng năm mới" alone is answered with the wish; the same person's "chúc mừng năm mới, mục 1 xong" the
    day after gets the confirmation only."""
    h = harness
    await h.say("head_bdv", "Chúc mừng năm mới ạ")
    assert texts_to(h, "head_bdv")[-1] == texts.GREETING_REPLY
    await h.advance_to(local(2018, 2, 27, 9, 0))
    start = len(h.sent)
    await h.say("head_bdv", "Chúc mừng năm mới đồng chí, mục 1 xong ạ")
    answers = texts_to(h, "head_bdv", start)
    assert len(answers) == 1 and "chúc" not in answers[0].lower() and "mục 1" in answers[0], answers
