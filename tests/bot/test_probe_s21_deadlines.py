"""Probe 21, F9: the preview's deadline corrections read the domain's own words — "thường xuyên", "kịp thời" (no
deadline) and deadlines counted in days ("15 ngày", "trong 10 ngày làm việc"), counted from the notice's date as
the notice parser counts them (bot/ingest/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.corrections import parse_corrections

TODAY = dt.date(2026, 2, 2)  # a Monday; Tết 2026 is 14–22/02
ISSUED = dt.date(2026, 1, 23)


@pytest.mark.parametrize(("line", "due"), [
    ("17 hạn thường xuyên", None),
    ("12 hạn kịp thời", None),
    ("12 han kip thoi", None),
    ("3 hạn thường xuyên, liên tục", None),
    ("9 hạn 15 ngày", dt.date(2026, 2, 7)),  # 23/01 + 15 days
    ("10 hạn trong 10 ngày làm việc", dt.date(2026, 2, 6)),  # Mon–Fri from 26/01
    ("10 han trong 10 ngay lam viec", dt.date(2026, 2, 6)),
    ("4 hạn trong vòng 2 tuần", dt.date(2026, 2, 6)),
    ("5 hạn 1 tháng kể từ ngày ký", dt.date(2026, 2, 23)),
])
def test_domain_deadline_words(line: str, due: dt.date | None) -> None:
    (got,) = parse_corrections(line, today=TODAY, issued_on=ISSUED)
    assert (got.target, got.field, got.value) == (line.split()[0], "due", due)


def test_counted_from_today_without_a_notice_date_and_over_tet() -> None:
    (got,) = parse_corrections("10 hạn trong 10 ngày làm việc", today=TODAY)
    assert got.value == dt.date(2026, 2, 23)  # 3–13/02 is 9 working days; Tết 14–22/02; then Monday 23/02


def test_a_notice_date_typed_in_the_same_message_is_the_start() -> None:
    got = parse_corrections("ngày: 20/01/2026\n9 hạn 15 ngày", today=TODAY, issued_on=ISSUED)
    assert got[-1].value == dt.date(2026, 2, 4)


def test_other_words_are_still_refused() -> None:
    from bot.corrections import CorrectionError
    with pytest.raises(CorrectionError, match="Không hiểu thời hạn"):
        parse_corrections("9 hạn sớm nhất có thể đi", today=TODAY, issued_on=ISSUED)


@pytest.mark.parametrize(("line", "issued", "counted"), [
    ("9 hạn 15 ngày", ISSUED, "15 ngày kể từ ngày ký (23/01/2026)"),
    ("10 hạn trong 10 ngày làm việc", ISSUED, "10 ngày làm việc kể từ ngày ký (23/01/2026)"),
    ("5 hạn 1 tháng kể từ ngày ký", ISSUED, "1 tháng kể từ ngày ký (23/01/2026)"),
    ("9 hạn 15 ngày", None, "15 ngày kể từ hôm nay, 02/02/2026 (văn bản chưa có ngày ký)"),
    ("9 hạn 30/4", ISSUED, None),  # a date typed as a date: nothing counted
])
def test_a_count_of_days_says_the_day_it_starts_from(line: str, issued: dt.date | None, counted: str | None) -> None:
    """Session 22 (last session's leftover): "9 hạn 15 ngày" gave the date, not the day the count started from."""
    (got,) = parse_corrections(line, today=TODAY, issued_on=issued)
    assert got.counted == counted


async def test_the_preview_answer_says_where_the_count_starts(db_url: str) -> None:
    from bot.sandbox.harness import Harness
    from scheduler.clock import FakeClock
    from tests.bot.conversation_setup import NOTICE, START, texts_to
    from tests.conftest import DIRECTORY_CSV

    h = Harness(db_url=db_url, clock=FakeClock(START), channel="telegram")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)  # dated 20/02/2018
        mark = len(h.sent)
        await h.reply("admin", "1 hạn 15 ngày")
        [said] = texts_to(h, "admin", mark)
        assert "• nhiệm vụ 1 (Mục 1), hạn 15 ngày kể từ ngày ký (20/02/2018): đến 07/03/2018" in said, said
    finally:
        await h.stop()
