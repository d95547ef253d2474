"""Session 23: the assignment of a supporting duty ("Có trách nhiệm phối hợp với …") says the unit supports and how
little Nhắc việc will remind of it (scheduler/policy.py, `supporting_days_before`), not that it leads."""

from __future__ import annotations

import datetime as dt
import unicodedata

from bot import texts

SUPPORT = ("II.4", "Có trách nhiệm phối hợp với UBND các xã: Đức Trọng, Hiệp Thạnh", dt.date(2026, 5, 15), None)
LEAD = ("II.1", "Khẩn trương hoàn thiện hồ sơ quy hoạch", dt.date(2026, 5, 8), None)


def test_only_supporting_duties_say_so_and_promise_one_reminder() -> None:
    text = texts.assignment_text("Vũ Quân Sự", "Thông báo số 1", [SUPPORT], True, dt.date(2026, 4, 23),
                                 supporting=[True])
    assert "Đồng chí được giao phối hợp thực hiện nhiệm vụ theo Thông báo số 1:" in text
    assert "chủ trì nhiệm vụ" not in text and "đến hạn hoặc quá hạn" not in text
    assert "Đây là nhiệm vụ phối hợp, trách nhiệm chính thuộc đơn vị chủ trì; Nhắc việc chỉ nhắc một lần trước hạn, " \
           "không nhắc khi quá hạn." in text
    assert unicodedata.normalize("NFC", text) == text
    off = texts.assignment_text("Vũ Quân Sự", "Thông báo số 1", [SUPPORT], True, dt.date(2026, 4, 23),
                                supporting=[True], supporting_ahead=False)
    assert "Nhắc việc không nhắc thêm, không nhắc khi quá hạn." in off


def test_a_mix_marks_the_supporting_item_and_keeps_the_lead_ladder_sentence() -> None:
    text = texts.assignment_text("Vũ Quân Sự", "Thông báo số 1", [LEAD, SUPPORT], True, dt.date(2026, 4, 23),
                                 supporting=[False, True])
    assert "Đồng chí được giao chủ trì 2 nhiệm vụ" in text
    assert "• Mục II.4 (phối hợp): " in text and "• Mục II.1: " in text
    assert "sắp đến hạn, đến hạn hoặc quá hạn" in text
    assert "Với nhiệm vụ phối hợp (mục II.4), trách nhiệm chính thuộc đơn vị chủ trì" in text


def test_without_flags_the_message_is_as_before() -> None:
    text = texts.assignment_text("Vũ Quân Sự", "Thông báo số 1", [SUPPORT], True, dt.date(2026, 4, 23))
    assert "được giao chủ trì nhiệm vụ" in text and "phối hợp, trách nhiệm" not in text
