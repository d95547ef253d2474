"""Round 20: in a news or portal report (no kind, no number of its own), a ';' clause that singles out the doer's
next duty — "…; đặc biệt, thường xuyên rà soát các nhiệm vụ có gắn sao …" — is a task of its own, like "…; đồng
thời, tăng cường …". A formal notice keeps its item's clauses in one task."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """{town} tập trung hoàn thành các nhiệm vụ được giao

Ngày 12/{month}/2026, UBND tỉnh có văn bản chỉ đạo về việc thực hiện các nhiệm vụ do lãnh đạo UBND tỉnh giao.

Theo đó, UBND tỉnh yêu cầu {doer} tập trung chỉ đạo thực hiện nghiêm túc, đúng tiến độ các nhiệm vụ do lãnh đạo \
UBND tỉnh giao; {second}.
"""

FORMAL = """UBND TỈNH AN BÌNH
Số: 215/UBND-TH
An Bình, ngày 12 tháng {month} năm 2026
CÔNG VĂN
Về việc thực hiện các nhiệm vụ được giao

Kính gửi: {doer}

1. {doer} tập trung chỉ đạo thực hiện nghiêm túc, đúng tiến độ các nhiệm vụ do lãnh đạo UBND tỉnh giao; {second}.
"""

CASES = [
    dict(town="thành phố Tân An", doer="UBND thành phố Tân An"),
    dict(town="huyện Đức Hòa", doer="Văn phòng UBND huyện Đức Hòa"),
]
SECONDS = [
    "đặc biệt, thường xuyên rà soát các nhiệm vụ có gắn sao, tập trung giải quyết dứt điểm các nhiệm vụ quá hạn",
    "đặc biệt, tăng cường kiểm tra, đôn đốc việc thực hiện các nhiệm vụ trọng tâm của năm 2026",
]


def _find(tasks: list, words: str) -> list:
    return [t for t in tasks if words in t.text]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("second", SECONDS)
def test_a_duty_singled_out_after_a_semicolon_is_a_task(c: dict[str, str], second: str) -> None:
    tasks = list(parse_notice(REPORT.format(**c, month=5, second=second)).tasks)
    first = _find(tasks, "tập trung chỉ đạo thực hiện nghiêm túc")
    nxt = _find(tasks, second[-50:])
    assert len(first) == 1 and len(nxt) == 1 and first[0] is not nxt[0], [t.text for t in tasks]
    assert list(nxt[0].lead) == list(first[0].lead) == [c["doer"]], [t.lead for t in tasks]


@pytest.mark.parametrize("c", CASES)
def test_a_formal_notice_keeps_the_item_whole(c: dict[str, str]) -> None:
    tasks = list(parse_notice(FORMAL.format(**c, month=5, second=SECONDS[0])).tasks)
    hits = _find(tasks, "tập trung chỉ đạo thực hiện nghiêm túc")
    assert len(hits) == 1 and SECONDS[0][-50:] in hits[0].text, [t.text for t in tasks]
