"""Probe 21, F9: the preview's deadline corrections read the domain's own words — "thường xuyên", "kịp thời" (no
deadline) and deadlines counted in days ("15 ngày", "trong 10 ngày làm việc"), counted from the notice's date as
the notice parser counts them (bot/ingest/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.corrections import parse_corrections
from storage.corrections import Correction

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
    assert got == Correction(target=line.split()[0], field="due", value=due)


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
