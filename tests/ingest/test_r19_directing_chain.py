"""Round 19: in a news or portal report (no kind, no number of its own), a duty that directs others — "yêu cầu X chỉ
đạo các phòng, ban A; B" — and goes on after ';' with a clause that opens with its verb is two tasks: B is the doer's
own next duty, as the labels of retold reports read it (r18 had kept such two clauses whole). A formal notice, with its
kind and number, keeps its item's ';' clauses in one task; a chain that opens with its verb and names no doer stays
whole; "X chủ trì, …; …" stays whole."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """{town} chấn chỉnh công tác {topic}

Ngày 12/{month}/2026, UBND tỉnh có văn bản chỉ đạo về công tác {topic} trên địa bàn {town}.

Theo đó, UBND tỉnh yêu cầu {doer} chỉ đạo {directed} tăng cường công tác {topic} trên địa bàn; {second}.
"""

FORMAL = """UBND TỈNH AN BÌNH
Số: 215/UBND-KT
An Bình, ngày 12 tháng {month} năm 2026
CÔNG VĂN
Về việc chấn chỉnh công tác {topic}

Kính gửi: {doer}

1. {doer} chỉ đạo {directed} tăng cường công tác {topic} trên địa bàn; {second}.
"""

SECONDS = [
    "kịp thời kiểm tra, xử lý nghiêm các hành vi vi phạm theo quy định của pháp luật",
    "tổ chức kiểm điểm, làm rõ trách nhiệm của tập thể, cá nhân để xảy ra vi phạm",
    "rà soát, báo cáo kết quả thực hiện về UBND tỉnh trước ngày 30/{month}/2026",
]
CASES = [
    dict(town="huyện Đông Sơn", doer="Chủ tịch UBND huyện Đông Sơn", directed="các phòng, ban chuyên môn",
         topic="quản lý đất đai"),
    dict(town="thị xã Bình Minh", doer="UBND thị xã Bình Minh", directed="UBND các xã, phường",
         topic="quản lý trật tự xây dựng"),
]


def _find(tasks: list, words: str) -> list:
    return [t for t in tasks if words in t.text]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("second", SECONDS)
def test_a_retold_directing_duty_and_the_next_clause_are_two_tasks(c: dict[str, str], second: str) -> None:
    second = second.format(month=5)
    tasks = list(parse_notice(REPORT.format(**c, month=5, second=second)).tasks)
    directing = _find(tasks, f"chỉ đạo {c['directed']} tăng cường")
    nxt = _find(tasks, second[:40])
    assert len(directing) == 1 and len(nxt) == 1, [t.text for t in tasks]
    assert directing[0] is not nxt[0]
    assert list(nxt[0].lead) == list(directing[0].lead) == [c["doer"]], [t.lead for t in tasks]


@pytest.mark.parametrize("c", CASES)
def test_a_formal_notice_keeps_the_item_whole(c: dict[str, str]) -> None:
    second = SECONDS[0]
    tasks = list(parse_notice(FORMAL.format(**c, month=5, second=second)).tasks)
    hits = _find(tasks, f"chỉ đạo {c['directed']} tăng cường")
    assert len(hits) == 1 and second[:40] in hits[0].text, [t.text for t in tasks]


@pytest.mark.parametrize("c", CASES)
def test_a_chain_opening_with_its_verb_stays_whole(c: dict[str, str]) -> None:
    body = REPORT.format(**c, month=5, second=SECONDS[0]).replace(
        f"Theo đó, UBND tỉnh yêu cầu {c['doer']} chỉ đạo", f"Theo đó, UBND tỉnh yêu cầu {c['doer']} rà soát hồ sơ.\n\n"
        "Chỉ đạo")
    tasks = list(parse_notice(body).tasks)
    assert any(f"{c['directed']} tăng cường" in t.text and SECONDS[0][:40] in t.text for t in tasks), \
        [t.text for t in tasks]
