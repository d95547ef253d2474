"""Round 17: "Thường xuyên <verb> …" after an ask is the asked unit's next piece of work, as "Cử …", "Tăng cường …"
are (the pattern listed it but could never match: it ate the space its own continuation needed)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import ALSO_WORK

LETTER = """Ngày 12/01/2026, UBND tỉnh có công văn về phòng, chống rét cho vật nuôi.

UBND tỉnh yêu cầu {unit} chỉ đạo các đơn vị trực thuộc triển khai các biện pháp chống rét cho đàn vật nuôi. \
Cử ngay các đoàn công tác xuống cơ sở kiểm tra việc thực hiện. Thường xuyên {work}.
"""


@pytest.mark.parametrize("work", ["theo dõi diễn biến thời tiết để thông báo cho người chăn nuôi biết",
                                  "cập nhật tình hình thiệt hại, báo cáo về Sở Nông nghiệp",
                                  "kiểm tra việc che chắn chuồng trại của các hộ chăn nuôi"])
@pytest.mark.parametrize("unit", ["Sở Nông nghiệp và Phát triển nông thôn", "UBND các huyện, thành phố"])
def test_often_and_its_verb_is_a_task_of_the_asked_unit(unit: str, work: str) -> None:
    tasks = parse_notice(LETTER.format(unit=unit, work=work)).tasks
    own = [t for t in tasks if t.text.startswith("Thường xuyên")]
    assert len(own) == 1, [t.text for t in tasks]
    assert own[0].text.startswith(f"Thường xuyên {work}")


def test_often_as_an_adverb_of_a_description_is_no_work() -> None:
    assert ALSO_WORK.match("Thường xuyên theo dõi diễn biến thời tiết.") is not None
    assert ALSO_WORK.match("Thường xuyên, các đoàn kiểm tra đã đến cơ sở.") is None
