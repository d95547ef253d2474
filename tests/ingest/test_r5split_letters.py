"""Task recall in a letter's or a news copy's paragraphs (round 5, split): several asks to different doers in one
paragraph, and paragraphs after the ask that name their own doer."""

from __future__ import annotations

import datetime as dt

from bot.ingest import parse_notice


def _texts(raw: str) -> list[str]:
    return [t.text for t in parse_notice(raw).tasks]


def _task_with(raw: str, phrase: str) -> int:
    hits = [i for i, text in enumerate(_texts(raw)) if phrase in text]
    assert len(hits) == 1, (phrase, _texts(raw))
    return hits[0]


# a news copy: the ask, then a paragraph that opens with another unit and its verb
LATER_DOER = """Huyện yêu cầu báo cáo tình hình hạn hán

Chủ tịch UBND huyện vừa có văn bản giao UBND các xã rà soát diện tích lúa bị hạn, báo cáo trước ngày 10/7/2026.

Phòng Nông nghiệp huyện theo dõi, tổng hợp kết quả rà soát của các xã, tham mưu UBND huyện phương án hỗ trợ.
"""


def test_a_later_paragraph_opening_with_its_doer_is_a_task() -> None:
    first = _task_with(LATER_DOER, "rà soát diện tích lúa")
    second = _task_with(LATER_DOER, "theo dõi, tổng hợp kết quả")
    assert first != second
    assert parse_notice(LATER_DOER).tasks[second].lead == ("Phòng Nông nghiệp huyện",)


# the same doer named again at the head of its own paragraph: a second duty, not a continuation
SAME_DOER_AGAIN = """Tỉnh chỉ đạo chuẩn bị Tết cho hộ khó khăn

Chủ tịch UBND tỉnh yêu cầu UBND các huyện rà soát các hộ có nguy cơ thiếu đói trong dịp Tết.

UBND các huyện chủ động bố trí kinh phí từ nguồn dự phòng để hỗ trợ các hộ khó khăn.
"""


def test_the_same_doer_opening_a_new_paragraph_gets_a_task_of_its_own() -> None:
    assert _task_with(SAME_DOER_AGAIN, "rà soát các hộ") != _task_with(SAME_DOER_AGAIN, "chủ động bố trí kinh phí")


# "Bên cạnh đó, …" / "Song song đó, …" after an ask: the doer named next has a duty of its own
CONNECTIVE = """Tỉnh triển khai tiêm vắc xin cho trẻ em

UBND tỉnh vừa có văn bản yêu cầu Sở Y tế xây dựng kế hoạch tiêm chủng cho trẻ em trên địa bàn. \
Song song đó, các địa phương phối hợp với ngành y tế vận động người dân đưa trẻ đi tiêm đúng lịch.
"""

CONNECTIVE_SAME = """Bộ chỉ đạo bảo đảm hàng hóa dịp Tết

Bộ yêu cầu các tỉnh chủ động nguồn hàng phục vụ nhân dân dịp Tết. \
Bên cạnh đó, các tỉnh cần kiểm tra, kiểm soát giá cả thị trường trên địa bàn.
"""


def test_a_connective_then_other_doers_starts_a_task() -> None:
    assert _task_with(CONNECTIVE, "xây dựng kế hoạch tiêm chủng") != _task_with(CONNECTIVE, "vận động người dân")
    tasks = parse_notice(CONNECTIVE).tasks
    assert tasks[_task_with(CONNECTIVE, "vận động người dân")].lead == ("các địa phương",)


def test_a_connective_then_the_same_doer_starts_a_task() -> None:
    assert _task_with(CONNECTIVE_SAME, "chủ động nguồn hàng") != \
        _task_with(CONNECTIVE_SAME, "kiểm tra, kiểm soát giá cả")


def test_an_account_before_the_ask_stays_out() -> None:
    raw = """Huyện ra quân làm thủy lợi

Sáng 5/3/2026, UBND huyện đã tổ chức lễ ra quân làm thủy lợi đầu năm.

Chủ tịch UBND huyện yêu cầu UBND các xã nạo vét kênh mương trước ngày 30/3/2026.
"""
    assert not any("lễ ra quân" in t for t in _texts(raw))


def test_the_addressees_told_when_and_a_body_agreeing_are_no_new_tasks() -> None:
    raw = """Kính gửi: Hiệu trưởng các trường tiểu học.

Đề nghị Hiệu trưởng các trường rà soát sổ sách thu chi quỹ của đơn vị mình.

Các đơn vị thực hiện trước ngày 24/3/2026.

Ban Thường vụ Huyện ủy cơ bản thống nhất với dự thảo kế hoạch do các trường trình.
"""
    texts = _texts(raw)
    assert len(texts) == 1 and "rà soát sổ sách" in texts[0]


# the time the next doer's work is due, then that doer: "Trước ngày 20/5, các xã phải …"
DATED_DOER = """Kính gửi: Các phòng, ban chuyên môn thuộc huyện.

Đề nghị Phòng Tài chính - Kế hoạch tổng hợp dự toán ngân sách năm 2027 của các đơn vị. \
Trước ngày 20/5/2026, các xã phải gửi báo cáo thu ngân sách về Phòng Tài chính - Kế hoạch.
"""

# "Theo đó, …" after the ask: the doer named next has its own duty
THEREBY_DOER = """Kính gửi: UBND các xã.

UBND huyện giao UBND các xã lập danh sách hộ gia đình có người đi làm ăn xa. \
Theo đó, UBND các xã xác minh thông tin từng hộ và gửi về UBND xã.
"""


def test_a_date_opening_then_other_doers_starts_a_task() -> None:
    second = _task_with(DATED_DOER, "gửi báo cáo thu ngân sách")
    assert _task_with(DATED_DOER, "tổng hợp dự toán") != second
    task = parse_notice(DATED_DOER).tasks[second]
    assert task.due == dt.date(2026, 5, 20)


def test_thereby_then_other_doers_starts_a_task() -> None:
    assert _task_with(THEREBY_DOER, "lập danh sách hộ") != _task_with(THEREBY_DOER, "xác minh thông tin")


def test_a_bare_imperative_after_the_ask_is_the_same_doers_next_task() -> None:
    raw = """Kính gửi: Các phòng, ban thuộc UBND huyện.

Chủ tịch UBND huyện yêu cầu các phòng, ban tập trung thực hiện các nhiệm vụ trọng tâm trong quý III năm 2026. \
Đẩy nhanh tiến độ giải ngân vốn đầu tư công đã được giao.
"""
    assert _task_with(raw, "nhiệm vụ trọng tâm") != _task_with(raw, "tiến độ giải ngân")


def test_after_a_when_clause_the_doer_named_next_starts_a_task() -> None:
    raw = """Kính gửi: UBND các xã.

UBND huyện giao Phòng Nông nghiệp hướng dẫn các xã tự đánh giá các tiêu chí nông thôn mới. \
Sau khi lấy ý kiến nhân dân, UBND các xã hoàn thiện hồ sơ, báo cáo UBND huyện trước ngày 15/9/2026.
"""
    second = _task_with(raw, "hoàn thiện hồ sơ")
    assert _task_with(raw, "tự đánh giá các tiêu chí") != second
    assert parse_notice(raw).tasks[second].lead == ("UBND các xã",)


def test_an_ask_with_a_colon_then_a_unit_at_work_directs() -> None:
    raw = """Tỉnh chuẩn bị kỳ họp HĐND cuối năm

Sau khi nghe các sở báo cáo, Phó Chủ tịch UBND tỉnh chỉ đạo: Sở Tư pháp phối hợp với Văn phòng UBND tỉnh \
rà soát lại các dự thảo nghị quyết trình kỳ họp.
"""
    _task_with(raw, "rà soát lại các dự thảo nghị quyết")
