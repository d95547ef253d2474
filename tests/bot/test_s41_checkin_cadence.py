"""The check-in cadence of tasks without a deadline is a setting (NHACVIEC_CHECKIN_EVERY_DAYS, default 10), and what
the bot says about it follows the setting: before session 41 the preview and the assignment letter promised "10 ngày
làm việc một lần" whatever the policy did."""

from __future__ import annotations

import pytest

from bot import texts
from bot.context import policy_from
from bot.sandbox.harness import Harness
from bot.settings import load_settings
from scheduler.clock import FakeClock
from tests.bot.conftest import texts_to
from tests.conftest import DIRECTORY_CSV, local

UNDATED_NOTICE = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 31/TB-UBND\nLào Cai, ngày 23 tháng 02 năm 2018\n"
                  "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n"
                  "1. Sở Tài nguyên và Môi trường chủ trì rà soát, tổng hợp các dự án chậm tiến độ.\n"
                  "Nơi nhận:\n- Sở Tài nguyên và Môi trường;\n")


def _settings(every: str | None):  # type: ignore[no-untyped-def]
    return load_settings(environ={"NHACVIEC_CHECKIN_EVERY_DAYS": every} if every else {}, env_file=None)


@pytest.mark.parametrize(("every", "days", "gather"), [(None, 10, 2), ("5", 5, 2), ("2", 2, 1), ("1", 1, 0)])
def test_the_setting_is_the_policy_cadence(every: str | None, days: int, gather: int) -> None:
    policy = policy_from(_settings(every))
    assert policy.checkin_every_working_days == days
    assert policy.checkin_gather_working_days == gather  # (gathered ahead: always fewer days than the cadence)


@pytest.mark.parametrize("every", ["0", "abc"])
def test_a_cadence_that_is_no_count_of_days_is_refused(every: str) -> None:
    with pytest.raises(ValueError, match="checkin_every_days"):
        _settings(every)


def test_the_texts_say_the_cadence_given() -> None:
    assert texts.checkin_cadence(10) == "10 ngày làm việc một lần"
    assert texts.checkin_cadence(1) == "mỗi ngày làm việc"
    letter = texts.assignment_text("Nguyễn Văn An", "Thông báo số 31/TB-UBND", [("1", "Rà soát", None, None)],
                                   buttons=True, checkin_every=5)
    assert "nhiệm vụ không có thời hạn được đề nghị cập nhật 5 ngày làm việc một lần." in letter


@pytest.mark.parametrize(("every", "first_checkin"), [(None, "2018-03-12"), ("5", "2018-03-05")])
async def test_preview_letter_and_check_in_follow_the_setting(db_url: str, every: str | None,
                                                             first_checkin: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)), settings=_settings(every))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        said = f"{every or 10} ngày làm việc một lần"
        await h.say("admin", UNDATED_NOTICE)
        preview = texts_to(h, "admin")[-1]
        assert f"Các nhiệm vụ trên không có thời hạn cụ thể: Nhắc việc đề nghị cập nhật tiến độ {said}." in preview
        await h.tap("admin", texts.BUTTON_CONFIRM)
        letter = texts_to(h, "head_stnmt")
        assert len(letter) == 1 and f"được đề nghị cập nhật {said}." in letter[0]
        start = len(h.sent)
        await h.advance_to(local(2018, 3, 13, 12, 0))
        asked = [s for s in h.sent[start:] if s.to == "head_stnmt"]
        # assigned Monday 26/02: the update is asked on the cadence's working day after it, and not before
        assert asked, "the check-in came"
        first = asked[0].at.astimezone(local(2018, 1, 1).tzinfo).date().isoformat()
        assert first == first_checkin and "CẬP NHẬT" in (asked[0].text or "")
    finally:
        await h.stop()
