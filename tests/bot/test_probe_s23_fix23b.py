"""What probe 23 met, through the real conversation core and the Telegram sandbox (helper fix23b): a Tết phrase typed
in April read as next year's Tết and granted with a group "cho cả 2 xã" without the leader seeing the date (F1)."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import TaskStatus
from tests.bot.conftest import last_text, texts_to
from tests.bot.test_probe_s22_conv22b import DIRECTORY, NOTICE, tasks
from tests.conftest import local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 17, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await h.say("vt", NOTICE)
    await h.tap("vt", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2026, 4, 21, 9, 0))
    yield h
    await h.stop()


# ---------------------------------------------------------------- F1: a far extension, said and not granted blind

async def test_a_far_extension_is_said_to_requester_and_decider_and_not_granted_with_a_group(
        harness: Harness) -> None:
    h = harness
    await h.say("ct_bx", "xin gia hạn mục 4.a đến hết tháng Giêng")
    assert last_text(h, "ct_bx").startswith("Đồng chí đề nghị gia hạn mục 4.a đến 07/03/2027")  # asked back first
    await h.say("ct_bx", "đúng")
    told = last_text(h, "ct_bx")
    assert "Lưu ý: ngày đề nghị cách thời hạn hiện tại khoảng 10 tháng" in told, told
    asked = last_text(h, "pct")
    assert "đề nghị gia hạn đến: 07/03/2027" in asked and "cách thời hạn hiện tại khoảng 10 tháng" in asked, asked
    await h.say("ct_mk", "xin gia han muc 4.a den 29/5")
    assert "Lưu ý" not in last_text(h, "ct_mk")  # two weeks: nothing to flag
    await h.advance_to(local(2026, 4, 22, 9, 0))
    await h.say("pct", "đồng ý gia hạn 4.a cho cả 2 xã")
    shown = last_text(h, "pct")
    assert shown.startswith("Chưa gia hạn:"), shown
    assert "UBND xã Bát Xát, đ/c Giàng A Sử: đến 07/03/2027 (ngày đề nghị cách thời hạn hiện tại khoảng 10 tháng)" \
        in shown and "UBND xã Mường Khương, đ/c Sùng Seo Khương: đến 29/05/2026 —" in shown, shown
    found = tasks(h, "4.a")
    assert found["UBND xã Bát Xát"].status == TaskStatus.EXTENSION_REQUESTED
    assert found["UBND xã Bát Xát"].due_on is not None and found["UBND xã Bát Xát"].due_on.isoformat() == "2026-05-15"
    await h.say("pct", "đồng ý gia hạn 4.a cho cả 2 xã đến 29/5")  # one date for both: granted
    found = tasks(h, "4.a")
    assert {found[u].due_on.isoformat() for u in ("UBND xã Bát Xát", "UBND xã Mường Khương")  # type: ignore[union-attr]
            } == {"2026-05-29"}


async def test_a_far_lunar_date_is_asked_back_before_anything_is_sent(harness: Harness) -> None:
    """fix24b: "đến sau rằm tháng Giêng" typed in April reads as next February: the requester is asked back, the
    deciders get nothing until the button (or "đúng") confirms it; a date typed again instead is sent as usual."""
    h = harness
    mark = len(h.sent)
    await h.say("ct_bx", "xin gia hạn 4.a đến sau rằm tháng Giêng")
    asked = last_text(h, "ct_bx")
    assert asked.startswith("Đồng chí đề nghị gia hạn mục 4.a đến 22/02/2027 (theo âm lịch năm Đinh Mùi 2027, "
                            "khoảng 10 tháng nữa)?"), asked
    assert "bấm “Gửi đề nghị đến 22/02/2027”" in asked and "Đề nghị chưa được gửi đi." in asked, asked
    assert texts_to(h, "pct", mark) == []
    assert tasks(h, "4.a")["UBND xã Bát Xát"].status != TaskStatus.EXTENSION_REQUESTED
    await h.tap("ct_bx", "Gửi đề nghị đến 22/02/2027")
    assert "Đề nghị gia hạn đến 22/02/2027 đã được chuyển tới" in last_text(h, "ct_bx")
    assert any("đề nghị gia hạn đến: 22/02/2027" in t for t in texts_to(h, "pct", mark))
    assert tasks(h, "4.a")["UBND xã Bát Xát"].status == TaskStatus.EXTENSION_REQUESTED
    mark = len(h.sent)
    await h.say("ct_mk", "xin gia han muc 4.a den het thang Gieng")
    assert last_text(h, "ct_mk").startswith("Đồng chí đề nghị gia hạn mục 4.a đến 07/03/2027")
    await h.say("ct_mk", "xin gia hạn 4.a đến 30/6")  # typed again with a day instead: sent at once
    assert "Đề nghị gia hạn đến 30/06/2026 đã được chuyển tới" in last_text(h, "ct_mk")
    await h.say("ct_mk", "đúng")  # the question is gone: no second request
    assert "07/03/2027" not in last_text(h, "ct_mk")
    assert not any("07/03/2027" in t for t in texts_to(h, "pct", mark))


# ---------------------------------------------------------------- F7: a transfer asked to the unit already leading

async def test_a_transfer_to_the_unit_already_leading_the_item_is_told_not_sent(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("ct_bx", "mục 4.a không phải việc của xã, đề nghị chuyển UBND xã Mường Khương")
    told = last_text(h, "ct_bx")
    assert told.startswith("UBND xã Mường Khương đã chủ trì mục 4.a"), told
    assert texts_to(h, "vt", mark) == []


async def test_the_same_transfer_typed_again_reaches_the_office_once(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("ct_bx", "mục 4.b không phải việc của xã, đề nghị chuyển Sở Xây dựng")
    assert len(texts_to(h, "vt", mark)) == 1
    await h.say("ct_bx", "muc 4.b khong phai viec cua xa, de nghi chuyen So Xay dung")
    assert len(texts_to(h, "vt", mark)) == 1
    assert "đang chờ xem xét; Nhắc việc không gửi lại" in last_text(h, "ct_bx")


async def test_a_far_lunar_request_confirmed_keeps_the_requesters_words(harness: Harness) -> None:
    """Session 23: after "đúng" (or the button) the request reached the deciders with the date only — the
    requester's reason was lost; and the confirmation read the date they had just confirmed back to them."""
    h = harness
    mark = len(h.sent)
    await h.say("ct_bx", "xin gia hạn 4.a đến sau rằm tháng Giêng vì các hộ dân đi làm ăn xa chưa về")
    await h.say("ct_bx", "đúng")
    told = last_text(h, "ct_bx")
    assert "Nội dung: xin gia hạn đến sau rằm tháng Giêng vì các hộ dân đi làm ăn xa chưa về" in told, told
    assert "Nhắc việc hiểu thời gian đồng chí nêu là" not in told, told  # just confirmed: not read back
    asked = [t for t in texts_to(h, "pct", mark) if "đề nghị gia hạn đến: 22/02/2027" in t]
    assert len(asked) == 1 and "Nội dung: xin gia hạn đến sau rằm tháng Giêng vì các hộ dân đi làm ăn xa chưa về" \
        in asked[0], asked
    mark = len(h.sent)
    await h.say("ct_mk", "xin gia hạn 4.a đến hết tháng Giêng do chờ kinh phí từ tỉnh")
    await h.tap("ct_mk", "Gửi đề nghị đến 07/03/2027")
    asked = [t for t in texts_to(h, "pct", mark) if "đề nghị gia hạn đến: 07/03/2027" in t]
    assert len(asked) == 1 and "do chờ kinh phí từ tỉnh" in asked[0], asked
