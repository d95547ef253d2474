from __future__ import annotations

import datetime as dt

import pytest

from storage.corrections import Correction, CorrectionError, parse_corrections

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


@pytest.mark.parametrize("text", ["cảm ơn", "3 hạn ngày mai", "3 hạn 31/2/2018"])
def test_what_is_not_a_correction_is_explained(text: str) -> None:
    with pytest.raises(CorrectionError) as caught:
        parse_corrections(text, today=TODAY)
    assert caught.value.user_message.startswith(("Không hiểu", "Ngày"))
