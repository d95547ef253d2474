from __future__ import annotations

import datetime as dt

import pytest

from bot.corrections import CorrectionError, parse_corrections
from storage.corrections import Correction

TODAY = dt.date(2018, 3, 1)


def test_each_line_is_one_correction() -> None:
    got = parse_corrections("3: Sở Tài chính\nMục 2.1 chủ trì: Ban Tuyên giáo\n3 hạn 30/4\n4 hạn không\nbỏ 5",
                            today=TODAY)
    assert got == [
        Correction(target="3", field="lead", value="Sở Tài chính"),
        Correction(target="mục 2.1", field="lead", value="Ban Tuyên giáo"),
        Correction(target="3", field="due", value=dt.date(2018, 4, 30)),
        Correction(target="4", field="due", value=None),
        Correction(target="5", field="drop"),
    ]


@pytest.mark.parametrize("text", ["cảm ơn", "3 hạn sớm nhất có thể", "3 hạn 31/2/2018"])
def test_what_is_not_a_correction_is_explained(text: str) -> None:
    with pytest.raises(CorrectionError) as caught:
        parse_corrections(text, today=TODAY)
    assert caught.value.user_message.startswith(("Không hiểu", "Ngày"))


def test_deadlines_as_typed_and_the_hint_names_this_year() -> None:
    got = parse_corrections("3 hạn thứ 6 tuần sau\n4 thời hạn: cuối tháng\n5 hạn 1/2\n6 hạn không có", today=TODAY)
    assert [c.value for c in got] == [dt.date(2018, 3, 9), dt.date(2018, 3, 31), dt.date(2019, 2, 1), None]
    with pytest.raises(CorrectionError) as caught:
        parse_corrections("cảm ơn", today=dt.date(2026, 5, 4))
    assert "“3 hạn 30/4/2026”" in caught.value.user_message and "2018" not in caught.value.user_message


@pytest.mark.parametrize(("typed", "expected"), [
    ("bo 3", [("3", "drop", None)]),
    ("bỏ 3, bỏ 5", [("3", "drop", None), ("5", "drop", None)]),
    ("bỏ 3, 5 và 7", [("3", "drop", None), ("5", "drop", None), ("7", "drop", None)]),
    ("bo muc II.1.a", [("mục ii.1.a", "drop", None)]),
    ("4 han 30/4/2026", [("4", "due", dt.date(2026, 4, 30))]),
])
def test_corrections_typed_without_marks_or_several_on_a_line(typed: str, expected: list[tuple[str, str, object]]) \
        -> None:
    got = parse_corrections(typed, today=dt.date(2026, 1, 26))
    assert [(c.target, c.field, c.value) for c in got] == expected
