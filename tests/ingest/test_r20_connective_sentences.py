"""Round 20: in a news or portal report (no kind, no number of its own), a sentence that adds the next piece of work
with a connective — "… . Đồng thời, nhà thầu tập trung …", "… . Bên cạnh đó, các xã chú trọng …", "… . Đồng thời,
thực hiện nghiêm túc …" — is a duty of its own. Its doer: the one it names, even by its kind alone ("nhà thầu", "các
xã", "lãnh đạo các địa phương"); the report's own doer where it names none or only the place again ("xã", "tỉnh").
A formal notice keeps its item whole; an account ("Đồng thời, xã đã …") and a sentence with no connective go on
with the sentence before."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """{place} đẩy nhanh tiến độ {topic}

Ngày 14/{month}/2026, đồng chí Chủ tịch UBND huyện đã kiểm tra tiến độ {topic} tại {place}.

Sau khi kiểm tra thực tế, đồng chí Chủ tịch UBND huyện giao {doer} chủ trì, phối hợp với các đơn vị liên quan \
tăng cường kiểm tra, đôn đốc và giải quyết dứt điểm các vướng mắc về {topic} trên địa bàn. {second}
"""

FORMAL = """UBND HUYỆN AN BÌNH
Số: 318/UBND-KT
An Bình, ngày 14 tháng {month} năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện về {topic}

Kính gửi: {doer}

1. {doer} tăng cường kiểm tra, đôn đốc và giải quyết dứt điểm các vướng mắc về {topic} trên địa bàn. {second}
"""

CASES = [
    dict(place="xã Tân Lập", doer="UBND xã Tân Lập", topic="giải phóng mặt bằng dự án đường tỉnh 291"),
    dict(place="thị trấn Phú Mỹ", doer="Phòng Kinh tế và Hạ tầng huyện", topic="xây dựng khu tái định cư Bắc Sơn"),
]

# (sentence, its own doer; None: the report's doer)
SECONDS = [
    ("Đồng thời, nhà thầu tập trung nhân lực, thiết bị nhằm sớm hoàn thành các hạng mục theo tiến độ cam kết.",
     ["nhà thầu"]),
    ("Đặc biệt các xã tiếp tục chú trọng công tác tuyên truyền, vận động người dân bàn giao mặt bằng đúng hạn.",
     ["các xã"]),
    ("Đặc biệt, lãnh đạo các địa phương cần chỉ đạo rà soát, lập danh sách các hộ chưa nhận tiền bồi thường.",
     ["lãnh đạo các địa phương"]),
    ("Cùng với công tác tuyên truyền, các địa phương, cơ quan đơn vị tổ chức đối thoại với các hộ dân còn vướng mắc.",
     ["các địa phương", "cơ quan đơn vị"]),
    ("Ngoài ra, xã sẽ tổ chức họp dân để công khai phương án bồi thường, hỗ trợ và tái định cư.", None),
]
# (a connective, then the verb: the same doer's next duty — the base already split this shape where it read the
# paragraph sentence by sentence; the guard keeps it so in the retold split too)
SAME_DOER = "Đồng thời, thực hiện nghiêm túc chế độ báo cáo và công khai kết quả giải quyết kiến nghị của người dân."


def _find(tasks: list, words: str) -> list:
    return [t for t in tasks if words in t.text]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize(("second", "doer"), SECONDS)
def test_a_connective_sentence_is_a_duty_of_its_own(c: dict[str, str], second: str, doer: list[str] | None) -> None:
    tasks = list(parse_notice(REPORT.format(**c, month=5, second=second)).tasks)
    first = _find(tasks, "tăng cường kiểm tra, đôn đốc")
    nxt = _find(tasks, second[-60:-1])
    assert len(first) == 1 and len(nxt) == 1, [t.text for t in tasks]
    assert first[0] is not nxt[0] and second[-60:-1] not in first[0].text
    assert list(first[0].lead) == [c["doer"]], [t.lead for t in tasks]
    assert list(nxt[0].lead) == (doer or [c["doer"]]), [t.lead for t in tasks]


@pytest.mark.parametrize("c", CASES)
def test_a_connective_and_a_verb_is_the_same_doers_next_duty(c: dict[str, str]) -> None:
    tasks = list(parse_notice(REPORT.format(**c, month=5, second=SAME_DOER)).tasks)
    nxt = _find(tasks, SAME_DOER[-60:-1])
    assert len(nxt) == 1 and "tăng cường kiểm tra, đôn đốc" not in nxt[0].text, [t.text for t in tasks]
    assert list(nxt[0].lead) == [c["doer"]], [t.lead for t in tasks]


@pytest.mark.parametrize("c", CASES)
def test_a_formal_notice_keeps_the_item_whole(c: dict[str, str]) -> None:
    second = SECONDS[0][0]
    tasks = list(parse_notice(FORMAL.format(**c, month=5, second=second)).tasks)
    hits = _find(tasks, "tăng cường kiểm tra, đôn đốc")
    assert len(hits) == 1 and second[-60:-1] in hits[0].text, [t.text for t in tasks]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("second", [
    # an account of what was done, not work asked
    "Đồng thời, xã đã tổ chức họp dân để công khai phương án bồi thường, hỗ trợ và tái định cư cho các hộ.",
    # no connective: the sentence goes on with the one before
    "Việc chậm bàn giao mặt bằng làm ảnh hưởng đến tiến độ chung của dự án và quyền lợi của người dân.",
    # a connective, then no work: an assessment
    "Bên cạnh đó, nhiều hộ dân còn chưa đồng thuận với phương án bồi thường, hỗ trợ đã được phê duyệt.",
])
def test_an_account_or_a_remark_stays_with_the_sentence_before(c: dict[str, str], second: str) -> None:
    tasks = list(parse_notice(REPORT.format(**c, month=5, second=second)).tasks)
    hits = _find(tasks, "tăng cường kiểm tra, đôn đốc")
    assert len(hits) == 1 and second[-60:-1] in hits[0].text, [t.text for t in tasks]
    assert not [t for t in tasks if t.text.startswith(second[:30])], [t.text for t in tasks]
