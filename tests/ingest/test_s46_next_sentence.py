"""Session 46: in a news or portal report (no kind, no number of its own), the sentence after a duty that names no
doer is that doer's next duty when it opens with a connective and any verb in lower case ("… . Đồng thời, làm việc
với …", "… . Đồng thời thu hồi …", "… . Đặc biệt, lưu ý bố trí …"), or with a work verb and no connective ("… .
Tham mưu UBND huyện ban hành …", "… . Tổ chức đối thoại …"). A sentence that counts what was done ("… 12 vụ …,
tăng 5 vụ so với cùng kỳ") or opens with a noun, a pointer or a cause after its connective ("Cùng với đó, dự án …",
"Đồng thời, đây là …") goes on with the sentence before, as does every later sentence of a formal notice's item."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

REPORT = """{place} đẩy nhanh tiến độ {topic}

Ngày 21/{month}/2026, đồng chí Phó Chủ tịch UBND huyện đã làm việc với {place} về tiến độ {topic}.

Kết luận buổi làm việc, đồng chí Phó Chủ tịch UBND huyện yêu cầu {doer} tập trung giải quyết dứt điểm các \
vướng mắc về {topic}, hoàn thành trong quý III năm 2026. {second}
"""

FORMAL = """UBND HUYỆN AN BÌNH
Số: 402/TB-UBND
An Bình, ngày 21 tháng {month} năm 2026
THÔNG BÁO
Kết luận của Phó Chủ tịch UBND huyện về {topic}

Kính gửi: {doer}

1. {doer} tập trung giải quyết dứt điểm các vướng mắc về {topic}, hoàn thành trong quý III năm 2026. {second}
"""

CASES = [
    dict(place="xã Hòa Phú", doer="UBND xã Hòa Phú", topic="bồi thường dự án kè sông Cái"),
    dict(place="thị trấn Long Mỹ", doer="Ban Quản lý dự án đầu tư xây dựng huyện", topic="xây dựng chợ trung tâm"),
]

NEXT_DUTIES = [
    # a connective, then a verb no list of work verbs holds
    "Đồng thời, làm việc với từng hộ dân còn vướng mắc để thống nhất phương án trước khi tổ chức cưỡng chế.",
    # no comma after the connective
    "Đồng thời thu hồi toàn bộ diện tích đất công đã cho thuê sai mục đích trên địa bàn trong thời gian qua.",
    "Đặc biệt, lưu ý bố trí đủ kinh phí chi trả cho các hộ dân ngay khi phương án được phê duyệt.",
    # no connective: a work verb opens the sentence
    "Tham mưu UBND huyện ban hành kế hoạch cưỡng chế đối với các trường hợp cố tình không bàn giao mặt bằng.",
    "Tổ chức đối thoại với các hộ dân chưa đồng thuận, giải thích rõ chính sách bồi thường, hỗ trợ của tỉnh.",
]

GOES_ON = [
    # an account that counts what was done
    "Đồng thời, phát hiện, xử lý 12 vụ vi phạm về đất đai, tăng 5 vụ so với cùng kỳ năm trước trên địa bàn.",
    # a connective, then a noun, a pointer or an account
    "Cùng với đó, dự án khu dân cư phía Bắc cũng tạm dừng thi công do vướng mặt bằng trong nhiều tháng qua.",
    "Đồng thời, đây là công trình trọng điểm của huyện trong giai đoạn 2026 - 2030 được nhân dân rất mong đợi.",
    "Đồng thời, đã có 37 hộ dân nhận tiền bồi thường và bàn giao mặt bằng cho đơn vị thi công trong tháng.",
    # "Cụ thể" spelling out a finding; a finding after a connective (a cause and its effect)
    "Cụ thể, mức hỗ trợ mỗi hộ là 5 triệu đồng, thấp nhất là 2 triệu đồng tại tổ dân phố Hòa Bình.",
    "Bên cạnh đó, việc chi trả do chưa có sự phối hợp giữa các phòng nên dẫn đến tiến độ còn chậm so với kế hoạch.",
]


def _find(tasks: list, words: str) -> list:
    return [t for t in tasks if words in t.text]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("second", NEXT_DUTIES)
def test_the_next_sentence_is_the_same_doers_next_duty(c: dict[str, str], second: str) -> None:
    tasks = list(parse_notice(REPORT.format(**c, month=6, second=second)).tasks)
    first = _find(tasks, "giải quyết dứt điểm các vướng mắc")
    nxt = _find(tasks, second[-50:-1])
    assert len(first) == 1 and len(nxt) == 1, [t.text for t in tasks]
    assert first[0] is not nxt[0] and second[-50:-1] not in first[0].text, [t.text for t in tasks]
    assert list(first[0].lead) == [c["doer"]] and list(nxt[0].lead) == [c["doer"]], [t.lead for t in tasks]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("second", GOES_ON)
def test_an_account_or_a_remark_goes_on_with_the_sentence_before(c: dict[str, str], second: str) -> None:
    tasks = list(parse_notice(REPORT.format(**c, month=6, second=second)).tasks)
    hits = _find(tasks, "giải quyết dứt điểm các vướng mắc")
    assert len(hits) == 1 and second[-50:-1] in hits[0].text, [t.text for t in tasks]
    assert not [t for t in tasks if t.text.startswith(second[:30])], [t.text for t in tasks]


@pytest.mark.parametrize("c", CASES)
@pytest.mark.parametrize("second", NEXT_DUTIES[:1] + NEXT_DUTIES[3:4])
def test_a_formal_notice_keeps_its_item_whole(c: dict[str, str], second: str) -> None:
    tasks = list(parse_notice(FORMAL.format(**c, month=6, second=second)).tasks)
    hits = _find(tasks, "giải quyết dứt điểm các vướng mắc")
    assert len(hits) == 1 and second[-50:-1] in hits[0].text, [t.text for t in tasks]


# a piece of work turned to another doer by a connective; the verb-first sentences after it are that doer's
TURNED = """Huyện An Bình tăng cường bảo đảm an toàn cho học sinh

Ngày 21/6/2026, UBND huyện An Bình tổ chức họp bàn các biện pháp bảo đảm an toàn cho học sinh.

Chủ tịch UBND huyện yêu cầu Phòng Giáo dục và Đào tạo chỉ đạo các trường rà soát quy trình đón, trả trẻ. Đồng thời, \
{doer} phối hợp với Phòng Giáo dục và Đào tạo chỉ đạo {below} phối hợp chặt chẽ với các trường học trên địa bàn. {third}
"""
TURNED_CASES = [dict(doer="Công an huyện", below="công an các xã"),
                dict(doer="Phòng Văn hóa và Thông tin", below="các đài truyền thanh xã")]


@pytest.mark.parametrize("c", TURNED_CASES)
@pytest.mark.parametrize("third", [
    "Triển khai ngay các biện pháp cụ thể nhằm phòng ngừa các thủ đoạn của tội phạm đối với trẻ em.",
    "Nghiên cứu, tham mưu UBND huyện ban hành chỉ thị về bảo đảm an toàn cho học sinh mầm non và tiểu học.",
])
def test_a_verb_first_sentence_after_a_turned_doer_is_that_doers_duty(c: dict[str, str], third: str) -> None:
    tasks = list(parse_notice(TURNED.format(**c, third=third)).tasks)
    turned = _find(tasks, "phối hợp chặt chẽ với các trường học")
    nxt = _find(tasks, third[-50:-1])
    assert len(turned) == 1 and len(nxt) == 1 and turned[0] is not nxt[0], [t.text for t in tasks]
    assert list(turned[0].lead) == [c["doer"]] and list(nxt[0].lead) == [c["doer"]], [t.lead for t in tasks]


@pytest.mark.parametrize("c", TURNED_CASES)
def test_a_verb_first_sentence_that_counts_is_an_account(c: dict[str, str]) -> None:
    third = "Tổ chức 15 đợt kiểm tra tại các trường học, tăng 4 đợt so với cùng kỳ năm học trước trên địa bàn."
    tasks = list(parse_notice(TURNED.format(**c, third=third)).tasks)
    assert not [t for t in tasks if t.text.startswith(third[:30])], [t.text for t in tasks]
