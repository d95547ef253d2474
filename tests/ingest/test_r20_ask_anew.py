"""Round 20: in a news or portal report (no kind, no number of its own), a sentence that asks other units anew after an
ask — "… . Yêu cầu các địa phương thành lập …", "… . Đối với báo cáo chính trị, đồng chí yêu cầu ban soạn thảo tuân
thủ …", "… . Đối với …, giao trách nhiệm cho bộ phận địa chính phường kiểm tra …" — is a task of its own, led by the
units it asks (named by their kind alone too: the words before their verb). Not where the text before asks nobody (a
narration, a quoted request), nor in a formal notice."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """{place} rà soát công tác quản lý {topic}

Ngày 14/5/2026, Chủ tịch UBND huyện đã làm việc với {place} về công tác quản lý {topic}.

Tại buổi làm việc, Chủ tịch UBND huyện giao {doer} khẩn trương rà soát, thống kê các trường hợp vi phạm về {topic} \
trên địa bàn, báo cáo UBND huyện trước ngày 30/5/2026. {second}
"""

FORMAL = """UBND HUYỆN AN BÌNH
Số: 412/TB-UBND
An Bình, ngày 14 tháng 5 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện về công tác quản lý {topic}

Kính gửi: {doer}

1. Giao {doer} khẩn trương rà soát, thống kê các trường hợp vi phạm về {topic} trên địa bàn, báo cáo UBND huyện \
trước ngày 30/5/2026. {second}
"""

CASES = [
    dict(place="xã Tân Lập", doer="UBND xã Tân Lập", topic="đất đai"),
    dict(place="phường Phú Hội", doer="UBND phường Phú Hội", topic="trật tự xây dựng"),
]

# (the sentence that asks anew, the units it asks)
ASKS = [
    ("Yêu cầu các địa phương thành lập Tổ kiểm tra, tiến hành kiểm tra tại những địa bàn khó khăn, phức tạp.",
     ["các địa phương"]),
    ("Đối với báo cáo chính trị, đồng chí yêu cầu ban soạn thảo tuân thủ hướng dẫn, bảo đảm nội dung ngắn gọn, "
     "xúc tích.", ["ban soạn thảo"]),
    ("Đối với các trường hợp thải rác trái quy định, giao trách nhiệm cho bộ phận địa chính phường kiểm tra, xác minh "
     "thông tin để xử lý.", ["bộ phận địa chính phường"]),
    ("Đối với các trường hợp vi phạm kéo dài, đồng chí yêu cầu tổ công tác của huyện kiểm tra, xác minh thông tin "
     "để xử lý theo quy định.", ["tổ công tác của huyện"]),
]


def _find(tasks: list, words: str) -> list:
    return [t for t in tasks if words in t.text]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize(("second", "asked"), ASKS)
def test_a_sentence_that_asks_anew_is_a_task_of_its_own(c: dict[str, str], second: str, asked: list[str]) -> None:
    tasks = list(parse_notice(REPORT.format(**c, second=second)).tasks)
    first = _find(tasks, "khẩn trương rà soát, thống kê")
    nxt = _find(tasks, second[-50:-1])
    assert len(first) == 1 and len(nxt) == 1 and first[0] is not nxt[0], [t.text for t in tasks]
    assert list(first[0].lead) == [c["doer"]], [t.lead for t in tasks]
    assert list(nxt[0].lead) == asked, [t.lead for t in tasks]


@pytest.mark.parametrize("c", CASES)
def test_a_formal_notice_keeps_the_item_whole(c: dict[str, str]) -> None:
    second = ASKS[1][0]
    tasks = list(parse_notice(FORMAL.format(**c, second=second)).tasks)
    hits = _find(tasks, "khẩn trương rà soát, thống kê")
    assert len(hits) == 1 and second[-50:-1] in hits[0].text, [t.text for t in tasks]


NARRATED = """{place} rà soát công tác quản lý {topic}

{first} Đồng chí Chủ tịch UBND huyện giao {doer} chủ trì, phối hợp với các cơ quan liên quan kiểm tra, xử lý dứt \
điểm, trả lời công dân.
"""


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("first", [
    # a quoted request is no ask of the report's own
    "Nội dung công dân kiến nghị: “Đề nghị {doer} sớm giải quyết dứt điểm các trường hợp vi phạm về {topic} tại khu "
    "dân cư số 5.",
    # a narration asks nobody
    "Ngày 14/5/2026, đoàn công tác của huyện đã kiểm tra tình hình quản lý {topic} tại {place} và ghi nhận nhiều kết "
    "quả tích cực.",
])
def test_an_ask_after_text_that_asks_nobody_is_not_split_from_it(c: dict[str, str], first: str) -> None:
    tasks = list(parse_notice(NARRATED.format(**c, first=first.format(**c))).tasks)
    assert len(tasks) == 1 and "kiểm tra, xử lý dứt điểm" in tasks[0].text, [t.text for t in tasks]
